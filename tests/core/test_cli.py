"""The command line: what the owner (or a script) sees, and the exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import write_csv


def run(*args: str, system_language: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """The CLI as a separate process, on a computer whose locale is ``system_language``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))} | {"LANG": system_language}
    return subprocess.run([sys.executable, "-m", "engage_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=env)


def english_words(text: str, allowed: set[str]) -> set[str]:
    """Runs of ASCII letters in ``text`` that are not file names, encodings or allowed terms."""
    words = set(re.findall(r"[A-Za-z][A-Za-z_]+", re.sub(r"\S+\.(csv|duckdb|xlsx)\b", "", text)))
    return words - allowed


def test_import_prints_format_encoding_and_accounting(tmp_path: Path) -> None:
    db = tmp_path / "shop.duckdb"
    rows = [["受注番号", "受注ステータス", "注文日", "注文時間", "注文者名字", "注文者名前", "メールアドレス",
             "商品名", "単価", "個数", "合計金額(-99999=無効値)", "レコードナンバー"],
            ["1-1", "発送済", "2024/1/5", "101010", "髙橋", "一", "a@example.com", "石鹸", "500", "2", "1000", "1"]]
    path = write_csv(tmp_path / "rakuten.csv", rows, encoding="cp932")
    done = run("import", "--db", str(db), "--lang", "ja", str(path))
    assert done.returncode == 0, done.stderr
    assert "rakuten.csv: 楽天RMS 受注データ、Shift_JIS（CP932）、判定の確度 91%" in done.stdout
    assert "注文日の日付は 2024-12-31 の形式で読みます（すべての値から判定）。" in done.stdout
    assert "取り込み済み（取り込み #1）: 読んだ行 1、取り込んだ行 1、読めなかった行 0、対象外の行 0" in done.stdout

    listed = run("imports", "--db", str(db), "--lang", "en")
    assert "#1" in listed.stdout and "rakuten.csv" in listed.stdout and "Rakuten RMS orders" in listed.stdout
    assert "read 1, imported 1, rejected 0, skipped 0" in listed.stdout

    undone = run("undo-import", "--db", str(db), "1")  # an English computer: English
    assert undone.returncode == 0 and undone.stdout.strip() == "Import #1 was undone."


def test_generic_file_prints_its_mapping(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["order id", "purchase date", "amount", "email"], ["1", "2024-01-01", "100", "a@b.jp"]])
    done = run("import", "--db", str(tmp_path / "s.duckdb"), str(path))
    assert done.returncode == 0, done.stderr
    assert "Generic orders" in done.stdout
    # Each field by the name the owner knows it by (the CLI follows the computer: English here).
    assert "Order number <- order id" in done.stdout
    assert "Order date <- purchase date" in done.stdout
    assert "Line amount <- amount" in done.stdout


def test_refused_file_exits_non_zero_with_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(b"id,amount\n1,\x85\x40\x85\n")
    done = run("import", "--db", str(tmp_path / "s.duckdb"), str(path))
    assert done.returncode == 1
    assert "refused:" in done.stdout and "byte 12" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_a_japanese_computer_is_answered_in_japanese_only(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(b"id,amount\n1,\x85\x40\x85\n")
    done = run("import", "--db", str(tmp_path / "s.duckdb"), str(path), system_language="ja_JP.UTF-8")
    assert done.returncode == 1
    assert "取り込み不可: " in done.stdout
    assert english_words(done.stdout, {"UTF", "Shift_JIS", "CP", "CSV", "Excel"}) == set(), done.stdout

    missing = run("undo-import", "--db", str(tmp_path / "none.duckdb"), "3", system_language="ja_JP.UTF-8")
    assert missing.returncode == 2 and missing.stderr.startswith("エラー: ")
    assert english_words(missing.stderr, {"db"}) == set(), missing.stderr
    assert run("undo-import", "--help", system_language="ja_JP.UTF-8").stdout.count("ショップファイル") >= 1


def test_errors_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    done = run("undo-import", "--db", str(tmp_path / "none.duckdb"), "3")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_report_json_on_the_sample_shop(tmp_path: Path) -> None:
    import json

    db = tmp_path / "sample.duckdb"
    assert run("sample", "--db", str(db)).returncode == 0
    done = run("report", "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for key in ("as_of", "customers", "orders", "revenue", "ltv", "repeat_rate", "monthly", "streak", "nps",
                "fan_matrix", "journey"):
        assert key in report
    assert set(report["ltv"]) >= {"shop", "tiers", "deciles", "top20_share"}
    month = report["monthly"][-1]
    assert set(month) >= {"month", "revenue", "orders", "customers", "new_customers", "repeat_customers", "aov",
                          "revenue_mom"}
    assert len(month["month"]) == 7 and month["month"][4] == "-"
    assert set(report["streak"]) >= {"metric", "current", "longest", "round_reached"}
    assert len(report["fan_matrix"]) == 6 and all(len(r) == 7 for r in report["fan_matrix"])
    assert [j["step"] for j in report["journey"]] == list(range(1, 9))
    # The parts add up (independently of how they were computed).
    assert round(sum(m["revenue"] for m in report["monthly"]), 2) == report["revenue"]
    assert sum(t["customers"] for t in report["ltv"]["tiers"]) == report["customers"]
    text = run("report", "--db", str(db))
    assert "サンプル石鹸店" in text.stdout and "NPS" in text.stdout


def test_a_mapping_to_a_column_the_file_does_not_have_is_refused_with_its_likely_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["order id", "purchase date", "amount"], ["1", "2024-01-01", "100"]])
    done = run("import", "--db", str(tmp_path / "s.duckdb"), "--map", "order_date=Bought on", str(path))
    assert done.returncode == 1, done.stderr
    assert 'The file has no column "Bought on".' in done.stdout and "purchase date" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
