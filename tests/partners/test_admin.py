import datetime

import pytest
from django.utils import timezone

from foreignaffairs.core import daily_counts
from partners.models import PartnerLocality
from tests.admin_pages import changelist_rows, form_errors
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/partners/partnerlocality/"
ADD = f"{LIST}add/"


def change_url(partner):
    return f"{LIST}{partner.pk}/change/"


def partner_form(**values):
    data = {
        "name": "Yangon",
        "name_en": "Yangon",
        "name_local": "",
        "country": "MM",
        "kind": "region",
        "relationship": "friendship",
        "established_on": "",
        "ended_on": "",
        "latitude": "",
        "longitude": "",
        "wikidata_id": "",
        "notes": "",
        "source": "",
    }
    data.update(values)
    return data


# Adding and validating ----------------------------------------------------------------------


def test_staff_add_a_partner_with_a_ddmmyyyy_establishment_date(admin_client, superuser):
    response = admin_client.post(ADD, partner_form(established_on="03/04/2017"))

    assert response.status_code == 302
    partner = PartnerLocality.objects.get()
    assert partner.established_on == datetime.date(2017, 4, 3)
    assert partner.created_by == superuser


def test_a_duplicate_name_in_capitals_gets_a_vietnamese_error_in_the_admin(admin_client):
    PartnerLocalityFactory(name="Yangon", country="MM")

    response = admin_client.post(ADD, partner_form(name="YANGON"))

    message = " ".join(form_errors(response)["name"])
    assert "Quốc gia này đã có một địa phương đối tác cùng tên" in message
    assert "Bản ghi đã có: “Yangon (Myanmar)”" in message
    assert PartnerLocality.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"established_on": "01/05/2010", "ended_on": "01/01/2009"},
            "ended_on",
            "Ngày chấm dứt không được trước ngày thiết lập quan hệ.",
        ),
        (
            {"established_on": "01/01/2999"},
            "established_on",
            "Ngày thiết lập quan hệ không được ở tương lai.",
        ),
        ({"country": "XX"}, "country", "Hãy chọn giá trị hợp lệ"),
    ],
)
def test_invalid_partner_data_is_refused_with_a_clear_message(admin_client, values, field, message):
    response = admin_client.post(ADD, partner_form(**values))

    assert message in " ".join(form_errors(response)[field])
    assert not PartnerLocality.objects.exists()


# The list -----------------------------------------------------------------------------------


def test_the_list_shows_the_flag_the_vietnamese_country_name_and_the_continent(admin_client):
    PartnerLocalityFactory(name="Osaka", country="JP")

    content = admin_client.get(LIST).content.decode()

    assert "/static/flags/jp.gif" in content
    assert "Nhật Bản" in content
    assert "châu Á" in content
    assert "Đang có quan hệ" in content


def test_the_list_shows_the_last_exchange_date(admin_client):
    partner = PartnerLocalityFactory()
    DelegationFactory(partner=partner, start_date=datetime.date(2024, 10, 9))

    assert "09/10/2024" in admin_client.get(LIST).content.decode()


def make_partners_with_exchanges(count):
    partners = PartnerLocalityFactory.create_batch(count, country="KR")
    for partner in partners[:3]:
        DelegationFactory(partner=partner)
        AgreementFactory(partners=[partner])
    return partners


@pytest.mark.parametrize("count", [1, 200])
def test_the_list_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    make_partners_with_exchanges(count)
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # 9, whether a recount is due, the relationships per origin, and the to-do count in the
    # admin header (deadlines) until it is cached.
    with django_assert_max_num_queries(12):
        response = admin_client.get(LIST)

    assert response.status_code == 200


def test_search_ignores_accents_and_case(admin_client):
    shanghai = PartnerLocalityFactory(name="Thượng Hải", country="CN")
    PartnerLocalityFactory(name="Bắc Kinh", country="CN")

    assert changelist_rows(admin_client, f"{LIST}?q=thuong+hai") == [shanghai]
    assert changelist_rows(admin_client, f"{LIST}?q=THƯỢNG") == [shanghai]


# Filters the dashboard links to -------------------------------------------------------------


def test_active_at_end_of_lists_the_partners_counted_for_that_year(admin_client):
    active = PartnerLocalityFactory(established_on=datetime.date(2015, 6, 1))
    PartnerLocalityFactory(established_on=datetime.date(2019, 1, 1))  # not yet
    PartnerLocalityFactory(  # ended during 2018
        established_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2018, 12, 31)
    )

    assert changelist_rows(admin_client, f"{LIST}?active_at_end_of=2018") == [active]


def test_established_in_lists_the_new_partners_of_that_year(admin_client):
    new = PartnerLocalityFactory(established_on=datetime.date(2018, 12, 31))
    PartnerLocalityFactory(established_on=datetime.date(2019, 1, 1))

    assert changelist_rows(admin_client, f"{LIST}?established_in=2018") == [new]


def test_dormant_yes_lists_partners_without_exchange_for_three_years(admin_client):
    today = timezone.localdate()
    quiet = PartnerLocalityFactory(established_on=datetime.date(2000, 1, 1))
    lively = PartnerLocalityFactory(established_on=datetime.date(2000, 1, 1))
    DelegationFactory(partner=lively, start_date=today - datetime.timedelta(days=30))

    assert changelist_rows(admin_client, f"{LIST}?dormant=yes") == [quiet]


@pytest.mark.parametrize(
    ("continent", "country"),
    [("asia", "TR"), ("europe", "RU"), ("americas", "BR"), ("africa", "EG"), ("oceania", "AU")],
)
def test_continent_filter_lists_the_partners_of_that_continent(admin_client, continent, country):
    expected = PartnerLocalityFactory(country=country)
    PartnerLocalityFactory(country="VN" if continent != "asia" else "FR")

    assert changelist_rows(admin_client, f"{LIST}?continent={continent}") == [expected]


@pytest.mark.parametrize(("status", "index"), [("active", 0), ("ended", 1), ("not_established", 2)])
def test_status_filter_lists_partners_by_relationship_status(admin_client, status, index):
    partners = [
        PartnerLocalityFactory(established_on=datetime.date(2010, 1, 1)),
        PartnerLocalityFactory(
            established_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2015, 1, 1)
        ),
        PartnerLocalityFactory(established_on=None),
    ]

    assert changelist_rows(admin_client, f"{LIST}?status={status}") == [partners[index]]


def test_country_and_relationship_filters(admin_client):
    sister = PartnerLocalityFactory(country="KR", relationship="sister_city")
    PartnerLocalityFactory(country="KR", relationship="cooperation")
    PartnerLocalityFactory(country="JP", relationship="sister_city")

    assert changelist_rows(admin_client, f"{LIST}?country=KR&relationship=sister_city") == [sister]


@pytest.mark.parametrize(
    "query", ["active_at_end_of=abc", "continent=atlantis", "dormant=maybe", "status=x"]
)
def test_a_malformed_filter_value_is_refused_without_an_error_page(admin_client, query):
    response = admin_client.get(f"{LIST}?{query}")

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


# The change page: timeline and history ------------------------------------------------------


def test_the_change_page_shows_the_relationship_timeline_in_date_order(admin_client):
    partner = PartnerLocalityFactory(established_on=datetime.date(2010, 5, 1))
    visit = DelegationFactory(
        partner=partner, title="Đoàn Thị trưởng", start_date=datetime.date(2016, 3, 1)
    )
    agreement = AgreementFactory(
        partners=[partner], title="Thỏa thuận hợp tác giáo dục", signed_on=datetime.date(2014, 9, 2)
    )
    ImplementationActivityFactory(
        agreement=agreement, description="Trao đổi sinh viên", date=datetime.date(2018, 1, 10)
    )
    event = EventFactory(title="Tuần lễ văn hóa", start_date=datetime.date(2012, 11, 20))
    event.partners.add(partner)
    DelegationFactory(title="Đoàn không liên quan")

    content = admin_client.get(change_url(partner)).content.decode()
    timeline = content.split('id="partner-timeline"')[1].split("</fieldset>")[0]

    titles = [
        "Thiết lập quan hệ",
        "Tuần lễ văn hóa",
        "Thỏa thuận hợp tác giáo dục",
        "Đoàn Thị trưởng",
        "Trao đổi sinh viên",
    ]
    positions = [timeline.index(title) for title in titles]
    assert positions == sorted(positions)
    assert f"/admin/delegations/delegation/{visit.pk}/change/" in timeline
    assert f"/admin/agreements/agreement/{agreement.pk}/change/" in timeline
    assert f"/admin/delegations/event/{event.pk}/change/" in timeline
    assert "Đoàn không liên quan" not in timeline


@pytest.mark.parametrize("count", [1, 30])
def test_the_timeline_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    partner = PartnerLocalityFactory()
    for _ in range(count):
        DelegationFactory(partner=partner)
        ImplementationActivityFactory(agreement=AgreementFactory(partners=[partner]))
        EventFactory().partners.add(partner)
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # 8, whether a recount is due, and the partner's relationships per origin.
    with django_assert_max_num_queries(10):
        response = admin_client.get(change_url(partner))

    assert response.status_code == 200


def test_every_change_is_recorded_and_shown_in_the_admin_history(admin_client, superuser):
    partner = PartnerLocalityFactory(name="Yangon", country="MM", relationship="cooperation")

    response = admin_client.post(
        change_url(partner), partner_form(relationship="sister_city", established_on="01/05/2010")
    )
    assert response.status_code == 302

    latest = partner.history.latest()
    assert latest.relationship == "sister_city"
    assert latest.history_user == superuser
    history_page = admin_client.get(f"{LIST}{partner.pk}/history/").content.decode()
    assert superuser.username in history_page
    assert partner.history.count() == 2


def test_a_year_filter_with_no_matching_year_shows_an_empty_list_not_everything(admin_client):
    PartnerLocalityFactory(established_on=None)

    assert changelist_rows(admin_client, f"{LIST}?established_in=2018") == []
    assert changelist_rows(admin_client, f"{LIST}?active_at_end_of=2018") == []
