import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_renders_every_endpoint_under_the_content_security_policy(page, artifacts):
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    page.screenshot(path=str(artifacts / "api-docs.png"), full_page=False)
    for endpoint in [
        "/api/v1/partners/",
        "/api/v1/delegations/",
        "/api/v1/events/",
        "/api/v1/agreements/",
        "/api/v1/stats/yearly/",
    ]:
        assert any(endpoint in path for path in paths), endpoint
    assert blocked == []
