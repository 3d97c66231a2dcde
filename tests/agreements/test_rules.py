"""Counting rule 4, the effective status, the dormant rule and expiring agreements."""

import datetime

import pytest

from agreements.models import DORMANT_AFTER_MONTHS, EXPIRING_WITHIN_DAYS, Agreement
from foreignaffairs.core.dates import months_before
from tests.factories import AgreementFactory, DelegationFactory, ImplementationActivityFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
DAY = datetime.timedelta(days=1)


# Rule 4 -------------------------------------------------------------------------------------


def test_an_agreement_being_negotiated_is_not_counted():
    AgreementFactory(status="negotiating", signed_on=None)

    assert not Agreement.objects.signed_in(2025).exists()
    assert not Agreement.objects.signed().exists()


@pytest.mark.parametrize("status", ["in_force", "expired", "terminated"])
def test_a_signed_agreement_counts_in_its_signing_year_whatever_happened_since(status):
    agreement = AgreementFactory(
        status=status,
        signed_on=datetime.date(2019, 12, 31),
        terminated_on=datetime.date(2021, 1, 1) if status == "terminated" else None,
    )

    assert list(Agreement.objects.signed_in(2019)) == [agreement]
    assert not Agreement.objects.signed_in(2020).exists()


def test_new_relationship_agreements_are_the_signed_ones_that_found_a_relationship():
    founding = AgreementFactory(establishes_relationship=True, signed_on=datetime.date(2019, 3, 1))
    AgreementFactory(signed_on=datetime.date(2019, 3, 1))

    assert list(Agreement.objects.signed_in(2019).new_relationships()) == [founding]


# Effective status around the expiry date ---------------------------------------------------


@pytest.mark.parametrize(
    ("today", "auto_renew", "expected"),
    [
        (TODAY - DAY, False, "in_force"),  # the day before expiry
        (TODAY, False, "in_force"),  # the expiry day itself is still covered
        (TODAY + DAY, False, "expired"),  # the day after
        (TODAY + DAY, True, "in_force"),  # renewing agreements stay in force
    ],
)
def test_effective_status_around_the_expiry_date(today, auto_renew, expected):
    agreement = AgreementFactory(
        signed_on=datetime.date(2020, 1, 1), expires_on=TODAY, auto_renew=auto_renew
    )

    annotated = Agreement.objects.with_effective_status(today).get()
    assert annotated.effective_status == expected
    assert agreement.effective_status_on(today) == expected


def test_a_terminated_agreement_stays_terminated_whatever_the_expiry():
    AgreementFactory(
        status="terminated",
        signed_on=datetime.date(2020, 1, 1),
        terminated_on=datetime.date(2021, 1, 1),
        expires_on=TODAY + DAY,
    )

    assert Agreement.objects.with_effective_status(TODAY).get().effective_status == "terminated"


# Dormant: in force, nothing done for 12 months ----------------------------------------------


def dormant(today=TODAY) -> bool:
    return Agreement.objects.with_follow_up(today).get().dormant


@pytest.mark.parametrize(("months", "expected"), [(11, False), (13, True)])
def test_without_activity_an_agreement_is_dormant_12_months_after_signing(months, expected):
    AgreementFactory(signed_on=months_before(TODAY, months))

    assert dormant() is expected
    assert Agreement.objects.dormant(TODAY).exists() is expected


@pytest.mark.parametrize(("months", "expected"), [(11, False), (13, True)])
def test_an_agreement_is_dormant_12_months_after_its_last_activity(months, expected):
    agreement = AgreementFactory(signed_on=datetime.date(2020, 1, 1))
    ImplementationActivityFactory(agreement=agreement, date=datetime.date(2021, 1, 1))
    ImplementationActivityFactory(agreement=agreement, date=months_before(TODAY, months))

    assert Agreement.objects.with_follow_up(TODAY).get().last_activity_on == months_before(
        TODAY, months
    )
    assert dormant() is expected


@pytest.mark.parametrize(
    ("last_activity", "expected"),
    [
        (months_before(TODAY, DORMANT_AFTER_MONTHS), False),  # exactly the threshold ago
        (months_before(TODAY, DORMANT_AFTER_MONTHS) - DAY, True),  # one day more
    ],
)
def test_the_dormant_threshold_to_the_day_after_the_last_activity(last_activity, expected):
    agreement = AgreementFactory(signed_on=datetime.date(2020, 1, 1))
    ImplementationActivityFactory(agreement=agreement, date=last_activity)

    assert dormant() is expected


@pytest.mark.parametrize(
    ("signed_on", "expected"),
    [
        (months_before(TODAY, DORMANT_AFTER_MONTHS), False),
        (months_before(TODAY, DORMANT_AFTER_MONTHS) - DAY, True),
    ],
)
def test_the_dormant_threshold_to_the_day_after_signing(signed_on, expected):
    AgreementFactory(signed_on=signed_on)

    assert dormant() is expected


def test_a_completed_visit_under_the_agreement_counts_as_activity():
    agreement = AgreementFactory(signed_on=datetime.date(2020, 1, 1))
    DelegationFactory(start_date=months_before(TODAY, 2)).agreements.add(agreement)

    assert dormant() is False


@pytest.mark.parametrize("status", ["negotiating", "expired", "terminated"])
def test_only_agreements_in_force_can_be_dormant(status):
    AgreementFactory(
        status=status,
        signed_on=None if status == "negotiating" else datetime.date(2020, 1, 1),
        terminated_on=datetime.date(2021, 1, 1) if status == "terminated" else None,
    )

    assert dormant() is False


def test_an_agreement_past_its_expiry_is_not_dormant():
    AgreementFactory(signed_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2025, 1, 1))

    assert dormant() is False


# Expiring within a number of days -----------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(-1, False), (0, True), (179, True), (180, True), (181, False)],
)
def test_expiring_lists_agreements_ending_within_the_window(days_left, expected):
    AgreementFactory(
        signed_on=datetime.date(2020, 1, 1), expires_on=TODAY + datetime.timedelta(days=days_left)
    )

    assert Agreement.objects.expiring(TODAY, 180).exists() is expected


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(EXPIRING_WITHIN_DAYS, True), (EXPIRING_WITHIN_DAYS + 1, False)],
)
def test_expiring_looks_ahead_the_threshold_by_default(days_left, expected):
    AgreementFactory(
        signed_on=datetime.date(2020, 1, 1), expires_on=TODAY + datetime.timedelta(days=days_left)
    )

    assert Agreement.objects.expiring(TODAY).exists() is expected


def test_renewing_or_terminated_agreements_are_not_expiring():
    soon = TODAY + datetime.timedelta(days=30)
    AgreementFactory(signed_on=datetime.date(2020, 1, 1), expires_on=soon, auto_renew=True)
    AgreementFactory(
        status="terminated",
        signed_on=datetime.date(2020, 1, 1),
        terminated_on=datetime.date(2024, 1, 1),
        expires_on=soon,
    )

    assert not Agreement.objects.expiring(TODAY, 180).exists()
