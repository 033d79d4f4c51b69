"""Settings, About, and the welcome page shown when no shop is open."""

from __future__ import annotations

from importlib import metadata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QPushButton,
                               QSpinBox, QTextBrowser, QVBoxLayout, QWidget)

from engage_desktop import APP_NAME, __version__
from engage_desktop.core.store import Store
from engage_desktop.core import messages
from engage_desktop.ui import i18n, preferences
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.layout import note_label

TIME_ZONES = ["Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Taipei", "Asia/Singapore", "Europe/London",
              "Europe/Paris", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "UTC"]
# Every library the app carries: pyproject.toml's dependencies (tests/ui/test_main_window.py holds the list to
# them) and what they bring along (shiboken6, et-xmlfile).
BUNDLED = ["PySide6-Essentials", "shiboken6", "pyqtgraph", "duckdb", "openpyxl", "et-xmlfile", "python-calamine",
           "defusedxml", "numpy", "scipy", "tzdata", "tzlocal", "babel", "sudachipy", "sudachidict-small"]


def licence(meta: Any) -> str:
    """A library's licence as its metadata says it: the SPDX expression, the License field, else the classifier
    (duckdb gives only "License :: OSI Approved :: MIT License")."""
    named = meta.get("License-Expression") or meta.get("License") or ""
    if named and len(named) < 80:  # some put the whole licence text in the field
        return named
    # "License :: OSI Approved :: MIT License" -> MIT: the licence's name, as the SPDX ones beside it are written
    classifiers = [c.rsplit("::", 1)[-1].strip().removesuffix(" License")
                   for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return named.splitlines()[0] if named else ""


class SettingsDialog(QDialog):
    """Shop settings live in the shop file; the language is the person's (ui/preferences.py)."""

    language_changed = Signal(str)

    def __init__(self, ctx: AppContext, shop: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.zone = QComboBox()
        for zone in dict.fromkeys([*TIME_ZONES, shop["time_zone"]]):  # the shop's own, if not a common one
            self.zone.addItem(messages.zone_name(zone), zone)
        self.zone.setCurrentIndex(self.zone.findData(shop["time_zone"]))
        self.dormant = QSpinBox()
        self.dormant.setRange(30, 3650)
        self.dormant.setSuffix(self.tr(" days"))
        self.dormant.setValue(int(shop["dormant_days"]))
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0, 100)
        self.margin.setDecimals(1)
        self.margin.setSuffix(" %")
        self.margin.setSpecialValueText(self.tr("Not given"))  # 0: money is read as revenue
        margin = shop.get("gross_margin")
        self.margin.setValue(100 * float(margin) if margin else 0)
        self.currency = QComboBox()
        self.currency.addItem("¥1,234", "yen_sign")
        self.currency.addItem("1,234円", "yen_suffix")
        self.currency.setCurrentIndex(max(0, self.currency.findData(shop.get("currency_style", "yen_sign"))))
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(i18n.current()))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("<b>This shop</b> (saved in the shop file)")))
        form.addRow(self.tr("Time zone of the shop:"), self.zone)
        zone_note = note_label(self.tr("Where order times are turned into days and months. It applies from the "
                                       "next import on: orders already imported keep the days they were read with."))
        form.addRow("", zone_note)
        form.addRow(self.tr("Dormant after no order for:"), self.dormant)
        form.addRow(self.tr("Gross margin:"), self.margin)
        form.addRow("", note_label(self.tr("The share of revenue left after the cost of the goods. Given, LTV and "
                                           "predicted value are also shown as the profit they bring.")))
        form.addRow(self.tr("Money shown as:"), self.currency)
        form.addRow(QLabel(self.tr("<b>You</b> (saved for your user on this computer)")))
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        zone = self.zone.currentData()
        values = {"time_zone": zone, "dormant_days": self.dormant.value(), "currency_style": self.currency.currentData(),
                  "gross_margin": round(self.margin.value() / 100, 4) if self.margin.value() >= 1 else None}
        language = self.language.currentData()

        def job(store: Store, state: object) -> None:
            for key, value in values.items():
                store.set_setting(key, value)

        def done(_: Any) -> None:
            i18n.set_currency_style(values["currency_style"])
            preferences.write("language", language)
            self.accept()
            if language != i18n.current():
                self.language_changed.emit(language)
            self.ctx.data_changed.emit()

        self.ctx.db.submit(job, done, self.error.setText)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.resize(520, 420)
        rows = []
        for name in BUNDLED:
            try:
                meta = metadata.metadata(name)
                rows.append(f"<tr><td>{name}</td><td>{meta['Version']}</td><td>{licence(meta)}</td></tr>")
            except metadata.PackageNotFoundError:
                continue
        text = QTextBrowser()
        text.setHtml(
            f"<h2>{APP_NAME} {__version__}</h2><p>" + self.tr("Customer engagement for a small shop, offline.") +
            "</p><p><b>" + self.tr("Bundled libraries") + "</b></p><table cellpadding='3'>" + "".join(rows) +
            "</table><p>" + self.tr("Qt is used under the LGPL v3. Your shop data never leaves this computer.") + "</p>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


WELCOME_WIDTH = 560


class WelcomePage(QWidget):
    """No shop is open yet: offer the sample, an empty shop, or a file."""

    sample_requested = Signal()
    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading, self.text = QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setWordWrap(True)
        self.sample, self.new, self.open = QPushButton(), QPushButton(), QPushButton()
        for button, signal in ((self.sample, self.sample_requested), (self.new, self.new_requested),
                               (self.open, self.open_requested)):
            button.setMinimumHeight(40)
            button.clicked.connect(signal)
        # A column of a fixed width: a wrapped label gets the height of its lines only when its width is
        # known (centred on its own, the text was cut at the top and bottom); retranslate sets that height.
        column = QWidget()
        column.setFixedWidth(WELCOME_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        for widget in (self.heading, self.text, self.sample, self.new, self.open):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to Engage Desktop"))
        self.text.setText(self.tr("See how your customers move from their first purchase to becoming fans. "
                                  "Start with the sample shop to look around, or create your own shop and import "
                                  "the exports of your shop system, till and surveys."))
        self.text.setMinimumHeight(self.text.heightForWidth(WELCOME_WIDTH))
        self.sample.setText(self.tr("Open the sample shop"))
        self.new.setText(self.tr("Create an empty shop…"))
        self.open.setText(self.tr("Open a shop file…"))
