"""Labels and help texts that state a business threshold state the value of the one constant
the rule applies (DESIGN.md, "Architecture"), in Vietnamese and in English."""

import pytest
from django.utils import translation

from agreements.admin_filters import DormantFilter as DormantAgreementFilter
from agreements.admin_filters import ExpiringFilter
from agreements.filters import AgreementFilter
from agreements.models import DORMANT_AFTER_MONTHS, EXPIRING_WITHIN_DAYS
from agreements.serializers import AgreementSerializer
from delegations.admin_filters import UpcomingFilter
from delegations.scheduling import UPCOMING_WITHIN_DAYS
from partners.admin_filters import DormantFilter as DormantPartnerFilter
from partners.filters import PartnerLocalityFilter
from partners.models import DORMANT_AFTER_YEARS
from partners.serializers import PartnerLocalitySerializer

LABELS = {
    "agreement filter": (
        lambda: DormantAgreementFilter.title,
        f"ký xong để đó ({DORMANT_AFTER_MONTHS} tháng)",
        f"signed but dormant ({DORMANT_AFTER_MONTHS} months)",
    ),
    "expiring filter": (
        lambda: ExpiringFilter.title,
        f"sắp hết hạn ({EXPIRING_WITHIN_DAYS} ngày)",
        f"expiring soon ({EXPIRING_WITHIN_DAYS} days)",
    ),
    "upcoming filter": (
        lambda: UpcomingFilter.title,
        f"sắp diễn ra ({UPCOMING_WITHIN_DAYS} ngày tới)",
        f"upcoming (next {UPCOMING_WITHIN_DAYS} days)",
    ),
    "partner filter": (
        lambda: DormantPartnerFilter.title,
        f"lâu không trao đổi ({DORMANT_AFTER_YEARS} năm)",
        f"no exchange for {DORMANT_AFTER_YEARS} years",
    ),
    "agreement API filter": (
        lambda: AgreementFilter.base_filters["dormant"].extra["help_text"],
        f"{DORMANT_AFTER_MONTHS} tháng không có hoạt động",
        f"no implementation activity for {DORMANT_AFTER_MONTHS} months",
    ),
    "agreement API field": (
        lambda: AgreementSerializer().fields["dormant"].help_text,
        f"trong {DORMANT_AFTER_MONTHS} tháng",
        f"in {DORMANT_AFTER_MONTHS} months",
    ),
    "partner API filter": (
        lambda: PartnerLocalityFilter.base_filters["dormant"].extra["help_text"],
        f"{DORMANT_AFTER_YEARS} năm không có trao đổi",
        f"no exchange for {DORMANT_AFTER_YEARS} years",
    ),
    "partner API field": (
        lambda: PartnerLocalitySerializer().fields["dormant"].help_text,
        f"trong {DORMANT_AFTER_YEARS} năm qua",
        f"in the last {DORMANT_AFTER_YEARS} years",
    ),
}


@pytest.mark.parametrize("name", LABELS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_label_states_the_threshold_its_rule_applies(name, language):
    label, vietnamese, english = LABELS[name]
    with translation.override(language):
        text = str(label())

    assert (vietnamese if language == "vi" else english) in text
