import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_comma_separated_integer_list
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The rules the code derives deadlines from (their rows are seeded by a migration; managers
# adjust the days and the legal basis in the admin). Other rules may be added as rows
# (`services.add_rule`) and used by whoever creates their deadlines (`services.set_deadline`).
AGREEMENT_REPORT = "agreement_report"
CONSULTATION = "consultation"
AMENDMENT_CONSULTATION = "amendment_consultation"
DEPARTMENT_OPINION = "department_opinion"
CONFERENCE_REQUEST = "conference_request"
CONFERENCE_REQUEST_PM = "conference_request_pm"
TRIP_REPORT = "trip_report"
AGREEMENT_EXPIRY = "agreement_expiry"
CLOSE_OUT = "close_out"
# A decision on each inherited agreement (Nghị định 177/2025/NĐ-CP, the follow-up register).
INHERITED_DECISION = "inherited_decision"

# What the e-mail digest looks ahead: deadlines due within this many days from today.
DIGEST_WITHIN_DAYS = 7


class Unit(models.TextChoices):
    CALENDAR_DAYS = "calendar", _("ngày")
    WORKING_DAYS = "working", _("ngày làm việc")


class Rule(models.Model):
    """One time limit: how far from its triggering date a deadline falls, and why."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    days = models.IntegerField(
        _("số ngày"),
        help_text=_("Số ngày tính từ ngày phát sinh; số âm là trước ngày đó (ví dụ hội nghị)."),
    )
    unit = models.CharField(_("đơn vị"), max_length=10, choices=Unit, default=Unit.CALENDAR_DAYS)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    description = models.TextField(
        _("giải thích"),
        blank=True,
        help_text=_("Hạn tính từ ngày nào, vì sao chọn số ngày này, khi nào việc tự đóng."),
    )
    reminder_days = models.CharField(
        _("nhắc trước (ngày)"),
        max_length=60,
        blank=True,
        validators=[validate_comma_separated_integer_list],
        help_text=_(
            "Các mốc nhắc trước hạn, cách nhau bằng dấu phẩy, ví dụ 180,90,30,7,0. "
            "Để trống: nhắc mỗi ngày trong 7 ngày trước hạn."
        ),
    )
    overdue_every = models.PositiveSmallIntegerField(
        _("nhắc khi quá hạn mỗi (ngày)"),
        default=1,
        help_text=_("1: nhắc mỗi ngày; 7: mỗi tuần."),
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = _("quy tắc thời hạn")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(overdue_every__gte=1),
                name="deadlines_rule_overdue_every_positive",
                violation_error_message=_("Số ngày nhắc khi quá hạn phải từ 1 trở lên."),
            ),
        ]

    def __str__(self):
        return self.name

    def reminder_offsets(self) -> set[int]:
        """Days before the due date on which the digest names the deadline."""
        if not self.reminder_days:
            return set(range(DIGEST_WITHIN_DAYS + 1))
        return {int(part) for part in self.reminder_days.split(",") if part.strip()}


class DayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ (nghỉ bù, nghỉ thêm)")
    WORKING_DAY = "working_day", _("Ngày làm việc (làm bù)")


class CalendarDay(models.Model):
    """A day the government announced as off or as a make-up working day, overriding the
    public-holiday calendar (`holidays`) and the weekend."""

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=DayKind)
    name = models.CharField(_("lý do"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()}"


class ConsultationKind(models.TextChoices):
    MINISTRY = "ministry", _("Lấy ý kiến Bộ Ngoại giao và cơ quan liên quan trước khi ký")
    AMENDMENT = "amendment", _("Lấy ý kiến về sửa đổi kỹ thuật, gia hạn")
    DEPARTMENT_REQUEST = "department_request", _("Sở, ngành xin ý kiến Sở Ngoại vụ")


# The rule each kind of consultation follows.
CONSULTATION_RULES = {
    ConsultationKind.MINISTRY: CONSULTATION,
    ConsultationKind.AMENDMENT: AMENDMENT_CONSULTATION,
    ConsultationKind.DEPARTMENT_REQUEST: DEPARTMENT_OPINION,
}


class Consultation(models.Model):
    """A request for opinions on an agreement: when the complete dossier was sent (or, for a
    department's request, received) and when the answer came."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("văn bản hợp tác"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    kind = models.CharField(
        _("loại"), max_length=20, choices=ConsultationKind, default=ConsultationKind.MINISTRY
    )
    sent_on = models.DateField(
        _("ngày gửi (nhận) hồ sơ đầy đủ"),
        help_text=_("Với yêu cầu của sở, ngành: ngày Sở nhận hồ sơ."),
    )
    requested_due_on = models.DateField(
        _("hạn theo yêu cầu"),
        null=True,
        blank=True,
        help_text=_("Hạn trả lời do sở, ngành đề nghị; để trống thì tính theo quy tắc."),
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    counterpart = models.CharField(_("cơ quan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lấy ý kiến")
        verbose_name_plural = _("lấy ý kiến")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("sent_on")),
                name="deadlines_consultation_answered_after_sent",
                violation_error_message=_("Ngày trả lời không được trước ngày gửi."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.sent_on:%d/%m/%Y})"

    def clean(self):
        super().clean()
        if self.answered_on and self.sent_on and self.answered_on < self.sent_on:
            raise ValidationError({"answered_on": _("Ngày trả lời không được trước ngày gửi.")})


class State(models.TextChoices):
    OPEN = "open", _("Đang mở")
    OVERDUE = "overdue", _("Quá hạn")
    DONE = "done", _("Đã xong")


def state_expression(today: datetime.date):
    return models.Case(
        models.When(done_on__isnull=False, then=models.Value(State.DONE.value)),
        models.When(due_on__lt=today, then=models.Value(State.OVERDUE.value)),
        default=models.Value(State.OPEN.value),
        output_field=models.CharField(),
    )


class DeadlineQuerySet(models.QuerySet):
    def with_state(self, today: datetime.date | None = None):
        return self.annotate(state=state_expression(today or timezone.localdate()))

    def pending(self):
        """Not done yet (open or overdue)."""
        return self.filter(done_on__isnull=True)

    def overdue(self, today: datetime.date | None = None):
        return self.pending().filter(due_on__lt=today or timezone.localdate())

    def not_overdue(self, today: datetime.date | None = None):
        return self.exclude(done_on__isnull=True, due_on__lt=today or timezone.localdate())

    def due_within(self, days: int, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.pending().filter(
            due_on__gte=today, due_on__lte=today + datetime.timedelta(days=days)
        )

    def assigned_to(self, user):
        return self.filter(assignee=user)

    def with_records(self):
        return self.select_related("rule", "agreement", "delegation", "event", "assignee")


class Deadline(models.Model):
    """A time limit of one record under one rule. Created, moved and removed by
    `services.sync_deadlines_for`; staff mark it done or give it to someone else."""

    rule = models.ForeignKey(
        Rule, verbose_name=_("quy tắc"), on_delete=models.PROTECT, related_name="deadlines"
    )
    # The record it comes from, e.g. "agreement:12" or "consultation:3": one deadline per
    # rule and record.
    source = models.CharField(_("nguồn"), max_length=60, editable=False)
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("văn bản hợp tác"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        verbose_name=_("đoàn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    event = models.ForeignKey(
        "delegations.Event",
        verbose_name=_("sự kiện"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("lấy ý kiến"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    trigger_on = models.DateField(_("ngày phát sinh"))
    due_on = models.DateField(_("hạn"))
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deadlines",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "source"], name="deadlines_deadline_one_per_rule_and_record"
            ),
            models.CheckConstraint(
                condition=Q(agreement__isnull=False, delegation__isnull=True, event__isnull=True)
                | Q(agreement__isnull=True, delegation__isnull=False, event__isnull=True)
                | Q(agreement__isnull=True, delegation__isnull=True, event__isnull=False),
                name="deadlines_deadline_one_record",
                violation_error_message=_(
                    "Mỗi thời hạn thuộc đúng một văn bản, đoàn hoặc sự kiện."
                ),
            ),
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(done_on__gte=models.F("trigger_on")),
                name="deadlines_deadline_done_after_trigger",
                violation_error_message=_("Ngày hoàn thành không được trước ngày phát sinh."),
            ),
        ]
        indexes = [
            models.Index(fields=["assignee", "done_on", "due_on"], name="deadlines_assignee_idx"),
            models.Index(fields=["done_on", "due_on"], name="deadlines_due_idx"),
        ]

    def __str__(self):
        return f"{self.rule}: {self.record}"

    @property
    def record(self):
        return self.agreement or self.delegation or self.event

    @property
    def state(self) -> str:
        # The annotation (`with_state`) when loaded with it, else computed for today.
        if "state" in self.__dict__:
            return self.__dict__["state"]
        if self.done_on:
            return State.DONE
        return State.OVERDUE if self.due_on < timezone.localdate() else State.OPEN

    @state.setter
    def state(self, value):
        self.__dict__["state"] = value

    def get_state_display(self):
        return State(self.state).label

    def clean(self):
        super().clean()
        if self.done_on and self.trigger_on and self.done_on < self.trigger_on:
            raise ValidationError(
                {
                    "done_on": _("Ngày hoàn thành không được trước ngày phát sinh (%(day)s).")
                    % {"day": self.trigger_on.strftime("%d/%m/%Y")}
                }
            )
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("Ngày hoàn thành không được ở tương lai.")})


class DigestLog(models.Model):
    """One e-mail digest sent to one person on one day: never two the same day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE
    )
    day = models.DateField(_("ngày"))
    deadline_count = models.PositiveIntegerField(_("số thời hạn"), default=0)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhắc việc đã gửi")
        verbose_name_plural = _("thư nhắc việc đã gửi")
        ordering = ["-day", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "day"], name="deadlines_digestlog_one_per_user_and_day"
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.day:%d/%m/%Y}"


class CalendarFeed(models.Model):
    """A person's private calendar address: whoever has the token reads the feed; revoking
    deletes the row, and the old address answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("mã bí mật"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lịch riêng")
        verbose_name_plural = _("lịch riêng")
        ordering = ["user"]

    def __str__(self):
        return str(self.user)
