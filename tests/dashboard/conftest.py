import datetime

import pytest

from foreignaffairs.core.origins import Origin
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
    UserFactory,
    with_role,
)


@pytest.fixture
def leader(db):
    """A leader reads the dashboard but enters nothing: not staff, the leaders' role."""
    return with_role(UserFactory(username="lanhdao", is_staff=False))


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


def day(year, month, day_of_month):
    return datetime.date(year, month, day_of_month)


@pytest.fixture
def small_dataset(db):
    """A hand-made set of records around 2016-2017 with the edge cases of the counting rules.

    Expected 2017: 3 incoming (2 high-level), 1 outgoing, 2 hosted events, 3 agreements
    (1 founding a relationship), 2 partners at year end (1 new).
    Expected 2016: 2 incoming (one spans New Year), 3 partners at year end.
    """
    # Rule 1: a visit from 30 December to 2 January counts in the year it started.
    DelegationFactory(start_date=day(2016, 5, 1), country="JP")
    DelegationFactory(start_date=day(2016, 12, 30), end_date=day(2017, 1, 2), country="KR")
    # Rules 1 and 2 in 2017.
    DelegationFactory(start_date=day(2017, 3, 10), country="CL", level="head_of_state")
    DelegationFactory(start_date=day(2017, 6, 1), country="BE", level="royalty")
    DelegationFactory(start_date=day(2017, 8, 1), country="MM", level="local_leader")
    # Planned, confirmed and cancelled visits are never counted.
    DelegationFactory(start_date=day(2017, 4, 1), status="cancelled", level="head_of_state")
    DelegationFactory(start_date=day(2017, 5, 1), status="planned", title="Đoàn chưa cập nhật")
    DelegationFactory(start_date=day(2017, 5, 2), status="confirmed")
    # Rule 3.
    DelegationFactory(direction="outgoing", start_date=day(2017, 9, 1), country="JP")
    DelegationFactory(direction="outgoing", start_date=day(2017, 10, 1), status="cancelled")
    # Rule 6: hosted or co-hosted, not cancelled.
    EventFactory(start_date=day(2017, 6, 1), role="host", status="held")
    EventFactory(start_date=day(2017, 7, 1), role="co_host", status="held")
    EventFactory(start_date=day(2017, 8, 1), role="host", status="cancelled")
    # Rule 5 partners.
    old_friend = PartnerLocalityFactory(name="Osaka", established_on=day(2010, 5, 1))
    new_friend = PartnerLocalityFactory(
        name="Yangon", country="MM", established_on=day(2017, 11, 1)
    )
    PartnerLocalityFactory(
        name="Đã chấm dứt giữa năm", established_on=day(2005, 1, 1), ended_on=day(2017, 6, 30)
    )
    PartnerLocalityFactory(
        name="Chấm dứt ngày cuối năm", established_on=day(2012, 1, 1), ended_on=day(2017, 12, 31)
    )
    PartnerLocalityFactory(name="Thiết lập năm sau", established_on=day(2018, 1, 1))
    # Rule 4: a later termination does not undo the signing; negotiating is not counted.
    AgreementFactory(signed_on=day(2017, 9, 15), partners=[old_friend])
    AgreementFactory(signed_on=day(2017, 2, 1), status="terminated", terminated_on=day(2018, 3, 1))
    AgreementFactory(
        signed_on=day(2017, 11, 1),
        kind="relationship",
        establishes_relationship=True,
        partners=[new_friend],
    )
    AgreementFactory(signed_on=None, status="negotiating")


@pytest.fixture
def merged_years(db):
    """2024 and 2025 of the former city and of Bình Dương, with one partner of both.

    2024: the city 2 incoming visits (1 high-level) and 1 agreement; Bình Dương 1 visit
    (high-level) and 1 agreement.
    2025: the city 1 visit; Bình Dương 3 visits (before the merger).
    Partners at the end of 2024: 2 merged (one shared), 1 city's, 2 Bình Dương's.
    """
    DelegationFactory(
        start_date=day(2024, 3, 1),
        country="JP",
        level="head_of_government",
        title="Đoàn Thủ tướng Nhật Bản",
    )
    DelegationFactory(start_date=day(2024, 5, 1), country="KR")
    DelegationFactory(
        start_date=day(2024, 6, 1),
        country="KR",
        level="head_of_state",
        title="Đoàn Tổng thống Hàn Quốc thăm Bình Dương",
        origin=Origin.BINH_DUONG,
    )
    DelegationFactory(start_date=day(2025, 2, 1), country="JP")
    for month in (1, 3, 5):
        DelegationFactory(start_date=day(2025, month, 10), country="TW", origin=Origin.BINH_DUONG)
    AgreementFactory(signed_on=day(2024, 9, 9), title="Thỏa thuận hợp tác với Osaka")
    AgreementFactory(
        signed_on=day(2024, 4, 2),
        title="Biên bản ghi nhớ giữa Bình Dương và Gyeonggi",
        origin=Origin.BINH_DUONG,
    )
    shared = PartnerLocalityFactory(name="Gyeonggi", country="KR", established_on=day(2001, 1, 1))
    shared.origins.create(origin=Origin.HCMC, established_on=day(2001, 1, 1))
    shared.origins.create(origin=Origin.BINH_DUONG, established_on=day(2010, 6, 1))
    PartnerLocalityFactory(
        name="Đài Trung", country="TW", established_on=day(2015, 1, 1), origin=Origin.BINH_DUONG
    )
