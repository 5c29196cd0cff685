from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "waitlisted")),
                fields=("session", "waitlist_position"),
                name="one_signup_per_waitlist_position",
            ),
        ),
    ]
