"""Merging two records of one partner (partners.services.merge_partners) and its admin action."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core.origins import Origin
from partners.models import PartnerLocality, PartnerOrigin
from partners.services import merge_partners, merge_preview, share_partner
from tests.admin_pages import messages_of
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/partners/partnerlocality/"


@pytest.fixture
def pair():
    """Gyeonggi entered twice: by the former city (2002) and by Bình Dương (1997), each with
    its own links, one agreement linked to both."""
    ours = PartnerLocalityFactory(
        name="Gyeonggi", country="KR", established_on=datetime.date(2002, 3, 1), notes="TP"
    )
    theirs = PartnerLocalityFactory(
        name="Kyonggi-do",
        name_en="Gyeonggi Province",
        country="KR",
        origin=Origin.BINH_DUONG,
        established_on=datetime.date(1997, 5, 1),
        wikidata_id="Q20937",
    )
    ours.name_en = ""
    ours.save()
    shared = AgreementFactory(partners=[ours, theirs])
    return {
        "ours": ours,
        "theirs": theirs,
        "visit": DelegationFactory(partner=theirs, country="KR"),
        "event": EventFactory(),
        "agreement": AgreementFactory(partners=[theirs], origin=Origin.BINH_DUONG),
        "shared": shared,
    }


def test_merge_keeps_every_link_and_both_relationships(pair):
    ours, theirs = pair["ours"], pair["theirs"]
    pair["event"].partners.add(theirs)
    kept = merge_partners(ours, theirs)

    assert not PartnerLocality.objects.filter(pk=theirs.pk).exists()
    assert Delegation.objects.get(pk=pair["visit"].pk).partner == kept
    assert list(Event.objects.get(pk=pair["event"].pk).partners.all()) == [kept]
    assert list(Agreement.objects.get(pk=pair["agreement"].pk).partners.all()) == [kept]
    assert list(Agreement.objects.get(pk=pair["shared"].pk).partners.all()) == [kept]
    relationships = {row.origin: row.established_on for row in kept.origins.all()}
    assert relationships == {
        Origin.HCMC: datetime.date(2002, 3, 1),
        Origin.BINH_DUONG: datetime.date(1997, 5, 1),
    }
    # The merged city's relationship starts with the earliest; blanks are filled.
    assert kept.established_on == datetime.date(1997, 5, 1)
    assert kept.origin == Origin.HCMC
    assert (kept.name, kept.name_en, kept.wikidata_id) == (
        "Gyeonggi",
        "Gyeonggi Province",
        "Q20937",
    )


def test_merge_keeps_both_histories(pair):
    ours, theirs = pair["ours"], pair["theirs"]
    theirs_history = theirs.history.count()
    kept = merge_partners(ours, theirs)
    assert "Kyonggi-do" in kept.history.first().history_change_reason
    # The merged record's history stays, ending with its deletion and why.
    history = PartnerLocality.history.filter(id=theirs.pk)
    assert history.count() == theirs_history + 1
    assert history.first().history_type == "-"
    assert "Gyeonggi" in history.first().history_change_reason
    # The moved visit's history says it moved.
    assert Delegation.history.filter(id=pair["visit"].pk).first().partner_id == kept.pk


def test_merge_is_all_or_nothing(pair, monkeypatch):
    ours, theirs = pair["ours"], pair["theirs"]

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(PartnerLocality, "delete", fail)
    with pytest.raises(RuntimeError):
        merge_partners(ours, theirs)
    assert PartnerLocality.objects.filter(pk=theirs.pk).exists()
    assert Delegation.objects.get(pk=pair["visit"].pk).partner_id == theirs.pk
    assert list(Agreement.objects.get(pk=pair["agreement"].pk).partners.all()) == [theirs]
    assert not PartnerOrigin.objects.exists()
    ours.refresh_from_db()
    assert ours.established_on == datetime.date(2002, 3, 1)


@pytest.mark.parametrize("case", ["itself", "another country"])
def test_merge_refuses_itself_or_another_country_and_changes_nothing(pair, case):
    ours = pair["ours"]
    other = ours if case == "itself" else PartnerLocalityFactory(name="Osaka", country="JP")
    with pytest.raises(ValidationError) as error:
        merge_partners(ours, other)
    assert ("chính nó" if case == "itself" else "quốc gia khác") in error.value.messages[0]
    assert PartnerLocality.objects.filter(pk=other.pk).exists()
    assert not PartnerOrigin.objects.exists()


def test_preview_counts_what_will_move(pair):
    moves = {move.label: move.count for move in merge_preview(pair["ours"], pair["theirs"])}
    assert moves["đoàn vào, đoàn ra"] == 1
    assert moves["văn bản hợp tác"] == 2
    assert moves["sự kiện đối ngoại"] == 0
    assert moves["quan hệ theo đơn vị gốc"] == 1


def test_share_partner_gives_each_origin_its_dates(pair):
    ours = pair["ours"]
    share_partner(ours, Origin.BA_RIA_VUNG_TAU, datetime.date(2015, 1, 1))
    ours.refresh_from_db()
    assert {row.origin for row in ours.origins.all()} == {Origin.HCMC, Origin.BA_RIA_VUNG_TAU}
    assert ours.established_on == datetime.date(2002, 3, 1)


def test_admin_action_previews_then_merges(admin_client, pair):
    ours, theirs = pair["ours"], pair["theirs"]
    selected = {"action": "merge_selected", "_selected_action": [ours.pk, theirs.pk]}
    preview = admin_client.post(LIST, selected)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Kyonggi-do" in page and "Đoàn vào, đoàn ra" in page
    assert PartnerLocality.objects.count() == 2  # nothing merged yet
    done = admin_client.post(LIST, {**selected, "confirm": "1", "kept": theirs.pk})
    assert done.status_code == 302
    assert not PartnerLocality.objects.filter(pk=ours.pk).exists()
    assert "Đã hợp nhất" in " ".join(messages_of(done))


def test_admin_action_refuses_another_country(admin_client, pair):
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    response = admin_client.post(
        LIST, {"action": "merge_selected", "_selected_action": [pair["ours"].pk, osaka.pk]}
    )
    assert response.status_code == 302
    assert "quốc gia khác" in " ".join(messages_of(response))
    assert PartnerLocality.objects.filter(pk=osaka.pk).exists()
