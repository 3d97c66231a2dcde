from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import search
from foreignaffairs.core.admin_base import (
    RECORD_FIELDSET,
    RECORD_READONLY_FIELDS,
    CachedCountryFilter,
    DomainAdmin,
    country_with_flag,
    unaccent_search,
)
from foreignaffairs.core.admin_filters import ContinentFilter, OriginFilter
from foreignaffairs.core.dates import dd_mm_yyyy
from foreignaffairs.reports.exchanges import partner_timeline, with_last_exchange
from partners.admin_filters import (
    ActiveAtEndOfFilter,
    DormantFilter,
    EstablishedInFilter,
    RelationshipStatusFilter,
)
from partners.models import PartnerLocality, PartnerOrigin
from partners.resources import PartnerLocalityResource
from partners.services import merge_partners, merge_preview


def _day(value) -> str:
    return dd_mm_yyyy(value) if value else str(_("chưa có ngày"))


@admin.register(PartnerOrigin)
class PartnerOriginAdmin(DomainAdmin):
    """The relationship of each former province with a partner they shared (made by merging
    two records or by importing a former province's file; editable here)."""

    list_display = ["partner", "origin", "established_on", "ended_on"]
    list_filter = [OriginFilter]
    list_select_related = ["partner"]
    search_fields = unaccent_search("partner__name", "partner__name_en")
    autocomplete_fields = ["partner"]
    readonly_fields = RECORD_READONLY_FIELDS
    fieldsets = [
        (None, {"fields": ["partner", "origin", "established_on", "ended_on"]}),
        RECORD_FIELDSET,
    ]


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
        "origins_display",
    ]
    list_display_links = ["name"]
    list_filter = [
        OriginFilter,
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
    actions = ["merge_selected"]
    save_on_top = True
    readonly_fields = ["origin_relationships", *RECORD_READONLY_FIELDS]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "name_local", "country", "kind"]}),
        (_("Đơn vị gốc"), {"fields": ["origin", "origin_relationships"]}),
        (_("Quan hệ"), {"fields": ["relationship", "established_on", "ended_on"]}),
        (
            _("Vị trí và định danh"),
            {"fields": ["latitude", "longitude", "wikidata_id"], "classes": ["collapse"]},
        ),
        (_("Ghi chú"), {"fields": ["notes"]}),
        RECORD_FIELDSET,
    ]

    @admin.action(
        description=_("Hợp nhất hai địa phương đối tác đã chọn (xem trước)"),
        permissions=["delete"],
    )
    def merge_selected(self, request, queryset):
        """Two records of one foreign locality: a page previewing what each choice of the
        record to keep would move, then the merge (partners.services.merge_partners)."""
        partners = list(queryset.order_by("pk")[:3])
        if len(partners) != 2:
            self.message_user(
                request, _("Chọn đúng hai địa phương đối tác để hợp nhất."), messages.ERROR
            )
            return None
        try:
            choices = [
                (kept, merged, merge_preview(kept, merged))
                for kept, merged in (partners, partners[::-1])
            ]
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        kept_id = request.POST.get("kept")
        if request.POST.get("confirm") and kept_id:
            kept, merged, _moves = next(
                (choice for choice in choices if str(choice[0].pk) == kept_id), choices[0]
            )
            kept = merge_partners(kept, merged, user=request.user)
            self.log_change(request, kept, _("Hợp nhất địa phương đối tác"))
            self.message_user(
                request,
                _("Đã hợp nhất “%(merged)s” vào “%(kept)s”.") % {"merged": merged, "kept": kept},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Hợp nhất hai địa phương đối tác"),
            "opts": self.model._meta,
            "choices": choices,
            "selected": [partner.pk for partner in partners],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/partners/merge.html", context)

    def get_queryset(self, request):
        # Last exchange and the dormant flag come in the same query as the partners.
        return with_last_exchange(super().get_queryset(request)).prefetch_related("origins")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["timeline"] = partner_timeline(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("đơn vị gốc"), ordering="origin")
    def origins_display(self, obj):
        """The partner's origin, and every other former province that had relations with it."""
        labels = [obj.get_origin_display()]
        labels += [
            row.get_origin_display() for row in obj.origins.all() if row.origin != obj.origin
        ]
        return "; ".join(str(label) for label in labels)

    @admin.display(description=_("quan hệ theo đơn vị gốc"))
    def origin_relationships(self, obj):
        """Each former province's relationship with a shared partner, with its dates."""
        rows = [
            format_html(
                "{}: {} {}{}",
                row.get_origin_display(),
                _("thiết lập"),
                _day(row.established_on),
                format_html(", {} {}", _("chấm dứt"), _day(row.ended_on)) if row.ended_on else "",
            )
            for row in obj.origins.all()
        ]
        if not rows:
            return _("Chỉ một đơn vị gốc (ngày thiết lập quan hệ ở mục “Quan hệ”).")
        return format_html_join(mark_safe("<br>"), "{}", ((row,) for row in rows))

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
