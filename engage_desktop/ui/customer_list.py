"""The customers behind a bar, a cell or a step: searchable, sortable, exportable as an action list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QBoxLayout, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from engage_desktop.core.errors import EngageError
from engage_desktop.core.table import Table
from engage_desktop.core.metrics.ltv import customer_orders, orders_summary
from engage_desktop.core.metrics.rfm import segment_name
from engage_desktop.ui import i18n
from engage_desktop.ui.background import show_error
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.models import TableModel


def column_titles() -> dict[str, str]:
    """Column titles of customer and order lists, in the current language."""
    return {
        "customer_key": QCoreApplication.translate("CustomerList", "Customer"),
        "name": QCoreApplication.translate("CustomerList", "Name"),
        "email": QCoreApplication.translate("CustomerList", "E-mail"),
        "orders": QCoreApplication.translate("CustomerList", "Purchases"),
        "revenue": QCoreApplication.translate("CustomerList", "Revenue"),
        "aov": QCoreApplication.translate("CustomerList", "Average order value"),
        "ltv": QCoreApplication.translate("CustomerList", "Annual LTV"),
        "ltv_profit": QCoreApplication.translate("CustomerList", "Annual LTV as profit"),
        "first_order": QCoreApplication.translate("CustomerList", "First order"),
        "last_order": QCoreApplication.translate("CustomerList", "Last order"),
        "days_since_last": QCoreApplication.translate("CustomerList", "Days since last order"),
        "tier": QCoreApplication.translate("CustomerList", "LTV tier"),
        "r_score": QCoreApplication.translate("CustomerList", "R (recency)"),
        "f_score": QCoreApplication.translate("CustomerList", "F (frequency)"),
        "segment": QCoreApplication.translate("CustomerList", "RFM segment"),
        "p_alive": QCoreApplication.translate("CustomerList", "Chance of buying again"),
        "expected_90": QCoreApplication.translate("CustomerList", "Expected purchases (90 days)"),
        "expected_365": QCoreApplication.translate("CustomerList", "Expected purchases (1 year)"),
        "next_order": QCoreApplication.translate("CustomerList", "Expected next order"),
        "value_365": QCoreApplication.translate("CustomerList", "Predicted value (1 year)"),
        "answered_at": QCoreApplication.translate("CustomerList", "Answered"),
        "comment": QCoreApplication.translate("CustomerList", "Comment"),
        "question": QCoreApplication.translate("CustomerList", "Question"),
        "nps": QCoreApplication.translate("CustomerList", "Recommend (0-10)"),
        "order_id": QCoreApplication.translate("CustomerList", "Order"),
        "ordered_at": QCoreApplication.translate("CustomerList", "Ordered at"),
        "sold_at": QCoreApplication.translate("CustomerList", "Sales channel"),
        "cancelled": QCoreApplication.translate("CustomerList", "Cancelled"),
        "refund": QCoreApplication.translate("CustomerList", "Refund"),
        "products": QCoreApplication.translate("CustomerList", "Products"),
        "usual_gap": QCoreApplication.translate("CustomerList", "Usual days between purchases"),
        "channels": QCoreApplication.translate("CustomerList", "Where they buy"),
        "step": QCoreApplication.translate("CustomerList", "Journey step"),
        "next_step": QCoreApplication.translate("CustomerList", "Next step"),
        "goal": QCoreApplication.translate("CustomerList", "Goal of the step"),
        "measures": QCoreApplication.translate("CustomerList", "Measures for the step"),
        "reason": QCoreApplication.translate("CustomerList", "Why on the list"),
        "zone": QCoreApplication.translate("CustomerList", "Engagement zone"),
        "fan_level": QCoreApplication.translate("CustomerList", "Fan degree (1-6)"),
        "liking": QCoreApplication.translate("CustomerList", "Liking (1-7)"),
    }


SIZE_FROM_ROWS = 40
MONEY_COLUMNS = {"revenue", "aov", "ltv", "ltv_profit", "value_365"}
DATE_COLUMNS = {"first_order", "last_order", "answered_at", "next_order"}
PERCENT_COLUMNS = {"p_alive"}
FRACTION_COLUMNS = {"expected_90", "expected_365"}  # expected purchases: 0.35 of a purchase says something


class CustomerList(QWidget):
    """A table with a search box and an export button; double-click shows a customer's orders."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_data = Table([], [])
        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold;")
        # A long caption (a survey cell's two answers) wraps rather than widening the list, and the window with it.
        self.caption.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton()
        self.model = TableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Size columns from the first rows only: measuring every row of a 2,000-customer list
        # through Python took over a second on the GUI thread.
        self.view.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.view.verticalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.view.doubleClicked.connect(self._open_orders)
        self.search.textChanged.connect(self._search)
        self.caption_text = ""
        self.export_button.clicked.connect(self.export)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.search)
        controls.addWidget(self.export_button)
        # Beside the caption on a wide list, under it on a narrow one (resizeEvent): squeezed beside the search
        # box, a caption stood a word a line.
        self.head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.head.addWidget(self.caption, 1)
        self.head.addLayout(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.head)
        layout.addWidget(self.view)
        self.retranslate()

    NARROW = 560  # px: narrower, the caption has a line of its own above the search box

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        wanted = QBoxLayout.Direction.TopToBottom if self.width() < self.NARROW else QBoxLayout.Direction.LeftToRight
        if self.head.direction() != wanted:
            self.head.setDirection(wanted)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, e-mail…"))
        self.export_button.setText(self.tr("Export list…"))
        self.export_button.setToolTip(self.tr("Save these customers as CSV or Excel, as an action list for a campaign"))

    def set_table(self, table: Table, caption: str) -> None:
        self.table_data = table
        titles = column_titles()
        money = {i for i, c in enumerate(table.columns) if c in MONEY_COLUMNS}
        dates = {i for i, c in enumerate(table.columns) if c in DATE_COLUMNS}
        formats = {**{i: i18n.money for i in money}, **{i: i18n.date_label for i in dates}}
        for i, c in enumerate(table.columns):
            if c in PERCENT_COLUMNS:
                formats[i] = lambda v: "" if v is None else i18n.percent(v, 0)
            elif c in FRACTION_COLUMNS:
                formats[i] = lambda v: "" if v is None else i18n.number(v, 2)
        if "tier" in table.columns:
            formats[table.columns.index("tier")] = self.ctx.tier_name
        if "segment" in table.columns:  # the RFM segment's key: the owner reads its name
            formats[table.columns.index("segment")] = segment_name
        # Unsorted before the new rows arrive: the list comes highest LTV first, and sorting
        # a few thousand rows through Python's data() would stall the GUI on every update.
        self.proxy.sort(-1)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_data([titles.get(c, c) for c in table.columns], table.rows, formats)
        self.caption_text = caption
        self._show_count()
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            # Why a customer is on an action list is a sentence: it gets the room to be read
            widest = 420 if table.columns[column] == "reason" else 240
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        if "customer_key" in table.columns:
            # The key is how we tell customers apart, not something the owner needs to read.
            self.view.setColumnHidden(table.columns.index("customer_key"), True)

    def keys(self) -> list[str | None]:
        if "customer_key" not in self.table_data.columns:
            return []
        return self.table_data.column("customer_key")

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()

    def _show_count(self) -> None:
        total, shown = len(self.table_data.rows), self.proxy.rowCount()
        count = self.tr("(%Ln customer(s))", "", total) if shown == total else \
            self.tr("(%1 of %Ln customer(s))", "", total).replace("%1", i18n.number(shown))
        self.caption.setText(f"{self.caption_text}  {count}")

    def shown_rows(self) -> list[tuple[Any, ...]]:
        """The rows as the list shows them: those the search finds, in the order the owner sorted."""
        return [tuple(self.table_data.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()])
                for r in range(self.proxy.rowCount())]

    def ask_export_scope(self, shown: int, total: int) -> str:
        """'shown', 'all' or 'cancel': a search is on, so the owner says which rows to save."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export list"),
                          self.tr("The search shows %1 of %2 customers. Which do you want to save?")
                          .replace("%1", i18n.number(shown)).replace("%2", i18n.number(total)), parent=self)
        only = box.addButton(self.tr("The %1 shown").replace("%1", i18n.number(shown)), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(self.tr("All %1").replace("%1", i18n.number(total)), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(only)
        box.exec()
        return "shown" if box.clickedButton() is only else "all" if box.clickedButton() is every else "cancel"

    def choose_export_path(self) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(
            self, self.tr("Export list"), "customers.csv",
            self.tr("CSV for Excel (UTF-8) (*.csv);;CSV Shift_JIS (CP932) (*.csv);;Excel workbook (*.xlsx)"))

    def export(self) -> None:
        rows = self.shown_rows()
        if len(rows) < len(self.table_data.rows):
            scope = self.ask_export_scope(len(rows), len(self.table_data.rows))
            if scope == "cancel":
                return
            if scope == "all":
                rows = [tuple(row) for row in self.table_data.rows]
        path, chosen = self.choose_export_path()
        if not path:
            return
        # On first use: the list's writer takes openpyxl (for .xlsx), not needed at start.
        from engage_desktop.core.export.lists import unwritable, write_list

        shown = self._as_exported(rows)
        titles = column_titles()
        headers = [titles.get(c, c) for c in shown.columns]
        encoding = "cp932" if "CP932" in chosen and not path.lower().endswith(".xlsx") else "utf-8-sig"
        lost = unwritable(shown, headers, encoding)
        if lost:
            answer = QMessageBox.question(
                self, self.tr("Characters Shift_JIS cannot hold"),
                self.tr("%n character(s) of this list cannot be written in Shift_JIS (%1) and would become '?'. "
                        "Save it as UTF-8 instead (Excel opens it as well)?", "", len(lost)).replace(
                    "%1", " ".join(lost[:8])))
            if answer == QMessageBox.StandardButton.Yes:
                encoding = "utf-8-sig"
        try:
            write_list(shown, path, headers, encoding=encoding)
        except (OSError, EngageError) as exc:
            show_error(self, self.tr("Could not save the list: %1").replace("%1", str(exc)))

    def _as_exported(self, chosen: list[tuple[Any, ...]]) -> Table:
        """The list in the owner's words: tiers and segments by name, without the key that tells customers apart."""
        columns = [c for c in self.table_data.columns if c != "customer_key"]
        at = [self.table_data.columns.index(c) for c in columns]
        named = [(columns.index(c), name) for c, name in (("tier", self.ctx.tier_name), ("segment", segment_name))
                 if c in columns]
        rows = []
        for row in chosen:
            values = [row[i] for i in at]
            for i, name in named:
                values[i] = name(values[i])
            rows.append(tuple(values))
        return Table(columns, rows)

    def _open_orders(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        if "customer_key" not in self.table_data.columns:
            return
        key = self.model.value(row, self.table_data.columns.index("customer_key"))
        who = next((self.model.value(row, self.table_data.columns.index(c)) for c in ("name", "email")
                    if c in self.table_data.columns and self.model.value(row, self.table_data.columns.index(c))),
                   None) or self.tr("this customer")
        if key:
            self.ctx.db.submit(lambda store, state: customer_orders(store, key),
                               lambda table: OrdersDialog(self, who, table).open())


class OrdersDialog(QDialog):
    def __init__(self, parent: QWidget, who: str, table: Table) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Orders of %1").replace("%1", who))
        self.resize(820, 420)
        titles = column_titles()
        model = TableModel([titles.get(c, c) for c in table.columns], table.rows, parent=self)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        view.verticalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        counted, revenue, cancelled = orders_summary(table)
        headline = self.tr("%n order(s), revenue %1", "", counted).replace("%1", i18n.money(revenue))
        if cancelled:
            headline += " " + self.tr("(%n cancelled order(s) listed, not counted)", "", cancelled)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(headline))
        layout.addWidget(view)
        layout.addWidget(buttons)
