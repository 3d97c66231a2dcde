import datetime

import pytest
from django.utils import timezone

from foreignaffairs.core import daily_counts
from partners.models import PartnerLocality
from tests.api.conftest import result_ids
from tests.factories import AgreementFactory, DelegationFactory, PartnerLocalityFactory

TODAY = timezone.localdate()
RECENTLY = TODAY - datetime.timedelta(days=100)


@pytest.fixture
def partners(db):
    """Five localities that each filter tells apart."""
    yangon = PartnerLocalityFactory(
        name="Yangon", name_en="Yangon", country="MM", established_on=datetime.date(2017, 5, 10)
    )
    DelegationFactory(partner=yangon, country="MM", start_date=RECENTLY)
    return {
        "yangon": yangon,
        "osaka": PartnerLocalityFactory(
            name="Ô-xa-ca",
            name_en="Osaka",
            country="JP",
            kind="province",
            relationship="sister_city",
            established_on=datetime.date(2010, 5, 1),
        ),
        "lyon": PartnerLocalityFactory(
            name="Lyon", name_en="Lyon", country="FR", established_on=datetime.date(2012, 3, 1)
        ),
        "manila": PartnerLocalityFactory(
            name="Manila",
            name_en="Manila",
            country="PH",
            established_on=datetime.date(2001, 1, 1),
            ended_on=datetime.date(2015, 1, 1),
        ),
        "da_nang": PartnerLocalityFactory(
            name="Đà Nẵng (thử)",
            name_en="Da Nang",
            country="VN",
            relationship="cooperation",
            established_on=None,
        ),
    }


def names(partners, *keys):
    return {partners[key].pk for key in keys}


def test_a_partner_has_the_contract_fields(token_client, partners):
    yangon = partners["yangon"]
    AgreementFactory(partners=[yangon], signed_on=datetime.date(2017, 5, 10))
    response = token_client.get(f"/api/v1/partners/{yangon.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": yangon.pk,
        "name": "Yangon",
        "name_en": "Yangon",
        "country": "MM",
        "country_name": "Myanmar",
        "continent": "asia",
        "kind": "city",
        "relationship": "friendship",
        "established_on": "2017-05-10",
        "ended_on": None,
        "active": True,
        "last_exchange_on": RECENTLY.isoformat(),
        "dormant": False,
        "origin": "hcmc",
        "origins": [],
    }


def test_the_country_name_follows_the_language_asked(token_client, partners):
    url = f"/api/v1/partners/{partners['osaka'].pk}/"
    assert token_client.get(url).json()["country_name"] == "Nhật Bản"
    assert token_client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["country_name"] == "Japan"


def test_an_unknown_partner_is_404(token_client, db):
    assert token_client.get("/api/v1/partners/999999/").status_code == 404


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2017", ["yangon"]),
        ("established_on_after=2011-01-01", ["yangon", "lyon"]),
        ("established_on_before=2011-01-01", ["osaka", "manila"]),
        ("established_on_after=2011-01-01&established_on_before=2013-01-01", ["lyon"]),
        ("country=JP", ["osaka"]),
        ("country=jp", ["osaka"]),
        ("continent=europe", ["lyon"]),
        ("continent=asia", ["yangon", "osaka", "manila", "da_nang"]),
        ("kind=province", ["osaka"]),
        ("relationship=sister_city", ["osaka"]),
        ("active=true", ["yangon", "osaka", "lyon"]),
        ("active=false", ["manila", "da_nang"]),
        ("dormant=true", ["osaka", "lyon"]),
        ("dormant=false", ["yangon", "manila", "da_nang"]),
        ("search=osaka", ["osaka"]),
        ("search=o-xa-ca", ["osaka"]),
        ("search=da nang", ["da_nang"]),
        ("search=Đà Nẵng", ["da_nang"]),
    ],
)
def test_partner_filters(token_client, partners, query, expected):
    assert result_ids(token_client.get(f"/api/v1/partners/?{query}")) == names(partners, *expected)


def test_partners_are_ordered_by_name_unless_asked(token_client, partners):
    default = token_client.get("/api/v1/partners/?relationship=friendship").json()["results"]
    assert [row["name"] for row in default] == ["Lyon", "Manila", "Yangon"]
    newest = token_client.get("/api/v1/partners/?active=true&ordering=-established_on")
    assert [row["name"] for row in newest.json()["results"]] == ["Yangon", "Lyon", "Ô-xa-ca"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("continent=atlantis", "continent"),
        ("country=XX", "country"),
        ("kind=village", "kind"),
        ("relationship=rivals", "relationship"),
        ("year=last", "year"),
        ("year=1066", "year"),
        ("active=yes", "active"),
        ("dormant=maybe", "dormant"),
        ("established_on_after=2017-13-01", "established_on"),
    ],
)
def test_invalid_partner_filters_are_400_with_the_parameter_named(token_client, db, query, field):
    response = token_client.get(f"/api/v1/partners/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_partner_list_queries_do_not_grow_with_the_page(
    token_client, partners, django_assert_max_num_queries
):
    for number in range(20):
        PartnerLocalityFactory(name=f"Thành phố {number}", country="KR")
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    for page_size in (1, 500):
        # key, last use, whether a recount is due, count, page, relationships per origin
        with django_assert_max_num_queries(6):
            response = token_client.get(f"/api/v1/partners/?page_size={page_size}")
        assert len(response.json()["results"]) == min(page_size, 25)


def test_partner_detail_queries_are_fixed(token_client, partners, django_assert_max_num_queries):
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    for partner in partners.values():
        # with the relationships per origin and whether a recount is due
        with django_assert_max_num_queries(5):
            assert token_client.get(f"/api/v1/partners/{partner.pk}/").status_code == 200


def test_staff_create_a_partner_and_get_the_computed_fields_back(staff_client, editor):
    response = staff_client.post(
        "/api/v1/partners/",
        {
            "name": "Vientiane",
            "name_en": "Vientiane",
            "country": "LA",
            "kind": "city",
            "relationship": "friendship",
            "established_on": "2016-02-01",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["country_name"], body["continent"], body["active"]) == ("Lào", "asia", True)
    assert body["dormant"] is True  # no exchange since 2016
    assert PartnerLocality.objects.get(pk=body["id"]).created_by == editor


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "Hà Nội thử", "country": "ZZ"}, "country"),
        ({"name": "Tương lai", "country": "JP", "established_on": "2999-01-01"}, "established_on"),
        (
            {
                "name": "Ngược",
                "country": "JP",
                "established_on": "2017-01-01",
                "ended_on": "2016-01-01",
            },
            "ended_on",
        ),
        ({"name": "", "country": "JP"}, "name"),
        ({"name": "Okinawa", "country": "JP", "relationship": "enemies"}, "relationship"),
    ],
)
def test_invalid_partners_are_400_per_field_and_not_stored(staff_client, data, field):
    response = staff_client.post("/api/v1/partners/", data)
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not PartnerLocality.objects.exists()


def test_a_duplicate_name_is_refused_whatever_its_accents_and_case(staff_client):
    PartnerLocalityFactory(name="Đà Lạt", country="JP")
    response = staff_client.post("/api/v1/partners/", {"name": "DA LAT", "country": "JP"})
    assert response.status_code == 400
    assert "Đà Lạt" in response.json()["name"][0]
    assert PartnerLocality.objects.count() == 1


def test_staff_update_a_partner(staff_client, partners):
    lyon = partners["lyon"]
    response = staff_client.patch(f"/api/v1/partners/{lyon.pk}/", {"ended_on": "2020-06-30"})
    assert response.status_code == 200, response.content
    assert response.json()["active"] is False
    lyon.refresh_from_db()
    assert lyon.ended_on == datetime.date(2020, 6, 30)


def test_an_invalid_update_leaves_the_partner_unchanged(staff_client, partners):
    lyon = partners["lyon"]
    response = staff_client.put(
        f"/api/v1/partners/{lyon.pk}/",
        {"name": "Lyon", "country": "FR", "established_on": "2012-03-01", "ended_on": "2000-01-01"},
    )
    assert response.status_code == 400
    assert "ended_on" in response.json()
    lyon.refresh_from_db()
    assert lyon.ended_on is None
