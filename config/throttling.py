import logging

from rest_framework.throttling import ScopedRateThrottle

from beneficiaries.text import fold

logger = logging.getLogger(__name__)


class LoginRateThrottle(ScopedRateThrottle):
    """Slows password guessing against one account.

    Keyed by the user name tried and the client address, so the whole office behind one
    address is not locked out by one person's typos. A cache outage lets logins through
    rather than locking staff out of the counter.
    """

    def get_cache_key(self, request, view):
        username = fold(str(request.data.get("username", "")))[:150] if hasattr(request, "data") else ""
        return self.cache_format % {"scope": self.scope, "ident": f"{self.get_ident(request)}:{username}"}

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache (Redis) is down: availability wins for the counter
            logger.warning("Login throttle skipped: cache unavailable", exc_info=True)
            return True
