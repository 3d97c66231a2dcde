"""A record's links, kept in its history so that reverting to a version or restoring a deleted
record brings them back.

Django removes a deleted record's links with it, and django-simple-history keeps the record's
own fields only (its many-to-many history was given up: an extra history row per link change,
and clashes when a backup is loaded). So each history row of a `LinkedHistory` model holds the
links itself, in `links`:

- a version holds the record's *own* links (the many-to-many fields it declares: a visit's
  agreements and pillars, an event's partners, visits and agreements, an agreement's partners
  and fields, a programme item's records), written by `keep_links` after every write that sets
  them (admin, API, the agreement service, row-by-row imports). Reverting to the version puts
  them back (`version_links`, `set_own_links`). A version written before links were kept, or
  by a bulk import (which never changes links), holds none, and the revert page says so;
- the row of a deletion holds every link, both ways: the many-to-many relations and the
  foreign keys of other records that point at the record and are emptied with it (an
  agreement signed during a visit), for `restore_links`.
"""

from django.db import models, transaction
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import stats_cache
from foreignaffairs.core.models import note_days_of


class LinkedHistory(models.Model):
    """The base of a historical model (`HistoricalRecords(bases=[LinkedHistory])`)."""

    links = models.JSONField(
        _("liên kết"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Id của các bản ghi liên kết: của chính bản ghi ở mỗi phiên bản (để hoàn nguyên), "
            "mọi liên kết lúc bản ghi bị xóa (để khôi phục)."
        ),
    )

    class Meta:
        abstract = True


def keeps_links(model) -> bool:
    history = getattr(model, "history", None)
    return history is not None and any(f.name == "links" for f in history.model._meta.fields)


def own_relations(model) -> list[models.ManyToManyField]:
    """The many-to-many fields `model` declares (edited on its own form)."""
    return [field for field in model._meta.many_to_many if not field.auto_created]


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


def own_links(record) -> dict[str, list]:
    return {
        field.name: sorted(getattr(record, field.name).values_list("pk", flat=True))
        for field in own_relations(type(record))
    }


def keep_links(record) -> None:
    """Write `record`'s own links into its latest version (the one its write just made)."""
    model = type(record)
    if not (keeps_links(model) and own_relations(model)):
        return
    latest = model.history.filter(id=record.pk).order_by("-history_id").values("history_id")[:1]
    model.history.filter(history_id__in=Subquery(latest)).update(links=own_links(record))


def version_links(version) -> dict[str, list] | None:
    """The record's own links as the history row `version` holds them (a deletion's row holds
    them among the others); None when it holds none."""
    links = getattr(version, "links", None)
    if links is None:
        return None
    return {field.name: links.get(field.name, []) for field in own_relations(version.instance_type)}


def missing_links(model, links: dict[str, list]) -> list[str]:
    """The relations (verbose names) of `links` to records deleted since: those cannot come
    back."""
    missing = []
    for field in own_relations(model):
        ids = set(links.get(field.name, []))
        found = field.related_model._default_manager.filter(pk__in=ids).count() if ids else 0
        if found < len(ids):
            missing.append(str(field.verbose_name))
    return missing


def set_own_links(record, links: dict[str, list], skip=()) -> None:
    """Set `record`'s own links to `links`, to the records that still exist, leaving the
    relations named in `skip` alone."""
    for field in own_relations(type(record)):
        if field.name in skip or field.name not in links:
            continue
        existing = field.related_model._default_manager.filter(pk__in=links[field.name])
        getattr(record, field.name).set(existing)


@transaction.atomic
def delete_keeping_links(record) -> None:
    """Delete `record`, writing its links into the history row of the deletion."""
    model, pk = type(record), record.pk
    links = links_of(record) if keeps_links(model) else None
    record.delete()
    if links is None:
        return
    deletion = model.history.filter(id=pk, history_type="-").order_by("-history_id").first()
    if deletion is not None:
        model.history.filter(history_id=deletion.history_id).update(links=links)


@transaction.atomic
def restore_links(record, *, own: bool = True) -> None:
    """Put back the links `record` had when it was last deleted, to the records that still
    exist (an agreement deleted meanwhile stays deleted); its own links too unless `own` is
    False (the version restored holds them)."""
    model = type(record)
    if not keeps_links(model):
        return
    deletion = (
        model.history.filter(id=record.pk, history_type="-", links__isnull=False)
        .order_by("-history_id")
        .first()
    )
    if deletion is None:
        return
    skipped = set() if own else {field.name for field in own_relations(model)}
    for field, accessor in _relations(model):
        if accessor in skipped:
            continue
        ids = deletion.links.get(accessor) or []
        existing = field.related_model._default_manager.filter(pk__in=ids)
        if field.many_to_many:
            getattr(record, accessor).add(*existing)
            note_days_of(existing)  # linked without their save()
        else:
            existing.filter(**{field.field.name: None}).update(**{field.field.name: record})
    stats_cache.data_changed()


def repoint_links(model, name: str, old, new) -> None:
    """After two records were merged (`old` into `new`): every version of a `model` record
    that linked `old` under `name` links `new` instead, so that reverting to it keeps the
    link. Merges are rare: the versions are read through once."""
    if not keeps_links(model):
        return
    versions = model.history.filter(links__isnull=False).order_by()
    for history_id, links in versions.values_list("history_id", "links").iterator():
        ids = links.get(name) or []
        if old in ids:
            links[name] = sorted({*ids} - {old} | {new})
            model.history.filter(history_id=history_id).update(links=links)
