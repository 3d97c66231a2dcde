"""The agreements app's models: agreements, their fields and implementation activities
(`agreement`), and the register of agreements inherited in the 2025 merger (`inherited`)."""

from agreements.models.agreement import (
    DORMANT_AFTER_MONTHS,
    EXPIRING_WITHIN_DAYS,
    LAST_ACTIVITY,
    ActivityKind,
    Agreement,
    AgreementQuerySet,
    CooperationField,
    ImplementationActivity,
    Kind,
    Status,
    activity_sources,
    dormant_q,
    effective_status_expression,
    new_relationship_q,
    signed_q,
)
from agreements.models.inherited import (
    Decision,
    FollowUpQuerySet,
    InheritedAgreement,
    InheritedAgreementFollowUp,
)

__all__ = [
    "DORMANT_AFTER_MONTHS",
    "EXPIRING_WITHIN_DAYS",
    "LAST_ACTIVITY",
    "ActivityKind",
    "Agreement",
    "AgreementQuerySet",
    "CooperationField",
    "Decision",
    "FollowUpQuerySet",
    "ImplementationActivity",
    "InheritedAgreement",
    "InheritedAgreementFollowUp",
    "Kind",
    "Status",
    "activity_sources",
    "dormant_q",
    "effective_status_expression",
    "new_relationship_q",
    "signed_q",
]
