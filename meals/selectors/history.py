"""One resident's meals, newest first: the resident page's section and its full, paged list."""

from django.db.models import QuerySet

from meals.models import MealIssue


def resident_meal_history(*, resident_id: int) -> QuerySet[MealIssue]:
    """Every issue of the resident, voided ones included (marked), newest first."""
    return (
        MealIssue.objects.filter(resident_id=resident_id)
        .select_related("issued_by", "voided_by")
        .order_by("-date", "-issued_at", "-id")
    )
