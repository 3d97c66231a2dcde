from django.db import migrations, models
from django.db.models.functions import Coalesce


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0012_stored_latest_dates"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                Coalesce("stored_last_activity_on", "signed_on"),
                models.F("expires_on"),
                models.F("auto_renew"),
                models.F("status"),
                models.F("stored_last_activity_on"),
                models.F("signed_on"),
                models.F("id"),
                condition=models.Q(("signed_on__isnull", False), ("status", "in_force")),
                name="agreements_follow_up_idx",
            ),
        ),
    ]
