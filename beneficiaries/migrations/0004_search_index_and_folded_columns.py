"""Search at scale (PostgreSQL only) and the folded columns of existing rows.

- pg_trgm and a GIN trigram index on ``resident.search_text``: name search is a LIKE '%word%'
  on that folded column, which the index answers without reading 100,000 rows. On SQLite
  this step does nothing (the search still works, by scanning).
- Street names are re-folded (dots and hyphens became spaces in ``fold_street``), and
  residents get ``search_text`` and ``address_key`` computed from their current data.
"""

from django.db import migrations

INDEX = "resident_search_trgm_idx"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON beneficiaries_resident USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def refold(apps, schema_editor):
    from beneficiaries.selectors import address_key
    from beneficiaries.streets import fold_street
    from config.text import fold

    Street = apps.get_model("beneficiaries", "Street")
    for street in Street.objects.all():
        Street.objects.filter(pk=street.pk).update(name_folded=fold_street(street.name))
    Resident = apps.get_model("beneficiaries", "Resident")
    for resident in Resident.objects.iterator():
        text = f"{resident.last_name} {resident.first_name} {resident.card_number or ''} {resident.pesel or ''}"
        Resident.objects.filter(pk=resident.pk).update(
            search_text=fold(text)[:300],
            address_key=address_key(street=resident.street, building=resident.building, flat=resident.flat),
        )


class Migration(migrations.Migration):
    dependencies = [("beneficiaries", "0003_resident_address_key")]
    operations = [
        migrations.RunPython(create_trigram_index, drop_trigram_index),
        migrations.RunPython(refold, migrations.RunPython.noop),
    ]
