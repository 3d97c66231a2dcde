"""Bad delegation data is refused with a Vietnamese message, in the admin form, in the model
and (for comparisons between columns) by the database itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations.models import Delegation, Event
from tests.admin_pages import form_errors
from tests.delegations.conftest import DELEGATIONS, EVENTS
from tests.factories import DelegationFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)

END_BEFORE_START = "Ngày kết thúc không được trước ngày bắt đầu."
NEGATIVE_MEMBERS = "Số thành viên không được âm."
FUTURE_COMPLETED = "Chuyến thăm chưa diễn ra (ngày bắt đầu ở tương lai)"


def refused(delegation: Delegation) -> dict[str, str]:
    with pytest.raises(ValidationError) as excinfo:
        delegation.full_clean()
    return {field: " ".join(messages) for field, messages in excinfo.value.message_dict.items()}


def valid_delegation(**values) -> Delegation:
    fields = {
        "title": "Đoàn Thị trưởng Osaka",
        "country": "JP",
        "status": "completed",
        "start_date": datetime.date(2025, 4, 3),
    }
    fields.update(values)
    return Delegation(**fields)


def test_the_valid_delegation_used_below_passes():
    valid_delegation().full_clean()  # does not raise


# In the model (full_clean) -----------------------------------------------------------------


def test_model_refuses_an_end_before_the_start():
    errors = refused(valid_delegation(end_date=datetime.date(2025, 4, 1)))

    assert END_BEFORE_START in errors["end_date"]


def test_model_refuses_a_negative_member_count():
    errors = refused(valid_delegation(member_count=-3))

    assert NEGATIVE_MEMBERS in errors["member_count"]


def test_model_refuses_a_partner_in_another_country():
    seoul = PartnerLocalityFactory(name="Seoul", country="KR")

    errors = refused(valid_delegation(partner=seoul, country="JP"))

    assert "Địa phương đối tác Seoul thuộc Hàn Quốc, không thuộc Nhật Bản." in errors["partner"]


def test_model_refuses_a_completed_visit_starting_in_the_future():
    errors = refused(valid_delegation(start_date=TOMORROW))

    assert FUTURE_COMPLETED in errors["status"]


def test_a_future_visit_may_be_planned():
    valid_delegation(start_date=TOMORROW, status="planned").full_clean()  # does not raise


# In the database ----------------------------------------------------------------------------


def test_database_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(start_date=datetime.date(2025, 4, 3), end_date=datetime.date(2025, 4, 1))


def test_database_refuses_a_negative_member_count():
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(member_count=-1)


def test_database_refuses_an_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            title="Hội nghị",
            start_date=datetime.date(2025, 4, 3),
            end_date=datetime.date(2025, 4, 1),
        )


# In the admin form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"end_date": "01/04/2026"}, "end_date", END_BEFORE_START),
        ({"member_count": "-3"}, "member_count", NEGATIVE_MEMBERS),
        ({"start_date": TOMORROW.strftime("%d/%m/%Y"), "end_date": ""}, "status", FUTURE_COMPLETED),
    ],
)
def test_admin_form_refuses_bad_delegation_data(
    admin_client, delegation_form, values, field, message
):
    response = admin_client.post(f"{DELEGATIONS}add/", delegation_form(**values))

    assert message in " ".join(form_errors(response)[field])
    assert not Delegation.objects.exists()


def test_admin_form_refuses_a_partner_in_another_country(admin_client, delegation_form):
    seoul = PartnerLocalityFactory(name="Seoul", country="KR")

    response = admin_client.post(
        f"{DELEGATIONS}add/", delegation_form(country="JP", partner=str(seoul.pk))
    )

    assert "thuộc Hàn Quốc, không thuộc Nhật Bản" in " ".join(form_errors(response)["partner"])
    assert not Delegation.objects.exists()


def test_admin_form_refuses_an_event_held_in_the_future(admin_client):
    data = {
        "title": "Diễn đàn kinh tế",
        "kind": "conference",
        "role": "host",
        "status": "held",
        "start_date": TOMORROW.strftime("%d/%m/%Y"),
        "end_date": "",
        "date_precision": "day",
        "venue": "",
        "foreign_participants": "-5",
        "notes": "",
        "source": "",
    }

    errors = form_errors(admin_client.post(f"{EVENTS}add/", data))

    assert "Sự kiện chưa diễn ra" in " ".join(errors["status"])
    assert "Số khách quốc tế không được âm." in " ".join(errors["foreign_participants"])
    assert not Event.objects.exists()


def test_model_refuses_an_event_ending_before_it_starts():
    event = Event(
        title="Hội nghị", start_date=datetime.date(2025, 4, 3), end_date=datetime.date(2025, 4, 1)
    )

    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()

    assert END_BEFORE_START in " ".join(excinfo.value.message_dict["end_date"])


def test_the_shared_date_constraint_keeps_each_models_own_name():
    names = {model: {c.name for c in model._meta.constraints} for model in (Delegation, Event)}

    assert "delegations_delegation_end_after_start" in names[Delegation]
    assert "delegations_event_end_after_start" in names[Event]
