"""Template filters for the admin's own markup."""

import re

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from foreignaffairs.core import admin_filters

register = template.Library()

ICON_ALT = re.compile(
    r'(<img src="[^"]*/admin/img/icon-(?:yes|no|unknown)\.svg" alt=")(True|False|None)"'
)


@register.filter
def yes_no_alt(html: SafeString) -> SafeString:
    """Django's yes/no icons say alt="True", "False" or "None" (Python's words) to screen
    readers and copy-paste: "Có", "Không", "Chưa rõ" instead."""
    words = {"True": gettext("Có"), "False": gettext("Không"), "None": gettext("Chưa rõ")}
    return mark_safe(ICON_ALT.sub(lambda match: f'{match[1]}{words[match[2]]}"', str(html)))


@register.simple_tag
def list_title(changelist) -> str:
    """The title of an admin list: `core.admin_filters.list_title`."""
    return admin_filters.list_title(changelist)
