"""Partner localities in Excel/CSV (see foreignaffairs.core.spreadsheets)."""

import datetime

from foreignaffairs.core.spreadsheets.resources import DomainResource
from foreignaffairs.core.text import fold
from partners.models import AdministrativeKind, PartnerLocality, Relationship


class PartnerLocalityResource(DomainResource):
    """Natural key: country + name ignoring case and diacritics (`name_key`)."""

    # A made-up locality: importing the example must never rewrite a real partner.
    example = {
        "name": "Thành phố Ví Dụ",
        "name_en": "Example City",
        "country": "Nhật Bản",
        "kind": AdministrativeKind.CITY.label,
        "relationship": Relationship.COOPERATION.label,
        "established_on": datetime.date(2024, 10, 15),
    }

    class Meta:
        model = PartnerLocality
        fields = (
            "name",
            "name_en",
            "name_local",
            "country",
            "kind",
            "relationship",
            "established_on",
            "ended_on",
            "latitude",
            "longitude",
            "wikidata_id",
            "notes",
            "source",
        )
        import_id_fields = ("country", "name")
        use_bulk = True

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        instance.name_key = fold(instance.name)  # bulk writes skip PartnerLocality.save()

    def get_bulk_update_fields(self):
        return [*super().get_bulk_update_fields(), "name_key"]
