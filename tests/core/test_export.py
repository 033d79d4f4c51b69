"""Excel export: data matches the analytics core, charts are native and point at the data, nothing becomes a formula."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.export.lists import write_list
from engage_desktop.core.export.safe import FORMULA_STARTS
from engage_desktop.core.export.workbook import export_workbook
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import journey, ltv, measures, monthly, surveys
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.table import Table
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import write_csv

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+81-3-1234", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR",
           "=1+1"]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("export")
    store = Store(folder / "shop.duckdb")
    rows = [["注文番号", "注文日時", "メールアドレス", "お名前", "商品名", "金額"]]
    for i in range(120):
        name = HOSTILE[i % len(HOSTILE)] if i % 10 == 0 else f"客{i % 40}"
        rows.append([f"X{i}", f"2025/{1 + i % 12}/{1 + i % 27} 10:00", f"c{i % 40}@x.jp", name,
                     HOSTILE[i % len(HOSTILE)] if i % 7 == 0 else "石鹸", str(1000 + 37 * i)])
    assert import_file(store, write_csv(folder / "o.csv", rows, encoding="cp932")).status == "imported"
    assert import_file(store, exports.google_forms(folder)).status == "imported"
    journey.set_note(store, 2, "memo", "=HYPERLINK(\"http://evil.example\")")
    measures.add(store, measures.Measure("=1+1 夏のセール", dt.date(2025, 7, 1), metric="revenue"))
    measures.add(store, measures.Measure("2回目クーポン", dt.date(2025, 9, 1), "step", "2", "orders"))
    yield store
    store.close()


def workbook_for(shop: Store, tmp_path: Path, **kw: str) -> tuple[Path, openpyxl.Workbook]:
    path = export_workbook(shop, tmp_path / "report.xlsx", **{"lang": "ja", **kw})  # the owner's language
    return path, openpyxl.load_workbook(path)


def charts(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list:
    return list(sheet._charts)  # openpyxl reads charts back into _charts


def ref(series: object) -> str:
    return series.val.numRef.f  # type: ignore[attr-defined]


def test_full_report_has_a_cover_and_a_sheet_per_view(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="all", lang="ja")
    assert book.sheetnames == ["表紙", "次に連絡する顧客", "RFM分析", "カスタマージャーニー", "LTV層別", "予測LTV", "アンケート",
                               "お客様の声", "エンゲージメント", "前月比", "LTV層の移動", "100日プラン",
                               "施策"]
    cover = {row[0].value: row[1].value for row in book["表紙"].iter_rows(min_row=3, max_col=2) if row[0].value}
    assert cover["基準日"].date() == resolve_as_of(shop, None)
    _, english = workbook_for(shop, tmp_path, view="all", lang="en")
    assert english.sheetnames == ["Cover", "Whom to contact", "RFM", "Customer journey", "LTV tiers", "Predicted value",
                                  "Surveys", "Comments", "Engagement zones", "Month over month", "Tier movement",
                                  "100-day plan", "Measures"]


def test_ltv_sheet_matches_core_and_its_pareto_chart_points_at_it(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="ltv")
    sheet = book["LTV層別"]
    day = resolve_as_of(shop, None)
    tiers = ltv.tier_table(shop, day).as_dicts()
    assert [sheet.cell(row=4 + i, column=3).value for i in range(len(tiers))] == [r["customers"] for r in tiers]
    assert [sheet.cell(row=4 + i, column=4).value for i in range(len(tiers))] == [float(r["revenue"]) for r in tiers]
    assert sheet.cell(row=4, column=4).number_format.startswith('"¥"')
    deciles = ltv.deciles(shop, day)
    start = 4 + len(tiers) + 2
    assert [sheet.cell(row=start + 1 + i, column=3).value for i in range(10)] == [float(v) for v in deciles.column("revenue")]
    (chart,) = charts(sheet)
    bar, line = chart._charts
    assert (type(bar).__name__, type(line).__name__) == ("BarChart", "LineChart")
    assert ref(bar.series[0]) == f"'LTV層別'!$C${start + 1}:$C${start + 10}"
    assert ref(line.series[0]) == f"'LTV層別'!$E${start + 1}:$E${start + 10}"
    assert line.y_axis.axId == 200  # cumulative share on the second axis


def test_monthly_sheet_has_real_dates_and_a_bar_plus_mom_line(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="monthly")
    sheet = book["前月比"]
    table = monthly.monthly(shop, resolve_as_of(shop, None))
    n = len(table.rows)
    assert [sheet.cell(row=4 + i, column=1).value.date() for i in range(n)] == table.column("month")
    assert sheet.cell(row=4, column=1).number_format == 'yyyy"年"m"月"'
    assert [sheet.cell(row=4 + i, column=2).value for i in range(n)] == [float(v) for v in table.column("revenue")]
    (chart,) = charts(sheet)
    bar, line = chart._charts
    assert ref(bar.series[0]) == f"'前月比'!$B$4:$B${3 + n}"
    assert ref(line.series[0]) == f"'前月比'!$J$4:$J${3 + n}"
    assert line.y_axis.axId == 200
    # the change axis is what most months do, as the window's; months beyond it are said
    changes = [None if v is None else 100 * v for v in table.column("revenue_mom")]
    low, high = monthly.change_range(changes)
    low, high = 10 * math.floor(low / 10), 10 * math.ceil(high / 10)
    assert (line.y_axis.scaling.min, line.y_axis.scaling.max) == pytest.approx((low / 100, high / 100))
    beyond = sum(1 for v in changes if v is not None and not low <= v <= high)
    said = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "目盛りを超えて" in c.value]
    assert said == ([f"{beyond}か月はグラフの目盛りを超えて変化したため、その変化は表でご覧ください。"] if beyond else [])


def test_survey_sheet_nps_split_and_heat_map(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="surveys")
    sheet = book["アンケート"]
    day = resolve_as_of(shop, None)
    score = surveys.nps(shop, day)
    assert [sheet.cell(row=4, column=c).value for c in range(1, 6)] == [
        score.score, score.responses, score.detractors, score.passives, score.promoters]
    matrix = surveys.fan_matrix(shop, day)
    assert [[sheet.cell(row=10 + r, column=2 + c).value for c in range(7)] for r in range(6)] == matrix.counts
    assert sheet.cell(row=10, column=1).value == "1. ファンではない"
    rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert [rule.type for rule in rules] == ["colorScale"]
    assert str(next(iter(sheet.conditional_formatting)).sqref) == "B10:H15"
    split = next(c for c in charts(sheet) if type(c).__name__ == "BarChart")
    assert split.grouping == "percentStacked" and split.type == "bar"
    assert [ref(s) for s in split.series] == ["'アンケート'!$C$4", "'アンケート'!$D$4", "'アンケート'!$E$4"]


def test_journey_sheet_matches_core(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="journey")
    sheet = book["カスタマージャーニー"]
    steps = journey.journey(shop, resolve_as_of(shop, None)).as_dicts()
    assert [sheet.cell(row=4 + i, column=6).value for i in range(8)] == [r["customers"] for r in steps]
    assert sheet.cell(row=4, column=2).value == "本当かな?"
    (chart,) = charts(sheet)
    assert ref(chart._charts[0].series[0]) == "'カスタマージャーニー'!$F$4:$F$11"
    assert ref(chart._charts[1].series[0]) == "'カスタマージャーニー'!$L$4:$L$11"
    assert [sheet.cell(row=4 + i, column=7).value for i in range(8)] == [r["dormant"] for r in steps]
    assert [sheet.cell(row=4 + i, column=8).value for i in range(8)] == [r["promoters"] for r in steps]
    funnel = journey.funnel(shop, resolve_as_of(shop, None)).as_dicts()
    found = [r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "購入"]
    assert found and [sheet.cell(row=found[0], column=c).value for c in (2, 4)] == [
        funnel[3]["count"], funnel[3]["conversion"]]


def formulas_in(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [f"{name}: {m}" for name in archive.namelist() if name.startswith("xl/worksheets/")
                for m in re.findall(r"<f[ >].*?</f>|<f/>", archive.read(name).decode("utf-8"))]


def test_no_customer_text_becomes_a_formula_in_the_workbook(shop: Store, tmp_path: Path) -> None:
    path, book = workbook_for(shop, tmp_path, view="all")
    assert formulas_in(path) == []
    memo = book["カスタマージャーニー"].cell(row=5, column=15)
    assert memo.value.startswith("=HYPERLINK") and memo.data_type == "s"


def test_customer_lists_keep_hostile_text_inert(shop: Store, tmp_path: Path) -> None:
    table = ltv.customer_list(shop, resolve_as_of(shop, None))
    assert any(str(name).startswith(tuple(FORMULA_STARTS)) for name in table.column("name"))
    xlsx = write_list(table, tmp_path / "list.xlsx")
    assert formulas_in(xlsx) == []
    for encoding in ("utf-8-sig", "cp932"):
        out = write_list(table, tmp_path / f"list-{encoding}.csv", encoding=encoding)
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
        with out.open(encoding=encoding, newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(FORMULA_STARTS) or cell[1:].replace(".", "").isdigit(), cell


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=8))
def test_property_no_text_ever_becomes_a_formula(texts: list[str]) -> None:
    import tempfile

    texts = [t for t in texts if "\x00" not in t] or ["="]
    table = Table(["name", "amount"], [(t, Decimal("-5")) for t in texts])
    with tempfile.TemporaryDirectory() as folder:
        xlsx = write_list(table, Path(folder) / "l.xlsx")
        assert formulas_in(xlsx) == []
        book = openpyxl.load_workbook(xlsx)
        assert all(cell.data_type != "f" for row in book.active.iter_rows() for cell in row)
        out = write_list(table, Path(folder) / "l.csv")
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        for (name, amount), text in zip(rows, texts):
            assert not name.startswith(FORMULA_STARTS)
            assert name == ("'" + text if text.startswith(FORMULA_STARTS) else text)
            assert amount == "-5"  # numbers stay numbers


def test_cli_export(shop: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shop.con.execute("CHECKPOINT")
    shutil.copy(shop.path, copy)
    out = tmp_path / "ltv.xlsx"
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "export", "--db", str(copy), "--out", str(out),
                           "--view", "ltv", "--as-of", "2025-12-31", "--lang", "ja"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["LTV層別"]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (libreoffice-calc) and poppler-utils are not installed")
def test_workbook_opens_and_renders_in_libreoffice(shop: Store, tmp_path: Path) -> None:
    path, _ = workbook_for(shop, tmp_path, view="all")
    profile = tmp_path / "lo-profile"
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("パレート図", "ファン度 × 好き度", "前月比", "上位20%の顧客の売上構成比", "本当かな?", "2回目クーポン"):
        assert words in text, words
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 5


def test_movement_sheet_matches_core_and_its_chart_compares_the_tiers_then_and_now(shop: Store, tmp_path: Path) -> None:
    _, book = workbook_for(shop, tmp_path, view="movement")
    sheet = book["LTV層の移動"]
    day = resolve_as_of(shop, None)
    start = ltv.month_end_before(day, ltv.MOVEMENT_MONTHS)
    cells = {(r["from_tier"], r["to_tier"]): r["customers"] for r in ltv.tier_movement(shop, start, day).as_dicts()}
    keys = [tier.key for tier in ltv.tiers(shop)]
    for i, source in enumerate([ltv.NEW, *keys]):
        assert [sheet.cell(row=4 + i, column=2 + j).value for j in range(len(keys))] == [cells[(source, k)] for k in keys]
    sizes, moves, counts = charts(sheet)
    assert len(sizes.series) == 2  # the tiers' sizes then and now, from the table under the matrix
    # Month by month: the ups and downs (two series) and the top two tiers' count, from the table beside.
    from engage_desktop.core.metrics import tier_history

    history = tier_history.tier_history(shop, day)
    target = history.round_target(["top", "good"])
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "LTV層が上がった人数")
    assert [sheet.cell(row=header, column=c).value for c in (3, 4, 5)] == ["LTV層が下がった人数", "新規客数",
                                                                           "優良+中堅の人数"]
    shown = [tuple(sheet.cell(row=header + 1 + i, column=c).value for c in range(2, 6)) for i in range(len(history.months))]
    assert shown == [(r["up"], r["down"], r["new"], n) for r, n in
                     zip(history.changes().as_dicts(), target.table.column("customers"))]
    marked = {sheet.cell(row=header + 1 + i, column=1).value.date() for i in range(len(history.months))
              if sheet.cell(row=header + 1 + i, column=6).value == "●"}
    assert marked == {m for first, last in target.rounds for m in history.months if first <= m <= last}
    assert [ref(s) for s in moves.series] == [f"'LTV層の移動'!$B${header + 1}:$B${header + len(history.months)}",
                                              f"'LTV層の移動'!$C${header + 1}:$C${header + len(history.months)}"]
    assert [ref(s) for s in counts.series] == [f"'LTV層の移動'!$E${header + 1}:$E${header + len(history.months)}"]


def test_cohort_sheet_matches_core_and_charts_each_step_within_100_days(shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.metrics import journey

    _, book = workbook_for(shop, tmp_path, view="cohorts")
    sheet = book["100日プラン"]
    day = resolve_as_of(shop, None)
    cells = {(r["cohort"], r["step"], r["days"]): r["share"] for r in journey.cohort_100d(shop, day).as_dicts()}
    cohorts = sorted({c for c, _, _ in cells})
    assert [sheet.cell(row=4 + i, column=1).value.date() for i in range(len(cohorts))] == cohorts
    assert sheet.cell(row=4, column=2).value == cells[(cohorts[0], 3, 30)]
    (chart,) = charts(sheet)
    assert len(chart.series) == 3


def test_measures_sheet_matches_core_and_charts_the_changes_side_by_side(shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.messages import in_language
    from engage_desktop.core.metrics import effect

    _, book = workbook_for(shop, tmp_path, view="measures")
    sheet = book["施策"]
    day = resolve_as_of(shop, None)
    effects = [effect.effect(shop, day, m) for m in measures.measures(shop)]
    rows = [[sheet.cell(row=4 + i, column=c).value for c in range(1, 14)] for i in range(len(effects))]
    assert [r[0] for r in rows] == ["2回目クーポン", "=1+1 夏のセール"]  # the latest start first; never a formula
    assert sheet.cell(row=5, column=1).data_type == "s"
    for row, e in zip(rows, effects):
        assert row[3].date() == e.measure.started_on
        figures = [e.value_before, e.value_after, e.change, e.year_change, e.rest_change, e.usual_change, e.customers]
        assert [None if v is None else pytest.approx(v, rel=1e-12) for v in figures] == row[5:12]
        with in_language("ja"):
            assert row[12] == effect.verdict_text(e)
        if e.before:  # the months compared, as the view's table heads say them
            assert sheet.cell(row=4 + effects.index(e), column=14).value.count("→") == 1
    assert rows[0][1] == "ジャーニーのステップ2" and rows[1][1] == "全顧客"
    journey_sheet = workbook_for(shop, tmp_path, view="journey")[1]["カスタマージャーニー"]
    assert journey_sheet.cell(row=5, column=14).value == "2回目クーポン"  # step 2's 施策 cell lists the log's entry
    (chart,) = charts(sheet)
    assert [ref(s) for s in chart.series] == ["'施策'!$H$4:$H$5", "'施策'!$I$4:$I$5", "'施策'!$J$4:$J$5"]


def test_a_measure_in_points_is_said_to_be_left_out_of_the_chart(tmp_path: Path) -> None:
    """The chart of changes is in %: a measure on NPS or a share was left out of it without a word."""
    from engage_desktop.core.metrics import effect
    from engage_desktop.core.sample import create_sample_shop

    with Store(create_sample_shop(tmp_path / "sample.duckdb")) as sample:
        day = resolve_as_of(sample, None)
        effects = [effect.effect(sample, day, m) for m in measures.measures(sample)]
        in_points = sum(e.in_points for e in effects)
        assert 0 < in_points < len(effects)  # the sample has both kinds
        sheet = workbook_for(sample, tmp_path, view="measures")[1]["施策"]
    said = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "ポイントで変わる" in c.value]
    assert said == [f"{in_points}件の施策は、指標がポイントで変わる（NPSや割合）ため、表にだけ載せ、変化率（%）のグラフには入れていません。"]
    (chart,) = charts(sheet)
    assert len(chart.series[0].val.numRef.f.split(":")) == 2 and chart.series[0].val.numRef.f.endswith(f"${3 + len(effects) - in_points}")
