"""`GET /api/v1/deadlines/`: the office's deadlines, for staff accounts only (never for a
department's key)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from foreignaffairs.core.rest.filters import IntegerFilter, StrictBooleanFilter
from foreignaffairs.core.rest.pagination import Pagination
from foreignaffairs.deadlines.models import Deadline, Rule, State


class StaffOnly(permissions.BasePermission):
    message = _("Chỉ cán bộ của Sở xem được thời hạn; khóa API của sở, ngành không dùng được.")

    def has_permission(self, request, view):
        user = request.user
        if getattr(user, "is_department_key", False):
            return False
        return bool(user and user.is_authenticated and user.is_active and user.is_staff)


class DeadlinePagination(Pagination):
    # Counted every time: marking a deadline done does not change the cached data version.
    cache_count = False


class DeadlineFilter(filters.FilterSet):
    agreement = IntegerFilter(field_name="agreement", help_text=_("Id văn bản hợp tác."))
    delegation = IntegerFilter(field_name="delegation", help_text=_("Id đoàn."))
    event = IntegerFilter(field_name="event", help_text=_("Id sự kiện."))
    kind = filters.ModelChoiceFilter(
        field_name="rule",
        to_field_name="code",
        queryset=Rule.objects.all(),
        help_text=_("Mã quy tắc thời hạn, ví dụ `agreement_report`."),
        error_messages={"invalid_choice": _("Không có quy tắc thời hạn này.")},
    )
    overdue = StrictBooleanFilter(
        method="filter_overdue", help_text=_("Quá hạn (chưa xong và đã qua hạn) hay không.")
    )
    due_before = filters.DateFilter(
        field_name="due_on", lookup_expr="lte", help_text=_("Hạn đến hết ngày này, YYYY-MM-DD.")
    )
    assignee = IntegerFilter(field_name="assignee", help_text=_("Id người phụ trách."))

    class Meta:
        model = Deadline
        fields = []

    def filter_overdue(self, queryset, name, value: bool):
        today = timezone.localdate()
        return queryset.overdue(today) if value else queryset.not_overdue(today)


class RecordSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=["agreement", "delegation", "event"], label=_("loại hồ sơ")
    )
    id = serializers.IntegerField()
    title = serializers.CharField()


class DeadlineSerializer(serializers.ModelSerializer):
    """Một thời hạn: việc phải làm, hạn, căn cứ và hồ sơ phát sinh."""

    kind = serializers.SlugRelatedField(source="rule", slug_field="code", read_only=True)
    kind_name = serializers.CharField(source="rule.name", read_only=True)
    legal_basis = serializers.CharField(source="rule.legal_basis", read_only=True)
    state = serializers.ChoiceField(choices=State.choices, read_only=True)
    record = serializers.SerializerMethodField()

    class Meta:
        model = Deadline
        fields = [
            "id",
            "kind",
            "kind_name",
            "trigger_on",
            "due_on",
            "done_on",
            "state",
            "legal_basis",
            "assignee",
            "record",
        ]

    @extend_schema_field(RecordSerializer)
    def get_record(self, deadline):
        for kind in ("agreement", "delegation", "event"):
            record = getattr(deadline, kind)
            if record is not None:
                return {"type": kind, "id": record.pk, "title": str(record)}
        return None


@extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách thời hạn"),
        description=_(
            "Chỉ tài khoản cán bộ của Sở. `state`: `open` (chưa đến hạn), `overdue` (quá "
            "hạn), `done` (đã xong)."
        ),
    ),
    retrieve=extend_schema(summary=_("Một thời hạn theo id")),
)
class DeadlineViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DeadlineSerializer
    filterset_class = DeadlineFilter
    permission_classes = [StaffOnly]
    pagination_class = DeadlinePagination
    filter_backends = [filters.DjangoFilterBackend]

    def get_queryset(self):
        return (
            Deadline.objects.with_records()
            .with_state(timezone.localdate())
            .order_by("due_on", "id")
        )
