import logging

from rest_framework.throttling import ScopedRateThrottle

logger = logging.getLogger(__name__)


class LoginRateThrottle(ScopedRateThrottle):
    """Slows password guessing; a cache outage lets logins through rather than locking staff out."""

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache (Redis) is down: availability wins for the counter
            logger.warning("Login throttle skipped: cache unavailable", exc_info=True)
            return True
