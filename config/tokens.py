"""API tokens (django-rest-knox): one per login, stored hashed, with a lifetime (docs/security.md#tokens).

A token dies when it expires (REST_KNOX["TOKEN_TTL"], API_TOKEN_HOURS), at logout, and with
all the user's other tokens when the password changes or the user is deactivated.
"""

import functools
import re
from hmac import compare_digest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.db import connection
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox import auth
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework import exceptions

from config.roles import ROLES_HIGHEST_FIRST, remember_role

WATCHED = {"password", "is_active"}


def token_create(*, user, request) -> AuthToken:
    """A new token for ``user`` (its plain text on ``.plain``, shown once); expired ones are cleared."""
    AuthToken.objects.filter(expiry__lt=timezone.now()).delete()
    token, plain = AuthToken.objects.create(user=user)
    token.plain = plain
    user_logged_in.send(sender=user.__class__, request=request, user=user)  # last_login, as a page login
    return token


class TokenAuthentication(auth.TokenAuthentication):
    """knox's token check in one query: the token, its user and the user's role.

    knox reads the token with its user, then all the user's tokens to delete the expired ones,
    and ``role_of`` reads the groups: three queries on every API request, half the CPU of a
    cheap one (bench/README.md). Here one raw query does it (the ORM took longer compiling the
    role's subquery than running two queries); expired tokens are cleared at each login
    (:func:`token_create`) and refused here, so nothing outlives its lifetime.
    """

    def authenticate_credentials(self, token: bytes):
        token = _well_formed(token)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        for user in get_user_model().objects.raw(_token_sql(), [now, token[: CONSTANTS.TOKEN_KEY_LENGTH]]):
            if not compare_digest(hash_token(token), user.token_digest):
                continue
            if user.token_expired:
                AuthToken.objects.filter(digest=user.token_digest).delete()
                break
            remember_role(user, [user.role_group] if user.role_group else [])
            # The token row itself, its other columns read only if asked for (logout deletes it by key).
            auth_token = AuthToken.from_db(
                "default", ["digest", "token_key", "user_id"], [user.token_digest, user.token_key, user.pk]
            )
            auth_token.user = user
            if knox_settings.AUTO_REFRESH:
                self.renew_token(auth_token)
            return self.validate_user(auth_token)
        raise _invalid()


def _well_formed(token: bytes) -> str:
    """The token as knox makes them (hexadecimal, fixed length); anything else is refused before
    any query: a byte that is not ASCII would not decode, a NUL would not reach PostgreSQL."""
    if len(token) != knox_settings.AUTH_TOKEN_CHARACTER_LENGTH or not _HEX.fullmatch(token):
        raise _invalid()
    return token.decode("ascii")


_HEX = re.compile(rb"[0-9a-f]+")


def _invalid() -> exceptions.AuthenticationFailed:
    return exceptions.AuthenticationFailed(_("Invalid token."))


@functools.cache  # built once the models are loaded
def _token_sql() -> str:
    """Users with the token key (one, unless two tokens share their first characters), each with
    the token's digest and key, whether it has expired (at the first parameter) and the user's
    highest role group (config.roles.ROLES_HIGHEST_FIRST)."""
    user_model = get_user_model()
    users, tokens, groups = user_model._meta, AuthToken._meta, Group._meta
    membership = user_model.groups.through._meta
    member, group = membership.get_field("user").column, membership.get_field("group").column
    ranks = " ".join(f"WHEN '{role.value}' THEN {rank}" for rank, role in enumerate(ROLES_HIGHEST_FIRST))
    names = ", ".join(f"'{role.value}'" for role in ROLES_HIGHEST_FIRST)
    return f"""
        SELECT u.*, t.digest AS token_digest, t.token_key AS token_key,
               (t.expiry IS NOT NULL AND t.expiry < %s) AS token_expired,
               (SELECT g.name FROM {groups.db_table} g JOIN {membership.db_table} m ON m.{group} = g.id
                 WHERE m.{member} = u.{users.pk.column} AND g.name IN ({names})
                 ORDER BY CASE g.name {ranks} END LIMIT 1) AS role_group
        FROM {tokens.db_table} t JOIN {users.db_table} u ON u.{users.pk.column} = t.user_id
        WHERE t.token_key = %s
    """  # noqa: S608  (names come from the models and config.roles, values are parameters)


def tokens_revoke(*, user_id: int) -> None:
    AuthToken.objects.filter(user_id=user_id).delete()


@receiver(pre_save, sender=get_user_model(), dispatch_uid="config.tokens.die_with_the_password")
def _tokens_die_with_the_password(sender, instance, update_fields=None, **kwargs):
    """Every save of a user that may change the password or deactivate them (any code path: admin,
    create_staff_user, changepassword) ends the user's tokens if it does."""
    if instance.pk is None or (update_fields is not None and not WATCHED & set(update_fields)):
        return
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before and (before["password"] != instance.password or not instance.is_active):
        tokens_revoke(user_id=instance.pk)
