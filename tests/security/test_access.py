import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from tests.factories import UserFactory

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def stored_pdf(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("agreements/2017/mou-yangon.pdf", ContentFile(PDF))
    return name


def test_uploaded_documents_are_not_public(client, stored_pdf):
    response = client.get(f"/media/{stored_pdf}")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_uploaded_documents_need_the_view_permission(client, stored_pdf, roles):
    client.force_login(UserFactory(username="khong-quyen", is_staff=True))
    assert client.get(f"/media/{stored_pdf}").status_code == 403


def test_uploaded_documents_are_served_to_permitted_users(client, stored_pdf, leader_user):
    client.force_login(leader_user)
    response = client.get(f"/media/{stored_pdf}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_no_path_outside_the_media_folder(client, stored_pdf, manager_user):
    client.force_login(manager_user)
    response = client.get("/media/agreements/../../settings.py")
    assert response.status_code in {400, 403, 404}


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_locked_after_repeated_failures_for_one_user(client, manager_user):
    for _attempt in range(3):
        client.post("/admin/login/", {"username": "truongphong", "password": "sai"})
    response = client.post("/admin/login/", {"username": "truongphong", "password": "mật-khẩu-thử"})
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_locked_after_repeated_failures_from_one_address(client, manager_user):
    for attempt in range(3):
        client.post("/admin/login/", {"username": f"doan-{attempt}", "password": "sai"})
    response = client.post("/admin/login/", {"username": "truongphong", "password": "mật-khẩu-thử"})
    assert response.status_code == 429


def test_correct_login_works_before_the_limit(client, manager_user):
    client.post("/admin/login/", {"username": "truongphong", "password": "sai"})
    response = client.post("/admin/login/", {"username": "truongphong", "password": "mật-khẩu-thử"})
    assert response.status_code == 302


def test_responses_carry_a_content_security_policy(client, db):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
