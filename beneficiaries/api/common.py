"""What the beneficiaries API modules share: who may read and write."""

# All three roles read and search; only coordinators change anything (docs/api.md#roles).
STAFF_READ_COORDINATOR_WRITE = {"GET": "residents.read", "*": "residents.write"}
