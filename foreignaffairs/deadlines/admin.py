import logging

from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError

from foreignaffairs.core.date_input import DayFirstDates
from foreignaffairs.deadlines import counts, tasks
from foreignaffairs.deadlines.models import (
    INHERITED_DECISION,
    CalendarDay,
    CalendarFeed,
    Consultation,
    Deadline,
    DigestLog,
    Rule,
    State,
)

logger = logging.getLogger(__name__)


class ConsultationInline(DayFirstDates, admin.TabularInline):
    """On the agreement's page: the consultations sent (or received) and their answers."""

    model = Consultation
    fields = ["kind", "counterpart", "sent_on", "requested_due_on", "answered_on"]
    extra = 0


def resync_after_commit():
    """A rule or a day off changed: every deadline is worked out again, in the background,
    or here and now when the broker does not answer."""

    def queue():
        try:
            tasks.sync_all_deadlines.apply_async(retry=False)
        except OperationalError:
            logger.warning("Celery broker unreachable: deadlines re-derived in the request")
            tasks.sync_all_deadlines()

    transaction.on_commit(queue)


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["name", "days", "unit", "legal_basis", "reminder_days", "active"]
    list_filter = ["active", "unit"]
    search_fields = ["name", "code", "legal_basis"]
    readonly_fields = ["code"]
    fields = [
        "code",
        "name",
        ("days", "unit"),
        "legal_basis",
        "description",
        "reminder_days",
        "overdue_every",
        "active",
        "order",
    ]

    def has_add_permission(self, request):
        return False  # a new rule needs code that derives its deadlines (services.add_rule)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: deadlines refer to it

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        resync_after_commit()


@admin.register(CalendarDay)
class CalendarDayAdmin(DayFirstDates, admin.ModelAdmin):
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        resync_after_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        resync_after_commit()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        resync_after_commit()


class StateFilter(admin.SimpleListFilter):
    title = _("tình trạng")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.filter(state=self.value())
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("người phụ trách")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Của tôi"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(assignee=request.user)
        return queryset


@admin.register(Deadline)
class DeadlineAdmin(DayFirstDates, admin.ModelAdmin):
    list_display = ["rule", "record_link", "due_on", "state_display", "assignee", "done_on"]
    list_filter = [StateFilter, MineFilter, "rule"]
    list_select_related = ["rule", "agreement", "delegation", "event", "assignee"]
    fields = [
        "rule",
        "legal_basis",
        "rule_description",
        "record_link",
        "trigger_on",
        "due_on",
        "assignee",
        "done_on",
        "note",
    ]
    readonly_fields = [
        "rule",
        "legal_basis",
        "rule_description",
        "record_link",
        "trigger_on",
        "due_on",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_state(timezone.localdate())

    def has_add_permission(self, request):
        return False  # derived from the records

    def has_delete_permission(self, request, obj=None):
        return False  # removed with its record or when the record no longer calls for it

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        counts.changed()  # the done date or the person responsible changed

    @admin.display(description=_("căn cứ"))
    def legal_basis(self, obj):
        return obj.rule.legal_basis or "–"

    @admin.display(description=_("giải thích"))
    def rule_description(self, obj):
        return obj.rule.description or "–"

    @admin.display(description=_("hồ sơ"))
    def record_link(self, obj):
        record = obj.record
        opts = record._meta
        # The decision on an inherited agreement is recorded in the follow-up register.
        page = "inheritedagreement" if obj.rule.code == INHERITED_DECISION else opts.model_name
        url = reverse(f"admin:{opts.app_label}_{page}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record)

    @admin.display(description=_("tình trạng"), ordering="state")
    def state_display(self, obj):
        return obj.get_state_display()


@admin.register(DigestLog)
class DigestLogAdmin(DayFirstDates, admin.ModelAdmin):
    list_display = ["day", "user", "deadline_count", "sent_at"]
    list_filter = ["day"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Managers revoke a person's calendar address here (delete)."""

    list_display = ["user", "created_at"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request):
        return False
