"""Smoke test of the BUILT app: run the frozen executable like an owner would, offscreen.

    python build/smoke_test.py build/dist/engage-desktop/engage-desktop

The subcommands run through engage-desktop-cli beside it (the console entry point: on Windows
the windowed executable has no output), the screenshots through the windowed one. It builds the sample shop, imports a CP932 CSV and an xlsx, exports a workbook
and the PNG screenshots of every view, checks every exit code, and fails on any
import error or Qt plugin error in the output or the app's log. Prints the
bundle size and the start time. Runs on Linux, Windows and macOS.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BAD_SIGNS = ("Traceback", "ModuleNotFoundError", "ImportError", "Could not load the Qt platform plugin",
             "qt.qpa.plugin", "Failed to load", "No module named", "cannot open shared object")


def write_cp932_csv(path: Path) -> None:
    rows = [["受注番号", "受注ステータス", "注文日", "注文時間", "注文者名字", "注文者名前", "メールアドレス", "商品名",
             "単価", "個数", "合計金額(-99999=無効値)", "レコードナンバー"],
            ["1-1", "発送後", "2026/1/5", "10:00:00", "髙橋", "﨑子", "smoke@example.jp", "①石鹸～", "1200", "1", "1200", "1"],
            ["1-2", "発送後", "2026/2/5", "11:00:00", "髙橋", "﨑子", "smoke@example.jp", "タオル", "800", "2", "1600", "2"]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("cp932"))


def write_xlsx(path: Path) -> None:
    """A minimal xlsx written by hand (the frozen test must not need openpyxl on the host)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>注文番号</t></is></c><c r="B1" t="inlineStr"><is><t>注文日</t></is></c>'
             '<c r="C1" t="inlineStr"><is><t>メールアドレス</t></is></c><c r="D1" t="inlineStr"><is><t>金額</t></is></c></row>'
             '<row r="2"><c r="A2"><v>9001</v></c><c r="B2" t="inlineStr"><is><t>2026/03/01</t></is></c>'
             '<c r="C2" t="inlineStr"><is><t>xlsx@example.jp</t></is></c><c r="D2"><v>2500</v></c></row>'
             "</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="注文" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in files.items():
            book.writestr(name, text)


def console_twin(exe: Path) -> Path:
    """engage-desktop-cli(.exe), the console entry point beside the windowed executable."""
    cli = exe.with_name("engage-desktop-cli" + exe.suffix)
    if not cli.exists():
        raise SystemExit(f"FAILED: no console entry point at {cli}")
    return cli


def run(exe: Path, *args: str, env: dict[str, str]) -> str:
    started = time.monotonic()
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=env, timeout=600)
    output = done.stdout + done.stderr
    print(f"$ engage-desktop {' '.join(args)}  ({time.monotonic() - started:.1f}s, exit {done.returncode})")
    print("  " + output.strip().replace("\n", "\n  ")[:2000])
    if done.returncode != 0:
        raise SystemExit(f"FAILED: exit code {done.returncode}")
    check_clean(output, f"output of {' '.join(args)}")
    return output


def check_clean(text: str, where: str) -> None:
    for sign in BAD_SIGNS:
        if sign in text:
            raise SystemExit(f"FAILED: {sign!r} in {where}")


def bundle_size(exe: Path) -> int:
    """Bytes of the whole bundle: the .app on macOS, the one-folder directory elsewhere."""
    root = next((p for p in exe.parents if p.suffix == ".app"), exe.parent)
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    exe = Path(sys.argv[1]).resolve()
    if not exe.exists():
        raise SystemExit(f"no executable at {exe}; build it first (see README)")
    with tempfile.TemporaryDirectory(prefix="engage-smoke-") as folder:
        work = Path(folder)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ENGAGE_DESKTOP_HOME": str(work / "home"),
               "PYTHONIOENCODING": "utf-8"}
        shop = work / "shop.duckdb"
        cli = console_twin(exe)
        started = time.monotonic()
        if not run(cli, "--version", env=env).startswith("engage-desktop "):
            raise SystemExit("FAILED: the console entry point printed no version")
        start_time = time.monotonic() - started
        run(cli, "sample", "--db", str(shop), env=env)
        csv_path, xlsx_path = work / "rakuten.csv", work / "orders.xlsx"
        write_cp932_csv(csv_path)
        write_xlsx(xlsx_path)
        out = run(cli, "import", "--db", str(shop), "--lang", "ja", str(csv_path), str(xlsx_path), env=env)
        if "楽天RMS 受注データ" not in out or out.count("取り込み済み（取り込み #") != 2:
            raise SystemExit("FAILED: the two files were not both imported")
        run(cli, "export", "--db", str(shop), "--out", str(work / "report.xlsx"), env=env)
        if not zipfile.is_zipfile(work / "report.xlsx"):
            raise SystemExit("FAILED: no workbook written")
        shots = work / "shots"
        started = time.monotonic()
        run(exe, "--db", str(shop), "--lang", "ja", "--screenshot", str(shots), env=env)
        gui_time = time.monotonic() - started
        pngs = sorted(shots.glob("*.png"))
        # Every view of the registry, then a measure's effect and form, the import wizard (refused, rejects, a
        # corrected mapping), an error box, a list and the welcome: 10 more (the view count was written out as 7,
        # and went stale when the measures and imports views, then the predicted one, came).
        from engage_desktop.core.views import VIEW_SPECS

        views = [p for p in pngs if p.name[:2] in {f"{i:02d}" for i in range(1, len(VIEW_SPECS) + 1)}]
        if len(views) != len(VIEW_SPECS) or len(pngs) != len(VIEW_SPECS) + 10 or any(
                p.stat().st_size < 10_000 for p in views):
            raise SystemExit(f"FAILED: expected {len(VIEW_SPECS)} view PNGs and 10 more, got {[p.name for p in pngs]}")
        log = work / "home" / "engage-desktop.log"
        if log.exists():
            check_clean(log.read_text("utf-8", "replace"), "the app's log")
    size = bundle_size(exe)
    print(f"OK: bundle {size / 1024 / 1024:.0f} MB; CLI start {start_time:.1f}s; "
          f"GUI start to {len(pngs)} screenshots {gui_time:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
