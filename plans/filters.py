from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from foreignaffairs.core.rest.filters import IntegerFilter
from plans.models import AnnualPlan, ItemKind, ItemState, PlanItem


class AnnualPlanFilter(filters.FilterSet):
    year = IntegerFilter(
        field_name="year", min_value=1900, max_value=2100, help_text=_("Năm của chương trình.")
    )

    class Meta:
        model = AnnualPlan
        fields = []


class PlanItemFilter(filters.FilterSet):
    year = IntegerFilter(
        field_name="plan__year",
        min_value=1900,
        max_value=2100,
        help_text=_("Năm của chương trình."),
    )
    kind = filters.ChoiceFilter(choices=ItemKind.choices, help_text=_("Loại việc."))
    state = filters.ChoiceFilter(
        field_name="state", choices=ItemState.choices, help_text=_("Tình trạng thực hiện.")
    )

    class Meta:
        model = PlanItem
        fields = []
