"""What the beneficiaries API modules share: who may read and write, and input validation."""

# All three roles read and search; only coordinators change anything (docs/api.md#roles).
STAFF_READ_COORDINATOR_WRITE = {"GET": "residents.read", "*": "residents.write"}


def validated_input(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
