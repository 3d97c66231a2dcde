from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from agreements.filters import AgreementFilter
from agreements.models import Agreement
from agreements.serializers import AgreementSerializer
from foreignaffairs.core.rest.views import RecordViewSet, document_records
from partners.models import PartnerLocality


@document_records(_("văn bản hợp tác"), _("văn bản hợp tác"))
class AgreementViewSet(RecordViewSet):
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    search_fields = Agreement.searchable_fields  # and its partners' names
    ordering_fields = ["id", "signed_on", "effective_on", "expires_on", "title", "last_activity_on"]
    ordering = ["-signed_on", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # The schema needs the model only; the follow-up reads the database.
            return Agreement.objects.none()
        partner_ids = PartnerLocality.objects.only("id")
        return Agreement.objects.with_follow_up().prefetch_related(
            Prefetch("partners", queryset=partner_ids), "fields"
        )
