from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("FEAD workshops")

    def ready(self):
        from config.roles import register_row_grant
        from workshops.selectors import residents_signed_up_with

        register_row_grant("residents.see_phone_of_participants", residents_signed_up_with)
