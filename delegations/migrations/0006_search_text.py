from django.db import migrations

from foreignaffairs.core import search

DELEGATION_FIELDS = ("title", "head_name", "head_title", "organization")
EVENT_FIELDS = ("title", "venue", "notes")


def backfill(apps, schema_editor):
    search.backfill(apps.get_model("delegations", "Delegation"), DELEGATION_FIELDS)
    search.backfill(apps.get_model("delegations", "Event"), EVENT_FIELDS)


class Migration(migrations.Migration):
    """The stored search text (foreignaffairs.core.search), filled in for existing rows, and
    its trigram indexes on PostgreSQL."""

    dependencies = [
        ("delegations", "0005_plausible_dates"),
        ("partners", "0003_search_text"),  # the pg_trgm extension
    ]

    operations = [
        migrations.AddField(
            model_name="delegation",
            name="search_text",
            field=search.search_text_field(),
        ),
        migrations.AddField(
            model_name="event",
            name="search_text",
            field=search.search_text_field(),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
        search.TrigramIndex("delegation", "delegations_search_trgm"),
        search.TrigramIndex("event", "events_search_trgm"),
    ]
