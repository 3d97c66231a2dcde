import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agreements.models import Agreement, ImplementationActivity
from foreignaffairs.core import daily_counts
from foreignaffairs.core.dates import months_before
from tests.admin_pages import changelist_rows, form_errors, inline_management, messages_of
from tests.factories import (
    AgreementFactory,
    CooperationFieldFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/agreements/agreement/"
ADD = f"{LIST}add/"
TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def agreement_form(**values):
    data = {
        "title": "Thỏa thuận thiết lập quan hệ hữu nghị hợp tác",
        "title_en": "",
        "kind": "relationship",
        "partners": [],
        "partner_organization": "",
        "signed_on": "15/09/2024",
        "signed_place": "",
        "city_signatory": "",
        "partner_signatory": "",
        "signed_during_delegation": "",
        "signed_during_event": "",
        "status": "in_force",
        "effective_on": "",
        "expires_on": "",
        "terminated_on": "",
        "notes": "",
        "source": "",
        **inline_management("activities"),
        **inline_management("consultations"),
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


# Saving goes through the service (rule 5) ---------------------------------------------------


def test_signing_a_founding_agreement_in_the_admin_dates_the_new_partners_only(
    admin_client, superuser
):
    new = PartnerLocalityFactory(name="Vientiane", country="LA", established_on=None)
    old = PartnerLocalityFactory(
        name="Phnom Penh", country="KH", established_on=datetime.date(2005, 1, 1)
    )

    response = admin_client.post(
        ADD,
        agreement_form(establishes_relationship="on", partners=[new.pk, old.pk]),
        follow=True,
    )

    assert Agreement.objects.get().created_by == superuser
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.established_on == datetime.date(2024, 9, 15)
    assert old.established_on == datetime.date(2005, 1, 1)
    assert new.history.latest().history_user == superuser
    assert "Đã điền ngày thiết lập quan hệ 15/09/2024 cho: Vientiane." in messages_of(response)


def test_a_failure_while_dating_partners_undoes_the_whole_admin_save(admin_client):
    partner = PartnerLocalityFactory(established_on=None)

    with (
        mock.patch("agreements.admin.establish_relationships", side_effect=RuntimeError("lỗi")),
        pytest.raises(RuntimeError),
    ):
        admin_client.post(ADD, agreement_form(establishes_relationship="on", partners=[partner.pk]))

    assert not Agreement.objects.exists()
    assert not Agreement.partners.through.objects.exists()


def test_an_agreement_that_does_not_found_a_relationship_leaves_partners_undated(admin_client):
    partner = PartnerLocalityFactory(established_on=None)

    admin_client.post(ADD, agreement_form(kind="mou", partners=[partner.pk]))

    partner.refresh_from_db()
    assert Agreement.objects.count() == 1
    assert partner.established_on is None


def test_staff_add_activities_and_a_signed_pdf_with_the_agreement(admin_client):
    field = CooperationFieldFactory(name="Giáo dục")
    data = agreement_form(
        fields=[field.pk],
        document=SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf"),
        **inline_management("activities", total=1),
        **{
            "activities-0-date": "10/01/2025",
            "activities-0-kind": "meeting",
            "activities-0-description": "Họp rà soát kế hoạch",
            "activities-0-responsible_unit": "",
        },
    )

    response = admin_client.post(ADD, data)

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert list(agreement.fields.all()) == [field]
    assert agreement.document.name.endswith(".pdf")
    assert agreement.activities.get().date == datetime.date(2025, 1, 10)


def test_cooperation_fields_are_offered_as_checkboxes(admin_client):
    field = CooperationFieldFactory(name="Y tế")

    content = admin_client.get(ADD).content.decode()

    assert f'type="checkbox" name="fields" value="{field.pk}"' in content


# Validation ---------------------------------------------------------------------------------


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"signed_on": ""},
            "signed_on",
            "Văn bản ở tình trạng “Đang có hiệu lực” phải có ngày ký.",
        ),
        (
            {"signed_on": "", "status": "expired"},
            "signed_on",
            "Văn bản ở tình trạng “Hết hiệu lực” phải có ngày ký.",
        ),
        ({"signed_on": "01/01/2999"}, "signed_on", "Ngày ký không được ở tương lai."),
        (
            {"effective_on": "01/10/2024", "expires_on": "30/09/2024"},
            "expires_on",
            "Ngày hết hạn không được trước ngày có hiệu lực.",
        ),
        (
            {"effective_on": "14/09/2024"},
            "effective_on",
            "Ngày có hiệu lực không được trước ngày ký.",
        ),
        (
            {"document": upload("mou.pdf", b"PK\x03\x04 a zip file renamed to pdf")},
            "document",
            "Tệp không phải là PDF",
        ),
        (
            {"document": upload("big.pdf", PDF + b"0" * (20 * 1024 * 1024))},
            "document",
            "Tệp quá lớn",
        ),
    ],
    ids=[
        "in-force-unsigned",
        "expired-unsigned",
        "signed-in-future",
        "expires-before-effective",
        "effective-before-signing",
        "not-a-pdf",
        "over-20-mb",
    ],
)
def test_bad_agreement_data_is_refused_with_a_clear_message_and_nothing_saved(
    admin_client, values, field, message
):
    partner = PartnerLocalityFactory(established_on=None)

    response = admin_client.post(
        ADD, agreement_form(establishes_relationship="on", partners=[partner.pk], **values)
    )

    assert message in " ".join(form_errors(response)[field])
    assert not Agreement.objects.exists()
    partner.refresh_from_db()
    assert partner.established_on is None


def test_a_bad_activity_in_the_inline_saves_nothing(admin_client):
    data = agreement_form(
        **inline_management("activities", total=1),
        **{
            "activities-0-date": "01/01/2999",
            "activities-0-kind": "meeting",
            "activities-0-description": "Chưa diễn ra",
        },
    )

    response = admin_client.post(ADD, data)

    assert response.status_code == 200
    assert "Ngày thực hiện không được ở tương lai." in response.content.decode()
    assert not Agreement.objects.exists()
    assert not ImplementationActivity.objects.exists()


# The list and its filters -------------------------------------------------------------------


def test_an_agreement_in_force_past_a_non_renewing_expiry_is_listed_as_expired(admin_client):
    lapsed = AgreementFactory(
        signed_on=datetime.date(2018, 1, 1), expires_on=datetime.date(2023, 1, 1)
    )
    current = AgreementFactory(signed_on=datetime.date(2018, 1, 1))

    assert changelist_rows(admin_client, f"{LIST}?effective_status=expired") == [lapsed]
    assert changelist_rows(admin_client, f"{LIST}?effective_status=in_force") == [current]
    assert "Hết hiệu lực" in admin_client.get(LIST).content.decode()


def test_signed_in_lists_the_agreements_counted_by_rule_4(admin_client):
    counted = AgreementFactory(signed_on=datetime.date(2019, 12, 31))
    terminated = AgreementFactory(
        status="terminated",
        signed_on=datetime.date(2019, 3, 1),
        terminated_on=datetime.date(2020, 1, 1),
    )
    AgreementFactory(status="negotiating", signed_on=None)
    AgreementFactory(signed_on=datetime.date(2020, 1, 1))

    assert changelist_rows(admin_client, f"{LIST}?signed_in=2019") == [counted, terminated]


def test_dormant_yes_lists_agreements_without_activity_for_12_months(admin_client):
    quiet = AgreementFactory(signed_on=months_before(TODAY, 13))
    active = AgreementFactory(signed_on=months_before(TODAY, 13))
    ImplementationActivityFactory(agreement=active, date=months_before(TODAY, 1))

    assert changelist_rows(admin_client, f"{LIST}?dormant=yes") == [quiet]


def test_expiring_yes_lists_agreements_ending_within_180_days(admin_client):
    soon = AgreementFactory(
        signed_on=datetime.date(2020, 1, 1), expires_on=TODAY + datetime.timedelta(days=180)
    )
    AgreementFactory(
        signed_on=datetime.date(2020, 1, 1), expires_on=TODAY + datetime.timedelta(days=181)
    )

    assert changelist_rows(admin_client, f"{LIST}?expiring=yes") == [soon]


def test_continent_and_country_filters_go_by_the_partners(admin_client):
    lyon = PartnerLocalityFactory(country="FR")
    osaka = PartnerLocalityFactory(country="JP")
    busan = PartnerLocalityFactory(country="KR")
    french = AgreementFactory(partners=[lyon, osaka])
    korean = AgreementFactory(partners=[busan])

    assert changelist_rows(admin_client, f"{LIST}?continent=europe") == [french]
    assert changelist_rows(admin_client, f"{LIST}?country=KR") == [korean]
    assert set(changelist_rows(admin_client, f"{LIST}?continent=asia")) == {french, korean}


def test_search_finds_agreements_by_partner_name_ignoring_accents(admin_client):
    shanghai = PartnerLocalityFactory(name="Thượng Hải", country="CN")
    found = AgreementFactory(partners=[shanghai])
    AgreementFactory()

    assert changelist_rows(admin_client, f"{LIST}?q=thuong+hai") == [found]


def test_the_list_shows_partners_last_activity_and_flags(admin_client):
    agreement = AgreementFactory(
        partners=[PartnerLocalityFactory(name="Vientiane", country="LA")],
        signed_on=datetime.date(2020, 1, 1),
    )
    ImplementationActivityFactory(agreement=agreement, date=datetime.date(2024, 2, 29))

    content = admin_client.get(LIST).content.decode()

    assert "Vientiane" in content
    assert "29/02/2024" in content


def make_agreements(count):
    partners = PartnerLocalityFactory.create_batch(4, country="JP")
    agreements = Agreement.objects.bulk_create(
        Agreement(title=f"Văn bản {n}", signed_on=datetime.date(2015 + n % 10, 3, 1))
        for n in range(count)
    )
    Agreement.partners.through.objects.bulk_create(
        Agreement.partners.through(agreement_id=agreement.pk, partnerlocality_id=partner.pk)
        for agreement in agreements
        for partner in partners[:3]
    )
    ImplementationActivity.objects.bulk_create(
        ImplementationActivity(
            agreement=agreement, date=datetime.date(2025, 1, day), description="x"
        )
        for agreement in agreements
        for day in (1, 2)
    )


@pytest.mark.parametrize("count", [1, 300])
def test_the_list_runs_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, count
):
    make_agreements(count)
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # +1: the to-do count in the admin header (deadlines), until it is cached; +1: whether a
    # recount of the stored last activities is due.
    with django_assert_max_num_queries(11):
        response = admin_client.get(LIST)

    assert response.status_code == 200


# The change form ----------------------------------------------------------------------------


def test_the_change_form_shows_the_last_activity_and_the_dormant_flag(admin_client):
    agreement = AgreementFactory(signed_on=datetime.date(2020, 1, 1))
    ImplementationActivityFactory(agreement=agreement, date=datetime.date(2021, 3, 4))

    response = admin_client.get(f"{LIST}{agreement.pk}/change/")
    content = response.content.decode()

    follow_up = content.split("Theo dõi triển khai")[1].split("</fieldset>")[0]
    assert "04/03/2021" in follow_up
    assert 'alt="Có"' in follow_up  # dormant: nothing done since 2021
    assert "last_activity" not in response.context["adminform"].form.fields
