from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from agreements.models import DORMANT_AFTER_MONTHS, Agreement, Status
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


class AgreementFilter(filters.FilterSet):
    origin = OriginFilter()
    year = year_filter(
        "filter_year",
        _("Năm ký (quy tắc 4): văn bản đang đàm phán chưa có ngày ký nên không thuộc năm nào."),
    )
    signed_on = filters.DateFromToRangeFilter(
        help_text=_("Ngày ký từ (`_after`) / đến (`_before`), YYYY-MM-DD.")
    )
    country = CountryFilter(
        method="filter_country", help_text=_("Có đối tác thuộc quốc gia này (mã ISO alpha-2).")
    )
    continent = ContinentFilter(method="filter_continent")
    partner = IntegerFilter(method="filter_partner", help_text=_("Id địa phương đối tác."))
    status = filters.ChoiceFilter(
        field_name="effective_status",
        choices=Status.choices,
        help_text=_("Tình trạng thực tế (như trường `status` của kết quả)."),
    )
    field = filters.CharFilter(
        method="filter_field", help_text=_("Mã lĩnh vực hợp tác, ví dụ `education`.")
    )
    establishes_relationship = StrictBooleanFilter(
        field_name="establishes_relationship", help_text=_("Văn bản thiết lập quan hệ mới.")
    )
    dormant = StrictBooleanFilter(
        field_name="dormant",
        help_text=format_lazy(
            _("Ký xong để đó: có hiệu lực, {months} tháng không có hoạt động triển khai."),
            months=DORMANT_AFTER_MONTHS,
        ),
    )
    expiring_within_days = IntegerFilter(
        method="filter_expiring",
        min_value=0,
        max_value=3650,
        help_text=_("Đang có hiệu lực, không tự gia hạn, hết hạn trong số ngày tới này."),
    )

    class Meta:
        model = Agreement
        fields = ["kind"]

    def filter_year(self, queryset, name, value: int):
        return queryset.signed_in(value)

    def filter_country(self, queryset, name, value: str):
        return having(queryset, Agreement.objects.filter(partners__country=value))

    def filter_continent(self, queryset, name, value: str):
        partner_countries = countries_in(value)
        return having(queryset, Agreement.objects.filter(partners__country__in=partner_countries))

    def filter_partner(self, queryset, name, value: int):
        return having(queryset, Agreement.objects.filter(partners=value))

    def filter_field(self, queryset, name, value: str):
        return having(queryset, Agreement.objects.filter(fields__code=value))

    def filter_expiring(self, queryset, name, value: int):
        return having(queryset, Agreement.objects.expiring(days=value))
