"""List filters shared by the admin pages of partners, delegations and agreements.

The parameter names of these filters are a contract: the dashboard links to admin lists such
as `/admin/delegations/delegation/?received_in=2025`. Each filter applies a QuerySet method of
the model (the counting rules live there, not here), so a dashboard figure and the list it
links to always agree.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models import Max, Min
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.continents import Continent
from foreignaffairs.core.dates import FIRST_YEAR, LAST_YEAR
from foreignaffairs.core.origins import Origin

YES = "yes"


class HeadingFilter(admin.SimpleListFilter):
    """A filter that can title the list it selects: `heading` (with `%(value)s`), e.g.
    "Đoàn vào năm %(value)s" → the list reads "Đoàn vào năm 2017 — 155 đoàn"."""

    heading = None

    def describe(self) -> str | None:
        if self.heading is None or self.value() is None:
            return None
        return self.heading % {"value": self.value()}


def list_title(changelist) -> str:
    """The title of every admin list (its page title and heading): what it shows and how many.

    A list one heading filter narrows says what it shows and counts it in the records' name
    ("Đoàn vào năm 2017 — 155 đoàn"); any other list is named by its records, counted once
    ("Việc trong chương trình (49)", not Django's "Chọn việc … để sửa" nor the name twice). A
    popup, where staff pick a record for another form, keeps Django's "Chọn …".
    """
    if changelist.is_popup:
        return changelist.title
    opts = changelist.opts
    count = changelist.result_count
    # A large table's approximate count reads "khoảng 1.009.000" (admin_base.ApproximateCount).
    shown = getattr(count, "text", None) or number_format(count, force_grouping=True)
    headings = [
        heading
        for spec in changelist.filter_specs
        if (heading := getattr(spec, "describe", lambda: None)()) is not None
    ]
    if len(headings) != 1:
        return gettext("%(name)s (%(count)s)") % {
            "name": capfirst(opts.verbose_name_plural),
            "count": shown,
        }
    # "155 đoàn" in Vietnamese; English says the number only ("Incoming delegations in 2017 —
    # 155"): its plural name would repeat the heading ("155 incoming and outgoing delegations").
    # xgettext:no-python-format
    counted = gettext("%(count)s %(name)s") % {"count": shown, "name": opts.verbose_name}
    return f"{headings[0]} — {counted}"


class YearFilter(HeadingFilter):
    """`?<parameter_name>=<year>`: the rows `filter_year(queryset, year)` keeps.

    The choices offered are the years from the first to the last value of `date_field`,
    newest first: one query on the first and last dates, which an index answers at once
    (listing the distinct years would read every row).
    """

    date_field: str

    def lookups(self, request, model_admin):
        return [(str(year), str(year)) for year in self.years(model_admin.model)]

    def has_output(self):
        # The admin drops a filter with no choices, and would then ignore its parameter and
        # list every row: a link to `?received_in=2015` must show nothing when nothing matches.
        return True

    def years(self, model) -> list[int]:
        bounds = model._default_manager.aggregate(
            first=Min(self.date_field), last=Max(self.date_field)
        )
        if bounds["first"] is None:
            return []
        return list(range(bounds["last"].year, bounds["first"].year - 1, -1))

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            year = int(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return queryset.none()  # no record is dated then (core.dates), e.g. ?year=9999
        return self.filter_year(queryset, year)

    def filter_year(self, queryset, year: int):
        raise NotImplementedError


class FlagFilter(HeadingFilter):
    """`?<parameter_name>=yes`: the rows `keep(queryset)` returns."""

    def lookups(self, request, model_admin):
        return [(YES, _("Có"))]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() != YES:
            raise IncorrectLookupParameters(self.value())
        return self.keep(queryset)

    def keep(self, queryset):
        raise NotImplementedError


class ContinentFilter(admin.SimpleListFilter):
    """`?continent=<asia|europe|americas|africa|oceania>`, through the model's
    `in_continent()` QuerySet method."""

    title = _("châu lục")
    parameter_name = "continent"

    def lookups(self, request, model_admin):
        return Continent.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in Continent.values:
            raise IncorrectLookupParameters(self.value())
        return queryset.in_continent(self.value())


class OriginFilter(admin.SimpleListFilter):
    """`?origin=<hcmc|binh_duong|ba_ria_vung_tau>`, through the model's `of_origin()` QuerySet
    method (a partner shared by two former provinces is listed under both)."""

    title = _("đơn vị gốc")
    parameter_name = "origin"

    def lookups(self, request, model_admin):
        return Origin.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in Origin.values:
            raise IncorrectLookupParameters(self.value())
        return queryset.of_origin(self.value())


class BoundedChangeList(ChangeList):
    """The admin's list, refusing a date-hierarchy year outside FIRST_YEAR..LAST_YEAR as it
    refuses `?start_date__year=abc` (Django itself answers 500 to `__year=9999`)."""

    def get_filters(self, request):
        if self.date_hierarchy:
            year = self.params.get(f"{self.date_hierarchy}__year")
            value = year[-1] if isinstance(year, list) else year
            if value is not None and not (
                value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR
            ):
                raise IncorrectLookupParameters(value)
        return super().get_filters(request)


class BoundedChangeListMixin:
    """For a ModelAdmin with a date hierarchy: see `BoundedChangeList`."""

    def get_changelist(self, request, **kwargs):
        return BoundedChangeList
