"""The programme through the API, the admin and Excel."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from import_export.formats.base_formats import XLSX
from rest_framework.test import APIClient

from foreignaffairs.core.spreadsheets.templates import template_workbook
from plans.models import AnnualPlan, PlanItem
from plans.resources import PlanItemResource
from tests.factories import AnnualPlanFactory, DelegationFactory, PlanItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(db):
    user = UserFactory(username="ke-hoach")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["add_planitem", "change_planitem", "view_planitem", "view_annualplan"]
        )
    )
    api = APIClient()
    api.force_login(user)
    return api


def test_departments_read_the_years_programme_with_its_items_states_and_records(
    token_client, django_assert_max_num_queries
):
    visit = DelegationFactory(status="completed")
    PlanItemFactory(delegations=[visit], title="Đón đoàn Osaka")
    for _ in range(5):
        PlanItemFactory()
    AnnualPlanFactory(year=2018)

    with django_assert_max_num_queries(12):
        response = token_client.get("/api/v1/plans/", {"year": 2017})

    assert response.status_code == 200, response.content
    [plan] = response.json()["results"]
    assert plan["year"] == 2017
    assert plan["approved_late"] is False
    items = {item["title"]: item for item in plan["items"]}
    assert items["Đón đoàn Osaka"]["state"] == "done"
    assert items["Đón đoàn Osaka"]["delegations"] == [visit.pk]
    assert len(items) == 6


def test_the_query_count_of_the_plans_list_does_not_grow_with_items(
    token_client, django_assert_max_num_queries
):
    for year in (2016, 2017, 2018):
        for _ in range(4):
            PlanItemFactory(plan=AnnualPlanFactory(year=year), delegations=[DelegationFactory()])

    with django_assert_max_num_queries(12):
        response = token_client.get("/api/v1/plans/")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


def test_an_item_linked_to_a_visit_of_another_year_is_refused_and_nothing_stored(planner_client):
    plan = AnnualPlanFactory(year=2017)
    visit_2016 = DelegationFactory(start_date=datetime.date(2016, 11, 3))

    response = planner_client.post(
        "/api/v1/plan-items/",
        {"plan": plan.pk, "kind": "incoming", "title": "Đón đoàn", "delegations": [visit_2016.pk]},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert "03/11/2016" in str(response.json())
    assert "2017" in str(response.json())
    assert not PlanItem.objects.exists()


def test_an_outgoing_visit_cannot_carry_out_an_incoming_item(planner_client):
    plan = AnnualPlanFactory(year=2017)
    trip = DelegationFactory(direction="outgoing")

    response = planner_client.post(
        "/api/v1/plan-items/",
        {"plan": plan.pk, "kind": "incoming", "title": "Đón đoàn", "delegations": [trip.pk]},
        format="json",
    )

    assert response.status_code == 400
    assert not PlanItem.objects.exists()


def test_staff_link_a_visit_of_the_year_through_the_api(planner_client):
    plan = AnnualPlanFactory(year=2017)
    visit = DelegationFactory(status="completed")

    response = planner_client.post(
        "/api/v1/plan-items/",
        {"plan": plan.pk, "kind": "incoming", "title": "Đón đoàn", "delegations": [visit.pk]},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["state"] == "done"
    assert response.json()["due_on"] == "2017-12-31"


def test_the_admin_refuses_a_visit_of_another_year_with_a_vietnamese_message(admin_client):
    item = PlanItemFactory()
    visit_2016 = DelegationFactory(start_date=datetime.date(2016, 11, 3))
    url = reverse("admin:plans_planitem_change", args=[item.pk])

    response = admin_client.post(
        url,
        {
            "plan": item.plan.pk,
            "kind": "incoming",
            "title": item.title,
            "country": "JP",
            "quarter": "2",
            "delegations": [visit_2016.pk],
        },
    )

    assert response.status_code == 200
    assert "không thuộc chương trình năm 2017" in response.text
    assert not item.delegations.exists()


def test_the_item_page_suggests_the_records_that_may_carry_it_out(admin_client):
    item = PlanItemFactory(country="KR", quarter=2)
    DelegationFactory(title="Đoàn tỉnh Gyeonggi", country="KR")

    response = admin_client.get(reverse("admin:plans_planitem_change", args=[item.pk]))

    assert response.status_code == 200
    assert "Đoàn tỉnh Gyeonggi" in response.text


def test_the_items_list_shows_states_in_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    for _ in range(8):
        PlanItemFactory(delegations=[DelegationFactory()])

    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("admin:plans_planitem_changelist"))

    assert response.status_code == 200
    assert "Đang triển khai" in response.text or "Đã thực hiện" in response.text


def test_the_template_example_imports_as_a_new_programme_and_reimporting_changes_nothing():
    dataset = XLSX().create_dataset(template_workbook(PlanItemResource))

    first = PlanItemResource().import_data(dataset, dry_run=False)
    second = PlanItemResource().import_data(dataset, dry_run=False)

    assert not first.has_errors() and not first.has_validation_errors()
    assert first.totals["new"] == 1
    assert second.totals["new"] == 0
    item = PlanItem.objects.get()
    assert item.plan == AnnualPlan.objects.get(year=PlanItemResource.example["plan"])
    assert item.kind == "outgoing"
    assert item.quarter == 2


def test_a_programme_approved_in_an_implausible_year_is_refused_with_a_vietnamese_message(
    admin_client,
):
    response = admin_client.post(
        reverse("admin:plans_annualplan_add"),
        {
            "year": "2020",
            "approved_on": "02/01/0202",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "1900" in response.text
    assert not AnnualPlan.objects.exists()
