"""Reporting periods: any two dates, both included, and how the department's reports name them
("6 tháng đầu năm 2012", "quý I năm 2026", "năm 2017").

A period compares with the same dates a year earlier ("cùng kỳ năm trước"). The counting rules
decide which date of a record falls in the period (DESIGN.md: a visit belongs to the day it
started); this module knows only calendar arithmetic.
"""

import calendar
import datetime
from dataclasses import dataclass

from foreignaffairs.core.dates import years_before

# A period longer than this is refused by the API and the report views: 20 calendar years.
MAX_PERIOD_YEARS = 20

ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def first_months(cls, year: int, months: int) -> "Period":
        """The first `months` months of `year` (6: "6 tháng đầu năm")."""
        return cls(datetime.date(year, 1, 1), _month_end(year, months))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        first_month = 3 * (quarter - 1) + 1
        return cls(datetime.date(year, first_month, 1), _month_end(year, first_month + 2))

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(datetime.date(year, month, 1), _month_end(year, month))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous_year(self) -> "Period":
        """The same dates a year earlier ("cùng kỳ năm trước")."""
        return self.moved(-1)

    def moved(self, years: int) -> "Period":
        """The same dates `years` later (earlier when negative); 29 February reads as 28
        February, and a period ending on the last day of February still does."""
        start = years_before(self.start, -years)
        end = years_before(self.end, -years)
        if self.end.month == 2 and self.end == _month_end(self.end.year, 2):
            end = _month_end(end.year, 2)
        return Period(start, end)

    def within(self, other: "Period") -> bool:
        return other.start <= self.start and self.end <= other.end

    def clip(self, last_day: datetime.date) -> "Period":
        """The part of the period up to `last_day` (a running year: up to today)."""
        return Period(self.start, min(self.end, max(last_day, self.start)))

    @property
    def is_calendar_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and (self.start.year == self.end.year)

    @property
    def label(self) -> str:
        """How a Vietnamese report names the period (Vietnamese, like the reports)."""
        start, end = self.start, self.end
        same_year = start.year == end.year
        if (
            same_year
            and start == datetime.date(start.year, 1, 1)
            and end == _month_end(end.year, end.month)
        ):
            if end.month == 12:
                return f"năm {end.year}"
            if end.month == 1:
                return f"tháng 1 năm {end.year}"
            if end.month == 3:
                return f"quý I năm {end.year}"
            return f"{end.month} tháng đầu năm {end.year}"
        if same_year and start.day == 1 and end == _month_end(end.year, end.month):
            if start.month == end.month:
                return f"tháng {end.month} năm {end.year}"
            if start.month in (4, 7, 10) and end.month == start.month + 2:
                return f"quý {ROMAN_QUARTERS[end.month // 3]} năm {end.year}"
            if start.month == 7 and end.month == 12:
                return f"6 tháng cuối năm {end.year}"
        return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"

    @property
    def dates(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @property
    def slug(self) -> str:
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"
