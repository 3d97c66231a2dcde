"""Countries in spreadsheets and lists: one curated table of names, read names first."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django_countries import countries

from delegations.models import Delegation
from foreignaffairs.core.countries import country_code
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from foreignaffairs.core.text import vi_sort_key
from foreignaffairs.demo.vocabulary import COUNTRIES as DEMO_COUNTRIES
from tests.excel.test_admin import IMPORT_URL, XLSX_FORMAT, confirm, export
from tests.excel.test_import import import_delegations
from tests.factories import DelegationFactory


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Nga", "RU"),
        ("nga", "RU"),
        ("Nigeria", "NG"),
        ("Nigiê", "NE"),
        ("Ni-giê", "NE"),
        ("Niger", "NE"),
        ("NGA", "NG"),  # a code in capitals is still a code
        ("Áo", "AT"),
        ("AO", "AO"),
        ("Jersey", "JE"),
        ("Đài Loan (Trung Quốc)", "TW"),
        ("Đài Loan", "TW"),
        ("Hồng Kông (Trung Quốc)", "HK"),
        ("Ma Cao", "MO"),
        ("Réunion", "RE"),
        ("Eswatini", "SZ"),
        ("Libya", "LY"),
        ("Chilê", "CL"),
        ("Hoa Kỳ", "US"),
    ],
)
def test_names_are_read_before_codes(cell, code):
    assert country_code(cell) == code


def test_a_name_of_two_countries_is_refused_naming_both():
    with pytest.raises(ValueError) as error:
        country_code("Congo")

    assert "Cộng hòa Congo" in str(error.value)
    assert "Cộng hòa Dân chủ Congo" in str(error.value)


@pytest.mark.django_db
def test_an_ambiguous_country_is_a_row_error():
    row = ["Đoàn vào", "Đoàn Congo", "Khác", "Congo", "01/02/2024", "Đã thực hiện"]

    result = import_delegations([row])

    assert "Cộng hòa Dân chủ Congo" in result.invalid_rows[0].error_dict["Quốc gia"][0]
    assert Delegation.objects.count() == 0


@pytest.mark.django_db
def test_russia_written_nga_is_stored_as_russia():
    row = ["Đoàn vào", "Đoàn Duma Quốc gia Nga", "Lãnh đạo Quốc hội", "Nga", "10/03/2025"]

    import_delegations([[*row, "Đã thực hiện"]])

    assert Delegation.objects.get().country.code == "RU"


@pytest.mark.django_db
def test_the_admins_export_imported_back_changes_no_country(admin_client):
    for number, code in enumerate(sorted({*DEMO_COUNTRIES, "NE", "JE", "TW"})):
        DelegationFactory(title=f"Đoàn {number}", country=code)
    before = dict(Delegation.objects.values_list("pk", "country"))
    content = export(admin_client, "")
    file = SimpleUploadedFile("xuat.xlsx", content, content_type=XLSX_CONTENT_TYPE)

    preview = admin_client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})
    confirm(admin_client, preview)

    assert not preview.context["result"].has_validation_errors()
    assert preview.context["result"].totals["skip"] == len(before)
    assert dict(Delegation.objects.values_list("pk", "country")) == before


def test_no_two_countries_share_a_vietnamese_name():
    with translation.override("vi"):
        names = [name for _code, name in countries]

    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("JE", "Jersey"),
        ("NE", "Nigiê"),
        ("NG", "Nigeria"),
        ("RE", "Réunion"),
        ("SZ", "Eswatini"),
        ("LY", "Libya"),
        ("TW", "Đài Loan (Trung Quốc)"),
        ("HK", "Hồng Kông (Trung Quốc)"),
        ("MO", "Ma Cao (Trung Quốc)"),
    ],
)
def test_official_vietnamese_names(code, name):
    with translation.override("vi"):
        assert countries.name(code) == name


def test_english_names_stay_django_countries_own():
    with translation.override("en"):
        assert [countries.name(code) for code in ("NE", "TW", "VN", "IS")] == [
            "Niger",
            "Taiwan",
            "Vietnam",
            "Iceland",
        ]


def test_country_lists_are_in_vietnamese_alphabetical_order():
    with translation.override("vi"):
        names = [name for code, name in countries if code != "VN"]

    assert names == sorted(names, key=vi_sort_key)
    assert names.index("Dominica") < names.index("Đan Mạch") < names.index("Estonia")
    assert names.index("Azerbaijan") < names.index("Ấn Độ") < names.index("Ba Lan")


def test_the_admin_country_select_is_in_vietnamese_order(admin_client):
    with translation.override("vi"):
        form = admin_client.get("/admin/delegations/delegation/add/").context["adminform"].form
    names = [str(label) for code, label in form.fields["country"].choices if code]

    assert names.index("Dominica") < names.index("Đức") < names.index("Estonia")


@pytest.mark.parametrize(
    "words",
    [
        ["Anh", "Ấn Độ"],
        ["Dominica", "Đan Mạch", "Đức", "Estonia"],
        ["Nam Phi", "Namibia"],
        ["Ô-man", "Ơ", "Pa"],
        ["ca", "cà", "cả", "cã", "cá", "cạ"],
    ],
)
def test_vietnamese_sort_key(words):
    shuffled = words[1::2] + words[::2]

    assert sorted(shuffled, key=vi_sort_key) == words
