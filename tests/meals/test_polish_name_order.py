"""Lists follow the Polish alphabet whatever the database's collation."""

from config.text import name_sort_key


def test_polish_letters_follow_their_base_letter_as_separate_letters():
    names = ["Zając", "Ćwik", "Cebula", "Łukasz", "Lucyna", "Maria", "Śliwa", "Szewc", "Żak", "Źrebak", "Ąb", "Az"]

    assert sorted(names, key=name_sort_key) == [
        "Az", "Ąb", "Cebula", "Ćwik", "Lucyna", "Łukasz", "Maria", "Szewc", "Śliwa", "Zając", "Źrebak", "Żak",
    ]  # fmt: skip


def test_case_is_ignored_and_foreign_accents_rank_as_their_base_letter():
    assert sorted(["elise", "Élise", "ELA", "Emil"], key=name_sort_key) == ["ELA", "elise", "Élise", "Emil"]
    assert name_sort_key("ŻÓŁĆ") == name_sort_key("żółć")


def test_separators_sort_before_letters():
    assert sorted(["Nowaka", "Nowak-Lis", "Nowak"], key=name_sort_key) == ["Nowak", "Nowak-Lis", "Nowaka"]
