"""Country names in the language of the request, looked up in a dict built once per language.

django-countries translates all ~250 names each time its list is read (a list filter's choices,
a serializer's country field): hundreds of gettext calls per request for names that never
change while the process runs.
"""

from functools import cache

from django.utils import translation
from django_countries import countries


def country_names() -> dict[str, str]:
    """ISO alpha-2 code → name, in django-countries' order (Vietnam first, then by name).
    Shared: do not change it."""
    return _names(translation.get_language() or "")


@cache
def _names(language: str) -> dict[str, str]:
    with translation.override(language or None):
        return {code: str(name) for code, name in countries}
