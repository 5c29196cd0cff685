"""Residents get ``sort_name``: the key of the one Polish alphabetical order (docs/polish.md).

Existing rows are filled from their current names, in batches (100,000 residents fit in memory
as keys, not as objects). Anonymised residents get the key of their anonymous names, as the
service gives them.
"""

from django.db import migrations, models

BATCH = 2000


def fill_sort_names(apps, schema_editor):
    from config.text import person_sort_key

    Resident = apps.get_model("beneficiaries", "Resident")
    batch = []
    for resident in Resident.objects.only("id", "last_name", "first_name").iterator(chunk_size=BATCH):
        resident.sort_name = person_sort_key(resident.last_name, resident.first_name)[:400]
        batch.append(resident)
        if len(batch) == BATCH:
            Resident.objects.bulk_update(batch, ["sort_name"])
            batch = []
    Resident.objects.bulk_update(batch, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [("beneficiaries", "0006_percentages_from_the_corrected_dates")]

    operations = [
        migrations.AlterModelOptions(
            name="resident",
            options={"ordering": ["sort_name", "id"], "verbose_name": "resident", "verbose_name_plural": "residents"},
        ),
        migrations.AddField(
            model_name="resident",
            name="sort_name",
            field=models.CharField(default="", editable=False, max_length=400),
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="resident",
            index=models.Index(fields=["sort_name", "id"], name="beneficiari_sort_na_a1fb0e_idx"),
        ),
    ]
