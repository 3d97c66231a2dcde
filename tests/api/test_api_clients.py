import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from foreignaffairs.api.models import ApiClient


def api_token(*args) -> str:
    out = StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue()


def works(key: str) -> bool:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api.get("/api/v1/partners/").status_code == 200


@pytest.mark.django_db
def test_create_prints_a_working_key_once_and_stores_its_hash():
    output = api_token("create", "Sở Kế hoạch và Đầu tư", "--contact=anh Nam")
    key = re.search(r"^([0-9a-f]{40})$", output, re.MULTILINE).group(1)
    client = ApiClient.objects.get()
    assert (client.name, client.contact) == ("Sở Kế hoạch và Đầu tư", "anh Nam")
    assert client.key_hash == ApiClient.hash_key(key)
    assert works(key)


@pytest.mark.django_db
def test_revoke_by_prefix_stops_the_key():
    client, key = ApiClient.issue("Sở Du lịch")
    output = api_token("revoke", client.key_prefix)
    assert "Đã thu hồi" in output
    client.refresh_from_db()
    assert client.revoked_at is not None
    assert not works(key)


@pytest.mark.django_db
def test_revoke_an_unknown_prefix_fails_with_a_message():
    with pytest.raises(CommandError, match="Không có khóa"):
        api_token("revoke", "deadbeef")


@pytest.mark.django_db
def test_list_shows_prefixes_and_state_but_never_keys():
    active, active_key = ApiClient.issue("Sở Du lịch")
    revoked, revoked_key = ApiClient.issue("Sở Y tế")
    revoked.revoke()
    output = api_token("list")
    assert f"{active.key_prefix}  Sở Du lịch" in output
    assert "đang dùng" in output
    assert "Sở Y tế" in output and "thu hồi" in output
    assert active_key not in output and revoked_key not in output


@pytest.mark.django_db
def test_admin_shows_a_new_key_once_and_stores_only_its_hash(admin_client, superuser):
    response = admin_client.post(
        "/admin/foreignaffairs/apiclient/add/",
        {"name": "Sở Công Thương", "contact": "chị Hoa"},
    )
    assert response.status_code == 200
    key = re.search(r'<code id="api-key"[^>]*>([0-9a-f]{40})</code>', response.content.decode())[1]
    client = ApiClient.objects.get()
    assert (client.name, client.created_by) == ("Sở Công Thương", superuser)
    assert client.key_hash == ApiClient.hash_key(key)
    assert works(key)
    change_page = admin_client.get(f"/admin/foreignaffairs/apiclient/{client.pk}/change/")
    assert key not in change_page.content.decode()
    assert client.key_prefix in change_page.content.decode()


@pytest.mark.django_db
def test_admin_action_revokes_the_selected_keys(admin_client):
    client, key = ApiClient.issue("Sở Giáo dục và Đào tạo")
    response = admin_client.post(
        "/admin/foreignaffairs/apiclient/",
        {"action": "revoke", "_selected_action": [client.pk]},
        follow=True,
    )
    assert "Đã thu hồi 1 khóa" in response.content.decode()
    assert not works(key)
