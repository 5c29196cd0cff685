"""Each diet, district and theme has one name, the same on the pages and on paper (Polish on
paper whatever the interface language): the printouts take the models' labels."""

import pytest
from django.utils import translation

from beneficiaries.models import DietTag, District
from tasks.rendering import wording
from workshops.models import Topic

PRINTED_NAME = [
    *[(choice, lambda code: wording.diet_text([code], "")) for choice in DietTag],
    *[(choice, wording.district_text) for choice in District],
    *[(choice, wording.topic_text) for choice in Topic],
]


@pytest.mark.parametrize(("choice", "printed"), PRINTED_NAME, ids=lambda value: getattr(value, "value", ""))
def test_a_diet_district_or_theme_prints_with_the_name_the_pages_show(choice, printed):
    with translation.override("pl"):
        shown = str(choice.label)

    with translation.override("en"):
        assert printed(choice.value) == shown
