"""A document's parameter is checked by tasks.services (document_subject), not only by the API's
serializer: a script calling document_request directly meets the same refusals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tasks import services
from tasks.models import Document, DocumentKind
from tests.support import DAY, nothing_changed
from tests.tasks.helpers import SUNDAY, workshop_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.mark.parametrize(
    ("kind", "subject", "subject_date"),
    [
        (DocumentKind.MEAL_ROSTER, "anything", DAY),
        (DocumentKind.MEAL_ROSTER, SUNDAY.isoformat(), SUNDAY),
        (DocumentKind.MEAL_ROSTER, "1999-03-04", datetime.date(1999, 3, 4)),
        (DocumentKind.MEAL_ROSTER, DAY.isoformat(), DAY + datetime.timedelta(days=1)),
        (DocumentKind.MONTHLY_MEALS, "2026-13", DAY),
        (DocumentKind.MONTHLY_MEALS, "2026-03", DAY),
        (DocumentKind.WORKSHOP_ATTENDANCE, "987654", DAY),
        (DocumentKind.WORKSHOP_ATTENDANCE, str(10**30), DAY),
    ],
)
def test_a_parameter_the_kind_cannot_have_is_refused(coordinator, kind, subject, subject_date):
    with nothing_changed(), pytest.raises(ValidationError):
        services.document_request(kind=kind, subject=subject, subject_date=subject_date, by=coordinator)


def test_a_cancelled_session_is_refused(coordinator):
    session = workshop_session(status="cancelled")

    with pytest.raises(ValidationError) as refused:
        services.document_request(
            kind=DocumentKind.WORKSHOP_ATTENDANCE, subject=str(session.pk), subject_date=DAY, by=coordinator
        )

    assert "session" in refused.value.message_dict
    assert not Document.objects.exists()


def test_the_subject_the_rules_give_is_accepted(coordinator):
    subject, subject_date = services.document_subject(kind=DocumentKind.MEAL_ROSTER, parameter=DAY)

    requested = services.document_request(
        kind=DocumentKind.MEAL_ROSTER, subject=subject, subject_date=subject_date, by=coordinator
    )

    assert (requested.document.subject, requested.document.subject_date) == (DAY.isoformat(), DAY)
