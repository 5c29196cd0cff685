"""A void always says who made it: a CheckConstraint behind the rule the void service keeps.

The service has always recorded ``voided_by``; should a database hold a void without it (written
around the service), the migration stops and names the issues rather than invent who voided them
or silently undo the void: a coordinator decides, then the migration runs again.
"""

from django.db import migrations, models


def refuse_unsigned_voids(apps, schema_editor):
    MealIssue = apps.get_model("meals", "MealIssue")
    unsigned = list(MealIssue.objects.filter(voided_at__isnull=False, voided_by__isnull=True).values_list("pk", flat=True))
    if unsigned:
        raise RuntimeError(f"Voided meal issues without voided_by (set who voided them first): {unsigned[:50]}")


class Migration(migrations.Migration):
    dependencies = [("meals", "0002_issue_source_and_offline_conflicts")]

    operations = [
        migrations.RunPython(refuse_unsigned_voids, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="mealissue",
            constraint=models.CheckConstraint(
                condition=models.Q(voided_at__isnull=True) | models.Q(voided_by__isnull=False),
                name="void_names_who_voided",
            ),
        ),
    ]
