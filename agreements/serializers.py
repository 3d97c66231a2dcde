from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agreements.models import DORMANT_AFTER_MONTHS, Agreement, CooperationField
from agreements.services import save_agreement
from foreignaffairs.core.rest.serializers import ValidatedModelSerializer, model_validation_as_400


class AgreementSerializer(ValidatedModelSerializer):
    """Văn bản hợp tác quốc tế (biên bản ghi nhớ, thỏa thuận, chương trình hành động...)."""

    last_activity_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        label=_("hoạt động gần nhất"),
        help_text=_(
            "Ngày gần nhất của một hoạt động triển khai, đoàn đã thực hiện hoặc sự kiện đã tổ "
            "chức gắn với văn bản."
        ),
    )
    dormant = serializers.BooleanField(
        read_only=True,
        label=_("ký xong để đó"),
        help_text=format_lazy(
            _("Đang có hiệu lực và không có hoạt động triển khai nào trong {months} tháng."),
            months=DORMANT_AFTER_MONTHS,
        ),
    )

    class Meta:
        model = Agreement
        fields = [
            "id",
            "title",
            "kind",
            "partners",
            "signed_on",
            "signed_place",
            "effective_on",
            "expires_on",
            "status",
            "establishes_relationship",
            "fields",
            "last_activity_on",
            "dormant",
            "origin",
        ]
        extra_kwargs = {
            "partners": {"help_text": _("Id các địa phương đối tác.")},
            "status": {
                "help_text": _(
                    "Khi đọc: tình trạng thực tế, văn bản quá ngày hết hạn mà không tự gia hạn "
                    "là `expired`. Khi ghi: tình trạng lưu trong hồ sơ."
                )
            },
        }

    def get_fields(self):
        fields = super().get_fields()
        # Declared here: a class attribute named `fields` would hide Serializer.fields.
        fields["fields"] = serializers.SlugRelatedField(
            many=True,
            required=False,
            slug_field="code",
            queryset=CooperationField.objects.all(),
            label=_("lĩnh vực hợp tác"),
            help_text=_("Mã các lĩnh vực hợp tác, ví dụ `education`."),
        )
        return fields

    def to_representation(self, agreement):
        data = super().to_representation(agreement)
        data["status"] = agreement.effective_status  # annotated by with_follow_up()
        return data

    def save_instance(self, instance, many_to_many):
        """Through the service, so that signing a relationship agreement dates its partners
        (rule 5) in the same transaction."""
        request = self.context.get("request")
        with model_validation_as_400():
            return save_agreement(
                instance,
                partners=many_to_many.get("partners"),
                fields=many_to_many.get("fields"),
                user=request.user if request else None,
            )
