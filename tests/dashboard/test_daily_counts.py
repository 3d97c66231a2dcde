"""The per-day counts (core.daily_counts) follow every way records are written: the figures
read from them equal the counting rules applied to the records themselves."""

import datetime
import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from agreements.models import Agreement
from delegations.models import Delegation, DelegationMember, Event
from foreignaffairs.core import daily_counts
from foreignaffairs.reports import stats
from foreignaffairs.reports.periods import Period
from tests.factories import AgreementFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db

YEARS = (2016, 2017)


def counted_from_records(year: int) -> dict[str, int]:
    """The figures by the counting rules over the records, without the per-day counts."""
    received = Delegation.objects.received_in(year)
    return {
        "incoming_delegations": received.count(),
        "high_level_delegations": received.high_level().count(),
        "outgoing_delegations": Delegation.objects.sent_in(year).count(),
        "hosted_events": Event.objects.hosted_in(year).count(),
        "agreements_signed": Agreement.objects.signed_in(year).count(),
        "new_relationship_agreements": Agreement.objects.signed_in(year)
        .new_relationships()
        .count(),
    }


def assert_counts_follow_the_records():
    yearly = stats.yearly_figures(*YEARS)
    for year in YEARS:
        expected = counted_from_records(year)
        assert {key: yearly[year][key] for key in expected} == expected, year


def incoming_in(year: int) -> int:
    return stats.yearly_figures(year, year)[year]["incoming_delegations"]


def persons_in_2017() -> int:
    return stats.period_figures(Period.year(2017))["incoming_persons"]


def test_the_statistics_read_every_figure_the_models_count_per_day():
    counted = {
        figure for model in daily_counts.counted_models() for figure in model.counted_figures
    }
    assert counted == {metric.value for metric in stats.DAILY_METRICS}


def test_saving_counts_on_the_new_day_and_no_longer_on_the_old():
    visit = DelegationFactory(start_date=datetime.date(2016, 12, 30))
    assert incoming_in(2016) == 1
    visit.start_date = datetime.date(2017, 1, 2)
    visit.save()
    assert (incoming_in(2016), incoming_in(2017)) == (0, 1)
    assert_counts_follow_the_records()


def test_a_record_loaded_without_its_date_is_recounted_on_its_stored_day():
    visit = DelegationFactory(start_date=datetime.date(2017, 5, 5))
    assert incoming_in(2017) == 1
    loaded = Delegation.objects.only("id", "status").get(pk=visit.pk)
    loaded.status = "cancelled"
    loaded.save(update_fields=["status"])
    assert incoming_in(2017) == 0


def test_deleting_a_record_or_a_list_of_them_uncounts_them():
    visits = [DelegationFactory(start_date=datetime.date(2017, 3, day)) for day in (1, 2, 3)]
    assert incoming_in(2017) == 3
    visits[0].delete()
    assert incoming_in(2017) == 2
    Delegation.objects.filter(pk__in=[v.pk for v in visits[1:]]).delete()
    assert incoming_in(2017) == 0


def test_bulk_writes_and_updates_are_counted():
    Delegation.objects.bulk_create(
        Delegation(title=f"Đoàn {n}", status="completed", start_date=datetime.date(2016, 1, 1 + n))
        for n in range(5)
    )
    assert incoming_in(2016) == 5
    Delegation.objects.filter(start_date__day__lte=2).update(start_date=datetime.date(2017, 7, 1))
    assert (incoming_in(2016), incoming_in(2017)) == (3, 2)
    Delegation.objects.filter(start_date__year=2016).update(status="planned")
    assert incoming_in(2016) == 0
    moved = list(Delegation.objects.filter(start_date__year=2017))
    for visit in moved:
        visit.start_date = datetime.date(2016, 8, 8)
    Delegation.objects.bulk_update(moved, ["start_date"])
    assert (incoming_in(2016), incoming_in(2017)) == (2, 0)
    assert_counts_follow_the_records()


def test_events_and_agreements_follow_their_rules():
    event = EventFactory(start_date=datetime.date(2017, 6, 1))
    agreement = AgreementFactory(
        signed_on=datetime.date(2017, 9, 15), establishes_relationship=True
    )
    assert_counts_follow_the_records()
    event.status = "cancelled"
    event.save()
    agreement.signed_on = datetime.date(2016, 9, 15)
    agreement.save()
    assert_counts_follow_the_records()
    agreement.status = "negotiating"
    agreement.signed_on = None
    agreement.save()
    assert_counts_follow_the_records()
    assert stats.yearly_figures(2016, 2017)[2016]["agreements_signed"] == 0


def test_listing_members_changes_the_person_trips_of_a_visit_without_a_head_count():
    visit = DelegationFactory(start_date=datetime.date(2017, 4, 1), member_count=None)
    assert persons_in_2017() == 0
    members = [DelegationMember.objects.create(delegation=visit, name=f"Ông {n}") for n in "ABC"]
    assert persons_in_2017() == 3
    members[0].delete()
    assert persons_in_2017() == 2
    visit.member_count = 12
    visit.save()
    assert persons_in_2017() == 12


def test_records_loaded_from_a_fixture_are_counted(tmp_path):
    assert incoming_in(2017) == 0
    fixture = tmp_path / "visits.json"
    visit = {
        "title": "Đoàn nạp từ tệp",
        "title_key": "doan nap tu tep",
        "direction": "incoming",
        "status": "completed",
        "level": "head_of_state",
        "country": "JP",
        "start_date": "2017-10-10",
        "created_at": "2017-10-11T00:00:00Z",
        "updated_at": "2017-10-11T00:00:00Z",
    }
    fixture.write_text(json.dumps([{"model": "delegations.delegation", "fields": visit}]))
    call_command("loaddata", str(fixture), verbosity=0)
    assert incoming_in(2017) == 1
    assert stats.yearly_figures(2017, 2017)[2017]["high_level_delegations"] == 1


def test_the_recount_after_writes_costs_the_same_queries_for_one_record_or_hundreds(
    django_assert_max_num_queries,
):
    daily_counts.bring_up_to_date()
    DelegationFactory(start_date=datetime.date(2017, 1, 1))
    with django_assert_max_num_queries(12) as one:
        daily_counts.bring_up_to_date()
    Delegation.objects.bulk_create(
        Delegation(
            title=f"Đoàn {n}",
            status="completed",
            start_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n),
        )
        for n in range(400)
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        daily_counts.bring_up_to_date()
    assert stats.yearly_figures(2015, 2016)[2015]["incoming_delegations"] == 365


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writes need PostgreSQL")
def test_a_visit_committed_while_the_counts_are_read_is_counted_at_the_next_read(
    transactional_db,
):
    """Another member of staff saves a visit while the dashboard recounts: the recount that
    could not see it leaves its note, and the next read counts it."""
    day = datetime.date(2017, 2, 2)
    DelegationFactory(start_date=day)
    written, release = threading.Event(), threading.Event()

    def write_and_wait():
        try:
            with transaction.atomic():
                DelegationFactory(start_date=day)
                written.set()
                release.wait(10)
        finally:
            connections.close_all()

    writer = threading.Thread(target=write_and_wait)
    writer.start()
    assert written.wait(10)
    assert incoming_in(2017) == 1  # the other visit is not committed yet
    release.set()
    writer.join(10)
    assert incoming_in(2017) == 2
