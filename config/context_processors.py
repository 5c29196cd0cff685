from django.conf import settings


def meal_point(request):
    """The point's hours for every staff page (what a user may do is asked with ``user|may:"..."``)."""
    return {"meal_point_hours": settings.MEAL_POINT_HOURS}
