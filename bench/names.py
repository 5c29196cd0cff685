"""Synthetic but realistic Polish names for a city-sized register.

A real register has a few very common surnames (Nowak is about 0.5 % of Poland) and a long
tail. Here: the demo data's 50 common surnames (about a tenth of the people, most common
first) plus some 6,000 generated surnames from stems and Polish endings, masculine and
feminine forms, with every diacritic.
"""

import random

from demo.names import FEMALE_FIRST, MALE_FIRST, SURNAMES

STEMS = [
    "Bar", "Bart", "Biel", "Bog", "Bor", "Brzez", "Buk", "Chmiel", "Ciesz", "Czar", "Dąb", "Dziub",
    "Gaw", "Głow", "Grab", "Grzyb", "Jagieł", "Jaw", "Kacz", "Kawa", "Kijow", "Kłos", "Kmieć", "Kos",
    "Kraw", "Kul", "Kur", "Las", "Lip", "Łuk", "Łoz", "Mach", "Mał", "Mich", "Mrocz", "Nied", "Ol",
    "Orł", "Pach", "Piech", "Pietr", "Pol", "Rak", "Rog", "Rud", "Ryb", "Sad", "Sęk", "Sob", "Sosn",
    "Stach", "Szcz", "Szym", "Śled", "Świerz", "Tom", "Wal", "Wilcz", "Witk", "Wol", "Zaj", "Zięb",
    "Żmud", "Żur", "Gąs", "Ślęz",
]  # fmt: skip
MIDDLES = ["", "a", "o", "e", "ul", "ań", "ów", "ie", "ar", "ęc"]
# (masculine, feminine) endings.
ENDINGS = [
    ("owski", "owska"), ("ewski", "ewska"), ("iński", "ińska"), ("ecki", "ecka"), ("ak", "ak"),
    ("czyk", "czyk"), ("ek", "ek"), ("ik", "ik"), ("ewicz", "ewicz"), ("ała", "ała"), ("oń", "oń"),
]  # fmt: skip


def generated_surnames() -> list[tuple[str, str]]:
    pairs = []
    for stem in STEMS:
        for middle in MIDDLES:
            for male, female in ENDINGS:
                pairs.append((stem + middle + male, stem + middle + female))
    return pairs


class NameSource:
    """Draws (first name, last name, male) with a realistic spread; deterministic for a seed."""

    def __init__(self, seed: int = 2026):
        self.rng = random.Random(seed)
        self.common = SURNAMES
        # Zipf-like weights for the common ones: the first is about ten times the 50th.
        self.common_weights = [1 / (rank + 5) for rank in range(len(SURNAMES))]
        self.tail = generated_surnames()

    def draw(self) -> tuple[str, str, bool]:
        rng = self.rng
        male = rng.random() < 0.45
        if rng.random() < 0.10:
            pair = rng.choices(self.common, self.common_weights)[0]
        else:
            pair = self.tail[rng.randrange(len(self.tail))]
        first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
        return first, pair[0] if male else pair[1], male
