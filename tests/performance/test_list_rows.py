"""The delegations and events lists read as plain rows give the same bytes as the serializer
over model instances did, on records that vary in every way a field can (blank, none, several, the
country names that django-countries gets wrong, both languages)."""

import datetime
import unicodedata

import pytest
from django.utils import translation
from rest_framework.renderers import JSONRenderer

from delegations.models import Delegation, Event, Pillar
from delegations.serializers import DelegationSerializer, EventSerializer
from delegations.views import EventViewSet
from tests.factories import DelegationFactory, EventFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

ORDER = ("-start_date", "-id")


@pytest.fixture
def varied():
    Pillar.objects.update_or_create(code="zeta", defaults={"name": "Z", "order": 0})
    Pillar.objects.update_or_create(code="alpha", defaults={"name": "A", "order": 9})
    pillars = list(Pillar.objects.all())
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    records = [
        DelegationFactory(
            title="Đoàn Tổng thống “Chile” & <b>bạn</b> 🇨🇱",
            level="head_of_state",
            country="CL",
            member_count=40,
            end_date=datetime.date(2017, 3, 12),
            head_name="Gabriel Boric",
            head_title="Tổng thống",
            purpose="Thúc đẩy hợp tác\nkinh tế",
        ),
        DelegationFactory(
            title=unicodedata.normalize("NFD", "Đoàn Liên Hợp Quốc"),
            level="international_organization",
            country="",
            member_count=0,
            organization="UNDP",
            status="planned",
            start_date=datetime.date(2030, 1, 1),
        ),
        DelegationFactory(title="Đoàn Osaka", country="JP", partner=osaka, host_role="coordinate"),
        DelegationFactory(title="Đoàn Iceland", country="IS", direction="outgoing"),
        DelegationFactory(title="Đoàn Ireland", country="IE", status="cancelled"),
        DelegationFactory(title="Đoàn Việt kiều", country="VN", level="royalty"),
        DelegationFactory(title="Cùng ngày", country="KR", start_date=datetime.date(2017, 3, 10)),
    ]
    records[0].pillars.set(pillars)
    records[2].pillars.set(pillars[:1])
    return records


def old_representation():
    """The list as it was serialized before: model instances with their pillars prefetched."""
    instances = Delegation.objects.prefetch_related("pillars").order_by(*ORDER)
    return DelegationSerializer(instances, many=True).data


def new_representation():
    rows = Delegation.objects.order_by(*ORDER).values(*DelegationSerializer.row_columns)
    return DelegationSerializer.represent_rows(list(rows))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_plain_rows_render_to_the_same_bytes(varied, language):
    with translation.override(language):
        old = JSONRenderer().render(old_representation())
        new = JSONRenderer().render(new_representation())

    assert new == old
    assert "Ai-xơ-len".encode() in old or language == "en"


def test_the_api_list_answers_the_same_bytes(varied, token_client):

    response = token_client.get("/api/v1/delegations/", {"page_size": 5})

    page = old_representation()[:5]
    expected = {
        "count": len(varied),
        "next": "http://testserver/api/v1/delegations/?page=2&page_size=5",
        "previous": None,
        "results": page,
    }
    assert response.content == JSONRenderer().render(expected)


def test_the_list_costs_the_same_queries_for_one_row_or_fifty(
    varied, token_client, django_assert_max_num_queries
):
    for day in range(1, 50):
        DelegationFactory(start_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day))

    # The key and its first use, the count, the page, the pillars of the page.
    with django_assert_max_num_queries(5):
        response = token_client.get("/api/v1/delegations/", {"page_size": 50})

    assert len(response.json()["results"]) == 50


# Events -----------------------------------------------------------------------------------


@pytest.fixture
def varied_events():
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    busan = PartnerLocalityFactory(name="Busan", country="KR")
    records = [
        EventFactory(
            title="Diễn đàn “Kinh tế” & <b>bạn</b> 🇻🇳",
            countries=["US", "KR", "IS"],
            end_date=datetime.date(2017, 10, 21),
            venue="Nhà hát\nThành phố",
            needs_prime_minister_approval=True,
        ),
        EventFactory(title=unicodedata.normalize("NFD", "Tuần Văn hóa"), kind="cultural"),
        EventFactory(title="Tiệc chiêu đãi", countries=[], status="cancelled", role="co_host"),
        EventFactory(title="Sắp tới", status="planned", start_date=datetime.date(2030, 1, 1)),
        EventFactory(title="Cùng ngày", countries=["IE"], start_date=datetime.date(2017, 3, 10)),
    ]
    records[0].partners.set([osaka, busan])
    records[2].partners.set([busan])
    return records


def events_as_instances():
    """The events list as serialized from model instances (the view's prefetch)."""
    instances = EventViewSet().get_queryset().order_by(*ORDER)
    return EventSerializer(instances, many=True).data


def events_as_rows():
    rows = Event.objects.order_by(*ORDER).values(*EventSerializer.row_columns)
    return EventSerializer.represent_rows(list(rows))


def test_events_read_as_plain_rows_render_to_the_same_bytes(varied_events):
    old = JSONRenderer().render(events_as_instances())
    new = JSONRenderer().render(events_as_rows())

    assert new == old
    assert b'"partners":[' in new and b'"countries":["IS","KR","US"]' in new


def test_the_events_list_costs_the_same_queries_for_one_row_or_fifty(
    varied_events, token_client, django_assert_max_num_queries
):
    for day in range(1, 50):
        EventFactory(start_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day))

    # The key and its first use, the count, the page, the partners of the page.
    with django_assert_max_num_queries(5):
        response = token_client.get("/api/v1/events/", {"page_size": 50})

    assert len(response.json()["results"]) == 50
