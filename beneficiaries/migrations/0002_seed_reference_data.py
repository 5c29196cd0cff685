"""Seed the street register and the income tables from docs/domain.md (coordinators edit them later)."""

import datetime

from django.db import migrations

from beneficiaries import seed_data
from beneficiaries.streets import fold_street


def seed(apps, schema_editor):
    Street = apps.get_model("beneficiaries", "Street")
    IncomeCriterion = apps.get_model("beneficiaries", "IncomeCriterion")
    ProgramIncomePercentage = apps.get_model("beneficiaries", "ProgramIncomePercentage")
    districts = [("maciejkowice", seed_data.MACIEJKOWICE_STREETS), ("chorzow_stary", seed_data.CHORZOW_STARY_STREETS)]
    for district, streets in districts:
        for name in streets:
            Street.objects.get_or_create(name_folded=fold_street(name), defaults={"name": name, "district": district})
    for valid_from, single, per_person in seed_data.INCOME_CRITERIA:
        IncomeCriterion.objects.get_or_create(
            valid_from=datetime.date.fromisoformat(valid_from),
            defaults={"single_person": single, "per_person": per_person},
        )
    for program, valid_from, percent in seed_data.PROGRAM_PERCENTAGES:
        ProgramIncomePercentage.objects.get_or_create(
            program=program, valid_from=datetime.date.fromisoformat(valid_from), defaults={"percent": percent}
        )


class Migration(migrations.Migration):
    dependencies = [("beneficiaries", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
