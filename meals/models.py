from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beneficiaries.models import Resident


class IssueSource(models.TextChoices):
    """How an issue reached the service (docs/api.md#hot-meals, ``source``)."""

    COUNTER = "counter", _("counter")
    OFFLINE = "offline", _("offline queue")
    PAPER = "paper", _("paper list")


class MealIssue(models.Model):
    """One hot meal handed out (or voided: nothing is ever deleted)."""

    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="meal_issues")
    # The Warsaw calendar day of the issue (docs/api.md: "the day is the Warsaw calendar day").
    date = models.DateField(_("date"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("issued by")
    )
    source = models.CharField(_("source"), max_length=10, choices=IssueSource.choices, default=IssueSource.COUNTER)
    # When the service recorded it: later than ``issued_at`` for a queued scan or a paper list.
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    takeaway = models.BooleanField(_("takeaway"), default=False)
    collected_by = models.CharField(_("collected by"), max_length=200, blank=True)
    # Idempotency key chosen by the client: a retried request returns the first issue.
    client_ref = models.CharField(_("client reference"), max_length=64, null=True, blank=True, unique=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    void_reason = models.CharField(_("void reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("meal issue")
        verbose_name_plural = _("meal issues")
        ordering = ["-issued_at", "-id"]
        constraints = [
            # The rule that must never break, even with two stations at once.
            models.UniqueConstraint(
                fields=["resident", "date"], condition=Q(voided_at__isnull=True), name="one_meal_per_resident_per_day"
            ),
            # A void always says who made it (the audit trail and the day view name them).
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | Q(voided_by__isnull=False), name="void_names_who_voided"
            ),
        ]
        indexes = [models.Index(fields=["date", "issued_at"])]

    def __str__(self):
        return f"{self.date} {self.resident}"

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


class OfflineConflict(models.Model):
    """A meal a counter served offline that the server refused when the queue was sent: someone
    had been served meanwhile (or was no longer eligible). Kept for the coordinator (docs/counter.md)."""

    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    scanned_at = models.DateTimeField(_("scanned at"))
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("scanned by")
    )
    # The queued attempt's idempotency key: a resent queue records its conflicts once.
    client_ref = models.CharField(_("client reference"), max_length=64, unique=True)
    code = models.CharField(_("refusal"), max_length=32)  # already_issued | not_eligible
    issue = models.ForeignKey(MealIssue, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("offline conflict")
        verbose_name_plural = _("offline conflicts")
        ordering = ["date", "scanned_at", "id"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.date} {self.resident} ({self.code})"


class MealDay(models.Model):
    """What a coordinator plans for one day: the menu note and the portions ordered."""

    date = models.DateField(_("date"), unique=True)
    menu = models.CharField(_("menu"), max_length=500, blank=True)
    portions_planned = models.PositiveIntegerField(_("portions planned"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meal day")
        verbose_name_plural = _("meal days")
        ordering = ["-date"]

    def __str__(self):
        return str(self.date)


class MealPrice(models.Model):
    """The caterer's contract price of one meal, in force from a date (dated data, like the income criteria).

    The price on a day is the one with the latest ``valid_from`` not after it (meals.selectors.prices).
    """

    valid_from = models.DateField(_("in force from"), unique=True)
    price = models.DecimalField(_("price of one meal"), max_digits=8, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meal price")
        verbose_name_plural = _("meal prices")
        ordering = ["-valid_from"]
        constraints = [models.CheckConstraint(condition=Q(price__gt=0), name="meal_price_positive")]

    def __str__(self):
        return f"{self.valid_from}: {self.price} zł"
