from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.rest.views import RecordViewSet, document_records
from foreignaffairs.reports.exchanges import with_last_exchange
from partners.filters import PartnerLocalityFilter
from partners.models import PartnerLocality
from partners.serializers import PartnerLocalitySerializer


@document_records(_("địa phương đối tác"), _("địa phương đối tác"))
class PartnerLocalityViewSet(RecordViewSet):
    serializer_class = PartnerLocalitySerializer
    filterset_class = PartnerLocalityFilter
    search_fields = PartnerLocality.searchable_fields  # in its search text
    ordering_fields = ["id", "name", "country", "established_on", "last_exchange_on"]
    ordering = ["name", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # The schema needs the model only; the follow-up reads the database.
            return PartnerLocality.objects.none()
        return with_last_exchange(PartnerLocality.objects.all()).prefetch_related("origins")
