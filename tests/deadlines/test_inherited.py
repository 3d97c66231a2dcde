"""A deadline for the decision on each inherited agreement (Decree 177/2025/NĐ-CP, issue 20):
due a set number of days after the merger, or after the agreement was entered when later;
closed when the follow-up register records the decision."""

import datetime

import pytest
from django.utils import timezone

from agreements.models import Decision, InheritedAgreementFollowUp
from foreignaffairs.core.origins import Origin
from foreignaffairs.deadlines import services
from foreignaffairs.deadlines.models import INHERITED_DECISION, Deadline, Rule
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

BD = Origin.BINH_DUONG
MERGER = datetime.date(2025, 7, 1)
DUE_AFTER_MERGER = datetime.date(2025, 9, 29)  # 1 July 2025 + 90 days
REGISTER = "/admin/agreements/inheritedagreement/"


def entered_on(agreement, day: datetime.date):
    """Back-date when the agreement was entered (the deadline may arise then)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    type(agreement).objects.filter(pk=agreement.pk).update(created_at=moment)
    agreement.refresh_from_db()
    return agreement


def decision_deadlines():
    return Deadline.objects.filter(rule__code=INHERITED_DECISION)


def synced(agreement):
    services.sync_deadlines_for(agreement)
    return decision_deadlines().filter(agreement=agreement).first()


def test_the_rule_says_where_its_days_come_from():
    rule = Rule.objects.get(code=INHERITED_DECISION)
    assert (rule.days, rule.unit) == (90, "calendar")
    assert "177/2025/NĐ-CP" in rule.legal_basis
    assert "01/07/2025" in rule.description and "hạn nội bộ" in rule.description


def test_an_agreement_entered_before_the_merger_is_due_90_days_after_it():
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    deadline = synced(agreement)
    assert (deadline.trigger_on, deadline.due_on, deadline.done_on) == (
        MERGER,
        DUE_AFTER_MERGER,
        None,
    )


def test_an_agreement_entered_later_is_due_90_days_after_it_was_entered():
    agreement = AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1))
    entered_on(agreement, datetime.date(2026, 2, 10))
    deadline = synced(agreement)
    assert (deadline.trigger_on, deadline.due_on) == (
        datetime.date(2026, 2, 10),
        datetime.date(2026, 5, 11),
    )


def test_managers_change_the_days_and_every_deadline_moves(settings):
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    synced(agreement)
    Rule.objects.filter(code=INHERITED_DECISION).update(days=60)
    services.sync_all()
    assert decision_deadlines().get().due_on == datetime.date(2025, 8, 30)


@pytest.mark.parametrize(
    "kind",
    ["the former city's", "signed after the merger", "ended before the merger", "negotiating"],
)
def test_agreements_outside_the_register_get_no_such_deadline(kind):
    agreement = {
        "the former city's": lambda: AgreementFactory(signed_on=datetime.date(2020, 1, 1)),
        "signed after the merger": lambda: AgreementFactory(
            origin=BD, signed_on=datetime.date(2025, 8, 1)
        ),
        "ended before the merger": lambda: AgreementFactory(
            origin=BD,
            signed_on=datetime.date(2015, 1, 1),
            status="terminated",
            terminated_on=datetime.date(2020, 1, 1),
        ),
        "negotiating": lambda: AgreementFactory(origin=BD, signed_on=None, status="negotiating"),
    }[kind]()
    assert synced(agreement) is None


def test_a_former_districts_agreement_in_the_register_gets_one():
    agreement = entered_on(AgreementFactory(signed_on=datetime.date(2020, 6, 1)), MERGER)
    assert synced(agreement) is None
    InheritedAgreementFollowUp.objects.create(agreement=agreement, inherited_from="UBND Quận 1")
    assert synced(agreement).due_on == DUE_AFTER_MERGER


def test_recording_the_decision_in_the_register_closes_the_deadline_on_its_date(admin_client):
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    synced(agreement)
    prefix = "follow_up"
    response = admin_client.post(
        f"{REGISTER}{agreement.pk}/change/",
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1",
            f"{prefix}-0-inherited_from": "",
            f"{prefix}-0-names_updated_on": "15/08/2025",
            f"{prefix}-0-decision": "keep",
            f"{prefix}-0-decided_on": "20/08/2025",
            f"{prefix}-0-partner_informed_on": "",
            f"{prefix}-0-replaced_by": "",
            f"{prefix}-0-notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    deadline = decision_deadlines().get(agreement=agreement)
    assert deadline.done_on == datetime.date(2025, 8, 20)
    assert deadline.due_on == DUE_AFTER_MERGER


def test_a_decision_without_its_date_closes_the_deadline_today():
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    InheritedAgreementFollowUp.objects.create(agreement=agreement, decision=Decision.AMEND)
    assert synced(agreement).done_on == timezone.localdate()


def test_a_decision_dated_before_the_agreement_was_entered_closes_it_when_it_arose():
    agreement = AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1))
    entered_on(agreement, datetime.date(2026, 2, 10))
    InheritedAgreementFollowUp.objects.create(
        agreement=agreement, decision=Decision.KEEP, decided_on=datetime.date(2025, 9, 1)
    )
    assert synced(agreement).done_on == datetime.date(2026, 2, 10)


def test_a_decision_taken_back_reopens_the_deadline():
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    follow_up = InheritedAgreementFollowUp.objects.create(
        agreement=agreement, decision=Decision.KEEP, decided_on=datetime.date(2025, 8, 1)
    )
    assert synced(agreement).done_on == datetime.date(2025, 8, 1)
    follow_up.decision, follow_up.decided_on = "", None
    follow_up.save()
    assert synced(agreement).done_on is None


def test_the_deadline_page_links_to_the_register(admin_client):
    agreement = entered_on(AgreementFactory(origin=BD, signed_on=datetime.date(2019, 5, 1)), MERGER)
    deadline = synced(agreement)
    page = admin_client.get(f"/admin/deadlines/deadline/{deadline.pk}/change/").content.decode()
    assert f'href="{REGISTER}{agreement.pk}/change/"' in page
    assert "hạn nội bộ" in page
