"""One resident's meal issues for the right of access and for erasure (tasks.retention asks)."""

from django.db.models import F, Q

from config.audit import audit_about
from meals.models import MealIssue

# Values of a meal issue that identify a person, wherever they are stored (the audit trail included).
MEAL_ISSUE_PERSONAL_KEYS = frozenset({"collected_by", "void_reason"})


def meal_issues_export_for_resident(*, resident_id: int) -> list[dict]:
    """The resident's meal issues with who issued and who voided each (user names)."""
    issues = MealIssue.objects.filter(resident_id=resident_id).order_by("date", "pk")
    return list(
        issues.values(
            "id",
            "date",
            "issued_at",
            "takeaway",
            "collected_by",
            "voided_at",
            "void_reason",
            issued_by_user=F("issued_by__username"),
            voided_by_user=F("voided_by__username"),
        )
    )


def meal_issue_days_for_resident(*, resident_id: int) -> list:
    """The days the resident was issued a meal (voided ones too: the day's lists named them)."""
    return list(
        MealIssue.objects.filter(resident_id=resident_id).order_by("date").values_list("date", flat=True).distinct()
    )


def meal_issues_audit_filter_for_resident(*, resident_id: int) -> Q:
    """The audit events about the resident's meal issues."""
    return audit_about(MealIssue, MealIssue.objects.filter(resident_id=resident_id).values_list("pk", flat=True))
