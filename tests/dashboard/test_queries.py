"""The dashboard and its Excel file run a fixed number of queries whatever the data size."""

import datetime
import itertools

import pytest

from agreements.models import Agreement, ImplementationActivity
from delegations.models import Delegation, Event
from foreignaffairs.core import daily_counts
from foreignaffairs.core.text import fold
from foreignaffairs.reports.models import ReportedFigure
from partners.models import PartnerLocality

# Session, user, 3 for the data years, 3 for the years of activity records (before them:
# no data), the yearly figures (whether a recount is due, the per-day counts, 2 for the
# partners), published figures (1 + 4 at most), published figures by year, 4 breakdowns
# (the month's from the per-day counts: 2), 6 attention lists (2 each: the first ten's keys
# with the total, then their records; the two "gone quiet" lists first check whether a
# recount is due: 2), the programme panel (plan, item states, the year's per-day counts, 3
# for the records linked to the programme). The running year adds 3 (the year so far and the
# same days of last year).
DASHBOARD_QUERIES = 43
XLSX_QUERIES = 17  # with the role check

COUNTRIES = ["JP", "KR", "US", "FR", "DE", "AU", "ZA", "CL", "MM", "SG", "TH", "BE"]
LEVELS = ["head_of_state", "royalty", "minister", "local_leader", "business", "other"]
STATUSES = ["completed", "completed", "completed", "planned", "confirmed", "cancelled"]
# Mostly the former city's records, some of the two former provinces.
ORIGINS = ["hcmc"] * 5 + ["binh_duong", "ba_ria_vung_tau"]


@pytest.fixture
def many_records(db):
    """A few thousand records over 2005-2026, in every state the page looks at."""
    today = datetime.date.today()
    partners = PartnerLocality.objects.bulk_create(
        PartnerLocality(
            name=f"Địa phương {n}",
            name_key=fold(f"Địa phương {n}"),
            country=COUNTRIES[n % len(COUNTRIES)],
            established_on=datetime.date(1995 + n % 25, 1 + n % 12, 1),
            ended_on=datetime.date(2022, 6, 30) if n % 17 == 0 else None,
            origin=ORIGINS[n % len(ORIGINS)],
        )
        for n in range(300)
    )
    Delegation.objects.bulk_create(
        Delegation(
            title=f"Đoàn {n}",
            direction="incoming" if n % 3 else "outgoing",
            level=LEVELS[n % len(LEVELS)],
            country=COUNTRIES[n % len(COUNTRIES)],
            status=STATUSES[n % len(STATUSES)],
            start_date=datetime.date(2005 + n % 21, 1 + n % 12, 1 + n % 28),
            partner=partners[n % len(partners)] if n % 4 == 0 else None,
            origin=ORIGINS[n % len(ORIGINS)],
        )
        for n in range(2500)
    )
    Delegation.objects.bulk_create(
        Delegation(
            title=f"Đoàn sắp đến {n}",
            status="planned",
            country="JP",
            start_date=today + datetime.timedelta(days=n % 60),
        )
        for n in range(40)
    )
    Event.objects.bulk_create(
        Event(
            title=f"Sự kiện {n}",
            status="cancelled" if n % 9 == 0 else "held",
            role="host" if n % 2 else "co_host",
            start_date=datetime.date(2005 + n % 21, 1 + n % 12, 5),
        )
        for n in range(400)
    )
    agreements = Agreement.objects.bulk_create(
        Agreement(
            title=f"Văn bản {n}",
            status="terminated" if n % 11 == 0 else "in_force",
            signed_on=datetime.date(2005 + n % 21, 1 + n % 12, 10),
            expires_on=today + datetime.timedelta(days=n % 400) if n % 5 == 0 else None,
            establishes_relationship=n % 4 == 0,
            origin=ORIGINS[n % len(ORIGINS)],
        )
        for n in range(600)
    )
    links = Agreement.partners.through
    links.objects.bulk_create(
        links(agreement_id=agreement.pk, partnerlocality_id=partner.pk)
        for agreement, partner in zip(agreements, itertools.cycle(partners), strict=False)
    )
    ImplementationActivity.objects.bulk_create(
        ImplementationActivity(
            agreement=agreements[n % len(agreements)],
            date=datetime.date(2010 + n % 16, 1 + n % 12, 15),
            description=f"Hoạt động {n}",
        )
        for n in range(400)
    )
    ReportedFigure.objects.bulk_create(
        ReportedFigure(
            metric=metric,
            period_start=datetime.date(2017, 1, 1),
            period_end=datetime.date(2017, 12, 31),
            value=value,
            source="Báo cáo tổng kết năm 2017",
        )
        for metric, value in [
            ("incoming_delegations", 155),
            ("outgoing_leader_delegations", 21),
            ("agreements_signed", 12),
            ("new_relationship_agreements", 4),
            ("receptions_and_events", 260),
        ]
    )
    assert Delegation.objects.count() + Agreement.objects.count() + Event.objects.count() > 3000


@pytest.mark.parametrize("origin", ["", "hcmc", "binh_duong"])
@pytest.mark.parametrize("records", ["none", "thousands"])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    request, records, origin, leader_client, django_assert_max_num_queries
):
    """On every basis: a former province's counts are the same queries, filtered."""
    if records == "thousands":
        request.getfixturevalue("many_records")
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = leader_client.get("/dashboard/", {"year": 2017, "origin": origin})
    assert response.status_code == 200
    if records == "thousands":
        needs_update = next(s for s in response.context["attention"] if s["key"] == "needs_update")
        assert needs_update["count"] > 10 and len(needs_update["items"]) == 10


@pytest.mark.parametrize("origin", ["", "binh_duong"])
@pytest.mark.parametrize("records", ["none", "thousands"])
def test_the_excel_file_runs_a_fixed_number_of_queries(
    request, records, origin, leader_client, django_assert_max_num_queries
):
    if records == "thousands":
        request.getfixturevalue("many_records")
    daily_counts.bring_up_to_date()
    with django_assert_max_num_queries(XLSX_QUERIES):
        response = leader_client.get("/dashboard/xlsx/", {"year": 2017, "origin": origin})
    assert response.status_code == 200
