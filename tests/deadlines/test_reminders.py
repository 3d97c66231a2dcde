"""send_reminders: one Vietnamese digest per person per day, read from a real SMTP server."""

import datetime
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.core.management import call_command

from agreements.services import save_agreement
from foreignaffairs.deadlines import reminders
from foreignaffairs.deadlines.models import DigestLog
from foreignaffairs.deadlines.services import sync_deadlines_for
from tests.factories import AgreementFactory, DelegationFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 12)  # the reminders' "today" in these tests
SIGNED = datetime.date(2026, 3, 2)  # report due 17/03/2026: within 7 days


class Mailbox(Message):
    """An SMTP server's handler that keeps what it receives."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)

    def prepare_message(self, session, envelope):
        return email.message_from_bytes(envelope.content, policy=email.policy.default)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and the app's settings pointing at it."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


@pytest.fixture
def two_people():
    lan = UserFactory(username="lan", email="lan@example.invalid", first_name="Lan")
    minh = UserFactory(username="minh", email="minh@example.invalid", first_name="Minh")
    save_agreement(AgreementFactory(title="MOU với Osaka", signed_on=SIGNED, created_by=lan))
    visit = DelegationFactory(
        title="Đoàn công tác Nhật Bản",
        direction="outgoing",
        status="completed",
        start_date=datetime.date(2026, 2, 10),
        end_date=datetime.date(2026, 2, 14),
        created_by=minh,
    )
    sync_deadlines_for(visit)  # trip report due 01/03/2026: overdue
    return lan, minh


def test_running_twice_on_one_day_sends_one_digest_per_person(smtp_server, two_people):
    call_command("send_reminders", date=TODAY.isoformat())
    call_command("send_reminders", date=TODAY.isoformat())

    assert sorted(message["To"] for message in smtp_server.messages) == [
        "lan@example.invalid",
        "minh@example.invalid",
    ]
    assert DigestLog.objects.filter(day=TODAY).count() == 2


def test_the_digest_is_in_vietnamese_with_due_dates_and_legal_basis(smtp_server, two_people):
    call_command("send_reminders", date=TODAY.isoformat())

    by_person = {message["To"]: message for message in smtp_server.messages}
    lan = by_person["lan@example.invalid"]
    assert lan["Subject"].strip() == "Việc cần làm ngày 12/03/2026: 0 quá hạn, 1 sắp đến hạn"
    body = lan.get_body().get_content()
    assert "Kính gửi Lan," in body
    assert "SẮP ĐẾN HẠN" in body
    assert "17/03/2026" in body
    assert "MOU với Osaka" in body
    assert "Luật Thỏa thuận quốc tế 2020 (70/2020/QH14), Điều 19" in body
    assert "/admin/viec-can-lam/" in body
    minh = by_person["minh@example.invalid"].get_body().get_content()
    assert "QUÁ HẠN" in minh
    assert "01/03/2026" in minh


def test_the_next_day_brings_a_new_digest(smtp_server, two_people):
    call_command("send_reminders", date=TODAY.isoformat())
    call_command("send_reminders", date=(TODAY + datetime.timedelta(days=1)).isoformat())

    assert len(smtp_server.messages) == 4


def test_a_refused_delivery_is_not_logged_so_the_next_run_sends_it(settings, two_people):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens

    assert reminders.send_digests(TODAY) == 0

    assert not DigestLog.objects.exists()


def test_nothing_due_means_no_mail(two_people):
    assert reminders.send_digests(datetime.date(2026, 1, 1)) == 0
    assert mail.outbox == []


def test_an_expiring_agreement_is_named_at_its_reminder_days_only():
    lan = UserFactory(username="lan", email="lan@example.invalid")
    save_agreement(
        AgreementFactory(
            signed_on=datetime.date(2025, 1, 1),
            expires_on=datetime.date(2026, 12, 31),
            created_by=lan,
        )
    )
    mail.outbox.clear()  # the report deadline of 2025 is long overdue: mark it done
    lan.deadlines.filter(rule__code="agreement_report").update(done_on=datetime.date(2025, 1, 10))

    sent_on = [
        day
        for day in (datetime.date(2026, 12, 31) - datetime.timedelta(days=n) for n in range(200))
        if reminders.send_digests(day)
    ]

    assert sorted((datetime.date(2026, 12, 31) - day).days for day in sent_on) == [
        0,
        7,
        30,
        90,
        180,
    ]
