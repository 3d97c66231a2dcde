"""Calibration: how many demo records each period needs so that, counted together with the real
records, the totals meet the plan and the published figures (`plan.py`).

Each method returns windows of days with a count; the writers spread that many records over
each window. Nothing here is random.
"""

import bisect
import datetime

from django.db.models import Q

from agreements.models import Agreement
from delegations.models import Delegation, Direction, Event
from foreignaffairs.demo import plan
from foreignaffairs.demo.dates import DAY, Window, year_bounds
from partners.models import PartnerLocality


class RealRecords:
    """Dates of the real (non-demo) records that the counting rules count."""

    def __init__(self):
        real = Q(is_demo=False)
        self.incoming = sorted(
            Delegation.objects.filter(real).received().values_list("start_date", flat=True)
        )
        self.outgoing = sorted(
            Delegation.objects.filter(real).sent().values_list("start_date", flat=True)
        )
        self.events = sorted(
            Event.objects.filter(real).hosted().values_list("start_date", flat=True)
        )
        self.agreements = sorted(
            Agreement.objects.filter(real).signed().values_list("signed_on", flat=True)
        )
        self.partners = list(
            PartnerLocality.objects.filter(real, established_on__isnull=False).values_list(
                "established_on", "ended_on"
            )
        )

    @staticmethod
    def count(dates: list, start: datetime.date | None, end: datetime.date) -> int:
        low = bisect.bisect_left(dates, start) if start else 0
        return bisect.bisect_right(dates, end) - low

    def partners_active_on(self, day: datetime.date) -> int:
        return sum(
            1
            for established, ended in self.partners
            if established <= day and not (ended and ended <= day)
        )

    def partners_established(self, start: datetime.date, end: datetime.date) -> int:
        return sum(1 for established, _ in self.partners if start <= established <= end)


class Calibration:
    """The demo's windows for the `years`, given the real records; `scale` > 1 (benchmarks)
    multiplies the volumes and gives up the published figures."""

    def __init__(self, real: RealRecords, years: range, scale: int):
        self.real, self.years, self.scale = real, years, scale

    def partner_windows(self) -> tuple[int, dict[int, list[Window]]]:
        """How many demo partners predate 2012, and the windows of the new ones after.

        Calibrated so that, with the real partners, 48 are active at the end of 2017 and 54 on
        30 April 2023 (one demo relationship ends in between). Not scaled here: the partner
        writer scales them, up to a ceiling.
        """
        new = {}
        for year in self.years:
            start, end = year_bounds(year)
            real_new = self.real.partners_established(start, end)
            new[year] = max(0, plan.year_plan(year).new_partners - real_new)
        end_2017 = datetime.date(2017, 12, 31)
        founded_to_2017 = sum(new[y] for y in range(plan.FIRST_YEAR, 2018))
        before = plan.PARTNERS_END_2017 - self.real.partners_active_on(end_2017) - founded_to_2017
        windows = {year: [Window(*year_bounds(year), count)] for year, count in new.items()}
        if 2023 in new:
            active_without_2023 = (
                self.real.partners_active_on(plan.APRIL_2023)
                + before
                - 1  # the demo relationship that ends in 2019
                + sum(new[y] for y in range(plan.FIRST_YEAR, 2023))
            )
            by_april = plan.PARTNERS_APRIL_2023 - active_without_2023
            if not 0 <= by_april <= new[2023] or before < 1:
                raise ValueError("the partner plan cannot meet the published partner counts")
            windows[2023] = [
                Window(datetime.date(2023, 1, 1), plan.APRIL_2023, by_april),
                Window(plan.APRIL_2023 + DAY, datetime.date(2023, 12, 31), new[2023] - by_april),
            ]
        return before, windows

    def agreement_windows(self) -> dict[int, list[Window]]:
        """Agreements signed per window, the relationship-founding ones included: 12 in 2017
        and 66 signed on or before 30 April 2023, with the real ones."""
        windows = {}
        for year in self.years:
            start, end = year_bounds(year)
            year_plan = plan.year_plan(year)
            if self.scale == 1:
                demo = year_plan.agreements - self.real.count(self.real.agreements, start, end)
            else:  # benchmarks: about one agreement for ten delegations
                visits = (year_plan.incoming + year_plan.outgoing) * self.scale
                demo = round(visits * plan.AGREEMENTS_PER_DELEGATION)
            windows[year] = [Window(start, end, max(0, demo))]
        if 2023 in windows and self.scale == 1:
            before_2023 = sum(windows[y][0].count for y in range(plan.FIRST_YEAR, 2023))
            real_by_april = self.real.count(self.real.agreements, None, plan.APRIL_2023)
            by_april = plan.AGREEMENTS_BY_APRIL_2023 - real_by_april - before_2023
            total = windows[2023][0].count
            if not 0 <= by_april <= total:
                raise ValueError("the agreement plan cannot meet the published agreement count")
            windows[2023] = [
                Window(datetime.date(2023, 1, 1), plan.APRIL_2023, by_april),
                Window(plan.APRIL_2023 + DAY, datetime.date(2023, 12, 31), total - by_april),
            ]
        return windows

    def delegation_windows(self, direction: str) -> list[Window]:
        """Completed visits per window, the real ones subtracted: 47 incoming in the first half
        of 2012, the 2017 totals, and the rest of the plan."""
        real = self.real.incoming if direction == Direction.INCOMING else self.real.outgoing
        windows = []
        for year in self.years:
            year_plan = plan.year_plan(year)
            total = year_plan.incoming if direction == Direction.INCOMING else year_plan.outgoing
            start, end = year_bounds(year)
            if year == 2012 and direction == Direction.INCOMING:
                parts = [
                    (start, plan.FIRST_HALF_2012_END, plan.INCOMING_FIRST_HALF_2012),
                    (plan.FIRST_HALF_2012_END + DAY, end, total - plan.INCOMING_FIRST_HALF_2012),
                ]
            else:
                parts = [(start, end, total)]
            for first, last, count in parts:
                demo = max(0, count - self.real.count(real, first, last))
                windows.append(Window(first, last, demo * self.scale))
        return windows

    def event_windows(self) -> list[Window]:
        """Hosted events per year, the real ones subtracted."""
        windows = []
        for year in self.years:
            start, end = year_bounds(year)
            demo = plan.year_plan(year).events - self.real.count(self.real.events, start, end)
            windows.append(Window(start, end, max(0, demo) * self.scale))
        return windows
