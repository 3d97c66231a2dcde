from pathlib import Path

import pytest
from django.core.management import call_command

COMMITTED_SCHEMA = Path(__file__).resolve().parents[2] / "openapi" / "schema.yaml"
REGENERATE = "DJANGO_DEBUG=1 python manage.py spectacular --file openapi/schema.yaml"


@pytest.fixture(scope="module")
def generated_schema(tmp_path_factory) -> str:
    """The schema as drf-spectacular generates it, validated against the OpenAPI 3 spec; any
    warning (an undocumented filter, an ambiguous type) fails."""
    target = tmp_path_factory.mktemp("schema") / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    return target.read_text()


def test_the_schema_is_valid_openapi_without_warnings(generated_schema):
    assert generated_schema.startswith("openapi: 3.")


def test_the_committed_schema_is_up_to_date(generated_schema):
    assert COMMITTED_SCHEMA.read_text() == generated_schema, f"Regenerate it: {REGENERATE}"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/partners/",
        "/api/v1/partners/{id}/",
        "/api/v1/delegations/",
        "/api/v1/delegations/{id}/",
        "/api/v1/events/",
        "/api/v1/events/{id}/",
        "/api/v1/agreements/",
        "/api/v1/agreements/{id}/",
        "/api/v1/stats/yearly/",
        "/api/v1/stats/breakdown/",
        "/api/v1/plans/",
        "/api/v1/plan-items/",
    ],
)
def test_every_endpoint_is_documented(generated_schema, path):
    assert f"\n  {path}:\n" in generated_schema


def test_filters_and_error_answers_are_documented(client, db):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/agreements/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    for name in (
        "year",
        "signed_on_after",
        "signed_on_before",
        "status",
        "dormant",
        "expiring_within_days",
        "search",
        "ordering",
        "format",
        "headers",
        "page_size",
    ):
        assert parameters[name].get("description"), name
    assert parameters["status"]["schema"]["enum"] == [
        "expired",
        "in_force",
        "negotiating",
        "terminated",
    ]
    # 404: a page below 1 or after the last.
    assert set(operation["responses"]) == {"200", "400", "401", "403", "404", "429"}
    assert "text/csv" in operation["responses"]["200"]["content"]
    detail = schema["paths"]["/api/v1/agreements/{id}/"]["get"]
    assert "404" in detail["responses"]
    assert schema["components"]["securitySchemes"]["tokenAuth"]["type"] == "apiKey"


def test_swagger_ui_is_served_from_this_server(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()
