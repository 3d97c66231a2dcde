from django.db import migrations

# The fixed set of foreign-affairs pillars; the API exposes their codes.
PILLARS = [
    ("political", "Chính trị", 1),
    ("economic", "Kinh tế", 2),
    ("cultural", "Văn hóa", 3),
    ("people_to_people", "Đối ngoại nhân dân", 4),
    ("overseas_vietnamese", "Người Việt Nam ở nước ngoài", 5),
]


def create_pillars(apps, schema_editor):
    Pillar = apps.get_model("delegations", "Pillar")
    for code, name, order in PILLARS:
        Pillar.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("delegations", "0001_initial")]

    operations = [migrations.RunPython(create_pillars, migrations.RunPython.noop)]
