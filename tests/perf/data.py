"""Benchmark data, generated deterministically: a Rakuten-style CP932 CSV, an xlsx, a survey."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS, NPS_QUESTION
from engage_desktop.core.sample import RAKUTEN_HEADER

PRICES = (980, 1200, 1400, 1800, 3300, 5500)


def rakuten_csv(path: Path, lines: int = 1_000_000, customers: int = 100_000, seed: int = 1) -> Path:
    """``lines`` order lines (1-3 per order) of ``customers`` customers over three years, CP932."""
    rng = random.Random(seed)
    with path.open("w", encoding="cp932", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(RAKUTEN_HEADER)
        written, order = 0, 0
        while written < lines:
            order += 1
            customer = rng.randrange(customers)
            items = [(rng.choice(PRICES), rng.choice((1, 1, 2))) for _ in range(rng.choice((1, 1, 2, 3)))]
            total = sum(p * q for p, q in items) + 660
            status = "キャンセル確定" if rng.random() < 0.03 else "発送後"
            day = f"{2023 + order % 3}/{1 + order % 12}/{1 + order % 28}"
            for price, qty in items:
                written += 1
                writer.writerow([f"317000-{order:09d}", status, day, f"{order % 24:02d}:{order % 60:02d}:00", "髙橋",
                                 f"太郎{customer}", "090", f"{customer % 10000:04d}", f"{customer // 10:04d}",
                                 f"user{customer}@example.jp", "東京都", total, 660, "石鹸①", "SOAP-01", price, qty,
                                 written])
                if written >= lines:
                    break
    return path


# Pieces of comments, put together at random: 10,000 comments of one to three sentences, mostly different.
PHRASES = ("梱包がとても丁寧で嬉しかったです。", "発送が早くて助かりました", "値段が少し高いと感じます。", "スタッフの対応が親切でした！",
           "また購入したいと思います", "サイズが合わなかったので交換をお願いしました。", "香りが良くて毎日使っています",
           "ポイントの使い方がわかりにくい", "ギフト用のラッピングがかわいい。", "The scent is lovely and shipping was fast.")


def survey_csv(path: Path, answers: int = 30_000, customers: int = 100_000, seed: int = 2,
               comments: bool = False) -> Path:
    """Survey answers; ``comments``: with a free-text column (a comment in 2 answers of 3) and a choice column."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["タイムスタンプ", "メールアドレス", NPS_QUESTION, "気持ちで最もあてはまるもの", "どのように思いますか",
                         *(["ご意見・ご感想", "何で知りましたか"] if comments else [])])
        for i in range(answers):
            extra = ["".join(rng.sample(PHRASES, rng.randint(1, 3))) if rng.random() < 2 / 3 else "",
                     rng.choice(("Instagram", "検索", "知人の紹介"))] if comments else []
            writer.writerow([f"2025/{1 + i % 12}/{1 + i % 28} 10:{i % 60:02d}:{i % 59:02d}",
                             f"user{rng.randrange(customers)}@example.jp", rng.randrange(11),
                             FAN_LEVELS[rng.randrange(6)], LIKING_LEVELS[rng.randrange(7)], *extra])
    return path


def orders_xlsx(path: Path, rows: int = 100_000, seed: int = 3) -> Path:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("注文")
    sheet.append(["注文番号", "注文日時", "顧客ID", "メールアドレス", "商品名", "数量", "金額"])
    for i in range(rows):
        sheet.append([100000 + i, f"2025/{1 + i % 12}/{1 + i % 28} 12:00", 5000 + rng.randrange(20000),
                      f"x{rng.randrange(20000)}@example.jp", "石鹸", rng.choice((1, 2)), rng.choice(PRICES)])
    book.save(path)
    return path


def rakuten_wide_csv(path: Path, lines: int = 200_000, customers: int = 20_000, seed: int = 4) -> Path:
    """The current 楽天 RMS order export: 158 columns, CP932, dates as a US-locale Excel re-saves them."""
    from tests.fixtures.exports import RAKUTEN_CURRENT_HEADER, rakuten_current_row

    rng = random.Random(seed)
    with path.open("w", encoding="cp932", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(RAKUTEN_CURRENT_HEADER)
        written, order = 0, 0
        while written < lines:
            order += 1
            customer = rng.randrange(customers)
            items = [(rng.choice(PRICES), rng.choice((1, 1, 2))) for _ in range(rng.choice((1, 1, 2, 3)))]
            total = str(sum(p * q for p, q in items))
            month, day, hour = 1 + order % 12, 13 + order % 15, order % 24
            when = (f"{month}/{day}/2024 {hour}:{order % 60:02d}", f"{month}/{day}/2024", f"{hour}:{order % 60:02d}:00")
            status = "900" if rng.random() < 0.03 else "500"
            for price, qty in items:
                written += 1
                writer.writerow(rakuten_current_row(
                    f"393415-2024{month:02d}{day:02d}-{order:07d}", status, when, "髙橋", f"太郎{customer}",
                    ("090", f"{customer % 10000:04d}", f"{customer // 10:04d}"), f"u{customer}@pc.fw.rakuten.ne.jp",
                    (total, "0", "0", total), "石鹸①", str(price), str(qty)))
                if written >= lines:
                    break
    return path
