"""The admin lists' row checkbox, written out for speed, is the HTML Django's form widget
renders, in both languages and for a title that needs escaping."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.utils import translation

from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_row_checkbox_is_the_one_django_renders(language):
    visit = DelegationFactory(title="Đoàn “Chile” & <b>bạn</b> 🇨🇱")
    model_admin = admin.site._registry[type(visit)]
    with translation.override(language):
        ours = model_admin.action_checkbox(visit)
        djangos = ModelAdmin.action_checkbox(model_admin, visit)
    assert ours == djangos
    assert "&lt;b&gt;" in ours


def test_the_list_page_offers_a_checkbox_per_row_and_the_toggle(admin_client):
    visits = DelegationFactory.create_batch(3)
    page = admin_client.get("/admin/delegations/delegation/").content.decode()
    assert 'id="action-toggle"' in page
    for visit in visits:
        assert f'name="_selected_action" value="{visit.pk}" class="action-select"' in page
