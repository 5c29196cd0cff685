"""Polish alphabetical order for lists of names, independent of the database's collation.

PostgreSQL with a C collation (and SQLite always) orders by code point: "Ćwik" after "Zając".
A printed list must follow the Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n ń o ó p
q r s ś t u v w x y z ź ż, case ignored.
"""

import unicodedata

ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}
# Other characters (é, ü, hyphen, apostrophe) rank by their base letter; separators come first.
_SEPARATOR = -1


def _rank(char: str) -> tuple[int, ...]:
    if char in _RANK:
        return (_RANK[char],)
    base = unicodedata.normalize("NFKD", char)[:1]
    if base in _RANK:
        return (_RANK[base],)
    return (_SEPARATOR,) if not char.isalnum() else (len(ALPHABET) + ord(char),)


def name_sort_key(text: str) -> tuple[int, ...]:
    """'Łukasz' sorts after 'Lucyna' and before 'Maria'; digits and unknown letters last."""
    key: list[int] = []
    for char in (text or "").strip().lower():
        key.extend(_rank(char))
    return tuple(key)
