"""Failed logins are limited per user name and per client address on every login surface.

The token endpoint, the staff login page and the admin login all authenticate through
``config.backends.ThrottledModelBackend``, which calls :func:`login_attempt` before checking a
password: one counter for all three (docs/security.md#logins).

An attempt is counted *before* the password is checked (an atomic increment), so parallel
guesses cannot all pass a check that none of them has counted yet; a successful login, or one
refused for being over the limit, gives its count back. What stays counted is the failures.
The counters live in the cache (Redis: INCR on a key with an expiry); when the cache is down
they live in the database (:class:`config.models.LoginFailure`), so an outage never opens the door.
"""

import hashlib
import ipaddress
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from config.models import LoginFailure
from config.text import fold

logger = logging.getLogger(__name__)

KEY_PREFIX = "login-failures"


# --- Whose address ------------------------------------------------------------------------------


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES)


def client_address(request) -> str:
    """The connection's address; behind proxies listed in TRUSTED_PROXIES, the one they saw.

    X-Forwarded-For is read from the right, and only as far as the hops are trusted proxies: a
    value the client wrote itself sits to the left of the first untrusted hop and is never read.
    """
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    while forwarded and _trusted(address):
        address = forwarded.pop()
    return address[:64]


# --- The counters -------------------------------------------------------------------------------


def _window() -> int:
    return settings.LOGIN_FAILURE_WINDOW_SECONDS


def _cache_increment(key: str, delta: int) -> int:
    cache.add(key, 0, timeout=_window())  # starts the window; a no-op while it runs
    try:
        return cache.incr(key, delta)
    except ValueError:  # the window ended between add() and incr()
        if delta < 0:
            return 0
        cache.add(key, 0, timeout=_window())
        return cache.incr(key, delta)


def _database_count(key: str) -> int:
    """One row per attempt; counted after the row is in, so parallel attempts see each other."""
    since = timezone.now() - timedelta(seconds=_window())
    LoginFailure.objects.filter(key=key, at__lt=since).delete()
    LoginFailure.objects.create(key=key)
    return LoginFailure.objects.filter(key=key).count()


def _database_give_back(key: str) -> None:
    newest = LoginFailure.objects.filter(key=key).order_by("-pk").values("pk")[:1]
    LoginFailure.objects.filter(pk__in=newest).delete()


@dataclass
class LoginAttempt:
    """One login attempt, counted against each of its keys until :meth:`give_back`."""

    limits: dict[str, int]
    in_cache: bool = True
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return all(self.counts[key] <= limit for key, limit in self.limits.items())

    def count(self) -> "LoginAttempt":
        try:
            self.counts = {key: _cache_increment(key, 1) for key in self.limits}
        except Exception:  # the cache (Redis) is down: the database keeps count
            logger.warning("Login counter in the database: cache unavailable", exc_info=True)
            self.in_cache = False
            self.counts = {key: _database_count(key) for key in self.limits}
        return self

    def give_back(self) -> None:
        """Not a failure after all (the password was right, or it was never checked)."""
        for key in self.limits:
            try:
                if self.in_cache:
                    _cache_increment(key, -1)
                else:
                    _database_give_back(key)
            except Exception:
                logger.warning("Login counter not decreased: cache unavailable", exc_info=True)


def _username_key(username: str) -> str:
    # Hashed: any text a client sends makes a short, safe key, and no user name sits in the cache.
    folded = fold(str(username))[:150].encode(errors="surrogatepass")
    return f"{KEY_PREFIX}:user:{hashlib.sha256(folded).hexdigest()[:32]}"


def login_attempt(*, request, username: str) -> LoginAttempt:
    """Count an attempt to log in as ``username`` from the request's client; check ``.allowed``."""
    limits = {
        _username_key(username): settings.LOGIN_FAILURES_PER_USERNAME,
        f"{KEY_PREFIX}:address:{client_address(request)}": settings.LOGIN_FAILURES_PER_ADDRESS,
    }
    return LoginAttempt(limits).count()


def retry_after() -> int:
    """Seconds to tell a refused client: at most one window."""
    return _window()
