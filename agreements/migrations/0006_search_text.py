from django.db import migrations

from foreignaffairs.core import search

FIELDS = ("title", "title_en", "signed_place", "partner_organization")


def backfill(apps, schema_editor):
    search.backfill(apps.get_model("agreements", "Agreement"), FIELDS)


class Migration(migrations.Migration):
    """The stored search text (foreignaffairs.core.search), filled in for existing rows, and
    its trigram index on PostgreSQL."""

    dependencies = [
        ("agreements", "0005_plausible_dates"),
        ("partners", "0003_search_text"),  # the pg_trgm extension
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="search_text",
            field=search.search_text_field(),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
        search.TrigramIndex("agreement", "agreements_search_trgm"),
    ]
