"""core/ must import and work with PySide6 and pyqtgraph unavailable (napari's rule)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import engage_desktop.core


def test_core_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(engage_desktop.core.__path__, "engage_desktop.core.")]
    assert len(modules) > 10
    script = (
        "import sys\n"
        "for name in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "    sys.modules[name] = None  # any import of them now raises ImportError\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "assert not any(m.startswith(('PySide6', 'pyqtgraph')) and sys.modules[m] for m in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
