"""Every format definition is checked against its kind, its own rules and a file of its layout:
a definition cannot name a field its kind does not have, a rule on a column its files do not have,
or go without a fixture."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from engage_desktop.core.importing.formats import FORMATS, ExportFormat, Rule
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.joined import JoinedFiles, read_joined
from engage_desktop.core.importing.kinds import KINDS
from engage_desktop.core.importing.pipeline import import_file, plan_import
from engage_desktop.core.importing.readers import read_source
from engage_desktop.core.store import Store
from tests.fixtures.exports import FILE_OF_FORMAT

ENGINE = Path(__file__).resolve().parents[2] / "engage_desktop" / "core"


def rules_of(fmt: ExportFormat) -> list[Rule]:
    out = [*fmt.refund_when, *fmt.option_row]
    for condition in [*fmt.cancel_when, *(condition for condition, _reason in fmt.skip_when)]:
        out.extend(condition if isinstance(condition, tuple) else (condition,))
    return out


def sources_of(fmt: ExportFormat) -> list[str]:
    """Every header a definition's fields can be read from (a joined source counts each part)."""
    return [part for sources in fmt.fields.values() for source in sources
            for part in ((source,) if isinstance(source, str) else source)]


def test_every_format_has_a_file_to_prove_it() -> None:
    assert sorted(FILE_OF_FORMAT) == sorted(f.name for f in FORMATS)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_definition_names_only_its_kinds_fields(fmt: ExportFormat) -> None:
    kind = KINDS[fmt.kind]
    assert set(fmt.fields) <= set(kind.fields), set(fmt.fields) - set(kind.fields)
    assert set(fmt.summed_per_line) <= set(fmt.fields)
    for rule in rules_of(fmt):
        if rule.column.startswith("@"):
            assert rule.column[1:] in kind.fields, rule
    if not fmt.refusal:  # what the kind cannot do without is in the definition, or found by content
        for group in kind.essentials:
            assert set(group) & set(fmt.fields) or fmt.kind == "survey", (fmt.name, group)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_definitions_columns_are_in_a_file_of_its_layout(fmt: ExportFormat, tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    file = FILE_OF_FORMAT[fmt.name](tmp_path)
    src = read_joined(file, tmp_path / "work") if isinstance(file, JoinedFiles) else read_source(file, tmp_path / "work")
    headers = {header_key(h) for h in src.headers}
    assert {header_key(s) for s in fmt.signature} <= headers
    for rule in rules_of(fmt):
        if not rule.column.startswith("@"):
            assert header_key(rule.column) in headers, (fmt.name, rule)
    for field, sources in fmt.fields.items():  # every field is read from some column of the file
        assert any(header_key(part) in headers for source in sources
                   for part in ((source,) if isinstance(source, str) else source)), (fmt.name, field)
    for header, _why in fmt.missing_notes:  # a note on a missing column names a column the format reads
        assert header_key(header) in {header_key(s) for s in sources_of(fmt)}, (fmt.name, header)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_file_of_every_format_is_recognised_and_imported(fmt: ExportFormat, tmp_shop: Store, tmp_path: Path) -> None:
    path = FILE_OF_FORMAT[fmt.name](tmp_path)
    plan = plan_import(tmp_shop, path)
    try:
        assert plan.detection.format_name == fmt.name
        assert plan.detection.kind == fmt.kind
    finally:
        plan.close()
    result = import_file(tmp_shop, path)
    if fmt.refusal:
        assert result.status == "refused" and fmt.refusal in result.message, result.message
    else:
        assert result.status == "imported", result.message
        assert result.rejected == 0, result.rejects
        assert result.imported > 0


def test_every_field_of_a_definition_is_read_by_the_engine() -> None:
    """A field of ExportFormat that nothing reads is a promise the import does not keep: it goes."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py") if p.name != "formats.py")
    unread = [f.name for f in dataclasses.fields(ExportFormat)
              if not re.search(rf"\b(?:format|fmt|f)\.{f.name}\b", code)]
    assert unread == []
