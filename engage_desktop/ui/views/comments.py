"""お客様の声: the survey's free-text comments with who said them, the words two groups use, answers that reach customers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from engage_desktop.core.metrics import answer_matching, comment_terms, comments, ltv, zones
from engage_desktop.core.metrics.base import month_end
from engage_desktop.core.metrics.journey import STEPS
from engage_desktop.core.messages import t
from engage_desktop.core.questions import fan_level_name, liking_name
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.ui import i18n
from engage_desktop.ui.background import show_error
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, refill, row_table, splitter, vstack
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import View

# What the comment list shows, in this order (the key tells customers apart: hidden).
SHOWN = ["answered_at", "comment", "nps", "name", "orders", "revenue", "ltv", "last_order", "tier", "question",
         "customer_key"]
LEFT, RIGHT = QColor(46, 139, 87), QColor(211, 84, 70)
SIDES = ("promoters", "passives", "detractors", None)  # None: every answer the filters pick


@dataclass(frozen=True)
class CommentsInputs:
    filters: comments.CommentFilter
    left: str | None  # an NPS group, or None: all the filters pick
    right: str | None
    term: str | None  # the word whose comments are listed, None: every comment
    term_side: str | None  # the side it was clicked on ("left", "right"), None: both


def _side(f: comments.CommentFilter, group: str | None) -> comments.CommentFilter:
    return replace(f, group=group) if group else f


def load_comments(store: Store, as_of: dt.date, inputs: CommentsInputs) -> dict[str, Any]:
    f = inputs.filters
    left, right = _side(f, inputs.left), _side(f, inputs.right)
    listed_by = {"left": left, "right": right}.get(inputs.term_side or "", f)
    if inputs.term:
        listed = comment_terms.comments_with_term(store, as_of, inputs.term, listed_by)
    else:
        listed = comments.comments(store, as_of, f)
    return {
        "as_of": as_of, "comments": listed, "terms": comment_terms.compare_terms(store, as_of, left, right),
        "sizes": (comments.count_comments(store, as_of, left), comments.count_comments(store, as_of, right)),
        "questions": comments.questions(store), "tiers": ltv.tiers(store), "months": _months(store),
        "zones": zones.zone_map(store).zones,
        "rate": answer_matching.match_rate(store), "hidden": comment_terms.hidden_words(store),
        "matched_columns": answer_matching.column_matches(store),
    }


def _matching() -> ModuleType:
    """Matching answers by a column (it changes records: the importing package), imported on first use:
    the window starts without the importing package."""
    from engage_desktop.core.importing import answer_matching as matching

    return matching


def _months(store: Store) -> list[dt.date]:
    from engage_desktop.core.metrics.surveys import answer_months

    return answer_months(store)


class CommentList(CustomerList):
    """The comments, one per row, with the customer's purchase facts; exported as a list."""

    def retranslate(self) -> None:
        super().retranslate()
        self.export_button.setToolTip(self.tr("Save these comments as CSV or Excel"))

    def _show_count(self) -> None:
        self.caption.setText(f"{self.caption_text}  " + self.tr("(%Ln comment(s))", "", self.proxy.rowCount()))


class CommentsView(View):
    key = "comments"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.combos = {name: QComboBox() for name in ("group", "fan", "liking", "zone", "step", "tier", "period",
                                                       "question", "left", "right")}
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.labels = {name: QLabel() for name in ("group", "fan", "liking", "zone", "step", "tier", "period",
                                                   "question", "search", "versus")}
        self.term: str | None = None
        self.term_side: str | None = None
        for side in (None, *SIDES[:3]):
            self.combos["group"].addItem("", side)
        for name in ("left", "right"):
            for side in SIDES:
                self.combos[name].addItem("", side)
        self.combos["right"].setCurrentIndex(SIDES.index("detractors"))  # promoters beside detractors first
        self.combos["fan"].addItem("", None)
        for level in range(1, 7):
            self.combos["fan"].addItem(f"{level}. {fan_level_name(level, one_line=True)}", level)
        self.combos["liking"].addItem("", None)
        for level in range(1, 8):
            self.combos["liking"].addItem(f"{level}. {liking_name(level, one_line=True)}", level)
        self.combos["step"].addItem("", None)
        for step in STEPS:
            self.combos["step"].addItem("", step.number)
        for name in ("zone", "tier", "period", "question"):
            self.combos[name].addItem("", None)
        for combo in self.combos.values():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        self.list = CommentList(ctx)
        self.list.search.hide()  # the search above picks the comments (and so the words)
        self.terms_caption = caption_label(wrap=True)
        self.terms_model = TableModel()
        self.terms = row_table(self.terms_model)
        self.terms.clicked.connect(self._term_clicked)
        self.terms_note = note_label()
        self.hide_button, self.unhide_button, self.all_button = QPushButton(), QPushButton(), QPushButton()
        self.hide_button.clicked.connect(self._hide_word)
        self.unhide_button.clicked.connect(self._unhide_words)
        self.all_button.clicked.connect(self._all_comments)
        self.rate = QLabel()
        self.rate.setWordWrap(True)
        self.unmatched_button, self.match_button, self.unmatch_button = QPushButton(), QPushButton(), QPushButton()
        self.unmatched_button.clicked.connect(self._show_unmatched)
        self.match_button.clicked.connect(self._match_by_column)
        self.unmatch_button.clicked.connect(self._undo_matches)

        filters = QGridLayout()
        # Three filters a row: five made the view 936 px wide at least, the window wider than a laptop at 125%.
        placed = (("group", 0, 0), ("fan", 0, 1), ("liking", 0, 2), ("zone", 1, 0), ("question", 1, 1),
                  ("step", 1, 2), ("tier", 2, 0), ("period", 2, 1))
        for name, row, col in placed:
            filters.addWidget(self.labels[name], row, 2 * col)
            filters.addWidget(self.combos[name], row, 2 * col + 1)
        filters.addWidget(self.labels["search"], 2, 4)
        filters.addWidget(self.search, 2, 5)
        for col in (1, 3, 5):
            filters.setColumnStretch(col, 1)
        sides = QHBoxLayout()
        sides.addWidget(self.combos["left"], 1)
        sides.addWidget(self.labels["versus"])
        sides.addWidget(self.combos["right"], 1)
        word_buttons = QHBoxLayout()
        for button in (self.hide_button, self.unhide_button, self.all_button):
            word_buttons.addWidget(button)
        match_row = QHBoxLayout()
        match_row.addWidget(self.rate, 1)
        for button in (self.unmatched_button, self.match_button, self.unmatch_button):
            match_row.addWidget(button)
        right = vstack(self.terms_caption, sides, (self.terms, 1), self.terms_note, word_buttons)
        panes = splitter(Qt.Orientation.Horizontal, self.list, right, sizes=[640, 380])
        outer = QVBoxLayout(self.content)
        outer.addLayout(filters)
        outer.addWidget(panes, 1)
        outer.addLayout(match_row)
        for name, combo in self.combos.items():
            combo.currentIndexChanged.connect(lambda _, n=name: self._filters_changed(n))
        self.search.returnPressed.connect(lambda: self._filters_changed("search"))
        self.search.textChanged.connect(lambda text: text or self._filters_changed("search"))
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        labels = {"group": self.tr("NPS group:"), "fan": self.tr("Fan degree:"), "liking": self.tr("Liking:"),
                  "step": self.tr("Journey step:"), "tier": self.tr("Tier:"), "period": self.tr("Period:"),
                  "question": self.tr("Question:"), "search": self.tr("Search:"), "versus": self.tr("beside"),
                  "zone": self.tr("Zone:")}
        for name, text in labels.items():
            self.labels[name].setText(text)
        names = {None: self.tr("All answers"), "promoters": self.tr("Promoters (9-10)"),
                 "passives": self.tr("Passives (7-8)"), "detractors": self.tr("Detractors (0-6)")}
        for name in ("group", "left", "right"):
            combo = self.combos[name]
            for i in range(combo.count()):
                combo.setItemText(i, names[combo.itemData(i)])
        for name in ("fan", "liking", "step"):
            self.combos[name].setItemText(0, self.tr("Any"))
        for i, step in enumerate(STEPS, start=1):
            self.combos["step"].setItemText(i, f"{step.number}. {t(step.emotion)}")
        self.combos["tier"].setItemText(0, self.tr("All customers"))
        self.combos["zone"].setItemText(0, self.tr("Any"))
        self.combos["period"].setItemText(0, self.tr("All time"))
        self.combos["question"].setItemText(0, self.tr("Every free-text question"))
        self.search.setPlaceholderText(self.tr("Words in the comment (Enter)"))
        self.terms_caption.setText(self.tr("What they talk about: comments that use each word (click a word for them)"))
        self.hide_button.setText(self.tr("Hide this word"))
        self.hide_button.setToolTip(self.tr("Leave the selected word out of the counts (your shop's name, say)"))
        self.unhide_button.setText(self.tr("Show hidden words"))
        self.all_button.setText(self.tr("All comments"))
        self.unmatched_button.setText(self.tr("Unmatched answers…"))
        self.match_button.setText(self.tr("Match by another column…"))
        self.unmatch_button.setText(self.tr("Undo column matches"))
        self.list.retranslate()
        if self.data is not None:
            self.show_data(self.data)

    def empty_message(self) -> str:
        return self.tr("No survey comments yet. Import a survey export whose form has a free-text question "
                       "(Google Forms or SurveyMonkey CSV) with File ▸ Import files…")

    has_data = staticmethod(comments.has_comments)

    def chart_widget(self) -> QWidget:
        return self.terms

    # -- filters --------------------------------------------------------------------------
    def inputs(self) -> CommentsInputs:
        c = {name: combo.currentData() for name, combo in self.combos.items()}
        period = c["period"]
        f = comments.CommentFilter(
            group=c["group"], fan=c["fan"], liking=c["liking"], zone=c["zone"], step=c["step"], tier=c["tier"],
            start=period, end=month_end(period) if period else None, question=c["question"],
            search=self.search.text().strip())
        return CommentsInputs(f, c["left"], c["right"], self.term, self.term_side)

    load = staticmethod(load_comments)

    def _filters_changed(self, name: str) -> None:
        if name not in ("left", "right"):
            self.term, self.term_side = None, None  # a new selection: its comments, not the old word's
        self.refresh()

    # -- showing ------------------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        self._fill_filters(data)
        table: Table = data["comments"]
        at = [table.columns.index(c) for c in SHOWN]
        shown = Table(list(SHOWN), [tuple(row[i] for i in at) for row in table.rows])
        caption = (self.tr("Comments with 「%1」").replace("%1", self.term) if self.term else self.tr("What customers wrote"))
        self.list.set_table(shown, caption)
        self.list.view.setColumnWidth(SHOWN.index("comment"), 360)
        self._show_terms(data)
        self._show_rate(data)

    def _show_terms(self, data: dict[str, Any]) -> None:
        terms: Table = data["terms"]
        left_n, right_n = data["sizes"]
        left_name = self.combos["left"].currentText()
        right_name = self.combos["right"].currentText()
        headers = [self.tr("Word"), f"{left_name}\n" + self.tr("%n comment(s)", "", left_n),
                   self.tr("Share"), f"{right_name}\n" + self.tr("%n comment(s)", "", right_n), self.tr("Share")]
        percent = {2: lambda v: i18n.percent(v, 0), 4: lambda v: i18n.percent(v, 0)}
        self.terms_model.set_data(headers, terms.rows, percent)
        top = max([r[2] for r in terms.rows] + [r[4] for r in terms.rows] + [0.01])

        def colour(row: int, col: int, value: Any) -> QColor | None:
            if col not in (2, 4):
                return None
            base = LEFT if col == 2 else RIGHT
            return QColor(base.red(), base.green(), base.blue(), int(150 * value / top))

        self.terms_model.set_colours(colour)
        self.terms.resizeColumnsToContents()
        hidden = data["hidden"]
        self.terms_note.setText(
            self.tr("A word counts once per comment. Particles and common words are left out.") + (
                " " + self.tr("Hidden: %1").replace("%1", "、".join(hidden[:12])) if hidden else ""))
        self.unhide_button.setEnabled(bool(hidden))
        self.all_button.setEnabled(self.term is not None)

    def _show_rate(self, data: dict[str, Any]) -> None:
        rate: answer_matching.MatchRate = data["rate"]
        if not rate.answers:
            self.rate.setText("")
            return
        names = {"email": self.tr("e-mail"), "customer_id": self.tr("customer ID"), "column": self.tr("another column")}
        how = "、".join(f"{names[by]} {i18n.number(n)}" for by, n in rate.by.items() if by in names)
        self.rate.setText(self.tr("Answers that reach a customer who bought: %1 of %2 (%3)")
                          .replace("%1", i18n.number(rate.reached)).replace("%2", i18n.number(rate.answers))
                          .replace("%3", i18n.percent(rate.share or 0, 0)) + (f"  — {how}" if how else ""))
        self.unmatch_button.setEnabled(bool(data["matched_columns"].rows))

    def _fill_filters(self, data: dict[str, Any]) -> None:
        free = [q for q, is_free in zip(data["questions"].column("question"), data["questions"].column("free_text"))
                if is_free]
        for combo, items in ((self.combos["tier"], [(tier.key, tier.name()) for tier in data["tiers"]]),
                             (self.combos["zone"], [(zone.key, zone.name()) for zone in data["zones"]]),
                             (self.combos["period"], [(m, i18n.month_label(m)) for m in data["months"]]),
                             (self.combos["question"], [(q, q) for q in free])):
            refill(combo, items)

    # -- words ----------------------------------------------------------------------------
    def selected_word(self) -> str | None:
        rows = self.terms.selectionModel().selectedRows() if self.terms.selectionModel() else []
        return self.terms_model.value(rows[0].row(), 0) if rows else None

    def _term_clicked(self, index: QModelIndex) -> None:
        self.term = self.terms_model.value(index.row(), 0)
        self.term_side = "left" if index.column() in (1, 2) else "right" if index.column() in (3, 4) else None
        self.refresh()

    def show_word(self, word: str, side: str | None = None) -> None:
        """List the comments behind ``word`` (what a click on it does)."""
        self.term, self.term_side = word, side
        self.refresh()

    def _all_comments(self) -> None:
        self.term, self.term_side = None, None
        self.refresh()

    def _hide_word(self) -> None:
        word = self.selected_word() or self.term
        if not word:
            return
        self.term = None
        self.ctx.db.submit(lambda store, state: comment_terms.hide_word(store, word), lambda _: self.refresh(),
                           lambda message: show_error(self, message))

    def _unhide_words(self) -> None:
        def job(store: Store, state: object) -> None:
            for word in comment_terms.hidden_words(store):
                comment_terms.show_word(store, word)

        self.ctx.db.submit(job, lambda _: self.refresh(), lambda message: show_error(self, message))

    # -- answers that reach customers -------------------------------------------------------
    def _show_unmatched(self) -> None:
        self.ctx.db.submit(lambda store, state: answer_matching.unmatched_answers(store),
                           lambda table: UnmatchedDialog(self, table).open(), lambda message: show_error(self, message))

    def _match_by_column(self) -> None:
        self.ctx.db.submit(lambda store, state: answer_matching.match_columns(store),
                           lambda table: MatchDialog(self, table).open(), lambda message: show_error(self, message))

    def run_match(self, question: str, target: str) -> None:
        def done(matched: int) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Match by another column"),
                              self.tr("%n answer(s) now reach a customer.", "", matched), QMessageBox.StandardButton.Ok,
                              self)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()  # not exec(): the view goes on refreshing behind it
            self.match_result = box
            self.ctx.data_changed.emit()

        self.ctx.db.submit(lambda store, state: _matching().match_by_column(store, question, target), done,
                           lambda message: show_error(self, message))

    def _undo_matches(self) -> None:
        self.ctx.db.submit(lambda store, state: _matching().undo_column_matches(store),
                           lambda _: self.ctx.data_changed.emit(), lambda message: show_error(self, message))


class UnmatchedDialog(QDialog):
    """The answers that reach no customer, and why."""

    def __init__(self, parent: CommentsView, table: Table) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unmatched answers"))
        self.resize(900, 440)
        why = {"no_contact": t(answer_matching.NO_CONTACT), "not_a_buyer": t(answer_matching.NOT_A_BUYER)}
        columns = ["answered_at", "email", "nps", "why", "comment"]
        at = [table.columns.index(c) for c in columns]
        rows = [tuple(why.get(row[i], row[i]) if c == "why" else row[i] for c, i in zip(columns, at))
                for row in table.rows]
        headers = [self.tr("Answered"), self.tr("E-mail"), self.tr("Recommend (0-10)"), self.tr("Why"),
                   self.tr("Comment")]
        self.model = TableModel(headers, rows, {0: i18n.date_label}, parent=self)
        view = QTableView()
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n answer(s) reach no customer who bought. They count in NPS, never in a "
                                        "tier.", "", len(rows))))
        layout.addWidget(view)
        layout.addWidget(buttons)


class MatchDialog(QDialog):
    """Pick a kept column (an order number, a member id) and what it names: the answers it ties."""

    def __init__(self, parent: CommentsView, columns: Table) -> None:
        super().__init__(parent)
        self.view = parent
        self.setWindowTitle(self.tr("Match by another column"))
        self.question, self.target = QComboBox(), QComboBox()
        for question, answers in columns.rows:
            self.question.addItem(self.tr("%1 (%Ln unmatched answer(s) have a value)", "", answers)
                                  .replace("%1", question), question)
        self.target.addItem(self.tr("Order number"), "order_id")
        self.target.addItem(self.tr("Customer ID"), "customer_id")
        form = QFormLayout()
        form.addRow(self.tr("Survey column:"), self.question)
        form.addRow(self.tr("Its values are the orders':"), self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._match)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(columns.rows))
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr("Answers that reach no customer yet are tied to the customer whose order "
                                            "number or customer ID the column holds. Undo column matches gives them "
                                            "back.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _match(self) -> None:
        question, target = self.question.currentData(), self.target.currentData()
        self.accept()
        if question:
            self.view.run_match(question, target)
