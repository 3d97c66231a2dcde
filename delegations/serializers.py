from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from delegations.models import Delegation, Event
from foreignaffairs.core.rest.serializers import ValidatedModelSerializer
from partners.serializers import CountryNameField


class DelegationSerializer(ValidatedModelSerializer):
    """Đoàn vào (đoàn nước ngoài đến Thành phố) hoặc đoàn ra (đoàn Thành phố đi nước ngoài)."""

    high_level = serializers.BooleanField(
        source="is_high_level",
        read_only=True,
        label=_("đoàn cấp cao"),
        help_text=_("Cấp đoàn thuộc nhóm cấp cao (quy tắc 2)."),
    )
    country_name = CountryNameField()

    class Meta:
        model = Delegation
        fields = [
            "id",
            "title",
            "direction",
            "level",
            "high_level",
            "country",
            "country_name",
            "partner",
            "organization",
            "head_name",
            "head_title",
            "member_count",
            "start_date",
            "end_date",
            "status",
            "host_role",
            "pillars",
            "purpose",
            "origin",
        ]
        extra_kwargs = {
            "pillars": {"help_text": _("Mã các trụ cột đối ngoại.")},
            # Explicit bounds: the default ones come from the database backend, and the
            # schema must not change with it.
            "member_count": {"min_value": 0, "max_value": 2**31 - 1},
        }


class EventSerializer(ValidatedModelSerializer):
    """Sự kiện đối ngoại Thành phố chủ trì hoặc đồng chủ trì."""

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "kind",
            "start_date",
            "end_date",
            "venue",
            "role",
            "status",
            "countries",
            "partners",
            "origin",
        ]
        extra_kwargs = {
            "countries": {
                "required": False,
                "help_text": _("Mã ISO alpha-2 của các quốc gia tham gia."),
            },
            "partners": {"help_text": _("Id các địa phương đối tác liên quan.")},
        }
