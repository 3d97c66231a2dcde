"""Every API error in the two documented shapes (foreignaffairs.api.schema):

- 400: `{"<parameter or field>": ["message", …]}`, with `non_field_errors` for what concerns
  the whole request or record (a JSON parse error, a duplicate);
- any other status: `{"detail": "message"}`.

DRF answers most errors so already; this handler straightens the rest (a bare list, a nested
field's dictionary, a parse error's `detail` on a 400). Messages go through gettext, so a
client asking `Accept-Language: en` gets them in English, and Vietnamese otherwise.
"""

from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if response.status_code == 400:
        response.data = field_errors(response.data)
    elif not (isinstance(response.data, dict) and set(response.data) == {"detail"}):
        response.data = {"detail": " ".join(messages(response.data))}
    return response


def field_errors(data) -> dict[str, list[str]]:
    """`{"name": ["message", …]}` from whatever DRF built: the messages of a list's items
    (`{"countries": {1: [...]}}`) belong to the field, a list or a lone message to
    `non_field_errors`."""
    if isinstance(data, dict) and set(data) == {"detail"}:
        data = data["detail"]
    if not isinstance(data, dict):
        return {api_settings.NON_FIELD_ERRORS_KEY: messages(data)}
    return {str(name): messages(value) for name, value in data.items()}


def messages(value) -> list[str]:
    if isinstance(value, dict):
        return [message for inner in value.values() for message in messages(inner)]
    if isinstance(value, list):
        return [message for inner in value for message in messages(inner)]
    return [str(value)]
