"""Filter building blocks shared by the FilterSets of the three apps.

Every filter validates its value: an unknown choice, a year that is not a number or a
boolean other than true/false gives 400 with the field's error, never a silently ignored
filter (DjangoFilterBackend raises on an invalid FilterSet).
"""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.fields import ChoiceField
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

from foreignaffairs.core import search
from foreignaffairs.core.continents import Continent
from foreignaffairs.core.country_names import country_names
from foreignaffairs.core.dates import FIRST_YEAR, LAST_YEAR
from foreignaffairs.core.origins import Origin, with_named_origins
from foreignaffairs.core.text import unaccent


class IntegerFilter(filters.NumberFilter):
    """An integer; its bounds (`min_value`, `max_value`), which give a 400 when crossed, are
    stated in the schema too."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schema = {"type": "integer", "description": kwargs.get("help_text", "")}
        for keyword, name in (("min_value", "minimum"), ("max_value", "maximum")):
            if kwargs.get(keyword) is not None:
                schema[name] = kwargs[keyword]
        extend_schema_field(schema)(self)


def year_filter(method: str, help_text) -> IntegerFilter:
    return IntegerFilter(
        method=method, min_value=FIRST_YEAR, max_value=LAST_YEAR, help_text=help_text
    )


def filter_exactly(queryset, name, value: bool):
    return queryset.filter(**{name: value})


def boolean_choices():
    # A callable, so that the schema shows a boolean rather than an enum of two strings.
    return [("true", "true"), ("false", "false")]


class StrictBooleanFilter(filters.TypedChoiceFilter):
    """`true` or `false`; anything else is a 400 (django-filter's own BooleanFilter would
    silently ignore `?dormant=yes`).

    Filter methods declare `value: bool`, which is how the schema learns the type.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", boolean_choices)
        kwargs.setdefault("coerce", lambda value: value == "true")
        kwargs.setdefault("method", filter_exactly)
        super().__init__(*args, **kwargs)


class CountryCodeField(ChoiceField):
    def to_python(self, value):
        return super().to_python(value).upper()


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166-1 alpha-2 codes and names (also the name of the enum in the schema)."""
    return list(country_names().items())


class CountryFilter(filters.ChoiceFilter):
    """An ISO 3166-1 alpha-2 code, in either case: `JP` or `jp`.

    Always used with a filter method declaring `value: str` (the schema's type)."""

    field_class = CountryCodeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", country_choices)
        kwargs.setdefault("help_text", _("Mã quốc gia ISO 3166-1 alpha-2, ví dụ JP."))
        super().__init__(*args, **kwargs)
        # The schema lists the codes the server accepts (an unknown code is a 400), in
        # capitals; lower case is accepted too.
        extend_schema_field({"type": "string", "enum": sorted(country_names())})(self)


class ContinentFilter(filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", Continent.choices)
        kwargs.setdefault("help_text", _("Châu lục theo cách tính năm châu của Việt Nam."))
        super().__init__(*args, **kwargs)


def having(queryset: QuerySet, matching: QuerySet) -> QuerySet:
    """Keep the records that are in `matching`, a filter over a many-to-many relation.

    A subquery (`pk IN (...)`) instead of a join keeps one row per record: no DISTINCT,
    which would also have to cover the annotations of the list.
    """
    return queryset.filter(pk__in=matching.values("pk"))


class FilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, which a request naming none of the view's filters skips: the
    filter form (a form class and its fields, built per request) then filters nothing and
    costs more than reading the page. A request naming one (`country=`, or a range's
    `start_date_after=`) is filtered and validated as always."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            param == name or param.startswith(f"{name}_")
            for param in request.query_params
            for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class UnaccentSearchFilter(SearchFilter):
    """`?search=`: each word must occur in one of the view's `search_fields`, ignoring case and
    Vietnamese diacritics: "da nang" and "Đà Nẵng" both find "Đà Nẵng".

    A searchable model (foreignaffairs.core.search) is searched in its stored search text,
    which holds its `searchable_fields`, as the admin searches it."""

    def get_search_terms(self, request):
        try:
            terms = super().get_search_terms(request)
        except ValidationError as error:  # e.g. a NUL character: the parameter's own error
            raise ValidationError({self.search_param: error.detail}) from error
        return [unaccent(term) for term in terms]

    def filter_queryset(self, request, queryset, view):
        if not search.is_searchable(queryset.model) or not self.get_search_fields(view, request):
            return super().filter_queryset(request, queryset, view)
        results = search.matching(queryset, self.get_search_terms(request))
        # As in the admin: "binh duong" also lists Bình Dương's records.
        term = request.query_params.get(self.search_param, "")
        return with_named_origins(queryset, results, term) if term.strip() else results

    search_description = _(
        'Tìm theo từ, không phân biệt hoa thường và dấu: "da nang" tìm được "Đà Nẵng".'
    )

    def construct_search(self, field_name, queryset):
        return f"{field_name}__unaccent__icontains"


class SortFilter(OrderingFilter):
    """`?ordering=`: DRF's, documented in Vietnamese with the view's sortable fields."""

    ordering_description = _(
        "Sắp xếp theo trường này; thêm dấu trừ để giảm dần, ví dụ `-id`. Nhiều trường cách "
        "nhau bằng dấu phẩy."
    )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = ", ".join(f"`{field}`" for field in getattr(view, "ordering_fields", []))
        for parameter in parameters:
            parameter["description"] += " " + _("Các trường: %(fields)s.") % {"fields": fields}
        return parameters


def filter_origin(queryset, name, value: str):
    return queryset.of_origin(value)


class OriginFilter(filters.ChoiceFilter):
    """`?origin=hcmc|binh_duong|ba_ria_vung_tau`, through the model's `of_origin()`; any other
    value is a 400."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", Origin.choices)
        kwargs.setdefault("method", filter_origin)
        kwargs.setdefault(
            "help_text",
            _(
                "Đơn vị gốc (tỉnh, thành phố trước hợp nhất 01/07/2025): hcmc, binh_duong, "
                "ba_ria_vung_tau."
            ),
        )
        super().__init__(*args, **kwargs)
