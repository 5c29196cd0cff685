from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0002_signup_one_signup_per_waitlist_position"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.CheckConstraint(
                condition=models.Q(models.Q(("status", "waitlisted"), _negated=True), ("waitlist_position__isnull", False), _connector="OR"),
                name="waitlisted_signup_has_position",
            ),
        ),
    ]
