"""Refresh the translation sources from the code and compile them.

    python build/update_translations.py

1. pyside6-lupdate collects every tr()/translate() text from engage_desktop/ui
   into resources/translations/engage_ja.ts (existing translations are kept);
2. it lists the texts still without a Japanese translation (translate them in
   Qt Linguist: pyside6-linguist resources/translations/engage_ja.ts);
3. pyside6-lrelease compiles the .ts into the .qm the app loads.
Exits 1 while any text is untranslated; the test suite checks the same.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

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


def main() -> int:
    lupdate(TS)
    missing = unfinished(TS)
    for context, source in missing:
        print(f"untranslated [{context}] {source}")
    lrelease(TS, QM)
    lupdate(TS_EN, "en_US", "-pluralonly")
    english_plurals(TS_EN)
    lrelease(TS_EN, TS_EN.with_suffix(".qm"))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
