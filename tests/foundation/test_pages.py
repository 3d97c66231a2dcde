from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client):
    with mock.patch(
        "foreignaffairs.core.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_admin_login_page_is_in_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'lang="vi"' in content
    assert "Sở Ngoại vụ TP. Hồ Chí Minh" in content
    assert "Đăng nhập" in content


@pytest.mark.django_db
def test_language_switch_turns_the_admin_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert response.status_code == 302
    english = client.get("/admin/login/").content.decode()
    assert 'lang="en"' in english
    assert "Log in" in english

    client.post("/i18n/setlang/", {"language": "vi", "next": "/admin/login/"})
    assert "Đăng nhập" in client.get("/admin/login/").content.decode()
