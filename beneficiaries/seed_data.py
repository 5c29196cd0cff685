"""Facts researched for docs/domain.md, seeded by a migration and editable afterwards by coordinators."""

from decimal import Decimal

MACIEJKOWICE_STREETS = [
    "Antoniowska", "Antoniów", "Brzezińska", "Emilii Plater", "Gdańska", "Główna", "Torowa",
    "Kluczborska", "Mariana Langiewicza", "Michałkowicka", "Poprzeczna", "Rębaczy", "Rozbarska",
    "Słowików", "Wiejska", "Witolda Budryka", "Karola Olszewskiego",
]  # fmt: skip

CHORZOW_STARY_STREETS = [
    "17 Sierpnia", "Azotowa", "Gabriela Narutowicza", "Józefa Kalusa", "Karola Adamieckiego",
    "Kolejowa", "Legnicka", "Maciejkowicka", "Marii Rodziewiczówny", "Marii Skłodowskiej-Curie",
    "Plac Św. Jana", "Poznańska", "Akacjowa", "Aleja Wycieczkowa", "Bożogrobców", "Bytkowska",
    "Cisowa", "Harcerska", "Henryka Majętnego", "Jana Kasprowicza", "Mazurska", "Siemianowicka",
    "Sosnowa", "Świerkowa", "Stefana Okrzei", "Węzłowiec", "Wschodnia", "Targowa",
]  # fmt: skip

# (in force from, single person, per person in family)
INCOME_CRITERIA = [
    ("2018-10-01", Decimal("701"), Decimal("528")),
    ("2022-01-01", Decimal("776"), Decimal("600")),
    ("2025-01-01", Decimal("1010"), Decimal("823")),
]

# (programme, in force from, percent of the criterion)
PROGRAM_PERCENTAGES = [
    ("hot_meal", "2023-01-01", Decimal("200")),
    ("fead", "2020-11-26", Decimal("220")),
    ("fead", "2023-05-15", Decimal("235")),
    ("fead", "2024-02-12", Decimal("265")),
]
