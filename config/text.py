"""Text helpers every app shares: folding for matching, the Polish alphabetical order, printable input."""

import re
import unicodedata
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

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


# --- Text a person could have typed -------------------------------------------------------------

# Control characters (tab and line breaks aside) and the marks that reverse or embed text
# direction: never typed by staff, they break PostgreSQL (NUL), printouts and what a reader sees
# ("Kowalski\u202eikswoN" shows another name). Refused in every input (config/middleware.py,
# config/parsers.py).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
UNPRINTABLE_MESSAGE = _("Remove control characters and text-direction marks from this text.")


def unprintable(text: str) -> bool:
    return bool(_UNPRINTABLE.search(text))
