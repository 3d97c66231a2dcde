"""Continents in the five-continent convention of Vietnamese reporting.

Vietnamese reports speak of "5 châu lục": châu Á, châu Âu, châu Mỹ, châu Phi, châu Đại Dương.
The rule, by ISO 3166-1 alpha-2 code:

- Transcontinental countries count where Vietnam's foreign ministry handles them: Russia and
  the South Caucasus (Armenia, Azerbaijan, Georgia) in Europe, Cyprus (an EU member) in Europe,
  Turkey and Kazakhstan in Asia, Egypt in Africa.
- North, Central and South America and the Caribbean are one continent, châu Mỹ.
- Overseas territories go with the ocean they lie in: French Guiana in the Americas, Réunion in
  Africa, New Caledonia and Guam in Oceania, Christmas and Cocos Islands in Oceania.
- Antarctica and its uninhabited islands (AQ, BV, GS, HM, TF) have no continent here.
"""

from django.db import models
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    ASIA = "asia", _("châu Á")
    EUROPE = "europe", _("châu Âu")
    AMERICAS = "americas", _("châu Mỹ")
    AFRICA = "africa", _("châu Phi")
    OCEANIA = "oceania", _("châu Đại Dương")


_CODES = {
    Continent.ASIA: (
        "AE AF BD BH BN BT CN HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO "
        "MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"
    ),
    Continent.EUROPE: (
        "AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE "
        "IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK"
    ),
    Continent.AMERICAS: (
        "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY "
        "HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI"
    ),
    Continent.AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY "
        "MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA "
        "ZM ZW"
    ),
    Continent.OCEANIA: (
        "AS AU CC CK CX FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"
    ),
}

CONTINENT_BY_COUNTRY: dict[str, str] = {
    code: continent for continent, codes in _CODES.items() for code in codes.split()
}


def continent_of(country_code: str | None) -> str | None:
    """The continent code of an ISO alpha-2 country code, or None (Antarctica, unknown)."""
    if not country_code:
        return None
    return CONTINENT_BY_COUNTRY.get(str(country_code).upper())


def countries_in(continent: str) -> list[str]:
    return sorted(code for code, value in CONTINENT_BY_COUNTRY.items() if value == continent)


def continent_expression(country_field: str = "country") -> Case:
    """SQL that derives the continent from a country column, for filters and group-bys."""
    return Case(
        *(
            When(**{f"{country_field}__in": countries_in(continent)}, then=Value(continent.value))
            for continent in Continent
        ),
        default=Value(None),
        output_field=models.CharField(),
    )
