"""Writes over several partner records, in one transaction each (not signals): a partner
shared by several former provinces, and merging two records of one foreign locality.

The merge moves every link to the partner generically, through the model's reverse relations
(delegations, events, agreements and whatever is added later), so this app needs to import no
app above it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from foreignaffairs.core import links as history_links
from foreignaffairs.core import stats_cache
from foreignaffairs.core.models import note_days_of
from foreignaffairs.core.origins import check_origin
from partners.models import PartnerLocality, PartnerOrigin

# Text fields of the partner a merge fills from the other record when the kept one is blank.
FILLED_ON_MERGE = ("name_en", "name_local", "latitude", "longitude", "wikidata_id")


def merged_relationship(rows) -> tuple:
    """The merged city's relationship from the relationships of each origin: established at the
    earliest establishment; ended only when every established relationship has ended (then on
    the latest end)."""
    established = [row.established_on for row in rows if row.established_on]
    if not established:
        return None, None
    ends = [row.ended_on for row in rows if row.established_on]
    ended_on = None if None in ends else max(ends)
    return min(established), ended_on


def _own_row(partner: PartnerLocality) -> PartnerOrigin:
    """The relationship row of the partner's own origin, made from its own dates if missing."""
    row, _created = PartnerOrigin.objects.get_or_create(
        partner=partner,
        origin=partner.origin,
        defaults={
            "established_on": partner.established_on,
            "ended_on": partner.ended_on,
            "is_demo": partner.is_demo,
        },
    )
    return row


def _update_partner_dates(partner: PartnerLocality, *, user=None, reason: str = "") -> None:
    established_on, ended_on = merged_relationship(list(partner.origins.all()))
    if (partner.established_on, partner.ended_on) == (established_on, ended_on) and not reason:
        return
    partner.established_on, partner.ended_on = established_on, ended_on
    partner._history_user = user
    partner._change_reason = reason or None
    partner.save()


@transaction.atomic
def share_partner(
    partner: PartnerLocality, origin: str, established_on=None, ended_on=None, *, user=None
) -> PartnerOrigin:
    """Record that `origin` also had relations with `partner` (from `established_on`, until
    `ended_on`). The partner gets one relationship row per origin (its own origin's made from
    its dates the first time), and its own dates become the merged city's relationship."""
    check_origin(origin)
    partner = PartnerLocality.objects.select_for_update().get(pk=partner.pk)
    _own_row(partner)
    row, _created = PartnerOrigin.objects.get_or_create(partner=partner, origin=origin)
    row.established_on = established_on or row.established_on
    row.ended_on = ended_on
    row._history_user = user
    row.full_clean()
    row.save()
    _update_partner_dates(partner, user=user)
    return row


# Merging two records of one partner -------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """What a merge moves for one kind of link: its name and how many."""

    label: str
    count: int


def check_mergeable(kept: PartnerLocality, merged: PartnerLocality) -> None:
    """ValidationError, with a message for staff, when the two records cannot be merged."""
    if kept.pk == merged.pk:
        raise ValidationError(_("Không thể hợp nhất một địa phương đối tác với chính nó."))
    if kept.country != merged.country:
        raise ValidationError(
            _(
                "Không thể hợp nhất “%(kept)s” với “%(merged)s”: hai địa phương thuộc hai quốc "
                "gia khác nhau."
            )
            % {"kept": kept, "merged": merged}
        )


def _link_relations():
    """The reverse relations through which other records link to a partner."""
    for relation in PartnerLocality._meta.related_objects:
        if relation.related_model is PartnerOrigin:
            continue
        yield relation


def _links_of(relation, partner: PartnerLocality) -> models.QuerySet:
    if relation.many_to_many:
        through = relation.through
        return through.objects.filter(**{relation.field.m2m_reverse_field_name(): partner})
    return relation.related_model._base_manager.filter(**{relation.field.name: partner})


def merge_preview(kept: PartnerLocality, merged: PartnerLocality) -> list[Move]:
    """What merging `merged` into `kept` would move: links of each kind, and the relationship
    histories of the former provinces (one query per kind of link)."""
    check_mergeable(kept, merged)
    moves = [
        Move(
            str(relation.related_model._meta.verbose_name_plural),
            _links_of(relation, merged).count(),
        )
        for relation in _link_relations()
    ]
    origins = merged.origins.count() or 1
    moves.append(Move(str(PartnerOrigin._meta.verbose_name_plural), origins))
    return moves


@transaction.atomic
def merge_partners(kept: PartnerLocality, merged: PartnerLocality, *, user=None) -> PartnerLocality:
    """Merge `merged` into `kept`: one partner with both histories, all or nothing.

    - every link (visits, events, agreements, …) to `merged` now points to `kept` (a record
      linked to both keeps one link);
    - each former province's relationship becomes a row of `kept` (the same origin on both:
      the earliest establishment, open if either is), and `kept`'s own dates the merged city's;
    - blank names, coordinates and identifiers of `kept` are filled from `merged`, notes and
      sources joined;
    - `merged` is deleted; its history stays in the audit log, and both histories say why.
    """
    check_mergeable(kept, merged)
    locked = {
        p.pk: p
        for p in PartnerLocality.objects.select_for_update().filter(pk__in=[kept.pk, merged.pk])
    }
    kept, merged = locked[kept.pk], locked[merged.pk]

    # Each former province's relationship.
    kept_rows = {row.origin: row for row in [*kept.origins.all()] or [_own_row(kept)]}
    merged_rows = list(merged.origins.all()) or [
        PartnerOrigin(
            origin=merged.origin,
            established_on=merged.established_on,
            ended_on=merged.ended_on,
            is_demo=merged.is_demo,
            source=merged.source,
        )
    ]
    for row in merged_rows:
        existing = kept_rows.get(row.origin)
        if existing is None:
            kept_rows[row.origin] = PartnerOrigin.objects.create(
                partner=kept,
                origin=row.origin,
                established_on=row.established_on,
                ended_on=row.ended_on,
                is_demo=row.is_demo,
                source=row.source,
            )
            continue
        established_on, ended_on = merged_relationship([existing, row])
        if (existing.established_on, existing.ended_on) != (established_on, ended_on):
            existing.established_on, existing.ended_on = established_on, ended_on
            existing._history_user = user
            existing.save()

    # Every link.
    for relation in _link_relations():
        links = _links_of(relation, merged)
        if relation.many_to_many:
            # The link tables are written without the linked records' save().
            note_days_of(
                relation.related_model._base_manager.filter(**{relation.field.name: merged})
            )
            partner_field = relation.field.m2m_reverse_field_name()
            other_field = relation.field.m2m_field_name()
            already = _links_of(relation, kept).values_list(other_field, flat=True)
            links.filter(**{f"{other_field}__in": already}).delete()
            links.update(**{partner_field: kept})  # link tables keep no history
            # Their versions hold links too (core.links): a revert links `kept`.
            history_links.repoint_links(
                relation.related_model, relation.field.name, merged.pk, kept.pk
            )
        else:
            for record in links:
                setattr(record, relation.field.name, kept)
                record._history_user = user
                record._change_reason = _("Hợp nhất địa phương đối tác")
                # save() with only the link, so the change lands in the record's history.
                record.save(update_fields=[relation.field.name])

    # The partner's own fields.
    for name in FILLED_ON_MERGE:
        if getattr(kept, name) in (None, "") and getattr(merged, name) not in (None, ""):
            setattr(kept, name, getattr(merged, name))
    kept.notes = "\n\n".join(text for text in (kept.notes, merged.notes) if text)
    kept.source = "; ".join(text for text in (kept.source, merged.source) if text)[:300]
    kept.is_demo = kept.is_demo and merged.is_demo
    kept.established_on, kept.ended_on = merged_relationship(list(kept_rows.values()))
    reason = _("Hợp nhất với bản ghi #%(id)s “%(name)s”") % {"id": merged.pk, "name": merged.name}
    kept._history_user = user
    kept._change_reason = reason
    kept.save()
    merged._history_user = user
    merged._change_reason = _("Hợp nhất vào bản ghi #%(id)s “%(name)s”") % {
        "id": kept.pk,
        "name": kept.name,
    }
    merged.delete()
    stats_cache.data_changed()  # the link tables were written without a record's save()
    return kept
