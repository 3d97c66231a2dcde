from django.db import migrations, models


def compute_at_first_read(apps, schema_editor):
    """Note every implementation activity (core.daily_counts): they are a source of both
    stored dates, so the first read computes every agreement's and every partner's."""
    ChangedDay = apps.get_model("foreignaffairs", "ChangedDay")
    ChangedDay.objects.using(schema_editor.connection.alias).create(
        model="agreements.implementationactivity", day=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0011_version_links"),
        ("partners", "0008_stored_latest_dates"),
        ("foreignaffairs", "0007_daily_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="stored_last_activity_on",
            field=models.DateField(
                editable=False, null=True, verbose_name="hoạt động triển khai gần nhất"
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                fields=["stored_last_activity_on"], name="agreements_last_activity_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="implementationactivity",
            index=models.Index(fields=["date"], name="activities_date_idx"),
        ),
        migrations.RunPython(compute_at_first_read, migrations.RunPython.noop),
    ]
