"""The app's views, named once: the same key in the window, the Excel export and the command line.

Each view has a title in both languages and says whether the export writes a sheet for it.
The window builds one screen per view (ui/views), the export one sheet per exported view
(export/workbook.SHEETS), the CLI takes the keys as ``--view`` (tests/ui/test_views_registry.py
holds the three to this list).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewSpec:
    key: str  # one name for the concept: the LTV tiers are "ltv" on screen, in the export and in the CLI
    title_ja: str
    title_en: str
    exported: bool = True  # the export has a sheet for it

    def title(self, lang: str) -> str:
        return self.title_ja if lang == "ja" else self.title_en


VIEW_SPECS: tuple[ViewSpec, ...] = (
    ViewSpec("journey", "カスタマージャーニー", "Customer journey"),
    ViewSpec("ltv", "LTV層別", "LTV tiers"),
    ViewSpec("surveys", "アンケート", "Surveys"),
    ViewSpec("monthly", "前月比", "Month over month"),
    ViewSpec("imports", "取り込み履歴", "Imports", exported=False),
)
BY_KEY = {spec.key: spec for spec in VIEW_SPECS}
EXPORTED = tuple(spec.key for spec in VIEW_SPECS if spec.exported)
