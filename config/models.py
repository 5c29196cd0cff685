"""The append-only audit trail (docs/domain.md#data-protection), and the login counter's fallback.

Every issue, void, sign-up, cancellation, attendance change, eligibility change, print and
download is recorded with who and when. Rows are only ever inserted: the model refuses
updates and deletes, and the admin shows it read-only.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from config.dates import moment_text


class AuditEventQuerySet(models.QuerySet):
    """Bulk writes bypass save() and delete(): refuse them too."""

    def update(self, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    before = models.JSONField(_("before"), null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("after"), null=True, blank=True, encoder=DjangoJSONEncoder)
    # Where a change came from when it was not typed in by hand, e.g. "import decyzje.csv, row 7".
    source = models.CharField(_("source"), max_length=200, blank=True, default="")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{moment_text(self.at)} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")


class LoginFailure(models.Model):
    """A counted login attempt, kept here only while the cache (Redis) is down (config/throttling.py)."""

    key = models.CharField(max_length=128, db_index=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.key}"
