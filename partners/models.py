import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from foreignaffairs.models import DomainModel
from foreignaffairs.text import fold
from partners.continents import Continent, continent_expression, continent_of, countries_in

# A relationship with no exchange for this long is flagged as dormant.
DORMANT_AFTER_YEARS = 3
# Stands in for "never" inside GREATEST(), which returns NULL on SQLite if any argument is NULL.
NEVER = datetime.date(1, 1, 1)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def latest_of(*expressions):
    """The latest of several nullable date expressions, NULL when all are NULL."""
    return NullIf(Greatest(*(Coalesce(e, Value(NEVER)) for e in expressions)), Value(NEVER))


def latest_dates(sources) -> list[models.Subquery]:
    """For each (queryset, date field) of `sources`, the latest date as a subquery."""
    return [
        models.Subquery(
            queryset.order_by(f"-{field}").values(field)[:1], output_field=models.DateField()
        )
        for queryset, field in sources
    ]


def none_since(sources, cutoff: datetime.date) -> Q:
    """No row of any (queryset, date field) of `sources` dated on or after `cutoff`."""
    condition = Q()
    for queryset, field in sources:
        condition &= ~models.Exists(queryset.filter(**{f"{field}__gte": cutoff}))
    return condition


class AdministrativeKind(models.TextChoices):
    CITY = "city", _("Thành phố")
    PROVINCE = "province", _("Tỉnh")
    STATE = "state", _("Bang")
    REGION = "region", _("Vùng")
    OTHER = "other", _("Khác")


class Relationship(models.TextChoices):
    SISTER_CITY = "sister_city", _("Kết nghĩa")
    FRIENDSHIP = "friendship", _("Hữu nghị hợp tác")
    COOPERATION = "cooperation", _("Hợp tác")


class RelationshipStatus(models.TextChoices):
    """Where a relationship stands on a given day (the partner list shows it as of today)."""

    ACTIVE = "active", _("Đang có quan hệ")
    ENDED = "ended", _("Đã chấm dứt")
    NOT_ESTABLISHED = "not_established", _("Chưa thiết lập")


def active_on_q(day: datetime.date) -> Q:
    """Counting rule 5: established on or before `day` and not ended on or before it."""
    return Q(established_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))


class PartnerLocalityQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(active_on_q(day))

    def in_relationship_status(self, status: str, day: datetime.date | None = None):
        """Partners whose relationship is in `status` on `day` (today by default)."""
        day = day or timezone.localdate()
        ended = Q(ended_on__lte=day)
        if status == RelationshipStatus.ACTIVE:
            return self.filter(active_on_q(day))
        if status == RelationshipStatus.ENDED:
            return self.filter(ended)
        if status == RelationshipStatus.NOT_ESTABLISHED:
            return self.exclude(ended | active_on_q(day))
        raise ValueError(f"unknown relationship status {status!r}")

    def established_in_years(self, first: int, last: int):
        return self.filter(
            established_on__gte=datetime.date(first, 1, 1),
            established_on__lt=datetime.date(last + 1, 1, 1),
        )

    def established_in(self, year: int):
        return self.established_in_years(year, year)

    def in_continent(self, continent: str):
        return self.filter(country__in=countries_in(continent))

    def in_country(self, country_code: str):
        return self.filter(country=country_code)

    def with_continent(self):
        return self.annotate(continent=continent_expression("country"))

    def with_last_exchange(self, today: datetime.date | None = None):
        """Annotate `last_exchange_on` and `dormant`, in the same query as the partners.

        The last exchange is the latest of: a completed delegation either way, a signed
        agreement, an implementation activity under one, a held event with the partner.
        """
        today = today or timezone.localdate()
        return self.annotate(
            last_exchange_on=latest_of(*latest_dates(exchange_sources()))
        ).annotate(dormant=models.ExpressionWrapper(dormant_q(today), models.BooleanField()))

    def dormant(self, today: datetime.date | None = None):
        return self.with_last_exchange(today).filter(dormant=True)


def exchange_sources() -> list[tuple[models.QuerySet, str]]:
    """The exchanges with the partner of the outer query, each with its date field."""
    delegation_model = apps.get_model("delegations", "Delegation")
    event_model = apps.get_model("delegations", "Event")
    agreement_model = apps.get_model("agreements", "Agreement")
    activity_model = apps.get_model("agreements", "ImplementationActivity")
    partner = models.OuterRef("pk")
    return [
        (delegation_model.objects.completed().filter(partner=partner), "start_date"),
        (agreement_model.objects.signed().filter(partners=partner), "signed_on"),
        (activity_model.objects.filter(agreement__partners=partner), "date"),
        (event_model.objects.held().filter(partners=partner), "start_date"),
    ]


def dormant_q(today: datetime.date) -> Q:
    """A relationship not ended whose last exchange is more than 3 years old, or with no
    exchange at all and established more than 3 years ago. Needs the `last_exchange_on`
    annotation (`with_last_exchange`).

    Written as "no exchange since the cutoff" (NOT EXISTS, which PostgreSQL runs as anti-joins
    on indexes) rather than by comparing every partner's latest exchange with the cutoff.
    """
    cutoff = years_before(today, DORMANT_AFTER_YEARS)
    return (
        Q(ended_on__isnull=True)
        & none_since(exchange_sources(), cutoff)
        # The date first, so that the latest exchange is looked up only for partners
        # established recently. Never NULL (an unknown establishment date is not "before"),
        # so that `dormant=False` keeps every partner that is not dormant.
        & (
            Q(established_on__isnull=False, established_on__lt=cutoff)
            | Q(last_exchange_on__isnull=False)
        )
    )


class PartnerLocality(DomainModel):
    name = models.CharField(
        _("tên"), max_length=200, help_text=_("Tên tiếng Việt thường dùng, ví dụ: Yangon.")
    )
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    name_local = models.CharField(
        _("tên bản địa"),
        max_length=200,
        blank=True,
        help_text=_("Tên bằng ngôn ngữ của địa phương, nếu khác tên tiếng Anh."),
    )
    name_key = models.CharField(
        max_length=200,
        editable=False,
        help_text=_("Tên không dấu, chữ thường: dùng để không nhập trùng một địa phương."),
    )
    country = CountryField(_("quốc gia"))
    kind = models.CharField(
        _("cấp hành chính"),
        max_length=20,
        choices=AdministrativeKind,
        default=AdministrativeKind.CITY,
    )
    relationship = models.CharField(
        _("loại quan hệ"),
        max_length=20,
        choices=Relationship,
        default=Relationship.FRIENDSHIP,
    )
    established_on = models.DateField(
        _("ngày thiết lập quan hệ"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Ngày ký văn bản thiết lập quan hệ. Để trống khi chỉ hợp tác, chưa có văn bản "
            "thiết lập; khi ký văn bản thiết lập quan hệ, ngày ký được điền tự động."
        ),
    )
    ended_on = models.DateField(_("ngày chấm dứt quan hệ"), null=True, blank=True)
    latitude = models.DecimalField(
        _("vĩ độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("kinh độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    wikidata_id = models.CharField(
        _("mã Wikidata"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("Mã Wikidata có dạng Q123."))],
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = PartnerLocalityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("địa phương đối tác")
        verbose_name_plural = _("địa phương đối tác")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name_key"],
                name="partners_partnerlocality_unique_name_per_country",
                violation_error_message=_("Quốc gia này đã có một địa phương đối tác cùng tên."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(ended_on__gte=F("established_on")),
                name="partners_partnerlocality_ended_after_established",
                violation_error_message=_("Ngày chấm dứt không được trước ngày thiết lập."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="partners_partnerlocality_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="partners_partnerlocality_longitude_range",
            ),
        ]
        indexes = [models.Index(fields=["country", "established_on"])]

    def __str__(self):
        return f"{self.name} ({self.country.name})" if self.country else self.name

    @property
    def continent(self) -> str | None:
        return continent_of(self.country.code if self.country else None)

    def get_continent_display(self) -> str:
        code = self.continent
        return Continent(code).label if code else ""

    def is_active_on(self, day: datetime.date) -> bool:
        return (
            self.established_on is not None
            and self.established_on <= day
            and (self.ended_on is None or self.ended_on > day)
        )

    def relationship_status_on(self, day: datetime.date) -> RelationshipStatus:
        if self.ended_on is not None and self.ended_on <= day:
            return RelationshipStatus.ENDED
        if self.is_active_on(day):
            return RelationshipStatus.ACTIVE
        return RelationshipStatus.NOT_ESTABLISHED

    def clean(self):
        super().clean()
        errors = {}
        if self.country and self.country.code not in dict(countries):
            errors["country"] = _("Mã quốc gia không hợp lệ.")
        today = timezone.localdate()
        if self.established_on and self.established_on > today:
            errors["established_on"] = _("Ngày thiết lập quan hệ không được ở tương lai.")
        if self.ended_on and self.established_on and self.ended_on < self.established_on:
            errors["ended_on"] = _("Ngày chấm dứt không được trước ngày thiết lập quan hệ.")
        if self.name and self.country:
            duplicate = (
                PartnerLocality.objects.filter(country=self.country, name_key=fold(self.name))
                .exclude(pk=self.pk)
                .first()
            )
            if duplicate:
                errors["name"] = _(
                    "Đã có địa phương đối tác “%(name)s” ở %(country)s (không phân biệt hoa "
                    "thường và dấu)."
                ) % {"name": duplicate.name, "country": duplicate.country.name}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)
