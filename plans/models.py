import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from agreements.models import Agreement
from agreements.models import Status as AgreementStatus
from delegations.models import Delegation, Direction, Event, EventStatus, Level
from delegations.models import Status as DelegationStatus
from foreignaffairs.core.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    plausible_date_constraint,
    validate_plausible_date,
)
from foreignaffairs.core.links import LinkedHistory
from foreignaffairs.core.models import DomainModel, DomainQuerySet
from foreignaffairs.core.natural_keys import folded_key_field


class ItemKind(models.TextChoices):
    OUTGOING = "outgoing", _("Đoàn đi nước ngoài")
    INCOMING = "incoming", _("Đón đoàn vào")
    EVENT = "event", _("Tổ chức sự kiện")
    AGREEMENT = "agreement", _("Ký kết, gia hạn văn bản")


class ItemState(models.TextChoices):
    DONE = "done", _("Đã thực hiện")
    IN_PROGRESS = "in_progress", _("Đang triển khai")
    NOT_STARTED = "not_started", _("Chưa triển khai")
    CANCELLED = "cancelled", _("Hủy, không thực hiện")


def approval_deadline(year: int) -> datetime.date:
    """The day by which the programme of `year` should be approved: by default 31 December of
    the year before (`PLAN_APPROVAL_DEADLINE`, "MM-DD" in the year before)."""
    month, day = (int(part) for part in settings.PLAN_APPROVAL_DEADLINE.split("-"))
    return datetime.date(year - 1, month, day)


class AnnualPlan(DomainModel):
    """Chương trình đối ngoại năm: what the city means to do in one year, as approved."""

    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    title = models.CharField(
        _("tên chương trình"),
        max_length=300,
        blank=True,
        help_text=_("Để trống: “Chương trình đối ngoại năm <năm>”."),
    )
    decision_number = models.CharField(
        _("số quyết định phê duyệt"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: 1234/QĐ-UBND."),
    )
    approved_on = models.DateField(
        _("ngày phê duyệt"), null=True, blank=True, validators=[validate_plausible_date]
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta(DomainModel.Meta):
        verbose_name = _("chương trình đối ngoại năm")
        verbose_name_plural = _("chương trình đối ngoại năm")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["year"],
                name="plans_annualplan_one_per_year",
                violation_error_message=_("Năm này đã có chương trình đối ngoại."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="plans_annualplan_year_plausible",
                violation_error_message=_("Năm của chương trình phải từ %(first)s đến %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            ),
            plausible_date_constraint("approved_on", "plans_annualplan_approved_on_plausible"),
        ]

    def __str__(self):
        return self.title or str(_("Chương trình đối ngoại năm %(year)s") % {"year": self.year})

    @property
    def approval_deadline(self) -> datetime.date:
        return approval_deadline(self.year)

    def approved_late(self, today: datetime.date | None = None) -> bool:
        """Not approved by the deadline: approved after it, or still unapproved past it."""
        today = today or timezone.localdate()
        if self.approved_on:
            return self.approved_on > self.approval_deadline
        return today > self.approval_deadline

    def clean(self):
        super().clean()
        if self.approved_on and self.approved_on.year > self.year:
            raise ValidationError(
                {"approved_on": _("Chương trình của một năm không thể phê duyệt sau năm đó.")}
            )


def period_end(year: int, month: int | None, quarter: int | None) -> datetime.date:
    """The last day of the planned month, of the planned quarter, or of the year."""
    last_month = month or (quarter * 3 if quarter else 12)
    return datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])


class PlanItemQuerySet(DomainQuerySet):
    def of_year(self, year: int):
        return self.filter(plan__year=year)

    def with_state(self):
        """Annotate `state` (ItemState): cancelled by staff; done when a linked record was
        carried out (visit completed, event held, agreement signed); in progress when a linked
        record is under way (planned, confirmed, being negotiated); not started otherwise."""
        item = OuterRef("pk")
        done = (
            Exists(Delegation.objects.filter(plan_items=item, status=DelegationStatus.COMPLETED))
            | Exists(Event.objects.filter(plan_items=item, status=EventStatus.HELD))
            | Exists(Agreement.objects.signed().filter(plan_items=item))
        )
        pending = (
            Exists(Delegation.objects.pending().filter(plan_items=item))
            | Exists(Event.objects.pending().filter(plan_items=item))
            | Exists(Agreement.objects.filter(plan_items=item, status=AgreementStatus.NEGOTIATING))
        )
        return self.annotate(
            state=Case(
                When(cancelled=True, then=Value(ItemState.CANCELLED.value)),
                When(done, then=Value(ItemState.DONE.value)),
                When(pending, then=Value(ItemState.IN_PROGRESS.value)),
                default=Value(ItemState.NOT_STARTED.value),
                output_field=models.CharField(),
            )
        )

    def late(self, today: datetime.date):
        """Not done nor cancelled, and the planned month, quarter or year is over."""
        return self.with_state().filter(
            state__in=[ItemState.IN_PROGRESS, ItemState.NOT_STARTED], due_on__lt=today
        )

    def progress(self, today: datetime.date) -> dict[str, int]:
        """How many items in each state, and how many are late: one query."""
        open_states = [ItemState.IN_PROGRESS, ItemState.NOT_STARTED]
        totals = (
            self.with_state()
            .order_by()
            .aggregate(
                total=Count("pk"),
                late=Count("pk", filter=Q(state__in=open_states, due_on__lt=today)),
                **{state: Count("pk", filter=Q(state=state)) for state in ItemState.values},
            )
        )
        return totals


class PlanItem(DomainModel):
    """One line of the programme, and the records that carried it out."""

    plan = models.ForeignKey(
        AnnualPlan, verbose_name=_("chương trình"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("loại việc"), max_length=12, choices=ItemKind)
    title = models.CharField(
        _("nội dung"), max_length=300, help_text=_("Ví dụ: Đoàn lãnh đạo Thành phố thăm Nhật Bản.")
    )
    country = CountryField(_("quốc gia"), blank=True)
    partner = models.ForeignKey(
        "partners.PartnerLocality",
        verbose_name=_("địa phương đối tác"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    level = models.CharField(
        _("cấp trưởng đoàn"),
        max_length=30,
        choices=Level,
        blank=True,
        help_text=_("Với đoàn đi, đoàn vào: cấp dự kiến của trưởng đoàn."),
    )
    month = models.PositiveSmallIntegerField(
        _("tháng dự kiến"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    quarter = models.PositiveSmallIntegerField(
        _("quý dự kiến"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Khi chưa định được tháng."),
    )
    purpose = models.TextField(_("mục đích"), blank=True)
    responsible_unit = models.CharField(_("đơn vị chủ trì"), max_length=200, blank=True)
    cancelled = models.BooleanField(
        _("hủy, không thực hiện"),
        default=False,
        help_text=_("Việc đã được quyết định không thực hiện trong năm."),
    )
    due_on = models.DateField(
        _("hạn thực hiện"),
        editable=False,
        help_text=_("Ngày cuối của tháng, quý dự kiến hoặc của năm."),
    )
    delegations = models.ManyToManyField(
        Delegation, verbose_name=_("đoàn thực hiện"), blank=True, related_name="plan_items"
    )
    events = models.ManyToManyField(
        Event, verbose_name=_("sự kiện thực hiện"), blank=True, related_name="plan_items"
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("văn bản thực hiện"), blank=True, related_name="plan_items"
    )
    title_key = folded_key_field()

    folded_fields = {"title_key": "title"}
    objects = PlanItemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["title_key"], bases=[LinkedHistory])

    class Meta(DomainModel.Meta):
        verbose_name = _("việc trong chương trình")
        verbose_name_plural = _("việc trong chương trình")
        ordering = ["plan", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="plans_planitem_month_valid",
                violation_error_message=_("Tháng dự kiến phải từ 1 đến 12."),
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="plans_planitem_quarter_valid",
                violation_error_message=_("Quý dự kiến phải từ 1 đến 4."),
            ),
            # The natural key the imports match on (core.natural_keys).
            models.UniqueConstraint(
                fields=["plan", "kind", "title_key"],
                name="plans_planitem_unique_kind_title",
                violation_error_message=_(
                    "Chương trình này đã có một việc cùng loại và cùng nội dung (không phân biệt "
                    "chữ hoa, chữ thường và dấu)."
                ),
            ),
        ]
        indexes = [models.Index(fields=["plan", "due_on"], name="plans_item_due_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.due_on = period_end(self.plan.year, self.month, self.quarter)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.month and self.quarter and (self.month - 1) // 3 + 1 != self.quarter:
            errors["quarter"] = _("Tháng %(month)s không thuộc quý %(quarter)s.") % {
                "month": self.month,
                "quarter": self.quarter,
            }
        if self.partner_id and self.country and self.partner.country != self.country:
            errors["partner"] = _("Địa phương đối tác không thuộc quốc gia đã chọn.")
        if errors:
            raise ValidationError(errors)


def link_errors(plan_year: int, kind: str, delegations=(), events=(), agreements=()) -> list[str]:
    """Why these records cannot carry out an item of `kind` in the programme of `plan_year`:
    each must be of the item's kind and dated in the programme's year."""
    errors = []
    expected_direction = {
        ItemKind.INCOMING: Direction.INCOMING,
        ItemKind.OUTGOING: Direction.OUTGOING,
    }
    for delegation in delegations:
        if kind not in expected_direction:
            errors.append(
                _("Đoàn “%(record)s” không thuộc loại việc này.") % {"record": delegation}
            )
        elif delegation.direction != expected_direction[kind]:
            errors.append(
                _("Đoàn “%(record)s” là %(direction)s, không khớp loại việc.")
                % {"record": delegation, "direction": delegation.get_direction_display().lower()}
            )
        elif delegation.start_date.year != plan_year:
            errors.append(_other_year(delegation, delegation.start_date, plan_year))
    for event in events:
        if kind != ItemKind.EVENT:
            errors.append(_("Sự kiện “%(record)s” không thuộc loại việc này.") % {"record": event})
        elif event.start_date.year != plan_year:
            errors.append(_other_year(event, event.start_date, plan_year))
    for agreement in agreements:
        if kind != ItemKind.AGREEMENT:
            errors.append(
                _("Văn bản “%(record)s” không thuộc loại việc này.") % {"record": agreement}
            )
        elif agreement.signed_on and agreement.signed_on.year != plan_year:
            errors.append(_other_year(agreement, agreement.signed_on, plan_year))
    return errors


def _other_year(record, day: datetime.date, plan_year: int) -> str:
    return _("“%(record)s” diễn ra ngày %(day)s, không thuộc chương trình năm %(year)s.") % {
        "record": record,
        "day": day.strftime("%d/%m/%Y"),
        "year": plan_year,
    }
