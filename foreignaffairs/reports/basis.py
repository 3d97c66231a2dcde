"""The basis of the figures (cơ sở tính) on the dashboard, the period page and the documents:
the merged city (every origin counted, the default) or one former province (`?origin=`).

Every count takes the basis from `stats` (`origin=`); this module reads it from the query
string, says in words which basis a page shows, and refuses an unknown one with a message.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foreignaffairs.core.origins import MERGER_DATE, Origin, basis_choices, basis_label

UNKNOWN_BASIS = gettext_lazy(
    "Không có cơ sở tính “%(value)s”. Chọn toàn thành phố (để trống) hoặc một tỉnh, thành phố "
    "cũ: hcmc, binh_duong, ba_ria_vung_tau."
)


def origin_field() -> forms.ChoiceField:
    """`?origin=`: empty or absent is the merged city."""
    return forms.ChoiceField(
        label=gettext_lazy("Cơ sở tính"),
        choices=basis_choices,
        required=False,
        error_messages={"invalid_choice": UNKNOWN_BASIS},
    )


class BasisForm(forms.Form):
    origin = origin_field()

    def clean_origin(self) -> str | None:
        return self.cleaned_data["origin"] or None


def offers_choice(last_year: int, origin: str | None) -> bool:
    """A page offers the choice of basis when it shows the year of the merger or a later one
    (before it, every record was one province's), or when a basis other than the default is
    already chosen, so that the choice stays visible and can be undone."""
    return origin is not None or last_year >= MERGER_DATE.year


def basis_note(origin: str | None) -> str:
    """What the basis counts, in one sentence."""
    if origin is None:
        return _(
            "Hồ sơ của TP. Hồ Chí Minh (cũ), Bình Dương và Bà Rịa – Vũng Tàu cộng lại; đối tác "
            "chung của nhiều tỉnh, thành phố cũ tính một lần."
        )
    if origin == Origin.HCMC:
        return _(
            "Chỉ hồ sơ có đơn vị gốc TP. Hồ Chí Minh (cũ): so sánh được với số liệu các năm "
            "trước hợp nhất."
        )
    return _("Chỉ hồ sơ có đơn vị gốc %(label)s (tỉnh trước hợp nhất ngày 01/07/2025).") % {
        "label": basis_label(origin)
    }


def basis_context(origin: str | None, *, offered: bool) -> dict:
    """What the templates need: the code ("" for the merged city, for links), its label and
    note, whether the choice is offered, and the choices."""
    return {
        "origin": origin or "",
        "basis_label": basis_label(origin),
        "basis_note": basis_note(origin),
        "basis_offered": offered,
        "basis_choices": basis_choices(),
    }


def shows_published(origin: str | None) -> bool:
    """Whether the published figures stand beside this basis's counts. They are the former
    city's (its records before the merger, see `published`), so not beside a former
    province's counts."""
    return origin in (None, Origin.HCMC)


def named(origin: str) -> str:
    """A former province as a sentence names it: "TP. Hồ Chí Minh (cũ)", "tỉnh Bình Dương
    (cũ)" (Vietnamese only, like the report paragraphs and documents)."""
    if origin == Origin.HCMC:
        return basis_label(origin)
    return f"tỉnh {basis_label(origin)} (cũ)"


def subject(origin: str | None) -> str:
    """Who the report paragraphs speak of: "Thành phố", as the city's reports write it (on the
    former city's basis too: the title or the page states the basis), or the former province."""
    if origin in (None, Origin.HCMC):
        return "Thành phố"
    return named(origin)


def document_basis(origin: str | None) -> str:
    """The basis as the documents' heading states it (Vietnamese only, like the documents)."""
    return f"cơ sở tính: {basis_label(origin)}"


def unknown_basis_page(request, form: BasisForm):
    """400: the page names the basis it does not know and links to each one it does."""
    return render(
        request,
        "dashboard/unknown_basis.html",
        {
            "message": " ".join(form.errors["origin"]),
            "year": request.GET.get("year", ""),
            "basis_choices": basis_choices(),
        },
        status=400,
    )
