"""Staff users with their one role, and the coordinators' admin permissions.

Coordinators use the Django admin for the project's own data ("Django admin for the rest").
Model permissions exist only after every app has migrated, so they are granted after migrate
rather than inside the roles migration.
"""

from django.db import transaction

from config.roles import roles_with

PROJECT_APPS = ("beneficiaries", "meals", "workshops", "tasks")


def grant_coordinator_permissions(sender, using="default", **kwargs):
    """Runs after each app migrates (after auth has created that app's permissions)."""
    from django.contrib.auth.models import Group, Permission

    if sender.label not in PROJECT_APPS:
        return

    permissions = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for group in Group.objects.using(using).filter(name__in=sorted(roles_with("admin.use"))):
        group.permissions.add(*permissions)


def staff_user_set(*, username: str, role: str, password: str, first_name: str = "", last_name: str = "", check=None):
    """Create or update ``username`` with exactly ``role`` and ``password``; (user, created).

    ``check(password, user)`` may refuse the password by raising; nothing is saved then.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    with transaction.atomic():
        user, created = get_user_model().objects.get_or_create(username=username)
        if first_name or last_name:
            user.first_name, user.last_name = first_name, last_name
        if check is not None:
            check(password, user)
        user.set_password(password)
        user.is_active = True
        user.is_staff = role in roles_with("admin.use")  # the Django admin lets in staff only
        user.save()
        user.groups.set([Group.objects.get(name=role)])
    return user, created
