import datetime

import pytest

from foreignaffairs.deadlines.models import CalendarDay, DayKind
from foreignaffairs.deadlines.workdays import WorkingCalendar
from tests.deadlines.conftest import FRIDAY_BEFORE_TET, TET_2026

pytestmark = pytest.mark.django_db


def test_tet_2026_is_off_in_the_holiday_calendar():
    calendar = WorkingCalendar()

    assert [day for day in TET_2026 if calendar.is_working_day(day)] == []
    assert calendar.holiday_name(datetime.date(2026, 2, 17)) == "Tết Nguyên Đán"
    assert calendar.is_working_day(datetime.date(2026, 2, 23))  # Monday after


def test_seven_working_days_from_the_friday_before_tet_skip_the_holiday_and_weekends():
    # 23, 24, 25, 26, 27 February, 2 and 3 March.
    assert WorkingCalendar().add_working_days(FRIDAY_BEFORE_TET, 7) == datetime.date(2026, 3, 3)


def test_days_off_and_make_up_days_entered_by_managers_override_the_calendar():
    CalendarDay.objects.create(date=datetime.date(2026, 2, 23), kind=DayKind.DAY_OFF)
    CalendarDay.objects.create(date=datetime.date(2026, 2, 28), kind=DayKind.WORKING_DAY)
    calendar = WorkingCalendar()

    assert not calendar.is_working_day(datetime.date(2026, 2, 23))
    assert calendar.is_working_day(datetime.date(2026, 2, 28))  # a Saturday made up
    # 24, 25, 26, 27, 28 (Saturday, made up), 2, 3 March.
    assert calendar.add_working_days(FRIDAY_BEFORE_TET, 7) == datetime.date(2026, 3, 3)
    assert calendar.add_working_days(FRIDAY_BEFORE_TET, 5) == datetime.date(2026, 2, 28)
