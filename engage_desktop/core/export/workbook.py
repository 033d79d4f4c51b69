"""Excel workbooks with native, editable charts (openpyxl): one sheet per view, or the full report.

Each sheet holds the data as a formatted table (headers in the UI language,
¥ formats, real Excel dates) and a chart drawn by Excel from those cells, so
the owner can restyle, edit and print it. Text from outside never becomes a
formula (see safe.py / xlsx_cells.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.pagebreak import Break
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engage_desktop.core.errors import EngageError
from engage_desktop.core.export.xlsx_cells import MONTH_EN, MONTH_JA, PERCENT, write_cell, write_row
from engage_desktop.core.money import excel_format
from engage_desktop.core.targets import check_target
from engage_desktop.core.questions import FAN_LEVELS, FAN_LEVELS_EN, LIKING_LEVELS, LIKING_LEVELS_EN
from engage_desktop.core.metrics import journey, ltv, monthly, surveys
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core import views as view_specs
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.store import Store

HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")

L: dict[str, tuple[str, str]] = {
    "cover": ("表紙", "Cover"),
    "shop": ("ショップ", "Shop"), "period": ("データ期間", "Data period"), "as_of": ("基準日", "As of"),
    "made": ("作成日", "Made on"), "definitions": ("定義", "Definitions"),
    "step": ("ステップ", "Step"), "emotion": ("感情の変化", "Emotion"), "stage": ("ステージ", "Stage"),
    "goal": ("項目", "Goal"), "rule": ("条件", "Rule"), "now": ("今いる人数", "Customers now"),
    "reached": ("到達した人数", "Reached"), "moved": ("次へ進んだ割合", "Moved on"),
    "days": ("到達日数 (中央値)", "Median days to reach"), "liking": ("好き度の平均 (1-7)", "Avg. liking (1-7)"),
    "touchpoints": ("顧客接点", "Touchpoints"), "measures": ("施策", "Measures"), "memo": ("メモ", "Memo"),
    "funnel": ("ファネル", "Funnel"), "count": ("人数", "Count"),
    "tier": ("LTV層", "Tier"), "customers": ("顧客数", "Customers"), "revenue": ("売上", "Revenue"),
    "share": ("売上構成比", "Share"), "avg_ltv": ("平均LTV (年)", "Avg. LTV / year"),
    "repeat": ("リピート率", "Repeat rate"), "since": ("最終購入からの日数", "Days since last order"),
    "decile": ("デシル", "Decile"), "cumulative": ("累積構成比", "Cumulative share"),
    "top20": ("上位20%の顧客の売上構成比", "Revenue share of the top 20% of customers"),
    "nps": ("NPS", "NPS"), "responses": ("回答数", "Answers"), "promoters": ("推奨者 (9-10)", "Promoters (9-10)"),
    "passives": ("中立者 (7-8)", "Passives (7-8)"), "detractors": ("批判者 (0-6)", "Detractors (0-6)"),
    "month": ("月", "Month"), "matrix": ("ファン度 × 好き度", "Fan degree × liking"),
    "mom": ("前月比", "Change vs previous month"), "streak": ("連続改善", "Improving run"),
    "pareto": ("パレート図 (デシル別売上と累積構成比)", "Pareto: revenue by decile and cumulative share"),
}


def t(key: str, lang: str) -> str:
    if key in view_specs.BY_KEY:
        return view_specs.BY_KEY[key].title(lang)
    ja, en = L[key]
    return ja if lang == "ja" else en


def export_workbook(store: Store, out: str | Path, view: str = "all", as_of: str | dt.date | None = None,
                    lang: str = "ja") -> Path:
    """Write the workbook for one view, or the full report (cover + every view)."""
    if view != "all" and view not in view_specs.EXPORTED:
        raise EngageError(f"Unknown view {view!r}: use all, {', '.join(view_specs.EXPORTED)}.")
    out = check_target(out, store.path)
    day = resolve_as_of(store, as_of)
    workbook = Workbook()
    workbook.remove(workbook.active)
    if view == "all":
        _cover(workbook.create_sheet(t("cover", lang)), store, day, lang)
    for name in (view_specs.EXPORTED if view == "all" else (view,)):
        SHEETS[name](workbook.create_sheet(t(name, lang)), store, day, lang)
    for sheet in workbook.worksheets:
        _print_setup(sheet)
    partial = out.with_name(out.name + ".part")
    try:
        workbook.save(partial)
        partial.replace(out)  # the owner never finds half a workbook under the real name
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise EngageError(f"Could not write {out}: {exc.strerror}. Is it open in Excel?") from exc
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


def _cover(sheet: Worksheet, store: Store, day: dt.date, lang: str) -> None:
    report = build_report(store, day)
    _title(sheet, report["shop"])
    months = report["monthly"]
    period = f"{months[0]['month']} – {months[-1]['month']}" if months else "—"
    rows = [(t("shop", lang), report["shop"]), (t("period", lang), period), (t("as_of", lang), day),
            (t("made", lang), dt.date.today()), ("", ""), (t("definitions", lang), "")]
    rows += [(k, str(v)) for k, v in report["definitions"].items()]
    for r, (label, value) in enumerate(rows, start=3):
        write_cell(sheet, r, 1, label, bold=True)
        write_cell(sheet, r, 2, value)
    _widths(sheet, [24, 90])


def _journey(sheet: Worksheet, store: Store, day: dt.date, lang: str) -> None:
    _title(sheet, t("journey", lang))
    steps = journey.journey(store, day).as_dicts()
    notes = journey.notes(store)
    columns = ["step", "emotion", "stage", "goal", "rule", "now", "reached", "moved", "days", "liking",
               "touchpoints", "measures", "memo"]
    _header(sheet, 3, [t(c, lang) for c in columns])
    ja = lang == "ja"
    for i, (step, row) in enumerate(zip(journey.STEPS, steps)):
        r = 4 + i
        write_row(sheet, r, [
            step.number, step.emotion if ja else step.emotion_en, step.stage if ja else step.stage_en,
            step.goal if ja else step.goal_en, row["rule_ja"] if ja else row["rule_en"], row["customers"],
            row["reached"], row["moved_on"], row["median_days"], row["avg_liking"],
            *[notes.get((step.number, f), "") for f in journey.NOTE_FIELDS],
        ], [None, None, None, None, None, "#,##0", "#,##0", PERCENT, "0", "0.00"])
    last = 3 + len(steps)
    funnel_row = last + 3
    write_cell(sheet, funnel_row, 1, t("funnel", lang), bold=True)
    _header(sheet, funnel_row + 1, [t("stage", lang), t("count", lang)])
    for i, f in enumerate(journey.funnel(store, day).as_dicts()):
        write_row(sheet, funnel_row + 2 + i, [f["stage"], f["count"]], [None, "#,##0"])
    _widths(sheet, [7, 22, 20, 16, 30, 12, 12, 12, 12, 12, 28, 28, 28])

    chart = BarChart()
    chart.title = t("journey", lang)
    chart.y_axis.title = t("now", lang)
    chart.add_data(Reference(sheet, min_col=6, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=4, max_row=last))
    line = LineChart()
    line.add_data(Reference(sheet, min_col=10, min_row=3, max_row=last), titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.title = t("liking", lang)
    line.y_axis.crosses = "max"
    line.y_axis.scaling.min, line.y_axis.scaling.max = 1, 7
    _straight(line)
    chart += line
    _place(sheet, chart, f"A{funnel_row + 9}", 28, 11)


def _ltv(sheet: Worksheet, store: Store, day: dt.date, lang: str) -> None:
    _title(sheet, t("ltv", lang))
    tiers = {x.key: x for x in ltv.tiers(store)}
    dormant_days = int(store.setting("dormant_days"))
    currency = store.setting("currency")
    money = excel_format(currency)
    table = ltv.tier_table(store, day)
    _header(sheet, 3, [t(c, lang) for c in ("tier", "rule", "customers", "revenue", "share", "avg_ltv", "repeat", "since")])
    for i, row in enumerate(table.as_dicts()):
        tier = tiers[row["tier"]]
        write_row(sheet, 4 + i, [tier.name(lang), tier.rule_text(lang, dormant_days, currency), row["customers"], row["revenue"],
                                 row["share"], row["avg_ltv"], row["repeat_rate"], row["avg_days_since_last"]],
                  [None, None, "#,##0", money, PERCENT, money, PERCENT, "0"])
    start = 4 + len(table.rows) + 2
    deciles = ltv.deciles(store, day)
    _header(sheet, start, [t(c, lang) for c in ("decile", "customers", "revenue", "share", "cumulative")])
    for i, row in enumerate(deciles.as_dicts()):
        write_row(sheet, start + 1 + i, [row["decile"], row["customers"], row["revenue"], row["share"],
                                         row["cumulative_share"]], [None, "#,##0", money, PERCENT, PERCENT])
    last = start + len(deciles.rows)
    write_cell(sheet, last + 2, 1, t("top20", lang), bold=True)
    write_cell(sheet, last + 2, 3, ltv.top20_share(deciles), PERCENT)
    _widths(sheet, [16, 26, 12, 16, 12, 16, 12, 18])

    chart = BarChart()
    chart.title = t("pareto", lang)
    chart.y_axis.title = t("revenue", lang)
    chart.x_axis.title = t("decile", lang)
    chart.add_data(Reference(sheet, min_col=3, min_row=start, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=start + 1, max_row=last))
    line = LineChart()
    line.add_data(Reference(sheet, min_col=5, min_row=start, max_row=last), titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.title = t("cumulative", lang)
    line.y_axis.crosses = "max"
    line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 1
    line.y_axis.number_format = "0%"
    _straight(line)
    chart += line
    _place(sheet, chart, f"A{last + 4}", 24, 12, new_page=True)


def _surveys(sheet: Worksheet, store: Store, day: dt.date, lang: str) -> None:
    _title(sheet, t("surveys", lang))
    score = surveys.nps(store, day)
    _header(sheet, 3, [t("nps", lang), t("responses", lang), t("detractors", lang), t("passives", lang),
                       t("promoters", lang)])
    total = score.responses or 1
    write_row(sheet, 4, [score.score, score.responses, score.detractors, score.passives, score.promoters],
              ["+0.0;-0.0;0.0", "#,##0", "#,##0", "#,##0", "#,##0"])
    write_row(sheet, 5, ["%", None, score.detractors / total, score.passives / total, score.promoters / total],
              [None, None, PERCENT, PERCENT, PERCENT])
    split = BarChart()
    split.type, split.grouping, split.overlap = "bar", "percentStacked", 100
    split.title = t("nps", lang)
    split.add_data(Reference(sheet, min_col=3, max_col=5, min_row=3, max_row=4), titles_from_data=True)
    split.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=4))
    _place(sheet, split, "K3", 16, 5)

    fans = FAN_LEVELS if lang == "ja" else FAN_LEVELS_EN
    likes = LIKING_LEVELS if lang == "ja" else LIKING_LEVELS_EN
    matrix = surveys.fan_matrix(store, day)
    top = 8
    write_cell(sheet, top, 1, t("matrix", lang), bold=True)
    _header(sheet, top + 1, ["", *[f"{i}. {text}" for i, text in enumerate(likes, start=1)]])
    sheet.row_dimensions[top + 1].height = 48
    for r, (label, counts) in enumerate(zip(fans, matrix.counts)):
        write_cell(sheet, top + 2 + r, 1, f"{r + 1}. {label}", bold=True)
        for c, value in enumerate(counts):
            write_cell(sheet, top + 2 + r, 2 + c, value, "#,##0")
    area = f"B{top + 2}:H{top + 7}"
    sheet.conditional_formatting.add(area, ColorScaleRule(start_type="min", start_color="FFFFFF",
                                                          end_type="max", end_color="1B6E7A"))

    by_month = surveys.nps_by_month(store, day)
    start = top + 10
    _header(sheet, start, [t(c, lang) for c in ("month", "responses", "promoters", "passives", "detractors", "nps")])
    for i, row in enumerate(by_month.as_dicts()):
        write_row(sheet, start + 1 + i, [row["month"], row["responses"], row["promoters"], row["passives"],
                                         row["detractors"], row["score"]],
                  [MONTH_JA if lang == "ja" else MONTH_EN, "#,##0", "#,##0", "#,##0", "#,##0", "+0.0;-0.0;0.0"])
    if by_month.rows:
        line = LineChart()
        line.title = t("nps", lang)
        line.add_data(Reference(sheet, min_col=6, min_row=start, max_row=start + len(by_month.rows)), titles_from_data=True)
        line.set_categories(Reference(sheet, min_col=1, min_row=start + 1, max_row=start + len(by_month.rows)))
        line.x_axis.number_format = MONTH_JA if lang == "ja" else MONTH_EN
        line.x_axis.tickLblPos = "low"  # month labels under the chart, not on the zero line
        _straight(line)
        _place(sheet, line, f"J{start}", 20, 9)
    _widths(sheet, [44, *[16] * 7])


def _monthly(sheet: Worksheet, store: Store, day: dt.date, lang: str) -> None:
    _title(sheet, t("monthly", lang))
    table = monthly.monthly(store, day)
    labels = [t("month", lang)] + [(monthly.METRIC_LABELS[m][0] if lang == "ja" else monthly.METRIC_LABELS[m][1])
                                  for m in monthly.METRICS] + [t("revenue", lang) + " " + t("mom", lang)]
    _header(sheet, 3, labels)
    money = excel_format(store.setting("currency"))
    formats = [MONTH_JA if lang == "ja" else MONTH_EN, money, "#,##0", "#,##0", "#,##0", "#,##0", money, PERCENT,
               "+0.0;-0.0;0.0", "+0.0%;-0.0%;0.0%"]
    for i, row in enumerate(table.as_dicts()):
        write_row(sheet, 4 + i, [row["month"], *[row[m] for m in monthly.METRICS], row["revenue_mom"]], formats)
    last = 3 + len(table.rows)
    run = monthly.streak(table, "revenue", int(store.setting("round_months")))
    text = (f"{run.current}か月連続で前月比アップ（最長{run.longest}か月、ワンクール{'達成' if run.round_reached else '未達'}）"
            if lang == "ja" else
            f"Revenue up month over month {run.current} month(s) in a row (longest {run.longest}; "
            f"round {'reached' if run.round_reached else 'not reached'})")
    write_cell(sheet, last + 2, 1, t("streak", lang), bold=True)
    write_cell(sheet, last + 2, 2, text)
    _widths(sheet, [12, 14, 10, 12, 12, 14, 14, 12, 10, 16])

    chart = BarChart()
    chart.title = t("monthly", lang)
    chart.y_axis.title = t("revenue", lang)
    chart.add_data(Reference(sheet, min_col=2, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last))
    chart.x_axis.number_format = MONTH_JA if lang == "ja" else MONTH_EN
    line = LineChart()
    line.add_data(Reference(sheet, min_col=10, min_row=3, max_row=last), titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.title = t("mom", lang)
    line.y_axis.crosses = "max"
    line.y_axis.number_format = "0%"
    _straight(line)
    chart += line
    chart.x_axis.tickLblPos = "low"
    _place(sheet, chart, f"A{last + 4}", 30, 13, new_page=True)


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, one page wide: what the owner gets when they press Print."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _straight(chart: LineChart) -> None:
    """Straight segments: a smoothed line invents values between months."""
    for series in chart.series:
        series.smooth = False


def _place(sheet: Worksheet, chart: Any, anchor: str, width: float, height: float, new_page: bool = False) -> None:
    chart.width, chart.height = width, height
    sheet.add_chart(chart, anchor)
    if new_page:  # print the chart on a page of its own rather than cut in two
        sheet.row_breaks.append(Break(id=int("".join(ch for ch in anchor if ch.isdigit())) - 1))


SHEETS = {"journey": _journey, "ltv": _ltv, "surveys": _surveys, "monthly": _monthly}
