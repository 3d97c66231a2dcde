"""Delegations and events in Excel/CSV (see foreignaffairs.core.spreadsheets)."""

import datetime

from delegations.models import (
    Delegation,
    Direction,
    Event,
    EventKind,
    EventRole,
    EventStatus,
    Level,
    Status,
)
from foreignaffairs.core.spreadsheets.resources import DomainResource, column_label, model_column
from foreignaffairs.deadlines.services import sync_many
from partners.widgets import PartnerWidget


class SyncDeadlinesMixin:
    """Bulk writes call no record's save(): the imported rows' deadlines are synced after each
    batch, inside the import's transaction (all or nothing)."""

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        written = list(self.create_instances)
        stored = super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        if stored and not dry_run:
            sync_many(written)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        written = list(self.update_instances)
        stored = super().bulk_update(using_transactions, dry_run, raise_errors, batch_size, result)
        if stored and not dry_run:
            sync_many(written)


class DelegationResource(SyncDeadlinesMixin, DomainResource):
    """Natural key: direction + name + start date (one visit of one delegation)."""

    # The partner locality by name, looked for in the row's country.
    partner = model_column(
        Delegation,
        "partner",
        PartnerWidget(country_column=column_label(Delegation, "country")),
    )
    # A made-up visit (the template's example must match no real record).
    example = {
        "direction": Direction.INCOMING.label,
        "title": "Đoàn mẫu — Thị trưởng Thành phố Ví Dụ",
        "level": Level.LOCAL_LEADER.label,
        "country": "Nhật Bản",
        "head_name": "Nguyễn Văn Mẫu",
        "head_title": "Thị trưởng",
        "member_count": 12,
        "start_date": datetime.date(2024, 11, 25),
        "end_date": datetime.date(2024, 11, 26),
        "status": Status.COMPLETED.label,
        "purpose": "Thúc đẩy hợp tác kinh tế, thương mại",
    }

    class Meta:
        model = Delegation
        fields = (
            "direction",
            "title",
            "level",
            "country",
            "partner",
            "organization",
            "head_name",
            "head_title",
            "member_count",
            "start_date",
            "end_date",
            "date_precision",
            "status",
            "host_role",
            "city_leader",
            "purpose",
            "outcome",
            "origin",
            "source",
        )
        import_id_fields = ("direction", "title", "start_date")
        # Thousands of rows: bulk writes with history (see DomainResource.bulk_create).
        use_bulk = True


class EventResource(SyncDeadlinesMixin, DomainResource):
    """Natural key: name + start date."""

    example = {
        "title": "Hội nghị mẫu về hợp tác đầu tư",
        "kind": EventKind.CONFERENCE.label,
        "start_date": datetime.date(2024, 6, 14),
        "venue": "Trung tâm Hội chợ và Triển lãm Sài Gòn",
        "role": EventRole.HOST.label,
        "status": EventStatus.HELD.label,
        "foreign_participants": 120,
        "countries": "Nhật Bản; Hàn Quốc",
    }

    class Meta:
        model = Event
        fields = (
            "title",
            "kind",
            "start_date",
            "end_date",
            "date_precision",
            "venue",
            "role",
            "status",
            "needs_prime_minister_approval",
            "foreign_participants",
            "countries",
            "notes",
            "origin",
            "source",
        )
        import_id_fields = ("title", "start_date")
        use_bulk = True
