"""Restoring a deleted record brings back its links (issue 15, item 7): a delegation's
agreements (both the agreements it implements and those signed during it), a partner's
agreements, an event's links."""

import datetime

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.reports.exchanges import with_last_exchange
from partners.models import PartnerLocality
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)


def admin_url(model, *parts):
    opts = model._meta
    return "/".join([f"/admin/{opts.app_label}/{opts.model_name}", *map(str, parts), ""])


def delete_and_restore(client, record, dates: dict):
    """Delete `record` in the admin, then restore its last version from its history page,
    posting the form as shown (as a manager does)."""
    model, pk = type(record), record.pk
    assert client.post(admin_url(model, pk, "delete"), {"post": "yes"}).status_code == 302
    assert not model.objects.filter(pk=pk).exists()
    version = model.history.filter(id=pk).exclude(history_type="-").order_by("-history_id")[0]
    url = admin_url(model, pk, "history", version.history_id)
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() not in (None, []) and not isinstance(form[name].value(), list)
    }
    data.update(dates)
    for inline in page.context.get("inline_admin_formsets", []) or []:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = 0
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return model.objects.get(pk=pk)


def test_a_restored_delegation_gets_its_agreements_back(client, manager_user):
    implemented = AgreementFactory(title="MOU Yangon")
    visit = DelegationFactory(title="Đoàn Yangon", start_date=datetime.date(2017, 3, 10))
    visit.agreements.add(implemented)
    signed = AgreementFactory(
        title="Thỏa thuận ký trong chuyến thăm", signed_during_delegation=visit
    )
    client.force_login(manager_user)
    restored = delete_and_restore(client, visit, {"start_date": "10/03/2017"})
    assert list(restored.agreements.all()) == [implemented]
    assert Agreement.objects.get(pk=signed.pk).signed_during_delegation_id == restored.pk
    # The visit counts again as the agreement's last activity.
    follow_up = Agreement.objects.with_last_activity().get(pk=implemented.pk)
    assert follow_up.last_activity_on == datetime.date(2017, 3, 10)


def test_a_restored_partner_gets_its_agreements_back(client, manager_user):
    partner = PartnerLocalityFactory(name="Yangon", country="MM", established_on=None)
    agreement = AgreementFactory(partners=[partner])
    client.force_login(manager_user)
    restored = delete_and_restore(client, partner, {})
    assert list(restored.agreements.all()) == [agreement]
    # The agreement's signing counts again as the partner's last exchange.
    follow_up = with_last_exchange(PartnerLocality.objects.filter(pk=partner.pk)).get()
    assert follow_up.last_exchange_on == agreement.signed_on


def test_a_restored_event_gets_its_links_back(client, manager_user):
    event = EventFactory(title="Diễn đàn hợp tác", start_date=datetime.date(2017, 6, 1))
    agreement = AgreementFactory(signed_during_event=event)
    client.force_login(manager_user)
    restored = delete_and_restore(client, event, {"start_date": "01/06/2017"})
    assert Agreement.objects.get(pk=agreement.pk).signed_during_event_id == restored.pk
    assert Event.objects.count() == 1 and Delegation.objects.count() == 0
    assert PartnerLocality.objects.count() == 0
