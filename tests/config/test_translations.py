"""Polish is the default language: every string the apps mark for translation has a Polish text,
and the compiled catalogue that Django reads agrees with the .po file a translator edits."""

import ast
import gettext
import re
from pathlib import Path

import pytest

from tests.support import ROOT

CATALOGUES = sorted(ROOT.glob("*/locale/pl/LC_MESSAGES/django.po"))
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def _entries(po_file: Path) -> list[tuple[str, str]]:
    text = po_file.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("#~")) + "\n"
    joined = lambda block: "".join(ast.literal_eval(part) for part in block.strip().splitlines())  # noqa: E731
    return [(joined(m[1]), joined(m[2])) for m in ENTRY.finditer(text) if joined(m[1])]


def test_every_app_with_ui_text_has_a_polish_catalogue():
    assert {path.parts[-5] for path in CATALOGUES} >= {"config"}


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-5])
def test_every_string_has_a_polish_translation(po_file):
    missing = [msgid for msgid, msgstr in _entries(po_file) if not msgstr]
    assert missing == []


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_matches_the_po_file(po_file):
    with open(po_file.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [msgid for msgid, msgstr in _entries(po_file) if "\x00" not in msgid and compiled.gettext(msgid) != msgstr]
    assert stale == []


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-5])
def test_no_translation_is_left_fuzzy(po_file):
    """A fuzzy entry is makemessages' guess: Django never shows it, the English text appears instead."""
    assert "#, fuzzy" not in po_file.read_text(encoding="utf-8")
