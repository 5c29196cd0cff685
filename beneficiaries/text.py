"""Folding of Polish text for matching: case, diacritics (ł included) and street prefixes."""

import re
import unicodedata

# Letters that Unicode does not decompose into base + accent.
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_STREET_PREFIX = re.compile(r"^(ul|al|pl|os|aleja|ulica|plac|osiedle)\.?\s+", re.IGNORECASE)
# Punctuation people type or leave out in street names: "Św. Jana" = "Św Jana", "Skłodowskiej-Curie".
_STREET_PUNCTUATION = str.maketrans({".": " ", "-": " ", ",": " "})


def fold(text: str) -> str:
    """'Żółć  Łukasz' -> 'zolc lukasz': lower case, no diacritics, single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


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
