"""エンゲージメント: the owner's zones drawn over the fan-degree x liking heat map, customers per zone now
and month by month, and whether it shows in what they buy (by NPS group and by zone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from engage_desktop.core.metrics import behaviour, surveys, zones
from engage_desktop.core.questions import fan_level_name, liking_name
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.background import save_then_close
from engage_desktop.ui.charts import LinesChart
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, row_table, splitter, vstack
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import View
from engage_desktop.ui.views.surveys import MatrixModel

# One colour per zone, in the owner's order (the most engaged first); more zones reuse them.
ZONE_COLOURS = [QColor(230, 126, 34), QColor(46, 139, 87), QColor(93, 156, 236), QColor(189, 189, 189),
                QColor(155, 89, 182), QColor(241, 196, 15)]


def zone_colour(index: int, light: bool = True) -> QColor:
    colour = QColor(ZONE_COLOURS[index % len(ZONE_COLOURS)])
    return colour.lighter(150) if light else colour


class NumberedMatrixModel(MatrixModel):
    """The matrix with its levels as numbers in the headers (the zones need the room), the answer's words on
    hover."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return MatrixModel.headerData(self, section, orientation, Qt.ItemDataRole.DisplayRole)
        return super().headerData(section, orientation, role)


@dataclass(frozen=True)
class EngagementInputs:
    pass


def load_engagement(store: Store, as_of: dt.date, inputs: EngagementInputs) -> dict[str, Any]:
    groups, by_zone = behaviour.by_nps_group(store, as_of), behaviour.by_zone(store, as_of)
    return {"as_of": as_of, "map": zones.zone_map(store), "matrix": surveys.fan_matrix(store, as_of),
            "counts": zones.zone_counts(store, as_of), "nps": surveys.nps_by_zone(store, as_of),
            "by_month": zones.zone_by_month(store, as_of), "groups": groups, "by_zone": by_zone,
            "nps_sentence": behaviour.nps_sentence(groups), "zone_sentence": behaviour.zone_sentence(by_zone)}


class EngagementView(View):
    key = "engagement"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.chosen_zone: str | None = None  # whose customers are listed (None: the first zone)
        self.matrix_caption, self.zones_caption = caption_label(wrap=True), caption_label()
        self.matrix_note = note_label()
        self.behaviour_caption, self.month_caption = caption_label(), caption_label()
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_zones)
        self.matrix_model = NumberedMatrixModel()
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.clicked.connect(self.select_cell)
        self.zone_model = TableModel()
        self.zone_table = row_table(self.zone_model)
        self.zone_table.clicked.connect(lambda index: self.select_zone(index.row()))
        self.zone_table.horizontalHeader().setStretchLastSection(False)
        self.behaviour_model = TableModel()
        self.behaviour = QTableView()
        self.behaviour.setModel(self.behaviour_model)
        self.behaviour.verticalHeader().setVisible(False)
        self.behaviour.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.behaviour.horizontalHeader().setStretchLastSection(True)
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setStyleSheet("font-size: 14px; font-weight: bold; color: #0d47a1;")
        self.behaviour_note = note_label()
        self.chart = LinesChart()
        self.chart.setMinimumHeight(180)
        self.customers = CustomerList(self.ctx)
        head = QHBoxLayout()
        head.addWidget(self.matrix_caption, 1)
        head.addWidget(self.edit_button)
        left = vstack(head, self.matrix_note, (self.matrix, 3), self.zones_caption, (self.zone_table, 2))
        right = vstack(self.behaviour_caption, self.sentences, (self.behaviour, 3), self.behaviour_note,
                       self.month_caption, (self.chart, 2))
        top = splitter(Qt.Orientation.Horizontal, left, right, sizes=[500, 580])
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Vertical, top, self.customers, sizes=[540, 170]))
        self.retranslate()

    def empty_message(self) -> str:
        return self.tr("No survey answers yet. Import your survey export (Google Forms or SurveyMonkey CSV) "
                       "with File ▸ Import files…")

    has_data = staticmethod(surveys.has_answers)

    def chart_widget(self) -> QWidget:
        return self.matrix

    def retranslate(self) -> None:
        self.matrix_caption.setText(self.tr("Engagement zones on the fan degree × liking map"))
        self.matrix_note.setText(self.tr("Rows: fan degree 1 (not a fan) to 6 (part of my life). Columns: liking 1 "
                                         "(don't like it at all) to 7 (real love). Each cell: its answers. Point at a "
                                         "number for the answer's words."))
        self.edit_button.setText(self.tr("Edit zones…"))
        self.zones_caption.setText(self.tr("Customers by zone (click a zone for its customers)"))
        self.behaviour_caption.setText(self.tr("Does it show in what they buy?"))
        self.month_caption.setText(self.tr("Customers in each zone at each month's end"))
        self.behaviour_note.setText(self.tr("By each customer's latest answer. Repeat rate: buyers with two orders "
                                            "or more; orders a year and annual LTV: averages over the buyers."))
        self.customers.retranslate()

    def inputs(self) -> EngagementInputs:
        return EngagementInputs()

    load = staticmethod(load_engagement)

    def show_data(self, data: dict[str, Any]) -> None:
        zone_map: zones.ZoneMap = data["map"]
        order = [z.key for z in zone_map.zones]
        self._zone_keys = order
        # Every answer, as the survey view's matrix counts them; each cell in its zone's colour.
        matrix = data["matrix"]
        self.matrix_model.set_data([str(i) for i in range(1, 8)], matrix.counts, {i: i18n.number for i in range(7)})
        self.matrix_model.set_colours(lambda r, c, v: zone_colour(order.index(zone_map.cells[r][c])))
        nps = {r["zone"]: r for r in data["nps"].as_dicts()}
        rows = []
        for r in data["counts"].as_dicts():
            n = nps[r["zone"]]
            rows.append((r["name"], r["customers"], r["share"], n["score"] if n["enough"] else None,
                         n["margin"] if n["enough"] else None))
        self.zone_model.set_data([self.tr("Zone"), self.tr("Number of customers"), self.tr("Share"), "NPS", self.tr("± margin")],
                                 rows, {2: lambda v: "" if v is None else i18n.percent(v),
                                        3: lambda v: self.tr("too few") if v is None else f"{v:+.1f}",
                                        4: lambda v: "" if v is None else f"±{v:.1f}"})
        self.zone_model.set_colours(lambda r, c, v: zone_colour(r) if c == 0 else None)
        self.sentences.setText("\n".join((data["nps_sentence"], data["zone_sentence"])))
        table_rows = [*data["groups"].as_dicts(), *data["by_zone"].as_dicts()]
        self.behaviour_model.set_data(
            [self.tr("Group"), self.tr("Number of customers"), self.tr("Buyers"), self.tr("Repeat rate"),
             self.tr("Orders a year"), self.tr("Annual LTV"), self.tr("Revenue share")],
            [(r["name"], r["customers"], r["buyers"], r["repeat_rate"], r["orders_per_year"], r["avg_ltv"],
              r["revenue_share"]) for r in table_rows],
            {3: lambda v: "—" if v is None else i18n.percent(v), 4: lambda v: "—" if v is None else i18n.number(v, 2),
             5: lambda v: "—" if v is None else i18n.money(v), 6: lambda v: "—" if v is None else i18n.percent(v)})
        months = data["by_month"]
        self.chart.set_lines([i18n.short_month_label(m) for m in months.column("month")],
                             [(z.name(), months.column(z.key), zone_colour(i, light=False))
                              for i, z in enumerate(zone_map.zones)],
                             label_every=max(1, len(months.rows) // 5), fmt=lambda v: i18n.number(v))
        # The chosen zone's customers again, as the data now stands and in the language now chosen (kept from
        # before, they stayed in Japanese after a switch to English); the first zone at first.
        chosen = self.chosen_zone
        self.select_zone(self._zone_keys.index(chosen) if chosen in self._zone_keys else 0)

    def select_zone(self, row: int) -> None:
        if self.data is None or row < 0 or row >= len(self._zone_keys):
            return
        self.chosen_zone = self._zone_keys[row]
        key, as_of = self._zone_keys[row], self.data["as_of"]
        name = self.data["map"].names()[key]
        self.ctx.db.submit(lambda store, state: zones.zone_customers(store, as_of, key),
                           lambda table: self.customers.set_table(table, self.tr("Customers in %1").replace("%1", name)))

    def select_cell(self, index: QModelIndex) -> None:
        """A cell's zone: its customers (the zone is what the owner acts on)."""
        zone = self.data["map"].zone_of(index.row() + 1, index.column() + 1)
        self.select_zone(self._zone_keys.index(zone))

    def edit_zones(self) -> None:
        if self.data is not None:
            ZoneDialog(self.ctx, self.data["map"], self).open()


class ZoneDialog(QDialog):
    """The owner's zones: their names, and which zone each cell of the matrix belongs to (click a cell to
    give it the next zone)."""

    def __init__(self, ctx: Any, zone_map: zones.ZoneMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit engagement zones"))
        self.zone_list = list(zone_map.zones)
        self.cells = [list(row) for row in zone_map.cells]
        self.names = [QLineEdit(z.name()) for z in self.zone_list]
        self.grid = QGridLayout()
        self.buttons: dict[tuple[int, int], QPushButton] = {}
        for liking in range(1, 8):
            header = QLabel(f"{liking}. {liking_name(liking, one_line=True)}")
            header.setWordWrap(True)
            self.grid.addWidget(header, 0, liking)
        for fan in range(1, 7):
            self.grid.addWidget(QLabel(f"{fan}. {fan_level_name(fan, one_line=True)}"), fan, 0)
            for liking in range(1, 8):
                button = QPushButton()
                button.clicked.connect(lambda _=False, f=fan, lk=liking: self.cycle(f, lk))
                self.buttons[(fan, liking)] = button
                self.grid.addWidget(button, fan, liking)
        names = QGridLayout()
        for i, edit in enumerate(self.names):
            swatch = QLabel()
            swatch.setFixedSize(18, 18)
            swatch.setStyleSheet(f"background: {zone_colour(i).name()}; border: 1px solid #888;")
            names.addWidget(swatch, i, 0)
            names.addWidget(edit, i, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr("A customer's zone is the cell of their latest answer. Click a cell to "
                                            "move it to the next zone; every zone keeps at least one cell.")))
        layout.addLayout(names)
        layout.addLayout(self.grid)
        layout.addWidget(buttons)
        self.resize(980, 520)
        self._paint()

    def cycle(self, fan: int, liking: int) -> None:
        keys = [z.key for z in self.zone_list]
        current = keys.index(self.cells[fan - 1][liking - 1])
        self.cells[fan - 1][liking - 1] = keys[(current + 1) % len(keys)]
        self._paint()

    def restore_defaults(self) -> None:
        default = zones.default_map()
        self.zone_list, self.cells = list(default.zones), [list(row) for row in default.cells]
        for edit, zone in zip(self.names, self.zone_list):
            edit.setText(zone.name())
        self._paint()

    def _paint(self) -> None:
        keys = [z.key for z in self.zone_list]
        for (fan, liking), button in self.buttons.items():
            index = keys.index(self.cells[fan - 1][liking - 1])
            button.setText(self.names[index].text())
            button.setStyleSheet(f"background: {zone_colour(index).name()}; padding: 6px;")

    def chosen(self) -> zones.ZoneMap:
        """The zones as the owner left them: the names typed in the current language, the other kept."""
        renamed = []
        for zone, edit in zip(self.zone_list, self.names):
            name = edit.text().strip() or zone.name()
            renamed.append(zones.Zone(zone.key, name, zone.en) if i18n.current() == "ja" else
                           zones.Zone(zone.key, zone.ja, name))
        return zones.ZoneMap(renamed, self.cells)

    def save(self) -> None:
        chosen = self.chosen()
        save_then_close(self, self.ctx, lambda store, state: zones.save_zone_map(store, chosen))
