"""A deleted record's links, kept in the history row of its deletion, so that restoring the
record from its history brings them back.

The links are the many-to-many relations in either direction (a delegation's agreements, a
partner's agreements, an event's partners) and the foreign keys of other records that point
at it and are emptied when it is deleted (an agreement signed during a visit). Django removes
them with the record, and django-simple-history keeps the record's own fields only (its
many-to-many history was given up: an extra history row per link change, and clashes when a
backup is loaded), so without this a restored visit comes back without its agreements.
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import stats_cache


class LinkedHistory(models.Model):
    """The base of a historical model (`HistoricalRecords(bases=[LinkedHistory])`)."""

    links = models.JSONField(
        _("liên kết khi xóa"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Id của các bản ghi liên kết với bản ghi lúc nó bị xóa, để khôi phục."),
    )

    class Meta:
        abstract = True


def _relations(model):
    """(field, accessor) of each link of `model` that deleting a record removes."""
    for field in model._meta.get_fields():
        if field.many_to_many:
            yield field, field.get_accessor_name() if field.auto_created else field.name
        elif field.one_to_many and field.on_delete is models.SET_NULL:
            yield field, field.get_accessor_name()


def links_of(record) -> dict[str, list]:
    return {
        accessor: list(getattr(record, accessor).values_list("pk", flat=True))
        for _field, accessor in _relations(type(record))
    }


@transaction.atomic
def delete_keeping_links(record) -> None:
    """Delete `record`, writing its links into the history row of the deletion."""
    model, pk, links = type(record), record.pk, links_of(record)
    record.delete()
    deletion = model.history.filter(id=pk, history_type="-").order_by("-history_id").first()
    if deletion is not None:
        model.history.filter(history_id=deletion.history_id).update(links=links)


@transaction.atomic
def restore_links(record) -> None:
    """Put back the links `record` had when it was last deleted, to the records that still
    exist (an agreement deleted meanwhile stays deleted)."""
    model = type(record)
    deletion = (
        model.history.filter(id=record.pk, history_type="-", links__isnull=False)
        .order_by("-history_id")
        .first()
    )
    if deletion is None:
        return
    for field, accessor in _relations(model):
        ids = deletion.links.get(accessor) or []
        existing = field.related_model._default_manager.filter(pk__in=ids)
        if field.many_to_many:
            getattr(record, accessor).add(*existing)
        else:
            existing.filter(**{field.field.name: None}).update(**{field.field.name: record})
    stats_cache.data_changed()
