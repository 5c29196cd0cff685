"""Polish alphabetical order for lists of names, independent of the database's collation.

PostgreSQL with a C collation (and SQLite always) orders by code point: "Ćwik" after "Zając".
A printed list must follow the Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n ń o ó p
q r s ś t u v w x y z ź ż, case ignored.
"""

import unicodedata
from functools import lru_cache

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
