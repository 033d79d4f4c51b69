"""Views read their filters on the GUI thread and load through plain functions on the database thread;
a load that a newer one replaced is never shown (issue 15)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.store import Store
from engage_desktop.ui.views import VIEWS
from engage_desktop.ui.views.base import View
from tests.ui.conftest import show_view


def test_only_the_last_filters_data_is_shown(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "monthly")
    shown: list[Any] = []
    real_show = view.show_data
    view.show_data = lambda data: (shown.append(data), real_show(data))
    # Hold the database thread, so that both loads wait and run one after the other.
    gate = threading.Event()
    window.db.submit(lambda store, state: gate.wait(10))
    top, good = view.tier.findData("top"), view.tier.findData("good")
    view.tier.setCurrentIndex(top)  # a load for 優良 …
    view.tier.setCurrentIndex(good)  # … replaced before it ran by one for 中堅
    gate.set()
    qtbot.waitUntil(view.settled, timeout=30_000)
    qtbot.wait(200)
    assert len(shown) == 1
    from engage_desktop.core.metrics import monthly

    expected = on_db(lambda store: monthly.monthly(store, resolve_as_of(store, None), tier="good"))
    assert shown[0]["table"] == expected
    assert shown[0]["table"] != on_db(lambda store: monthly.monthly(store, resolve_as_of(store, None), tier="top"))


def test_no_view_load_touches_a_widget(qtbot: Any, window: Any, sample_shop: Path) -> None:
    inputs = {}
    for view_class in VIEWS:
        view = view_class(window.ctx)
        inputs[view_class] = view.inputs()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(view, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(view)  # the widgets are gone
    with Store(sample_shop, read_only=True) as store:
        as_of = resolve_as_of(store, None)
        for view_class, given in inputs.items():
            assert view_class.has_data(store)
            assert view_class.load(store, as_of, given) is not None


def test_a_view_whose_load_is_a_method_is_refused() -> None:
    with pytest.raises(TypeError, match="plain function"):
        class Careless(View):  # noqa: F841 - defining it is the test
            key = "careless"

            def load(self, store: Store, as_of: Any, inputs: Any) -> Any:  # would read widgets on the db thread
                return None
