from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from agreements.admin_filters import (
    AwaitingDecisionFilter,
    DormantFilter,
    EffectiveStatusFilter,
    ExpiringFilter,
    PartnerCountryFilter,
    SignedInFilter,
)
from agreements.models import (
    EXPIRING_WITHIN_DAYS,
    Agreement,
    CooperationField,
    ImplementationActivity,
    InheritedAgreement,
    InheritedAgreementFollowUp,
    Status,
)
from agreements.resources import AgreementResource
from agreements.services import establish_relationships
from foreignaffairs.core import search, stats_cache
from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    DomainAdmin,
    unaccent_search,
)
from foreignaffairs.core.admin_filters import ContinentFilter, OriginFilter
from foreignaffairs.core.date_input import DayFirstDates
from foreignaffairs.deadlines.admin import ConsultationInline
from foreignaffairs.deadlines.services import sync_deadlines_for


class ImplementationActivityInline(DayFirstDates, admin.TabularInline):
    model = ImplementationActivity
    fields = ["date", "kind", "description", "responsible_unit", "evidence"]
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "description":
            field.widget.attrs.update(rows=2, cols=50)
        return field


@admin.register(Agreement)
class AgreementAdmin(DomainAdmin):
    resource_classes = [AgreementResource]
    list_display = [
        "title",
        "signed_on",
        "kind",
        "partner_names",
        "effective_status_display",
        "last_activity",
        "dormant_display",
        "expiring_display",
        "origin",
    ]
    list_display_links = ["title"]
    list_filter = [
        OriginFilter,
        SignedInFilter,
        "kind",
        EffectiveStatusFilter,
        ContinentFilter,
        PartnerCountryFilter,
        DormantFilter,
        ExpiringFilter,
        "establishes_relationship",
    ]
    # Searched in the stored search text (DomainAdmin.get_search_results). No date_hierarchy:
    # it re-runs the search to find its years; the year filter lists them from the first and
    # last dates instead.
    search_fields = [search.FIELD]
    autocomplete_fields = ["partners", "signed_during_delegation", "signed_during_event"]
    checkbox_fields = ("fields",)
    inlines = [ConsultationInline, ImplementationActivityInline]
    save_on_top = True
    readonly_fields = ["last_activity", "dormant_display", *RECORD_READONLY_FIELDS]
    fieldsets = [
        (None, {"fields": ["title", "title_en", "kind", "establishes_relationship", "origin"]}),
        (_("Đối tác"), {"fields": ["partners", "partner_organization"]}),
        (
            _("Ký kết"),
            {
                "fields": [
                    "signed_on",
                    "signed_place",
                    "city_signatory",
                    "partner_signatory",
                    "signed_during_delegation",
                    "signed_during_event",
                ]
            },
        ),
        (
            _("Hiệu lực"),
            {
                "fields": [
                    "status",
                    "effective_on",
                    "expires_on",
                    "auto_renew",
                    "terminated_on",
                ]
            },
        ),
        (_("Nội dung"), {"fields": ["fields", "document", "notes"]}),
        (_("Theo dõi triển khai"), {"fields": ["last_activity", "dormant_display"]}),
        RECORD_FIELDSET,
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # a new agreement has nothing to follow up yet
            return [
                fieldset for fieldset in fieldsets if "last_activity" not in fieldset[1]["fields"]
            ]
        return fieldsets

    def get_queryset(self, request):
        # Effective status, last activity, dormant and expiring flags in the list's one query.
        today = timezone.localdate()
        expiring = Agreement.objects.expiring(today, EXPIRING_WITHIN_DAYS).filter(pk=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .with_follow_up(today)
            .annotate(expiring=Exists(expiring))
            .prefetch_related("partners")
        )

    def save_related(self, request, form, formsets, change):
        # Partners are set by now; the admin's change view runs in one transaction, so a
        # failure here also undoes the agreement itself.
        super().save_related(request, form, formsets, change)
        established = establish_relationships(form.instance, user=request.user)
        sync_deadlines_for(form.instance)  # its consultations are saved by now too
        if established:
            self.message_user(
                request,
                _("Đã điền ngày thiết lập quan hệ %(date)s cho: %(partners)s.")
                % {
                    "date": form.instance.signed_on.strftime("%d/%m/%Y"),
                    "partners": ", ".join(partner.name for partner in established),
                },
                messages.INFO,
            )

    @admin.display(description=_("đối tác"))
    def partner_names(self, obj):
        return ", ".join(partner.name for partner in obj.partners.all()) or obj.partner_organization

    @admin.display(description=_("tình trạng hiện nay"), ordering="effective_status")
    def effective_status_display(self, obj):
        return Status(obj.effective_status).label

    @admin.display(description=_("hoạt động gần nhất"), ordering="last_activity_on")
    def last_activity(self, obj) -> str:
        # Formatted here: the change form shows read-only values as plain text, not dd/mm/yyyy.
        day = getattr(obj, "last_activity_on", None)
        if day is None:  # no activity yet: the admin would print None
            return self.get_empty_value_display()
        return formats.date_format(day, "SHORT_DATE_FORMAT")

    @admin.display(description=_("ký xong để đó"), boolean=True, ordering="dormant")
    def dormant_display(self, obj):
        return getattr(obj, "dormant", None)

    @admin.display(description=_("sắp hết hạn"), boolean=True, ordering="expiring")
    def expiring_display(self, obj):
        return obj.expiring


@admin.register(CooperationField)
class CooperationFieldAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "order"]
    list_editable = ["order"]
    search_fields = unaccent_search("name", "name_en")


class FollowUpInline(DayFirstDates, admin.StackedInline):
    model = InheritedAgreementFollowUp
    fk_name = "agreement"
    fields = [
        "inherited_from",
        "names_updated_on",
        "decision",
        "decided_on",
        "partner_informed_on",
        "replaced_by",
        "notes",
    ]
    autocomplete_fields = ["replaced_by"]
    extra = 1
    max_num = 1
    can_delete = False


@admin.register(InheritedAgreement)
class InheritedAgreementAdmin(admin.ModelAdmin):
    """Sổ theo dõi văn bản kế thừa (Nghị định 177/2025/NĐ-CP): every agreement of a former
    province or district in force on 1 July 2025, with its follow-up; the agreement itself is
    edited on its own page. To add a former district's agreement, open it here by its id and
    fill in the follow-up (it then stays in the register)."""

    inlines = [FollowUpInline]
    list_display = [
        "title",
        "origin",
        "signed_on",
        "inherited_from",
        "names_updated_on",
        "decision_display",
        "partner_informed_on",
        "replaced_by",
    ]
    list_filter = [AwaitingDecisionFilter, OriginFilter, "follow_up__decision"]
    list_select_related = ["follow_up", "follow_up__replaced_by"]
    search_fields = unaccent_search("title", "partners__name")
    readonly_fields = ["title", "origin", "signed_on", "status", "partners_display"]
    fields = readonly_fields
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).inherited()

    def get_object(self, request, object_id, from_field=None):
        # Any agreement may be opened here (a former district's, not yet in the register).
        return self.model._default_manager.filter(pk=object_id).first()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("agreements.change_agreement")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("agreements.view_agreement") or self.has_change_permission(
            request, obj
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_deadlines_for(form.instance)  # a decision recorded closes its deadline
        stats_cache.data_changed()

    def _follow_up(self, obj):
        return getattr(obj, "follow_up", None)

    @admin.display(description=_("kế thừa từ"))
    def inherited_from(self, obj):
        follow_up = self._follow_up(obj)
        return (follow_up and follow_up.inherited_from) or obj.get_origin_display()

    @admin.display(description=_("cập nhật tên đơn vị"))
    def names_updated_on(self, obj):
        follow_up = self._follow_up(obj)
        return follow_up.names_updated_on if follow_up else None

    @admin.display(description=_("quyết định"))
    def decision_display(self, obj):
        follow_up = self._follow_up(obj)
        if follow_up is None or not follow_up.decision:
            return _("Chưa có quyết định")
        return follow_up.get_decision_display()

    @admin.display(description=_("thông báo đối tác"))
    def partner_informed_on(self, obj):
        follow_up = self._follow_up(obj)
        return follow_up.partner_informed_on if follow_up else None

    @admin.display(description=_("văn bản thay thế"))
    def replaced_by(self, obj):
        follow_up = self._follow_up(obj)
        return (follow_up and follow_up.replaced_by) or None

    @admin.display(description=_("địa phương đối tác"))
    def partners_display(self, obj):
        return "; ".join(str(partner) for partner in obj.partners.all())
