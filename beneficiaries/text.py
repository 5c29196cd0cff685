"""Folding of Polish text for matching: case, diacritics (ł included) and street prefixes."""

import re
import unicodedata

# Letters that Unicode does not decompose into base + accent.
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_STREET_PREFIX = re.compile(r"^(ul|al|pl|os|aleja|ulica|plac|osiedle)\.?\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """'Żółć  Łukasz' -> 'zolc lukasz': lower case, no diacritics, single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def fold_street(name: str) -> str:
    """'ul. Jana Kasprowicza' -> 'jana kasprowicza'; the register matches on this."""
    folded = fold(name).replace(".", ". ")
    folded = " ".join(folded.split())
    while True:
        shorter = _STREET_PREFIX.sub("", folded)
        if shorter == folded:
            return folded.replace(". ", ".").strip(" .")
        folded = shorter
