"""Partner localities in Excel/CSV (see foreignaffairs.core.spreadsheets)."""

import datetime

from foreignaffairs.core.spreadsheets.resources import DomainResource
from partners.models import AdministrativeKind, PartnerLocality, Relationship
from partners.services import share_partner


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
            "origin",
            "source",
        )
        import_id_fields = ("country", "name")
        use_bulk = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # (partner id, established, ended) of rows of this file's origin matching a partner of
        # another origin: shared after the rows are saved (`after_import`).
        self.shared: list[tuple] = []

    def apply_file_origin(self, instance, row, existing_origin, errors: dict) -> None:
        """A former province's row for a partner another origin already has is the same foreign
        locality: the partner is shared (its own origin and dates stay, the file's origin gets
        its relationship with the row's dates), not rewritten nor refused."""
        if existing_origin is None or existing_origin == self.file_origin:
            super().apply_file_origin(instance, row, existing_origin, errors)
            return
        own = PartnerLocality.objects.values("established_on", "ended_on").get(pk=instance.pk)
        self.shared.append((instance.pk, instance.established_on, instance.ended_on))
        instance.origin = existing_origin
        instance.established_on, instance.ended_on = own["established_on"], own["ended_on"]

    def after_import(self, dataset, result, **kwargs):
        if not result.has_errors() and not result.has_validation_errors():
            for pk, established_on, ended_on in self.shared:
                share_partner(
                    PartnerLocality(pk=pk),
                    self.file_origin,
                    established_on,
                    ended_on,
                    user=self.history_user(),
                )
        self.shared = []
        super().after_import(dataset, result, **kwargs)
