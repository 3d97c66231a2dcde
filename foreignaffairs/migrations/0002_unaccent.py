from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Accent-insensitive search on PostgreSQL (a no-op on SQLite, see foreignaffairs.core.db)."""

    dependencies = [("foreignaffairs", "0001_initial")]

    operations = [UnaccentExtension()]
