"""Delegation and event list filters. Parameter names the dashboard links to (keep them):

Delegations: `received_in=<year>` (rule 1), `sent_in=<year>` (rule 3), `high_level=yes`
(rule 2's level set), `needs_update=yes`, `upcoming=yes` (the next UPCOMING_WITHIN_DAYS),
`continent=<code>` (shared, in foreignaffairs.core.admin_filters);
also `year=<year>` (any direction or status, by start date).
Events: `hosted_in=<year>` (rule 6), `needs_update=yes`, `upcoming=yes`, `year=<year>`.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from delegations.scheduling import UPCOMING_WITHIN_DAYS
from foreignaffairs.core.admin_filters import FlagFilter, YearFilter


class StartYearFilter(YearFilter):
    """Every record starting in the year, whatever its status (not a counting rule)."""

    title = _("năm bắt đầu")
    parameter_name = "year"
    date_field = "start_date"

    def filter_year(self, queryset, year):
        return queryset.started_in_years(year, year)


class ReceivedInFilter(YearFilter):
    title = _("đoàn vào đã đón trong năm")
    heading = _("Đoàn vào năm %(value)s")
    parameter_name = "received_in"
    date_field = "start_date"

    def filter_year(self, queryset, year):
        return queryset.received_in(year)


class SentInFilter(YearFilter):
    title = _("đoàn ra đã thực hiện trong năm")
    heading = _("Đoàn ra năm %(value)s")
    parameter_name = "sent_in"
    date_field = "start_date"

    def filter_year(self, queryset, year):
        return queryset.sent_in(year)


class HighLevelFilter(FlagFilter):
    title = _("đoàn cấp cao")
    heading = _("Đoàn cấp cao")
    parameter_name = "high_level"

    def keep(self, queryset):
        return queryset.high_level()


class HostedInFilter(YearFilter):
    title = _("Thành phố tổ chức trong năm")
    heading = _("Sự kiện Thành phố tổ chức năm %(value)s")
    parameter_name = "hosted_in"
    date_field = "start_date"

    def filter_year(self, queryset, year):
        return queryset.hosted_in(year)


class NeedsUpdateFilter(FlagFilter):
    """`?needs_update=yes`: start date passed but still pending (planned, or confirmed)."""

    title = _("cần cập nhật tình trạng")
    heading = _("Cần cập nhật tình trạng")
    parameter_name = "needs_update"

    def keep(self, queryset):
        return queryset.needs_update()


class UpcomingFilter(FlagFilter):
    """`?upcoming=yes`: pending, starting within the next UPCOMING_WITHIN_DAYS."""

    title = format_lazy(_("sắp diễn ra ({days} ngày tới)"), days=UPCOMING_WITHIN_DAYS)
    parameter_name = "upcoming"

    def keep(self, queryset):
        return queryset.upcoming()
