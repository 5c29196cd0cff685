"""API tokens (django-rest-knox): one per login, stored hashed, with a lifetime (docs/security.md#tokens).

A token dies when it expires (REST_KNOX["TOKEN_TTL"], API_TOKEN_HOURS), at logout, and with
all the user's other tokens when the password changes or the user is deactivated.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from knox.models import AuthToken

WATCHED = {"password", "is_active"}


def token_create(*, user, request) -> AuthToken:
    """A new token for ``user`` (its plain text on ``.plain``, shown once); expired ones are cleared."""
    AuthToken.objects.filter(expiry__lt=timezone.now()).delete()
    token, plain = AuthToken.objects.create(user=user)
    token.plain = plain
    user_logged_in.send(sender=user.__class__, request=request, user=user)  # last_login, as a page login
    return token


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
