import pytest

from tests.admin_pages import inline_management

DELEGATIONS = "/admin/delegations/delegation/"
EVENTS = "/admin/delegations/event/"


@pytest.fixture
def delegation_form():
    """The data of the admin's delegation form as a staff member fills it, no member rows."""

    def build(**values):
        data = {
            "direction": "incoming",
            "title": "Đoàn Thị trưởng Osaka",
            "level": "local_leader",
            "status": "completed",
            "country": "JP",
            "partner": "",
            "organization": "",
            "start_date": "03/04/2026",
            "end_date": "05/04/2026",
            "date_precision": "day",
            "head_name": "",
            "head_title": "",
            "member_count": "",
            "host_role": "lead",
            "city_leader": "",
            "purpose": "",
            "outcome": "",
            "source": "",
            **inline_management("members"),
        }
        data.update(values)
        return data

    return build
