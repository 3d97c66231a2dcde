"""The inherited-agreements register (Decree 177/2025/NĐ-CP follow-up)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agreements.models import (
    Agreement,
    Decision,
    InheritedAgreementFollowUp,
)
from foreignaffairs.core.origins import Origin
from tests.admin_pages import changelist_rows
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

REGISTER = "/admin/agreements/inheritedagreement/"
BD, BRVT = Origin.BINH_DUONG, Origin.BA_RIA_VUNG_TAU


@pytest.fixture
def inherited():
    """Agreements of the former provinces in force on 1 July 2025, and some that are not."""
    return {
        "bd": AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)),
        "brvt": AgreementFactory(origin=BRVT, signed_on=datetime.date(2021, 3, 1)),
        "decided": AgreementFactory(origin=BD, signed_on=datetime.date(2018, 1, 1)),
        "district": AgreementFactory(signed_on=datetime.date(2020, 6, 1)),
        # Not inherited: the former city's own, one signed after the merger, one ended before.
        "ours": AgreementFactory(signed_on=datetime.date(2020, 1, 1)),
        "after": AgreementFactory(origin=BD, signed_on=datetime.date(2025, 8, 1)),
        "ended": AgreementFactory(
            origin=BD,
            signed_on=datetime.date(2015, 1, 1),
            status="terminated",
            terminated_on=datetime.date(2020, 1, 1),
        ),
    }


def test_the_register_lists_every_inherited_agreement_without_a_decision(inherited):
    InheritedAgreementFollowUp.objects.create(
        agreement=inherited["decided"], decision=Decision.KEEP
    )
    InheritedAgreementFollowUp.objects.create(
        agreement=inherited["district"], inherited_from="UBND Quận 1 (cũ)"
    )
    assert set(Agreement.objects.inherited()) == {
        inherited[key] for key in ("bd", "brvt", "decided", "district")
    }
    assert set(Agreement.objects.awaiting_decision()) == {
        inherited[key] for key in ("bd", "brvt", "district")
    }


def test_the_admin_register_shows_the_awaiting_list(admin_client, inherited):
    InheritedAgreementFollowUp.objects.create(
        agreement=inherited["decided"], decision=Decision.TERMINATE
    )
    rows = changelist_rows(admin_client, f"{REGISTER}?awaiting_decision=yes")
    assert {row.pk for row in rows} == {inherited["bd"].pk, inherited["brvt"].pk}
    page = admin_client.get(REGISTER).content.decode()
    assert "Chưa có quyết định" in page and "Chấm dứt hiệu lực" in page


def test_staff_record_a_decision_in_the_register(admin_client, inherited):
    agreement = inherited["bd"]
    replacement = AgreementFactory(signed_on=datetime.date(2025, 9, 1))
    prefix = "follow_up"
    response = admin_client.post(
        f"{REGISTER}{agreement.pk}/change/",
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1",
            f"{prefix}-0-inherited_from": "",
            f"{prefix}-0-names_updated_on": "15/08/2025",
            f"{prefix}-0-decision": "replace",
            f"{prefix}-0-decided_on": "20/08/2025",
            f"{prefix}-0-partner_informed_on": "01/09/2025",
            f"{prefix}-0-replaced_by": replacement.pk,
            f"{prefix}-0-notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    follow_up = InheritedAgreementFollowUp.objects.get(agreement=agreement)
    assert follow_up.names_updated_on == datetime.date(2025, 8, 15)
    assert follow_up.replaced_by == replacement
    assert agreement not in Agreement.objects.awaiting_decision()


def test_a_replacement_needs_the_replace_decision(inherited):
    follow_up = InheritedAgreementFollowUp(
        agreement=inherited["bd"], decision=Decision.KEEP, replaced_by=inherited["brvt"]
    )
    with pytest.raises(ValidationError) as error:
        follow_up.full_clean()
    assert "replaced_by" in error.value.message_dict


@pytest.mark.parametrize("count", [1, 30])
def test_the_register_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    for number in range(count):
        agreement = AgreementFactory(origin=BD, signed_on=datetime.date(2019, 1, 1))
        if number % 2:
            InheritedAgreementFollowUp.objects.create(agreement=agreement, decision=Decision.KEEP)
    with django_assert_max_num_queries(10):
        assert admin_client.get(REGISTER).status_code == 200
