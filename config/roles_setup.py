"""Coordinators use the Django admin for the project's own data ("Django admin for the rest").

Model permissions exist only after every app has migrated, so they are granted after migrate
rather than inside the roles migration.
"""

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
