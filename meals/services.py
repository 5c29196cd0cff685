"""Writes of the meals app: issuing a meal, voiding it, the coordinator's day plan, anonymising.

The check-in path (:func:`meal_issue`) touches only the database: no cache, no Celery, so a
dead Redis never stops the counter. One non-voided meal per resident per day is the
database's conditional unique constraint; this module only turns its verdict into the
API's refusals. The path is measured by ``python -m bench`` (B1, B2, B6).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beneficiaries.models import Resident
from config.audit import REDACTED, audit_event, audit_record, audited_insert
from config.roles import may
from config.serializers import moment_out
from config.text import fold, staff_name
from meals import exceptions
from meals.models import IssueSource, MealDay, MealIssue, MealPrice, OfflineConflict
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
        "issued_at": moment_out(issue.issued_at),
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
    issued_at: datetime.datetime | None = None,
    source: str = IssueSource.COUNTER,
) -> IssueResult:
    """Hand out a hot meal to the resident named by id or card (exactly one of them), now or at ``issued_at``.

    ``issued_at``: when a counter that was offline scanned the card, or a meal on a signed paper
    list (docs/api.md#hot-meals); the issue belongs to that moment's Warsaw day, an earlier day only
    for those who may backdate. A queued offline meal refused because someone served the
    resident meanwhile is kept as an :class:`OfflineConflict` for the coordinator.
    """
    try:
        return _meal_issue(
            by=by,
            resident_id=resident_id,
            card=card,
            takeaway=takeaway,
            collected_by=collected_by,
            client_ref=client_ref or None,
            source=source,
            moment=_issue_moment(issued_at, by=by),
        )
    except exceptions.MealError as refusal:
        if source == IssueSource.OFFLINE and client_ref and refusal.code in CONFLICT_CODES:
            offline_conflict_record(
                by=by, resident_id=resident_id, card=card, refusal=refusal, scanned_at=issued_at, client_ref=client_ref
            )
        raise


# A device's clock may run a little ahead of the server's: a moment this close to now is now.
CLOCK_SKEW = datetime.timedelta(minutes=2)
CONFLICT_CODES = ("already_issued", "not_eligible")


def _issue_moment(issued_at: datetime.datetime | None, *, by) -> datetime.datetime:
    """When the meal was handed out: now, or ``issued_at`` (never later than now)."""
    now = timezone.now()
    if issued_at is None or issued_at > now:
        return now
    if timezone.localdate(issued_at) < timezone.localdate(now) and not may(by, "meals.backdate"):
        raise exceptions.earlier_day_not_allowed()
    return issued_at


def _meal_issue(
    *,
    by,
    resident_id: int | None,
    card: str | None,
    takeaway: bool,
    collected_by: str,
    client_ref: str | None,
    source: str,
    moment: datetime.datetime,
) -> IssueResult:
    """A first check-in makes two round trips of work: one query reads everything
    (:func:`checkin_subject`), one transaction writes the issue and its audit event.
    """
    day = timezone.localdate(moment)
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
        issued_at=moment,
        issued_by=by,
        source=source,
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
        "issued_at": issue.issued_at,
        "source": issue.source,
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


def void_reasons_naming_scrub(*, last_name: str) -> list[int]:
    """Void reasons of anyone's issue that name a person being anonymised become ``[anonymised]``.

    Matched by the last name, ignoring case; returns the ids of the issues changed (their audit
    events are blanked by the caller).
    """
    name = fold(last_name.strip())
    if len(name) < 2:
        return []
    # Compared folded in Python: "ŻÓŁĆ" names "Żółć" too, and SQLite's LIKE folds ASCII only.
    reasons = MealIssue.objects.exclude(void_reason__in=("", REDACTED)).values_list("pk", "void_reason")
    ids = [pk for pk, reason in reasons if name in fold(reason)]
    MealIssue.objects.filter(pk__in=ids).update(void_reason=REDACTED)
    return ids


def meal_price_create(*, by, valid_from: datetime.date, price: Decimal) -> MealPrice:
    """A new contract price from ``valid_from`` on; a date that already has a price is a field error.

    Prices are only added, never edited: a settlement already printed stays what it was.
    """
    if price is None or price <= 0:
        raise ValidationError({"price": [_("Enter an amount greater than zero.")]})
    try:
        with transaction.atomic():
            meal_price = MealPrice.objects.create(valid_from=valid_from, price=price, created_by=by)
            audit_record(
                actor=by, action="meal_price.create", obj=meal_price, after={"valid_from": valid_from, "price": price}
            )
    except IntegrityError:
        raise ValidationError({"valid_from": [_("A price in force from this date already exists.")]}, code="unique")
    return meal_price


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


def offline_conflict_record(
    *, by, resident_id: int | None, card: str | None, refusal, scanned_at, client_ref: str
) -> OfflineConflict | None:
    """Keep a refused offline meal for the coordinator's day view; a resent queue records it once."""
    resident = Resident.objects.filter(**({"card_number": card.strip()} if card else {"pk": resident_id})).first()
    if resident is None:
        return None
    blocking = refusal.extra.get("issue") or {}
    scanned_at = scanned_at or timezone.now()
    with transaction.atomic():
        conflict, created = OfflineConflict.objects.get_or_create(
            client_ref=client_ref,
            defaults={
                "resident": resident,
                "date": timezone.localdate(scanned_at),
                "scanned_at": scanned_at,
                "scanned_by": by,
                "code": refusal.code,
                "issue_id": blocking.get("id"),
            },
        )
        if created:
            after = {"resident": resident.pk, "code": refusal.code, "scanned_at": scanned_at}
            audit_record(actor=by, action="meal.offline_conflict", obj=conflict, after=after)
    return conflict


@dataclass(frozen=True)
class PaperEntry:
    entered: list[MealIssue]
    refused: dict[int, exceptions.MealError]  # resident id -> why that tick was not recorded


def paper_list_enter(*, by, day: datetime.date, at: datetime.time, resident_ids: list[int]) -> PaperEntry:
    """A coordinator enters the ticks of a signed paper list of ``day`` afterwards (``source`` "paper").

    Every tick goes through :func:`meal_issue` at ``day`` ``at`` (Warsaw): eligibility, the point's
    opening and one meal per resident per day hold as at the counter. A refused tick (served
    meanwhile, not eligible) leaves the others recorded; the record keeps who entered it and when.
    """
    moment = datetime.datetime.combine(day, at, tzinfo=timezone.get_default_timezone())
    if moment > timezone.now():
        raise ValidationError({"at": [_("A meal cannot be entered for a moment still to come.")]})
    entered, refused = [], {}
    for resident_id in resident_ids:
        try:
            result = meal_issue(by=by, resident_id=resident_id, issued_at=moment, source=IssueSource.PAPER)
        except exceptions.MealError as refusal:
            refused[resident_id] = refusal
        else:
            entered.append(result.issue)
    return PaperEntry(entered=entered, refused=refused)
