"""Each diet and district has one name, the same on the pages and on paper (Polish on paper
whatever the interface language): the printouts take the models' labels. (Themes print with
the programme's own names on its forms: tasks/rendering/wording.py TOPICS.)"""

import pytest
from django.utils import translation

from beneficiaries.models import DietTag, District
from tasks.rendering import wording

PRINTED_NAME = [
    *[(choice, lambda code: wording.diet_names([code])) for choice in DietTag],
    *[(choice, wording.district_text) for choice in District],
]


@pytest.mark.parametrize(("choice", "printed"), PRINTED_NAME, ids=lambda value: getattr(value, "value", ""))
def test_a_diet_or_district_prints_with_the_name_the_pages_show(choice, printed):
    with translation.override("pl"):
        shown = str(choice.label)

    with translation.override("en"):
        assert printed(choice.value) == shown
