"""The seed_demo command: demo records are recognisable, repeatable and removable."""

import unicodedata

import pytest
from django.core.management import call_command

from agreements.models import Agreement, CooperationField, ImplementationActivity
from delegations.models import Delegation, Event, Level
from foreignaffairs.core.text import fold
from foreignaffairs.reports.models import ReportedFigure
from partners.models import PartnerLocality
from plans.models import PlanItem
from tests.data.conftest import TODAY, seed_demo

DEMO_MODELS = (PartnerLocality, Delegation, Event, Agreement, ImplementationActivity)
REAL_MODELS = (ReportedFigure, CooperationField, PartnerLocality, Delegation, Event)


def demo_counts():
    return {model.__name__: model.objects.filter(is_demo=True).count() for model in DEMO_MODELS}


def real_counts():
    counts = {model.__name__: model.objects.count() for model in (ReportedFigure, CooperationField)}
    for model in (PartnerLocality, Delegation, Event):
        counts[model.__name__] = model.objects.filter(is_demo=False).count()
    return counts


def snapshot():
    """The demo records as a user sees them (no primary keys, no timestamps)."""
    demo = {"is_demo": True}
    return {
        "partners": list(
            PartnerLocality.objects.filter(**demo)
            .order_by("pk")
            .values_list("name", "country", "kind", "relationship", "established_on", "ended_on")
        ),
        "delegations": list(
            Delegation.objects.filter(**demo)
            .order_by("pk")
            .values_list(
                "title", "direction", "level", "country", "partner__name", "start_date", "status"
            )
        ),
        "events": list(
            Event.objects.filter(**demo)
            .order_by("pk")
            .values_list("title", "start_date", "status", "role", "countries")
        ),
        "agreements": list(
            Agreement.objects.filter(**demo)
            .order_by("pk")
            .values_list("title", "signed_on", "expires_on", "status", "partners__name")
        ),
        "activities": list(
            ImplementationActivity.objects.filter(**demo)
            .order_by("pk")
            .values_list("agreement__title", "date", "description")
        ),
    }


def test_seeding_creates_demo_records_of_every_kind(demo):
    assert all(count > 0 for count in demo_counts().values())


def test_seeding_twice_adds_nothing(demo):
    before = demo_counts()
    seed_demo()
    assert demo_counts() == before


def test_clear_removes_every_demo_record_and_nothing_else(demo):
    real = real_counts()
    seed_demo("--clear")
    assert set(demo_counts().values()) == {0}
    assert real_counts() == real


def test_clear_keeps_no_history_of_the_demo_records(demo):
    seed_demo("--clear")
    assert not Delegation.history.filter(history_type="-").exists()


def test_the_same_seed_gives_the_same_records(demo):
    first = snapshot()
    seed_demo("--replace")
    assert snapshot() == first


def test_another_seed_gives_other_records(demo):
    first = snapshot()
    call_command("seed_demo", "--seed=8", f"--today={TODAY}", "--force", "--replace", verbosity=0)
    assert snapshot()["delegations"] != first["delegations"]


def test_demo_primary_keys_come_after_the_fixtures(demo):
    for model in (PartnerLocality, Delegation, Event):
        real = model.objects.filter(is_demo=False).order_by("-pk").first()
        first_demo = model.objects.filter(is_demo=True).order_by("pk").first()
        assert first_demo.pk > real.pk, model


def test_demo_text_is_nfc_and_partner_name_keys_are_folded_names(demo):
    for partner in PartnerLocality.objects.filter(is_demo=True):
        assert unicodedata.is_normalized("NFC", partner.name)
        assert partner.name_key == fold(partner.name)
    for title, key in Delegation.objects.filter(is_demo=True).values_list("title", "title_key"):
        assert unicodedata.is_normalized("NFC", title)
        assert key == fold(title)


def test_demo_visit_titles_name_the_office_and_the_place(demo):
    visits = Delegation.objects.filter(is_demo=True, partner__isnull=False)
    local_leaders = visits.filter(level=Level.LOCAL_LEADER, direction="incoming")
    assert local_leaders.exists()
    for delegation in local_leaders.select_related("partner"):
        assert delegation.title.startswith("Đoàn ")
        assert delegation.partner.name in delegation.title
        assert delegation.country == delegation.partner.country


def test_partners_founded_by_an_agreement_were_established_on_its_signing_day(demo):
    founding = Agreement.objects.filter(is_demo=True, establishes_relationship=True)
    assert founding.exists()
    for agreement in founding.prefetch_related("partners"):
        assert [p.established_on for p in agreement.partners.all()] == [agreement.signed_on]


def test_nothing_counted_lies_in_the_future(demo):
    assert not Delegation.objects.completed().filter(start_date__gt=TODAY).exists()
    assert not Event.objects.held().filter(start_date__gt=TODAY).exists()
    assert not Agreement.objects.filter(signed_on__gt=TODAY).exists()
    assert not ImplementationActivity.objects.filter(date__gt=TODAY).exists()
    assert not PartnerLocality.objects.filter(established_on__gt=TODAY).exists()


def natural_key_repeats(model, *key) -> list:
    """The natural keys (text compared folded, as the import does) held by more than one
    record: [(key, how many)]."""
    counts = {}
    for values in model.objects.values_list(*key):
        folded = tuple(fold(v) if isinstance(v, str) else v for v in values)
        counts[folded] = counts.get(folded, 0) + 1
    return [(k, n) for k, n in counts.items() if n > 1]


@pytest.mark.parametrize("scale", [1, 3])
def test_demo_never_writes_two_records_with_one_natural_key(seeded, db, scale):
    if scale != 1:
        seed_demo("--replace", f"--scale={scale}")
    assert natural_key_repeats(Delegation, "direction", "title", "start_date") == []
    assert natural_key_repeats(Event, "title", "start_date") == []
    assert natural_key_repeats(Agreement, "title", "signed_on") == []
    assert natural_key_repeats(PlanItem, "plan", "kind", "title") == []
