import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from foreignaffairs.core.continents import (
    Continent,
    continent_expression,
    continent_of,
    countries_in,
)
from foreignaffairs.core.dates import plausible_date_constraint, validate_plausible_date
from foreignaffairs.core.links import LinkedHistory
from foreignaffairs.core.models import DomainModel
from foreignaffairs.core.natural_keys import folded_key_field
from foreignaffairs.core.origins import OriginQuerySet, check_origin, origin_field
from foreignaffairs.core.search import search_text_field

# A relationship with no exchange for this long is dormant (computed in reports.exchanges,
# which sees the delegations and agreements).
DORMANT_AFTER_YEARS = 3


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


def active_on_q(
    day: datetime.date, established: str = "established_on", ended: str = "ended_on"
) -> Q:
    """Counting rule 5: established on or before `day` and not ended on or before it (on the
    partner's own dates, or on the date fields named)."""
    return Q(**{f"{established}__lte": day}) & (
        Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gt": day})
    )


def of_origin_q(origin: str) -> Q:
    """The partners `origin` had relations with: of that origin, or with a relationship row
    for it (a partner shared by two former provinces is in both)."""
    shared = PartnerOrigin.objects.filter(partner=OuterRef("pk"), origin=check_origin(origin))
    return Q(origin=origin) | Q(Exists(shared))


class PartnerLocalityQuerySet(OriginQuerySet):
    def of_origin(self, origin: str | None):
        if check_origin(origin) is None:
            return self
        return self.filter(of_origin_q(origin))

    def with_origin_dates(self, origin: str):
        """The partners of `origin` (see `of_origin`), annotated with that origin's relationship:
        `origin_established_on` and `origin_ended_on`. They come from the partner's row for the
        origin when it has relationship rows (a shared partner), else from its own dates.
        Rule 5 on one origin's basis counts with these (`active_on_q(day, *ORIGIN_DATES)`)."""
        rows = PartnerOrigin.objects.filter(partner=OuterRef("pk"), origin=check_origin(origin))
        own = ~Exists(PartnerOrigin.objects.filter(partner=OuterRef("pk")))
        return self.of_origin(origin).annotate(
            origin_established_on=Case(
                When(own, then=F("established_on")),
                default=Subquery(rows.values("established_on")[:1]),
            ),
            origin_ended_on=Case(
                When(own, then=F("ended_on")),
                default=Subquery(rows.values("ended_on")[:1]),
            ),
        )

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
    name_key = folded_key_field()
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
        validators=[validate_plausible_date],
        help_text=_(
            "Ngày ký văn bản thiết lập quan hệ. Để trống khi chỉ hợp tác, chưa có văn bản "
            "thiết lập; khi ký văn bản thiết lập quan hệ, ngày ký được điền tự động."
        ),
    )
    ended_on = models.DateField(
        _("ngày chấm dứt quan hệ"), null=True, blank=True, validators=[validate_plausible_date]
    )
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
    origin = origin_field()
    search_text = search_text_field()
    # Kept by core.daily_counts (reports.exchanges.LAST_EXCHANGE); read it through
    # `with_last_exchange()`.
    stored_last_exchange_on = models.DateField(_("trao đổi gần nhất"), null=True, editable=False)

    searchable_fields = ("name", "name_en", "name_local")
    folded_fields = {"name_key": "name"}
    objects = PartnerLocalityQuerySet.as_manager()
    kept_fields = ("stored_last_exchange_on",)
    history = HistoricalRecords(
        excluded_fields=["search_text", "stored_last_exchange_on"], bases=[LinkedHistory]
    )

    class Meta:
        verbose_name = _("địa phương đối tác")
        verbose_name_plural = _("địa phương đối tác")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name_key"],
                name="partners_partnerlocality_unique_name_per_country",
                violation_error_message=_(
                    "Quốc gia này đã có một địa phương đối tác cùng tên (không phân biệt chữ hoa, "
                    "chữ thường và dấu)."
                ),
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
            plausible_date_constraint(
                "established_on", "partners_partnerlocality_established_on_plausible"
            ),
            plausible_date_constraint("ended_on", "partners_partnerlocality_ended_on_plausible"),
        ]
        indexes = [
            models.Index(fields=["country", "established_on"]),
            # The partners whose stored last exchange a changed day may move
            # (core.daily_counts.LatestDate).
            models.Index(fields=["stored_last_exchange_on"], name="partners_last_exchange_idx"),
        ]

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
        if errors:
            raise ValidationError(errors)


# The date fields `PartnerLocalityQuerySet.with_origin_dates` adds, for `active_on_q`.
ORIGIN_DATES = ("origin_established_on", "origin_ended_on")


class PartnerOrigin(DomainModel):
    """The relationship one former province had with a partner shared by several (quan hệ theo
    đơn vị gốc): its own establishment and end dates.

    A partner with no such row has one origin, and its own dates are that origin's. A partner
    with rows (made by merging two records, or entered by staff) has one row per origin that
    had relations with it; its own dates are then the merged city's relationship (the earliest
    establishment), counted once in the merged total, and each row once in its origin's total.
    """

    partner = models.ForeignKey(
        PartnerLocality,
        verbose_name=_("địa phương đối tác"),
        on_delete=models.CASCADE,
        related_name="origins",
    )
    origin = origin_field()
    established_on = models.DateField(
        _("ngày thiết lập quan hệ"), null=True, blank=True, validators=[validate_plausible_date]
    )
    ended_on = models.DateField(
        _("ngày chấm dứt quan hệ"), null=True, blank=True, validators=[validate_plausible_date]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quan hệ theo đơn vị gốc")
        verbose_name_plural = _("quan hệ theo đơn vị gốc")
        ordering = ["partner", "established_on", "origin"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "origin"],
                name="partners_partnerorigin_unique_origin",
                violation_error_message=_("Địa phương đối tác đã có quan hệ với đơn vị gốc này."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(ended_on__gte=F("established_on")),
                name="partners_partnerorigin_ended_after_established",
                violation_error_message=_("Ngày chấm dứt không được trước ngày thiết lập."),
            ),
            plausible_date_constraint(
                "established_on", "partners_partnerorigin_established_on_plausible"
            ),
            plausible_date_constraint("ended_on", "partners_partnerorigin_ended_on_plausible"),
        ]

    def __str__(self):
        return f"{self.partner} – {self.get_origin_display()}"

    def clean(self):
        super().clean()
        if self.ended_on and self.established_on and self.ended_on < self.established_on:
            raise ValidationError(
                {"ended_on": _("Ngày chấm dứt không được trước ngày thiết lập quan hệ.")}
            )
