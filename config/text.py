"""Polish text helpers every app shares: folding for matching, and the Polish alphabetical order."""

import unicodedata
from functools import lru_cache

# --- Folding for matching ------------------------------------------------------------------------

# Letters that Unicode does not decompose into base + accent.
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """'Żółć  Łukasz' -> 'zolc lukasz': lower case, no diacritics, single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


# --- Polish alphabetical order -------------------------------------------------------------------
#
# Lists of names follow the Polish alphabet, independent of the database's collation.
# PostgreSQL with a C collation (and SQLite always) orders by code point: "Ćwik" after "Zając".
# A printed list must follow the Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n ń o ó p
# q r s ś t u v w x y z ź ż, case ignored.

ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
# Each letter becomes one private-use character, in alphabet order: comparing the translated
# strings compares by the Polish alphabet, at C speed. Spaces, hyphens, apostrophes and digits
# keep their low code points, so they sort before letters ("Nowak-Lis" before "Nowaka").
_BASE = 0xE000
_ORDER = str.maketrans({letter: chr(_BASE + index) for index, letter in enumerate(ALPHABET)})
_KNOWN = frozenset(ALPHABET)


def _fold_foreign(char: str) -> str:
    """'é' -> 'e', 'ü' -> 'u': letters outside the Polish alphabet rank as their base letter."""
    if char in _KNOWN or char.isascii():
        return char
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base or char


@lru_cache(maxsize=65536)  # names repeat a lot (first names above all): a list of 50,000 sorts fast
def name_sort_key(text: str) -> str:
    """'Łukasz' sorts after 'Lucyna' and before 'Maria'."""
    lowered = (text or "").strip().lower()
    if not lowered.isascii():
        lowered = "".join(_fold_foreign(char) for char in lowered)
    return lowered.translate(_ORDER)


def staff_name(user) -> str:
    """How a staff member is named on screens and paper: full name, else the login name."""
    return user.get_full_name() or user.get_username()
