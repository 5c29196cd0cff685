import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from beneficiaries.models import Resident
from config.dates import moment_text
from config.roles import may


class Topic(models.TextChoices):
    """The four themes of the FEAD/FEPŻ accompanying measures."""

    COOKING = "cooking", _("Cooking")
    NUTRITION = "nutrition", _("Nutrition and diet")
    BUDGETING = "budgeting", _("Household budget")
    FOOD_WASTE = "food_waste", _("Not wasting food")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")


class WorkshopSession(models.Model):
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("theme"), max_length=16, choices=Topic.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1), MaxValueValidator(500)])
    location = models.CharField(_("place"), max_length=200, blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workshop session")
        verbose_name_plural = _("workshop sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1) & Q(capacity__lte=500), name="session_capacity_1_500"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.title} ({moment_text(self.starts_at)})"

    # The session's windows: the services enforce them, the pages show what they allow.

    def has_started(self, now: datetime.datetime) -> bool:
        return self.starts_at <= now

    def sign_up_open(self, now: datetime.datetime) -> bool:
        """Sign-ups are taken until the session starts, unless it was cancelled."""
        return self.status == SessionStatus.SCHEDULED and not self.has_started(now)

    def attendance_open(self, now: datetime.datetime) -> bool:
        """Attendance is recorded from the start of a session that was not cancelled."""
        return self.status == SessionStatus.SCHEDULED and self.has_started(now)

    def entered_after_the_fact(self) -> bool:
        """Entered with its start already past: a session held on paper, recorded afterwards."""
        return self.created_at is not None and self.created_at >= self.starts_at

    def paper_entry_open(self, user) -> bool:
        """A coordinator enters the sign-ups of a session entered after the fact (docs/domain.md)."""
        return (
            self.status == SessionStatus.SCHEDULED
            and self.entered_after_the_fact()
            and may(user, "workshops.record_held")
        )

    def door_open(self, now: datetime.datetime) -> bool:
        """From the start until WORKSHOP_DOOR_MINUTES after it, places left by absentees go to those
        waiting at the door, in waiting-list order."""
        door_closes = self.starts_at + datetime.timedelta(minutes=settings.WORKSHOP_DOOR_MINUTES)
        return self.status == SessionStatus.SCHEDULED and self.starts_at <= now < door_closes

    def may_be_cancelled(self, signups) -> bool:
        """A scheduled session with nobody's attendance recorded (a session held stays on record)."""
        return self.status == SessionStatus.SCHEDULED and all(signup.attended is None for signup in signups)


class CancelReason(models.TextChoices):
    """Why a sign-up was cancelled, when the resident did not ask for it."""

    ASKED = "", _("on request")
    SESSION_CANCELLED = "session_cancelled", _("session cancelled")
    ABSENT = "absent", _("absent; the place went to the waiting list at the door")


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Signup(models.Model):
    session = models.ForeignKey(WorkshopSession, on_delete=models.PROTECT, related_name="signups")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="workshop_signups")
    status = models.CharField(_("status"), max_length=16, choices=SignupStatus.choices)
    # 1..N among the session's waitlisted sign-ups, decided under the session's row lock.
    waitlist_position = models.PositiveIntegerField(_("waiting list position"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(
        _("reason for cancelling"), max_length=32, choices=CancelReason.choices, default=CancelReason.ASKED, blank=True
    )
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["session", "status", "waitlist_position", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "resident"],
                condition=~Q(status="cancelled"),
                name="one_active_signup_per_resident_session",
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_position__gte=1)
                | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True)),
                name="waitlist_position_only_when_waitlisted",
            ),
            # The check above lets a NULL position through (NULL >= 1 is unknown, not false).
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlist_position__isnull=False),
                name="waitlisted_signup_has_position",
            ),
            # No two sign-ups share a place on a session's waiting list (no repeats, ever).
            models.UniqueConstraint(
                fields=["session", "waitlist_position"],
                condition=Q(status="waitlisted"),
                name="one_signup_per_waitlist_position",
            ),
            # Attendance is recorded for confirmed participants only (docs/api.md#workshops).
            models.CheckConstraint(
                condition=Q(attended__isnull=True) | Q(status="confirmed"), name="attendance_only_when_confirmed"
            ),
        ]

    def __str__(self):
        return f"{self.session} – {self.resident} ({self.status})"
