from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from foreignaffairs.core.rest.serializers import ValidatedModelSerializer
from plans.models import AnnualPlan, ItemState, PlanItem, link_errors


class PlanItemSerializer(ValidatedModelSerializer):
    """Một việc trong chương trình đối ngoại năm, và các bản ghi đã thực hiện việc đó."""

    year = serializers.IntegerField(source="plan.year", read_only=True, label=_("năm"))
    state = serializers.ChoiceField(
        choices=ItemState.choices,
        read_only=True,
        label=_("tình trạng thực hiện"),
        help_text=_(
            "`done`: có bản ghi liên kết đã thực hiện (đoàn đã thực hiện, sự kiện đã tổ chức, "
            "văn bản đã ký); `in_progress`: có bản ghi đang triển khai; `not_started`: chưa có; "
            "`cancelled`: đã hủy khỏi chương trình."
        ),
    )
    late = serializers.SerializerMethodField(
        label=_("quá hạn"),
        help_text=_("Chưa thực hiện và đã qua tháng, quý dự kiến (hoặc hết năm)."),
    )

    class Meta:
        model = PlanItem
        fields = [
            "id",
            "plan",
            "year",
            "kind",
            "title",
            "country",
            "partner",
            "level",
            "month",
            "quarter",
            "due_on",
            "purpose",
            "responsible_unit",
            "cancelled",
            "state",
            "late",
            "delegations",
            "events",
            "agreements",
        ]
        read_only_fields = ["due_on"]

    def get_late(self, item) -> bool:
        today = self.context["today"]
        return item.state in (ItemState.IN_PROGRESS, ItemState.NOT_STARTED) and item.due_on < today

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = self.instance
        plan = attrs.get("plan") or (instance.plan if instance else None)
        kind = attrs.get("kind") or (instance.kind if instance else None)
        if plan and kind:

            def linked(name):
                if name in attrs:
                    return attrs[name]
                return getattr(instance, name).all() if instance else ()

            errors = link_errors(
                plan.year,
                kind,
                delegations=linked("delegations"),
                events=linked("events"),
                agreements=linked("agreements"),
            )
            if errors:
                raise serializers.ValidationError({"links": errors})
        return attrs


class AnnualPlanSerializer(serializers.ModelSerializer):
    """Chương trình đối ngoại năm với các việc và bản ghi thực hiện."""

    items = PlanItemSerializer(many=True, read_only=True)
    approved_late = serializers.SerializerMethodField(
        label=_("phê duyệt chậm"),
        help_text=_(
            "Phê duyệt sau hạn (mặc định 31/12 năm trước), hoặc quá hạn mà chưa phê duyệt."
        ),
    )

    class Meta:
        model = AnnualPlan
        fields = ["id", "year", "title", "decision_number", "approved_on", "approved_late", "items"]

    def get_approved_late(self, plan) -> bool:
        return plan.approved_late(self.context["today"])
