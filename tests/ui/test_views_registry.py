"""One name per view: the window's views, the export's sheets and the CLI's --view are the
keys of core/views.py, in its order, and every title comes from there."""

from __future__ import annotations

from engage_desktop.core.messages import in_language

from engage_desktop.cli import _parser as build_parser
from engage_desktop.core.export.workbook import SHEETS
from engage_desktop.core.views import EXPORTED, VIEW_SPECS
from engage_desktop.ui.views import VIEWS


def test_the_window_has_one_view_per_spec_in_its_order() -> None:
    assert [v.key for v in VIEWS] == [s.key for s in VIEW_SPECS]


def test_the_export_has_one_sheet_per_exported_view() -> None:
    assert list(SHEETS) == list(EXPORTED)


def test_the_command_line_names_views_by_the_same_keys() -> None:
    export = next(a for a in build_parser()._subparsers._group_actions[0].choices["export"]._actions
                  if a.dest == "view")
    assert list(export.choices) == ["all", *EXPORTED]


def test_every_view_has_a_title_in_each_language() -> None:
    for spec in VIEW_SPECS:
        with in_language("ja"):
            ja = spec.title()
        with in_language("en"):
            en = spec.title()
        assert ja and en and ja != en and spec.key not in (ja, en)
