"""The abstract base of every record staff enter (partners, delegations, events, agreements)."""

import datetime
import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, router
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import daily_counts, natural_keys, search, stats_cache
from foreignaffairs.core.text import control_characters, fold, nfc

# Set while Django's bulk_update() runs its own update() (see DomainQuerySet.bulk_update).
_bulk_updating = threading.local()


def note_days_of(records: models.QuerySet) -> None:
    """Note the days of `records` after a write their own save() or delete() does not make:
    links to them added or moved, or their deletion with the record they cascade from (one
    query, and those of `note_linked_days` for `noted_with`; none for a model not noted)."""
    model = records.model
    if getattr(model, "counted_date_field", None):
        days = records.order_by().values_list(model.counted_date_field, flat=True).distinct()
        daily_counts.days_changed(model, days, using=records.db)
    noted_with = [model._meta.get_field(name) for name in getattr(model, "noted_with", ())]
    note_linked_days(noted_with, records.values("pk"), records.db)


def note_linked_days(relations, pks, using: str) -> None:
    """Note the days of the records that `relations` (reverse relations of one model) link to
    its records `pks`."""
    for relation in relations:
        records = relation.related_model._base_manager.using(using)
        note_days_of(records.filter(**{f"{relation.field.name}__in": pks}))


def note_cascaded_days(model, pks, using: str) -> None:
    """Deleting `model`'s records `pks` deletes the records that cascade from them: note
    their days."""
    cascading = [
        relation
        for relation in model._meta.related_objects
        if relation.on_delete is models.CASCADE and not relation.many_to_many
    ]
    note_linked_days(cascading, pks, using)


class DomainQuerySet(models.QuerySet):
    """The base of every domain model's QuerySet. Bulk writes skip `save()`: they normalise
    the text and compute the stored text (search text, folded natural key) here, so that no
    path (imports, demo data, benchmarks, tests) writes a record without its key; and for a
    counted model they note the days whose counts they change (`daily_counts`)."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.normalize_text()
        created = super().bulk_create(objs, *args, **kwargs)
        if kwargs.get("update_conflicts"):
            daily_counts.everything_changed([self.model], using=self.db)
        else:
            self._note_days(obj.counted_day() for obj in objs)
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.normalize_text()
        if objs:
            fields = [*fields, *objs[0].derived_fields(fields)]
        before = self._stored_days(self.filter(pk__in=[obj.pk for obj in objs]))
        _bulk_updating.active = True  # Django's bulk_update calls update(): noted here instead
        try:
            updated = super().bulk_update(objs, list(dict.fromkeys(fields)), *args, **kwargs)
        finally:
            _bulk_updating.active = False
        self._note_days([*before, *(obj.counted_day() for obj in objs)])
        return updated

    def update(self, **kwargs):
        if getattr(_bulk_updating, "active", False):
            return super().update(**kwargs)
        before = self._stored_days(self)
        updated = super().update(**kwargs)
        field = self.model.counted_date_field
        after = kwargs.get(field) if field else None
        if after is not None and not isinstance(after, datetime.date):
            daily_counts.everything_changed([self.model], using=self.db)  # an expression
            after = None
        self._note_days([*before, after])
        return updated

    def delete(self):
        before = self._stored_days(self)
        note_cascaded_days(self.model, self.values("pk"), self.db)
        deleted = super().delete()
        self._note_days(before)
        return deleted

    def _stored_days(self, queryset) -> list:
        """The counting dates of `queryset`'s records as stored (one query; none for a model
        that is not counted)."""
        field = self.model.counted_date_field
        if not field:
            return []
        return list(queryset.order_by().values_list(field, flat=True).distinct())

    def _note_days(self, days) -> None:
        if self.model.counted_date_field:
            daily_counts.days_changed(self.model, days, using=self.db)


class DomainModel(models.Model):
    """What every record staff enter carries: who made it, when, and whether it is demo data.

    Text is stored in Unicode NFC whatever was typed or pasted, so search and uniqueness
    see one spelling of each Vietnamese letter. A searchable model (`searchable_fields` and a
    `search.search_text_field()` named `search_text`) keeps those fields folded in
    `search_text`, computed with the NFC form (see `foreignaffairs.core.search`); a model with a
    natural key keeps its text part folded too (`folded_fields`, see
    `foreignaffairs.core.natural_keys`). Saving or
    deleting one forgets the cached figures (`stats_cache.data_changed`); bulk writes must
    call it themselves.
    """

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("dữ liệu minh họa"),
        default=False,
        db_index=True,
        help_text=_("Bản ghi do lệnh seed_demo tạo ra để trình diễn, không phải số liệu thật."),
    )
    source = models.CharField(
        _("nguồn"),
        max_length=300,
        blank=True,
        help_text=_("Văn bản, bài viết hoặc tệp mà thông tin này lấy từ đó."),
    )

    # The text fields the admin and the API search (see foreignaffairs.core.search), and the
    # many-to-many relations whose records' search text counts too (e.g. an agreement's
    # partners).
    searchable_fields: tuple[str, ...] = ()
    search_through: tuple[str, ...] = ()
    # The folded columns of the natural key (`natural_keys.folded_key_field()`), each with the
    # text field it folds: {"title_key": "title"}.
    folded_fields: dict[str, str] = {}

    # A counted model (see foreignaffairs.core.daily_counts): the date field its records are
    # counted on (a plain DateField, whose attribute has its name), and the figures its
    # QuerySet's `daily_counts()` returns (none: noted per day for the latest dates only).
    counted_date_field: str | None = None
    counted_figures: tuple[str, ...] = ()
    # Fields core.daily_counts keeps (a `LatestDate`): save() never writes them.
    kept_fields: tuple[str, ...] = ()
    # Reverse relations whose records are noted with this record when it is saved: others are
    # linked to them through it (an agreement's activities are exchanges with its partners, so
    # changing its partners changes whose exchanges they are).
    noted_with: tuple[str, ...] = ()

    objects = DomainQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text()
        if kwargs.get("update_fields") is not None:
            fields = kwargs["update_fields"]
            kwargs["update_fields"] = {*fields, *self.derived_fields(fields)}
        before = self._day_before_write()
        super().save(*args, **kwargs)
        self._note_days(before)
        noted_with = [self._meta.get_field(name) for name in self.noted_with]
        note_linked_days(noted_with, [self.pk], self._state.db)
        stats_cache.data_changed(using=self._state.db)

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        # Django's UPDATE of a saved record: never with the kept fields, which this instance
        # may hold older than the recount stored them (an insert still writes them).
        values = [value for value in values if value[0].name not in self.kept_fields]
        return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)

    def delete(self, *args, **kwargs):
        before = self._day_before_write()
        note_cascaded_days(type(self), [self.pk], self._state.db)
        deleted = super().delete(*args, **kwargs)
        self._note_days(before)
        stats_cache.data_changed(using=self._state.db)
        return deleted

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        field = cls.counted_date_field
        if field and field in record.__dict__:
            record._stored_day = record.counted_day()
        return record

    def counted_day(self):
        """The counting date as this instance holds it (None for a model not counted)."""
        field = self.counted_date_field
        return self.__dict__.get(field) if field else None

    def _day_before_write(self):
        """The counting date stored before this write: as loaded, or read when the instance
        was not loaded with it (None for a new record or a model not counted)."""
        if not self.counted_date_field or self._state.adding:
            return None
        if "_stored_day" in self.__dict__:
            return self._stored_day
        return (
            type(self)
            ._base_manager.using(self._state.db)
            .filter(pk=self.pk)
            .values_list(self.counted_date_field, flat=True)
            .first()
        )

    def _note_days(self, before) -> None:
        if self.counted_date_field:
            daily_counts.days_changed(type(self), [before, self.counted_day()], self._state.db)
            self._stored_day = self.counted_day()

    def normalize_text(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, nfc(value).strip())
        self.refresh_stored_text()

    def refresh_stored_text(self):
        """Recompute `search_text` and the folded key columns from the fields they are made of
        (bulk writes, which skip `save()` and `normalize_text()`, call it themselves)."""
        if self.searchable_fields:
            values = (getattr(self, name) for name in self.searchable_fields)
            setattr(self, search.FIELD, search.search_text(values))
        for column, source in self.folded_fields.items():
            setattr(self, column, fold(getattr(self, source) or ""))

    def derived_fields(self, fields) -> list[str]:
        """The stored text columns computed from any of `fields` (written with them)."""
        fields = set(fields)
        derived = [c for c, source in self.folded_fields.items() if source in fields]
        if fields & set(self.searchable_fields):
            derived.append(search.FIELD)
        return derived

    def validate_constraints(self, exclude=None):
        """Django's check of every constraint, and of the natural key's even though its folded
        column is in no form nor serializer (Django skips a constraint over a field left out of
        validation): whenever the text it folds is validated, a duplicate is reported on that
        text's field, naming the record already there."""
        exclude = set(exclude or ())
        folded = set(self.folded_fields)
        errors = {}
        try:
            super().validate_constraints(exclude=exclude | folded)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        using = router.db_for_write(type(self), instance=self)
        for constraint, source in natural_keys.constraints(type(self)):
            if source in exclude or source in errors:
                continue
            self.refresh_stored_text()
            try:
                constraint.validate(type(self), self, exclude=exclude - folded, using=using)
            except ValidationError as error:
                duplicate = natural_keys.existing_duplicate(self, constraint)
                message = error.messages[0]
                if duplicate is not None:
                    message = _("%(rule)s Bản ghi đã có: “%(record)s”.") % {
                        "rule": message,
                        "record": duplicate,
                    }
                errors.setdefault(source, []).append(ValidationError(message, code="unique"))
        if errors:
            raise ValidationError(errors)

    def clean_fields(self, exclude=None):
        """Django's checks of each field, and no control characters in any text (what a
        keyboard cannot type, pasted from other software; it would break every XLSX export)."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            skipped = field.name in (exclude or ()) or field.name in errors or not field.editable
            if skipped or not isinstance(value, str):
                continue
            if found := control_characters(value):
                errors[field.name] = [
                    ValidationError(
                        _(
                            "Có ký tự điều khiển không hợp lệ (%(characters)s): "
                            "hãy gõ lại nội dung."
                        ),
                        code="control_characters",
                        params={"characters": ", ".join(found)},
                    )
                ]
        if errors:
            raise ValidationError(errors)

    def clean(self):
        self.normalize_text()
        super().clean()
