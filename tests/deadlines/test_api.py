"""GET /api/v1/deadlines/: staff accounts only, filtered, each row with its legal basis."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from agreements.services import save_agreement
from foreignaffairs.deadlines.services import sync_deadlines_for
from tests.factories import AgreementFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/deadlines/"
TODAY = timezone.localdate()


@pytest.fixture
def api(officer):
    client = APIClient()
    client.force_login(officer)
    return client


@pytest.fixture
def records(officer):
    agreement = save_agreement(
        AgreementFactory(
            title="MOU với Osaka", signed_on=datetime.date(2026, 3, 2), created_by=officer
        )
    )
    delegation = DelegationFactory(
        direction="outgoing",
        status="completed",
        start_date=TODAY - datetime.timedelta(days=4),
        end_date=TODAY - datetime.timedelta(days=2),
    )
    sync_deadlines_for(delegation)
    event = EventFactory(kind="conference", status="planned", start_date=datetime.date(2027, 3, 1))
    sync_deadlines_for(event)
    return {"agreement": agreement, "delegation": delegation, "event": event}


def kinds(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return sorted(row["kind"] for row in response.json()["results"])


def test_each_row_names_its_kind_dates_state_legal_basis_and_record(api, records):
    agreement = records["agreement"]

    row = api.get(URL, {"agreement": agreement.pk}).json()["results"][0]

    assert row["kind"] == "agreement_report"
    assert row["due_on"] == "2026-03-17"
    assert row["done_on"] is None
    assert row["state"] == "overdue"
    assert row["legal_basis"] == "Luật Thỏa thuận quốc tế 2020 (70/2020/QH14), Điều 19"
    assert row["record"] == {"type": "agreement", "id": agreement.pk, "title": "MOU với Osaka"}


def test_filters(api, records, officer):
    assert kinds(api.get(URL, {"delegation": records["delegation"].pk})) == ["trip_report"]
    assert kinds(api.get(URL, {"event": records["event"].pk})) == [
        "close_out",
        "conference_request",
    ]
    assert kinds(api.get(URL, {"kind": "trip_report"})) == ["trip_report"]
    assert kinds(api.get(URL, {"overdue": "true"})) == ["agreement_report"]
    assert "agreement_report" not in kinds(api.get(URL, {"overdue": "false"}))
    assert kinds(api.get(URL, {"due_before": "2026-03-17"})) == ["agreement_report"]
    assert kinds(api.get(URL, {"assignee": officer.pk})) == ["agreement_report"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"kind": "bao_cao_la"}, "kind"),
        ({"overdue": "yes"}, "overdue"),
        ({"due_before": "2026-02-30"}, "due_before"),
        ({"agreement": "mot"}, "agreement"),
    ],
)
def test_bad_filters_are_400_by_field(api, records, query, field):
    response = api.get(URL, query)

    assert response.status_code == 400
    assert field in response.json()


def test_an_unknown_rule_is_named_in_the_error(api, records):
    response = api.get(URL, {"kind": "bao_cao_la"})

    assert response.json() == {"kind": ["Không có quy tắc thời hạn này."]}


def test_department_keys_and_anonymous_callers_get_nothing(token_client, records):
    assert token_client.get(URL).status_code == 403
    assert APIClient().get(URL).status_code == 401


def test_the_list_runs_a_fixed_number_of_queries(api, records, django_assert_max_num_queries):
    for n in range(20):
        save_agreement(AgreementFactory(signed_on=datetime.date(2026, 1, 1 + n)))

    # Session, user, count, page (rule and record joined).
    with django_assert_max_num_queries(4):
        response = api.get(URL, {"page_size": 100})

    assert response.json()["count"] == 24
