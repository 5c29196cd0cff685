"""What the beneficiaries pages share: who may open them."""

from config.permissions import role_required
from config.roles import Role

STAFF = (Role.DISTRIBUTION, Role.WORKSHOP, Role.COORDINATOR)

coordinator_page = role_required(Role.COORDINATOR)
