"""Street register look-up: which district a typed street name belongs to (docs/domain.md#districts-and-streets).

People write "ul. Kasprowicza 2", "Kasprowicza", "J. Kasprowicza" or "Jana Kasprowicza" for the
same street; the register holds "Jana Kasprowicza". A name matches a register entry when it is
the same after folding, or when it is the entry's last words (the patron's first name left out,
or shortened to an initial). An ambiguous short name gives no district rather than a guess.
"""

import re

from beneficiaries.models import District, Street
from config.text import fold

_STREET_PREFIX = re.compile(r"^(ul|al|pl|os|aleja|ulica|plac|osiedle)\.?\s+", re.IGNORECASE)
# Punctuation people type or leave out in street names: "Św. Jana" = "Św Jana", "Skłodowskiej-Curie".
_STREET_PUNCTUATION = str.maketrans({".": " ", "-": " ", ",": " "})


def fold_street(name: str) -> str:
    """'ul. Jana Kasprowicza' -> 'jana kasprowicza', 'Plac Św. Jana' -> 'sw jana'.

    The register matches on this: no prefix, no diacritics, and dots or hyphens are spaces.
    """
    folded = " ".join(fold(name).replace(".", ". ").split())
    while True:
        shorter = _STREET_PREFIX.sub("", folded)
        if shorter == folded:
            return " ".join(folded.translate(_STREET_PUNCTUATION).split())
        folded = shorter


def street_words(name: str) -> list[str]:
    """Folded words of a street name without a trailing house number ('kasprowicza 2/4' -> ['kasprowicza'])."""
    words = fold_street(name).split()
    while len(words) > 1 and words[-1][0].isdigit():
        words.pop()
    return words


def _is_short_form(typed: list[str], register: list[str]) -> bool:
    """'kasprowicza' or 'j kasprowicza' is a short form of 'jana kasprowicza'."""
    if not typed or len(typed) > len(register):
        return False
    tail = register[len(register) - len(typed) :]
    if typed[-1] != tail[-1]:
        return False
    return all(word.startswith(short) for short, word in zip(typed[:-1], tail[:-1], strict=True))


def street_matches(name: str) -> list[Street]:
    """Register entries a typed street name may mean: the exact one, else every short-form match."""
    typed = street_words(name)
    if not typed:
        return []
    exact = Street.objects.filter(name_folded=" ".join(typed)).first()
    if exact is not None:
        return [exact]
    return [street for street in Street.objects.all() if _is_short_form(typed, street.name_folded.split())]


def street_district(street_name: str) -> District | None:
    """The district of a typed street name from the register; None when unknown or ambiguous."""
    districts = {street.district for street in street_matches(street_name)}
    return District(districts.pop()) if len(districts) == 1 else None
