"""Reverting a record to an older version brings back its links as they were in that version
(a visit's agreements, an event's partners, …), or says before anything is saved that the
version does not hold them (issue 15, item 7's sibling; core.links, core.admin_history)."""

import datetime

from agreements.models import Agreement
from delegations.models import Delegation, Event
from partners.services import merge_partners
from plans.models import PlanItem
from tests.admin_pages import messages_of
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
    PlanItemFactory,
)

NOT_KEPT = "Phiên bản này không lưu liên kết"


def admin_url(model, *parts):
    opts = model._meta
    return "/".join([f"/admin/{opts.app_label}/{opts.model_name}", *map(str, parts), ""])


def form_as_shown(page) -> dict:
    """The data a browser posts for the admin form of `page`, as it is shown."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False, ""):
            continue
        if isinstance(value, datetime.date):
            value = value.strftime("%d/%m/%Y")
        elif isinstance(value, list):
            value = [str(item) for item in value]
        elif value is True:
            value = "on"
        data[name] = value
    for inline in page.context.get("inline_admin_formsets", []) or []:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = 0
    return data


def save_in_admin(client, record, **changes):
    """Change `record` on its admin page, as staff do (a version is written)."""
    url = admin_url(type(record), record.pk, "change")
    data = {**form_as_shown(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return type(record).history.filter(id=record.pk).latest("history_id")


def revert(client, version, **changes):
    """Open the version's page in the history and save it as shown (a manager's revert)."""
    model = version.instance_type
    url = admin_url(model, version.id, "history", version.history_id)
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {**form_as_shown(page), **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return page


def test_reverting_a_visit_brings_back_the_agreements_of_that_version(client, manager_user):
    first, second = AgreementFactory(title="MOU A"), AgreementFactory(title="MOU B")
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    client.force_login(manager_user)
    with_first = save_in_admin(client, visit, agreements=[first.pk])
    save_in_admin(client, visit, agreements=[second.pk], purpose="Đổi văn bản")

    page = revert(client, with_first)

    assert page.context["adminform"].form["agreements"].value() == [first.pk]
    assert list(visit.agreements.all()) == [first]
    assert Delegation.history.filter(id=visit.pk).latest("history_id").links == {
        "agreements": [first.pk],
        "pillars": [],
    }


def test_reverting_an_event_brings_back_its_partners_and_visits(client, manager_user):
    yangon = PartnerLocalityFactory(name="Yangon", country="MM")
    manila = PartnerLocalityFactory(name="Manila", country="PH")
    visit = DelegationFactory(title="Đoàn Yangon")
    event = EventFactory(title="Diễn đàn hợp tác", start_date=datetime.date(2017, 6, 1))
    client.force_login(manager_user)
    before = save_in_admin(client, event, partners=[yangon.pk], delegations=[visit.pk])
    save_in_admin(client, event, partners=[manila.pk], delegations=[])

    revert(client, before)

    assert list(event.partners.all()) == [yangon]
    assert list(event.delegations.all()) == [visit]


def test_a_version_that_holds_no_links_says_so_and_the_links_stay(client, manager_user):
    kept = AgreementFactory(title="MOU A")
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    old = visit.history.get()  # written without its links (as before links were kept)
    client.force_login(manager_user)
    save_in_admin(client, visit, agreements=[kept.pk])

    page = revert(client, old)

    (warning,) = [m for m in messages_of(page) if NOT_KEPT in m]
    assert "văn bản hợp tác liên quan" in warning and "giữ nguyên" in warning
    assert list(visit.agreements.all()) == [kept]


def test_a_version_linking_a_record_deleted_since_says_it_cannot_come_back(client, manager_user):
    gone = AgreementFactory(title="MOU đã xóa")
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    client.force_login(manager_user)
    version = save_in_admin(client, visit, agreements=[gone.pk])
    gone.delete()

    page = client.get(admin_url(Delegation, visit.pk, "history", version.history_id))

    assert any("đã bị xóa, không thể liên kết lại" in m for m in messages_of(page))


def test_a_version_written_through_the_api_holds_its_links(client, manager_user):
    yangon = PartnerLocalityFactory(name="Yangon", country="MM")
    event = EventFactory(title="Diễn đàn hợp tác", start_date=datetime.date(2017, 6, 1))
    client.force_login(manager_user)

    response = client.patch(
        f"/api/v1/events/{event.pk}/",
        {"partners": [yangon.pk]},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    latest = Event.history.filter(id=event.pk).latest("history_id")
    assert latest.links["partners"] == [yangon.pk]


def test_restoring_a_deleted_visit_to_a_version_gives_that_version_s_agreements(
    client, manager_user
):
    first, second = AgreementFactory(title="MOU A"), AgreementFactory(title="MOU B")
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    signed = AgreementFactory(title="Ký trong chuyến thăm", signed_during_delegation=visit)
    client.force_login(manager_user)
    with_first = save_in_admin(client, visit, agreements=[first.pk])
    save_in_admin(client, visit, agreements=[second.pk])
    assert client.post(admin_url(Delegation, visit.pk, "delete"), {"post": "yes"}).status_code
    assert not Delegation.objects.filter(pk=visit.pk).exists()

    revert(client, with_first)

    restored = Delegation.objects.get(pk=visit.pk)
    assert list(restored.agreements.all()) == [first]
    # Other records' links to it come back as when it was deleted.
    assert Agreement.objects.get(pk=signed.pk).signed_during_delegation_id == restored.pk


def test_after_a_merge_a_revert_links_the_partner_kept(client, manager_user):
    ours = PartnerLocalityFactory(name="Yangon", country="MM")
    theirs = PartnerLocalityFactory(name="Thành phố Yangon", country="MM")
    agreement = AgreementFactory(title="MOU Yangon")
    client.force_login(manager_user)
    with_theirs = save_in_admin(client, agreement, partners=[theirs.pk])
    save_in_admin(client, agreement, partners=[], notes="Bỏ đối tác")
    merge_partners(ours, theirs)

    revert(client, Agreement.history.get(history_id=with_theirs.history_id))

    assert list(agreement.partners.all()) == [ours]


def test_a_programme_item_is_deleted_and_restored_with_its_visits(client, manager_user):
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    item = PlanItemFactory(title="Đón đoàn Yangon", plan__year=2017)
    client.force_login(manager_user)
    version = save_in_admin(client, item, delegations=[visit.pk])

    deleted = client.post(admin_url(PlanItem, item.pk, "delete"), {"post": "yes"})
    assert deleted.status_code == 302
    revert(client, version)

    assert list(PlanItem.objects.get(pk=item.pk).delegations.all()) == [visit]


def test_records_whose_history_keeps_no_links_are_deleted_too(admin_client):
    """A programme, or a former province's relationship, has no links to keep: deleting it
    in the admin is not an error page."""
    item = PlanItemFactory(title="Đón đoàn Yangon", plan__year=2017)
    partner = PartnerLocalityFactory(name="Yangon", country="MM")
    relationship = partner.origins.create(origin="binh_duong")

    for record in (relationship, item.plan):
        response = admin_client.post(admin_url(type(record), record.pk, "delete"), {"post": "yes"})
        assert response.status_code == 302
        assert not type(record).objects.filter(pk=record.pk).exists()
