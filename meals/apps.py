from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MealsConfig(AppConfig):
    name = "meals"
    verbose_name = _("Hot meals")

    def ready(self):
        from beneficiaries.sections import resident_section_register
        from meals.sections import MEAL_HISTORY

        resident_section_register(MEAL_HISTORY)
