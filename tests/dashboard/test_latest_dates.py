"""An agreement's last activity and a partner's last exchange are stored and kept with the
per-day counts (core.daily_counts.LatestDate): after every way records are written, what is
stored equals what the records say, computed afresh."""

import datetime
import io
import json
import random

import pytest
from django.core.management import call_command

from agreements.models import LAST_ACTIVITY, Agreement, ImplementationActivity
from agreements.services import save_agreement
from delegations.models import Delegation
from foreignaffairs.core import daily_counts
from foreignaffairs.reports.exchanges import LAST_EXCHANGE, with_last_exchange
from partners.models import PartnerLocality
from partners.services import merge_partners
from tests.admin_pages import inline_management
from tests.agreements.test_admin import agreement_form
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2017, 9, 15)
EARLY = datetime.date(2018, 1, 10)
LATE = datetime.date(2019, 5, 20)


def assert_stored_dates_follow_the_records():
    """Every stored date equals the one computed from the records now."""
    daily_counts.bring_up_to_date()
    for latest in (LAST_ACTIVITY, LAST_EXCHANGE):
        rows = latest.model.objects.annotate(computed=latest.computed()).values_list(
            "pk", "computed", latest.field
        )
        assert [(pk, computed) for pk, computed, _ in rows] == [
            (pk, stored) for pk, _, stored in rows
        ], latest.field


def last_activity(agreement) -> datetime.date | None:
    assert_stored_dates_follow_the_records()
    return Agreement.objects.with_last_activity().get(pk=agreement.pk).last_activity_on


def last_exchange(partner) -> datetime.date | None:
    assert_stored_dates_follow_the_records()
    return with_last_exchange(PartnerLocality.objects.filter(pk=partner.pk)).get().last_exchange_on


@pytest.fixture
def partner():
    return PartnerLocalityFactory(established_on=None)


@pytest.fixture
def agreement(partner):
    return AgreementFactory(signed_on=SIGNED, partners=[partner])


def test_an_activity_added_moved_and_deleted(agreement, partner):
    assert last_activity(agreement) is None
    assert last_exchange(partner) == SIGNED

    activity = ImplementationActivityFactory(agreement=agreement, date=LATE)
    ImplementationActivityFactory(agreement=agreement, date=EARLY)
    assert last_activity(agreement) == LATE
    assert last_exchange(partner) == LATE

    activity.date = datetime.date(2017, 12, 1)  # the latest moves back to the other one
    activity.save()
    assert last_activity(agreement) == EARLY

    ImplementationActivity.objects.filter(date=EARLY).delete()
    assert last_activity(agreement) == datetime.date(2017, 12, 1)

    activity.delete()
    assert last_activity(agreement) is None
    assert last_exchange(partner) == SIGNED


def test_saving_a_record_loaded_before_the_recount_keeps_what_it_stored(agreement, partner):
    """An agreement or partner open in a form while the recount stores its last date: saving
    it does not write back the date it was loaded with."""
    open_agreement = Agreement.objects.get(pk=agreement.pk)
    open_partner = PartnerLocality.objects.get(pk=partner.pk)
    ImplementationActivityFactory(agreement=agreement, date=LATE)
    assert last_activity(agreement) == LATE

    open_agreement.title = "Biên bản ghi nhớ (sửa tên)"
    open_agreement.save()
    assert last_activity(agreement) == LATE

    open_partner.notes = "Đã liên hệ lại"
    open_partner.save()
    assert last_exchange(partner) == LATE


def test_an_activity_moved_to_another_agreement(agreement):
    other = AgreementFactory()
    activity = ImplementationActivityFactory(agreement=agreement, date=LATE)
    assert last_activity(agreement) == LATE

    activity.agreement = other
    activity.save()

    assert last_activity(agreement) is None
    assert last_activity(other) == LATE


def test_only_completed_visits_and_held_events_count(agreement, partner):
    visit = DelegationFactory(start_date=LATE, status="completed", partner=partner)
    visit.agreements.add(agreement)
    visit.save()  # the link is written with the visit, as the admin, API and import do
    assert last_activity(agreement) == LATE
    assert last_exchange(partner) == LATE

    visit.status = "cancelled"
    visit.save()
    assert last_activity(agreement) is None
    assert last_exchange(partner) == SIGNED

    event = EventFactory(start_date=EARLY, status="held")
    event.agreements.add(agreement)
    event.partners.add(partner)
    event.save()
    assert last_activity(agreement) == EARLY
    assert last_exchange(partner) == EARLY

    event.delete()
    assert last_activity(agreement) is None


def test_a_link_written_through_the_api_and_removed_again(admin_client, partner):
    event = EventFactory(start_date=LATE)
    url = f"/api/v1/events/{event.pk}/"

    response = admin_client.patch(url, {"partners": [partner.pk]}, "application/json")
    assert response.status_code == 200, response.content
    assert last_exchange(partner) == LATE

    response = admin_client.patch(url, {"partners": []}, "application/json")
    assert response.status_code == 200, response.content
    assert last_exchange(partner) is None


def test_an_activity_deleted_on_the_agreement_page(admin_client, agreement, partner):
    activity = ImplementationActivityFactory(agreement=agreement, date=LATE)
    assert last_activity(agreement) == LATE
    data = agreement_form(
        kind="mou",
        signed_on="15/09/2017",
        partners=[partner.pk],
        **inline_management("activities", total=1, initial=1),
    )
    data.update(
        {
            "activities-0-id": activity.pk,
            "activities-0-agreement": agreement.pk,
            "activities-0-date": "20/05/2019",
            "activities-0-description": activity.description,
            "activities-0-kind": activity.kind,
            "activities-0-DELETE": "on",
        }
    )

    response = admin_client.post(f"/admin/agreements/agreement/{agreement.pk}/change/", data)

    assert response.status_code == 302, response.context["errors"]
    assert last_activity(agreement) is None
    assert last_exchange(partner) == SIGNED


def test_a_partner_taken_off_an_agreement_loses_its_activities(agreement, partner):
    """The activities under an agreement are exchanges with its partners (through it): a
    partner taken off it no longer has them, another put on it has them."""
    ImplementationActivityFactory(agreement=agreement, date=LATE)
    other = PartnerLocalityFactory(established_on=None)
    assert last_exchange(partner) == LATE

    save_agreement(agreement, partners=[other])

    assert last_exchange(partner) is None
    assert last_exchange(other) == LATE


def test_a_partner_put_on_an_agreement_in_the_admin_gets_its_activities(
    admin_client, agreement, partner
):
    ImplementationActivityFactory(agreement=agreement, date=LATE)
    other = PartnerLocalityFactory(established_on=None)
    assert last_exchange(other) is None
    data = agreement_form(kind="mou", signed_on="15/09/2017", partners=[partner.pk, other.pk])

    response = admin_client.post(f"/admin/agreements/agreement/{agreement.pk}/change/", data)

    assert response.status_code == 302, response.context["errors"]
    assert last_exchange(other) == LATE
    assert last_exchange(partner) == LATE


def test_an_agreement_deleted_with_its_activities(agreement, partner):
    """Its activities go with it, without their own delete(): the partner's last exchange
    falls back to what is left."""
    DelegationFactory(start_date=EARLY, partner=partner)
    ImplementationActivityFactory(agreement=agreement, date=LATE)
    assert last_exchange(partner) == LATE

    agreement.delete()

    assert last_exchange(partner) == EARLY


def test_a_signing_date_moved(agreement, partner):
    agreement.signed_on = datetime.date(2016, 3, 1)
    agreement.save()
    assert last_exchange(partner) == datetime.date(2016, 3, 1)

    Agreement.objects.filter(pk=agreement.pk).update(signed_on=datetime.date(2020, 2, 2))
    assert last_exchange(partner) == datetime.date(2020, 2, 2)


def test_bulk_writes(agreement, partner):
    ImplementationActivity.objects.bulk_create(
        ImplementationActivity(agreement=agreement, date=EARLY, description=f"Việc {n}")
        for n in range(3)
    )
    assert last_activity(agreement) == EARLY

    visits = Delegation.objects.bulk_create(
        Delegation(title=f"Đoàn {n}", status="completed", start_date=EARLY, partner=partner)
        for n in range(3)
    )
    assert last_exchange(partner) == EARLY
    for visit in visits:
        visit.start_date = LATE
    Delegation.objects.bulk_update(visits, ["start_date"])
    assert last_exchange(partner) == LATE

    Delegation.objects.filter(partner=partner).update(status="cancelled")
    assert last_exchange(partner) == EARLY


def test_merging_partners_moves_their_exchanges(partner):
    merged = PartnerLocalityFactory(established_on=None, country=partner.country)
    AgreementFactory(signed_on=LATE, partners=[merged])
    EventFactory(start_date=datetime.date(2020, 1, 1)).partners.add(merged)
    assert last_exchange(partner) is None

    merge_partners(partner, merged)

    assert last_exchange(partner) == datetime.date(2020, 1, 1)


def test_records_loaded_from_a_fixture(tmp_path, agreement):
    fixture = tmp_path / "activity.json"
    activity = {
        "agreement": agreement.pk,
        "date": "2019-05-20",
        "description": "Hội thảo nạp từ tệp",
        "created_at": "2019-05-21T00:00:00Z",
        "updated_at": "2019-05-21T00:00:00Z",
    }
    fixture.write_text(
        json.dumps([{"model": "agreements.implementationactivity", "fields": activity}])
    )

    call_command("loaddata", str(fixture), verbosity=0)

    assert last_activity(agreement) == LATE


def test_keeping_them_costs_the_same_queries_for_one_record_or_hundreds(
    django_assert_max_num_queries,
):
    daily_counts.bring_up_to_date()
    ImplementationActivityFactory(agreement=AgreementFactory(), date=EARLY)
    with django_assert_max_num_queries(20) as one:
        daily_counts.bring_up_to_date()
    ImplementationActivity.objects.bulk_create(
        ImplementationActivity(
            agreement=AgreementFactory(),
            date=EARLY + datetime.timedelta(days=n),
            description=f"Việc {n}",
        )
        for n in range(300)
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        daily_counts.bring_up_to_date()
    assert_stored_dates_follow_the_records()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_sequence_of_writes(seed):
    """Random writes of every kind on a few records and days, with a check after each: the
    stored dates never drift from the records."""
    rng = random.Random(seed)
    days = [datetime.date(2018, 1, 1) + datetime.timedelta(days=n) for n in range(4)]
    partners = [PartnerLocalityFactory(established_on=None) for _ in range(3)]
    agreements = [AgreementFactory(signed_on=rng.choice(days)) for _ in range(3)]
    visits = [DelegationFactory(start_date=rng.choice(days)) for _ in range(3)]
    events = [EventFactory(start_date=rng.choice(days)) for _ in range(2)]

    def some(records):
        return rng.sample(records, rng.randint(0, len(records)))

    def add_activity():
        ImplementationActivityFactory(agreement=rng.choice(agreements), date=rng.choice(days))

    def change_activity():
        activity = ImplementationActivity.objects.order_by("?").first()
        if activity is not None:
            activity.date, activity.agreement = rng.choice(days), rng.choice(agreements)
            activity.save()

    def delete_activity():
        ImplementationActivity.objects.filter(date=rng.choice(days)).delete()

    def change_visit():
        visit = rng.choice(visits)
        visit.start_date = rng.choice(days)
        visit.status = rng.choice(["completed", "cancelled", "planned"])
        visit.partner = rng.choice([None, *partners])
        visit.save()
        visit.agreements.set(some(agreements))

    def change_event():
        event = rng.choice(events)
        event.start_date, event.status = rng.choice(days), rng.choice(["held", "cancelled"])
        event.save()
        event.partners.set(some(partners))
        event.agreements.set(some(agreements))

    def change_agreement():
        agreement = rng.choice(agreements)
        agreement.status = rng.choice(["in_force", "negotiating", "terminated"])
        agreement.signed_on = None if agreement.status == "negotiating" else rng.choice(days)
        save_agreement(agreement, partners=some(partners))

    writes = [
        add_activity,
        change_activity,
        delete_activity,
        change_visit,
        change_event,
        change_agreement,
    ]
    stored = set()
    for _ in range(40):
        rng.choice(writes)()
        assert_stored_dates_follow_the_records()
        stored |= set(Agreement.objects.values_list("stored_last_activity_on", flat=True))
        stored |= set(PartnerLocality.objects.values_list("stored_last_exchange_on", flat=True))
    assert len(stored) > 3  # the dates did move


def test_the_recount_command_brings_everything_up_to_date_at_once(agreement, partner):
    ImplementationActivityFactory(agreement=agreement, date=LATE)
    out = io.StringIO()

    call_command("recount", stdout=out)

    assert not daily_counts.ChangedDay.objects.exists()
    agreement.refresh_from_db()
    assert agreement.stored_last_activity_on == LATE
    assert "Đã cập nhật số liệu theo ngày, hoạt động và trao đổi gần nhất" in out.getvalue()
