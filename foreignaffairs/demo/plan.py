"""How much the demo holds each year, and the published figures it is calibrated to.

Every number here is a total counted by `foreignaffairs.reports.stats` *including the real
records* of the fixtures; the generator subtracts what the real records already
contribute. Sources of the exact figures: `fixtures/published_figures.json`.
"""

import datetime
from dataclasses import dataclass

FIRST_YEAR = 2012


@dataclass(frozen=True)
class YearPlan:
    incoming: int  # completed incoming delegations (rule 1)
    outgoing: int  # completed outgoing delegations (rule 3)
    events: int  # hosted events, not cancelled (rule 6)
    agreements: int  # agreements signed (rule 4), the relationship-founding ones included
    new_partners: int  # partners established (rule 5); each founded by one agreement


# Growth to 2019, the pandemic years 2020-2021, recovery from 2022. The 2017 row is the
# published year: 155 incoming, 21 outgoing (leader delegations), 12 agreements of which
# 4 found a relationship (so 4 new partners). 2023 is "about 140 incoming, more than 40 events
# a year".
YEARS = {
    2012: YearPlan(incoming=104, outgoing=17, events=40, agreements=5, new_partners=2),
    2013: YearPlan(incoming=118, outgoing=18, events=41, agreements=5, new_partners=2),
    2014: YearPlan(incoming=127, outgoing=19, events=41, agreements=6, new_partners=3),
    2015: YearPlan(incoming=134, outgoing=20, events=43, agreements=5, new_partners=2),
    2016: YearPlan(incoming=142, outgoing=19, events=44, agreements=6, new_partners=3),
    2017: YearPlan(incoming=155, outgoing=21, events=46, agreements=12, new_partners=4),
    2018: YearPlan(incoming=159, outgoing=23, events=47, agreements=7, new_partners=2),
    2019: YearPlan(incoming=164, outgoing=24, events=48, agreements=6, new_partners=2),
    2020: YearPlan(incoming=46, outgoing=4, events=22, agreements=2, new_partners=0),
    2021: YearPlan(incoming=21, outgoing=2, events=15, agreements=3, new_partners=1),
    2022: YearPlan(incoming=98, outgoing=15, events=41, agreements=6, new_partners=1),
    2023: YearPlan(incoming=141, outgoing=20, events=45, agreements=7, new_partners=2),
    2024: YearPlan(incoming=149, outgoing=22, events=46, agreements=7, new_partners=2),
    2025: YearPlan(incoming=154, outgoing=23, events=47, agreements=7, new_partners=2),
}
LATER_YEARS = YearPlan(incoming=156, outgoing=23, events=47, agreements=7, new_partners=2)


def year_plan(year: int) -> YearPlan:
    return YEARS.get(year, LATER_YEARS)


# Exact published figures whose period is not a calendar year (the calendar-year ones are in
# YEARS). The generator splits the year around these days so that both hold.
INCOMING_FIRST_HALF_2012 = 47  # 01/01/2012 – 30/06/2012
FIRST_HALF_2012_END = datetime.date(2012, 6, 30)
PARTNERS_END_2017 = 48  # active on 31/12/2017
PARTNERS_APRIL_2023 = 54  # active on 30/04/2023
AGREEMENTS_BY_APRIL_2023 = 66  # signed on or before 30/04/2023
APRIL_2023 = datetime.date(2023, 4, 30)

# Partners that are not counted by rule 5: cooperation only, no establishing document.
COOPERATION_ONLY_PARTNERS = 4
# A relationship that ended (counted at the end of 2017, no longer in April 2023).
ENDED_PARTNER_ON = datetime.date(2019, 10, 15)
# Demo partners established before the demo years start, from this year on.
OLDEST_PARTNER_YEAR = 1992

# Shares that give every dashboard panel something to show.
CANCELLED_SHARE = 0.03  # cancelled visits and events, on top of the counted ones
NOT_CLOSED_SHARE = 0.25  # of the visits in the last 45 days, still "planned/confirmed"
NOT_CLOSED_DAYS = 45
UPCOMING_DAYS = 60  # planned visits and events up to this many days ahead
NEGOTIATING_AGREEMENTS = 3  # drafts with no signing date
EXPIRING_AGREEMENTS = 4  # in force, expiring within 180 days of today
STALLED_SHARE = 0.3  # agreements whose activities stop after the first months (dormant)

# Large volumes for benchmarks (--scale N > 1).
MAX_PARTNERS = 10_000
AGREEMENTS_PER_DELEGATION = 0.1
