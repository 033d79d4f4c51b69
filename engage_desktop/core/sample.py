"""The built-in sample shop: a small Japanese soap and towel shop, generated deterministically.

It is made the way an owner's shop is made: real export files are written
(a Shopify orders CSV in UTF-8, a Rakuten RMS CSV in CP932, a Google Forms
survey CSV) and imported through the real import pipeline. The generator aims
for the shapes owners see: seasonality (December gifts, summer お中元, a quiet
February), a long tail of one-time buyers and a few very loyal customers,
cancellations and partial refunds, and survey answers that are warmer the more
a customer buys.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import random
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from engage_desktop.core.importing.formats import RAKUTEN_RELAY
from engage_desktop.core.importing.pipeline import import_files
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS, NPS_QUESTION
from engage_desktop.core.metrics import journey, measures
from engage_desktop.core.metrics.base import add_months
from engage_desktop.core.errors import EngageError, ShopFileBusy
from engage_desktop.core.connection import connection_config
from engage_desktop.core.store import Store
from engage_desktop.core.targets import is_shop_file
from engage_desktop.core.tasks import TaskState
from engage_desktop.core.messages import t

SEED = 20240101
CUSTOMERS = 2000
START = dt.date(2024, 1, 1)
END = dt.date(2026, 10, 31)
SHOP_NAME = "サンプル石鹸店"
BRAND = "サンプル石鹸店"
SAMPLE_VERSION = 4  # bump when the generator changes, so old sample files are rebuilt

FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
          "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "髙橋", "山﨑", "森", "池田", "橋本", "阿部", "石川"]
GIVEN = ["陽子", "裕子", "直美", "恵子", "美咲", "結衣", "花子", "一郎", "健太", "翔太", "大輔", "誠", "愛", "舞",
         "さくら", "真由美", "由美子", "拓也", "明美", "智子", "美穂", "彩", "涼子", "悠人", "蓮"]
ROMAJI = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato",
          "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "saito", "shimizu",
          "takahashi", "yamazaki", "mori", "ikeda", "hashimoto", "abe", "ishikawa"]
PRODUCTS = [("オリーブ石鹸", "SOAP-01", 1200), ("ラベンダー石鹸", "SOAP-02", 1400), ("炭の洗顔石鹸", "SOAP-03", 1800),
            ("今治タオル フェイス", "TWL-01", 1600), ("今治タオル バス", "TWL-02", 3800), ("ギフトセット 梅", "GIFT-01", 3300),
            ("ギフトセット 松", "GIFT-02", 5500), ("詰め替え用 液体石鹸", "LIQ-01", 980), ("石鹸置き 陶器", "ACC-01", 2200)]
# Relative order volume by month: quiet February, summer gifts (お中元), year-end gifts (お歳暮).
SEASON = {1: 0.8, 2: 0.65, 3: 0.9, 4: 0.95, 5: 1.0, 6: 1.1, 7: 1.3, 8: 0.8, 9: 0.95, 10: 1.1, 11: 1.2, 12: 1.6}


@dataclass
class Customer:
    number: int
    family: int
    given: str
    channel: str  # shopify | rakuten
    joined: dt.date
    loyalty: float  # long-tail: most near 0, a few large
    spend: float  # typical order value, yen

    @property
    def name(self) -> str:
        return f"{FAMILY[self.family]} {self.given}"

    @property
    def email(self) -> str:
        if self.channel == "rakuten":
            return f"{ROMAJI[self.family]}{self.number:04d}{RAKUTEN_RELAY[0]}"
        return f"{ROMAJI[self.family]}.{self.number:04d}@example.jp"

    @property
    def phone(self) -> str:
        return f"090-{1000 + self.number % 9000:04d}-{(self.number * 37) % 10000:04d}"


@dataclass
class Order:
    customer: Customer
    placed: dt.datetime
    lines: list[tuple[str, str, int, int]]  # product, sku, qty, price
    shipping: int
    cancelled: bool
    refunded: int

    @property
    def total(self) -> int:
        return sum(q * p for _, _, q, p in self.lines) + self.shipping


def _customers(rng: random.Random) -> list[Customer]:
    days = (END - START).days
    people = []
    for n in range(1, CUSTOMERS + 1):
        # Acquisition grows over time (the shop is getting known): later days are likelier.
        joined = START + dt.timedelta(days=int(days * math.sqrt(rng.random())))
        people.append(Customer(
            number=n, family=rng.randrange(len(FAMILY)), given=rng.choice(GIVEN),
            channel="rakuten" if rng.random() < 0.4 else "shopify", joined=joined,
            loyalty=rng.paretovariate(1.25) - 1.0, spend=rng.lognormvariate(math.log(3200), 0.5),
        ))
    return people


def _orders(rng: random.Random, people: list[Customer]) -> list[Order]:
    orders = []
    for person in people:
        day = person.joined
        # Expected gap between orders shrinks with loyalty; everyone may drift away.
        gap = max(20.0, 160.0 / (0.4 + person.loyalty))
        keep = min(0.93, 0.35 + 0.25 * person.loyalty)
        first = True
        while day <= END:
            if first or rng.random() < SEASON[day.month] / 1.6:
                placed = dt.datetime.combine(day, dt.time(rng.randrange(8, 23), rng.randrange(60), rng.randrange(60)))
                orders.append(_order(rng, person, placed))
            if not first and rng.random() > keep:
                break
            first = False
            day += dt.timedelta(days=max(3, int(rng.expovariate(1 / gap))))
    return orders


def _order(rng: random.Random, person: Customer, placed: dt.datetime) -> Order:
    budget = person.spend * (1.6 if placed.month in (7, 12) else 1.0) * rng.uniform(0.6, 1.5)
    lines: list[tuple[str, str, int, int]] = []
    while not lines or (sum(q * p for _, _, q, p in lines) < budget * 0.7 and len(lines) < 4):
        product, sku, price = rng.choice(PRODUCTS)
        if any(sku == line[1] for line in lines):
            continue
        lines.append((product, sku, 1 + int(rng.random() < 0.25), price))
    subtotal = sum(q * p for _, _, q, p in lines)
    shipping = 0 if subtotal >= 5000 else 660
    cancelled = rng.random() < 0.03
    refunded = lines[0][3] if not cancelled and rng.random() < 0.02 else 0
    return Order(person, placed, lines, shipping, cancelled, refunded)


SHOPIFY_HEADER = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal",
                  "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Created at", "Lineitem quantity",
                  "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Billing Phone", "Phone",
                  "Cancelled at", "Refunded Amount", "Payment Method", "Id", "Tags", "Source"]
RAKUTEN_HEADER = ["受注番号", "受注ステータス", "注文日", "注文時間", "注文者名字", "注文者名前", "注文者電話番号１",
                  "注文者電話番号２", "注文者電話番号３", "メールアドレス", "注文者住所：都道府県", "合計金額(-99999=無効値)",
                  "送料(-99999=無効値)", "商品名", "商品番号", "単価", "個数", "レコードナンバー"]


def _write(path: Path, rows: list[list[object]], encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n" if encoding == "cp932" else "\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _shopify(orders: list[Order], folder: Path) -> Path:
    rows: list[list[object]] = [SHOPIFY_HEADER]
    for k, o in enumerate(orders, start=1001):
        stamp = o.placed.strftime("%Y-%m-%d %H:%M:%S +0900")
        status = "voided" if o.cancelled else ("partially_refunded" if o.refunded else "paid")
        for i, (product, sku, qty, price) in enumerate(o.lines):
            first = i == 0  # Shopify fills order-level columns on the first row only
            rows.append([
                f"#{k}", o.customer.email if first else "", status if first else "", stamp if first else "",
                "fulfilled" if first else "", "JPY" if first else "", (o.total - o.shipping) if first else "",
                o.shipping if first else "", "" , o.total if first else "", "", "", stamp if first else "", qty,
                product, price, sku, o.customer.name if first else "", "", f"'+81{o.customer.phone[1:].replace('-', '')}" if first else "",
                stamp if first and o.cancelled else "", o.refunded if first and o.refunded else "",
                "クレジットカード" if first else "", 5000000 + k if first else "", "", "web" if first else "",
            ])
    return _write(folder / "shopify_orders_export.csv", rows, "utf-8")


def _rakuten(orders: list[Order], folder: Path) -> Path:
    rows: list[list[object]] = [RAKUTEN_HEADER]
    record = 0
    for k, o in enumerate(orders, start=1):
        number = f"317000-{o.placed:%Y%m%d}-{k:07d}"
        phone = o.customer.phone.split("-")
        status = "キャンセル確定" if o.cancelled else "発送後"
        for product, sku, qty, price in o.lines:
            record += 1
            rows.append([number, status, f"{o.placed.year}/{o.placed.month}/{o.placed.day}", o.placed.strftime("%H:%M:%S"),
                         FAMILY[o.customer.family], o.customer.given, *phone, o.customer.email, "東京都",
                         o.total, o.shipping, product, sku, price, qty, record])
    return _write(folder / "rakuten_orders.csv", rows, "cp932")


# The respondents' own words, by how they answered (the comments view's words differ by group, as real ones do).
VOICES = {
    "promoters": ("香りがとても好きです。毎日のお風呂が楽しみになりました", "梱包が丁寧で、手書きのメッセージが嬉しかったです",
                  "ギフトに使ったらとても喜ばれました。また贈りたいです", "肌がしっとりして、乾燥が気にならなくなりました",
                  "スタッフの対応が親切で安心して購入できました", "ラベンダーの香りに癒されています",
                  "家族みんなで使っています。泡立ちが最高です", "新作の案内メールを楽しみにしています",
                  "香りが優しくて、肌にも合いました", "梱包がかわいくて、ギフトにぴったりでした"),
    "passives": ("香りは好きですが、値段が少し高いと感じます", "使い心地は良いけれど、大きいサイズがあると嬉しいです",
                 "発送が少し遅かったです", "泡立ちは良いですが、すぐに小さくなります",
                 "ポイントの使い方がわかりにくかったです", "ギフト用の箱をもっと選べると良いです",
                 "香りがもう少し長く続くと嬉しいです"),
    "detractors": ("発送が遅く、連絡もありませんでした", "値段が高いわりに、すぐになくなってしまいます",
                   "香りが強すぎて、家族に不評でした", "届いた石鹸が割れていました", "肌に合わず、かゆくなりました",
                   "問い合わせの返信が遅かったです", "送料が高いと思います", "梱包が簡素で、ギフトには使えませんでした"),
}
FOUND_BY = ("Instagram", "Instagram", "知人の紹介", "検索", "楽天市場", "ギフトでもらった")
SURVEY_COLUMNS = ["タイムスタンプ", "メールアドレス", NPS_QUESTION, "", "", "ご意見・ご感想", "このお店を何で知りましたか?",
                  "ご注文番号(わかれば)"]


def _survey(rng: random.Random, people: list[Customer], counts: dict[int, int], folder: Path,
            order_numbers: dict[int, str]) -> Path:
    fan_q = f"{BRAND}に対する気持ちで、ご自身に最もあてはまるものを1つだけお選びください。"
    liking_q = f"{BRAND}についてどのように思いますか?率直なご感想をお聞かせください。"
    rows: list[list[object]] = [[*SURVEY_COLUMNS[:3], fan_q, liking_q, *SURVEY_COLUMNS[5:]]]
    words = random.Random(SEED + 3)  # the comments' own stream: the answers stay those of earlier samples
    for person in people:
        bought = counts.get(person.number, 0)
        if bought == 0 or rng.random() > 0.2 + 0.08 * min(bought, 6):
            continue
        warmth = math.log1p(bought) + rng.gauss(0, 0.7)
        nps = max(0, min(10, round(5.2 + 2.0 * warmth)))
        fan = max(1, min(6, round(0.8 + 1.5 * warmth + rng.gauss(0, 0.5))))
        liking = max(1, min(7, fan + round(rng.gauss(0.8, 0.8))))
        answered_on = person.joined + dt.timedelta(days=rng.randrange(10, 200))
        answered = dt.datetime.combine(answered_on, dt.time(rng.randrange(8, 23), rng.randrange(60)))
        rng.choice(range(6))  # (the short comment earlier samples drew here)
        group = "promoters" if nps >= 9 else "passives" if nps >= 7 else "detractors"
        comment = words.choice(VOICES[group]) if words.random() < 0.65 else ""
        found = words.choice(FOUND_BY) if words.random() < 0.8 else ""
        email = person.email if person.channel == "shopify" else ""  # relay addresses are not what people type
        # Half the marketplace's respondents write their order number: what "match by another column" ties.
        order = order_numbers.get(person.number, "") if not email and words.random() < 0.5 else ""
        if answered_on > END:
            # not answered yet: (earlier samples dated these on the last day, 141 answers on one day, and the
            # last month's NPS fell by 36 points). Every draw is made first, so the answers kept are unchanged.
            continue
        rows.append([answered.strftime("%Y/%m/%d %H:%M:%S"), email, nps, FAN_LEVELS[fan - 1], LIKING_LEVELS[liking - 1],
                     comment, found, order])
    return _write(folder / "survey_responses.csv", rows, "utf-8")


# The owner's measures (施策), and what two of them did: the generator adds the orders they brought,
# so that the app's check of their effect has something real to find. The other two did nothing
# the data can show (one too recent to tell). Name, start, end, target kind, target, metric.
SAMPLE_MEASURES = (
    ("初回購入に手書きのサンクスカードを同梱", dt.date(2026, 3, 1), None, "everyone", None, "repeat_rate"),
    ("2回目のご購入を後押しするお礼クーポン", dt.date(2026, 5, 1), None, "step", "2", "customers"),
    ("中堅のお客様に新作の先行案内", dt.date(2026, 6, 1), None, "tier", "good", "revenue"),
    ("秋の香りの新作メール", dt.date(2026, 9, 15), None, "everyone", None, "revenue"),
)
COUPON_START, PREVIEW_START = SAMPLE_MEASURES[1][1], SAMPLE_MEASURES[2][1]


def _measures_at_work(people: list[Customer], orders: list[Order]) -> list[Order]:
    """The orders two measures brought (their own random stream: the rest of the sample stays as it was).
    The coupon: a customer with one purchase so far buys a second time within the month, 1 in 5 a
    month. The preview: a customer with 3+ purchases who bought in the last 120 days buys once more,
    2 in 5 a month."""
    rng = random.Random(SEED + 2)
    bought: dict[int, list[dt.datetime]] = {}
    for o in orders:
        if not o.cancelled:
            bought.setdefault(o.customer.number, []).append(o.placed)
    extra: list[Order] = []
    month = COUPON_START
    while month <= END:
        start = dt.datetime.combine(month, dt.time())
        for person in people:
            before = [day for day in bought.get(person.number, []) if day < start]
            coupon = len(before) == 1 and rng.random() < 1 / 5
            preview = (month >= PREVIEW_START and len(before) >= 3
                       and (start - max(before)).days <= 120 and rng.random() < 0.4)
            if coupon or preview:
                placed = start + dt.timedelta(days=rng.randrange(3, 26), hours=rng.randrange(8, 22))
                extra.append(_order(rng, person, placed))
                bought[person.number].append(placed)
        month = add_months(month, 1)
    return extra


def write_sample_exports(folder: Path) -> list[Path]:
    """Write the three export files of the sample shop into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    people = _customers(rng)
    orders = _orders(rng, people)
    orders += _measures_at_work(people, orders)
    counts: dict[int, int] = {}
    for o in orders:
        if not o.cancelled:
            counts[o.customer.number] = counts.get(o.customer.number, 0) + 1
    shopify = sorted((o for o in orders if o.customer.channel == "shopify"), key=lambda o: o.placed)
    rakuten = sorted((o for o in orders if o.customer.channel == "rakuten"), key=lambda o: o.placed)
    # A respondent's first marketplace order number, as _rakuten numbers them.
    order_numbers: dict[int, str] = {}
    for k, o in enumerate(rakuten, start=1):
        order_numbers.setdefault(o.customer.number, f"317000-{o.placed:%Y%m%d}-{k:07d}")
    return [_shopify(shopify, folder), _rakuten(rakuten, folder), _survey(rng, people, counts, folder, order_numbers)]


def create_sample_shop(path: str | Path, state: TaskState | None = None, force: bool = False) -> Path:
    """Build the sample shop file at ``path``, through the real import pipeline.

    An existing file is replaced only when it is an earlier sample, or with ``force``; never while
    another program has it open (its lock is taken first). The build happens beside it under a
    name of its own, so two builds at once cannot meet and a half-built sample is never found."""
    path = Path(path)
    if path.exists():
        _may_replace(path, force)
    exports = path.parent / "sample-exports"
    files = write_sample_exports(exports)
    partial = path.with_name(f"{path.name}.building-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with Store(partial, backed_up=False) as store:
            results = import_files(store, files, state=state)
            bad = [r for r in results if not r.ok]
            if bad:
                raise RuntimeError(f"sample import failed: {bad[0].message}")
            store.set_setting("shop_name", SHOP_NAME)
            store.set_setting("sample_version", SAMPLE_VERSION)
            _owner_inputs(store)
        if path.exists():
            _may_replace(path, force)  # still not open elsewhere
        os.replace(partial, path)  # never leave a half-built sample where the app looks for it
    finally:
        for leftover in (partial, partial.with_name(partial.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return path


def _may_replace(path: Path, force: bool) -> None:
    """Refuse to replace ``path`` unless it is an earlier sample shop or ``force``; refuse while it is open."""
    if not is_shop_file(path):
        if force:
            return
        raise EngageError(t("There is already a file at {path}: the sample shop would replace it. Choose another "
                            "path (--db), or add --force to replace it.", path=path))
    try:
        con = duckdb.connect(str(path), read_only=True, config=connection_config("64MB", 1))
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            raise ShopFileBusy(t("{shop} is open in another program: the sample shop cannot replace it. Close it "
                                 "there first.", shop=path.name)) from exc
        if force:
            return
        raise EngageError(t("{shop} cannot be read; the sample shop will not replace it. Choose another path "
                            "(--db), or add --force.", shop=path.name)) from exc
    try:
        row = con.execute("SELECT value FROM settings WHERE key = 'sample_version'").fetchone()
    except duckdb.Error:
        row = None
    finally:
        con.close()
    if row is None and not force:
        raise EngageError(t("{path} is a shop file with your own data: the sample shop would replace it. Choose "
                            "another path (--db), or add --force if you really want to replace it.", path=path))


def _owner_inputs(store: Store) -> None:
    """What an owner would have typed in: pre-purchase counts, a few journey notes, the measures log."""
    rng = random.Random(SEED + 1)
    month = dt.date(2026, 5, 1)
    while month <= END:
        store_views = rng.randrange(9000, 14000)
        journey.set_funnel_count(store, month, "認知", store_views)
        journey.set_funnel_count(store, month, "興味", int(store_views * rng.uniform(0.18, 0.25)))
        journey.set_funnel_count(store, month, "比較・検討", int(store_views * rng.uniform(0.05, 0.08)))
        month = add_months(month, 1)
    journey.set_note(store, 1, "touchpoints", "Instagram / 楽天の商品ページ / 口コミ")
    journey.set_note(store, 3, "touchpoints", "発送メール / 使い方ガイド")
    journey.set_note(store, 7, "memo", "新作は優良のお客様から先にご案内する")
    for name, started, ended, kind, target, metric in SAMPLE_MEASURES:
        measures.add(store, measures.Measure(name, started, kind, target, metric, ended))


def sample_is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with Store(path, read_only=True) as store:
            return store.setting("sample_version") == SAMPLE_VERSION
    except Exception:  # a broken or busy sample file is rebuilt or reported by the caller
        return False
