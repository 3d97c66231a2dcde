from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from foreignaffairs.core.continents import Continent
from foreignaffairs.core.country_names import country_names
from foreignaffairs.core.rest.serializers import ValidatedModelSerializer
from partners.models import DORMANT_AFTER_YEARS, PartnerLocality, PartnerOrigin


class CountryNameField(serializers.CharField):
    """The country's name in the language of the request (Vietnamese unless asked), from the
    names looked up once per language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "country")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("label", _("tên quốc gia"))
        super().__init__(**kwargs)

    def to_representation(self, value):
        return country_names().get(str(value), "")


class PartnerOriginSerializer(serializers.ModelSerializer):
    """Quan hệ của một đơn vị gốc với địa phương đối tác dùng chung."""

    class Meta:
        model = PartnerOrigin
        fields = ["origin", "established_on", "ended_on"]


class PartnerLocalitySerializer(ValidatedModelSerializer):
    """Địa phương đối tác (thành phố, tỉnh, bang, vùng nước ngoài có quan hệ với Thành phố)."""

    country_name = CountryNameField()
    continent = serializers.ChoiceField(
        choices=Continent.choices, read_only=True, allow_null=True, label=_("châu lục")
    )
    active = serializers.SerializerMethodField(
        label=_("đang có quan hệ"),
        help_text=_("Quan hệ đã thiết lập và chưa chấm dứt tính đến hôm nay (quy tắc 5)."),
    )
    last_exchange_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        label=_("lần trao đổi gần nhất"),
        help_text=_(
            "Ngày gần nhất của một đoàn đã thực hiện, văn bản đã ký, hoạt động triển khai hoặc "
            "sự kiện đã tổ chức với địa phương này."
        ),
    )
    dormant = serializers.BooleanField(
        read_only=True,
        label=_("quan hệ trầm lắng"),
        help_text=format_lazy(
            _("Còn quan hệ nhưng không có trao đổi nào trong {years} năm qua."),
            years=DORMANT_AFTER_YEARS,
        ),
    )

    origins = PartnerOriginSerializer(
        many=True,
        read_only=True,
        label=_("quan hệ theo đơn vị gốc"),
        help_text=_(
            "Khi nhiều tỉnh, thành phố cũ cùng có quan hệ với địa phương này: ngày thiết lập và "
            "chấm dứt quan hệ của từng đơn vị gốc. Trống khi chỉ một đơn vị gốc."
        ),
    )

    class Meta:
        model = PartnerLocality
        fields = [
            "id",
            "name",
            "name_en",
            "country",
            "country_name",
            "continent",
            "kind",
            "relationship",
            "established_on",
            "ended_on",
            "active",
            "last_exchange_on",
            "dormant",
            "origin",
            "origins",
        ]

    def get_active(self, partner) -> bool:
        return partner.is_active_on(timezone.localdate())
