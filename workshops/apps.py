from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("FEAD workshops")

    def ready(self):
        from beneficiaries.sections import resident_section_register
        from config.roles import register_row_grant
        from workshops.sections import WORKSHOP_HISTORY
        from workshops.selectors import residents_signed_up_with

        resident_section_register(WORKSHOP_HISTORY)
        register_row_grant("residents.see_phone_of_participants", residents_signed_up_with)
