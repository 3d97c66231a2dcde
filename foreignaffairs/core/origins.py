"""Đơn vị gốc: which former province a record came from.

By Resolution 202/2025/QH15 Ho Chi Minh City absorbed Bình Dương and Bà Rịa–Vũng Tàu from
1 July 2025. Partners, agreements, visits and events carry the origin of their record; the
figures are computed for the merged city (every origin, the default) or for one origin
(`hcmc` alone is comparable with the city's figures before the merger).
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.models import DomainQuerySet
from foreignaffairs.core.text import fold

# The day the three provinces became one city (Nghị quyết 202/2025/QH15).
MERGER_DATE = datetime.date(2025, 7, 1)


class Origin(models.TextChoices):
    HCMC = "hcmc", _("TP. Hồ Chí Minh (cũ)")
    BINH_DUONG = "binh_duong", _("Bình Dương")
    BA_RIA_VUNG_TAU = "ba_ria_vung_tau", _("Bà Rịa – Vũng Tàu")


def origin_field(**kwargs) -> models.CharField:
    """The `origin` column every record of the four kinds has (default: the former city)."""
    return models.CharField(
        _("đơn vị gốc"),
        max_length=20,
        choices=Origin,
        default=Origin.HCMC,
        help_text=_(
            "Tỉnh, thành phố trước hợp nhất (01/07/2025) mà hồ sơ này thuộc về: TP. Hồ Chí Minh "
            "(cũ), Bình Dương hoặc Bà Rịa – Vũng Tàu."
        ),
        **kwargs,
    )


# The figures' basis (cơ sở tính): no origin is the merged city, every origin counted.
MERGED_CITY_LABEL = _("Toàn thành phố (sau hợp nhất)")


def basis_choices() -> list[tuple[str, str]]:
    """The bases a page offers: the merged city (empty value, the default), then each former
    province under its origin label."""
    return [("", MERGED_CITY_LABEL), *Origin.choices]


def basis_label(origin: str | None) -> str:
    """ "Toàn thành phố (sau hợp nhất)", or the former province's label."""
    return str(MERGED_CITY_LABEL if origin is None else Origin(origin).label)


def check_origin(origin: str | None) -> str | None:
    """`origin` if it is a known code (or None, the merged city); ValueError otherwise."""
    if origin is not None and origin not in Origin.values:
        raise ValueError(f"unknown origin {origin!r}; expected one of {Origin.values}")
    return origin


def origins_matching(term: str) -> list[str]:
    """The former provinces whose name or code contains `term`, ignoring case and diacritics:
    what the admin search adds so that "binh duong" finds the records of Bình Dương. The former
    city is left out: "hồ chí minh" would otherwise list nearly every record."""
    term = fold(term)
    if len(term) < 3:
        return []
    return [
        origin.value
        for origin in Origin
        if origin != Origin.HCMC
        and (term in fold(str(origin.label)) or term in fold(origin.value.replace("_", " ")))
    ]


def with_named_origins(queryset, results, term: str):
    """`results` (a search of `queryset`) and the records of the former provinces the whole
    `term` names ("binh duong"): what the admin and the API search add. Through the model's
    `of_origin()`, so a partner shared with that province is among them."""
    if not any(field.name == "origin" for field in queryset.model._meta.concrete_fields):
        return results
    for origin in origins_matching(term):
        of_origin = getattr(queryset, "of_origin", None)
        results |= of_origin(origin) if of_origin else queryset.filter(origin=origin)
    return results


class OriginQuerySet(DomainQuerySet):
    """`.of_origin(origin)`: the records of one former province; None keeps every origin
    (the merged city)."""

    def of_origin(self, origin: str | None):
        if check_origin(origin) is None:
            return self
        return self.filter(origin=origin)
