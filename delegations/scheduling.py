"""The abstract base of delegations and events: the dates they share, the statuses that mean
"not done yet", and the follow-up lists built on both (needs update, upcoming)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.dates import (
    date_range,
    plausible_date_constraint,
    validate_plausible_date,
)
from foreignaffairs.core.models import DomainModel
from foreignaffairs.core.origins import OriginQuerySet, origin_field


class DatePrecision(models.TextChoices):
    """How much of the date the source states; the stored date is the first day of it."""

    DAY = "day", _("Đúng ngày")
    MONTH = "month", _("Chỉ biết tháng")
    HALF_YEAR = "half_year", _("Chỉ biết nửa năm")
    YEAR = "year", _("Chỉ biết năm")


# "Upcoming" visits and events start within this many days from today.
UPCOMING_WITHIN_DAYS = 60


class ScheduledActivityQuerySet(OriginQuerySet):
    """Reads shared by delegations and events. `pending_statuses`: the statuses of a visit or
    event not done yet (planned, or confirmed for a visit)."""

    pending_statuses: tuple[str, ...] = ()

    def started_in_years(self, first: int, last: int):
        """Start date from 1 January `first` to 31 December `last` (a visit spanning New
        Year belongs to the year it started)."""
        return self.filter(**date_range("start_date", first, last))

    def pending(self):
        return self.filter(status__in=self.pending_statuses)

    def needs_update(self, today: datetime.date | None = None):
        """Start date passed, but still pending: someone should record how it went."""
        today = today or timezone.localdate()
        return self.pending().filter(start_date__lt=today)

    def upcoming(self, today: datetime.date | None = None, days: int = UPCOMING_WITHIN_DAYS):
        """Pending, and starting from today to `days` days ahead (both included)."""
        today = today or timezone.localdate()
        return self.pending().filter(
            start_date__gte=today, start_date__lte=today + datetime.timedelta(days=days)
        )


class ScheduledActivity(DomainModel):
    """A visit or an event: its dates, and how much of the start date the source states."""

    start_date = models.DateField(_("ngày bắt đầu"), validators=[validate_plausible_date])
    end_date = models.DateField(
        _("ngày kết thúc"), null=True, blank=True, validators=[validate_plausible_date]
    )
    date_precision = models.CharField(
        _("độ chính xác của ngày"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        help_text=_("Khi nguồn chỉ nêu tháng, nửa năm hoặc năm, ngày lưu là ngày đầu kỳ."),
    )
    origin = origin_field()

    class Meta(DomainModel.Meta):
        abstract = True
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
            plausible_date_constraint("start_date", "%(app_label)s_%(class)s_start_date_plausible"),
            plausible_date_constraint("end_date", "%(app_label)s_%(class)s_end_date_plausible"),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%d/%m/%Y})" if self.start_date else self.title

    def clean(self):
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)

    def validation_errors(self) -> dict:
        """Field name → message staff understand; subclasses add their own checks."""
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
        return errors
