from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfigConfig(AppConfig):
    """The project's own app: roles, staff login, health, the API's error shapes."""

    name = "config"
    verbose_name = _("Service")

    def ready(self):
        from django.db.models.signals import post_migrate

        from config import tokens  # noqa: F401 (connects: tokens die with the password)
        from config.roles_setup import grant_coordinator_permissions

        post_migrate.connect(grant_coordinator_permissions)
