"""Working days in Vietnam: weekends and public holidays (Tết included) from the maintained
`holidays` calendar, corrected by the days managers enter (`CalendarDay`): the extra days
off and the make-up working days the government announces each year."""

import datetime

import holidays

from foreignaffairs.deadlines.models import CalendarDay, DayKind, Unit


class WorkingCalendar:
    """Which days are working days. Loads the managers' overrides once (a short table)."""

    def __init__(self, overrides: dict[datetime.date, str] | None = None):
        if overrides is None:
            overrides = dict(CalendarDay.objects.values_list("date", "kind"))
        self.overrides = overrides
        self.public = holidays.country_holidays("VN", language="vi")

    def is_working_day(self, day: datetime.date) -> bool:
        kind = self.overrides.get(day)
        if kind == DayKind.DAY_OFF:
            return False
        if kind == DayKind.WORKING_DAY:
            return True
        return self.public.is_working_day(day)

    def holiday_name(self, day: datetime.date) -> str | None:
        return self.public.get(day)

    def add_working_days(self, start: datetime.date, count: int) -> datetime.date:
        """The `count`-th working day after `start` (before it when negative); `start` itself
        is not counted. Zero: `start`."""
        step = datetime.timedelta(days=1 if count >= 0 else -1)
        day, remaining = start, abs(count)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def shift(self, start: datetime.date, days: int, unit: str) -> datetime.date:
        if unit == Unit.WORKING_DAYS:
            return self.add_working_days(start, days)
        return start + datetime.timedelta(days=days)
