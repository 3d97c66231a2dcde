"""The base of every domain resource (django-import-export): all or nothing, natural keys,
history kept for bulk writes, headers in Vietnamese or English.

- columns are named by the field's verbose name ("Tên đoàn", "Ngày bắt đầu"); on import a
  header may also be the English label or the field code, compared ignoring case and
  diacritics;
- `DomainResource`: any invalid row rolls the whole file back, and every row's problems are
  reported; natural keys (`NaturalKeyLoader`) so re-importing a file does not duplicate;
  history kept for bulk writes; `created_by` set to the importing user.
"""

from collections.abc import Iterator

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from foreignaffairs.core import links, stats_cache
from foreignaffairs.core.origins import Origin, check_origin
from foreignaffairs.core.spreadsheets.cells import formula_safe
from foreignaffairs.core.spreadsheets.feedback import ChangesDiff, ImportProblem, ImportResult
from foreignaffairs.core.spreadsheets.locks import hold_import_lock
from foreignaffairs.core.spreadsheets.matching import NaturalKeyLoader, key_part
from foreignaffairs.core.spreadsheets.widgets import (
    CountryWidget,
    TextWidget,
    all_languages,
    is_blank,
    widget_for,
)
from foreignaffairs.core.text import fold


def column_label(model, name: str):
    """The column header of a model field: its verbose name, capitalised, translated."""
    return capfirst(model._meta.get_field(name).verbose_name)


def model_column(model, name: str, widget) -> Field:
    """A column for a model field read and written by `widget` (one of the app's own, e.g.
    a related record found by name), headed like every other column."""
    return Field(
        attribute=name,
        column_name=column_label(model, name),
        widget=widget,
        default=model._meta.get_field(name).default,
    )


# The resource base -------------------------------------------------------------------------

# Spreadsheets number the header row 1, so the first data row is row 2.
HEADER_ROWS = 1


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
        # import-export's defaults, stated: the preview compares each record before and after.
        skip_diff = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Headers in the language of this request, as plain text: rows are dicts keyed by
        # header, looked up for every cell.
        for resource_field in self.fields.values():
            resource_field.column_name = str(resource_field.column_name)
        self.seen_keys: dict[tuple, int] = {}
        self.row_offset = 0  # rows of earlier chunks, so messages give the file's row number
        # The position in the file of each row left after blank rows are dropped.
        self.kept_rows: list[int] = []
        self.user = None
        # The former province whose spreadsheet this is (`origin=` when importing): every row
        # gets it, and no row may say otherwise.
        self.file_origin = check_origin(kwargs.get("origin") or None)

    @classmethod
    def get_diff_class(cls):
        return ChangesDiff

    @classmethod
    def get_result_class(cls):
        return ImportResult

    @classmethod
    def get_error_result_class(cls):
        return ImportProblem

    def spreadsheet_row(self, row_number: int) -> int:
        """The row number a spreadsheet shows for the `row_number`-th row imported (from 1)."""
        position = (
            self.kept_rows[row_number - 1] if row_number <= len(self.kept_rows) else row_number
        )
        return HEADER_ROWS + self.row_offset + position

    # Columns -------------------------------------------------------------------------------

    @classmethod
    def has_model_field(cls, name: str) -> bool:
        return name in {f.name for f in cls._meta.model._meta.get_fields()}

    @classmethod
    def label_of(cls, name: str):
        """The column header of a model field: its verbose name, capitalised, translated."""
        return column_label(cls._meta.model, name)

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        return Field(
            attribute=field_name,
            column_name=cls.label_of(field_name),
            widget=widget_for(django_field),
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
        self.kept_rows = [
            position
            for position, values in enumerate(dataset, start=1)
            if not all(is_blank(value) for value in values)
        ]
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

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """An empty cell leaves an existing record's value alone: a file that lists only
        some columns' values, or a cell left empty, never erases what is stored."""
        if instance.pk is not None and is_blank(row.get(field.column_name)):
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original is not None and original.pk is not None:
            # Many-to-many cells left empty keep the links (import_field): not a change.
            row = {
                column: value
                for column, value in row.items()
                if not is_blank(value)
                or not any(
                    f.column_name == column and isinstance(f.widget, widgets.ManyToManyWidget)
                    for f in self.fields.values()
                )
            }
        return super().skip_row(instance, original, row, import_validation_errors)

    def import_instance(self, instance, row, **kwargs):
        """Set the fields, and collect every problem of the row (many-to-many cells and a
        repeated natural key included) as one validation error."""
        errors = {}
        existing_origin = getattr(instance, "origin", None) if instance.pk else None
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.file_origin and self.has_model_field("origin"):
            self.apply_file_origin(instance, row, existing_origin, errors)
        for name, resource_field in self.fields.items():
            is_many = isinstance(resource_field.widget, widgets.ManyToManyWidget)
            if is_many and resource_field.column_name in row:
                try:
                    resource_field.clean(row)
                except ValueError as error:
                    errors[name] = [ValidationError(str(error))]
        row_number = self.spreadsheet_row(kwargs.get("row_number", 0))
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

    def apply_file_origin(self, instance, row, existing_origin, errors: dict) -> None:
        """The whole file is `file_origin`'s: a row saying another origin is refused, and so is
        a row matching a record of another origin (a former province's file never rewrites
        another's records; partners share instead, see PartnerLocalityResource)."""
        labels = dict(Origin.choices)
        column = self.fields["origin"].column_name if "origin" in self.fields else None
        if column in row and not is_blank(row[column]) and instance.origin != self.file_origin:
            errors.setdefault("origin", []).append(
                ValidationError(
                    _("Tệp đang nhập là của %(file)s, dòng này ghi đơn vị gốc khác.")
                    % {"file": labels[self.file_origin]}
                )
            )
        elif existing_origin and existing_origin != self.file_origin:
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                ValidationError(
                    _(
                        "Trùng với một bản ghi đã có của %(origin)s: tệp của %(file)s không sửa "
                        "bản ghi của đơn vị gốc khác."
                    )
                    % {"origin": labels[existing_origin], "file": labels[self.file_origin]}
                )
            )
        instance.origin = self.file_origin

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
        # Bulk writes skip Model.save(): normalise (DomainQuerySet does it too) and stamp here
        # so both paths agree.
        instance.normalize_text()
        if instance.pk is None and self.user is not None and self.user.is_authenticated:
            instance.created_by = self.user
        if instance.pk is not None:
            instance.updated_at = timezone.now()
        if self.user is not None:
            instance._history_user = self.user

    def save_m2m(self, instance, row, **kwargs):
        # Rows saved one by one (not in bulk): the version just saved holds its links.
        super().save_m2m(instance, row, **kwargs)
        if not (self._meta.use_bulk or self._is_dry_run(kwargs)):
            links.keep_links(instance)

    # Whole files ---------------------------------------------------------------------------

    # Whether `import_data` says the data changed; `import_file` says it once per file.
    announces_changes = True

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """All or nothing: any invalid row rolls back the whole file (import-export only does
        this for exceptions unless asked)."""
        kwargs.setdefault("rollback_on_validation_errors", True)
        kwargs.setdefault("use_transactions", True)
        try:
            with transaction.atomic(using=self.get_db_connection_name()):
                if not dry_run:
                    hold_import_lock(self._meta.model, using=self.get_db_connection_name())
                result = super().import_data(
                    dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs
                )
        except DatabaseError as error:
            if raise_errors:
                raise
            result = self.get_result_class()()
            result.append_base_error(ImportProblem(error))
            return result
        self.number_rows_as_the_spreadsheet(result)
        written = not (dry_run or result.has_errors() or result.has_validation_errors())
        if written and self.announces_changes:
            self.data_changed()
        return result

    def number_rows_as_the_spreadsheet(self, result) -> None:
        """Row numbers in messages as the spreadsheet shows them (the header is row 1)."""
        for invalid in result.invalid_rows:
            invalid.number = self.spreadsheet_row(invalid.number)
        for error_row in result.error_rows:
            error_row.number = self.spreadsheet_row(error_row.number)
            for error in error_row.errors:
                error.number = error_row.number

    def after_import(self, dataset, result, **kwargs):
        """Nothing: import-export's ModelResource resets the table's id sequence here, which
        under concurrent writes leaves it below the highest id (every later insert fails)."""

    def data_changed(self):
        """Bulk writes call no record's save(): forget the cached figures (see stats_cache)."""
        stats_cache.data_changed()

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset=queryset, **kwargs)
        dataset.title = self.sheet_title()
        return dataset

    def sheet_title(self) -> str:
        return capfirst(self._meta.model._meta.verbose_name_plural)

    def export_rows(self, queryset, export_fields=None, **kwargs) -> Iterator[list]:
        """The rows `export()` would put in its dataset, one at a time (a streamed file):
        read in chunks, through the same hooks and fields."""
        self.before_export(queryset, **kwargs)
        queryset = self.filter_export(queryset, **kwargs)
        for record in self.iter_queryset(queryset):
            yield self.export_resource(record, selected_fields=export_fields, **kwargs)

    def export_field(self, field, instance, **kwargs):
        # Every text cell, whichever widget wrote it (names of partners, choice labels, …).
        value = super().export_field(field, instance, **kwargs)
        return formula_safe(value) if isinstance(value, str) else value

    def get_bulk_update_fields(self):
        # Model field names only, and the modification time, which bulk_update would not
        # touch (the stored text computed from these fields is added by DomainQuerySet).
        return [
            name
            for name, resource_field in self.fields.items()
            if not isinstance(resource_field.widget, widgets.ManyToManyWidget)
        ] + ["updated_at"]

    def bulk_create(
        self, using_transactions, dry_run, raise_errors, batch_size=None, result=None
    ) -> bool:
        """import-export's bulk mode calls plain bulk_create, which writes no history; this
        writes the records and their history rows in bulk (simple-history). Returns whether
        they were written."""
        if not (self.create_instances and (using_transactions or not dry_run)):
            return False
        return self.bulk_write(
            result,
            raise_errors,
            lambda: bulk_create_with_history(
                self.create_instances,
                self._meta.model,
                batch_size=batch_size,
                default_user=self.history_user(),
            ),
            self.create_instances,
        )

    def bulk_update(
        self, using_transactions, dry_run, raise_errors, batch_size=None, result=None
    ) -> bool:
        if not (self.update_instances and (using_transactions or not dry_run)):
            return False
        return self.bulk_write(
            result,
            raise_errors,
            lambda: bulk_update_with_history(
                self.update_instances,
                self._meta.model,
                self.get_bulk_update_fields(),
                batch_size=batch_size,
                default_user=self.history_user(),
            ),
            self.update_instances,
        )

    def bulk_write(self, result, raise_errors, write, instances: list) -> bool:
        """Run `write` in a savepoint: a batch the database refuses (a record someone else
        stored meanwhile breaks a unique key) becomes the file's error, in words
        (ImportProblem), and the file's transaction stays usable to report it."""
        try:
            with transaction.atomic(using=self.get_db_connection_name()):
                write()
            return True
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
            return False
        finally:
            instances.clear()

    def history_user(self):
        return self.user if self.user is not None and self.user.is_authenticated else None

    @classmethod
    def get_display_name(cls):
        return str(capfirst(cls._meta.model._meta.verbose_name_plural))
