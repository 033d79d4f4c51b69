"""The catalogue of what core says: every message has its Japanese, the compiled .mo is the .po,
a Japanese text fills the same fields as its English, and the language is chosen per thread."""

from __future__ import annotations

import datetime as dt
import importlib.util
import string
import threading
from pathlib import Path

from engage_desktop.core import messages
from engage_desktop.core.messages import in_language, t, tn

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "build" / "update_translations.py")
tools = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tools)  # type: ignore[union-attr]


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_message_in_the_code_has_its_japanese_and_the_po_has_no_other() -> None:
    committed = {m.id if isinstance(m.id, str) else m.id[0] for m in tools.read_catalog(tools.PO) if m.id}
    in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in tools.extract() if m.id}
    assert in_code - committed == set(), "run build/update_translations.py and translate the new texts"
    assert committed - in_code == set(), "run build/update_translations.py: the .po has texts the code no longer says"
    assert tools.untranslated_po(tools.read_catalog(tools.PO)) == []


def test_the_compiled_catalogue_is_the_po(tmp_path: Path) -> None:
    compiled = tmp_path / "engage.mo"
    tools.compile_mo(tools.read_catalog(tools.PO), compiled)
    assert compiled.read_bytes() == tools.PO.with_suffix(".mo").read_bytes(), "rebuild engage.mo"


def test_each_japanese_text_fills_the_fields_its_english_has() -> None:
    for message in tools.read_catalog(tools.PO):
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        want = set().union(*(fields(i) for i in ids))
        for text in (s for s in strings if s):  # an untranslated text fails the test above
            assert fields(text) <= want | {"n"} and fields(ids[0]) <= fields(text) | {"n"}, (message.id, text)


def test_a_message_is_said_in_the_language_chosen_for_its_thread() -> None:
    seen: dict[str, str] = {}
    with in_language("ja"):
        ja = t("{file} is empty. Export the data again from the shop system.", file="a.csv")
        worker = threading.Thread(target=lambda: seen.update(other=messages.language()))
        worker.start()
        worker.join()
    with in_language("en"):
        en = t("{file} is empty. Export the data again from the shop system.", file="a.csv")
    assert en == "a.csv is empty. Export the data again from the shop system."
    assert ja.startswith("a.csv") and "空" in ja
    assert seen["other"] == messages.language()  # the override is this thread's own


def test_counts_and_dates_are_written_the_language_s_way() -> None:
    day = dt.date(2026, 10, 31)
    with in_language("ja"):
        assert messages.date_text(day) == "2026年10月31日"
        assert messages.month_text(day) == "2026年10月"
    with in_language("en"):
        assert messages.date_text(day) == "31 Oct 2026"
        assert messages.month_text(day) == "Oct 2026"
        assert tn("{n:,} row", "{n:,} rows", 1) == "1 row"
        assert tn("{n:,} row", "{n:,} rows", 1200) == "1,200 rows"
