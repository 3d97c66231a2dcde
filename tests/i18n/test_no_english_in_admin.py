"""No English and no "None" on the Vietnamese admin pages of any model.

Every page a staff member or administrator opens (list, add, change, history, delete, import,
export) is read as a person sees it (text, button labels, titles, placeholders) and searched
for the English of the catalogues staff meet (Django's admin, forms and auth, DRF,
django-filter, import-export, simple-history, axes: the msgids of locale/vi) and for "None".
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django_countries import countries

PAGES = ["changelist", "add", "change", "history", "delete", "import", "export"]
OBJECT_PAGES = {"change", "history", "delete"}
# English the admin writes outside any catalogue: simple-history's record names, tablib's
# sheet name, the alt text of Django's yes/no icons.
UNMARKED_ENGLISH = ["None", "as of", "Tablib Dataset", "True", "False"]
# Catalogue words that are the same in Vietnamese or are names (the language switch).
SAME_IN_VIETNAMESE = {"English", "Email", "URL", "IPv4", "IPv6", "UUID", "JSON", "API", "salt"}


class VisibleText(HTMLParser):
    """The text a person sees: text nodes outside scripts and styles, and the labels of
    buttons, titles and placeholders."""

    HIDDEN = {"script", "style", "template", "noscript"}
    LABELS = ("title", "placeholder", "aria-label", "alt")

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attributes = dict(attrs)
        self.parts.extend(attributes[name] for name in self.LABELS if attributes.get(name))
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's text, without the names of countries (Vietnamese names such as "New
    Zealand" or "Svalbard và Jan Mayen" are not English)."""
    parser = VisibleText()
    parser.feed(html)
    text = re.sub(r"\s+", " ", " ".join(parser.parts))
    for name in sorted(dict(countries).values(), key=len, reverse=True):
        text = text.replace(name, "")
    return text


def english_patterns() -> list[tuple[str, re.Pattern]]:
    """Each catalogue msgid (and the unmarked English above) as a pattern matching it in a
    page, placeholders standing for any short text; single words match whole words only."""
    msgids = set(UNMARKED_ENGLISH)
    for domain in ("django", "djangojs"):
        po = polib.pofile(str(Path(settings.BASE_DIR) / "locale/vi/LC_MESSAGES" / f"{domain}.po"))
        for entry in po:
            msgids.update(text for text in (entry.msgid, entry.msgid_plural) if text)
    patterns = []
    for msgid in sorted(msgids - SAME_IN_VIETNAMESE):
        chunks = re.split(r"%\(\w+\)[sdr]|%[sd]|\{[\w:]*\}", msgid.strip())
        chunks = [chunk.strip() for chunk in chunks]
        if not any(re.search(r"[A-Za-z]{3,}", chunk) for chunk in chunks):
            continue  # nothing English to find (":", "%(value)s", "Th1"…)
        body = r".{0,80}?".join(re.escape(chunk) for chunk in chunks if chunk)
        patterns.append((msgid, re.compile(rf"(?<![\w-]){body}(?![\w-])")))
    return patterns


def admin_urls():
    yield reverse("admin:index")
    yield reverse("recent_changes")
    for model in admin.site._registry:
        opts = model._meta
        first = model._default_manager.order_by("pk").first()
        for page in PAGES:
            if page in OBJECT_PAGES and first is None:
                continue
            args = [first.pk] if page in OBJECT_PAGES else []
            try:
                yield reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)
            except NoReverseMatch:
                continue  # no import or export for this model


def leaks_in(html: str, patterns) -> list[str]:
    """The English (and "None") a person would read on the page, each with its context."""
    text = visible_text(html)
    return sorted(
        f"{msgid} in “…{text[max(0, match.start() - 40) : match.end() + 40]}…”"
        for msgid, pattern in patterns
        if (match := pattern.search(text))
    )


def test_every_model_has_a_record_whose_pages_are_scanned(records):
    empty = [
        model._meta.label for model in admin.site._registry if not model._default_manager.exists()
    ]

    assert empty == []


@pytest.mark.django_db
def test_vietnamese_admin_pages_show_no_english_and_no_none(admin_client, records):
    patterns = english_patterns()
    leaks = {}
    for url in admin_urls():
        response = admin_client.get(url)
        if response.status_code in (302, 403):
            continue  # a page this model's admin does not offer (e.g. adding lock-outs)
        assert response.status_code == 200, (url, response.status_code)
        if found := leaks_in(response.content.decode(), patterns):
            leaks[url] = found
    assert leaks == {}, "\n".join(f"{url}: {found}" for url, found in leaks.items())
