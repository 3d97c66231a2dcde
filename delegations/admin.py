from django.contrib import admin, messages
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from delegations.admin_filters import (
    HighLevelFilter,
    HostedInFilter,
    NeedsUpdateFilter,
    ReceivedInFilter,
    SentInFilter,
    StartYearFilter,
    UpcomingFilter,
)
from delegations.models import Delegation, DelegationMember, Event, Pillar, Status
from delegations.resources import DelegationResource, EventResource
from foreignaffairs.core import search
from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    CachedCountryFilter,
    DomainAdmin,
    country_with_flag,
)
from foreignaffairs.core.admin_filters import ContinentFilter, OriginFilter
from foreignaffairs.deadlines.services import sync_deadlines_for


def possible_duplicates(delegation: Delegation):
    """Other delegations in the same direction with the same country whose dates overlap."""
    if not delegation.country or not delegation.start_date:
        return Delegation.objects.none()
    return (
        Delegation.objects.filter(direction=delegation.direction, country=delegation.country)
        .annotate(ends_on=Coalesce("end_date", "start_date"))
        .filter(
            start_date__lte=delegation.end_date or delegation.start_date,
            ends_on__gte=delegation.start_date,
        )
        .exclude(pk=delegation.pk)
    )


def date_span(start, end) -> str:
    """ "03/04/2026" or "30/12/2025 – 02/01/2026"."""
    if end is None or end == start:
        return f"{start:%d/%m/%Y}"
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


class DelegationMemberInline(admin.TabularInline):
    model = DelegationMember
    fields = ["order", "name", "title", "organization"]
    extra = 1


@admin.register(Delegation)
class DelegationAdmin(DomainAdmin):
    resource_classes = [DelegationResource]
    list_display = [
        "title",
        "direction",
        "level",
        "country_display",
        "partner_name",
        "dates",
        "status",
        "high_level_display",
        "origin",
    ]
    list_display_links = ["title"]
    list_select_related = ["partner"]
    list_filter = [
        OriginFilter,
        "direction",
        "status",
        "level",
        HighLevelFilter,
        ContinentFilter,
        ("country", CachedCountryFilter),
        StartYearFilter,
        ReceivedInFilter,
        SentInFilter,
        NeedsUpdateFilter,
        UpcomingFilter,
    ]
    # Searched in the stored search text (DomainAdmin.get_search_results). No date_hierarchy:
    # it re-runs the search to find its years; the year filter lists them from the first and
    # last dates instead.
    search_fields = [search.FIELD]
    autocomplete_fields = ["partner", "agreements"]
    checkbox_fields = ("pillars",)
    inlines = [DelegationMemberInline]
    actions = ["mark_completed"]
    save_on_top = True
    readonly_fields = RECORD_READONLY_FIELDS
    fieldsets = [
        (None, {"fields": ["direction", "title", "level", "status", "origin"]}),
        (_("Quốc gia, đối tác"), {"fields": ["country", "partner", "organization"]}),
        (_("Thời gian"), {"fields": ["start_date", "end_date", "date_precision"]}),
        (_("Trưởng đoàn"), {"fields": ["head_name", "head_title", "member_count"]}),
        (_("Đón tiếp, dẫn đoàn"), {"fields": ["host_role", "city_leader"]}),
        (_("Nội dung và kết quả"), {"fields": ["purpose", "pillars", "agreements", "outcome"]}),
        RECORD_FIELDSET,
    ]

    @admin.display(description=_("quốc gia"), ordering="country")
    def country_display(self, obj):
        return country_with_flag(obj.country)

    @admin.display(description=_("địa phương đối tác"), ordering="partner__name")
    def partner_name(self, obj):
        return obj.partner.name if obj.partner else None

    @admin.display(description=_("thời gian"), ordering="start_date")
    def dates(self, obj):
        return date_span(obj.start_date, obj.end_date)

    @admin.display(description=_("cấp cao"), boolean=True)
    def high_level_display(self, obj):
        return obj.is_high_level

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_deadlines_for(obj)
        if not change:
            self.warn_about_duplicates(request, obj)

    def warn_about_duplicates(self, request, delegation):
        """A notice, not a refusal: two delegations may truly overlap (two ministries)."""
        duplicates = list(possible_duplicates(delegation)[:5])
        if not duplicates:
            return
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:delegations_delegation_change", args=[other.pk]), str(other))
                for other in duplicates
            ),
        )
        messages.warning(
            request,
            format_html(
                "{} {}",
                _(
                    "Có thể trùng: đã có đoàn cùng chiều, cùng quốc gia, trùng thời gian. "
                    "Vui lòng kiểm tra:"
                ),
                links,
            ),
        )

    @admin.action(description=_("Đánh dấu “Đã thực hiện” các đoàn đã chọn"), permissions=["change"])
    def mark_completed(self, request, queryset):
        """Saved one by one (not `.update()`) so each change lands in the history."""
        today = timezone.localdate()
        marked = future = cancelled = 0
        status_label = str(Delegation._meta.get_field("status").verbose_name)
        for delegation in queryset:
            if delegation.status == Status.COMPLETED:
                continue
            if delegation.start_date > today:
                future += 1
                continue
            if delegation.status == Status.CANCELLED:
                cancelled += 1
                continue
            delegation.status = Status.COMPLETED
            delegation.save(update_fields=["status", "updated_at"])
            sync_deadlines_for(delegation)
            self.log_change(request, delegation, [{"changed": {"fields": [status_label]}}])
            marked += 1
        if marked:
            self.message_user(
                request,
                _("Đã đánh dấu %(n)d đoàn là “Đã thực hiện”.") % {"n": marked},
                messages.SUCCESS,
            )
        if future:
            self.message_user(
                request,
                _(
                    "Bỏ qua %(n)d đoàn có ngày bắt đầu ở tương lai: chuyến thăm chưa diễn ra "
                    "không thể “Đã thực hiện”."
                )
                % {"n": future},
                messages.WARNING,
            )
        if cancelled:
            self.message_user(
                request,
                _("Bỏ qua %(n)d đoàn đã hủy; nếu đoàn vẫn diễn ra, hãy sửa từng đoàn.")
                % {"n": cancelled},
                messages.WARNING,
            )


@admin.register(Event)
class EventAdmin(DomainAdmin):
    resource_classes = [EventResource]
    list_display = [
        "title",
        "kind",
        "dates",
        "role",
        "status",
        "venue",
        "foreign_participants",
        "origin",
    ]
    list_display_links = ["title"]
    list_filter = [
        OriginFilter,
        "kind",
        "role",
        "status",
        StartYearFilter,
        HostedInFilter,
        NeedsUpdateFilter,
        UpcomingFilter,
    ]
    # Searched in the stored search text (DomainAdmin.get_search_results). No date_hierarchy:
    # it re-runs the search to find its years; the year filter lists them from the first and
    # last dates instead.
    search_fields = [search.FIELD]
    autocomplete_fields = ["partners", "delegations", "agreements"]
    save_on_top = True
    readonly_fields = RECORD_READONLY_FIELDS
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "kind",
                    "role",
                    "status",
                    "needs_prime_minister_approval",
                    "origin",
                ]
            },
        ),
        (
            _("Thời gian, địa điểm"),
            {"fields": ["start_date", "end_date", "date_precision", "venue"]},
        ),
        (
            _("Khách quốc tế, đối tác"),
            {"fields": ["foreign_participants", "countries", "partners", "delegations"]},
        ),
        (_("Nội dung"), {"fields": ["agreements", "notes"]}),
        RECORD_FIELDSET,
    ]

    @admin.display(description=_("thời gian"), ordering="start_date")
    def dates(self, obj):
        return date_span(obj.start_date, obj.end_date)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_deadlines_for(obj)


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]
