"""Writes of the meals app: issuing a meal, voiding it, the coordinator's day plan, anonymising.

The check-in path (:func:`meal_issue`) touches only the database: no cache, no Celery, so a
dead Redis never stops the counter. One non-voided meal per resident per day is the
database's conditional unique constraint; this module only turns its verdict into the
API's refusals. The path is measured by ``python -m bench`` (B1, B2, B6).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from config.audit import REDACTED, audit_event, audit_record, audited_insert
from config.roles import may
from config.text import staff_name
from meals import exceptions
from meals.models import MealDay, MealIssue
from meals.selectors.counter import checkin_subject, current_issue

# A retried insert can only lose again if the blocking issue was voided in between.
INSERT_ATTEMPTS = 3


@dataclass(frozen=True)
class IssueResult:
    issue: MealIssue
    created: bool  # False: the same client_ref was seen before, nothing new was recorded


def issue_ref(issue: MealIssue, *, user) -> dict:
    """How a refusal names the issue in the way: ``{id, issued_at, issued_by}``; ``may_void``: may ``user`` undo it."""
    return {
        "id": issue.pk,
        "issued_at": timezone.localtime(issue.issued_at).isoformat(),
        "issued_by": issue.issued_by.get_username(),
        "issued_by_name": issued_by_name(issue),
        "may_void": may_void(user, issue),
    }


def issued_by_name(issue: MealIssue) -> str:
    """Who handed the meal out, as people read it: the full name, else the user name."""
    return staff_name(issue.issued_by)


def meal_issue(
    *,
    by,
    resident_id: int | None = None,
    card: str | None = None,
    takeaway: bool = False,
    collected_by: str = "",
    client_ref: str | None = None,
) -> IssueResult:
    """Hand out today's hot meal to the resident named by id or card (exactly one of them).

    A first check-in makes two round trips of work: one query reads everything
    (:func:`checkin_subject`), one transaction writes the issue and its audit event.
    """
    client_ref = client_ref or None
    day = timezone.localdate()
    subject = checkin_subject(day=day, resident_id=resident_id, card=card, client_ref=client_ref)
    retried = subject is None or subject.earlier_issue_id is not None
    # A retry (or a client_ref reused for someone unknown): the earlier attempt decides.
    if retried and client_ref and (earlier := _issue_by_client_ref(client_ref)):
        return IssueResult(_same_request(earlier, resident_id=resident_id, card=card, by=by), created=False)
    if subject is None:
        raise exceptions.unknown_resident()
    verdict = subject.eligibility(day)
    if not verdict.eligible:
        raise exceptions.not_eligible(verdict.reasons)
    issue = MealIssue(
        resident=subject.resident,
        date=day,
        issued_at=timezone.now(),
        issued_by=by,
        takeaway=takeaway,
        collected_by=collected_by,
        client_ref=client_ref,
    )
    return _insert(issue, resident_id=resident_id, card=card)


def _insert(issue: MealIssue, *, resident_id: int | None, card: str | None) -> IssueResult:
    """INSERT under the unique constraints; a loser learns who won instead of failing."""
    for _attempt in range(INSERT_ATTEMPTS):
        issue.pk = _record(issue)
        if issue.pk is not None:
            return IssueResult(issue, created=True)
        # Same client_ref at the same moment (a retry racing its original): one issue, 200.
        if issue.client_ref and (earlier := _issue_by_client_ref(issue.client_ref)):
            return IssueResult(
                _same_request(earlier, resident_id=resident_id, card=card, by=issue.issued_by), created=False
            )
        served = current_issue(resident_id=issue.resident_id, day=issue.date)
        if served is not None:
            raise exceptions.already_issued(issue_ref(served, user=issue.issued_by))
        # The blocking issue was voided meanwhile: try again.
    raise exceptions.busy()


def _record(issue: MealIssue) -> int | None:
    """Insert the issue and its audit event (config.audit.audited_insert); None when a unique rule refused it.

    Concurrent inserts for one resident wait for each other in the unique index: one wins.
    """
    event = audit_event(actor=issue.issued_by, action="meal.issue", obj=issue, after=_issue_audit(issue))
    return audited_insert(issue, event=event)


def _issue_by_client_ref(client_ref: str) -> MealIssue | None:
    return MealIssue.objects.select_related("resident", "issued_by", "voided_by").filter(client_ref=client_ref).first()


def _same_request(earlier: MealIssue, *, resident_id: int | None, card: str | None, by) -> MealIssue:
    """A client_ref names one attempt: reusing it for someone else is a client bug, not a retry."""
    same = earlier.resident_id == resident_id if card is None else earlier.resident.card_number == card.strip()
    if not same:
        raise exceptions.client_ref_reused(issue_ref(earlier, user=by))
    return earlier


def _issue_audit(issue: MealIssue) -> dict:
    return {
        "resident": issue.resident_id,
        "date": issue.date,
        "takeaway": issue.takeaway,
        "collected_by": issue.collected_by,
        "client_ref": issue.client_ref,
    }


def may_void(user, issue: MealIssue, *, today: datetime.date | None = None) -> bool:
    """Who may void ``issue``: with ``meals.void_any`` any issue; at the counter (``meals.issue``) one's own of today.

    The API tells the browser: every issue it answers with carries ``may_void``.
    """
    if may(user, "meals.void_any"):
        return True
    today = today or timezone.localdate()
    return may(user, "meals.issue") and issue.issued_by_id == user.pk and issue.date == today


def meal_issue_void(*, issue: MealIssue, by, reason: str) -> MealIssue:
    """Void an issue (nothing is deleted); the resident may then be served again that day."""
    with transaction.atomic():
        # Locked and read again, so two simultaneous voids cannot both succeed.
        issue = (
            MealIssue.objects.select_for_update(of=("self",))
            .select_related("resident", "issued_by", "voided_by")
            .get(pk=issue.pk)
        )
        if not may_void(by, issue):
            raise exceptions.void_not_allowed()
        if issue.is_voided:
            raise exceptions.already_voided()
        issue.voided_at, issue.voided_by, issue.void_reason = timezone.now(), by, reason
        issue.save(update_fields=["voided_at", "voided_by", "void_reason"])
        audit_record(
            actor=by,
            action="meal.void",
            obj=issue,
            before={"voided_at": None},
            after={"voided_at": issue.voided_at, "void_reason": reason, "resident": issue.resident_id},
        )
    return issue


UNSET = object()
PLAN_FIELDS = ("menu", "portions_planned", "note")


def meal_day_plan(*, day: datetime.date, by, menu=UNSET, portions_planned=UNSET, note=UNSET) -> MealDay:
    """Set the day's menu note and portions planned (fields left UNSET keep their value)."""
    changes = {
        name: value
        for name, value in zip(PLAN_FIELDS, (menu, portions_planned, note), strict=True)
        if value is not UNSET
    }
    with transaction.atomic():
        plan, _created = MealDay.objects.get_or_create(date=day)
        plan = MealDay.objects.select_for_update().get(pk=plan.pk)
        before = {name: getattr(plan, name) for name in PLAN_FIELDS}
        for name, value in changes.items():
            setattr(plan, name, value)
        plan.updated_by = by
        plan.save()
        audit_record(actor=by, action="meal_day.plan", obj=plan, before=before, after={**before, **changes})
    return plan


def meal_issues_anonymise_for_resident(*, resident_id: int) -> int:
    """Blank who collected the resident's meals and why any was voided (a reason may name them).

    The issues stay for the counts, and so does the fact that a void had a reason. Returns how
    many issues stay.
    """
    issues = MealIssue.objects.filter(resident_id=resident_id)
    issues.exclude(void_reason="").update(void_reason=REDACTED)
    return issues.update(collected_by="")


def offline_pack_record(*, by, day: datetime.date, residents: int) -> None:
    """A counter took the day's list onto its device: a bulk read of personal data, so it is in the trail."""
    audit_record(actor=by, action="meal.offline_pack", obj=by, after={"date": day, "residents": residents})
