"""factory_boy factories shared by every app's tests."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from beneficiaries.cards import card_number_for
from beneficiaries.models import District, Entitlement, Program, Resident
from config.text import fold


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
    class Meta:
        model = Resident
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="pl_PL")
    last_name = factory.Faker("last_name", locale="pl_PL")
    birth_date = datetime.date(1960, 5, 14)
    street = "Jana Kasprowicza"
    building = factory.Sequence(lambda n: str(n % 90 + 1))
    district = District.CHORZOW_STARY

    @factory.post_generation
    def assign_card_number(self, create, extracted, **kwargs):
        """Cards are numbered from the primary key, as the real service does."""
        if create and not self.card_number:
            self.card_number = card_number_for(self.pk)
            self.search_text = fold(f"{self.last_name} {self.first_name} {self.card_number} {self.pesel or ''}")
            Resident.objects.filter(pk=self.pk).update(card_number=self.card_number, search_text=self.search_text)


class EntitlementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entitlement

    resident = factory.SubFactory(ResidentFactory)
    program = Program.HOT_MEAL
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    valid_to = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=335))
    document_number = factory.Sequence(lambda n: f"OPS.8220.{n}.2026")
    weekdays = "12345"
