"""Deadlines follow the records through every write path: admin, API, import, services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from kombu.exceptions import OperationalError
from rest_framework.test import APIClient

from agreements.models import Agreement
from agreements.resources import AgreementResource
from agreements.services import save_agreement
from delegations.models import Delegation
from delegations.resources import DelegationResource, EventResource
from foreignaffairs.core.roles import setup_roles
from foreignaffairs.deadlines import services, tasks
from foreignaffairs.deadlines.models import (
    AGREEMENT_REPORT,
    CLOSE_OUT,
    CONFERENCE_REQUEST,
    CONFERENCE_REQUEST_PM,
    TRIP_REPORT,
    Consultation,
    ConsultationKind,
    Deadline,
    Rule,
)
from tests.admin_pages import form_errors, inline_management
from tests.deadlines.conftest import FRIDAY_BEFORE_TET
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_dataset
from tests.factories import AgreementFactory, DelegationFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2026, 3, 2)  # day D
REPORT_DUE = datetime.date(2026, 3, 17)  # D + 15 days
LAW_70 = "70/2020/QH14"


def report_deadline() -> Deadline:
    return Deadline.objects.select_related("rule").get(rule__code=AGREEMENT_REPORT)


def assert_report_due_fifteen_days_after_signing(agreement):
    deadline = report_deadline()
    assert deadline.agreement == agreement
    assert deadline.trigger_on == SIGNED
    assert deadline.due_on == REPORT_DUE
    assert LAW_70 in deadline.rule.legal_basis
    assert "Điều 19" in deadline.rule.legal_basis


# Signing on day D gives a report deadline on D + 15, whichever way it was entered ---------


def test_signing_in_the_admin_gives_the_report_deadline_to_its_author(admin_client, superuser):
    response = admin_client.post(
        "/admin/agreements/agreement/add/",
        {
            "title": "Biên bản ghi nhớ hợp tác với Osaka",
            "kind": "mou",
            "signed_on": "02/03/2026",
            "status": "in_force",
            **inline_management("activities"),
            **inline_management("consultations"),
        },
    )

    assert response.status_code == 302, form_errors(response)
    assert_report_due_fifteen_days_after_signing(Agreement.objects.get())
    assert report_deadline().assignee == superuser


def test_signing_through_the_api_gives_the_report_deadline(db):
    setup_roles()
    user = UserFactory(username="api-editor", is_superuser=True)
    api = APIClient()
    api.force_login(user)

    response = api.post(
        "/api/v1/agreements/",
        {"title": "Thỏa thuận hợp tác với Busan", "kind": "cooperation", "signed_on": "2026-03-02"},
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert_report_due_fifteen_days_after_signing(Agreement.objects.get())


def test_signing_in_an_imported_file_gives_the_report_deadline():
    headers = ["Tên văn bản", "Ngày ký", "Tình trạng"]
    row = ["Biên bản ghi nhớ với Yangon", "02/03/2026", "Đang có hiệu lực"]

    result = AgreementResource().import_data(xlsx_dataset(headers, [row]))

    assert not result.has_validation_errors()
    assert_report_due_fifteen_days_after_signing(Agreement.objects.get())


def test_changing_the_signing_date_moves_the_deadline_and_keeps_who_is_responsible(officer):
    agreement = AgreementFactory(signed_on=SIGNED, created_by=officer)
    save_agreement(agreement)
    deadline = report_deadline()

    agreement.signed_on = datetime.date(2026, 3, 10)
    save_agreement(agreement)

    deadline.refresh_from_db()
    assert deadline.due_on == datetime.date(2026, 3, 25)
    assert deadline.assignee == officer
    assert Deadline.objects.count() == 1


def test_an_agreement_back_in_negotiation_has_no_report_deadline():
    agreement = save_agreement(AgreementFactory(signed_on=SIGNED))

    agreement.status, agreement.signed_on = "negotiating", None
    save_agreement(agreement)

    assert not Deadline.objects.filter(rule__code=AGREEMENT_REPORT).exists()


def test_marking_the_report_sent_makes_it_done_and_a_later_sync_keeps_it():
    agreement = save_agreement(AgreementFactory(signed_on=SIGNED))

    services.mark_done(report_deadline(), datetime.date(2026, 3, 12))
    save_agreement(agreement)

    assert report_deadline().done_on == datetime.date(2026, 3, 12)
    assert report_deadline().state == "done"


# Consultations (sent / answered), working days --------------------------------------------


def test_a_consultation_sent_the_friday_before_tet_is_due_after_the_holiday():
    agreement = AgreementFactory(status="negotiating", signed_on=None)
    Consultation.objects.create(agreement=agreement, sent_on=FRIDAY_BEFORE_TET)
    services.sync_deadlines_for(agreement)

    deadline = Deadline.objects.select_related("rule").get(consultation__isnull=False)
    assert deadline.due_on == datetime.date(2026, 3, 3)
    assert deadline.rule.legal_basis.endswith("Điều 19")
    assert deadline.rule.unit == "working"


def test_the_answer_date_closes_the_consultation_deadline_and_amendments_take_three_days():
    agreement = AgreementFactory(signed_on=SIGNED)
    consultation = Consultation.objects.create(
        agreement=agreement, kind=ConsultationKind.AMENDMENT, sent_on=datetime.date(2026, 4, 3)
    )
    services.sync_deadlines_for(consultation)
    deadline = Deadline.objects.select_related("rule").get(consultation=consultation)
    # Friday 3 April; Monday 6, Tuesday 7, Wednesday 8 (no holiday in between).
    assert deadline.due_on == datetime.date(2026, 4, 8)
    assert "Điều 41" in deadline.rule.legal_basis

    consultation.answered_on = datetime.date(2026, 4, 7)
    consultation.save()
    services.sync_deadlines_for(consultation)

    deadline.refresh_from_db()
    assert deadline.done_on == datetime.date(2026, 4, 7)


def test_consultations_are_entered_on_the_agreement_page(admin_client):
    agreement = AgreementFactory(status="negotiating", signed_on=None, title="Dự thảo MOU")

    response = admin_client.post(
        f"/admin/agreements/agreement/{agreement.pk}/change/",
        {
            "title": agreement.title,
            "kind": "mou",
            "status": "negotiating",
            **inline_management("activities"),
            **inline_management("consultations", total=1),
            "consultations-0-kind": "ministry",
            "consultations-0-counterpart": "Bộ Ngoại giao",
            "consultations-0-sent_on": "13/02/2026",
            "consultations-0-requested_due_on": "",
            "consultations-0-answered_on": "",
        },
    )

    assert response.status_code == 302, form_errors(response)
    assert Deadline.objects.get().due_on == datetime.date(2026, 3, 3)


# Visits and events --------------------------------------------------------------------------


def test_an_outgoing_delegation_back_home_owes_its_trip_report():
    delegation = DelegationFactory(
        direction="outgoing",
        status="completed",
        start_date=datetime.date(2026, 5, 4),
        end_date=datetime.date(2026, 5, 9),
    )
    services.sync_deadlines_for(delegation)

    deadline = Deadline.objects.get(delegation=delegation)
    assert (deadline.rule.code, deadline.due_on) == (TRIP_REPORT, datetime.date(2026, 5, 24))


def test_a_visit_still_planned_must_be_closed_out_three_days_after_its_end_and_not_after():
    delegation = DelegationFactory(
        status="planned", start_date=datetime.date(2026, 5, 4), end_date=datetime.date(2026, 5, 6)
    )
    services.sync_deadlines_for(delegation)
    assert Deadline.objects.get(delegation=delegation).due_on == datetime.date(2026, 5, 9)
    assert Deadline.objects.get().rule.code == CLOSE_OUT

    delegation.status = "completed"
    delegation.save()
    services.sync_deadlines_for(delegation)

    assert not Deadline.objects.filter(delegation=delegation).exists()


def test_a_hosted_conference_must_be_requested_thirty_days_ahead():
    event = EventFactory(
        kind="conference", role="host", status="planned", start_date=datetime.date(2026, 12, 10)
    )
    services.sync_deadlines_for(event)

    deadline = Deadline.objects.get(event=event, rule__code=CONFERENCE_REQUEST)
    assert deadline.due_on == datetime.date(2026, 11, 10)
    assert deadline.rule.legal_basis == "Quyết định 06/2020/QĐ-TTg"


def test_a_conference_the_prime_minister_decides_must_be_requested_forty_days_ahead():
    event = EventFactory(
        kind="conference",
        role="host",
        status="planned",
        start_date=datetime.date(2026, 12, 10),
        needs_prime_minister_approval=True,
    )
    services.sync_deadlines_for(event)

    deadline = Deadline.objects.get(event=event, rule__code__startswith="conference")
    assert deadline.rule.code == CONFERENCE_REQUEST_PM
    assert deadline.due_on == datetime.date(2026, 10, 31)
    assert deadline.rule.legal_basis == "Quyết định 06/2020/QĐ-TTg"

    event.needs_prime_minister_approval = False
    event.save()
    services.sync_deadlines_for(event)

    # One request to file, now 30 days ahead: the 40-day deadline is gone.
    requests = Deadline.objects.filter(event=event, rule__code__startswith="conference")
    assert [(d.rule.code, d.due_on) for d in requests] == [
        (CONFERENCE_REQUEST, datetime.date(2026, 11, 10))
    ]


def test_the_forty_day_rule_is_set_from_the_admin_the_api_and_an_import(admin_client):
    admin_client.post(
        "/admin/delegations/event/add/",
        {
            "title": "Hội nghị quốc tế về an ninh biển",
            "kind": "conference",
            "role": "host",
            "status": "planned",
            "needs_prime_minister_approval": "on",
            "origin": "hcmc",
            "start_date": "10/12/2026",
            "date_precision": "day",
        },
    )
    api = APIClient()
    api.force_authenticate(UserFactory(is_superuser=True, is_staff=True))
    created = api.post(
        "/api/v1/events/",
        {
            "title": "Diễn đàn nhân quyền khu vực",
            "kind": "conference",
            "role": "host",
            "status": "planned",
            "start_date": "2026-12-10",
            "needs_prime_minister_approval": True,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    headers = ["Tên sự kiện", "Ngày bắt đầu", "Tình trạng", "Do Thủ tướng cho phép tổ chức"]
    EventResource().import_data(
        xlsx_dataset(headers, [["Hội thảo biên giới, lãnh thổ", "10/12/2026", "Dự kiến", "Có"]])
    )

    due = Deadline.objects.filter(rule__code=CONFERENCE_REQUEST_PM).values_list(
        "event__title", "due_on"
    )
    assert sorted(due) == [
        ("Diễn đàn nhân quyền khu vực", datetime.date(2026, 10, 31)),
        ("Hội nghị quốc tế về an ninh biển", datetime.date(2026, 10, 31)),
        ("Hội thảo biên giới, lãnh thổ", datetime.date(2026, 10, 31)),
    ]


def test_imported_delegations_get_their_deadlines_in_the_same_transaction():
    row = ["Đoàn ra", "Đoàn công tác tại Nhật Bản", "Lãnh đạo địa phương", "Nhật Bản"]
    row += ["04/05/2026", "Đã thực hiện"]

    result = DelegationResource().import_data(xlsx_dataset(DELEGATION_HEADERS, [row]))

    assert not result.has_validation_errors()
    delegation = Delegation.objects.get()
    assert Deadline.objects.get(delegation=delegation).due_on == datetime.date(2026, 5, 19)


# Rules are data ---------------------------------------------------------------------------


def test_a_manager_changing_a_rule_moves_the_deadlines(
    admin_client, django_capture_on_commit_callbacks
):
    save_agreement(AgreementFactory(signed_on=SIGNED))
    rule = Rule.objects.get(code=AGREEMENT_REPORT)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/deadlines/rule/{rule.pk}/change/",
            {
                "name": rule.name,
                "days": "10",
                "unit": "calendar",
                "legal_basis": rule.legal_basis,
                "reminder_days": "",
                "overdue_every": "1",
                "active": "on",
                "order": "10",
            },
        )

    assert response.status_code == 302, form_errors(response)
    assert report_deadline().due_on == datetime.date(2026, 3, 12)


# Bad input: nothing stored ------------------------------------------------------------------


def test_a_done_date_before_the_trigger_date_is_refused_and_nothing_stored():
    save_agreement(AgreementFactory(signed_on=SIGNED))

    with pytest.raises(ValidationError) as error:
        services.mark_done(report_deadline(), datetime.date(2026, 2, 27))

    assert "Ngày hoàn thành không được trước ngày phát sinh (02/03/2026)." in error.value.messages
    assert report_deadline().done_on is None


def test_a_done_date_before_the_trigger_date_is_refused_in_the_admin(admin_client):
    save_agreement(AgreementFactory(signed_on=SIGNED))
    deadline = report_deadline()

    response = admin_client.post(
        f"/admin/deadlines/deadline/{deadline.pk}/change/",
        {"assignee": "", "done_on": "01/03/2026", "note": ""},
    )

    assert form_errors(response)["done_on"] == [
        "Ngày hoàn thành không được trước ngày phát sinh (02/03/2026)."
    ]
    assert report_deadline().done_on is None


def test_an_unknown_rule_is_refused_by_name_and_nothing_stored():
    agreement = AgreementFactory(signed_on=SIGNED)

    with pytest.raises(ValidationError) as error:
        services.set_deadline("bao_cao_khong_co", agreement, SIGNED)

    assert error.value.messages == ["Không có quy tắc thời hạn “bao_cao_khong_co”."]
    assert not Deadline.objects.exists()


def test_another_app_can_add_a_rule_and_set_its_deadlines():
    rule = services.add_rule(
        "inherited_review",
        "Rà soát thỏa thuận kế thừa",
        30,
        legal_basis="Nghị định 177/2025/NĐ-CP",
    )
    agreement = AgreementFactory(signed_on=SIGNED)

    deadline = services.set_deadline("inherited_review", agreement, datetime.date(2025, 7, 1))

    assert (deadline.rule, deadline.due_on) == (rule, datetime.date(2025, 7, 31))


def test_with_the_broker_down_a_rule_change_still_moves_the_deadlines(
    admin_client, django_capture_on_commit_callbacks, monkeypatch
):
    save_agreement(AgreementFactory(signed_on=SIGNED))
    rule = Rule.objects.get(code=AGREEMENT_REPORT)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.sync_all_deadlines, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/deadlines/rule/{rule.pk}/change/",
            {
                "name": rule.name,
                "days": "20",
                "unit": "calendar",
                "overdue_every": "1",
                "active": "on",
                "order": "10",
            },
        )

    assert response.status_code == 302, form_errors(response)
    assert report_deadline().due_on == datetime.date(2026, 3, 22)
