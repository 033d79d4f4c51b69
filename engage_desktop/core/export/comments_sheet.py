"""The comments sheet: the words promoters and detractors use side by side (a native bar chart), how many
answers reach a customer, and the comments with the customer's purchase facts."""

from __future__ import annotations

import datetime as dt

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from engage_desktop.core.export.xlsx_cells import PERCENT, write_cell, write_row
from engage_desktop.core.messages import N_, t
from engage_desktop.core.metrics import answer_matching, comment_terms
from engage_desktop.core.metrics.comments import CommentFilter, comments
from engage_desktop.core.metrics.ltv import tier_names
from engage_desktop.core.money import excel_format
from engage_desktop.core.store import Store

COMMENT_ROWS = 2000  # comments written: the view exports any selection of them as a list
TERMS = 20

WORDS = {
    "title": N_("What customers say"), "terms": N_("Words in the comments: promoters beside detractors"),
    "word": N_("Word"), "promoters": N_("Promoters: comments with the word"), "detractors":
        N_("Detractors: comments with the word"), "promoters_share": N_("Share of promoters' comments"),
    "detractors_share": N_("Share of detractors' comments"), "reached": N_("Answers that reach a customer who bought"),
    "answers": N_("Answers"), "share": N_("Share"), "comments": N_("Comments"), "answered": N_("Answered"),
    "question": N_("Question"), "comment": N_("Comment"), "nps": N_("Recommend (0-10)"), "name": N_("Name"),
    "orders": N_("Purchases"), "revenue": N_("Revenue"), "ltv": N_("Annual LTV"), "last_order": N_("Last order"),
    "tier": N_("LTV tier"), "counted": N_("A word counts once per comment; particles and common words are left out."),
}


def _w(key: str) -> str:
    return t(WORDS[key])


def comments_sheet(sheet: Worksheet, store: Store, day: dt.date) -> None:
    write_cell(sheet, 1, 1, _w("title"), bold=True)
    rate = answer_matching.match_rate(store)
    write_row(sheet, 3, [_w("reached"), _w("answers"), _w("share")], bold=True)
    write_row(sheet, 4, [rate.reached, rate.answers, rate.share], [None, "#,##0", PERCENT])

    terms = comment_terms.compare_terms(store, day, CommentFilter(group="promoters"), CommentFilter(group="detractors"),
                                        top=TERMS)
    top = 6
    write_cell(sheet, top, 1, _w("terms"), bold=True)
    write_cell(sheet, top + 1, 1, _w("counted"))
    write_row(sheet, top + 2, [_w("word"), _w("promoters"), _w("promoters_share"), _w("detractors"),
                               _w("detractors_share")], bold=True)
    for i, row in enumerate(terms.rows, start=top + 3):
        write_row(sheet, i, list(row), [None, "#,##0", PERCENT, "#,##0", PERCENT])
    if terms.rows:
        chart = BarChart()
        chart.type, chart.grouping = "bar", "clustered"
        chart.title = _w("terms")
        last = top + 2 + len(terms.rows)
        chart.add_data(Reference(sheet, min_col=3, min_row=top + 2, max_row=last), titles_from_data=True)
        chart.add_data(Reference(sheet, min_col=5, min_row=top + 2, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=top + 3, max_row=last))
        chart.y_axis.number_format = "0%"
        chart.x_axis.scaling.orientation = "maxMin"  # the most said word on top, as in the table
        chart.width, chart.height = 18, 12
        sheet.add_chart(chart, "G6")

    start = top + 4 + max(len(terms.rows), 22)
    listed = comments(store, day, limit=COMMENT_ROWS)
    write_cell(sheet, start, 1, _w("comments"), bold=True)
    columns = ["answered_at", "comment", "nps", "name", "orders", "revenue", "ltv", "last_order", "tier", "question"]
    keys = {"answered_at": "answered", **{c: c for c in columns if c != "answered_at"}}
    write_row(sheet, start + 1, [_w(keys[c]) for c in columns], bold=True)
    for column in range(1, len(columns) + 1):  # a long header (おすすめ度（0〜10）) wraps instead of running on
        sheet.cell(row=start + 1, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    money = excel_format(store.setting("currency"))
    # the last order as a date (a timestamp in a 12-wide column printed ###)
    formats = ["yyyy-mm-dd hh:mm", None, None, None, "#,##0", money, money, "yyyy-mm-dd", None, None]
    names = tier_names(store)
    at = [listed.columns.index(c) for c in columns]
    for i, row in enumerate(listed.rows, start=start + 2):
        values = [row[j] for j in at]
        values[columns.index("tier")] = names.get(values[columns.index("tier")], values[columns.index("tier")])
        write_row(sheet, i, values, formats)
        sheet.cell(row=i, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJ", (18, 60, 12, 16, 10, 12, 12, 12, 12, 30)):
        sheet.column_dimensions[letter].width = width
