from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from foreignaffairs.core import search

FIELDS = ("name", "name_en", "name_local")


def backfill(apps, schema_editor):
    search.backfill(apps.get_model("partners", "PartnerLocality"), FIELDS)


class Migration(migrations.Migration):
    """The stored search text (foreignaffairs.core.search), filled in for existing rows, and
    its trigram index on PostgreSQL. The `pg_trgm` extension is created here, the first
    migration needing it (a no-op on SQLite)."""

    dependencies = [("partners", "0002_plausible_dates")]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="partnerlocality",
            name="search_text",
            field=search.search_text_field(),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
        search.TrigramIndex("partnerlocality", "partners_search_trgm"),
    ]
