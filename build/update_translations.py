"""Refresh the translation sources from the code and compile them.

    python build/update_translations.py

Core's messages (gettext, Babel):
a. every t()/tn()/N_() text in engage_desktop is extracted into
   resources/locale/ja/LC_MESSAGES/engage.po (existing translations are kept, texts
   no longer in the code are dropped);
b. the texts still without Japanese are listed (write them into the .po's msgstr);
c. the .po is compiled into the .mo that core.messages loads.

The window's widgets (Qt):
1. pyside6-lupdate collects every tr()/translate() text from engage_desktop/ui
   into resources/translations/engage_ja.ts (existing translations are kept);
2. it lists the texts still without a Japanese translation (translate them in
   Qt Linguist: pyside6-linguist resources/translations/engage_ja.ts);
3. pyside6-lrelease compiles the .ts into the .qm the app loads.
Exits 1 while any text is untranslated; the test suite checks the same.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "engage_ja.ts"
QM = TS.with_suffix(".qm")
# English needs only the plural forms of the %n texts ("1 month", "3 months").
TS_EN = ROOT / "resources" / "translations" / "engage_en.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "engage_desktop" / "ui").rglob("*.py"))


def lupdate(ts: Path, language: str = "ja_JP", *extra: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", *extra, "-ts", str(ts),
                    "-target-language", language], cwd=ROOT, check=True, capture_output=True)


def english_plurals(ts: Path) -> None:
    """Fill the English forms mechanically: "day(s)" is "day" for one and "days" otherwise."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                missing.append((name, message.findtext("source") or ""))
    return missing


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


PO = ROOT / "resources" / "locale" / "ja" / "LC_MESSAGES" / "engage.po"
KEYWORDS = {"t": None, "N_": None, "tn": (1, 2)}


def extract() -> Catalog:
    """Every message the code says through core.messages, with where it is said."""
    catalog = Catalog(project="Engage Desktop", locale="ja", domain="engage")
    package = ROOT / "engage_desktop"
    for filename, lineno, message, comments, _context in extract_from_dir(
            str(package), [("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        catalog.add(message, locations=[(f"engage_desktop/{filename}", lineno)], auto_comments=comments,
                    flags=("python-brace-format",) if "{" in (message if isinstance(message, str) else message[0]) else ())
    return catalog


def read_catalog(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle, locale="ja", domain="engage")


def updated_po(po: Path) -> Catalog:
    """The committed translations, for the messages the code has now."""
    catalog = read_catalog(po) if po.exists() else Catalog(locale="ja", domain="engage")
    catalog.update(extract(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def untranslated_po(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def write_catalog(catalog: Catalog, po: Path) -> None:
    catalog.header_comment = "# Engage Desktop: what core says, in Japanese. Updated by build/update_translations.py."
    catalog.fuzzy = False
    catalog.project, catalog.version = "Engage Desktop", ""
    # A fixed header and no line numbers: the .po changes only when a message does.
    catalog.creation_date = catalog.revision_date = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    catalog.last_translator = catalog.language_team = "Engage Desktop"
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0, include_lineno=False)


def compile_mo(catalog: Catalog, mo: Path) -> None:
    with mo.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)


def main() -> int:
    PO.parent.mkdir(parents=True, exist_ok=True)
    catalog = updated_po(PO)
    write_catalog(catalog, PO)
    missing_po = untranslated_po(catalog)
    for text in missing_po:
        print(f"untranslated (engage.po) {text}")
    compile_mo(read_catalog(PO), PO.with_suffix(".mo"))

    lupdate(TS)
    missing = unfinished(TS)
    for context, source in missing:
        print(f"untranslated [{context}] {source}")
    lrelease(TS, QM)
    lupdate(TS_EN, "en_US", "-pluralonly")
    english_plurals(TS_EN)
    lrelease(TS_EN, TS_EN.with_suffix(".qm"))
    return 1 if missing or missing_po else 0


if __name__ == "__main__":
    sys.exit(main())
