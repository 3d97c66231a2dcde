"""Helpers for tests that drive the Django admin like a staff member would."""

from django.contrib.messages import get_messages


def changelist_rows(client, url: str) -> list:
    """The records an admin list page shows (first page)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return list(response.context["cl"].result_list)


def inline_management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    """The management form data an admin inline formset expects in a POST."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_errors(response) -> dict[str, list[str]]:
    """The field errors of an admin add/change form that was refused (re-rendered, 200)."""
    assert response.status_code == 200, "the form was accepted (redirect), expected errors"
    form = response.context["adminform"].form
    return {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
