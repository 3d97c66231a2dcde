"""Spreadsheet cells that name partner localities, for the resources of the apps that refer to
them (a delegation's partner, an agreement's partners)."""

import re

from django.utils.translation import gettext as _
from import_export import widgets

from foreignaffairs.core.countries import country_code, country_name
from foreignaffairs.core.spreadsheets.widgets import ManyLookupWidget, is_blank
from foreignaffairs.core.text import fold, nfc
from partners.models import PartnerLocality


def find_partner(name: str, country: str | None) -> PartnerLocality:
    """The partner locality called `name` (folded) in `country`; ValueError if none or, with
    no country given, if several countries have one."""
    matches = PartnerLocality.objects.filter(name_key=fold(name))
    if country:
        matches = matches.filter(country=country)
    found = list(matches[:2])
    if not found:
        where = f" ({country_name(country)})" if country else ""
        raise ValueError(
            _(
                "Không tìm thấy địa phương đối tác “%(name)s”%(where)s. Hãy nhập địa phương "
                "đối tác trước, hoặc kiểm tra lại tên và quốc gia."
            )
            % {"name": name, "where": where}
        )
    if len(found) > 1:
        raise ValueError(
            _("Có nhiều địa phương đối tác tên “%(name)s”; hãy ghi kèm quốc gia.") % {"name": name}
        )
    return found[0]


# import-export's ForeignKeyWidget would answer "PartnerLocality matching query does not
# exist"; find_partner says, in Vietnamese, which name in which country was not found.
class PartnerWidget(widgets.ForeignKeyWidget):
    """A partner locality by name, within the row's country when the row names one.

    Names are compared folded (`PartnerLocality.name_key`), so "yangon" finds "Yangon".
    `country_column` is the header of the row's country column (text or a lazy label).
    """

    def __init__(self, country_column=None, **kwargs):
        super().__init__(PartnerLocality, field="name_key", **kwargs)
        self.country_column = country_column

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        return find_partner(nfc(str(value)).strip(), self.country_of(row or {}))

    def country_of(self, row: dict) -> str | None:
        """The ISO code of the row's country, if it names one that can be read."""
        if self.country_column is None:
            return None
        value = row.get(str(self.country_column))
        if is_blank(value):
            return None
        try:
            return country_code(value)
        except ValueError:
            return None  # the country column reports its own error

    def render(self, value, obj=None, **kwargs):
        return value.name if value is not None else ""


class PartnerListWidget(ManyLookupWidget):
    """Partner localities written "Yangon (Myanmar); Osaka (Nhật Bản)" (country optional)."""

    ITEM = re.compile(r"^(?P<name>.*?)\s*\((?P<country>[^()]*)\)\s*$")

    def __init__(self, **kwargs):
        super().__init__(PartnerLocality, **kwargs)

    def find(self, text):
        match = self.ITEM.match(text)
        if match:
            try:
                return find_partner(match["name"], country_code(match["country"]))
            except ValueError:
                pass  # the parentheses may be part of the name itself
        return find_partner(text, None)

    def label(self, record):
        return f"{record.name} ({record.country.name})"
