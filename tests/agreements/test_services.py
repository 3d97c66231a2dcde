"""Rule 5's second half: signing a founding agreement dates the partners' relationships."""

import datetime
from unittest import mock

import pytest

from agreements.models import Agreement
from agreements.services import establish_relationships, save_agreement
from partners.models import PartnerLocality
from tests.factories import AgreementFactory, PartnerLocalityFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2024, 9, 15)


def test_partners_without_a_date_take_the_signing_date_and_others_keep_theirs():
    new = PartnerLocalityFactory(established_on=None)
    old = PartnerLocalityFactory(established_on=datetime.date(2001, 1, 1))
    agreement = AgreementFactory(
        establishes_relationship=True, signed_on=SIGNED, partners=[new, old]
    )

    changed = establish_relationships(agreement, user=UserFactory())

    assert changed == [new]
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.established_on == SIGNED
    assert old.established_on == datetime.date(2001, 1, 1)


def test_the_change_lands_in_the_partner_history_with_the_user():
    user = UserFactory()
    partner = PartnerLocalityFactory(established_on=None)
    agreement = AgreementFactory(
        establishes_relationship=True, signed_on=SIGNED, partners=[partner]
    )

    establish_relationships(agreement, user=user)

    latest = partner.history.latest()
    assert (latest.established_on, latest.history_user) == (SIGNED, user)


def test_an_agreement_that_does_not_found_a_relationship_changes_no_partner():
    partner = PartnerLocalityFactory(established_on=None)
    agreement = AgreementFactory(signed_on=SIGNED, partners=[partner])

    assert establish_relationships(agreement) == []
    partner.refresh_from_db()
    assert partner.established_on is None


def test_a_failure_part_way_leaves_no_partner_changed_and_no_agreement_saved():
    partners = PartnerLocalityFactory.create_batch(3, established_on=None)
    agreement = Agreement(
        title="Thỏa thuận thiết lập quan hệ hữu nghị",
        establishes_relationship=True,
        signed_on=SIGNED,
    )
    real_save = PartnerLocality.save
    calls = []

    def save_then_fail_on_second(self, *args, **kwargs):
        calls.append(self.pk)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_save(self, *args, **kwargs)

    with (
        mock.patch.object(PartnerLocality, "save", save_then_fail_on_second),
        pytest.raises(RuntimeError),
    ):
        save_agreement(agreement, partners=partners)

    assert len(calls) == 2  # the first partner was saved before the failure...
    assert not PartnerLocality.objects.filter(established_on__isnull=False).exists()  # ...undone
    assert not Agreement.objects.exists()
