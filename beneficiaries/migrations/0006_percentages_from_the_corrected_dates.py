"""The hot-meal 200 % applies from 2023-01-01 and the FEAD 220 % from 2020-11-26 (docs/funding.md).

0002 first seeded them from 2024-01-01 and 2022-01-01. A row still as seeded moves to the
corrected date; a row a coordinator changed (another percent) or a date already taken stays.
"""

import datetime

from django.db import migrations

# (programme, seeded from, corrected from, percent)
CORRECTIONS = [
    ("hot_meal", datetime.date(2024, 1, 1), datetime.date(2023, 1, 1), 200),
    ("fead", datetime.date(2022, 1, 1), datetime.date(2020, 11, 26), 220),
]


def move(apps, *, forward: bool):
    ProgramIncomePercentage = apps.get_model("beneficiaries", "ProgramIncomePercentage")
    for program, seeded, corrected, percent in CORRECTIONS:
        old, new = (seeded, corrected) if forward else (corrected, seeded)
        if ProgramIncomePercentage.objects.filter(program=program, valid_from=new).exists():
            continue
        ProgramIncomePercentage.objects.filter(program=program, valid_from=old, percent=percent).update(valid_from=new)


def correct(apps, schema_editor):
    move(apps, forward=True)


def restore(apps, schema_editor):
    move(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("beneficiaries", "0005_funding_and_homeless")]
    operations = [migrations.RunPython(correct, restore)]
