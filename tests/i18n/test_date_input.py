"""Every date box of the admin's forms reads day first, shows an example and, for a date it
cannot read ("3/4/26"), says the expected format with an example, in both languages."""

import pytest
from django import forms
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from agreements.models import Agreement
from delegations.models import Delegation
from foreignaffairs.core.date_input import DayFirstDateField
from tests.admin_pages import form_errors, inline_management
from tests.agreements.test_admin import agreement_form

pytestmark = pytest.mark.django_db

FORMAT_MESSAGE = "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2026."


def delegation_form(**dates):
    return {
        "direction": "incoming",
        "title": "Đoàn Thị trưởng Osaka",
        "country": "JP",
        "start_date": "03/04/2026",
        **inline_management("members"),
        **dates,
    }


def admin_forms(user):
    """(name, form class) of every registered admin's form and of each of its inlines."""
    request = RequestFactory().get("/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        yield model._meta.label, model_admin.get_form(request, None)
        for inline in model_admin.get_inline_instances(request, None):
            yield (
                f"{model._meta.label} › {inline.model._meta.label}",
                inline.get_formset(request, None).form,
            )


def test_every_date_box_of_every_admin_form_shows_the_format(superuser):
    plain = [
        f"{name}.{field_name}"
        for name, form in admin_forms(superuser)
        for field_name, field in form.base_fields.items()
        if isinstance(field, forms.DateField)
        and not isinstance(field, forms.DateTimeField)
        and not isinstance(field, DayFirstDateField)
    ]
    checked = [
        field
        for _name, form in admin_forms(superuser)
        for field in form.base_fields.values()
        if isinstance(field, DayFirstDateField)
    ]

    assert plain == []
    assert len(checked) > 20  # delegations, events, agreements, activities, deadlines…
    assert all("Ví dụ: 27/03/2026" in str(field.help_text) for field in checked)


def test_a_short_date_on_a_record_form_gets_the_format_and_an_example(admin_client):
    response = admin_client.post(
        reverse("admin:delegations_delegation_add"), delegation_form(start_date="3/4/26")
    )

    assert form_errors(response)["start_date"] == [FORMAT_MESSAGE]
    assert not Delegation.objects.exists()


def test_the_format_message_in_english(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = admin_client.post(
        reverse("admin:delegations_delegation_add"), delegation_form(end_date="5/4/26")
    )

    assert form_errors(response)["end_date"] == [
        "Enter the date as day/month/year, for example 27/03/2026."
    ]


def test_a_short_date_in_an_inline_row_gets_the_format_too(admin_client):
    data = agreement_form(
        **inline_management("activities", total=1),
        **{
            "activities-0-date": "3/4/26",
            "activities-0-kind": "meeting",
            "activities-0-description": "Họp rà soát kế hoạch",
            "activities-0-responsible_unit": "",
        },
    )

    response = admin_client.post(reverse("admin:agreements_agreement_add"), data)

    activities = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.formset.prefix == "activities"
    )
    assert activities.formset.errors == [{"date": [FORMAT_MESSAGE]}]
    assert not Agreement.objects.exists()
