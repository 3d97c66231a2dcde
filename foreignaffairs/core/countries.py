"""Countries: the one home of their Vietnamese names, of the names staff may type for them,
and of their order in every list.

- `VIETNAMESE_NAMES`: the official Vietnamese names (as the Ministry of Foreign Affairs writes
  them) where django-countries' Vietnamese catalogue is wrong or clumsy ("Áo" for Jersey,
  "Nigeria" for Niger, "Đoàn tụ" for Réunion, Taiwan without "(Trung Quốc)"). Settings pass
  `OVERRIDE` to django-countries (`COUNTRIES_OVERRIDE`), so forms, filters, the API and exports
  all show these names; in English the name stays django-countries' own.
- `ALIASES`: other names staff write (former or informal names: "Mỹ", "Úc", "Chilê").
- `country_code`: reads a spreadsheet cell — names first (exact, ignoring case, diacritics,
  spaces and hyphens), then ISO codes, so "Nga" is Russia and not Nigeria's code NGA; a name
  that belongs to two countries is refused, naming both.
- `use_vietnamese_order`: every country list sorted in Vietnamese alphabetical order.
"""

import functools
import re

import django_countries
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django_countries import countries
from django_countries.data import COUNTRIES as ISO_NAMES

from foreignaffairs.core.text import fold, nfc, vi_sort_key

# Official Vietnamese short names that differ from django-countries' catalogue.
VIETNAMESE_NAMES = {
    "AE": "Các Tiểu vương quốc Ả Rập Thống nhất",
    "SA": "Ả Rập Xê Út",
    "AO": "Angola",
    "AU": "Australia",
    "BL": "Saint Barthélemy",
    "BY": "Belarus",
    "CD": "Cộng hòa Dân chủ Congo",
    "CG": "Cộng hòa Congo",
    "CL": "Chile",
    "CX": "Đảo Christmas",
    "HK": "Hồng Kông (Trung Quốc)",
    "IE": "Ai-len",
    "IS": "Ai-xơ-len",
    "IT": "Italia",
    "JE": "Jersey",
    "KP": "Triều Tiên",
    "LC": "Saint Lucia",
    "LY": "Libya",
    "MD": "Moldova",
    "MO": "Ma Cao (Trung Quốc)",
    "MW": "Malawi",
    "NC": "New Caledonia",
    "NE": "Nigiê",
    "NG": "Nigeria",
    "OM": "Oman",
    "PS": "Palestine",
    "RE": "Réunion",
    "SH": "Saint Helena, Ascension và Tristan da Cunha",
    "SO": "Somalia",
    "SZ": "Eswatini",
    "TW": "Đài Loan (Trung Quốc)",
    "US": "Hoa Kỳ",
    "VA": "Tòa Thánh Vatican",
    "YE": "Yemen",
}

# Other names staff write for a country. A name may stand for several countries ("Congo"):
# a cell holding it is refused, naming them.
ALIASES = {
    "Mỹ": ("US",),
    "USA": ("US",),
    "Hợp chủng quốc Hoa Kỳ": ("US",),
    "Anh": ("GB",),
    "UK": ("GB",),
    "Úc": ("AU",),
    "Ý": ("IT",),
    "Chilê": ("CL",),
    "Bêlarut": ("BY",),
    "Ăng-gô-la": ("AO",),
    "Ni-giê": ("NE",),
    "Ni-giê-ri-a": ("NG",),
    "Ma-la-uy": ("MW",),
    "Mô-đô-va": ("MD",),
    "Ô-man": ("OM",),
    "Lybia": ("LY",),
    "Li-bi": ("LY",),
    "Swaziland": ("SZ",),
    "Ả Rập Saudi": ("SA",),
    "Đài Loan": ("TW",),
    "Hồng Kông": ("HK",),
    "Hong Kong": ("HK",),
    "Ma Cao": ("MO",),
    "Macau": ("MO",),
    "Bắc Triều Tiên": ("KP",),
    "Cộng hòa Séc": ("CZ",),
    "Công-gô": ("CG",),
    "Congo": ("CG", "CD"),
    "Vatican": ("VA",),
}


def _name_in_current_language(code: str) -> str:
    if (translation.get_language() or "").startswith("vi"):
        return VIETNAMESE_NAMES[code]
    return str(countries.COMMON_NAMES.get(code) or ISO_NAMES[code])


_lazy_name = lazy(_name_in_current_language, str)

# settings.COUNTRIES_OVERRIDE: the Vietnamese names above, django-countries' in other languages.
OVERRIDE = {code: _lazy_name(code) for code in VIETNAMESE_NAMES}


# Reading a cell ----------------------------------------------------------------------------

LANGUAGES = ("vi", "en")


def name_key(name: str) -> str:
    """'Ai-xơ-len', 'ai xo len', 'AIXOLEN' -> 'aixolen'."""
    return re.sub(r"[\s\-.'’]", "", fold(name))


@functools.cache
def name_index() -> dict[str, frozenset[str]]:
    """Every name of every country (Vietnamese, English, aliases), by `name_key`."""
    index: dict[str, set[str]] = {}
    for language in LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                index.setdefault(name_key(name), set()).add(code)
    for alias, codes in ALIASES.items():
        index.setdefault(name_key(alias), set()).update(codes)
    return {key: frozenset(codes) for key, codes in index.items()}


def country_name(code: str) -> str:
    return str(dict(countries).get(code, code))


def country_code(value) -> str:
    """The ISO code of a country written as a Vietnamese or English name (ignoring case,
    diacritics, spaces and hyphens) or, failing that, as an ISO code (VN, VNM).

    A code in capitals that is not also a name wins ("NGA" is Nigeria's code, "Nga" is
    Russia). Raises ValueError with a message for staff when the text names no country or
    several."""
    text = nfc(str(value)).strip()
    codes = name_index().get(name_key(text), frozenset())
    if text.isascii() and text.isupper() and len(text) in (2, 3) and countries.alpha2(text):
        codes = {countries.alpha2(text)}
    if len(codes) > 1:
        names = sorted(country_name(code) for code in codes)
        raise ValueError(
            _("“%(value)s” có thể là %(countries)s: hãy ghi rõ tên quốc gia.")
            % {"value": text, "countries": _(" hoặc ").join(names)}
        )
    code = next(iter(codes), "") or countries.alpha2(text)
    if not code:
        raise ValueError(
            _("Không nhận ra quốc gia “%(value)s” (ghi tên tiếng Việt, tiếng Anh hoặc mã ISO).")
            % {"value": text}
        )
    return code


# Order -------------------------------------------------------------------------------------


def _sort_key(item) -> tuple:
    return vi_sort_key(item[1])


def use_vietnamese_order() -> None:
    """Make django-countries sort every country list (form selects, admin filters, the API's
    choices) in Vietnamese alphabetical order. Without a collation library it keeps only the
    ASCII letters of each name, which sorts "Đức" as "uc" (after "Úc").

    django-countries reads its module-level `sort_key` at every sort; this replaces it, once,
    when the app loads (`ForeignAffairsConfig.ready`)."""
    django_countries.sort_key = _sort_key
    if hasattr(countries, "_iter_cache"):
        del countries._iter_cache
