from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    DomainAdmin,
    unaccent_search,
)
from plans.models import AnnualPlan, ItemState, PlanItem, link_errors
from plans.progress import suggestions
from plans.resources import PlanItemResource


def record_label(record) -> str:
    """A visit or event names its start date already; an agreement gets its signing date."""
    if hasattr(record, "start_date") or not record.signed_on:
        return str(record)
    return f"{record} ({formats.date_format(record.signed_on, 'SHORT_DATE_FORMAT')})"


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    fields = ["kind", "title", "country", "month", "quarter", "responsible_unit", "cancelled"]
    extra = 0
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "title":
            field.widget.attrs.update(size=40)
        return field


@admin.register(AnnualPlan)
class AnnualPlanAdmin(DomainAdmin):
    list_display = ["__str__", "year", "decision_number", "approved_on", "approval_display"]
    search_fields = unaccent_search("title", "decision_number")
    readonly_fields = RECORD_READONLY_FIELDS
    inlines = [PlanItemInline]
    fieldsets = [
        (None, {"fields": ["year", "title", "decision_number", "approved_on", "notes"]}),
        RECORD_FIELDSET,
    ]

    @admin.display(description=_("phê duyệt"))
    def approval_display(self, obj):
        deadline = formats.date_format(obj.approval_deadline, "SHORT_DATE_FORMAT")
        if obj.approved_late(timezone.localdate()):
            return _("Chậm (hạn %(date)s)") % {"date": deadline}
        if obj.approved_on:
            return _("Đúng hạn")
        return _("Chưa phê duyệt (hạn %(date)s)") % {"date": deadline}


class PlanItemForm(forms.ModelForm):
    """Refuses records that cannot carry out the item: of another kind or another year."""

    class Meta:
        model = PlanItem
        fields = [
            "plan",
            "kind",
            "title",
            "level",
            "purpose",
            "responsible_unit",
            "country",
            "partner",
            "month",
            "quarter",
            "cancelled",
            "delegations",
            "events",
            "agreements",
            "source",
        ]

    def clean(self):
        cleaned = super().clean()
        plan, kind = cleaned.get("plan"), cleaned.get("kind")
        if plan and kind:
            errors = link_errors(
                plan.year,
                kind,
                delegations=cleaned.get("delegations") or (),
                events=cleaned.get("events") or (),
                agreements=cleaned.get("agreements") or (),
            )
            for error in errors:
                self.add_error(None, error)
        return cleaned


class StateFilter(admin.SimpleListFilter):
    title = _("tình trạng thực hiện")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return ItemState.choices

    def queryset(self, request, queryset):
        if self.value() in ItemState.values:
            return queryset.filter(state=self.value())
        return queryset


class LateFilter(admin.SimpleListFilter):
    title = _("quá hạn")
    parameter_name = "late"

    def lookups(self, request, model_admin):
        return [("yes", _("Quá hạn, chưa thực hiện"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.late(timezone.localdate())
        return queryset


class PlanYearFilter(admin.SimpleListFilter):
    title = _("năm")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = AnnualPlan.objects.order_by("-year").values_list("year", flat=True)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(plan__year=int(self.value()))
        return queryset


@admin.register(PlanItem)
class PlanItemAdmin(DomainAdmin):
    form = PlanItemForm
    resource_classes = [PlanItemResource]
    list_display = ["title", "plan_year", "kind", "country", "timing", "state_display"]
    list_select_related = ["plan"]
    list_filter = [PlanYearFilter, "kind", StateFilter, LateFilter, "cancelled"]
    search_fields = unaccent_search("title", "purpose", "responsible_unit")
    autocomplete_fields = ["plan", "partner", "delegations", "events", "agreements"]
    readonly_fields = ["due_on", "suggested_records", *RECORD_READONLY_FIELDS]
    fieldsets = [
        (None, {"fields": ["plan", "kind", "title", "level", "purpose", "responsible_unit"]}),
        (_("Quốc gia, đối tác"), {"fields": ["country", "partner"]}),
        (_("Thời gian dự kiến"), {"fields": ["month", "quarter", "due_on", "cancelled"]}),
        (
            _("Bản ghi thực hiện"),
            {"fields": ["suggested_records", "delegations", "events", "agreements"]},
        ),
        RECORD_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_state()

    @admin.display(description=_("năm"), ordering="plan__year")
    def plan_year(self, obj):
        return obj.plan.year

    @admin.display(description=_("thời gian dự kiến"), ordering="due_on")
    def timing(self, obj):
        if obj.month:
            return _("Tháng %(m)s") % {"m": obj.month}
        if obj.quarter:
            return _("Quý %(q)s") % {"q": obj.quarter}
        return _("Trong năm")

    @admin.display(description=_("tình trạng thực hiện"), ordering="state")
    def state_display(self, obj):
        label = ItemState(obj.state).label
        is_open = obj.state in (ItemState.IN_PROGRESS, ItemState.NOT_STARTED)
        if is_open and obj.due_on < timezone.localdate():
            return _("%(state)s, quá hạn") % {"state": label}
        return label

    @admin.display(description=_("gợi ý liên kết"))
    def suggested_records(self, obj):
        if obj is None or obj.pk is None:
            return _("Lưu việc này để xem các bản ghi có thể liên kết.")
        records = suggestions(obj)
        if not records:
            return _("Chưa thấy bản ghi nào cùng loại, cùng quốc gia trong năm.")
        return format_html_join(
            "",
            '<div><a href="{}">{}</a></div>',
            (
                (
                    reverse(
                        f"admin:{record._meta.app_label}_{record._meta.model_name}_change",
                        args=[record.pk],
                    ),
                    record_label(record),
                )
                for record in records
            ),
        ) + format_html(
            "<p class='help'>{}</p>", _("Chọn bản ghi đúng ở các ô bên dưới để liên kết.")
        )
