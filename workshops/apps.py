from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("FEAD workshops")

    def ready(self):
        from beneficiaries.sections import resident_section_register
        from workshops.sections import WORKSHOP_HISTORY

        resident_section_register(WORKSHOP_HISTORY)
