from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0007_version_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnerlocality",
            name="stored_last_exchange_on",
            field=models.DateField(editable=False, null=True, verbose_name="trao đổi gần nhất"),
        ),
        migrations.AddIndex(
            model_name="partnerlocality",
            index=models.Index(
                fields=["stored_last_exchange_on"], name="partners_last_exchange_idx"
            ),
        ),
    ]
