"""The app's views, named once: the same key in the window, the Excel export and the command line.

Each view has a title (a catalogue message, shown in the owner's language) and says whether the export writes a sheet for it.
The window builds one screen per view (ui/views), the export one sheet per exported view
(export/workbook.SHEETS), the CLI takes the keys as ``--view`` (tests/ui/test_views_registry.py
holds the three to this list).
"""

from __future__ import annotations

from dataclasses import dataclass

from engage_desktop.core.messages import N_, t


@dataclass(frozen=True)
class ViewSpec:
    key: str  # one name for the concept: the LTV tiers are "ltv" on screen, in the export and in the CLI
    title_text: str  # the catalogue's message: title() says it in the current language
    exported: bool = True  # the export has a sheet for it

    def title(self) -> str:
        return t(self.title_text)


VIEW_SPECS: tuple[ViewSpec, ...] = (
    ViewSpec("home", N_("Home"), exported=False),  # a summary of the others, each part a link to one of them
    ViewSpec("actions", N_("Whom to contact")),
    ViewSpec("rfm", N_("RFM")),
    ViewSpec("journey", N_("Customer journey")),
    ViewSpec("ltv", N_("LTV tiers")),
    ViewSpec("predicted", N_("Predicted value")),
    ViewSpec("surveys", N_("Surveys")),
    ViewSpec("comments", N_("Comments")),  # the survey's free text: what customers say, and who says it
    ViewSpec("engagement", N_("Engagement zones")),
    ViewSpec("monthly", N_("Month over month")),
    ViewSpec("movement", N_("Tier movement")),
    ViewSpec("cohorts", N_("100-day plan")),
    ViewSpec("measures", N_("Measures")),
    ViewSpec("imports", N_("Imports"), exported=False),
)
BY_KEY = {spec.key: spec for spec in VIEW_SPECS}
EXPORTED = tuple(spec.key for spec in VIEW_SPECS if spec.exported)
