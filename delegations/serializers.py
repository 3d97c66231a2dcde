from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from delegations.models import HIGH_LEVELS, Delegation, Event
from foreignaffairs.core.country_names import country_names
from foreignaffairs.core.rest.serializers import ValidatedModelSerializer, iso_date
from foreignaffairs.deadlines.services import sync_deadlines_for
from partners.models import PartnerLocality
from partners.serializers import CountryNameField


class SyncDeadlinesMixin:
    """Saving through the API moves the record's deadlines in the same transaction."""

    def save_instance(self, instance, many_to_many):
        with transaction.atomic():
            instance = super().save_instance(instance, many_to_many)
            sync_deadlines_for(instance)
        return instance


def pillar_links():
    """A visit's pillars (their codes), in the pillars' order."""
    return Delegation.pillars.through.objects.order_by("pillar__order", "pillar__code")


def partner_links():
    """An event's partners, in the partners' own order (by name)."""
    return Event.partners.through.objects.order_by(
        *(f"partnerlocality__{name}" for name in PartnerLocality._meta.ordering), "pk"
    )


class DelegationSerializer(SyncDeadlinesMixin, ValidatedModelSerializer):
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

    row_columns = (
        "id",
        "title",
        "direction",
        "level",
        "country",
        "partner_id",
        "organization",
        "head_name",
        "head_title",
        "member_count",
        "start_date",
        "end_date",
        "status",
        "host_role",
        "purpose",
        "origin",
    )
    row_links = {"pillars": (pillar_links, "delegation_id", "pillar_id")}

    @classmethod
    def represent_rows(cls, rows: list[dict]) -> list[dict]:
        """The list's rows as `to_representation()` gives them, field for field (compared on
        varied records in tests/api/test_list_rows.py)."""
        names = country_names()
        return [
            {
                "id": row["id"],
                "title": row["title"],
                "direction": row["direction"],
                "level": row["level"],
                "high_level": row["level"] in HIGH_LEVELS,
                "country": row["country"],
                "country_name": names.get(row["country"], ""),
                "partner": row["partner_id"],
                "organization": row["organization"],
                "head_name": row["head_name"],
                "head_title": row["head_title"],
                "member_count": row["member_count"],
                "start_date": iso_date(row["start_date"]),
                "end_date": iso_date(row["end_date"]),
                "status": row["status"],
                "host_role": row["host_role"],
                "pillars": pillars,
                "purpose": row["purpose"],
                "origin": row["origin"],
            }
            for row, pillars in zip(rows, cls.linked_ids(rows, "pillars"), strict=True)
        ]


class EventSerializer(SyncDeadlinesMixin, ValidatedModelSerializer):
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
            "needs_prime_minister_approval",
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

    # Every field but the partners, which are links (row_links).
    row_columns = tuple(name for name in Meta.fields if name != "partners")
    row_links = {"partners": (partner_links, "event_id", "partnerlocality_id")}

    @classmethod
    def represent_rows(cls, rows: list[dict]) -> list[dict]:
        """The list's rows as `to_representation()` gives them, field for field (compared on
        varied records in tests/performance/test_list_rows.py)."""
        return [
            {
                "id": row["id"],
                "title": row["title"],
                "kind": row["kind"],
                "start_date": iso_date(row["start_date"]),
                "end_date": iso_date(row["end_date"]),
                "venue": row["venue"],
                "role": row["role"],
                "status": row["status"],
                "needs_prime_minister_approval": row["needs_prime_minister_approval"],
                # Stored as "KR,US" (sorted when saved), listed as the codes.
                "countries": row["countries"].split(",") if row["countries"] else [],
                "partners": partners,
                "origin": row["origin"],
            }
            for row, partners in zip(rows, cls.linked_ids(rows, "partners"), strict=True)
        ]
