"""The form for one measure (施策): its name, when it ran, whom it targets and what it should move."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLineEdit, QPlainTextEdit)

from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import t
from engage_desktop.core.metrics import journey, measures, monthly
from engage_desktop.core.metrics.ltv import Tier
from engage_desktop.ui.background import show_error
from engage_desktop.ui.layout import note_label


class MeasureDialog(QDialog):
    """Opens on a measure (or a new one) and gives back the measure as the owner left it (``result_measure``).
    Saving is the caller's (through the undo stack); the form only checks what it can say right away."""

    def __init__(self, parent: Any, tiers: dict[str, Tier], current: measures.Measure, as_of: dt.date) -> None:
        super().__init__(parent)
        self.tiers = tiers
        self.current = current
        self.result_measure: measures.Measure | None = None
        self.setWindowTitle(self.tr("Measure") if current.id is None else self.tr("Edit measure"))
        self.setMinimumWidth(520)
        self.name = QLineEdit(current.name)  # its length is checked on saving (Qt would count emoji twice)
        # An entry from the journey's old free text has no start day: the owner gives it (— until then).
        self.started = _date_edit(current.started_on, as_of)
        self.has_end = QCheckBox(self.tr("Ended on"))
        self.ended = _date_edit(current.ended_on or as_of, as_of)
        self.has_end.setChecked(current.ended_on is not None)
        self.ended.setEnabled(current.ended_on is not None)
        self.has_end.toggled.connect(self.ended.setEnabled)
        self.kind = QComboBox()
        for kind in measures.TARGET_KINDS:
            self.kind.addItem(t(measures.TARGET_LABELS[kind]), kind)
        self.target = QComboBox()
        self.kind.currentIndexChanged.connect(lambda _: self._fill_targets())
        self.metric_box = QComboBox()
        for key in monthly.METRICS:
            self.metric_box.addItem(monthly.metric_name(key), key)
        self.note = QPlainTextEdit(current.note)
        self.note.setFixedHeight(70)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.target_kind)))
        self._fill_targets()
        if current.target is not None:
            self._pick(self.target, current.target)
        if current.id is not None or current.metric is not None:
            self._pick(self.metric_box, current.metric)
        else:
            self.metric_box.setCurrentIndex(self.metric_box.findData("revenue"))  # a new one: the usual choice
        ends = QHBoxLayout()
        ends.addWidget(self.started)
        ends.addWidget(self.has_end)
        ends.addWidget(self.ended)
        ends.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Started on"), ends)
        form.addRow(self.tr("Targets"), self.kind)
        form.addRow("", self.target)
        form.addRow(self.tr("Should move"), self.metric_box)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(note_label(self.tr("Its effect is read on the full months after the start, against as many "
                                       "months before it, the same months a year earlier, and everyone else.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fill_targets(self) -> None:
        kind = self.kind.currentData()
        self.target.clear()
        if kind == "step":
            for step in journey.STEPS:
                self.target.addItem(f"{step.number}. {t(step.emotion)}", str(step.number))
        elif kind == "tier":
            for key, tier in self.tiers.items():
                self.target.addItem(tier.name(), key)
        self.target.setVisible(kind != "everyone")

    def _pick(self, box: QComboBox, value: str | None) -> None:
        """Select ``value``; one the list does not have (not chosen yet, a tier since removed) shows as
        "(not set)" and must be chosen before saving, never silently replaced by the first item."""
        index = box.findData(value) if value is not None else -1
        if index < 0:
            box.insertItem(0, self.tr("(not set)"), None)
            index = 0
        box.setCurrentIndex(index)

    def measure(self) -> measures.Measure:
        started = None if self.started.date() == self.started.minimumDate() else self.started.date().toPython()
        return measures.Measure(
            self.name.text(), started, self.kind.currentData(),
            self.target.currentData() if self.kind.currentData() != "everyone" else None, self.metric_box.currentData(),
            self.ended.date().toPython() if self.has_end.isChecked() else None, self.note.toPlainText().strip(),
            self.current.id)

    def save(self) -> None:
        try:
            self.result_measure = measures.check(self.measure(), set(self.tiers))
        except EngageError as exc:
            show_error(self, str(exc))
            return
        self.accept()


def _date_edit(day: dt.date | None, as_of: dt.date) -> QDateEdit:
    """A date field; ``None`` shows "—" (its lowest date), the calendar opening on the as-of month."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1999, 12, 31))
    edit.setSpecialValueText("—")
    edit.setDate(edit.minimumDate() if day is None else QDate(day.year, day.month, day.day))
    edit.calendarWidget().setCurrentPage(as_of.year, as_of.month)
    return edit
