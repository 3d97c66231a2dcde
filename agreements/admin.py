from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from agreements.admin_filters import (
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
    Status,
)
from agreements.resources import AgreementResource
from agreements.services import establish_relationships
from foreignaffairs.core import search
from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    DomainAdmin,
    unaccent_search,
)
from foreignaffairs.core.admin_filters import ContinentFilter, OriginFilter


class ImplementationActivityInline(admin.TabularInline):
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
    inlines = [ImplementationActivityInline]
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
    def last_activity(self, obj) -> str | None:
        # Formatted here: the change form shows read-only values as plain text, not dd/mm/yyyy.
        day = getattr(obj, "last_activity_on", None)
        return formats.date_format(day, "SHORT_DATE_FORMAT") if day else None

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
