"""Every visible string has its Japanese translation, and the compiled .qm files match their sources."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "build" / "update_translations.py")
tools = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tools)  # type: ignore[union-attr]


def test_every_tr_text_in_the_code_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / "engage_ja.ts"
    shutil.copy(tools.TS, ts)
    tools.lupdate(ts)  # adds any text the code has and the committed .ts does not
    assert tools.unfinished(ts) == []


def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    for source in (tools.TS, tools.TS_EN):
        compiled = tmp_path / source.with_suffix(".qm").name
        tools.lrelease(source, compiled)
        assert compiled.read_bytes() == source.with_suffix(".qm").read_bytes(), f"rebuild {source.name}"
