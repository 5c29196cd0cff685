"""Coordinators use the Django admin for the project's own data ("Django admin for the rest").

Model permissions exist only after every app has migrated, so they are granted after migrate
rather than inside the roles migration.
"""

PROJECT_APPS = ("beneficiaries", "meals", "workshops", "tasks")


def grant_coordinator_permissions(sender, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.using(using).filter(name="coordinator").first()
    if group is None:
        return
    permissions = Permission.objects.using(using).filter(content_type__app_label__in=PROJECT_APPS)
    group.permissions.add(*permissions)
