from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from config.roles import Role
from config.roles_setup import staff_user_set


def check_password(password, user):
    """Django's password validators (settings.AUTH_PASSWORD_VALIDATORS), as for a password set on a page."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError(f"Password refused: {' '.join(error.messages)}") from None


class Command(BaseCommand):
    help = "Create or update a staff user with exactly one role (docs/api.md#roles)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help=", ".join(Role.values))
        parser.add_argument("--password", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username, role, password, first_name, last_name, **options):
        if role not in Role.values:
            raise CommandError(f"Unknown role {role!r}; choose one of: {', '.join(Role.values)}")
        _, created = staff_user_set(
            username=username,
            role=role,
            password=password,
            first_name=first_name,
            last_name=last_name,
            check=check_password,
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} user {username} with role {role}."))
