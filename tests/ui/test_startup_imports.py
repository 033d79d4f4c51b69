"""Start-up pays only for the first view (issue 18): what the import wizard, the Excel export, the dialogs
and the sample shop's building need is imported when they are first used, not at start.

Each check runs in a fresh interpreter: in this one, other tests have imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Loaded on first use only; none of them may come back into start-up by a top-level import.
LAZY = (
    "openpyxl",  # the Excel export and the lists' .xlsx writer
    "engage_desktop.core.export.workbook",
    "engage_desktop.core.export.lists",
    "engage_desktop.core.export.xlsx_cells",
    "engage_desktop.core.importing.pipeline",  # the import wizard, the imports view's history, undo
    "engage_desktop.core.importing.preview",
    "engage_desktop.core.sample",  # File ▸ Open the sample shop
    "engage_desktop.ui.import_wizard",
    "engage_desktop.ui.backups_dialog",
    "scipy",  # the predicted value's fit (core/metrics/btyd.py): about 0.3 s to import
)
# The main window alone reads nothing of the import: the app's start brings in only what engage_desktop.cli
# reads at its top for its parser (kinds, dates, fields, readings), as the app takes its language from there.
LAZY_FOR_THE_WINDOW = (*LAZY, "engage_desktop.core.importing", "engage_desktop.cli")

PROBE = """
import json, sys
import engage_desktop.ui.main_window
window = sorted(sys.modules)
import engage_desktop.__main__, engage_desktop.ui.app
print(json.dumps({"window": window, "app": sorted(sys.modules)}))
"""


def _loaded(names: list[str], lazy: tuple[str, ...]) -> list[str]:
    return [name for name in names if any(name == m or name.startswith(m + ".") for m in lazy)]


def test_start_up_does_not_import_what_the_first_view_does_not_need() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert _loaded(modules["window"], LAZY_FOR_THE_WINDOW) == []
    assert _loaded(modules["app"], LAZY) == []


def test_the_start_up_benchmarks_hook_quits_once_the_first_view_is_drawn_with_data(sample_shop: Path,
                                                                                      tmp_path: Path) -> None:
    """ENGAGE_DESKTOP_EXIT_WHEN_DRAWN (tests/perf/startup.py): the journey drawn with its data, then exit 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ENGAGE_DESKTOP_EXIT_WHEN_DRAWN": "1",
           "ENGAGE_DESKTOP_HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "--db", str(sample_shop), "--lang", "en"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    printed = json.loads(done.stdout.strip().splitlines()[-1])
    assert printed["with_data"] is True
    assert isinstance(printed["drawn"], float)
