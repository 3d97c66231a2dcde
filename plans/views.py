from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from foreignaffairs.core.rest.views import RecordViewSet, document_records
from plans.filters import AnnualPlanFilter, PlanItemFilter
from plans.models import AnnualPlan, PlanItem
from plans.serializers import AnnualPlanSerializer, PlanItemSerializer


def items_with_links():
    return (
        PlanItem.objects.with_state()
        .select_related("plan")
        .prefetch_related("delegations", "events", "agreements")
    )


class TodayContextMixin:
    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}


@document_records(_("việc trong chương trình đối ngoại"), _("việc trong chương trình đối ngoại"))
class PlanItemViewSet(TodayContextMixin, RecordViewSet):
    serializer_class = PlanItemSerializer
    filterset_class = PlanItemFilter
    search_fields = ["title", "purpose", "responsible_unit"]
    ordering_fields = ["id", "due_on"]
    ordering = ["due_on", "id"]

    def get_queryset(self):
        return items_with_links()


@extend_schema_view(
    list=extend_schema(
        summary=_("Chương trình đối ngoại năm"),
        description=_(
            "Mỗi chương trình kèm các việc, tình trạng thực hiện và id các đoàn, sự kiện, văn "
            "bản đã thực hiện từng việc. Lọc theo `year`."
        ),
    ),
    retrieve=extend_schema(summary=_("Một chương trình đối ngoại năm theo id")),
)
class AnnualPlanViewSet(TodayContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AnnualPlanSerializer
    filterset_class = AnnualPlanFilter
    permission_classes = RecordViewSet.permission_classes
    ordering = ["-year"]

    def get_queryset(self):
        return AnnualPlan.objects.prefetch_related(
            Prefetch("items", queryset=items_with_links().order_by("due_on", "id"))
        )
