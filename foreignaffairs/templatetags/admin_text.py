"""Template filters for the admin's own markup."""

import re
from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from foreignaffairs.core import admin_filters

register = template.Library()

ICON_ALT = re.compile(
    r'(<img src="[^"]*/admin/img/icon-(?:yes|no|unknown)\.svg" alt=")(True|False|None)"'
)


@register.filter
def yes_no_alt(html: SafeString) -> SafeString:
    """Django's yes/no icons say alt="True", "False" or "None" (Python's words) to screen
    readers and copy-paste: "Có", "Không", "Chưa rõ" instead. Every cell of a list goes
    through here: most have no icon and are returned as they are."""
    if "/admin/img/icon-" not in html:
        return html
    words = {"True": gettext("Có"), "False": gettext("Không"), "None": gettext("Chưa rõ")}
    return mark_safe(ICON_ALT.sub(lambda match: f'{match[1]}{words[match[2]]}"', str(html)))


@register.simple_tag
def list_title(changelist) -> str:
    """The title of an admin list: `core.admin_filters.list_title`."""
    return admin_filters.list_title(changelist)


@dataclass(frozen=True)
class ErrorLink:
    """One line of a refused form's error summary: where the error is and what it says."""

    href: str
    label: str
    messages: list[str]


@register.simple_tag
def error_links(adminform, inline_admin_formsets) -> list[ErrorLink]:
    """Every error of a refused admin change form, each linked to where it is: a field of the
    record, a field of an inline row ("Hoạt động triển khai, dòng 2 — Ngày"), an inline row, or
    an inline block (e.g. too many rows)."""
    # The record's own non-field errors are not repeated: the admin shows them just above.
    links = [
        ErrorLink(f"#{field.id_for_label}", capfirst(field.label), list(field.errors))
        for field in adminform.form
        if field.errors
    ]
    for inline in inline_admin_formsets or []:
        formset = inline.formset
        records = capfirst(inline.opts.verbose_name_plural)
        if formset.non_form_errors():
            links.append(ErrorLink(f"#{formset.prefix}-group", records, formset.non_form_errors()))
        for index, row_form in enumerate(formset.forms):
            row = gettext("%(records)s, dòng %(row)s") % {"records": records, "row": index + 1}
            if row_form.non_field_errors():
                links.append(
                    ErrorLink(f"#{formset.prefix}-{index}", row, row_form.non_field_errors())
                )
            links += [
                ErrorLink(f"#{field.id_for_label}", f"{row} — {field.label}", list(field.errors))
                for field in row_form
                if field.errors
            ]
    return links
