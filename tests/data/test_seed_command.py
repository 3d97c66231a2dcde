"""seed_demo on a database without demo data: refusals and large volumes."""

import io

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, ImplementationActivity
from delegations.models import Delegation
from foreignaffairs.demo import plan
from tests.data.conftest import TODAY, load_fixtures

pytestmark = pytest.mark.django_db


def no_demo_data():
    return not Delegation.objects.filter(is_demo=True).exists()


def test_it_refuses_to_run_when_debug_is_off(settings):
    settings.DEBUG = False
    load_fixtures()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0)
    assert no_demo_data()


def test_it_asks_for_the_fixtures_first(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="loaddata"):
        call_command("seed_demo", verbosity=0)
    assert no_demo_data()


def test_a_malformed_today_is_refused(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("seed_demo", "--today=15/10/2025", verbosity=0)


def test_scale_two_doubles_the_volume_and_shows_progress():
    load_fixtures()
    stderr = io.StringIO()
    call_command(
        "seed_demo", "--scale=2", f"--today={TODAY}", "--force", stderr=stderr, stdout=io.StringIO()
    )
    planned = sum(
        plan.year_plan(year).incoming + plan.year_plan(year).outgoing
        for year in range(plan.FIRST_YEAR, TODAY.year)
    )
    delegations = Delegation.objects.filter(is_demo=True).count()
    agreements = Agreement.objects.filter(is_demo=True).count()
    assert delegations >= 2 * planned
    assert 0.08 * delegations <= agreements <= 0.12 * delegations
    assert 3 <= ImplementationActivity.objects.count() / agreements <= 6
    assert "100%" in stderr.getvalue()
