"""Admin for the published figures."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from foreignaffairs.core.admin_filters import BoundedChangeListMixin
from foreignaffairs.core.date_input import DayFirstDates
from foreignaffairs.reports.models import ReportedFigure


@admin.register(ReportedFigure)
class ReportedFigureAdmin(DayFirstDates, BoundedChangeListMixin, SimpleHistoryAdmin):
    list_display = ["metric", "scope", "period_label", "display_value", "source"]
    list_filter = ["scope", "metric", "qualifier"]
    search_fields = ["source", "quote", "notes"]
    date_hierarchy = "period_end"
    fieldsets = [
        (None, {"fields": ["scope", "metric", "value", "qualifier"]}),
        (_("Kỳ số liệu"), {"fields": ["period_start", "period_end", "change_vs_previous"]}),
        (_("Nguồn"), {"fields": ["source", "quote", "notes"]}),
    ]

    @admin.display(description=_("kỳ"), ordering="period_end")
    def period_label(self, obj):
        return obj.period_label

    @admin.display(description=_("giá trị"), ordering="value")
    def display_value(self, obj):
        return obj.display_value
