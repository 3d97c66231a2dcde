import pytest
from django.core.management import call_command

from agreements.models import Agreement
from delegations.models import Delegation
from partners.models import PartnerLocality
from tests.factories import AgreementFactory, DelegationFactory, PartnerLocalityFactory


@pytest.mark.django_db(transaction=True)
def test_dumpdata_backup_restores_into_an_empty_database(tmp_path):
    """The README's portable backup: dumpdata, then loaddata into an emptied database."""
    partner = PartnerLocalityFactory(name="Yangon", country="MM")
    DelegationFactory.create_batch(3, partner=partner, country="MM")
    AgreementFactory(partners=[partner], establishes_relationship=True)
    backup = tmp_path / "backup.json"
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--exclude=contenttypes",
        "--exclude=auth.permission",
        "--exclude=sessions",
        f"--output={backup}",
        verbosity=0,
    )

    call_command("flush", "--noinput", verbosity=0)
    assert Delegation.objects.count() == 0

    call_command("loaddata", str(backup), verbosity=0)
    restored = PartnerLocality.objects.get(name="Yangon")
    assert Delegation.objects.filter(partner=restored).count() == 3
    assert list(Agreement.objects.get().partners.all()) == [restored]
    assert Delegation.history.count() == 3
