"""The date box of every form staff fill in.

Dates are typed day first (the `vi` and `en` formats modules). Under every box an example of
the one format the forms read; for a date they cannot read ("3/4/26", "31/02/2026") a message
naming that format, in either language (Django's own says only "Enter a valid date.").
"""

from django import forms
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DATE_HINT = _("Ví dụ: 27/03/2026 (ngày/tháng/năm).")
DATE_FORMAT_MESSAGE = _("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2026.")


class DayFirstDateField(forms.DateField):
    """A date field with the example under it and the format in its error message."""

    default_error_messages = {"invalid": DATE_FORMAT_MESSAGE}

    def __init__(self, *, help_text="", **kwargs):
        help_text = format_lazy("{} {}", help_text, DATE_HINT) if help_text else DATE_HINT
        super().__init__(help_text=help_text, **kwargs)


class DayFirstDates:
    """For a ModelAdmin or an inline: each model date field's form field is a
    DayFirstDateField (the admin's date widget kept)."""

    formfield_overrides = {models.DateField: {"form_class": DayFirstDateField}}
