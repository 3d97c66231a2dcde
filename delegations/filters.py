from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from delegations.models import HIGH_LEVELS, Delegation, Event
from foreignaffairs.core.continents import countries_in
from foreignaffairs.core.rest.filters import (
    ContinentFilter,
    CountryFilter,
    IntegerFilter,
    OriginFilter,
    StrictBooleanFilter,
    having,
    year_filter,
)

START_DATE_HELP = _("Ngày bắt đầu từ (`_after`) / đến (`_before`), YYYY-MM-DD.")
PARTNER_HELP = _("Id địa phương đối tác.")


class DelegationFilter(filters.FilterSet):
    origin = OriginFilter()
    year = year_filter(
        "filter_year",
        _(
            "Năm của ngày bắt đầu: chuyến thăm từ 30/12 đến 02/01 tính vào năm bắt đầu. Thêm "
            "`status=completed` và `direction` để có đúng số đoàn của quy tắc 1 và 3."
        ),
    )
    start_date = filters.DateFromToRangeFilter(help_text=START_DATE_HELP)
    country = CountryFilter(method="filter_country")
    continent = ContinentFilter(method="filter_continent")
    partner = IntegerFilter(method="filter_partner", help_text=PARTNER_HELP)
    high_level = StrictBooleanFilter(
        method="filter_high_level", help_text=_("Đoàn cấp cao (quy tắc 2) hay không.")
    )

    class Meta:
        model = Delegation
        fields = ["direction", "level", "status"]

    def filter_year(self, queryset, name, value: int):
        return queryset.started_in_years(value, value)

    def filter_country(self, queryset, name, value: str):
        return queryset.filter(country=value)

    def filter_continent(self, queryset, name, value: str):
        return queryset.in_continent(value)

    def filter_partner(self, queryset, name, value: int):
        return queryset.filter(partner=value)

    def filter_high_level(self, queryset, name, value: bool):
        return queryset.high_level() if value else queryset.exclude(level__in=HIGH_LEVELS)


class EventFilter(filters.FilterSet):
    origin = OriginFilter()
    year = year_filter(
        "filter_year",
        _(
            "Năm của ngày bắt đầu. Sự kiện Thành phố tổ chức (quy tắc 6): `role` host hoặc "
            "co_host, `status` khác cancelled."
        ),
    )
    start_date = filters.DateFromToRangeFilter(help_text=START_DATE_HELP)
    country = CountryFilter(
        method="filter_country", help_text=_("Có quốc gia này tham gia (mã ISO alpha-2).")
    )
    continent = ContinentFilter(method="filter_continent")
    partner = IntegerFilter(method="filter_partner", help_text=PARTNER_HELP)

    class Meta:
        model = Event
        fields = ["kind", "role", "status"]

    def filter_year(self, queryset, name, value: int):
        return queryset.started_in_years(value, value)

    def filter_country(self, queryset, name, value: str):
        return queryset.filter(countries__contains=value)

    def filter_continent(self, queryset, name, value: str):
        # Codes are stored comma-separated, two letters each, so a code can only match itself.
        matching = Q()
        for code in countries_in(value):
            matching |= Q(countries__contains=code)
        return queryset.filter(matching)

    def filter_partner(self, queryset, name, value: int):
        return having(queryset, Event.objects.filter(partners=value))
