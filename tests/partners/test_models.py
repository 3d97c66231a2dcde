import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from foreignaffairs.core.continents import continent_of
from foreignaffairs.core.dates import years_before
from foreignaffairs.reports.exchanges import dormant_partners, with_last_exchange
from partners.models import DORMANT_AFTER_YEARS, PartnerLocality, RelationshipStatus
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db


def error_messages(excinfo, field):
    return " ".join(excinfo.value.message_dict[field])


# Uniqueness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "typed", "country"),
    [
        ("Yangon", "YANGON", "MM"),
        ("Île-de-France", "ile-de-france", "FR"),
        ("Yangon", " yangon ", "MM"),
    ],
)
def test_a_second_partner_with_the_same_name_ignoring_case_and_accents_is_refused(
    existing, typed, country
):
    PartnerLocalityFactory(name=existing, country=country)

    with pytest.raises(ValidationError) as excinfo:
        PartnerLocality(name=typed, country=country).full_clean()

    assert f"Bản ghi đã có: “{existing} (" in error_messages(excinfo, "name")


def test_the_same_name_in_another_country_is_allowed():
    PartnerLocalityFactory(name="Victoria", country="CA")

    PartnerLocality(name="Victoria", country="AU").full_clean()  # does not raise


def test_the_database_refuses_a_duplicate_name_in_a_country_even_without_validation():
    PartnerLocalityFactory(name="Yangon", country="MM")

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerLocality.objects.create(name="YANGON", country="MM")


# Continents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "continent"),
    [
        ("JP", "asia"),
        ("MM", "asia"),
        ("TR", "asia"),
        ("FR", "europe"),
        ("RU", "europe"),
        ("US", "americas"),
        ("CL", "americas"),
        ("ZA", "africa"),
        ("AU", "oceania"),
        ("NZ", "oceania"),
    ],
)
def test_each_country_belongs_to_its_continent_in_python_and_in_sql(country, continent):
    partner = PartnerLocalityFactory(country=country)

    assert continent_of(country) == continent
    assert partner.continent == continent
    assert list(PartnerLocality.objects.in_continent(continent)) == [partner]


def test_russia_is_not_listed_in_asia_nor_turkey_in_europe():
    PartnerLocalityFactory(country="RU")
    PartnerLocalityFactory(country="TR")

    assert not PartnerLocality.objects.in_continent("asia").filter(country="RU").exists()
    assert not PartnerLocality.objects.in_continent("europe").filter(country="TR").exists()


# Rule 5: partners at the end of a year ------------------------------------------------------


@pytest.mark.parametrize(
    ("year_end", "active"),
    [
        (datetime.date(2014, 12, 31), False),  # before the relationship
        (datetime.date(2015, 12, 31), True),  # established that year
        (datetime.date(2019, 12, 31), True),
        (datetime.date(2020, 12, 31), False),  # ended during 2020
    ],
)
def test_a_relationship_counts_at_the_year_ends_between_its_establishment_and_end(year_end, active):
    partner = PartnerLocalityFactory(
        established_on=datetime.date(2015, 6, 1), ended_on=datetime.date(2020, 3, 1)
    )

    assert (partner in PartnerLocality.objects.active_on(year_end)) is active
    assert partner.is_active_on(year_end) is active


def test_a_relationship_established_on_31_december_counts_that_year():
    partner = PartnerLocalityFactory(established_on=datetime.date(2018, 12, 31))

    assert partner in PartnerLocality.objects.active_on(datetime.date(2018, 12, 31))


def test_a_relationship_ended_on_31_december_no_longer_counts_that_year():
    partner = PartnerLocalityFactory(
        established_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2018, 12, 31)
    )

    assert partner not in PartnerLocality.objects.active_on(datetime.date(2018, 12, 31))
    assert partner in PartnerLocality.objects.active_on(datetime.date(2017, 12, 31))


def test_a_partner_without_an_establishment_date_never_counts():
    partner = PartnerLocalityFactory(established_on=None)

    assert partner not in PartnerLocality.objects.active_on(timezone.localdate())


@pytest.mark.parametrize(
    ("established_on", "ended_on", "status"),
    [
        (datetime.date(2010, 1, 1), None, RelationshipStatus.ACTIVE),
        (datetime.date(2010, 1, 1), datetime.date(2020, 1, 1), RelationshipStatus.ENDED),
        (None, None, RelationshipStatus.NOT_ESTABLISHED),
    ],
)
def test_relationship_status_agrees_in_python_and_in_sql(established_on, ended_on, status):
    partner = PartnerLocalityFactory(established_on=established_on, ended_on=ended_on)
    today = timezone.localdate()

    assert partner.relationship_status_on(today) == status
    assert list(PartnerLocality.objects.in_relationship_status(status, today)) == [partner]


# Validation ---------------------------------------------------------------------------------


def test_an_end_before_the_establishment_is_refused():
    partner = PartnerLocality(
        name="Busan",
        country="KR",
        established_on=datetime.date(2010, 5, 1),
        ended_on=datetime.date(2009, 1, 1),
    )

    with pytest.raises(ValidationError) as excinfo:
        partner.full_clean()

    assert "Ngày chấm dứt không được trước ngày thiết lập" in error_messages(excinfo, "ended_on")


def test_the_database_refuses_an_end_before_the_establishment():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerLocality.objects.create(
            name="Busan",
            country="KR",
            established_on=datetime.date(2010, 5, 1),
            ended_on=datetime.date(2009, 1, 1),
        )


def test_an_establishment_date_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    partner = PartnerLocality(name="Busan", country="KR", established_on=tomorrow)

    with pytest.raises(ValidationError) as excinfo:
        partner.full_clean()

    assert "không được ở tương lai" in error_messages(excinfo, "established_on")


def test_an_unknown_country_code_is_refused():
    partner = PartnerLocality(name="Atlantis", country="XX")

    with pytest.raises(ValidationError) as excinfo:
        partner.full_clean()

    assert "Mã quốc gia không hợp lệ." in error_messages(excinfo, "country")


# Last exchange and dormant (3 years) --------------------------------------------------------

TODAY = datetime.date(2026, 6, 15)


def annotated(partner, today=TODAY):
    return with_last_exchange(PartnerLocality.objects.all(), today).get(pk=partner.pk)


def test_last_exchange_is_the_latest_of_delegations_agreements_activities_and_events():
    partner = PartnerLocalityFactory(established_on=datetime.date(2000, 1, 1))
    DelegationFactory(partner=partner, start_date=datetime.date(2019, 3, 1))
    agreement = AgreementFactory(partners=[partner], signed_on=datetime.date(2020, 5, 1))
    ImplementationActivityFactory(agreement=agreement, date=datetime.date(2024, 2, 1))
    EventFactory(start_date=datetime.date(2022, 7, 1)).partners.add(partner)

    assert annotated(partner).last_exchange_on == datetime.date(2024, 2, 1)


def test_cancelled_visits_and_events_are_not_exchanges():
    partner = PartnerLocalityFactory(established_on=datetime.date(2000, 1, 1))
    DelegationFactory(partner=partner, start_date=datetime.date(2025, 3, 1), status="cancelled")
    EventFactory(start_date=datetime.date(2025, 4, 1), status="cancelled").partners.add(partner)
    DelegationFactory(partner=partner, start_date=datetime.date(2018, 3, 1))

    assert annotated(partner).last_exchange_on == datetime.date(2018, 3, 1)


@pytest.mark.parametrize(
    ("last_visit", "dormant"),
    [
        (years_before(TODAY, DORMANT_AFTER_YEARS), False),  # exactly the threshold ago
        (years_before(TODAY, DORMANT_AFTER_YEARS) + datetime.timedelta(days=1), False),
        (years_before(TODAY, DORMANT_AFTER_YEARS) - datetime.timedelta(days=1), True),
    ],
)
def test_a_partner_is_dormant_after_three_years_without_exchange(last_visit, dormant):
    partner = PartnerLocalityFactory(established_on=datetime.date(2000, 1, 1))
    DelegationFactory(partner=partner, start_date=last_visit)

    assert annotated(partner).dormant is dormant
    assert (partner in dormant_partners(TODAY)) is dormant


@pytest.mark.parametrize(
    ("established_on", "dormant"),
    [(datetime.date(2021, 1, 1), True), (datetime.date(2024, 1, 1), False)],
)
def test_a_partner_never_visited_is_dormant_three_years_after_establishment(
    established_on, dormant
):
    partner = PartnerLocalityFactory(established_on=established_on)

    assert annotated(partner).last_exchange_on is None
    assert annotated(partner).dormant is dormant


def test_an_ended_relationship_is_not_flagged_dormant():
    partner = PartnerLocalityFactory(
        established_on=datetime.date(2000, 1, 1), ended_on=datetime.date(2005, 1, 1)
    )

    assert annotated(partner).dormant is False
