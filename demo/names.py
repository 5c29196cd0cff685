"""Real Polish names (with every diacritic) for the demo register; nobody real is described."""

FEMALE_FIRST = [
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Zofia", "Jadwiga", "Teresa", "Danuta", "Halina", "Irena", "Grażyna", "Bożena",
    "Urszula", "Łucja", "Jolanta", "Stanisława", "Czesława", "Wiesława", "Józefa", "Genowefa",
    "Żaneta", "Dorota", "Beata", "Renata", "Aleksandra",
]  # fmt: skip

MALE_FIRST = [
    "Jan", "Stanisław", "Andrzej", "Józef", "Tadeusz", "Jerzy", "Zbigniew", "Krzysztof",
    "Henryk", "Ryszard", "Kazimierz", "Marek", "Marian", "Piotr", "Grzegorz", "Łukasz",
    "Wiesław", "Zdzisław", "Mieczysław", "Bolesław", "Czesław", "Jarosław", "Bogusław",
    "Tomasz", "Paweł", "Michał", "Wojciech", "Sławomir", "Zenon", "Bronisław",
]  # fmt: skip

# (masculine, feminine) surname forms; many are typical of Upper Silesia.
SURNAMES = [
    ("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"),
    ("Wójcik", "Wójcik"), ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"),
    ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"),
    ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
    ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Kwiatkowski", "Kwiatkowska"),
    ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"),
    ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"),
    ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
    ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"),
    ("Stępień", "Stępień"), ("Jaworski", "Jaworska"), ("Malinowski", "Malinowska"),
    ("Pająk", "Pająk"), ("Górecki", "Górecka"), ("Sikora", "Sikora"), ("Bąk", "Bąk"),
    ("Żak", "Żak"), ("Ślązak", "Ślązak"), ("Kołodziej", "Kołodziej"), ("Śliwa", "Śliwa"),
    ("Mrożek", "Mrożek"), ("Świątek", "Świątek"), ("Gałązka", "Gałązka"), ("Łęcki", "Łęcka"),
    ("Kubiczek", "Kubiczek"), ("Pieczka", "Pieczka"), ("Mańka", "Mańka"), ("Szołtysek", "Szołtysek"),
    ("Pyka", "Pyka"), ("Ściera", "Ściera"), ("Żółtek", "Żółtek"), ("Gąsior", "Gąsior"),
]  # fmt: skip

# Streets outside the two districts (for residents of other parts of Chorzów).
OTHER_STREETS = ["Wolności", "Katowicka", "Dąbrowskiego", "Powstańców", "Hajducka", "Batorego"]

ALLERGIES = ["orzechy", "gluten", "laktoza", "seler", "jaja", "ryby", "truskawki"]
