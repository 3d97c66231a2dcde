from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from foreignaffairs.core.rest.filters import (
    ContinentFilter,
    CountryFilter,
    OriginFilter,
    StrictBooleanFilter,
    year_filter,
)
from partners.models import DORMANT_AFTER_YEARS, PartnerLocality, active_on_q


class PartnerLocalityFilter(filters.FilterSet):
    origin = OriginFilter()
    year = year_filter(
        "filter_year", _("Năm thiết lập quan hệ (địa phương đối tác mới trong năm, quy tắc 5).")
    )
    established_on = filters.DateFromToRangeFilter(
        help_text=_("Ngày thiết lập quan hệ từ (`_after`) / đến (`_before`), YYYY-MM-DD.")
    )
    country = CountryFilter(method="filter_country")
    continent = ContinentFilter(method="filter_continent")
    active = StrictBooleanFilter(
        method="filter_active", help_text=_("Đang có quan hệ tính đến hôm nay.")
    )
    dormant = StrictBooleanFilter(
        field_name="dormant",
        help_text=format_lazy(
            _("Còn quan hệ nhưng {years} năm không có trao đổi."), years=DORMANT_AFTER_YEARS
        ),
    )

    class Meta:
        model = PartnerLocality
        fields = ["kind", "relationship"]

    def filter_year(self, queryset, name, value: int):
        return queryset.established_in(value)

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_continent(self, queryset, name, value: str):
        return queryset.in_continent(value)

    def filter_active(self, queryset, name, value: bool):
        active = active_on_q(timezone.localdate())
        return queryset.filter(active) if value else queryset.exclude(active)
