"""Attendance only on confirmed sign-ups: a CheckConstraint behind the rule the services keep.

The services have never recorded attendance on another sign-up; should a database hold one
(written around them), the migration stops and names the sign-ups rather than drop what a
leader recorded: a coordinator decides, then the migration runs again.
"""

from django.db import migrations, models


def refuse_attendance_off_the_list(apps, schema_editor):
    Signup = apps.get_model("workshops", "Signup")
    stray = Signup.objects.filter(attended__isnull=False).exclude(status="confirmed")
    ids = list(stray.values_list("pk", flat=True)[:50])
    if ids:
        raise RuntimeError(f"Attendance recorded on sign-ups that are not confirmed (settle them first): {ids}")


class Migration(migrations.Migration):
    dependencies = [("workshops", "0003_signup_waitlisted_signup_has_position")]

    operations = [
        migrations.RunPython(refuse_attendance_off_the_list, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.CheckConstraint(
                condition=models.Q(attended__isnull=True) | models.Q(status="confirmed"),
                name="attendance_only_when_confirmed",
            ),
        ),
    ]
