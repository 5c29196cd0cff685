from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

GROSZ = Decimal("0.01")


class District(models.TextChoices):
    CHORZOW_STARY = "chorzow_stary", _("Chorzów Stary")
    MACIEJKOWICE = "maciejkowice", _("Maciejkowice")
    OTHER = "other", _("Other")


# Hot meals are served to residents of these districts only (docs/domain.md#eligibility).
SERVED_DISTRICTS = frozenset({District.CHORZOW_STARY, District.MACIEJKOWICE})


class Program(models.TextChoices):
    HOT_MEAL = "hot_meal", _("Hot meal (decision)")
    FEAD = "fead", _("FEAD workshops (referral)")


class Funding(models.TextChoices):
    """Who pays (docs/funding.md#funding-of-an-entitlement): the programme, when the income test passes, or the
    municipality's own money under its own resolution, with no income limit."""

    PROGRAMME = "programme", _("Programme")
    OWN_FUNDS = "own_funds", _("Own funds of the municipality")


class DietTag(models.TextChoices):
    VEGETARIAN = "vegetarian", _("vegetarian")
    DIABETIC = "diabetic", _("diabetic")
    GLUTEN_FREE = "gluten_free", _("gluten free")
    LACTOSE_FREE = "lactose_free", _("lactose free")
    SOFT = "soft", _("soft")
    NO_PORK = "no_pork", _("no pork")


def diet_labels(codes) -> list[str]:
    """['soft', 'no_pork'] -> their one name each, in the active language, on screen and paper
    alike (unknown codes shown as they are)."""
    labels = dict(DietTag.choices)
    return [str(labels.get(code, code)) for code in codes or []]


class Street(models.Model):
    """The street register: which district a street belongs to (coordinator-edited data)."""

    name = models.CharField(_("street"), max_length=100)
    name_folded = models.CharField(max_length=100, unique=True, editable=False)
    district = models.CharField(_("district"), max_length=20, choices=District.choices)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("street register")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.get_district_display()})"


# What a coordinator edits on a resident (and what the audit trail records).
RESIDENT_FIELDS = (
    "first_name",
    "last_name",
    "pesel",
    "birth_date",
    "street",
    "building",
    "flat",
    "postal_code",
    "district",
    "phone",
    "diet",
    "allergies",
    "notes",
    "homeless",
    "is_active",
)

# What a decision or referral says, as the API shows it and a resident's export gives it.
ENTITLEMENT_TERMS = (
    "program",
    "valid_from",
    "valid_to",
    "document_number",
    "weekdays",
    "status",
    "funding",
    "household_size",
    "monthly_income",
)


class Resident(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    pesel = models.CharField(_("PESEL"), max_length=11, null=True, blank=True, unique=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    street = models.CharField(_("street"), max_length=100, blank=True)
    building = models.CharField(_("building"), max_length=20, blank=True)
    flat = models.CharField(_("flat"), max_length=20, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices, default=District.OTHER)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    diet = models.JSONField(_("diet"), default=list, blank=True)
    allergies = models.TextField(_("allergies"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # In a homelessness crisis, served by decision: no district condition, no street needed.
    homeless = models.BooleanField(_("homeless"), default=False)
    card_number = models.CharField(_("card number"), max_length=16, unique=True, null=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    # Folded "last first" name, card and PESEL: what search matches (indexed with trigrams on PostgreSQL).
    search_text = models.CharField(max_length=300, editable=False, default="", db_index=True)
    # Last and first name as config.text.person_sort_key: lists of people in Polish alphabetical order.
    sort_name = models.CharField(max_length=400, editable=False, default="")
    # Folded "street|building|flat": residents at one address, for the duplicate warning.
    address_key = models.CharField(max_length=160, editable=False, default="", blank=True, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Incremented on every edit, so two coordinators cannot silently overwrite each other.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        ordering = ["sort_name", "id"]
        # The trigram index on search_text is created by a migration (PostgreSQL only); the
        # "start of the PESEL" search uses the pattern-ops index PostgreSQL gets for unique pesel.
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["sort_name", "id"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self):
        return f"{self.last_name} {self.first_name}"

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name}"


class EntitlementStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")


class Entitlement(models.Model):
    """A decision (hot meal) or referral (FEAD) for one resident, for a period and weekdays."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="entitlements")
    program = models.CharField(_("programme"), max_length=16, choices=Program.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    document_number = models.CharField(_("decision or referral number"), max_length=64)
    # ISO weekday digits, e.g. "12345": filterable with a plain LIKE on every database.
    weekdays = models.CharField(_("weekdays"), max_length=7, default="12345")
    status = models.CharField(
        _("status"), max_length=16, choices=EntitlementStatus.choices, default=EntitlementStatus.ACTIVE
    )
    household_size = models.PositiveSmallIntegerField(_("household size"), null=True, blank=True)
    monthly_income = models.DecimalField(
        _("monthly net income per person"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    funding = models.CharField(_("funding"), max_length=16, choices=Funding.choices, default=Funding.PROGRAMME)
    # The limit the income test used (when income was given): under own funds it is recorded, not enforced.
    income_limit = models.DecimalField(
        _("income limit per person"), max_digits=10, decimal_places=2, null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entitlement")
        verbose_name_plural = _("entitlements")
        ordering = ["-valid_from", "-id"]
        indexes = [models.Index(fields=["program", "valid_from", "valid_to"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")), name="entitlement_period_ordered"
            ),
            models.CheckConstraint(condition=Q(funding__in=Funding.values), name="entitlement_funding_known"),
        ]

    def __str__(self):
        return f"{self.get_program_display()} {self.document_number}"

    @property
    def weekday_list(self) -> list[int]:
        return [int(d) for d in self.weekdays]

    def covers(self, day) -> bool:
        return self.valid_from <= day <= self.valid_to

    @property
    def income_test(self) -> dict | None:
        """{"passed", "limit"} when income was tested against a limit in force; None otherwise."""
        if self.monthly_income is None or self.income_limit is None:
            return None
        return {"passed": self.monthly_income <= self.income_limit, "limit": self.income_limit}


class IncomeCriterion(models.Model):
    """Statutory income criterion (kryterium dochodowe) in force from a date."""

    valid_from = models.DateField(_("in force from"), unique=True)
    single_person = models.DecimalField(
        _("single person"), max_digits=10, decimal_places=2, validators=[MinValueValidator(GROSZ)]
    )
    per_person = models.DecimalField(
        _("per person in family"), max_digits=10, decimal_places=2, validators=[MinValueValidator(GROSZ)]
    )

    class Meta:
        verbose_name = _("income criterion")
        verbose_name_plural = _("income criteria")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.valid_from}: {self.single_person} / {self.per_person}"


class ProgramIncomePercentage(models.Model):
    """The share of the criterion a programme allows (e.g. 200 % for hot meals), from a date."""

    program = models.CharField(_("programme"), max_length=16, choices=Program.choices)
    valid_from = models.DateField(_("in force from"))
    percent = models.DecimalField(_("percent"), max_digits=6, decimal_places=2, validators=[MinValueValidator(GROSZ)])

    class Meta:
        verbose_name = _("programme income percentage")
        verbose_name_plural = _("programme income percentages")
        ordering = ["program", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["program", "valid_from"], name="one_percentage_per_program_date")
        ]

    def __str__(self):
        return f"{self.program} {self.valid_from}: {self.percent}%"


class ClosureDay(models.Model):
    """A day the meal point is closed besides public holidays and weekends (coordinator-entered)."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date} {self.reason}"
