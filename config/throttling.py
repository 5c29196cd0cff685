import hashlib
import logging

from rest_framework.throttling import ScopedRateThrottle

from config.text import fold

logger = logging.getLogger(__name__)


class LoginRateThrottle(ScopedRateThrottle):
    """Slows password guessing against one account.

    Only failed attempts count (:meth:`record_failure`), so staff logging in again and again
    at a shared counter are never locked out by their own successes. Keyed by the user name
    tried and the client address, so the whole office behind one address is not locked out by
    one person's typos. A cache outage lets logins through rather than locking staff out.
    """

    scope = "login"

    def get_cache_key(self, request, view):
        # Hashed: any text a client sends makes a short, safe key, and no user name sits in the cache.
        username = hashlib.sha256(fold(self.username_of(request))[:150].encode(errors="surrogatepass")).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": f"{self.get_ident(request)}:{username}"}

    def username_of(self, request) -> str:
        return str(request.data.get("username", "")) if hasattr(request, "data") else ""

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache (Redis) is down: availability wins for the counter
            logger.warning("Login throttle skipped: cache unavailable", exc_info=True)
            return True

    def throttle_success(self):
        """An attempt is let through but not counted: only a failure counts."""
        return True

    def record_failure(self):
        """Count one failed attempt (after :meth:`allow_request` looked up the history)."""
        try:
            self.history.insert(0, self.now)
            self.cache.set(self.key, self.history, self.duration)
        except Exception:  # cache down, or allow_request never reached it: nothing to count in
            logger.warning("Login failure not counted: cache unavailable", exc_info=True)
