from django.conf import settings

from config.roles import Role, role_of


def role(request):
    """The user's role and the point's hours for every staff page."""
    user_role = role_of(request.user)
    return {
        "user_role": user_role,
        "is_coordinator": user_role == Role.COORDINATOR,
        "Role": Role,
        "meal_point_hours": settings.MEAL_POINT_HOURS,
    }
