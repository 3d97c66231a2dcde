"""The real records: published figures, named partners, visits and events, reference data."""

import datetime
import json
import unicodedata

import pytest
from django.utils.text import slugify

from agreements.models import CooperationField
from delegations.models import Delegation, Event
from delegations.scheduling import DatePrecision
from foreignaffairs.core.text import fold
from foreignaffairs.reports.models import ReportedFigure, Scope
from partners.models import PartnerLocality
from tests.data.conftest import FIXTURES, load_fixtures

pytestmark = pytest.mark.django_db
REAL_MODELS = (ReportedFigure, CooperationField, PartnerLocality, Delegation, Event)


def fixture_records():
    return [record for path in FIXTURES for record in json.loads(open(path).read())]


def counts():
    return {model.__name__: model.objects.count() for model in REAL_MODELS}


def test_loading_the_fixtures_creates_every_record_they_hold():
    load_fixtures()
    assert sum(counts().values()) == len(fixture_records())


def test_loading_the_fixtures_twice_updates_instead_of_duplicating():
    load_fixtures()
    first = counts()
    figure = ReportedFigure.objects.get(metric="incoming_delegations", period_end="2017-12-31")
    figure.value = 1
    figure.save()

    load_fixtures()

    assert counts() == first
    figure.refresh_from_db()
    assert figure.value == 155


def test_every_published_figure_names_its_source_file_and_quotes_it():
    load_fixtures()
    figures = list(ReportedFigure.objects.all())
    assert len(figures) == 15
    for figure in figures:
        assert figure.source.split(" — ")[0].endswith(".txt"), figure.source
        assert len(figure.source.split(" — ")[1]) > 20, "a readable title follows the file"
        assert figure.quote


def test_the_quote_states_the_published_value():
    load_fixtures()
    for figure in ReportedFigure.objects.exclude(metric="fdi_billion_usd"):
        assert f"{figure.value:.0f}" in figure.quote, figure


def test_national_figures_are_kept_apart_from_the_city_figures():
    load_fixtures()
    national = ReportedFigure.objects.filter(scope=Scope.NATIONAL)
    assert national.count() == 4
    assert not national.filter(pk__in=ReportedFigure.objects.for_city()).exists()


def test_real_records_are_not_marked_as_demo():
    load_fixtures()
    for model in (PartnerLocality, Delegation, Event):
        assert not model.objects.filter(is_demo=True).exists()


def test_fixture_text_is_nfc_normalised():
    for record in fixture_records():
        for value in record["fields"].values():
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value), value


def test_visits_known_only_to_half_year_or_year_start_on_the_first_day_and_say_so():
    load_fixtures()
    vague = Delegation.objects.exclude(date_precision=DatePrecision.DAY)
    assert vague.count() == 14
    for delegation in vague:
        assert "ngày cụ thể chưa xác định" in delegation.source
        assert (delegation.start_date.month, delegation.start_date.day) == (1, 1)
    assert set(vague.values_list("date_precision", flat=True)) == {"half_year", "year"}


def test_the_first_half_2012_visits_count_in_that_half_year():
    load_fixtures()
    first_half = Delegation.objects.received().filter(
        start_date__range=(datetime.date(2012, 1, 1), datetime.date(2012, 6, 30))
    )
    assert first_half.count() == 7
    assert first_half.high_level().count() == 5


def test_named_partners_and_what_the_sources_say_of_their_relationship():
    load_fixtures()
    manila = PartnerLocality.objects.get(name="Manila")
    yangon = PartnerLocality.objects.get(name="Yangon")
    san_francisco = PartnerLocality.objects.get(name="San Francisco")
    assert manila.established_on == datetime.date(1994, 1, 1)
    assert "chưa xác định" in manila.notes
    assert yangon.established_on < datetime.date(2012, 1, 1)
    assert "muộn nhất" in yangon.notes
    assert san_francisco.established_on is None
    active = PartnerLocality.objects.active_on(datetime.date(2017, 12, 31))
    assert set(active.values_list("name", flat=True)) == {"Manila", "Yangon"}


def test_every_natural_key_is_stored_folded():
    # loaddata writes rows without save(): the fixture files hold the folded keys.
    load_fixtures()
    for model in (PartnerLocality, Delegation, Event):
        for record in model.objects.all():
            for column, source in model.folded_fields.items():
                assert getattr(record, column) == fold(getattr(record, source)), record


def test_visits_from_partner_localities_are_linked_to_them():
    load_fixtures()
    assert Delegation.objects.get(title="Đoàn Thủ hiến vùng Yangon").partner.name == "Yangon"
    assert Delegation.objects.get(title="Đoàn Thị trưởng thành phố Manila").partner.country == "PH"


def test_cooperation_fields_have_slug_codes_and_vietnamese_and_english_names():
    load_fixtures()
    fields = list(CooperationField.objects.all())
    codes = {field.code for field in fields}
    assert {
        "economy",
        "trade",
        "investment",
        "education",
        "health",
        "culture",
        "tourism",
        "science-technology",
        "environment",
        "urban-planning",
        "transport",
        "agriculture",
    } <= codes
    for field in fields:
        assert field.code == slugify(field.code)
        assert field.name and field.name_en and field.name != field.name_en
