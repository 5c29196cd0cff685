"""What the beneficiaries API modules share: who may read and write."""

# All three roles read and search; only coordinators change anything (API.md "Roles").
STAFF_READ_COORDINATOR_WRITE = {"GET": "residents.read", "*": "residents.write"}
