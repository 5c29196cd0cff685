"""What the beneficiaries API modules share: who may read and write, and input validation."""

from rest_framework.permissions import SAFE_METHODS

from config.permissions import IsCoordinator, IsStaffMember


class StaffReadsCoordinatorWrites:
    """All three roles read and search; only coordinators change anything (API.md "Roles")."""

    def get_permissions(self):
        if self.request.method in SAFE_METHODS:
            return [IsStaffMember()]
        return [IsCoordinator()]


def validated_input(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
