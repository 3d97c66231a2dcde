import datetime

from foreignaffairs.demo.dates import allocate, years_after


def test_years_after_a_leap_day_falls_on_28_february():
    assert years_after(datetime.date(2016, 2, 29), 3) == datetime.date(2019, 2, 28)
    assert years_after(datetime.date(2016, 2, 29), 4) == datetime.date(2020, 2, 29)


def test_allocation_gives_exactly_the_total_in_proportion():
    counts = allocate(10, {"tết": 0.5, "autumn": 1.5, "other": 1.0})
    assert sum(counts.values()) == 10
    assert counts["tết"] < counts["other"] < counts["autumn"]
