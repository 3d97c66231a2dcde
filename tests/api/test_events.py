import datetime

import pytest
from django.utils import timezone

from delegations.models import Event
from tests.api.conftest import result_ids
from tests.factories import EventFactory, PartnerLocalityFactory

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def events(db):
    busan = PartnerLocalityFactory(name="Busan", country="KR")
    forum = EventFactory(
        title="Diễn đàn Kinh tế Thành phố Hồ Chí Minh",
        kind="conference",
        venue="Nhà hát Thành phố",
        countries=["KR", "US"],
        start_date=datetime.date(2017, 10, 20),
        end_date=datetime.date(2017, 10, 21),
    )
    forum.partners.set([busan])
    return {
        "forum": forum,
        "korea_week": EventFactory(
            title="Tuần lễ Văn hóa Hàn Quốc",
            kind="cultural",
            role="co_host",
            countries=["KR"],
            start_date=datetime.date(2018, 9, 1),
        ),
        "reception": EventFactory(
            title="Tiệc chiêu đãi Quốc khánh",
            kind="reception",
            countries=["FR"],
            status="cancelled",
            start_date=datetime.date(2018, 9, 2),
        ),
        "next_week": EventFactory(
            title="Hội nghị sắp tới", status="planned", countries=[], start_date=TOMORROW
        ),
    }


def test_an_event_has_the_contract_fields(token_client, events):
    forum = events["forum"]
    response = token_client.get(f"/api/v1/events/{forum.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": forum.pk,
        "title": "Diễn đàn Kinh tế Thành phố Hồ Chí Minh",
        "kind": "conference",
        "start_date": "2017-10-20",
        "end_date": "2017-10-21",
        "venue": "Nhà hát Thành phố",
        "role": "host",
        "status": "held",
        "needs_prime_minister_approval": False,
        "countries": ["KR", "US"],
        "partners": [forum.partners.get().pk],
        "origin": "hcmc",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2017", ["forum"]),
        ("year=2018", ["korea_week", "reception"]),
        ("start_date_after=2018-09-02", ["reception", "next_week"]),
        ("start_date_before=2018-09-01", ["forum", "korea_week"]),
        ("kind=cultural", ["korea_week"]),
        ("role=co_host", ["korea_week"]),
        ("status=cancelled", ["reception"]),
        ("status=planned", ["next_week"]),
        ("country=KR", ["forum", "korea_week"]),
        ("country=us", ["forum"]),
        ("continent=americas", ["forum"]),
        ("continent=europe", ["reception"]),
        ("search=ho chi minh", ["forum"]),
        ("search=nha hat", ["forum"]),
        ("search=VĂN HÓA HÀN", ["korea_week"]),
    ],
)
def test_event_filters(token_client, events, query, expected):
    found = result_ids(token_client.get(f"/api/v1/events/?{query}"))
    assert found == {events[key].pk for key in expected}


def test_events_filter_by_partner_id(token_client, events):
    busan = events["forum"].partners.get()
    found = result_ids(token_client.get(f"/api/v1/events/?partner={busan.pk}"))
    assert found == {events["forum"].pk}


def test_events_ordered_oldest_first_on_request(token_client, events):
    rows = token_client.get("/api/v1/events/?ordering=start_date").json()["results"]
    assert [row["id"] for row in rows] == [
        events[key].pk for key in ("forum", "korea_week", "reception", "next_week")
    ]


@pytest.mark.parametrize(
    "query, field",
    [
        ("kind=party", "kind"),
        ("role=guest", "role"),
        ("status=completed", "status"),  # events are held, not completed
        ("country=ZZ", "country"),
        ("continent=arctic", "continent"),
        ("partner=busan", "partner"),
        ("year=2017.5", "year"),
    ],
)
def test_invalid_event_filters_are_400(token_client, db, query, field):
    response = token_client.get(f"/api/v1/events/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_event_list_queries_do_not_grow_with_the_page(
    token_client, events, django_assert_max_num_queries
):
    partners = [PartnerLocalityFactory() for _ in range(3)]
    for _ in range(20):
        EventFactory(countries=["JP", "KR"]).partners.set(partners)
    for page_size in (1, 500):
        # key, last use, count, page, partners
        with django_assert_max_num_queries(5):
            response = token_client.get(f"/api/v1/events/?page_size={page_size}")
        assert len(response.json()["results"]) == min(page_size, 24)


def test_event_detail_queries_are_fixed(token_client, events, django_assert_max_num_queries):
    for event in events.values():
        with django_assert_max_num_queries(4):
            assert token_client.get(f"/api/v1/events/{event.pk}/").status_code == 200


def test_staff_create_an_event_with_countries_and_partners(staff_client):
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    response = staff_client.post(
        "/api/v1/events/",
        {
            "title": "Lễ hội Văn hóa Nhật Bản",
            "kind": "cultural",
            "start_date": "2019-03-08",
            "status": "held",
            "countries": ["JP"],
            "partners": [osaka.pk],
        },
    )
    assert response.status_code == 201, response.content
    event = Event.objects.get(pk=response.json()["id"])
    assert [c.code for c in event.countries] == ["JP"]
    assert list(event.partners.all()) == [osaka]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"start_date": TOMORROW.isoformat()}, "status"),
        ({"end_date": "2019-03-01"}, "end_date"),
        ({"countries": ["JP", "XX"]}, "countries"),
        ({"partners": [999999]}, "partners"),
        ({"role": "guest"}, "role"),
    ],
)
def test_invalid_events_are_400_per_field_and_not_stored(staff_client, change, field):
    data = {"title": "Sự kiện", "start_date": "2019-03-08", "status": "held", **change}
    response = staff_client.post("/api/v1/events/", data)
    assert response.status_code == 400
    assert field in response.json()
    assert not Event.objects.exists()
