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
# The one order of people's names in every list, page and printout (docs/polish.md):
# - the Polish alphabet a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż,
#   case ignored ("Gąsior", "Górecka", "Grabowski");
# - a letter from outside it ranks as its base letter ("Émile" as "Emile", "Müller" as "Muller");
# - a space, hyphen or apostrophe ends a word and ranks before every letter, so each part of a
#   double name is compared as a word: "Nowak", "Nowak-Lis", "Nowaka";
# - people by last name, then first name (then their id, where a list needs a total order).
#
# The key is a string of two-digit codes: it compares the same in Python, in SQLite and under any
# PostgreSQL collation (digits only), so the database can store it and order a paged list by it.

ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_END = "00"  # ends a last name in a person's key: "Nowak Zofia" before "Nowak-Lis Anna"
_CODES = {**dict.fromkeys(" -'’‐–", "01"), **{digit: f"{2 + int(digit):02d}" for digit in "0123456789"}}
_CODES.update({letter: f"{12 + index:02d}" for index, letter in enumerate(ALPHABET)})
_OTHER = "99"  # anything else (another script, punctuation) after every letter


class _Codes(dict):
    def __missing__(self, code_point: int) -> str:
        return _OTHER


_ORDER = _Codes({ord(char): code for char, code in _CODES.items()})


def _fold_foreign(char: str) -> str:
    """'é' -> 'e', 'ß' -> 'ss': letters outside the Polish alphabet rank as their base letters."""
    if char in _CODES or char.isascii():
        return char
    base = "".join(c for c in unicodedata.normalize("NFKD", char.translate(_EXTRA)) if not unicodedata.combining(c))
    return base.lower() or char


@lru_cache(maxsize=65536)  # names repeat a lot (first names above all): a list of 50,000 sorts fast
def name_sort_key(text: str) -> str:
    """'Łukasz' sorts after 'Lucyna' and before 'Maria'."""
    lowered = " ".join((text or "").lower().split())
    if not lowered.isascii():
        lowered = "".join(_fold_foreign(char) for char in lowered)
    return lowered.translate(_ORDER)


def person_sort_key(last_name: str, first_name: str) -> str:
    """The place of a person in every list: last name, then first name, in the order above."""
    return f"{name_sort_key(last_name)}{_END}{name_sort_key(first_name)}"


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
