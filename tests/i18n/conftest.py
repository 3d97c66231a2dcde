"""What the Vietnamese-admin scans share."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group

from delegations.models import Pillar
from foreignaffairs.api.models import ApiClient
from foreignaffairs.deadlines.models import CalendarDay, CalendarFeed, DigestLog
from foreignaffairs.deadlines.services import sync_deadlines_for
from partners.models import PartnerOrigin
from tests.factories import (
    AnnualPlanFactory,
    CooperationFieldFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
    PlanItemFactory,
    ReportedFigureFactory,
)


@pytest.fixture
def records(superuser):
    """One record of every model, each changed once (a history with two rows)."""
    activity = ImplementationActivityFactory(agreement__signed_on=datetime.date(2026, 3, 2))
    delegation = DelegationFactory(partner=PartnerLocalityFactory())
    delegation.title += " (đã sửa)"
    delegation.save()
    EventFactory()
    ReportedFigureFactory()
    PlanItemFactory(plan=AnnualPlanFactory())
    CooperationFieldFactory()
    Pillar.objects.get_or_create(code="kinh-te", defaults={"name": "Kinh tế"})
    Group.objects.get_or_create(name="Chuyên viên")
    PartnerOrigin.objects.create(
        partner=delegation.partner, origin="binh_duong", established_on=datetime.date(2010, 5, 1)
    )
    ApiClient.issue("Sở Kế hoạch và Đầu tư", contact="Chị Lan", created_by=superuser)
    CalendarDay.objects.create(date=datetime.date(2026, 5, 4), kind="day_off", name="Nghỉ bù")
    sync_deadlines_for(activity.agreement)  # its deadlines (report within 15 days…)
    DigestLog.objects.create(user=superuser, day=datetime.date(2026, 3, 12), deadline_count=1)
    CalendarFeed.objects.create(user=superuser, token="b" * 40)
    failure = {"username": "truongphong", "ip_address": "10.0.0.9", "user_agent": "Firefox"}
    AccessAttempt.objects.create(
        **failure,
        get_data="",
        post_data="",
        http_accept="text/html",
        path_info="/login/",
        failures_since_start=3,
    )
    AccessFailureLog.objects.create(**failure, http_accept="text/html", path_info="/login/")
    AccessLog.objects.create(**failure, http_accept="text/html", path_info="/login/")
    return activity
