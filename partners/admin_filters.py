"""Partner list filters. Parameter names the dashboard links to (keep them):

- `active_at_end_of=<year>`: partners in a relationship on 31 December of that year (rule 5);
- `established_in=<year>`: relationships established that year;
- `dormant=yes`: no exchange for DORMANT_AFTER_YEARS (computed in `reports.exchanges`);
- `continent=<code>` (shared, in foreignaffairs.core.admin_filters);
- `status=<active|ended|not_established>`: the relationship as of today.
"""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Min
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.admin_filters import FlagFilter, YearFilter
from partners.models import DORMANT_AFTER_YEARS, RelationshipStatus


class EstablishedInFilter(YearFilter):
    title = _("thiết lập quan hệ trong năm")
    heading = _("Đối tác thiết lập quan hệ năm %(value)s")
    parameter_name = "established_in"
    date_field = "established_on"

    def filter_year(self, queryset, year):
        return queryset.established_in(year)


class ActiveAtEndOfFilter(YearFilter):
    title = _("đang có quan hệ vào cuối năm")
    heading = _("Đối tác có quan hệ vào cuối năm %(value)s")
    parameter_name = "active_at_end_of"
    date_field = "established_on"

    def years(self, model):
        first = model._default_manager.aggregate(first=Min(self.date_field))["first"]
        if first is None:
            return []
        return list(range(timezone.localdate().year, first.year - 1, -1))

    def filter_year(self, queryset, year):
        return queryset.active_on(datetime.date(year, 12, 31))


class DormantFilter(FlagFilter):
    """Relies on the `dormant` annotation of the admin queryset (`reports.exchanges`)."""

    title = format_lazy(_("lâu không trao đổi ({years} năm)"), years=DORMANT_AFTER_YEARS)
    parameter_name = "dormant"

    def keep(self, queryset):
        return queryset.filter(dormant=True)


class RelationshipStatusFilter(admin.SimpleListFilter):
    """`?status=<code>`: the relationship as of today, as the list's status column shows it."""

    title = _("tình trạng quan hệ")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return RelationshipStatus.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in RelationshipStatus.values:
            raise IncorrectLookupParameters(self.value())
        return queryset.in_relationship_status(self.value())
