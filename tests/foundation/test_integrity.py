"""A constraint the database enforces is reported with its own message (core.integrity), on
SQLite and on PostgreSQL, whose errors name it differently."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from delegations.models import Event
from foreignaffairs.core.integrity import constraint_message, violated_constraint
from partners.models import PartnerLocality
from tests.factories import DelegationFactory, PartnerLocalityFactory


def integrity_error(write) -> IntegrityError:
    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        write()
    return raised.value


def test_a_duplicate_partner_is_reported_with_its_constraint_s_message(db):
    PartnerLocalityFactory(name="Yangon", country="MM")
    error = integrity_error(lambda: PartnerLocality.objects.create(name="YANGON", country="MM"))
    assert violated_constraint(error).name == "partners_partnerlocality_unique_name_per_country"
    assert constraint_message(error).startswith(
        "Quốc gia này đã có một địa phương đối tác cùng tên"
    )


def test_a_broken_check_constraint_is_reported_with_its_message(db):
    error = integrity_error(
        lambda: Event.objects.create(
            title="Hội nghị",
            start_date=datetime.date(2025, 4, 3),
            end_date=datetime.date(2025, 4, 1),
        )
    )
    assert violated_constraint(error).name == "delegations_event_end_after_start"
    assert constraint_message(error) == "Ngày kết thúc không được trước ngày bắt đầu."


def test_a_constraint_is_not_mistaken_for_another_whose_name_begins_alike(db):
    # delegations_delegation_end_after_start is not delegations_delegation_end_date_plausible,
    # and a name found inside a longer one does not count.
    error = integrity_error(
        lambda: DelegationFactory(
            start_date=datetime.date(2025, 4, 3), end_date=datetime.date(2025, 4, 1)
        )
    )
    assert violated_constraint(error).name == "delegations_delegation_end_after_start"


def test_an_error_naming_no_constraint_of_ours_has_no_message():
    assert constraint_message(IntegrityError("NOT NULL constraint failed: x.y")) is None
    assert constraint_message(IntegrityError("violates constraint partners_x_unique_name")) is None
