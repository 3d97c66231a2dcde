from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import search
from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    CachedCountryFilter,
    DomainAdmin,
    country_with_flag,
)
from foreignaffairs.core.admin_filters import ContinentFilter
from foreignaffairs.reports.exchanges import partner_timeline, with_last_exchange
from partners.admin_filters import (
    ActiveAtEndOfFilter,
    DormantFilter,
    EstablishedInFilter,
    RelationshipStatusFilter,
)
from partners.models import PartnerLocality
from partners.resources import PartnerLocalityResource


@admin.register(PartnerLocality)
class PartnerLocalityAdmin(DomainAdmin):
    resource_classes = [PartnerLocalityResource]
    list_display = [
        "name",
        "country_display",
        "continent_display",
        "relationship",
        "established_on",
        "status_display",
        "last_exchange",
        "dormant_display",
    ]
    list_display_links = ["name"]
    list_filter = [
        ContinentFilter,
        ("country", CachedCountryFilter),
        "relationship",
        RelationshipStatusFilter,
        DormantFilter,
        EstablishedInFilter,
        ActiveAtEndOfFilter,
    ]
    # Searched in the stored search text (DomainAdmin.get_search_results). No date_hierarchy:
    # it re-runs the search to find its years; the year filter lists them from the first and
    # last dates instead.
    search_fields = [search.FIELD]
    save_on_top = True
    readonly_fields = RECORD_READONLY_FIELDS
    fieldsets = [
        (None, {"fields": ["name", "name_en", "name_local", "country", "kind"]}),
        (_("Quan hệ"), {"fields": ["relationship", "established_on", "ended_on"]}),
        (
            _("Vị trí và định danh"),
            {"fields": ["latitude", "longitude", "wikidata_id"], "classes": ["collapse"]},
        ),
        (_("Ghi chú"), {"fields": ["notes"]}),
        RECORD_FIELDSET,
    ]

    def get_queryset(self, request):
        # Last exchange and the dormant flag come in the same query as the partners.
        return with_last_exchange(super().get_queryset(request))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["timeline"] = partner_timeline(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("quốc gia"), ordering="country")
    def country_display(self, obj):
        return country_with_flag(obj.country)

    @admin.display(description=_("châu lục"))
    def continent_display(self, obj):
        return obj.get_continent_display()

    @admin.display(description=_("tình trạng"))
    def status_display(self, obj):
        return obj.relationship_status_on(timezone.localdate()).label

    @admin.display(description=_("trao đổi gần nhất"), ordering="last_exchange_on")
    def last_exchange(self, obj):
        return obj.last_exchange_on

    @admin.display(description=_("lâu không trao đổi"), boolean=True, ordering="dormant")
    def dormant_display(self, obj):
        return obj.dormant
