"""Excel and CSV import/export of the department's records (django-import-export).

One shared home for what every app's `resources.py` needs:

- columns are named by the field's verbose name ("Tên đoàn", "Ngày bắt đầu"); on import a
  header may also be the English label or the field code, compared ignoring case and
  diacritics;
- widgets that read what staff type in a spreadsheet: dates as dd/mm/yyyy or real Excel date
  cells, countries by Vietnamese name, English name or ISO code, choices by label or code,
  partner localities by name within the row's country; text is stored in NFC;
- `DomainResource`: all or nothing (any invalid row rolls the whole file back, and every row's
  problems are reported), natural keys so re-importing a file does not duplicate, history kept
  for bulk writes, `created_by` set to the importing user;
- `import_file()`: the large-file path (streamed in chunks, bounded memory, progress), used by
  the `import_excel` command and the benchmark;
- `template_workbook()`: the downloadable XLSX template per model.
"""

import csv
import datetime
import functools
import io
import re
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import CountryField
from import_export import resources, widgets
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import from_excel
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from foreignaffairs.core import stats_cache
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
# Names staff commonly use that differ from django-countries' Vietnamese and English names.
COUNTRY_ALIASES = {
    "Hoa Kỳ": "US",
    "Mỹ": "US",
    "USA": "US",
    "Anh": "GB",
    "UK": "GB",
    "Triều Tiên": "KP",
    "Cộng hòa Séc": "CZ",
    "Chi-lê": "CL",
}
# A cell starting with one of these is a formula to Excel (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@")
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


# Countries ---------------------------------------------------------------------------------


def _country_key(name: str) -> str:
    """'Ai-xơ-len', 'ai xo len', 'AIXOLEN' -> 'aixolen'."""
    return re.sub(r"[\s\-.'’]", "", fold(name))


@functools.cache
def _country_index() -> dict[str, str]:
    index = {}
    for language in LABEL_LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                index.setdefault(_country_key(name), code)
    for alias, code in COUNTRY_ALIASES.items():
        index.setdefault(_country_key(alias), code)
    return index


def country_code(value) -> str:
    """The ISO code for a country written as a code (VN, VNM), or a Vietnamese or English
    name, ignoring case and diacritics. Raises ValueError with a message for staff."""
    text = nfc(str(value)).strip()
    code = countries.alpha2(text) if len(text) <= 3 else ""
    code = code or _country_index().get(_country_key(text), "")
    if not code:
        raise ValueError(
            _("Không nhận ra quốc gia “%(value)s” (ghi tên tiếng Việt, tiếng Anh hoặc mã ISO).")
            % {"value": text}
        )
    return code


# Widgets -----------------------------------------------------------------------------------


class TextWidget(widgets.CharWidget):
    """Text in Unicode NFC, trimmed: what a Mac, a Windows keyboard or a PDF copy produced.

    Exported text that a spreadsheet would run as a formula ("=HYPERLINK(...)" typed into a
    record) gets a leading apostrophe, which import removes again.
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

    def render(self, value, obj=None, **kwargs):
        text = super().render(value, **kwargs)
        if isinstance(text, str) and text[:1] in FORMULA_STARTS:
            return "'" + text
        return text


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


class BooleanWidget(widgets.Widget):
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


class LookupWidget(widgets.ForeignKeyWidget):
    """A related record named in a cell. `find(text, row)` returns the record or raises
    ValueError; subclasses say how the name is matched."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        return self.find(nfc(str(value)).strip(), row or {})

    def find(self, text: str, row: dict):
        raise NotImplementedError

    def render(self, value, obj=None, **kwargs):
        return self.label(value) if value is not None else ""

    def label(self, record) -> str:
        return str(record)


class PartnerWidget(LookupWidget):
    """A partner locality by name, within the row's country when the row names one.

    Names are compared folded (`PartnerLocality.name_key`), so "yangon" finds "Yangon".
    """

    def __init__(self, country_column=None, **kwargs):
        from partners.models import PartnerLocality

        super().__init__(PartnerLocality, field="name_key", **kwargs)
        self.country_column = country_column

    def find(self, text, row):
        country = None
        column = str(self.country_column) if self.country_column is not None else None
        if column is not None and not is_blank(row.get(column)):
            try:
                country = country_code(row[column])
            except ValueError:
                country = None  # the country column reports its own error
        return find_partner(text, country)

    def label(self, record):
        return record.name


def find_partner(name: str, country: str | None):
    """The partner locality called `name` (folded) in `country`; ValueError if none or, with
    no country given, if several countries have one."""
    from partners.models import PartnerLocality

    matches = PartnerLocality.objects.filter(name_key=fold(name))
    if country:
        matches = matches.filter(country=country)
    found = list(matches[:2])
    if not found:
        where = f" ({dict(countries).get(country, country)})" if country else ""
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


class ManyLookupWidget(widgets.ManyToManyWidget):
    """Several related records in one cell, separated by ';'; each must be found."""

    def clean(self, value, row=None, **kwargs):
        return [self.find(part) for part in split_list(nfc(str(value)) if value else "")]

    def find(self, text: str):
        raise NotImplementedError

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{LIST_SEPARATOR} ".join(self.label(record) for record in value.all())

    def label(self, record) -> str:
        return str(record)


class PartnerListWidget(ManyLookupWidget):
    """Partner localities written "Yangon (Myanmar); Osaka (Nhật Bản)" (country optional)."""

    ITEM = re.compile(r"^(?P<name>.*?)\s*\((?P<country>[^()]*)\)\s*$")

    def __init__(self, **kwargs):
        from partners.models import PartnerLocality

        super().__init__(PartnerLocality, separator=LIST_SEPARATOR, **kwargs)

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


class ReferenceListWidget(ManyLookupWidget):
    """Entries of a small reference table (e.g. cooperation fields) by name or code."""

    def __init__(self, model, **kwargs):
        super().__init__(model, separator=LIST_SEPARATOR, **kwargs)
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


def widget_for(django_field, resource_class):
    """The spreadsheet widget for a model field."""
    if isinstance(django_field, CountryField):
        return CountryWidget(multiple=django_field.multiple)
    if django_field.choices:
        return ChoiceWidget(django_field.choices)
    if isinstance(django_field, models.ForeignKey):
        country = (
            resource_class.label_of("country")
            if resource_class.has_model_field("country")
            else None
        )
        return PartnerWidget(country_column=country)
    if isinstance(django_field, models.ManyToManyField):
        from partners.models import PartnerLocality

        if django_field.related_model is PartnerLocality:
            return PartnerListWidget()
        return ReferenceListWidget(django_field.related_model)
    if isinstance(django_field, models.DateField):
        return DateWidget()
    if isinstance(django_field, models.BooleanField):
        return BooleanWidget()
    if isinstance(django_field, models.IntegerField):
        return NumberWidget(integer=True)
    if isinstance(django_field, models.DecimalField):
        return NumberWidget(integer=False)
    return TextWidget(allow_blank=django_field.blank)


# Matching rows to records ------------------------------------------------------------------


def key_part(value, is_text: bool):
    """One part of a natural key, compared the way staff think: free text ignoring case,
    diacritics and spacing; codes, dates and countries exactly."""
    if hasattr(value, "code"):  # a django-countries Country
        return value.code
    if is_text and isinstance(value, str):
        return fold(value)
    return value


class NaturalKeyLoader(BaseInstanceLoader):
    """Finds the existing record of each row by the resource's natural key.

    One query per dataset (chunk): records sharing the key's exact parts (dates, codes) are
    loaded, then matched on the folded text parts in Python.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.index = None

    def build_index(self):
        resource = self.resource
        keys = []
        for values in self.dataset or []:
            key = resource.natural_key_of_row(dict(zip(self.dataset.headers, values, strict=True)))
            if key is not None:
                keys.append(key)
        self.index = {}
        if not keys:
            return
        queryset = resource.get_queryset()
        names = resource.get_import_id_fields()
        for position, name in enumerate(names):
            if resource.is_text_field(name):
                continue
            values = {key[position] for key in keys}
            condition = models.Q(**{f"{name}__in": values - {None}})
            if None in values:
                condition |= models.Q(**{f"{name}__isnull": True})
            queryset = queryset.filter(condition)
        # The candidates' key columns only, then the whole records of the rows' matches: in a
        # large table a chunk's dates alone match hundreds of thousands of records (at a
        # million delegations, loading them whole took 600 MB and most of the import's time).
        text = [resource.is_text_field(name) for name in names]
        candidates = {}
        for pk, *values in queryset.values_list("pk", *names):
            key = tuple(key_part(v, t) for v, t in zip(values, text, strict=True))
            candidates.setdefault(key, pk)
        matched = {key: candidates[key] for key in keys if key in candidates}
        records = resource.get_queryset().in_bulk(set(matched.values()))
        self.index = {key: records[pk] for key, pk in matched.items()}

    def get_instance(self, row):
        if self.index is None:
            self.build_index()
        key = self.resource.natural_key_of_row(row)
        return self.index.get(key) if key is not None else None


# The resource base -------------------------------------------------------------------------


class DomainResource(resources.ModelResource):
    """Base of every import/export resource of the department's records.

    Subclasses set `Meta.model`, `Meta.fields` (the columns, in order), and
    `Meta.import_id_fields` (the natural key; see README "Excel"), and `example` (one row
    for the template, by field name).
    """

    example: dict = {}

    class Meta:
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        instance_loader_class = NaturalKeyLoader
        batch_size = 500

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Headers in the language of this request, as plain text: rows are dicts keyed by
        # header, looked up for every cell.
        for resource_field in self.fields.values():
            resource_field.column_name = str(resource_field.column_name)
            if getattr(resource_field.widget, "country_column", None) is not None:
                resource_field.widget.country_column = str(resource_field.widget.country_column)
        self.seen_keys: dict[tuple, int] = {}
        self.row_offset = 0  # rows of earlier chunks, so messages give the file's row number
        self.user = None

    # Columns -------------------------------------------------------------------------------

    @classmethod
    def has_model_field(cls, name: str) -> bool:
        return name in {f.name for f in cls._meta.model._meta.get_fields()}

    @classmethod
    def label_of(cls, name: str):
        """The column header of a model field: its verbose name, capitalised, translated."""
        return capfirst(cls._meta.model._meta.get_field(name).verbose_name)

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        return Field(
            attribute=field_name,
            column_name=cls.label_of(field_name),
            widget=widget_for(django_field, cls),
            readonly=readonly,
            default=django_field.default,
        )

    def header_aliases(self) -> dict[str, str]:
        """Folded header as staff may write it -> the column name in the current language."""
        aliases = {}
        for name, resource_field in self.fields.items():
            column = str(resource_field.column_name)
            for text in {name, column, *all_languages(self.label_of(name))}:
                aliases[fold(text)] = column
        return aliases

    def before_import(self, dataset, **kwargs):
        """Rename Vietnamese, English or code headers to the columns; drop blank rows; refuse
        unknown or missing key columns with a message naming them."""
        self.user = kwargs.get("user")
        aliases = self.header_aliases()
        headers, unknown = [], []
        for position, header in enumerate(dataset.headers or []):
            if is_blank(header):
                headers.append(f"_blank_{position}")
                continue
            column = aliases.get(fold(str(header)))
            if column is None:
                unknown.append(str(header))
                column = str(header)
            headers.append(column)
        if dataset.headers:
            dataset.headers = headers
        for position in reversed(range(len(dataset))):
            if all(is_blank(value) for value in dataset[position]):
                del dataset[position]
        missing = [
            str(self.fields[name].column_name)
            for name in self.get_import_id_fields()
            if str(self.fields[name].column_name) not in headers
        ]
        problems = []
        if unknown:
            problems.append(_("Không nhận ra cột: %(columns)s.") % {"columns": ", ".join(unknown)})
        if missing:
            problems.append(_("Thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)})
        if problems:
            expected = ", ".join(str(f.column_name) for f in self.fields.values())
            raise ValueError(
                " ".join(problems)
                + " "
                + _("Các cột dùng được: %(columns)s.") % {"columns": expected}
            )

    # Natural keys --------------------------------------------------------------------------

    def is_text_field(self, name: str) -> bool:
        return isinstance(self.fields[name].widget, TextWidget)

    def natural_key_of_row(self, row: dict) -> tuple | None:
        key = []
        for name in self.get_import_id_fields():
            resource_field = self.fields[name]
            if resource_field.column_name not in row:
                return None
            try:
                key.append(key_part(resource_field.clean(row), self.is_text_field(name)))
            except (ValueError, ValidationError):
                return None
        return tuple(key)

    def natural_key_of_instance(self, instance) -> tuple:
        return tuple(
            key_part(getattr(instance, name), self.is_text_field(name))
            for name in self.get_import_id_fields()
        )

    # Rows ----------------------------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        """Set the fields, and collect every problem of the row (many-to-many cells and a
        repeated natural key included) as one validation error."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, resource_field in self.fields.items():
            is_many = isinstance(resource_field.widget, widgets.ManyToManyWidget)
            if is_many and resource_field.column_name in row:
                try:
                    resource_field.clean(row)
                except ValueError as error:
                    errors[name] = [ValidationError(str(error))]
        row_number = self.row_offset + kwargs.get("row_number", 0)
        key_is_valid = not set(errors) & set(self.get_import_id_fields())
        first = row_number
        if key_is_valid:
            first = self.seen_keys.setdefault(self.natural_key_of_instance(instance), row_number)
        if first != row_number:
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                ValidationError(
                    _("Trùng với dòng %(row)s của tệp (cùng %(key)s).")
                    % {
                        "row": first,
                        "key": ", ".join(
                            str(self.fields[name].column_name)
                            for name in self.get_import_id_fields()
                        ),
                    }
                )
            )
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own validation (`full_clean`), with errors named by column header.

        Skipped, for speed on large files: the country fields (a CountryWidget only yields
        valid codes, and django-countries would translate every country name for each row) and
        the database constraints' own queries (each model's `clean()` states every constraint
        with a message for staff; the constraints stay as the backstop, and a violation then
        rolls the whole file back).
        """
        errors = {
            name: list(messages) for name, messages in (import_validation_errors or {}).items()
        }
        if self._meta.clean_model_instances:
            prevalidated = {
                name for name, f in self.fields.items() if isinstance(f.widget, CountryWidget)
            }
            try:
                instance.full_clean(
                    exclude=set(errors) | prevalidated,
                    validate_unique=validate_unique,
                    validate_constraints=False,
                )
            except ValidationError as error:
                model_errors = error.update_error_dict({})
                # A cell that could not be read says so once, not again from clean().
                errors = {**model_errors, **errors}
        if errors:
            raise ValidationError(
                {self.error_label(name): messages for name, messages in errors.items()}
            )

    def error_label(self, name: str) -> str:
        if name in self.fields:
            return str(self.fields[name].column_name)
        if name != NON_FIELD_ERRORS and self.has_model_field(name):
            return str(self.label_of(name))
        return name

    def before_save_instance(self, instance, row, **kwargs):
        # Bulk writes skip Model.save(): normalise and stamp here so both paths agree.
        instance.normalize_text()
        if instance.pk is None and self.user is not None and self.user.is_authenticated:
            instance.created_by = self.user
        if instance.pk is not None:
            instance.updated_at = timezone.now()
        if self.user is not None:
            instance._history_user = self.user

    # Whole files ---------------------------------------------------------------------------

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """All or nothing: any invalid row rolls back the whole file (import-export only does
        this for exceptions unless asked)."""
        kwargs.setdefault("rollback_on_validation_errors", True)
        kwargs.setdefault("use_transactions", True)
        result = super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)
        if not dry_run:
            # Bulk writes send no model signals: forget the cached figures (see stats_cache).
            stats_cache.data_changed()
        return result

    def get_bulk_update_fields(self):
        # Model field names only, and the modification time bulk_update would not touch.
        return [
            name
            for name, resource_field in self.fields.items()
            if not isinstance(resource_field.widget, widgets.ManyToManyWidget)
        ] + ["updated_at"]

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """import-export's bulk mode calls plain bulk_create, which writes no history; this
        writes the records and their history rows in bulk (simple-history)."""
        if self.create_instances and (using_transactions or not dry_run):
            try:
                bulk_create_with_history(
                    self.create_instances,
                    self._meta.model,
                    batch_size=batch_size,
                    default_user=self.history_user(),
                )
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                bulk_update_with_history(
                    self.update_instances,
                    self._meta.model,
                    self.get_bulk_update_fields(),
                    batch_size=batch_size,
                    default_user=self.history_user(),
                )
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()

    def history_user(self):
        return self.user if self.user is not None and self.user.is_authenticated else None

    @classmethod
    def get_display_name(cls):
        return str(capfirst(cls._meta.model._meta.verbose_name_plural))


# The large-file path -----------------------------------------------------------------------

CHUNK_ROWS = 1000


def read_rows(path: Path) -> Iterator[list]:
    """The rows of an XLSX (first sheet) or CSV file, streamed: header first."""
    if path.suffix.lower() == ".xlsx":
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            for values in workbook.active.iter_rows(values_only=True):
                yield list(values)
        finally:
            workbook.close()
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
    else:
        raise ValueError(_("Chỉ nhập được tệp .xlsx hoặc .csv."))


def chunks(rows: Iterable[list], size: int) -> Iterator[list[list]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class ImportSummary:
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    # (row number in the file's data, message) for every problem found.
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def row_messages(result, offset: int) -> list[tuple[int, str]]:
    """Every problem of an import-export result, as (data row number, message)."""
    problems = [(0, str(error.error)) for error in result.base_errors]
    for number, errors in result.row_errors():
        problems.extend((offset + number, str(error.error)) for error in errors)
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            prefix = "" if column == NON_FIELD_ERRORS else f"{column}: "
            problems.extend((offset + invalid.number, prefix + m) for m in messages)
    return problems


def large_file_variant(resource_class):
    """The same resource without the HTML diff the admin preview shows (memory, time)."""
    meta = type("Meta", (), {"skip_html_diff": True})
    return type(resource_class.__name__, (resource_class,), {"Meta": meta})


def import_file(
    resource_class,
    path,
    *,
    user=None,
    dry_run: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import a large XLSX/CSV file with bounded memory: streamed, `chunk_rows` at a time,
    bulk writes with history. All or nothing: every row is checked, and if any has a
    problem nothing is written and every problem is returned."""
    path = Path(path)
    resource = large_file_variant(resource_class)()
    summary = ImportSummary()
    rows = read_rows(path)
    headers = next(rows, None) or []
    with transaction.atomic():
        for chunk in chunks(rows, chunk_rows):
            dataset = tablib.Dataset(*chunk, headers=headers)
            resource.row_offset = summary.rows
            result = resource.import_data(dataset, dry_run=False, user=user)
            summary.errors.extend(row_messages(result, summary.rows))
            summary.new += result.totals["new"]
            summary.updated += result.totals["update"]
            summary.skipped += result.totals["skip"]
            summary.rows += len(dataset)
            if progress:
                progress(summary.rows)
            if result.base_errors and summary.rows == len(dataset):
                break  # wrong headers: every chunk would say the same
        if dry_run or summary.errors:
            transaction.set_rollback(True)
    return summary


def measure_import(resource_class, path, **kwargs) -> dict:
    """Import a file and report seconds and peak Python memory (tracemalloc), for the
    benchmark: `measure_import(DelegationResource, "10000.xlsx")`."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        summary = import_file(resource_class, path, **kwargs)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "rows": summary.rows,
        "new": summary.new,
        "errors": len(summary.errors),
        "seconds": round(time.perf_counter() - started, 2),
        "peak_mib": round(peak / 2**20, 1),
    }


def write_sample_delegations(path, rows: int) -> Path:
    """An XLSX of `rows` distinct, valid delegations with Vietnamese headers, for measuring
    `measure_import` (written streaming, so making it needs little memory either)."""
    from openpyxl import Workbook as StreamingWorkbook

    path = Path(path)
    workbook = StreamingWorkbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Chiều đoàn", "Tên đoàn", "Cấp đoàn", "Quốc gia", "Ngày bắt đầu", "Tình trạng"])
    first_day = datetime.date(2015, 1, 1)
    for number in range(rows):
        sheet.append(
            [
                "Đoàn vào" if number % 3 else "Đoàn ra",
                f"Đoàn khách số {number} thăm Thành phố Hồ Chí Minh",
                "Lãnh đạo địa phương" if number % 5 else "Bộ trưởng",
                ("Nhật Bản", "Hàn Quốc", "Lào", "Pháp", "Hoa Kỳ")[number % 5],
                first_day + datetime.timedelta(days=number % 3000),
                "Đã thực hiện",
            ]
        )
    workbook.save(path)
    return path


# Templates ---------------------------------------------------------------------------------


def example_cell(value):
    """A template example value as openpyxl accepts it (lazy labels become text)."""
    return str(value) if isinstance(value, Promise) else value


def template_workbook(resource_class) -> bytes:
    """An XLSX template: the columns, one example row, and a sheet of allowed values."""
    resource = resource_class()
    columns = [(name, resource.fields[name]) for name in resource.get_export_order()]
    workbook = Workbook()
    data = workbook.active
    data.title = _("Dữ liệu")
    data.append([str(f.column_name) for _name, f in columns])
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.append([example_cell(resource_class.example.get(name, "")) for name, _f in columns])
    for position, (name, _f) in enumerate(columns, start=1):
        if isinstance(resource_class.example.get(name), datetime.date):
            data.cell(row=2, column=position).number_format = "DD/MM/YYYY"
        data.column_dimensions[data.cell(row=1, column=position).column_letter].width = 22

    allowed = workbook.create_sheet(_("Giá trị hợp lệ"))
    allowed.append([_("Cột"), _("Giá trị"), _("Mã")])
    for cell in allowed[1]:
        cell.font = Font(bold=True)
    for _name, resource_field in columns:
        widget = resource_field.widget
        column = str(resource_field.column_name)
        if isinstance(widget, ChoiceWidget):
            for code, label in widget.choices:
                allowed.append([column, str(label), code])
        elif isinstance(widget, DateWidget):
            allowed.append([column, _("ngày/tháng/năm, ví dụ 25/12/2024, hoặc ô ngày của Excel")])
        elif isinstance(widget, BooleanWidget):
            allowed.append([column, _("Có"), ""])
            allowed.append([column, _("Không"), ""])
        elif isinstance(widget, ManyLookupWidget):
            allowed.append([column, _("nhiều giá trị cách nhau bởi dấu chấm phẩy (;)")])
    for code, name in countries:
        allowed.append([_("Quốc gia"), str(name), code])
    for letter in "ABC":
        allowed.column_dimensions[letter].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_HELP = gettext_lazy(
    "Tiêu đề cột ghi bằng tiếng Việt (như trong tệp mẫu), tiếng Anh hoặc mã trường. Ngày ghi "
    "ngày/tháng/năm; quốc gia ghi tên hoặc mã ISO; nhiều giá trị trong một ô cách nhau bởi "
    "dấu chấm phẩy. Nếu có dòng lỗi, không dòng nào được ghi."
)
