"""docs/glossary.md is the one list of the owner's words: wherever the code says a term of it
(core's catalogue or the window's translations), the Japanese is the glossary's, and the
README's Japanese view names are the glossary's."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "build" / "update_translations.py")
tools = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tools)  # type: ignore[union-attr]


def terms() -> list[tuple[str, str]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[0] not in ("日本語", "---"):
            rows.append((cells[0], cells[1]))
    return rows


def translations() -> dict[str, set[str]]:
    """English text -> every Japanese the code gives it (catalogue and Qt translations)."""
    found: dict[str, set[str]] = {}
    for message in tools.read_catalog(tools.PO):
        if message.id and isinstance(message.id, str):
            found.setdefault(message.id, set()).add(message.string)
    for message in ET.parse(tools.TS).getroot().iter("message"):
        if message.get("numerus") != "yes":
            found.setdefault(message.findtext("source") or "", set()).add(message.findtext("translation") or "")
    return found


def test_the_glossary_has_the_owner_s_words() -> None:
    rows = terms()
    assert len(rows) > 60
    assert len({ja for ja, _ in rows}) == len(rows), "one Japanese word per idea"


def test_wherever_the_code_says_a_term_it_says_it_as_the_glossary_does() -> None:
    said = translations()
    everything = " ".join(j for js in said.values() for j in js)
    wrong, unused = [], []
    for ja, en in terms():
        if en in said:
            wrong += [(en, ja, other) for other in said[en] if other != ja]
        elif ja not in everything:
            unused.append((ja, en))
    assert wrong == [], "the code translates a glossary term differently: " + "; ".join(map(str, wrong))
    assert unused == [], "a glossary term the app never says: " + "; ".join(map(str, unused))


def test_the_readme_names_the_views_as_the_glossary_does() -> None:
    from engage_desktop.core.messages import in_language
    from engage_desktop.core.views import VIEW_SPECS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    views = readme[readme.index("- **Views**"):readme.index("- Every customer list")]
    glossary_ja = {ja for ja, _ in terms()}
    with in_language("ja"):
        titles = [spec.title() for spec in VIEW_SPECS]
    assert [title for title in titles if title not in views] == []  # every view is named, as the app names it
    assert set(titles) <= glossary_ja
