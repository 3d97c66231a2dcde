"""Implausible dates (issue 15, item 5): a typo such as 02/01/0202 is refused with a message
staff understand, the database refuses what validation would, and the statistics stay up
whatever span of years is stored."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from foreignaffairs.core.dates import (
    EARLIEST_DATE,
    LATEST_STORED_DATE,
    MAX_YEARS_AHEAD,
    latest_plausible_date,
)
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
    UserFactory,
)

TYPO = datetime.date(202, 1, 2)  # 02/01/0202 for 02/01/2020
AFTER_STORED_RANGE = LATEST_STORED_DATE + datetime.timedelta(days=1)


def test_a_year_0202_typo_is_refused_with_a_vietnamese_message(db):
    visit = DelegationFactory.build(start_date=TYPO)
    with pytest.raises(ValidationError) as refused:
        visit.full_clean()
    message = refused.value.message_dict["start_date"][0]
    assert "02/01/0202 không hợp lý" in message
    assert "01/01/1900" in message


def test_more_than_ten_years_ahead_is_refused_and_ten_years_is_accepted(db):
    latest = latest_plausible_date()
    assert latest.year == timezone.localdate().year + MAX_YEARS_AHEAD
    planned = DelegationFactory.build(status="planned", start_date=latest)
    planned.full_clean()
    planned.start_date = latest + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        planned.full_clean()
    assert "không hợp lý" in refused.value.message_dict["start_date"][0]


def test_a_partner_established_in_360_is_refused(db):
    partner = PartnerLocalityFactory.build(established_on=datetime.date(360, 1, 1))
    with pytest.raises(ValidationError) as refused:
        partner.full_clean()
    assert "không hợp lý" in refused.value.message_dict["established_on"][0]


def test_the_api_refuses_an_implausible_date_with_a_field_error(db, client):
    user = UserFactory(username="quantri-api", is_superuser=True)
    client.force_login(user)
    response = client.post(
        "/api/v1/delegations/",
        {"title": "Đoàn gõ nhầm năm", "country": "JP", "start_date": "0202-01-02"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "không hợp lý" in str(response.json())


# Every date column of the domain models, with the factory that makes its record.
DATE_COLUMNS = [
    (DelegationFactory, "start_date", "delegations_delegation_start_date_plausible"),
    (DelegationFactory, "end_date", "delegations_delegation_end_date_plausible"),
    (EventFactory, "start_date", "delegations_event_start_date_plausible"),
    (EventFactory, "end_date", "delegations_event_end_date_plausible"),
    (PartnerLocalityFactory, "established_on", "partners_partnerlocality_established_on_plausible"),
    (PartnerLocalityFactory, "ended_on", "partners_partnerlocality_ended_on_plausible"),
    (AgreementFactory, "signed_on", "agreements_agreement_signed_on_plausible"),
    (AgreementFactory, "effective_on", "agreements_agreement_effective_on_plausible"),
    (AgreementFactory, "expires_on", "agreements_agreement_expires_on_plausible"),
    (AgreementFactory, "terminated_on", "agreements_agreement_terminated_on_plausible"),
    (ImplementationActivityFactory, "date", "agreements_implementationactivity_date_plausible"),
    (ReportedFigureFactory, "period_end", "foreignaffairs_reportedfigure_period_end_plausible"),
]


@pytest.mark.parametrize(("factory", "field", "constraint"), DATE_COLUMNS)
def test_the_database_refuses_dates_outside_the_stored_range(db, factory, field, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        factory(**{field: AFTER_STORED_RANGE})


def test_the_database_refuses_the_year_0202(db):
    with pytest.raises(IntegrityError, match="start_date_plausible"), transaction.atomic():
        DelegationFactory(start_date=TYPO)


def test_the_dashboard_answers_with_records_at_both_ends_of_the_stored_range(admin_client):
    DelegationFactory(start_date=EARLIEST_DATE)
    DelegationFactory(start_date=datetime.date(2020, 1, 2))
    PartnerLocalityFactory(established_on=EARLIEST_DATE)
    DelegationFactory(status="planned", start_date=LATEST_STORED_DATE)
    response = admin_client.get("/dashboard/")
    assert response.status_code == 200
    assert admin_client.get("/dashboard/?year=1900").status_code == 200


def test_the_default_yearly_statistics_never_refuse_because_of_one_old_record(admin_client):
    DelegationFactory(start_date=EARLIEST_DATE)
    DelegationFactory(start_date=datetime.date(2020, 1, 2))
    response = admin_client.get("/api/v1/stats/yearly/")
    assert response.status_code == 200, response.content
    years = [row["year"] for row in response.json()["results"]]
    assert years[-1] == 2020
    assert years[0] == 1920  # the default reaches back at most 100 years
    # Asked for explicitly, the old year is there.
    old = admin_client.get("/api/v1/stats/yearly/?from=1900&to=1910").json()["results"]
    assert old[0]["incoming_delegations"] == 1
