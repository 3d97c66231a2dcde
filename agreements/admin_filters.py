"""Agreement list filters. Parameter names the dashboard links to (keep them):

`signed_in=<year>` (rule 4), `effective_status=<negotiating|in_force|expired|terminated>`
(the status as of today: an agreement in force past a non-renewing expiry reads as expired),
`dormant=yes` (in force, nothing done for DORMANT_AFTER_MONTHS), `expiring=yes` (in force,
not renewing, expiring within EXPIRING_WITHIN_DAYS), `continent=<code>` and `country=<code>`
(of the partners).

`effective_status`, `dormant` and `expiring` filter on the annotations the admin's queryset
carries (`with_follow_up()` and the `expiring` flag), so the filter and the column agree.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agreements.models import DORMANT_AFTER_MONTHS, EXPIRING_WITHIN_DAYS, Agreement, Status
from foreignaffairs.core import stats_cache
from foreignaffairs.core.admin_filters import FlagFilter, YearFilter
from partners.models import PartnerLocality


class SignedInFilter(YearFilter):
    title = _("ký trong năm")
    heading = _("Văn bản ký năm %(value)s")
    parameter_name = "signed_in"
    date_field = "signed_on"

    def filter_year(self, queryset, year):
        return queryset.signed_in(year)


class EffectiveStatusFilter(admin.SimpleListFilter):
    title = _("tình trạng hiện nay")
    parameter_name = "effective_status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in Status.values:
            raise IncorrectLookupParameters(self.value())
        return queryset.filter(effective_status=self.value())


class DormantFilter(FlagFilter):
    title = format_lazy(_("ký xong để đó ({months} tháng)"), months=DORMANT_AFTER_MONTHS)
    parameter_name = "dormant"

    def keep(self, queryset):
        return queryset.filter(dormant=True)


class ExpiringFilter(FlagFilter):
    title = format_lazy(_("sắp hết hạn ({days} ngày)"), days=EXPIRING_WITHIN_DAYS)
    parameter_name = "expiring"

    def keep(self, queryset):
        return queryset.filter(expiring=True)


class PartnerCountryFilter(admin.SimpleListFilter):
    """`?country=<code>`: agreements with a partner in that country. The choices are the
    countries of partners that have agreements (one query)."""

    title = _("quốc gia đối tác")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = stats_cache.cached(
            "agreement_partner_countries",
            compute=lambda: set(
                PartnerLocality.objects.filter(agreements__isnull=False)
                .order_by()
                .values_list("country", flat=True)
                .distinct()
            ),
        )
        return [(code, name) for code, name in countries if code in codes]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        with_partner_there = Agreement.partners.through.objects.filter(
            partnerlocality__country=self.value()
        ).values("agreement_id")
        return queryset.filter(pk__in=with_partner_there)


class AwaitingDecisionFilter(FlagFilter):
    """`?awaiting_decision=yes`: inherited agreements with no decision yet."""

    title = _("chưa có quyết định")
    parameter_name = "awaiting_decision"
    heading = _("Văn bản kế thừa chưa có quyết định")

    def keep(self, queryset):
        return queryset.awaiting_decision()
