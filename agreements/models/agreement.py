"""Agreements, their cooperation fields and the activities done under them: the choices,
the counting and follow-up rules (signed, new relationship, effective status, gone quiet,
expiring) and the QuerySet that applies them."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from delegations.models import Delegation, Event
from foreignaffairs.core import daily_counts
from foreignaffairs.core.continents import countries_in
from foreignaffairs.core.dates import (
    date_range,
    months_before,
    plausible_date_constraint,
    validate_plausible_date,
)
from foreignaffairs.core.links import LinkedHistory
from foreignaffairs.core.models import DomainModel
from foreignaffairs.core.natural_keys import folded_key_field
from foreignaffairs.core.origins import MERGER_DATE, Origin, OriginQuerySet, origin_field
from foreignaffairs.core.search import search_text_field
from foreignaffairs.core.uploads import validate_pdf

# An agreement in force with nothing done under it for this long is "ký xong để đó".
DORMANT_AFTER_MONTHS = 12
# An agreement in force and not renewing "expires soon" within this many days from today.
EXPIRING_WITHIN_DAYS = 180


class Kind(models.TextChoices):
    MOU = "mou", _("Biên bản ghi nhớ (MOU)")
    COOPERATION = "cooperation", _("Thỏa thuận hợp tác")
    RELATIONSHIP = "relationship", _("Thỏa thuận thiết lập quan hệ hữu nghị, kết nghĩa")
    ACTION_PLAN = "action_plan", _("Chương trình, kế hoạch hành động")
    LETTER_OF_INTENT = "letter_of_intent", _("Thư ý định")
    OTHER = "other", _("Khác")


class Status(models.TextChoices):
    NEGOTIATING = "negotiating", _("Đang đàm phán")
    IN_FORCE = "in_force", _("Đang có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    TERMINATED = "terminated", _("Đã chấm dứt")


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Họp, làm việc")
    EXCHANGE_VISIT = "exchange_visit", _("Trao đổi đoàn")
    JOINT_PROGRAMME = "joint_programme", _("Chương trình chung")
    TRAINING = "training", _("Đào tạo")
    EVENT = "event", _("Sự kiện")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Khác")


class CooperationField(models.Model):
    """Reference table of cooperation fields (lĩnh vực hợp tác), loaded from a fixture."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("lĩnh vực hợp tác")
        verbose_name_plural = _("lĩnh vực hợp tác")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


def effective_status_expression(today: datetime.date):
    """The status people see: in force but past a non-renewing expiry date reads as expired."""
    return models.Case(
        models.When(
            status=Status.IN_FORCE,
            auto_renew=False,
            expires_on__lt=today,
            then=Value(Status.EXPIRED.value),
        ),
        default=F("status"),
        output_field=models.CharField(),
    )


def signed_q() -> Q:
    """Counting rule 4 without the year: signed (not being negotiated, with a signing date)."""
    return ~Q(status=Status.NEGOTIATING) & Q(signed_on__isnull=False)


def new_relationship_q() -> Q:
    """With rule 4: the agreement founds a new friendship-and-cooperation relationship."""
    return Q(establishes_relationship=True)


def activity_sources() -> list[tuple[models.QuerySet, str]]:
    """What counts as activity under the agreement of the outer query, with its date field:
    implementation activities, completed delegations and held events linked to it."""
    agreement = OuterRef("pk")
    return [
        (ImplementationActivity.objects.filter(agreement=agreement), "date"),
        (Delegation.objects.completed().filter(agreements=agreement), "start_date"),
        (Event.objects.held().filter(agreements=agreement), "start_date"),
    ]


def dormant_q(today: datetime.date) -> Q:
    """ "Ký xong để đó": in force, and the last activity before the cutoff, or no activity at
    all and signed before it. Needs the `effective_status` and `last_activity_on` annotations
    (`with_follow_up`). Never NULL, so that `dormant=False` keeps every agreement that is not
    dormant."""
    cutoff = months_before(today, DORMANT_AFTER_MONTHS)
    return (
        # The stored status too, though the effective one implies it: PostgreSQL then reads
        # the follow-up index (`agreements_follow_up_idx`), not every agreement.
        Q(status=Status.IN_FORCE)
        & Q(effective_status=Status.IN_FORCE)
        & Q(signed_on__isnull=False)
        # Past the cutoff: the last activity, or the signing when there was none (the
        # expression of `agreements_follow_up_idx`).
        & LessThan(Coalesce("last_activity_on", "signed_on"), cutoff)
    )


class AgreementQuerySet(OriginQuerySet):
    def signed(self):
        return self.filter(signed_q())

    def signed_in_years(self, first: int, last: int):
        return self.signed().filter(**date_range("signed_on", first, last))

    def signed_in(self, year: int):
        """Counting rule 4: signing date in `year`; a later expiry or termination does not
        undo the signing, and an agreement still being negotiated is not counted."""
        return self.signed_in_years(year, year)

    def new_relationships(self):
        return self.filter(new_relationship_q())

    def daily_counts(self):
        """Rule 4 and the new relationships per signing day and origin (core.daily_counts
        keeps them)."""
        return (
            self.order_by()
            .values("origin", day=F("signed_on"))
            .annotate(
                agreements_signed=Count("pk", filter=signed_q()),
                new_relationship_agreements=Count("pk", filter=signed_q() & new_relationship_q()),
            )
        )

    def with_effective_status(self, today: datetime.date | None = None):
        return self.annotate(
            effective_status=effective_status_expression(today or timezone.localdate())
        )

    def with_effective_status_in(self, statuses, today: datetime.date | None = None):
        return self.with_effective_status(today).filter(effective_status__in=list(statuses))

    def in_force_on(self, day: datetime.date):
        """In force on `day`: signed, taken effect, not expired (unless renewing), not ended."""
        return (
            self.signed()
            .annotate(starts_on=Coalesce("effective_on", "signed_on"))
            .filter(starts_on__lte=day)
            .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day) | Q(auto_renew=True))
            .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=day))
            .exclude(status=Status.TERMINATED, terminated_on__isnull=True)
            .exclude(status=Status.EXPIRED)
        )

    def with_last_activity(self):
        """Annotate `last_activity_on`: latest implementation activity, completed delegation
        or held event linked to the agreement (stored, `LAST_ACTIVITY`; brought up to date
        first)."""
        daily_counts.bring_up_to_date(self.db)
        return self.annotate(last_activity_on=F("stored_last_activity_on"))

    def with_follow_up(self, today: datetime.date | None = None):
        """Effective status, last activity and the dormant flag, all in one query."""
        today = today or timezone.localdate()
        return (
            self.with_effective_status(today)
            .with_last_activity()
            .annotate(dormant=models.ExpressionWrapper(dormant_q(today), models.BooleanField()))
        )

    def dormant(self, today: datetime.date | None = None):
        """In force, and nothing done under it for DORMANT_AFTER_MONTHS (from signing if
        never)."""
        return self.with_follow_up(today).filter(dormant=True)

    def expiring(self, today: datetime.date | None = None, days: int = EXPIRING_WITHIN_DAYS):
        """In force, not renewing, expiring from `today` to `days` days ahead (both included)."""
        today = today or timezone.localdate()
        return self.with_effective_status(today).filter(
            effective_status=Status.IN_FORCE,
            auto_renew=False,
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=days),
        )

    def in_continent(self, continent: str):
        return self.filter(partners__country__in=countries_in(continent)).distinct()

    def inherited(self):
        """The inherited-agreements register (Decree 177/2025/NĐ-CP): in force on the day the
        provinces merged, and signed by a former province (origin other than the former city)
        or by a former district (a follow-up row says so)."""
        return self.in_force_on(MERGER_DATE).filter(
            ~Q(origin=Origin.HCMC) | Q(follow_up__isnull=False)
        )

    def awaiting_decision(self):
        """Inherited agreements with no decision yet (keep, amend, suspend, terminate,
        replace)."""
        return self.inherited().filter(Q(follow_up__isnull=True) | Q(follow_up__decision=""))


class Agreement(DomainModel):
    title = models.CharField(_("tên văn bản"), max_length=400)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=400, blank=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind, default=Kind.MOU)
    partners = models.ManyToManyField(
        "partners.PartnerLocality",
        verbose_name=_("địa phương đối tác"),
        blank=True,
        related_name="agreements",
    )
    partner_organization = models.CharField(
        _("đối tác khác"),
        max_length=300,
        blank=True,
        help_text=_("Tên tổ chức, doanh nghiệp đối tác khi đối tác không phải một địa phương."),
    )
    city_signatory = models.CharField(_("người ký phía Thành phố"), max_length=300, blank=True)
    partner_signatory = models.CharField(_("người ký phía đối tác"), max_length=300, blank=True)
    signed_on = models.DateField(
        _("ngày ký"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Để trống khi văn bản còn đang đàm phán."),
    )
    signed_place = models.CharField(_("nơi ký"), max_length=200, blank=True)
    effective_on = models.DateField(
        _("ngày có hiệu lực"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Để trống nếu có hiệu lực từ ngày ký."),
    )
    expires_on = models.DateField(
        _("ngày hết hạn"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Để trống nếu không thời hạn."),
    )
    auto_renew = models.BooleanField(
        _("tự động gia hạn"),
        default=False,
        help_text=_("Văn bản tự gia hạn khi hết hạn, trừ khi một bên thông báo chấm dứt."),
    )
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status, default=Status.IN_FORCE
    )
    terminated_on = models.DateField(
        _("ngày chấm dứt"), null=True, blank=True, validators=[validate_plausible_date]
    )
    establishes_relationship = models.BooleanField(
        _("thiết lập quan hệ mới"),
        default=False,
        help_text=_(
            "Văn bản thiết lập quan hệ hữu nghị hợp tác mới. Khi lưu, các địa phương đối tác "
            "chưa có ngày thiết lập quan hệ sẽ nhận ngày ký của văn bản này."
        ),
    )
    fields = models.ManyToManyField(
        CooperationField,
        verbose_name=_("lĩnh vực hợp tác"),
        blank=True,
        related_name="agreements",
    )
    # Kept by core.daily_counts (`LAST_ACTIVITY`); read it through `with_last_activity()`.
    stored_last_activity_on = models.DateField(
        _("hoạt động triển khai gần nhất"), null=True, editable=False
    )
    signed_during_delegation = models.ForeignKey(
        "delegations.Delegation",
        verbose_name=_("ký trong chuyến thăm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signed_agreements",
    )
    signed_during_event = models.ForeignKey(
        "delegations.Event",
        verbose_name=_("ký tại sự kiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signed_agreements",
    )
    document = models.FileField(
        _("văn bản đã ký (PDF)"),
        upload_to="agreements/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Tệp PDF, tối đa 20 MB."),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    origin = origin_field()
    search_text = search_text_field()
    title_key = folded_key_field()

    searchable_fields = ("title", "title_en", "signed_place", "partner_organization")
    search_through = ("partners",)
    folded_fields = {"title_key": "title"}
    objects = AgreementQuerySet.as_manager()

    counted_date_field = "signed_on"
    counted_figures = ("agreements_signed", "new_relationship_agreements")
    noted_with = ("activities",)
    kept_fields = ("stored_last_activity_on",)
    history = HistoricalRecords(
        excluded_fields=["search_text", "title_key", "stored_last_activity_on"],
        bases=[LinkedHistory],
    )

    class Meta:
        verbose_name = _("văn bản hợp tác")
        verbose_name_plural = _("văn bản hợp tác")
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status=Status.NEGOTIATING) & Q(signed_on__isnull=True))
                | (~Q(status=Status.NEGOTIATING) & Q(signed_on__isnull=False)),
                name="agreements_agreement_signed_on_matches_status",
                violation_error_message=_(
                    "Văn bản đang đàm phán không có ngày ký; văn bản đã ký phải có ngày ký."
                ),
            ),
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(effective_on__gte=F("signed_on")),
                name="agreements_agreement_effective_after_signing",
                violation_error_message=_("Ngày có hiệu lực không được trước ngày ký."),
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | (Q(effective_on__isnull=True) | Q(expires_on__gte=F("effective_on")))
                & (Q(signed_on__isnull=True) | Q(expires_on__gte=F("signed_on"))),
                name="agreements_agreement_expires_after_start",
                violation_error_message=_("Ngày hết hạn không được trước ngày có hiệu lực."),
            ),
            models.CheckConstraint(
                condition=Q(terminated_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(terminated_on__gte=F("signed_on")),
                name="agreements_agreement_terminated_after_signing",
                violation_error_message=_("Ngày chấm dứt không được trước ngày ký."),
            ),
            plausible_date_constraint("signed_on", "agreements_agreement_signed_on_plausible"),
            plausible_date_constraint(
                "effective_on", "agreements_agreement_effective_on_plausible"
            ),
            plausible_date_constraint("expires_on", "agreements_agreement_expires_on_plausible"),
            plausible_date_constraint(
                "terminated_on", "agreements_agreement_terminated_on_plausible"
            ),
            # The natural key the imports match on (core.natural_keys): name + signing date,
            # and name alone among those still being negotiated (no date; NULLs never clash).
            models.UniqueConstraint(
                fields=["title_key", "signed_on"],
                name="agreements_agreement_unique_title_signed_on",
                violation_error_message=_(
                    "Đã có một văn bản cùng tên và cùng ngày ký (không phân biệt chữ hoa, chữ "
                    "thường và dấu)."
                ),
            ),
            models.UniqueConstraint(
                fields=["title_key"],
                condition=Q(signed_on__isnull=True),
                name="agreements_agreement_unique_title_negotiating",
                violation_error_message=_(
                    "Đã có một văn bản đang đàm phán cùng tên (không phân biệt chữ hoa, chữ "
                    "thường và dấu)."
                ),
            ),
        ]
        indexes = [
            # The list's order (newest first), and rule 4 by year counted from the index alone.
            models.Index(
                fields=["signed_on", "id", "status", "establishes_relationship"],
                name="agreements_signed_on_idx",
            ),
            models.Index(fields=["status", "expires_on"], name="agreements_expiry_idx"),
            # The agreements whose stored last activity a changed day may move
            # (core.daily_counts.LatestDate).
            models.Index(fields=["stored_last_activity_on"], name="agreements_last_activity_idx"),
            # The dashboard's "signed and left" list (`dormant_q`) from the index alone: the
            # agreements in force by last activity or signing, with what decides whether they
            # have expired.
            models.Index(
                Coalesce("stored_last_activity_on", "signed_on"),
                F("expires_on"),
                F("auto_renew"),
                F("status"),
                F("stored_last_activity_on"),
                F("signed_on"),
                F("id"),
                name="agreements_follow_up_idx",
                condition=Q(status=Status.IN_FORCE, signed_on__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    def effective_status_on(self, day: datetime.date | None = None) -> str:
        """Python twin of `effective_status_expression`, for a record already loaded."""
        day = day or timezone.localdate()
        if (
            self.status == Status.IN_FORCE
            and not self.auto_renew
            and self.expires_on
            and self.expires_on < day
        ):
            return Status.EXPIRED
        return self.status

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.status != Status.NEGOTIATING and not self.signed_on:
            errors["signed_on"] = _("Văn bản ở tình trạng “%(status)s” phải có ngày ký.") % {
                "status": self.get_status_display()
            }
        if self.status == Status.NEGOTIATING and self.signed_on:
            errors["status"] = _("Văn bản đã có ngày ký không còn ở tình trạng “Đang đàm phán”.")
        if self.signed_on and self.signed_on > today:
            errors["signed_on"] = _("Ngày ký không được ở tương lai.")
        if self.effective_on and self.signed_on and self.effective_on < self.signed_on:
            errors["effective_on"] = _("Ngày có hiệu lực không được trước ngày ký.")
        start = self.effective_on or self.signed_on
        if self.expires_on and start and self.expires_on < start:
            errors["expires_on"] = _("Ngày hết hạn không được trước ngày có hiệu lực.")
        if self.terminated_on and self.signed_on and self.terminated_on < self.signed_on:
            errors["terminated_on"] = _("Ngày chấm dứt không được trước ngày ký.")
        if errors:
            raise ValidationError(errors)


class ImplementationActivity(DomainModel):
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("văn bản hợp tác"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    date = models.DateField(_("ngày"), validators=[validate_plausible_date])
    description = models.TextField(_("nội dung đã thực hiện"))
    kind = models.CharField(
        _("hình thức"), max_length=20, choices=ActivityKind, default=ActivityKind.MEETING
    )
    responsible_unit = models.CharField(_("đơn vị thực hiện"), max_length=300, blank=True)
    evidence = models.FileField(
        _("tài liệu minh chứng (PDF)"),
        upload_to="activities/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Tệp PDF, tối đa 20 MB."),
    )

    history = HistoricalRecords()

    # Noted per day without counts of its own, for the agreements' and partners' latest
    # dates (core.daily_counts).
    counted_date_field = "date"

    class Meta:
        verbose_name = _("hoạt động triển khai")
        verbose_name_plural = _("hoạt động triển khai")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["agreement", "date"], name="activities_agreement_idx"),
            # The activities of a changed day (core.daily_counts.LatestDate).
            models.Index(fields=["date"], name="activities_date_idx"),
        ]
        constraints = [
            plausible_date_constraint("date", "agreements_implementationactivity_date_plausible")
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.description[:60]}" if self.date else self.description

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("Ngày thực hiện không được ở tương lai.")})


# An agreement's last activity, stored and kept with the per-day counts.
LAST_ACTIVITY = daily_counts.LatestDate(
    Agreement,
    "stored_last_activity_on",
    sources=activity_sources,
    links=((ImplementationActivity, "activities"), (Delegation, "delegations"), (Event, "events")),
)
