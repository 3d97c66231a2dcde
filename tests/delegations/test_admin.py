import datetime

import pytest
from django.utils import timezone

from delegations.models import Delegation, DelegationMember, Event, Pillar
from tests.admin_pages import changelist_rows, inline_management, messages_of
from tests.delegations.conftest import DELEGATIONS, EVENTS
from tests.factories import DelegationFactory, EventFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


# Adding a delegation ------------------------------------------------------------------------


def test_staff_add_an_incoming_delegation_with_ddmmyyyy_dates_and_members(
    admin_client, delegation_form, superuser
):
    data = delegation_form(
        start_date="03/04/2026",
        end_date="05/04/2026",
        **inline_management("members", total=1),
        **{"members-0-name": "Yamada Taro", "members-0-title": "Phó Thị trưởng"},
        **{"members-0-order": "1", "members-0-organization": ""},
    )

    response = admin_client.post(f"{DELEGATIONS}add/", data)

    assert response.status_code == 302
    delegation = Delegation.objects.get()
    assert delegation.start_date == datetime.date(2026, 4, 3)
    assert delegation.end_date == datetime.date(2026, 4, 5)
    assert delegation.created_by == superuser
    assert list(DelegationMember.objects.values_list("name", flat=True)) == ["Yamada Taro"]
    assert delegation.history.get().history_user == superuser


def test_pillars_are_offered_as_checkboxes(admin_client):
    content = admin_client.get(f"{DELEGATIONS}add/").content.decode()

    for pillar in Pillar.objects.all():
        assert f'type="checkbox" name="pillars" value="{pillar.code}"' in content
        assert pillar.name in content


def test_a_new_delegation_overlapping_another_from_the_same_country_gets_a_warning(
    admin_client, delegation_form
):
    other = DelegationFactory(
        country="JP", start_date=datetime.date(2026, 4, 4), end_date=datetime.date(2026, 4, 8)
    )

    response = admin_client.post(f"{DELEGATIONS}add/", delegation_form(), follow=True)

    assert Delegation.objects.count() == 2  # a warning, not a refusal
    warning = next(m for m in messages_of(response) if "Có thể trùng" in m)
    assert f"/admin/delegations/delegation/{other.pk}/change/" in warning


@pytest.mark.parametrize(
    "other",
    [
        {"country": "KR", "start_date": datetime.date(2026, 4, 4)},  # another country
        {"country": "JP", "start_date": datetime.date(2026, 4, 6)},  # after it ended
        {"country": "JP", "start_date": datetime.date(2026, 4, 4), "direction": "outgoing"},
    ],
)
def test_no_duplicate_warning_for_other_countries_dates_or_directions(
    admin_client, delegation_form, other
):
    DelegationFactory(**other)

    response = admin_client.post(f"{DELEGATIONS}add/", delegation_form(), follow=True)

    assert not [m for m in messages_of(response) if "Có thể trùng" in m]


def test_partner_autocomplete_ignores_accents(admin_client):
    shanghai = PartnerLocalityFactory(name="Thượng Hải", country="CN")
    PartnerLocalityFactory(name="Bắc Kinh", country="CN")

    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "delegations",
            "model_name": "delegation",
            "field_name": "partner",
            "term": "thuong hai",
        },
    )

    assert [item["id"] for item in response.json()["results"]] == [str(shanghai.pk)]


# Bulk action: mark as completed -------------------------------------------------------------


def test_mark_completed_records_history_for_each_and_skips_future_visits(admin_client, superuser):
    past = DelegationFactory.create_batch(
        2, status="confirmed", start_date=TODAY - datetime.timedelta(days=3)
    )
    future = DelegationFactory(status="planned", start_date=TODAY + datetime.timedelta(days=3))

    response = admin_client.post(
        DELEGATIONS,
        {"action": "mark_completed", "_selected_action": [d.pk for d in [*past, future]]},
        follow=True,
    )

    for delegation in past:
        delegation.refresh_from_db()
        assert delegation.status == "completed"
        latest = delegation.history.latest()
        assert (latest.status, latest.history_user) == ("completed", superuser)
        assert delegation.history.count() == 2
    future.refresh_from_db()
    assert future.status == "planned"
    assert future.history.count() == 1
    messages = " ".join(messages_of(response))
    assert "Đã đánh dấu 2 đoàn" in messages
    assert "Bỏ qua 1 đoàn có ngày bắt đầu ở tương lai" in messages


def test_mark_completed_leaves_cancelled_visits_alone(admin_client):
    cancelled = DelegationFactory(status="cancelled", start_date=TODAY - datetime.timedelta(days=3))

    admin_client.post(DELEGATIONS, {"action": "mark_completed", "_selected_action": [cancelled.pk]})

    cancelled.refresh_from_db()
    assert cancelled.status == "cancelled"


# Filters the dashboard links to -------------------------------------------------------------


def test_received_in_lists_the_visits_counted_by_rule_1(admin_client):
    counted = DelegationFactory(
        start_date=datetime.date(2025, 12, 30), end_date=datetime.date(2026, 1, 2)
    )
    DelegationFactory(start_date=datetime.date(2025, 5, 1), status="planned")
    DelegationFactory(start_date=datetime.date(2025, 5, 1), direction="outgoing")

    assert changelist_rows(admin_client, f"{DELEGATIONS}?received_in=2025") == [counted]
    assert changelist_rows(admin_client, f"{DELEGATIONS}?received_in=2026") == []


def test_sent_in_lists_the_delegations_counted_by_rule_3(admin_client):
    sent = DelegationFactory(direction="outgoing", start_date=datetime.date(2025, 5, 1))
    DelegationFactory(
        direction="outgoing", start_date=datetime.date(2025, 5, 1), status="cancelled"
    )
    DelegationFactory(start_date=datetime.date(2025, 5, 1))

    assert changelist_rows(admin_client, f"{DELEGATIONS}?sent_in=2025") == [sent]


def test_high_level_with_received_in_lists_the_visits_counted_by_rule_2(admin_client):
    royal = DelegationFactory(level="royalty", start_date=datetime.date(2025, 5, 1))
    DelegationFactory(level="minister", start_date=datetime.date(2025, 5, 1))

    rows = changelist_rows(admin_client, f"{DELEGATIONS}?received_in=2025&high_level=yes")

    assert rows == [royal]


def test_needs_update_lists_past_visits_still_planned(admin_client):
    stale = DelegationFactory(status="planned", start_date=TODAY - datetime.timedelta(days=1))
    DelegationFactory(status="planned", start_date=TODAY + datetime.timedelta(days=1))

    assert changelist_rows(admin_client, f"{DELEGATIONS}?needs_update=yes") == [stale]


def test_upcoming_lists_visits_in_the_next_60_days(admin_client):
    soon = DelegationFactory(status="confirmed", start_date=TODAY + datetime.timedelta(days=60))
    DelegationFactory(status="confirmed", start_date=TODAY + datetime.timedelta(days=61))
    DelegationFactory(status="cancelled", start_date=TODAY + datetime.timedelta(days=5))

    assert changelist_rows(admin_client, f"{DELEGATIONS}?upcoming=yes") == [soon]


def test_continent_and_year_filters(admin_client):
    russian = DelegationFactory(country="RU", start_date=datetime.date(2025, 5, 1))
    DelegationFactory(country="TR", start_date=datetime.date(2025, 5, 1))
    DelegationFactory(country="RU", start_date=datetime.date(2024, 5, 1))

    assert changelist_rows(admin_client, f"{DELEGATIONS}?continent=europe&year=2025") == [russian]


def test_search_ignores_accents_over_title_head_and_organisation(admin_client):
    by_head = DelegationFactory(head_name="Nguyễn Văn Đức")
    by_organisation = DelegationFactory(organization="Tổ chức Y tế Thế giới")
    DelegationFactory(title="Đoàn khác")

    assert changelist_rows(admin_client, f"{DELEGATIONS}?q=nguyen+van+duc") == [by_head]
    assert changelist_rows(admin_client, f"{DELEGATIONS}?q=to+chuc+y+te") == [by_organisation]


def test_hosted_in_lists_the_events_counted_by_rule_6(admin_client):
    hosted = EventFactory(role="host", start_date=datetime.date(2025, 3, 1))
    co_hosted = EventFactory(role="co_host", start_date=datetime.date(2025, 4, 1))
    EventFactory(status="cancelled", start_date=datetime.date(2025, 5, 1))

    assert changelist_rows(admin_client, f"{EVENTS}?hosted_in=2025") == [co_hosted, hosted]


def test_event_needs_update_lists_past_events_still_planned(admin_client):
    stale = EventFactory(status="planned", start_date=TODAY - datetime.timedelta(days=2))
    EventFactory(status="held", start_date=TODAY - datetime.timedelta(days=2))

    assert changelist_rows(admin_client, f"{EVENTS}?needs_update=yes") == [stale]


# Fixed number of queries --------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 500])
def test_the_delegation_list_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    partner = PartnerLocalityFactory(country="JP")
    Delegation.objects.bulk_create(
        Delegation(
            title=f"Đoàn {n}",
            country="JP",
            partner=partner,
            status="completed",
            start_date=datetime.date(2015 + n % 10, 1 + n % 12, 1),
        )
        for n in range(count)
    )

    # +1: the to-do count in the admin header (deadlines), until it is cached.
    with django_assert_max_num_queries(11):
        response = admin_client.get(DELEGATIONS)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 500])
def test_the_event_list_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    Event.objects.bulk_create(
        Event(title=f"Sự kiện {n}", status="held", start_date=datetime.date(2015 + n % 10, 6, 1))
        for n in range(count)
    )

    # +1: the to-do count in the admin header (deadlines), until it is cached.
    with django_assert_max_num_queries(9):
        response = admin_client.get(EVENTS)

    assert response.status_code == 200


def test_country_choices_are_named_in_vietnamese(admin_client):
    content = admin_client.get(f"{DELEGATIONS}add/").content.decode()

    assert '<option value="JP">Nhật Bản</option>' in content
    assert '<option value="IS">Ai-xơ-len</option>' in content


def test_the_change_page_shows_the_members_and_the_partner(admin_client):
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    delegation = DelegationFactory(partner=osaka, country="JP")
    DelegationMember.objects.create(delegation=delegation, name="Yamada Taro", order=1)

    content = admin_client.get(f"{DELEGATIONS}{delegation.pk}/change/").content.decode()

    assert 'value="Yamada Taro"' in content
    assert "Osaka (Nhật Bản)" in content


def test_the_event_change_page_shows_its_partners(admin_client):
    event = EventFactory()
    event.partners.add(PartnerLocalityFactory(name="Busan", country="KR"))

    content = admin_client.get(f"{EVENTS}{event.pk}/change/").content.decode()

    assert "Busan (Hàn Quốc)" in content


def test_the_list_shows_the_dates_of_a_visit_as_one_span(admin_client):
    DelegationFactory(start_date=datetime.date(2025, 12, 30), end_date=datetime.date(2026, 1, 2))

    assert "30/12/2025 – 02/01/2026" in admin_client.get(DELEGATIONS).content.decode()
