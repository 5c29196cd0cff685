"""factory_boy factories shared by every app's tests."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from beneficiaries.cards import card_number_for
from beneficiaries.models import District, Entitlement, Program, Resident
from beneficiaries.services.residents import DERIVED_FIELDS, _refresh_derived
from beneficiaries.streets import street_district
from beneficiaries.validators import pesel_birth_date
from meals.models import MealIssue
from tests.support import DAY, WARSAW


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="pl_PL")
    last_name = factory.Faker("last_name", locale="pl_PL")
    password = factory.django.Password("test-password-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get(name=extracted)])


class ResidentFactory(factory.django.DjangoModelFactory):
    """A resident with every derived column filled as ``resident_create`` fills it.

    The birth date comes from the PESEL and the district from the street register when they are
    not given; card number, search text and address key are computed by the service's own code.
    """

    class Meta:
        model = Resident
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="pl_PL")
    last_name = factory.Faker("last_name", locale="pl_PL")
    pesel = None
    birth_date = factory.LazyAttribute(lambda r: pesel_birth_date(r.pesel) if r.pesel else datetime.date(1960, 5, 14))
    street = "Jana Kasprowicza"
    building = factory.Sequence(lambda n: str(n % 90 + 1))
    district = factory.LazyAttribute(lambda r: street_district(r.street) or District.OTHER)

    @factory.post_generation
    def derived_columns(self, create, extracted, **kwargs):
        """Numbered from the primary key, then folded for search and the duplicate check (as the service does)."""
        if not create:
            return
        self.card_number = card_number_for(self.pk)
        _refresh_derived(self)  # the one place that knows how search_text and address_key are built
        self.save(update_fields=DERIVED_FIELDS)


class EntitlementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entitlement

    resident = factory.SubFactory(ResidentFactory)
    program = Program.HOT_MEAL
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    valid_to = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=335))
    document_number = factory.Sequence(lambda n: f"OPS.8220.{n}.2026")
    weekdays = "12345"


EVERY_DAY = "1234567"
WEEKDAYS = {Program.HOT_MEAL: "12345", Program.FEAD: EVERY_DAY}  # a workshop may be on a Saturday


def eligible_resident(
    *programs: str,
    day: datetime.date = DAY,
    weekdays: str | None = None,
    document_number: str | None = None,
    **resident_fields,
) -> Resident:
    """A resident entitled on ``day`` to each of ``programs`` (a hot meal when none is named).

    Each entitlement runs from 30 days before ``day`` to 60 days after; a hot-meal decision covers
    Monday to Friday, a FEAD referral every day, unless ``weekdays`` says otherwise. The resident
    lives in Chorzów Stary (ResidentFactory's street) unless ``resident_fields`` say otherwise.
    """
    resident = ResidentFactory(**resident_fields)
    for program in programs or (Program.HOT_MEAL,):
        numbered = {"document_number": document_number} if document_number else {}
        EntitlementFactory(
            resident=resident,
            program=program,
            valid_from=day - datetime.timedelta(days=30),
            valid_to=day + datetime.timedelta(days=60),
            weekdays=weekdays or WEEKDAYS[program],
            **numbered,
        )
    return resident


class MealIssueFactory(factory.django.DjangoModelFactory):
    """A meal served on ``day`` at 12:05 in Warsaw, written straight to the table (a state to start
    from, not the counter's rules: those are tested through the API). ``voided=True`` voids it."""

    class Meta:
        model = MealIssue

    class Params:
        day = DAY
        voided = factory.Trait(
            voided_at=factory.SelfAttribute("issued_at"), voided_by=factory.SelfAttribute("issued_by")
        )

    resident = factory.SubFactory(ResidentFactory)
    issued_at = factory.LazyAttribute(lambda i: datetime.datetime.combine(i.day, datetime.time(12, 5), tzinfo=WARSAW))
    date = factory.LazyAttribute(lambda i: i.issued_at.astimezone(WARSAW).date())
    issued_by = factory.SubFactory(UserFactory, username="server")  # one staff member serves them all
