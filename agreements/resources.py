"""Agreements in Excel/CSV (see foreignaffairs.core.spreadsheets)."""

import datetime

from agreements.models import Agreement, Kind, Status
from agreements.services import establish_relationships
from foreignaffairs.core.spreadsheets.resources import DomainResource, model_column
from foreignaffairs.deadlines.services import sync_deadlines_for
from partners.widgets import PartnerListWidget


class AgreementResource(DomainResource):
    """Natural key: name + signing date (empty while negotiating).

    Saved row by row, not in bulk: the partners and cooperation fields are many-to-many, and
    signing an agreement that founds a relationship dates its partners (counting rule 5).
    """

    partners = model_column(Agreement, "partners", PartnerListWidget())
    # A made-up agreement with a partner the published records hold (partners are linked by
    # name, so the example names one that exists); cooperation fields by their names.
    example = {
        "title": "Biên bản ghi nhớ mẫu về hợp tác giáo dục",
        "kind": Kind.MOU.label,
        "partners": "Yangon (Myanmar)",
        "signed_on": datetime.date(2024, 9, 12),
        "signed_place": "TP. Hồ Chí Minh",
        "status": Status.IN_FORCE.label,
        "auto_renew": "Không",
        "establishes_relationship": "Không",
        "fields": "Kinh tế; Giáo dục và đào tạo",
    }

    class Meta:
        model = Agreement
        fields = (
            "title",
            "title_en",
            "kind",
            "partners",
            "partner_organization",
            "city_signatory",
            "partner_signatory",
            "signed_on",
            "signed_place",
            "effective_on",
            "expires_on",
            "auto_renew",
            "status",
            "terminated_on",
            "establishes_relationship",
            "fields",
            "notes",
            "origin",
            "source",
        )
        import_id_fields = ("title", "signed_on")

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        establish_relationships(instance, user=self.history_user())
        sync_deadlines_for(instance)
