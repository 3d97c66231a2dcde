import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

FIXTURES = sorted(str(path) for path in (Path(__file__).parents[2] / "fixtures").glob("*.json"))
# A fixed "today" so the demo (upcoming visits, visits not closed out) does not depend on the
# day the tests run.
TODAY = datetime.date(2025, 10, 15)
SEED = 7


def load_fixtures():
    call_command("loaddata", *FIXTURES, verbosity=0)


def seed_demo(*args):
    call_command("seed_demo", f"--seed={SEED}", f"--today={TODAY}", "--force", *args, verbosity=0)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The fixtures and the default demo, created once per test module and rolled back after
    it; each test still runs in its own savepoint (the `db` fixture), so tests that clear or
    reseed see the seeded state again."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_fixtures()
        seed_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    """Use in tests that read or change the seeded demo."""
