"""Cell widgets: read what staff type in a spreadsheet cell, and write a value back.

Dates as dd/mm/yyyy or real Excel date cells, countries by Vietnamese name, English name or
ISO code, choices by label or code, yes/no in Vietnamese, several values in one cell
separated by ";"; text is stored in NFC. Widgets that find records of a domain model live in
the app that owns the model (e.g. `partners.widgets`).
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries.fields import CountryField
from import_export import widgets
from openpyxl.utils.datetime import from_excel

from foreignaffairs.core.countries import country_code
from foreignaffairs.core.spreadsheets.cells import FORMULA_STARTS
from foreignaffairs.core.text import fold, nfc

# The languages whose labels a header or a choice may be written in.
LABEL_LANGUAGES = ("vi", "en")
# Separates several values in one cell (countries, partners, cooperation fields). Not a comma:
# English country names contain commas ("Korea, Republic of").
LIST_SEPARATOR = ";"
# Dates staff type: Vietnamese day-first forms, and ISO for files produced by other software.
DATE_INPUT_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
DATE_OUTPUT_FORMAT = "%d/%m/%Y"
# Excel stores dates as days since 1900; only numbers in this range are read as dates.
EXCEL_SERIAL_RANGE = (1, 2958465)
TRUE_WORDS = {"1", "true", "yes", "y", "x", "co", "dung"}  # folded: "có", "đúng"
FALSE_WORDS = {"0", "false", "no", "n", "khong", "sai"}  # folded: "không", "sai"


def all_languages(label) -> set[str]:
    """A lazily translated label in each language staff may write it in."""
    texts = set()
    for language in LABEL_LANGUAGES:
        with translation.override(language):
            texts.add(str(label))
    return texts


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def split_list(value) -> list[str]:
    """'Nhật Bản; Hàn Quốc' (or one per line) -> ['Nhật Bản', 'Hàn Quốc']."""
    if is_blank(value):
        return []
    parts = re.split(rf"[{LIST_SEPARATOR}\n]", str(value))
    return [part.strip() for part in parts if part.strip()]


# Widgets -----------------------------------------------------------------------------------


class TextWidget(widgets.CharWidget):
    """Text in Unicode NFC, trimmed: what a Mac, a Windows keyboard or a PDF copy produced.

    The leading apostrophe that export puts before text a spreadsheet would run as a formula
    (`DomainResource.export_field`, `cells.formula_safe`) is removed again on import.
    """

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # an Excel number cell holding a code, e.g. 2024
        value = super().clean(value, row, **kwargs)
        if not isinstance(value, str):
            return value
        value = nfc(value).strip()
        if value[:1] == "'" and value[1:2] in FORMULA_STARTS:
            value = value[1:]
        return value


# Not import-export's IntegerWidget/DecimalWidget: those accept no decimal comma and answer
# with a Python error message.
class NumberWidget(widgets.Widget):
    """Integers and decimals, with a Vietnamese message instead of a Python traceback."""

    def __init__(self, integer: bool):
        super().__init__(coerce_to_string=False)
        self.integer = integer

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        text = str(value).strip().replace(" ", "")
        if isinstance(value, str) and "," in text and "." not in text:
            text = text.replace(",", ".")  # Vietnamese decimal comma: 10,5
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(_("“%(value)s” không phải là số.") % {"value": value}) from None
        if self.integer:
            if number != number.to_integral_value():
                raise ValueError(_("“%(value)s” không phải số nguyên.") % {"value": value})
            return int(number)
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


# Not import-export's DateWidget: that one reads no Excel serial numbers and answers in English.
class DateWidget(widgets.Widget):
    """dd/mm/yyyy text or a real Excel date cell; exported as a date cell (XLSX) or
    dd/mm/yyyy (CSV)."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if (
            isinstance(value, int | float)
            and EXCEL_SERIAL_RANGE[0] <= value <= (EXCEL_SERIAL_RANGE[1])
        ):
            return from_excel(value).date()
        text = str(value).strip()
        for date_format in DATE_INPUT_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _(
                "“%(value)s” không phải ngày hợp lệ (ghi theo dạng ngày/tháng/năm, "
                "ví dụ 25/12/2024)."
            )
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if not isinstance(value, datetime.date):
            return ""
        if kwargs.get("force_native_type"):
            return value
        return value.strftime(DATE_OUTPUT_FORMAT)


class ChoiceWidget(widgets.Widget):
    """A choice written as its Vietnamese or English label or its code; exported as label."""

    def __init__(self, choices):
        super().__init__()
        self.choices = list(choices)
        self._lookup = None

    def lookup(self) -> dict[str, str]:
        if self._lookup is None:
            self._lookup = {}
            for code, label in self.choices:
                for text in {code, *all_languages(label)}:
                    self._lookup[fold(text)] = code
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        code = self.lookup().get(fold(str(value)))
        if code is None:
            allowed = "; ".join(str(label) for _code, label in self.choices)
            raise ValueError(
                _("“%(value)s” không phải giá trị hợp lệ. Chọn một trong: %(allowed)s.")
                % {"value": value, "allowed": allowed}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


# import-export's BooleanWidget reads any unknown word as "no" and writes 1/0; staff write
# Có/Không, and a typo must be reported.
class YesNoWidget(widgets.BooleanWidget):
    """Có/Không (also x, 1/0, yes/no, true/false); exported as Có/Không."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, bool):
            return value
        word = fold(str(value))
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("“%(value)s” không phải Có hoặc Không.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return _("Có") if value else _("Không")


class CountryWidget(widgets.Widget):
    """One country, or several separated by ';' (multiple=True); exported as names."""

    def __init__(self, multiple: bool = False):
        super().__init__()
        self.multiple = multiple

    def clean(self, value, row=None, **kwargs):
        if self.multiple:
            return [country_code(part) for part in split_list(value)]
        return "" if is_blank(value) else country_code(value)

    def render(self, value, obj=None, **kwargs):
        if self.multiple:
            return f"{LIST_SEPARATOR} ".join(str(country.name) for country in value or [])
        return str(value.name) if value else ""


# import-export's ManyToManyWidget looks values up with `__in` and silently drops those it
# does not find; here each name must be found, ignoring case and diacritics.
class ManyLookupWidget(widgets.ManyToManyWidget):
    """Several related records in one cell, separated by ';'; each must be found.
    Subclasses say how a name is matched (`find`) and written (`label`)."""

    def __init__(self, model, **kwargs):
        super().__init__(model, separator=LIST_SEPARATOR, **kwargs)

    def clean(self, value, row=None, **kwargs):
        return [self.find(part) for part in split_list(nfc(str(value)) if value else "")]

    def find(self, text: str):
        raise NotImplementedError

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(self.label(record) for record in value.all())

    def label(self, record) -> str:
        return str(record)


class ReferenceListWidget(ManyLookupWidget):
    """Entries of a small reference table (e.g. cooperation fields) by name or code."""

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        self._index = None

    def find(self, text):
        if self._index is None:
            self._index = {}
            for record in self.model.objects.all():
                for attribute in ("code", "name", "name_en"):
                    if getattr(record, attribute, ""):
                        self._index.setdefault(fold(str(getattr(record, attribute))), record)
        record = self._index.get(fold(text))
        if record is None:
            raise ValueError(
                _("Không có %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": text}
            )
        return record


def widget_for(django_field):
    """The spreadsheet widget for a model field.

    A foreign key has none here: how a related record is named in a cell is up to the app
    that owns its model, so a resource declares that column with the app's widget.
    """
    if isinstance(django_field, CountryField):
        return CountryWidget(multiple=django_field.multiple)
    if django_field.choices:
        return ChoiceWidget(django_field.choices)
    if isinstance(django_field, models.ForeignKey):
        raise ImproperlyConfigured(
            f"Declare the column {django_field.name!r} with a widget that finds "
            f"{django_field.related_model._meta.label} records by name."
        )
    if isinstance(django_field, models.ManyToManyField):
        return ReferenceListWidget(django_field.related_model)
    if isinstance(django_field, models.DateField):
        return DateWidget()
    if isinstance(django_field, models.BooleanField):
        return YesNoWidget()
    if isinstance(django_field, models.IntegerField):
        return NumberWidget(integer=True)
    if isinstance(django_field, models.DecimalField):
        return NumberWidget(integer=False)
    return TextWidget(allow_blank=django_field.blank)
