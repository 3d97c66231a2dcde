"""Every string is in Vietnamese and English: the catalogs are complete, current and compiled.

Our msgids are Vietnamese, translated into English in locale/en; the English msgids of the
third-party packages staff see are translated into Vietnamese in locale/vi. After adding
strings, run `make messages` and translate the new entries.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from delegations.models import Delegation, Level
from foreignaffairs.core import catalogs
from tests.factories import DelegationFactory

LOCALE = Path(settings.BASE_DIR) / "locale"
needs_gettext = pytest.mark.skipif(
    not catalogs.gettext_available(), reason="GNU gettext (xgettext) is not installed"
)


# (language, gettext domain) of every catalog we ship: the admin's JavaScript strings
# ("Đã chọn 0/50") are in Vietnamese too.
CATALOGS = [("en", "django"), ("vi", "django"), ("vi", "djangojs")]


def catalog(language: str, domain: str = "django") -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))


def untranslated(po: polib.POFile) -> list[str]:
    return [
        entry.msgid
        for entry in po
        if entry.fuzzy
        or not (entry.msgstr or all(entry.msgstr_plural.values()) and entry.msgstr_plural)
    ]


def msgids(pot_text: str) -> set[str]:
    return {entry.msgid for entry in polib.pofile(pot_text) if entry.msgid}


@pytest.mark.parametrize(("language", "domain"), CATALOGS)
def test_every_catalog_entry_is_translated_and_not_fuzzy(language, domain):
    assert untranslated(catalog(language, domain)) == []


@needs_gettext
def test_english_catalog_has_every_string_marked_in_our_code():
    missing = msgids(catalogs.project_pot()) - {entry.msgid for entry in catalog("en")}

    assert sorted(missing) == [], "run `make messages` and translate the new entries"


@needs_gettext
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_vietnamese_catalog_has_every_string_of_the_third_party_pages_staff_see(domain):
    missing = msgids(catalogs.vendor_pot(domain)) - {e.msgid for e in catalog("vi", domain)}

    assert sorted(missing) == [], "run `make messages` and translate the new entries"


@pytest.mark.parametrize(("language", "domain"), CATALOGS)
def test_compiled_catalog_matches_its_source(language, domain):
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.mo"))
    source = catalog(language, domain)

    def table(po):
        return {
            (e.msgctxt, e.msgid): e.msgstr or tuple(sorted(e.msgstr_plural.items()))
            for e in po.translated_entries()
            if e.msgid
        }

    assert table(compiled) == table(source), "run `make messages` (compilemessages)"


def test_iceland_and_ireland_have_distinct_names_in_both_languages():
    with translation.override("vi"):
        vietnamese = dict(countries)
    with translation.override("en"):
        english = dict(countries)

    assert (vietnamese["IS"], vietnamese["IE"]) == ("Ai-xơ-len", "Ai-len")
    assert (english["IS"], english["IE"]) == ("Iceland", "Ireland")


def test_model_labels_and_choices_read_in_english():
    with translation.override("en"):
        assert str(Delegation._meta.get_field("title").verbose_name) == "delegation name"
        assert str(Level.HEAD_OF_STATE.label) == "Head of state"


@pytest.mark.django_db
def test_import_export_pages_are_in_vietnamese(admin_client):
    response = admin_client.get(reverse("admin:delegations_delegation_import"))

    assert "Tệp cần nhập" in response.text
    assert "Định dạng" in response.text
    assert "File to import" not in response.text


@pytest.mark.django_db
def test_history_page_is_in_vietnamese(admin_client):
    delegation = DelegationFactory()

    response = admin_client.get(
        reverse("admin:delegations_delegation_history", args=[delegation.pk])
    )

    assert "Người sửa" in response.text
    assert "Changed by" not in response.text


@pytest.mark.django_db
def test_admin_pages_switch_to_english(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = admin_client.get(reverse("admin:delegations_delegation_changelist"))

    assert "incoming and outgoing delegations" in response.text.lower()
