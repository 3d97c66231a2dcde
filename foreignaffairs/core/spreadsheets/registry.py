"""The one registry of Excel/CSV resources: which Resource imports and exports each model.

`DomainAdmin` looks a model up here, so every admin built on it gets import, export and the
template download; the `import_excel` command finds resources here by model name.
"""

from agreements.models import Agreement
from agreements.resources import AgreementResource
from delegations.models import Delegation, Event
from delegations.resources import DelegationResource, EventResource
from partners.models import PartnerLocality
from partners.resources import PartnerLocalityResource

RESOURCES = {
    Delegation: DelegationResource,
    Event: EventResource,
    Agreement: AgreementResource,
    PartnerLocality: PartnerLocalityResource,
}


def resource_for(model):
    """The resource class of a model, or None if it has no Excel import/export."""
    return RESOURCES.get(model)


def resource_named(name: str):
    """'delegation', 'delegations.delegation' or 'partnerlocality' -> its resource class."""
    wanted = name.strip().lower()
    for model, resource in RESOURCES.items():
        if wanted in {model._meta.model_name, model._meta.label_lower}:
            return resource
    return None
