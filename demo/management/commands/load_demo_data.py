"""Demo data for trying the service: about 200 residents, entitlements of both programmes, a
fortnight of workshop sessions, two months of meals with the caterer's prices and one user per
role. Running it again changes nothing."""

import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from beneficiaries.models import Resident
from config.roles_setup import staff_user_set
from demo import builders

DEMO_USERS = [
    ("koordynator", "coordinator", "demo-koordynator", "Krystyna", "Koordynatorka"),
    ("wydawanie", "distribution", "demo-wydawanie", "Wiesław", "Wydający"),
    ("warsztaty", "workshop", "demo-warsztaty", "Wanda", "Warsztatowa"),
]


class Command(BaseCommand):
    help = "Load demo residents, entitlements, workshop sessions and users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--residents", type=int, default=200)

    def handle(self, *args, residents, **options):
        for username, role, password, first, last in DEMO_USERS:
            # Passwords printed in the README, for a laptop: not held to the validators of real accounts.
            staff_user_set(username=username, role=role, password=password, first_name=first, last_name=last)
        if Resident.objects.filter(notes=builders.DEMO_MARKER).exists():
            self.stdout.write("Demo residents are already there; nothing to add.")
            return
        rng = random.Random(2026)  # the same demo every time
        today = timezone.localdate()
        with transaction.atomic():
            coordinator = builders.demo_user("koordynator")
            random_people = max(residents - len(builders.COUNTER_CASES), 0)
            people = [builders.make_resident(rng, by=coordinator) for _ in range(random_people)]
            builders.give_entitlements(rng, people, today=today, by=coordinator)
            people += builders.make_counter_cases(today=today, by=coordinator)
            sessions = builders.make_sessions(rng, today=today, leader=builders.demo_user("warsztaty"))
            builders.sign_up(rng, sessions, people, by=builders.demo_user("warsztaty"))
            builders.set_prices(today=today, by=coordinator)
            meals = builders.serve_past_days(rng, today=today, days=62, by=builders.demo_user("wydawanie"))
        loaded = f"Loaded {len(people)} residents, {len(sessions)} workshop sessions and {meals} past meals."
        self.stdout.write(self.style.SUCCESS(loaded))
