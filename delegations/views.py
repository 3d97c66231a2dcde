from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from delegations.filters import DelegationFilter, EventFilter
from delegations.models import Delegation, Event
from delegations.serializers import DelegationSerializer, EventSerializer
from foreignaffairs.core.rest.views import RecordViewSet, document_records
from partners.models import PartnerLocality


@document_records(_("đoàn"), _("đoàn vào, đoàn ra"))
class DelegationViewSet(RecordViewSet):
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    search_fields = Delegation.searchable_fields  # in its search text
    ordering_fields = ["id", "start_date", "end_date", "title", "country", "member_count"]
    ordering = ["-start_date", "-id"]

    def get_queryset(self):
        return Delegation.objects.prefetch_related("pillars")


@document_records(_("sự kiện đối ngoại"), _("sự kiện đối ngoại"))
class EventViewSet(RecordViewSet):
    serializer_class = EventSerializer
    filterset_class = EventFilter
    search_fields = Event.searchable_fields  # in its search text
    ordering_fields = ["id", "start_date", "end_date", "title"]
    ordering = ["-start_date", "-id"]

    def get_queryset(self):
        partner_ids = PartnerLocality.objects.only("id")
        return Event.objects.prefetch_related(Prefetch("partners", queryset=partner_ids))
