"""The project carries its own documentation: nothing points outside it, no link in it is broken.

Comments and documents point to ``docs/<file>.md#section`` (docs/architecture.md#documentation);
every such pointer, and every Markdown link of README.md and docs/, names a file that exists
and, after ``#``, a heading of that file.
"""

import re
from pathlib import Path

import pytest

from tests.support import ROOT

TEXT_SUFFIXES = {".py", ".html", ".js", ".css", ".md", ".txt", ".toml", ".yml", ".yaml", ".in", ".cfg", ".example"}
TEXT_NAMES = {"Makefile", "Dockerfile", "run", "serve"}
SKIPPED_FOLDERS = {".venv", ".git", "var", "node_modules", "__pycache__", "results", ".ruff_cache", ".pytest_cache"}

# The specification documents the project was written from live outside the repository; their
# names are spelled in pieces so that this file does not mention them itself.
OUTSIDE = re.compile(
    "|".join(
        re.escape(name)
        for name in ("DOMAIN" + ".md", "API" + ".md", "STYLE" + ".md", "../" + "shared", "/work/" + "shared")
    )
)
# A pointer into docs/ written in code or text: docs/domain.md, docs/api.md#hot-meals.
DOCS_POINTER = re.compile(r"(?<![\w/.-])docs/([\w.-]+\.md)(?:#([\w-]+))?")
# A Markdown link: [text](target), the target without a scheme.
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def project_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*"))
        if path.is_file()
        and not SKIPPED_FOLDERS.intersection(path.relative_to(ROOT).parts)
        and (path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES)
    ]


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted(ROOT.glob("*/README.md"))]


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {slug(match) for match in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, flags=re.MULTILINE)}


def broken(target: Path, anchor: str | None) -> str | None:
    """Why a pointer to ``target#anchor`` leads nowhere, or None when it is sound."""
    if not target.exists():
        return "no such file"
    if anchor and target.suffix == ".md" and anchor not in anchors_of(target):
        return f"no heading #{anchor}"
    return None


def test_no_comment_or_document_points_outside_the_repository():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}"
        for path in project_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert found == [], "Point to docs/ instead:\n" + "\n".join(found)


def test_every_pointer_into_docs_names_an_existing_file_and_heading():
    found = [
        f"{path.relative_to(ROOT)}:{number}: docs/{name}#{anchor or ''} ({reason})"
        for path in project_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        for name, anchor in DOCS_POINTER.findall(line)
        if (reason := broken(ROOT / "docs" / name, anchor))
    ]
    assert found == []


@pytest.mark.parametrize("document", markdown_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_of_a_document_leads_to_a_file_and_heading_that_exist(document):
    found = []
    for target in MARKDOWN_LINK.findall(document.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue  # http:, https:, mailto: lead outside on purpose
        name, _, anchor = target.partition("#")
        path = (document.parent / name).resolve() if name else document
        if reason := broken(path, anchor):
            found.append(f"{target} ({reason})")
    assert found == []


def test_the_docs_index_lists_every_document_and_the_readme_links_the_index():
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    unlisted = [
        path.name
        for path in sorted((ROOT / "docs").glob("*.md"))
        if path.name != "README.md" and f"({path.name}" not in index
    ]
    assert unlisted == []
    assert "(docs/README.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_anchor_of_a_heading_is_githubs():
    assert slug("Retention and the data subject") == "retention-and-the-data-subject"
    assert slug("Income test: thresholds and funding") == "income-test-thresholds-and-funding"
    assert slug("`tasks/retention.py`, one per app") == "tasksretentionpy-one-per-app"
