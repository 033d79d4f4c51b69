"""Excel workbooks with native, editable charts (openpyxl): one sheet per view, or the full report.

Each sheet holds the data as a formatted table (headers in the UI language,
¥ formats, real Excel dates) and a chart drawn by Excel from those cells, so
the owner can restyle, edit and print it. Text from outside never becomes a
formula (see safe.py / xlsx_cells.py).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.pagebreak import Break
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engage_desktop.core.errors import EngageError, os_reason
from engage_desktop.core.export.comments_sheet import comments_sheet
from engage_desktop.core.export.xlsx_cells import PERCENT, month_format, write_cell, write_row
from engage_desktop.core.messages import N_, date_text, in_language, language, month_text, quoted, t, tn
from engage_desktop.core.money import excel_format
from engage_desktop.core.targets import check_target
from engage_desktop.core.questions import LIKING_LEVEL_NAMES, fan_level_name, liking_name
from engage_desktop.core.metrics import (actions, behaviour, channels, effect, journey, ltv, measures, monthly, predicted,
                                          rfm, surveys, tier_history, zones)
from engage_desktop.core.metrics.kept import keeping
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core import views as view_specs
from engage_desktop.core.metrics.report import build_report, definition_rows
from engage_desktop.core.store import Store

HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
NPS_COLOURS = ("D35446", "AAAAAA", "2E8B57")  # detractors, passives, promoters: ui/views/surveys.py's
ZONE_FILLS = ["F5B77A", "8FCFA9", "B0CDF5", "DEDEDE", "D2B0DD", "F8E08E"]  # the view's zone colours, lightened
SIGNED_PERCENT = "+0.0%;-0.0%;0.0%"

# The words of the sheets (headers, titles, chart titles): catalogue messages, said in the export's language.
LABELS: dict[str, str] = {
    "cover": N_("Cover"),
    "shop": N_("Shop"), "period": N_("Data period"), "as_of": N_("As of"),
    "made": N_("Made on"), "definitions": N_("Definitions"),
    "step": N_("Step"), "emotion": N_("Emotion"), "stage": N_("Stage"),
    "goal": N_("Goal"), "rule": N_("Rule"), "now": N_("Customers now"),
    "reached": N_("Reached"), "moved": N_("Moved on"),
    "days": N_("Median days to reach"), "liking": N_("Average liking (1-7)"),
    "touchpoints": N_("Touchpoints"), "measures": N_("Measures"), "memo": N_("Memo"),
    "funnel": N_("Funnel"), "count": N_("Count"), "dormant": N_("Dormant now"),
    "step_promoters": N_("Promoters at the step"), "months_counted": N_("Months with a count"),
    "conversion": N_("Conversion from the stage before"), "funnel_period": N_("Funnel period"),
    "tier": N_("LTV tier"), "customers": N_("Number of customers"), "revenue": N_("Revenue"),
    "share": N_("Revenue share"), "avg_ltv": N_("Average annual LTV"),
    "repeat": N_("Repeat rate"), "since": N_("Days since last order"),
    "decile": N_("Decile"), "cumulative": N_("Cumulative share"),
    "top20": N_("Revenue share of the top 20% of customers"),
    "nps": N_("NPS"), "responses": N_("Answers"), "promoters": N_("Promoters (9-10)"),
    "passives": N_("Passives (7-8)"), "detractors": N_("Detractors (0-6)"),
    "month": N_("Month"), "matrix": N_("Fan degree × liking"),
    "mom": N_("Change vs previous month"), "streak": N_("Months up in a row"),
    "pareto": N_("Pareto: revenue by decile and cumulative share"),
    "measure": N_("Measure"), "targets": N_("Targets"), "metric": N_("Should move"), "started": N_("Started on"),
    "ended": N_("Ended on"), "before": N_("Before"), "after": N_("After"), "change": N_("Change"),
    "year_change": N_("Change a year earlier"), "rest_change": N_("Change for everyone else"),
    "usual_change": N_("Usual change"), "targeted": N_("Targeted customers"), "verdict": N_("What it shows"),
    "compared": N_("Months compared (before → after)"), "note": N_("Note"),
    "list": N_("List"), "name": N_("Name"), "email": N_("E-mail"), "reason": N_("Why on the list"),
    "orders": N_("Purchases"), "ltv": N_("Annual LTV"), "ltv_profit": N_("Annual LTV as profit"),
    "last_order": N_("Last order"), "orders_where": N_("Where the customers of each list buy: the share of their orders"),
    "segment": N_("Segment"), "meaning": N_("What it means"), "customer_share": N_("Share of customers"),
    "p_alive": N_("Chance of buying again"), "expected_365": N_("Expected purchases (1 year)"),
    "next_order": N_("Expected next order"), "value_365": N_("Predicted value (1 year)"),
    "figure": N_("Figure"), "value": N_("Value"),
    "bands": N_("Customers by their chance of buying again"), "ltv_now": N_("Annual LTV"),
    "margin": N_("± margin (95%)"), "zone": N_("Zone"), "group": N_("Group"), "buyers": N_("Buyers"),
    "orders_per_year": N_("Orders a year"),
}
ACTION_ROWS = 1000  # customers written per action list: the view exports a whole list as CSV or xlsx


def label(key: str) -> str:
    """A sheet's word (or a view's title) in the current language."""
    if key in view_specs.BY_KEY:
        return view_specs.BY_KEY[key].title()
    return t(LABELS[key])


def export_workbook(store: Store, out: str | Path, view: str = "all", as_of: str | dt.date | None = None,
                    lang: str | None = None) -> Path:
    """Write the workbook for one view, or the full report (cover + every view), in ``lang``
    (default: the current language)."""
    # One scope for every sheet: the facts and the journey's ladder are computed once (metrics/kept.py).
    with in_language(lang or language()), keeping(store):
        return _export(store, out, view, as_of)


def _export(store: Store, out: str | Path, view: str, as_of: str | dt.date | None) -> Path:
    if view != "all" and view not in view_specs.EXPORTED:
        raise EngageError(t("Unknown view {view}: use all, {views}.", view=quoted(view),
                            views=", ".join(view_specs.EXPORTED)))
    out = check_target(out, store.path)
    day = resolve_as_of(store, as_of)
    workbook = Workbook()
    workbook.remove(workbook.active)
    if view == "all":
        _cover(workbook.create_sheet(label("cover")), store, day)
    for name in (view_specs.EXPORTED if view == "all" else (view,)):
        SHEETS[name](workbook.create_sheet(label(name)), store, day)
    for sheet in workbook.worksheets:
        _print_setup(sheet)
    partial = out.with_name(out.name + ".part")
    try:
        workbook.save(partial)
        partial.replace(out)  # the owner never finds half a workbook under the real name
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise EngageError(t("Could not write {file} ({error}). If it is open in Excel, close it there and export "
                            "again.", file=out, error=os_reason(exc))) from exc
    return out


def _header(sheet: Worksheet, row: int, values: list[str]) -> None:
    write_row(sheet, row, values, bold=True)
    for column in range(1, len(values) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(sheet: Worksheet, widths: list[float]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _title(sheet: Worksheet, text: str) -> None:
    write_cell(sheet, 1, 1, text)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)


def _cover(sheet: Worksheet, store: Store, day: dt.date) -> None:
    report = build_report(store, day)
    _title(sheet, report["shop"])
    months = report["monthly"]
    period = (f"{month_text(dt.date.fromisoformat(months[0]['month'] + '-01'))} – "
              f"{month_text(dt.date.fromisoformat(months[-1]['month'] + '-01'))}") if months else "—"
    rows = [(label("shop"), report["shop"]), (label("period"), period), (label("as_of"), day),
            (label("made"), dt.date.today()), ("", ""), (label("definitions"), "")]
    rows += definition_rows(report)
    for r, (term, value) in enumerate(rows, start=3):
        write_cell(sheet, r, 1, term, bold=True)
        write_cell(sheet, r, 2, value)
    _widths(sheet, [24, 90])


def _journey(sheet: Worksheet, store: Store, day: dt.date) -> None:
    _title(sheet, label("journey"))
    steps = journey.journey(store, day).as_dicts()
    notes = journey.notes(store)
    planned = measures.by_step(store)
    columns = ["step", "emotion", "stage", "goal", "rule", "now", "dormant", "step_promoters", "reached", "moved",
               "days", "liking", "touchpoints", "measures", "memo"]
    _header(sheet, 3, [label(c) for c in columns])
    for i, (step, row) in enumerate(zip(journey.STEPS, steps)):
        r = 4 + i
        write_row(sheet, r, [
            step.number, row["emotion"], row["stage"], row["goal"], row["rule"], row["customers"],
            row["dormant"], row["promoters"], row["reached"], row["moved_on"], row["median_days"], row["avg_liking"],
            notes.get((step.number, "touchpoints"), ""), "\n".join(m.name for m in planned.get(step.number, [])),
            notes.get((step.number, "memo"), ""),
        ], [None, None, None, None, None, "#,##0", "#,##0", "#,##0", "#,##0", PERCENT, "0", "0.00"])
    last = 3 + len(steps)
    funnel_row = last + 3
    start, end = journey.funnel_period(day)
    write_cell(sheet, funnel_row, 1, label("funnel"), bold=True)
    write_cell(sheet, funnel_row, 3, label("funnel_period"), bold=True)
    write_cell(sheet, funnel_row, 4, f"{month_text(start)} – {month_text(end)}")
    _header(sheet, funnel_row + 1, [label("stage"), label("count"), label("months_counted"), label("conversion")])
    for i, f in enumerate(journey.funnel(store, day, start, end).as_dicts()):
        months = f"{f['months']} / {f['period_months']}" if f["typed"] else ""
        write_row(sheet, funnel_row + 2 + i, [journey.stage_name(f["stage"]), f["count"], months, f["conversion"]],
                  [None, "#,##0", None, PERCENT])
    _widths(sheet, [7, 22, 20, 16, 30, 12, 12, 12, 12, 12, 12, 12, 28, 28, 28])

    chart = BarChart()
    chart.title = label("journey")
    chart.y_axis.title = label("now")
    chart.add_data(Reference(sheet, min_col=6, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=4, max_row=last))
    line = LineChart()
    line.add_data(Reference(sheet, min_col=12, min_row=3, max_row=last), titles_from_data=True)
    _on_second_axis(line)
    line.y_axis.title = label("liking")
    line.y_axis.scaling.min, line.y_axis.scaling.max = 1, 7
    _straight(line)
    chart += line
    _place(sheet, chart, f"A{funnel_row + 9}", 28, 11)


def _ltv(sheet: Worksheet, store: Store, day: dt.date) -> None:
    _title(sheet, label("ltv"))
    tiers = {x.key: x for x in ltv.tiers(store)}
    dormant_days = int(store.setting("dormant_days"))
    currency = store.setting("currency")
    money = excel_format(currency)
    table = ltv.tier_table(store, day)
    _header(sheet, 3, [label(c) for c in ("tier", "rule", "customers", "revenue", "share", "avg_ltv", "repeat", "since")])
    for i, row in enumerate(table.as_dicts()):
        tier = tiers[row["tier"]]
        write_row(sheet, 4 + i, [tier.name(), tier.rule_text(dormant_days, currency), row["customers"], row["revenue"],
                                 row["share"], row["avg_ltv"], row["repeat_rate"], row["avg_days_since_last"]],
                  [None, None, "#,##0", money, PERCENT, money, PERCENT, "0"])
    start = 4 + len(table.rows) + 2
    deciles = ltv.deciles(store, day)
    _header(sheet, start, [label(c) for c in ("decile", "customers", "revenue", "share", "cumulative")])
    for i, row in enumerate(deciles.as_dicts()):
        write_row(sheet, start + 1 + i, [row["decile"], row["customers"], row["revenue"], row["share"],
                                         row["cumulative_share"]], [None, "#,##0", money, PERCENT, PERCENT])
    last = start + len(deciles.rows)
    write_cell(sheet, last + 2, 1, label("top20"), bold=True)
    write_cell(sheet, last + 2, 3, ltv.top20_share(deciles), PERCENT)
    _widths(sheet, [16, 26, 12, 16, 12, 16, 12, 18])

    chart = BarChart()
    chart.title = label("pareto")
    chart.y_axis.title = label("revenue")
    chart.x_axis.title = label("decile")
    chart.add_data(Reference(sheet, min_col=3, min_row=start, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=start + 1, max_row=last))
    line = LineChart()
    line.add_data(Reference(sheet, min_col=5, min_row=start, max_row=last), titles_from_data=True)
    _on_second_axis(line)
    line.y_axis.title = label("cumulative")
    line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 1
    line.y_axis.number_format = "0%"
    _straight(line)
    chart += line
    _place(sheet, chart, f"A{last + 4}", 24, 12, new_page=True)


TOP_PREDICTED = 100  # the sheet lists the customers most worth keeping; the view's "Export list…" gives them all


def _predicted(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """予測LTV: the verdict, the shop's figures, customers by their chance of buying again (with a chart) and
    the customers with the highest predicted value; when not reliable, the verdict and the simple LTV."""
    _title(sheet, label("predicted"))
    result = predicted.predicted(store, day)
    money = excel_format(store.setting("currency"))
    write_cell(sheet, 2, 1, result.verdict.text())  # the fitted parameters are in `report --json`, not for the owner
    _widths(sheet, [26, 30, 14, 16, 16, 14, 18, 16])
    figures: list[tuple[str, Any, str | None]] = [
        (t("Customers who bought"), result.verdict.customers, "#,##0"),
        (t("Of them, bought more than once"), result.verdict.repeat_buyers, "#,##0")]
    if result.verdict.reliable:
        figures += [(t("Purchases expected in the next 90 days"), result.expected_90, "#,##0"),
                    (t("Purchases expected in the next year"), result.expected_365, "#,##0"),
                    (t("Predicted value of the next year"), result.value_365, money)]
    else:
        shop = ltv.shop_ltv(store, day)
        figures += [(t("Simple LTV (average order value x purchases per year)"), shop["ltv"], money)]
    _header(sheet, 4, [label("figure"), label("value")])
    for i, (term, value, number_format) in enumerate(figures):
        write_row(sheet, 5 + i, [term, value], [None, number_format])
    row = 5 + len(figures) + 1
    if not result.verdict.reliable:
        return
    bands = predicted.by_p_alive(result)
    _header(sheet, row, [label("p_alive"), label("customers"), label("value_365")])
    for i, (low, high, customers, value) in enumerate(bands.rows):
        write_row(sheet, row + 1 + i, [f"{100 * low:.0f}–{100 * high:.0f}%", customers, value], [None, "#,##0", money])
    last = row + len(bands.rows)
    chart = BarChart()
    chart.title = label("bands")
    chart.y_axis.title = label("customers")
    chart.x_axis.title = label("p_alive")
    chart.add_data(Reference(sheet, min_col=2, min_row=row, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=row + 1, max_row=last))
    chart.legend = None
    _place(sheet, chart, f"E{row}", 16, 7.5)
    row = max(last, row + 16) + 2
    columns = ["name", "email", "tier", "p_alive", "expected_365", "next_order", "value_365", "ltv"]
    write_cell(sheet, row, 1, t("The {n} customers with the highest predicted value", n=TOP_PREDICTED), bold=True)
    _header(sheet, row + 1, [label("ltv_now" if c == "ltv" else c) for c in columns])
    names = ltv.tier_names(store)
    for i, customer in enumerate(result.customers.as_dicts()[:TOP_PREDICTED]):
        values = [names.get(customer[c], customer[c]) if c == "tier" else customer[c] for c in columns]
        write_row(sheet, row + 2 + i, values, [None, None, None, PERCENT, "0.00", None, money, money])


def _surveys(sheet: Worksheet, store: Store, day: dt.date) -> None:
    _title(sheet, label("surveys"))
    score = surveys.nps(store, day)
    _header(sheet, 3, [label("nps"), label("responses"), label("detractors"), label("passives"), label("promoters")])
    total = score.responses or 1
    write_row(sheet, 4, [score.score, score.responses, score.detractors, score.passives, score.promoters],
              ["+0.0;-0.0;0.0", "#,##0", "#,##0", "#,##0", "#,##0"])
    write_row(sheet, 5, ["%", None, score.detractors / total, score.passives / total, score.promoters / total],
              [None, None, PERCENT, PERCENT, PERCENT])
    split = BarChart()
    split.type, split.grouping, split.overlap = "bar", "percentStacked", 100
    split.title = label("nps")
    split.add_data(Reference(sheet, min_col=3, max_col=5, min_row=3, max_row=4), titles_from_data=True)
    split.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=4))
    # the survey view's colours: detractors red, passives grey, promoters green (Excel's own were blue and red)
    for series, colour in zip(split.series, NPS_COLOURS):
        series.graphicalProperties.solidFill = colour
    _place(sheet, split, "K3", 16, 5)

    matrix = surveys.fan_matrix(store, day)
    top = 8
    write_cell(sheet, top, 1, label("matrix"), bold=True)
    _header(sheet, top + 1, ["", *[f"{i}. {liking_name(i, one_line=True)}" for i in range(1, len(LIKING_LEVEL_NAMES) + 1)]])
    sheet.row_dimensions[top + 1].height = 48
    for r, counts in enumerate(matrix.counts):
        write_cell(sheet, top + 2 + r, 1, f"{r + 1}. {fan_level_name(r + 1, one_line=True)}", bold=True)
        for c, value in enumerate(counts):
            write_cell(sheet, top + 2 + r, 2 + c, value, "#,##0")
    area = f"B{top + 2}:H{top + 7}"
    sheet.conditional_formatting.add(area, ColorScaleRule(start_type="min", start_color="FFFFFF",
                                                          end_type="max", end_color="1B6E7A"))

    by_month = surveys.nps_by_month(store, day)
    start = top + 10
    _header(sheet, start, [label(c) for c in ("month", "responses", "promoters", "passives", "detractors", "nps",
                                              "margin")])
    for i, row in enumerate(by_month.as_dicts()):
        # too few answers: no NPS (an empty cell: a gap in the chart's line, not a spike), said in its place
        write_row(sheet, start + 1 + i, [row["month"], row["responses"], row["promoters"], row["passives"],
                                         row["detractors"], row["score"] if row["enough"] else None,
                                         row["margin"] if row["enough"] else t("too few answers")],
                  [month_format(), "#,##0", "#,##0", "#,##0", "#,##0", "+0.0;-0.0;0.0", "±0.0"])
    if by_month.rows:
        line = LineChart()
        line.title = label("nps")
        line.add_data(Reference(sheet, min_col=6, min_row=start, max_row=start + len(by_month.rows)), titles_from_data=True)
        line.set_categories(Reference(sheet, min_col=1, min_row=start + 1, max_row=start + len(by_month.rows)))
        line.x_axis.number_format = month_format()
        line.x_axis.tickLblPos = "low"  # month labels under the chart, not on the zero line
        _straight(line)
        for series in line.series:  # a month with enough answers between two without is a point, not a line
            series.marker.symbol, series.marker.size = "circle", 6
        _place(sheet, line, f"J{start}", 20, 9)
    _widths(sheet, [44, *[16] * 7])


def _engagement(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """The engagement zones over the matrix (each cell filled in its zone's colour), the customers per zone,
    whether it shows in what they buy (by NPS group and zone, with the sentences), and a chart of the
    repeat rates side by side."""
    _title(sheet, label("engagement"))
    zone_map = zones.zone_map(store)
    keys = [z.key for z in zone_map.zones]
    matrix = surveys.fan_matrix(store, day)
    write_cell(sheet, 2, 1, t("Each cell: the answers in it, in the colour of its zone."))
    _header(sheet, 3, ["", *[f"{i}. {liking_name(i, one_line=True)}" for i in range(1, len(LIKING_LEVEL_NAMES) + 1)]])
    sheet.row_dimensions[3].height = 48
    for r, counts in enumerate(matrix.counts):
        write_cell(sheet, 4 + r, 1, f"{r + 1}. {fan_level_name(r + 1, one_line=True)}", bold=True)
        for c, value in enumerate(counts):
            write_cell(sheet, 4 + r, 2 + c, value, "#,##0")
            colour = ZONE_FILLS[keys.index(zone_map.cells[r][c]) % len(ZONE_FILLS)]
            sheet.cell(row=4 + r, column=2 + c).fill = PatternFill("solid", fgColor=colour)
    top = 11
    _header(sheet, top, [label("zone"), label("customers"), label("customer_share")])
    for i, row in enumerate(zones.zone_counts(store, day).as_dicts()):
        write_row(sheet, top + 1 + i, [row["name"], row["customers"], row["share"]], [None, "#,##0", PERCENT])
        sheet.cell(row=top + 1 + i, column=1).fill = PatternFill("solid", fgColor=ZONE_FILLS[i % len(ZONE_FILLS)])
    start = top + len(keys) + 3
    groups, by_zone = behaviour.by_nps_group(store, day), behaviour.by_zone(store, day)
    write_cell(sheet, start, 1, behaviour.nps_sentence(groups), bold=True)
    write_cell(sheet, start + 1, 1, behaviour.zone_sentence(by_zone), bold=True)
    columns = ["group", "customers", "buyers", "repeat", "orders_per_year", "avg_ltv", "share"]
    _header(sheet, start + 2, [label(c) for c in columns])
    money = excel_format(store.setting("currency"))
    rows = [*groups.as_dicts(), *by_zone.as_dicts()]
    for i, row in enumerate(rows):
        write_row(sheet, start + 3 + i, [row["name"], row["customers"], row["buyers"], row["repeat_rate"],
                                         row["orders_per_year"], row["avg_ltv"], row["revenue_share"]],
                  [None, "#,##0", "#,##0", PERCENT, "0.00", money, PERCENT])
    last = start + 2 + len(rows)
    chart = BarChart()
    chart.title = label("repeat")
    chart.y_axis.number_format = "0%"
    chart.add_data(Reference(sheet, min_col=4, min_row=start + 2, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=start + 3, max_row=last))
    chart.legend = None
    _place(sheet, chart, f"J{start}", 18, 8)
    _widths(sheet, [44, *[16] * 7])


def _monthly(sheet: Worksheet, store: Store, day: dt.date) -> None:
    _title(sheet, label("monthly"))
    table = monthly.monthly(store, day)
    labels = [label("month"), *[monthly.metric_name(m) for m in monthly.METRICS],
              t("Revenue: change vs previous month")]
    _header(sheet, 3, labels)
    money = excel_format(store.setting("currency"))
    formats = [month_format(), money, "#,##0", "#,##0", "#,##0", "#,##0", money, PERCENT,
               "+0.0;-0.0;0.0", SIGNED_PERCENT]
    for i, row in enumerate(table.as_dicts()):
        write_row(sheet, 4 + i, [row["month"], *[row[m] for m in monthly.METRICS], row["revenue_mom"]], formats)
    last = 3 + len(table.rows)
    run = monthly.streak(table, "revenue", int(store.setting("round_months")))
    text = tn("Revenue up month over month {n} month in a row (longest {longest}); round: {state}",
              "Revenue up month over month {n} months in a row (longest {longest}); round: {state}",
              run.current, longest=run.longest, state=t("reached") if run.round_reached else t("not yet reached"))
    write_cell(sheet, last + 2, 1, label("streak"), bold=True)
    write_cell(sheet, last + 2, 2, text)
    _widths(sheet, [12, 14, 10, 12, 12, 14, 14, 12, 10, 16])

    chart = BarChart()
    chart.title = label("monthly")
    chart.y_axis.title = label("revenue")
    chart.add_data(Reference(sheet, min_col=2, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last))
    chart.x_axis.number_format = month_format()
    line = LineChart()
    line.add_data(Reference(sheet, min_col=10, min_row=3, max_row=last), titles_from_data=True)
    _on_second_axis(line)
    line.y_axis.title = label("mom")
    line.y_axis.number_format = "0%"
    # the window's axis: what most months do (a +930% month from almost nothing flattened every other)
    changes = [None if r["revenue_mom"] is None else 100 * r["revenue_mom"] for r in table.as_dicts()]
    low, high = monthly.change_range(changes)
    low, high = 10 * math.floor(low / 10), 10 * math.ceil(high / 10)  # ticks at whole tens of percent
    line.y_axis.scaling.min, line.y_axis.scaling.max = low / 100, high / 100
    beyond = sum(1 for v in changes if v is not None and not low <= v <= high)
    if beyond:
        write_cell(sheet, last + 3, 2, tn("{n} month changed beyond the chart's scale: its change is in the table.",
                                          "{n} months changed beyond the chart's scale: their changes are in the table.",
                                          beyond))
    _straight(line)
    chart += line
    chart.x_axis.tickLblPos = "low"
    _place(sheet, chart, f"A{last + 4}", 30, 13, new_page=True)


def _movement(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """From-tier x to-tier since the end of the month three months back, and the tiers' sizes then and now;
    then, on a page of its own, the ups and downs and the round target month by month."""
    _title(sheet, label("movement"))
    start = ltv.month_end_before(day, ltv.MOVEMENT_MONTHS)
    tier_list = ltv.tiers(store)
    names = {tier.key: tier.name() for tier in tier_list}
    names[ltv.NEW] = t("Not yet a customer")
    cells = {(r["from_tier"], r["to_tier"]): r for r in ltv.tier_movement(store, start, day).as_dicts()}
    cols = [tier.key for tier in tier_list]
    rows = [ltv.NEW, *cols]
    write_cell(sheet, 2, 1, t("From the tier on {start} (rows) to the tier on {end} (columns): customers",
                              start=date_text(start), end=date_text(day)))
    _header(sheet, 3, ["", *[names[c] for c in cols]])
    for i, source in enumerate(rows):
        write_row(sheet, 4 + i, [names[source], *[cells[(source, c)]["customers"] for c in cols]],
                  [None, *["#,##0"] * len(cols)])
    last = 3 + len(rows)
    # The tiers' sizes at the start and now: what the chart compares.
    sizes = last + 2
    _header(sheet, sizes, [label("tier"), date_text(start), date_text(day)])
    for i, key in enumerate(cols):
        then = sum(cells[(key, c)]["customers"] for c in cols)
        now = sum(cells[(source, key)]["customers"] for source in rows)
        write_row(sheet, sizes + 1 + i, [names[key], then, now], [None, "#,##0", "#,##0"])
    _widths(sheet, [16, *[16] * max(len(cols), 5)])
    chart = BarChart()
    chart.title = label("movement")
    chart.y_axis.title = label("customers")
    chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=sizes, max_row=sizes + len(cols)),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=sizes + 1, max_row=sizes + len(cols)))
    _place(sheet, chart, f"A{sizes + len(cols) + 3}", 20, 9, new_page=True)
    _movement_by_month(sheet, store, day, tier_list, sizes + len(cols) + 23)


def _movement_by_month(sheet: Worksheet, store: Store, day: dt.date, tier_list: list[ltv.Tier], top: int) -> None:
    """Month by month from row ``top``: customers who moved up / down a tier, new ones, and the round
    target (the top two tiers) with its rounds; a chart of the ups and downs and one of the target."""
    sheet.row_breaks.append(Break(id=top - 1))
    history = tier_history.tier_history(store, day, tier_list)
    target = history.round_target(tier_history.default_round_tiers(tier_list), int(store.setting("round_months")))
    in_round = {m for first, last in target.rounds for m in history.months if first <= m <= last}
    group = tier_history.group_name(tier_list, target.tiers)
    write_cell(sheet, top, 1, t("Month by month: customers who moved up or down a tier (in the tiers' order), and "
                                "the customers in {tiers} at each month end", tiers=group), bold=True)
    _header(sheet, top + 1, [label("month"), t("Moved up a tier"), t("Moved down a tier"), t("New customers"),
                             t("Customers in {tiers}", tiers=group), t("Round (months up in a row)")])
    rows = list(zip(history.changes().as_dicts(), target.table.as_dicts()))
    for i, (moved, counted) in enumerate(rows):
        write_row(sheet, top + 2 + i, [moved["month"], moved["up"], moved["down"], moved["new"], counted["customers"],
                                       "●" if moved["month"] in in_round else ""],
                  [month_format(), "#,##0", "#,##0", "#,##0", "#,##0", None])
    last = top + 1 + len(rows)
    run = target.streak
    notes = [tier_history.round_text(group, run.current, run.longest, run.round_months, run.round_reached)]
    if history.running is not None:
        notes.append(t("{month} is still running: counted up to {day}, not in the run.",
                       month=month_text(history.running), day=date_text(day)))
    for i, note in enumerate(notes):
        write_cell(sheet, last + 2 + i, 1, note)
    if not rows:
        return
    moves = BarChart()
    moves.title = t("Moved up and down a tier, by month")
    moves.y_axis.title = label("customers")
    moves.add_data(Reference(sheet, min_col=2, max_col=3, min_row=top + 1, max_row=last), titles_from_data=True)
    moves.set_categories(Reference(sheet, min_col=1, min_row=top + 2, max_row=last))
    moves.x_axis.number_format = month_format()
    for series, colour in zip(moves.series, ("2E7D32", "C62828")):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    _place(sheet, moves, f"H{top + 1}", 22, 9)
    counts = BarChart()
    counts.title = t("Customers in {tiers}", tiers=group)
    counts.y_axis.title = label("customers")
    counts.add_data(Reference(sheet, min_col=5, min_row=top + 1, max_row=last), titles_from_data=True)
    counts.set_categories(Reference(sheet, min_col=1, min_row=top + 2, max_row=last))
    counts.x_axis.number_format = month_format()
    counts.legend = None
    _place(sheet, counts, f"H{top + 21}", 22, 9)


def _rfm(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """The RFM grid (customers per R x F cell, each cell in its segment's colour), the segments with their
    meaning, customers and revenue, a chart of the customers per segment, and the movement between
    segments since the end of the month three months back."""
    _title(sheet, label("rfm"))
    th = rfm.thresholds(store)
    cells = rfm.grid(store, day, th)
    recency, frequency = rfm.recency_ranges(th), rfm.frequency_ranges(th)
    write_cell(sheet, 2, 1, t("Customers by recency (R: days since the last purchase, rows) and frequency (F: "
                              "purchases, columns) on {day}; each cell in its segment's colour", day=date_text(day)))
    _header(sheet, 3, ["", *[f"F{f}: {frequency[f]}" for f in range(1, 6)]])
    by_cell = {(r["r_score"], r["f_score"]): r for r in cells.as_dicts()}
    for i, r in enumerate(rfm.SCORES):
        write_cell(sheet, 4 + i, 1, f"R{r}: {recency[r]}", bold=True)
        for f in range(1, 6):
            cell = by_cell[(r, f)]
            write_cell(sheet, 4 + i, 1 + f, cell["customers"], "#,##0")
            sheet.cell(row=4 + i, column=1 + f).fill = PatternFill("solid", fgColor=rfm.BY_KEY[cell["segment"]].colour)
    top = 4 + len(rfm.SCORES) + 1
    money = excel_format(store.setting("currency"))
    segments = rfm.segment_table(cells)
    _header(sheet, top, [label(c) for c in ("segment", "meaning", "customers", "revenue", "customer_share", "share")])
    for i, row in enumerate(segments.as_dicts()):
        write_row(sheet, top + 1 + i, [row["name"], row["meaning"], row["customers"], row["revenue"],
                                       row["customer_share"], row["revenue_share"]],
                  [None, None, "#,##0", money, PERCENT, PERCENT])
        sheet.cell(row=top + 1 + i, column=1).fill = PatternFill("solid", fgColor=rfm.BY_KEY[row["segment"]].colour)
    last = top + len(segments.rows)
    _widths(sheet, [24, 58, 16, 16, 16, 16])
    chart = BarChart()
    chart.title = t("Customers per segment")
    chart.y_axis.title = label("customers")
    chart.add_data(Reference(sheet, min_col=3, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
    chart.legend = None
    _place(sheet, chart, f"A{last + 2}", 20, 9)
    _rfm_movement(sheet, store, day, th, last + 22)


def _rfm_movement(sheet: Worksheet, store: Store, day: dt.date, th: rfm.Thresholds, top: int) -> None:
    """From-segment (rows) x to-segment (columns) since the end of the month three months back, from row ``top``."""
    sheet.row_breaks.append(Break(id=top - 1))
    start = ltv.month_end_before(day, ltv.MOVEMENT_MONTHS)
    moved = {(r["from_segment"], r["to_segment"]): r["customers"]
             for r in rfm.segment_movement(store, start, day, th).as_dicts()}
    names = {s.key: s.name() for s in rfm.SEGMENTS}
    names[rfm.NOT_YET] = t("Not yet a customer")
    write_cell(sheet, top, 1, t("From the segment on {start} (rows) to the segment on {end} (columns): customers",
                                start=date_text(start), end=date_text(day)), bold=True)
    _header(sheet, top + 1, ["", *[names[s.key] for s in rfm.SEGMENTS]])
    sheet.row_dimensions[top + 1].height = 32
    for i, source in enumerate([rfm.NOT_YET, *(s.key for s in rfm.SEGMENTS)]):
        write_row(sheet, top + 2 + i, [names[source], *[moved[(source, s.key)] for s in rfm.SEGMENTS]],
                  [None, *["#,##0"] * len(rfm.SEGMENTS)])


def _cohorts(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """The 100-day plan: per month of first purchase, the share who reached steps 3-5 within 30/60/100 days."""
    _title(sheet, label("cohorts"))
    cells = {(r["cohort"], r["step"], r["days"]): r for r in journey.cohort_100d(store, day).as_dicts()}
    cohorts = sorted({c for c, _, _ in cells})
    pairs = [(step, days) for step in journey.COHORT_STEPS for days in journey.COHORT_DAYS]
    write_cell(sheet, 2, 1, t("Customers who reached a step within so many days of their first purchase, by the "
                              "month of that purchase (only those who have had the days)"))
    _header(sheet, 3, [label("month"), *[t("Step {step}, within {days} days", step=s, days=d) for s, d in pairs]])
    for i, cohort in enumerate(cohorts):
        write_row(sheet, 4 + i, [cohort, *[cells[(cohort, s, d)]["share"] for s, d in pairs]],
                  [month_format(), *[PERCENT] * len(pairs)])
    last = 3 + len(cohorts)
    _widths(sheet, [12, *[13] * len(pairs)])
    chart = LineChart()
    chart.title = label("cohorts")
    chart.y_axis.number_format = "0%"
    for step in journey.COHORT_STEPS:  # each step within 100 days: the plan's promise, cohort by cohort
        column = 2 + pairs.index((step, journey.COHORT_DAYS[-1]))
        chart.add_data(Reference(sheet, min_col=column, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last))
    chart.x_axis.number_format = month_format()
    chart.x_axis.tickLblPos = "low"
    _straight(chart)
    _place(sheet, chart, f"A{last + 3}", 24, 10, new_page=True)


def _measures(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """The measures log with each measure's effect (metrics/effect.py): the figures, the verdict in words, and
    a chart of the changes side by side (targeted, a year earlier, everyone else)."""
    _title(sheet, label("measures"))
    names = ltv.tier_names(store)
    # Measures whose changes are ratios first: the chart (in %) covers them; a score or a share changes by
    # points, which a % axis would read a hundred times too large (they stay in the table).
    effects = sorted((effect.effect(store, day, m) for m in measures.measures(store)), key=lambda e: e.in_points)
    write_cell(sheet, 2, 1, t("Before: as many full months before the start as there are full months after it "
                              "(at most {n}). A year earlier: the same months one year back.", n=effect.EFFECT_MONTHS))
    columns = ["measure", "targets", "metric", "started", "ended", "before", "after", "change", "year_change",
               "rest_change", "usual_change", "targeted", "verdict", "compared", "note"]
    _header(sheet, 3, [label(c) for c in columns])
    money = excel_format(store.setting("currency"))
    value_formats = {"revenue": money, "aov": money, "repeat_rate": PERCENT, "nps": "0.0"}
    for i, e in enumerate(effects):
        m = e.measure
        value = value_formats.get(m.metric or "", "#,##0.0")
        change = '+0.0" pt";-0.0" pt";0.0" pt"' if e.in_points else SIGNED_PERCENT  # a score or a share: points
        write_row(sheet, 4 + i, [
            m.name, m.target_text(names), monthly.metric_name(m.metric) if m.metric else "—", m.started_on, m.ended_on,
            e.value_before, e.value_after, e.change, e.year_change, e.rest_change, e.usual_change, e.customers,
            effect.verdict_text(e), _months_compared(e), m.note],
            [None, None, None, "yyyy-mm-dd", "yyyy-mm-dd", value, value, *[change] * 3, change.replace("+", ""), "#,##0",
             None, None, None])
    last = 3 + len(effects)
    verdict_width = 56
    for row in range(4, last + 1):  # the verdict is a sentence or three: wrapped, its row as tall as it needs
        for column in range(1, len(columns) + 1):
            sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=column == 13, vertical="top")
        # Neither openpyxl nor LibreOffice sizes a row to wrapped text: a CJK character takes two widths, and
        # wrapping at word ends fills a line to about three quarters.
        width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(sheet.cell(row=row, column=13).value or ""))
        sheet.row_dimensions[row].height = 15 * max(1, -(-width * 4 // (3 * (verdict_width - 2))))
    _widths(sheet, [28, 18, 14, 11, 11, 13, 13, 9, 11, 11, 11, 9, verdict_width, 30, 30])
    if not effects:
        write_cell(sheet, 4, 1, t("No measures yet."))
        return
    charted = sum(not e.in_points for e in effects)
    if charted < len(effects):  # one axis of percentages: a change in points would read as one
        write_cell(sheet, last + 2, 1, tn(
            "{n} measure's metric changes by points (NPS, a share): it is in the table, not in the chart of changes "
            "in %.", "{n} measures' metrics change by points (NPS, a share): they are in the table, not in the chart "
            "of changes in %.", len(effects) - charted))
    if not charted:
        return
    chart = BarChart()
    chart.title = label("measures")
    chart.y_axis.title = label("change")
    chart.y_axis.number_format = "0%"
    for column in (8, 9, 10):  # change, a year earlier, everyone else
        chart.add_data(Reference(sheet, min_col=column, min_row=3, max_row=3 + charted), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=3 + charted))
    chart.x_axis.tickLblPos = "low"
    _place(sheet, chart, f"A{last + 3}", 24, 10, new_page=True)


def _actions(sheet: Worksheet, store: Store, day: dt.date) -> None:
    """The action lists: how many customers each holds and where they buy (a chart of the counts), then
    each list's customers with the reason they are on it, the most urgent first."""
    _title(sheet, label("actions"))
    lists = list(actions.action_lists(store, day, actions.chances(store, day), ACTION_ROWS).values())
    write_cell(sheet, 2, 1, label("orders_where"))
    _header(sheet, 3, [label("list"), label("customers"), *[channels.kind_name(kind) for kind in channels.KINDS]])
    for i, chosen in enumerate(lists):
        total = sum(chosen.mix.values())
        write_row(sheet, 4 + i, [chosen.name(), chosen.total,
                                 *[chosen.mix[kind] / total if total else None for kind in channels.KINDS]],
                  [None, "#,##0", *[PERCENT] * len(channels.KINDS)])
    last = 3 + len(lists)
    chart = BarChart()
    chart.type = "bar"
    chart.title = label("actions")
    chart.add_data(Reference(sheet, min_col=2, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last))
    chart.legend = None
    _place(sheet, chart, f"A{last + 2}", 20, 7)
    money = excel_format(store.setting("currency"))
    names = ltv.tier_names(store)
    columns = ["name", "email", "reason", "orders", "revenue", "ltv", "ltv_profit", "tier", "last_order"]
    row = last + 18
    for chosen in lists:
        shown = [c for c in columns if c in chosen.table.columns]
        write_cell(sheet, row, 1, chosen.name(), bold=True)
        write_cell(sheet, row + 1, 1, actions.list_why(chosen.key))
        # "ltv" is also the LTV view's key (label() gives view titles first): the column is 年間LTV
        _header(sheet, row + 2, [label("ltv_now" if c == "ltv" else c) for c in shown])
        row += 3
        for customer in chosen.table.as_dicts():
            write_row(sheet, row, [names.get(customer[c], "") if c == "tier" else customer[c] for c in shown],
                      [money if c in ("revenue", "ltv", "ltv_profit") else "#,##0" if c == "orders" else
                       "yyyy-mm-dd" if c == "last_order" else None for c in shown])
            row += 1
        if chosen.total > ACTION_ROWS:
            write_cell(sheet, row, 1, t("… {n} more: export the whole list from the view.", n=chosen.total - ACTION_ROWS))
            row += 1
        row += 1
    _widths(sheet, [30, 28, 60, 14, 14, 14, 14, 12, 12])


def _months_compared(e: effect.Effect) -> str:
    """The months before and after a measure's start that its figures compare ("" when none yet)."""
    if not (e.before and e.after):
        return ""
    return " → ".join(month_text(first) if first == last else f"{month_text(first)}–{month_text(last)}"
                      for first, last in (e.before, e.after))


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, one page wide: what the owner gets when they press Print."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _on_second_axis(line: LineChart) -> None:
    """A line drawn over bars on a value axis of its own, on the right. Its categories go on a hidden axis
    of their own too: sharing the bars' one, LibreOffice drew that axis again above the chart, with its
    title (the Pareto chart said デシル twice)."""
    line.y_axis.axId, line.y_axis.crosses = 200, "max"
    line.x_axis.axId, line.y_axis.crossAx, line.x_axis.crossAx = 500, 500, 200
    line.x_axis.delete = True


def _straight(chart: LineChart) -> None:
    """Straight segments: a smoothed line invents values between months."""
    for series in chart.series:
        series.smooth = False


def _place(sheet: Worksheet, chart: Any, anchor: str, width: float, height: float, new_page: bool = False) -> None:
    chart.width, chart.height = width, height
    sheet.add_chart(chart, anchor)
    if new_page:  # print the chart on a page of its own rather than cut in two
        sheet.row_breaks.append(Break(id=int("".join(ch for ch in anchor if ch.isdigit())) - 1))


SHEETS = {"actions": _actions, "rfm": _rfm, "journey": _journey, "ltv": _ltv, "predicted": _predicted, "surveys": _surveys,
          "comments": comments_sheet, "engagement": _engagement, "monthly": _monthly, "movement": _movement,
          "cohorts": _cohorts, "measures": _measures}
