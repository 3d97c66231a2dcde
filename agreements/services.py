"""Writes that touch several models go through here, in one transaction (not signals)."""

from django.db import transaction

from agreements.models import Agreement
from foreignaffairs.core import links, stats_cache
from foreignaffairs.deadlines.services import sync_deadlines_for
from partners.models import PartnerLocality


def establish_relationships(agreement: Agreement, *, user=None) -> list[PartnerLocality]:
    """Counting rule 5: when an agreement founding a relationship is signed, each linked
    partner that has no establishment date takes the signing date.

    Call inside a transaction, after the agreement's partners are saved. Partners are saved
    one by one (not `.update()`) so that each change lands in their history.
    """
    if not (agreement.establishes_relationship and agreement.signed_on):
        return []
    changed = []
    partners = agreement.partners.select_for_update().filter(established_on__isnull=True)
    for partner in partners:
        partner.established_on = agreement.signed_on
        if user is not None:
            partner._history_user = user
        partner.save(update_fields=["established_on", "updated_at"])
        changed.append(partner)
    return changed


@transaction.atomic
def save_agreement(agreement: Agreement, *, partners=None, fields=None, user=None):
    """Validate and save an agreement with its partners and fields, then apply rule 5.

    Either everything is stored or nothing is: a failure anywhere rolls back the agreement
    and every partner's establishment date.
    """
    agreement.full_clean()
    if user is not None and agreement.pk is None:
        agreement.created_by = user
    agreement.save()
    if partners is not None:
        agreement.partners.set(partners)
    if fields is not None:
        agreement.fields.set(fields)
    links.keep_links(agreement)  # the version just saved holds its links
    establish_relationships(agreement, user=user)
    sync_deadlines_for(agreement)
    stats_cache.data_changed()  # the partners and fields links are not the agreement's save()
    return agreement
