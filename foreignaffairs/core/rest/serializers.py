"""Serializers that validate writes as the admin does, and save them whole or not at all."""

import datetime
from collections.abc import Callable, Mapping
from contextlib import contextmanager

from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers
from rest_framework.settings import api_settings

from foreignaffairs.core import links
from foreignaffairs.core.integrity import constraint_message


def iso_date(value: datetime.date | None) -> str | None:
    """A date as DRF's DateField writes it (ISO 8601, the default DATE_FORMAT)."""
    return None if value is None else value.isoformat()


@contextmanager
def model_validation_as_400():
    """Turn the model's ValidationError (from `clean()` or a constraint) into a 400 whose
    errors are keyed by field, like the serializer's own. A constraint the database enforces
    after validation passed (two requests creating the same partner at once) is a 400 too,
    with the constraint's own message."""
    try:
        yield
    except DjangoValidationError as error:
        detail = serializers.as_serializer_error(error)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        raise serializers.ValidationError(detail) from error
    except IntegrityError as error:
        message = constraint_message(error) or _(
            "Dữ liệu trùng hoặc mâu thuẫn với một bản ghi đã có; không có gì được lưu."
        )
        raise serializers.ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [str(message)]}
        ) from error


def is_text_input(field, value) -> bool:
    """A text or choice field takes a JSON string (or null), and a list of choices a list of
    strings: DRF would turn `0` into "0" and drop an `{}` from a list of countries."""
    if isinstance(field, serializers.ListField) and isinstance(value, list):
        return all(is_text_input(field.child, item) for item in value)
    if isinstance(field, serializers.MultipleChoiceField) and isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    if isinstance(field, serializers.CharField | serializers.ChoiceField):
        return value is None or isinstance(value, str)
    return True


def is_boolean_input(field, value) -> bool:
    """A yes/no field takes a JSON true or false (or null where allowed): DRF would also read
    0, 1, "yes", "off"… which the schema does not offer."""
    if isinstance(field, serializers.BooleanField):
        return isinstance(value, bool) or (value is None and field.allow_null)
    return True


def wrong_json_type_message(field) -> str:
    if isinstance(field, serializers.BooleanField):
        return _("Cần giá trị true hoặc false.")
    return _("Cần một chuỗi ký tự (trong dấu ngoặc kép).")


class ValidatedModelSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """A ModelSerializer whose create and update run the model's `full_clean()`.

    Fields the serializer does not write are left out of the validation, as the admin leaves
    out the fields missing from its form; `clean()` and the constraints over the written
    fields always run. The record and its many-to-many links are saved in one transaction.
    """

    # A list page read as plain rows (RecordViewSet.list): the columns `values()` reads, and
    # `represent_rows()` turning a page of them into exactly what `to_representation()` gives
    # for the same records, without building the fields and model instances of every request.
    # Empty: the list serializes model instances.
    row_columns: tuple[str, ...] = ()
    # Many-to-many links listed in each row: the row's key → (a function giving the through
    # model's rows in the order listed, the column naming the record, the linked column).
    row_links: dict[str, tuple[Callable[[], QuerySet], str, str]] = {}

    @classmethod
    def rows(cls, queryset: QuerySet) -> QuerySet:
        """`queryset` as the plain rows `represent_rows()` reads. On PostgreSQL each row also
        holds its links (`row_links`) as arrays, so that a page or a whole export reads them in
        the same query; elsewhere `linked_ids()` reads them in one query per page or chunk."""
        if connections[queryset.db].vendor != "postgresql":
            return queryset.values(*cls.row_columns)
        arrays = {
            f"linked_{key}": ArraySubquery(
                links().filter(**{record: OuterRef("pk")}).values(linked)
            )
            for key, (links, record, linked) in cls.row_links.items()
        }
        return queryset.annotate(**arrays).values(*cls.row_columns, *arrays)

    @classmethod
    def linked_ids(cls, rows: list[dict], key: str) -> list[list]:
        """Each row's links under `key` (`row_links`), in the order of `rows`."""
        if not rows or f"linked_{key}" in rows[0]:
            return [row[f"linked_{key}"] for row in rows]
        links, record, linked = cls.row_links[key]
        pairs = links().filter(**{f"{record}__in": [row["id"] for row in rows]})
        by_record: dict[int, list] = {}
        for record_id, linked_id in pairs.values_list(record, linked):
            by_record.setdefault(record_id, []).append(linked_id)
        return [by_record.get(row["id"], []) for row in rows]

    @classmethod
    def represent_rows(cls, rows: list[dict]) -> list[dict]:
        raise NotImplementedError

    def to_internal_value(self, data):
        # DRF reads any iterable as the list of a many-to-many field, so `"partners": {}` would
        # silently clear the links: anything but a list is refused.
        if isinstance(data, Mapping):
            for name, field in self.fields.items():
                if (
                    isinstance(field, serializers.ManyRelatedField)
                    and not field.read_only
                    and name in data
                    and not isinstance(data[name], list)
                ):
                    message = field.error_messages["not_a_list"].format(
                        input_type=type(data[name]).__name__
                    )
                    raise serializers.ValidationError({name: [message]})
            errors = {
                name: [wrong_json_type_message(field)]
                for name, field in self.fields.items()
                if not field.read_only
                and name in data
                and not (is_text_input(field, data[name]) and is_boolean_input(field, data[name]))
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

    def create(self, validated_data):
        many_to_many = self.pop_many_to_many(validated_data)
        instance = self.Meta.model(**validated_data)
        return self.save_instance(instance, many_to_many)

    def update(self, instance, validated_data):
        many_to_many = self.pop_many_to_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self.save_instance(instance, many_to_many)

    def pop_many_to_many(self, validated_data: dict) -> dict:
        names = {field.name for field in self.Meta.model._meta.many_to_many}
        return {name: validated_data.pop(name) for name in list(validated_data) if name in names}

    def not_written_fields(self) -> list[str]:
        written = {field.source for field in self.fields.values() if not field.read_only}
        written.add("created_by")
        return [field.name for field in self.Meta.model._meta.fields if field.name not in written]

    def save_instance(self, instance, many_to_many: dict):
        with model_validation_as_400(), transaction.atomic():
            instance.full_clean(exclude=self.not_written_fields())
            instance.save()
            for name, values in many_to_many.items():
                getattr(instance, name).set(values)
            links.keep_links(instance)  # the version just saved holds its links
        return instance
