"""Every export format we recognise, as data.

One ``ExportFormat`` per platform: the headers that identify it, where each
canonical field comes from, and its rules (cancellations, refunds, rows that
are not sales, option rows, identity). Headers are written as the platform
writes them; matching goes through ``header_key`` (NFKC, case, spaces), so a
full-width ``注文者郵便番号１`` and a half-width ``注文者郵便番号1`` are one name.

To add a platform: append a definition to ``FORMATS`` and a file of its layout to
``tests/fixtures/exports.FILE_OF_FORMAT`` (tests/core/test_format_definitions.py checks the two).
Facts marked "(unverified)" in ../shared/formats.md are written tolerantly:
an unknown status value never blocks an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from engage_desktop.core.messages import N_

Op = Literal["nonempty", "equals", "in", "contains", "excludes", "startswith", "empty", "not_in", "negative"]
# A source for a field: one header, or several headers joined (phone in 3 parts).
Source = str | tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A condition on one column, named by its header, or by a canonical field as '@field'."""

    column: str
    op: Op
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str  # what the owner calls it: a catalogue msgid (core/messages.py), shown with t()
    kind: Literal["orders", "customers", "survey"]
    signature: tuple[str, ...]  # all present => this format
    fields: dict[str, tuple[Source, ...]]  # canonical field -> candidate sources, first present wins
    channel: str
    header_rows: int = 1
    naive_time_zone: str | None = None  # zone of timestamps without offset; None = the shop's
    money_sentinels: tuple[str, ...] = ()  # values meaning "no value"
    cancel_when: tuple[Rule | tuple[Rule, ...], ...] = ()  # any rule (or all of a tuple) true on any row => cancelled
    skip_when: tuple[tuple[Rule | tuple[Rule, ...], str], ...] = ()  # (rule(s), reason msgid): rows that are not sales
    refund_when: tuple[Rule, ...] = ()  # rows that are refunds (negative amounts)
    option_row: tuple[Rule, ...] = ()  # all true => row is an option of the item above
    summed_per_line: tuple[str, ...] = ()  # order-level fields written per line (Amazon shipping)
    relay_domains: tuple[str, ...] = ()  # masked e-mails: identify within this channel only
    identify_by_name: bool = False  # name alone identifies (channel-scoped) when nothing else does
    anonymous_note: str = ""  # said on import when the file has no customer columns (msgid)
    currency: str | None = None  # ISO 4217 of every export of this platform; None: read from the file
    offsets_tell_zone: bool = True  # False: its offsets are always UTC (Amazon), not the shop's zone
    missing_notes: tuple[tuple[str, str], ...] = ()  # (header, what the owner should know when it is missing: msgid)
    refusal: str = ""  # a layout we recognise but cannot import as sales: why, and what to export instead (msgid)


def _contains_cancel(column: str) -> Rule:
    return Rule(column, "contains", ("キャンセル",))


def _status_in(column: str, *values: str) -> Rule:
    return Rule(column, "in", values)


RAKUTEN_RELAY = ("@pc.fw.rakuten.ne.jp", "@fw.rakuten.ne.jp")
AMAZON_RELAY = ("@marketplace.amazon.",)

# Columns both Amazon reports share (the order report adds the buyer, the all-orders report the status rule).
_AMAZON_LINES: dict[str, tuple[Source, ...]] = {
    "order_date": ("purchase-date",),
    "product": ("product-name",),
    "sku": ("sku",),
    "amount": ("item-price",),
    "shipping": ("shipping-price",),
    "discount": ("item-promotion-discount",),
    "currency": ("currency",),
}
# Square's transactions and item detail exports share their transaction columns.
_SQUARE_TRANSACTION: dict[str, tuple[Source, ...]] = {
    # A refund row shares its payment's Transaction ID: keep them apart.
    "order_id": (("Transaction ID", "Event Type"), "Transaction ID"),
    "order_date": ("Date",),
    "order_time": ("Time",),
    "customer_id": ("Customer ID",),
    "name": ("Customer Name",),
    "status": ("Event Type",),
}

FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        name="shopify_orders",
        label=N_("Shopify orders"),
        kind="orders",
        signature=("Name", "Financial Status", "Lineitem quantity", "Lineitem name"),
        fields={
            "order_id": ("Name",),
            "order_date": ("Created at", "Paid at"),
            "email": ("Email",),
            "phone": ("Phone", "Billing Phone"),
            "name": ("Billing Name",),
            "product": ("Lineitem name",),
            "sku": ("Lineitem sku",),
            "quantity": ("Lineitem quantity",),
            "unit_price": ("Lineitem price",),
            "order_total": ("Total",),
            "shipping": ("Shipping",),
            "discount": ("Discount Amount",),
            "refund": ("Refunded Amount",),
            "status": ("Financial Status",),
            "cancelled_at": ("Cancelled at",),
            "currency": ("Currency",),
        },
        channel="shopify",
        # Real cancelled orders show Financial Status refunded or even paid: Cancelled at decides.
        cancel_when=(Rule("Cancelled at", "nonempty"), Rule("Financial Status", "equals", ("voided",))),
        missing_notes=(("Cancelled at", N_("This Shopify export has no \"Cancelled at\" column, so cancelled orders "
                                           "cannot be told apart and count as sales. Export the orders again with all "
                                           "columns.")),),
        # Order-level columns are filled on the first row of each order only.
    ),
    ExportFormat(
        name="shopify_customers",
        label=N_("Shopify customers"),
        kind="customers",
        signature=("Email", "Total Spent", "Total Orders"),
        fields={
            "customer_id": ("Customer ID",),
            "email": ("Email",),
            "phone": ("Phone", "Default Address Phone"),
            "last_name": ("Last Name",),
            "first_name": ("First Name",),
            "total_spent": ("Total Spent",),
            "total_orders": ("Total Orders",),
        },
        channel="shopify",
    ),
    ExportFormat(
        name="base",
        label=N_("BASE orders"),
        kind="orders",
        signature=("注文ID", "注文日時", "メールアドレス(請求先)", "発送状況"),
        fields={
            "order_id": ("注文ID",),
            "order_date": ("注文日時",),
            "email": ("メールアドレス(請求先)",),
            "phone": ("電話番号(請求先)",),
            "last_name": ("氏(請求先)",),
            "first_name": ("名(請求先)",),
            "product": ("商品名",),
            "sku": ("商品ID",),
            "quantity": ("数量",),
            "unit_price": ("価格",),
            "order_total": ("合計金額",),
            "shipping": ("送料",),
            "status": ("発送状況",),
        },
        channel="base",
        currency="JPY",
        cancel_when=(_contains_cancel("発送状況"),),
        option_row=(Rule("商品名", "startswith", ("商品オプション",)), Rule("商品ID", "empty")),
        # Option rows (商品オプション「…」) belong to the item above; totals and 送料 repeat per row.
    ),
    ExportFormat(
        name="rakuten_rms",
        label=N_("Rakuten RMS orders"),
        kind="orders",
        signature=("受注番号", "注文者名字", "個数", "レコードナンバー"),
        fields={
            "order_id": ("受注番号",),
            "order_date": ("注文日",),
            "order_time": ("注文時間",),
            "email": ("メールアドレス",),
            "phone": (("注文者電話番号1", "注文者電話番号2", "注文者電話番号3"),),
            "last_name": ("注文者名字",),
            "first_name": ("注文者名前",),
            "product": ("商品名",),
            "sku": ("商品番号", "商品ID"),
            "quantity": ("個数",),
            "unit_price": ("単価",),
            "order_total": ("合計金額(-99999=無効値)", "合計金額"),
            "shipping": ("送料(-99999=無効値)", "送料"),
            "status": ("受注ステータス",),
            "gender": ("注文者性別",),
            "birth_date": ("注文者誕生日",),
        },
        channel="rakuten",
        currency="JPY",
        money_sentinels=("-99999",),
        cancel_when=(_contains_cancel("受注ステータス"),),
        relay_domains=RAKUTEN_RELAY,
        # Totals repeat on every item row; -99999 means no value.
    ),
    ExportFormat(
        name="rakuten_rms_current",
        label=N_("Rakuten RMS orders (R-Backoffice)"),
        kind="orders",
        signature=("注文番号", "注文日時", "注文者姓", "注文者メールアドレス", "請求金額"),
        fields={
            "order_id": ("注文番号",),
            # 注文日 + 注文時間 keep the seconds a re-saved 注文日時 (12/5/2023 20:24) lost.
            "order_date": ("注文日", "注文日時"),
            "order_time": ("注文時間",),
            "email": ("注文者メールアドレス",),
            "phone": (("注文者電話番号1", "注文者電話番号2", "注文者電話番号3"),),
            "last_name": ("注文者姓",),
            "first_name": ("注文者名",),
            "product": ("商品名",),
            "sku": ("商品番号", "商品管理番号"),
            "quantity": ("個数",),
            "unit_price": ("単価",),
            # 請求金額: what the customer is billed (合計金額 less points and coupons, plus the COD and
            # payment fees), the same on every row of the order.
            "order_total": ("請求金額",),
            "shipping": ("送料合計",),
            "status": ("ステータス",),
            "gender": ("注文者性別",),
        },
        channel="rakuten",
        currency="JPY",
        money_sentinels=("-99999",),
        cancel_when=(_status_in("ステータス", "900", "キャンセル確定"),),  # 900 キャンセル確定
        relay_domains=RAKUTEN_RELAY,
        # One row per item, order columns repeated; ステータス 900 is a confirmed cancellation.
    ),
    ExportFormat(
        name="amazon_orders",
        label=N_("Amazon order report"),
        kind="orders",
        signature=("order-id", "order-item-id", "purchase-date", "quantity-purchased", "item-price"),
        fields={
            **_AMAZON_LINES,
            "order_id": ("order-id",),
            "email": ("buyer-email",),
            "name": ("buyer-name",),
            "phone": ("buyer-phone-number",),
            "quantity": ("quantity-purchased",),
        },
        channel="amazon",
        # The order report lists orders to ship: it has no status column (the all-orders report has).
        summed_per_line=("shipping", "discount"),
        relay_domains=AMAZON_RELAY,
        offsets_tell_zone=False,
        # item-price is the price of the line (all units); timestamps are UTC.
    ),
    ExportFormat(
        name="amazon_unshipped",
        label=N_("Amazon unshipped orders report"),
        kind="orders",
        signature=("order-id", "order-item-id", "purchase-date", "quantity-purchased"),
        fields={"order_id": ("order-id",), "order_date": ("purchase-date",)},
        channel="amazon",
        refusal=N_("This is Amazon's unshipped-orders report: it has no prices, so importing it would count every "
                   "sale as zero. Download the all-orders report from Seller Central and import that."),
    ),
    ExportFormat(
        name="amazon_all_orders",
        label=N_("Amazon all orders report"),
        kind="orders",
        signature=("amazon-order-id", "purchase-date", "order-status", "quantity"),
        fields={**_AMAZON_LINES, "order_id": ("amazon-order-id",), "quantity": ("quantity",), "status": ("order-status",),
                "updated_at": ("last-updated-date",)},
        channel="amazon",
        # A cancelled order, or a cancelled item inside a shipped one.
        cancel_when=(Rule("order-status", "equals", ("Cancelled",)),),
        skip_when=(((Rule("item-status", "equals", ("Cancelled",)), Rule("order-status", "not_in", ("Cancelled",))),
                    N_("cancelled item of an order that was not cancelled (item-status Cancelled)")),),
        summed_per_line=("shipping", "discount"),
        offsets_tell_zone=False,
        anonymous_note=N_("Amazon's all-orders report has no buyer e-mail, so these sales were imported as "
                          "anonymous sales. Import the order report (it has buyer-email) to link them to customers."),
    ),
    ExportFormat(
        name="amazon_in_sales",
        label=N_("Amazon.in sale report"),
        kind="orders",
        signature=("Order ID", "Date", "Status", "Fulfilment", "Sales Channel", "Qty", "Amount"),
        fields={
            "order_id": ("Order ID",),
            "order_date": ("Date",),  # MM-DD-YY
            "status": ("Status",),
            "product": ("Style",),
            "sku": ("SKU",),
            "quantity": ("Qty",),
            "amount": ("Amount",),
            "currency": ("currency",),
        },
        channel="amazon",
        cancel_when=(Rule("Status", "equals", ("Cancelled",)),),  # their Amount is still filled
        anonymous_note=N_("The Amazon.in sale report has no buyer columns, so these sales were imported as anonymous "
                          "sales: they count toward revenue, not toward any customer."),
    ),
    ExportFormat(
        name="yahoo_shopping",
        label=N_("Yahoo! Shopping orders"),
        kind="orders",
        # order.csv (one row per order), or order.csv and item.csv joined on OrderId (see pipeline).
        signature=("OrderId", "OrderTime", "OrderStatus"),
        fields={
            "order_id": ("OrderId",),
            "order_date": ("OrderTime",),
            "email": ("BillMailAddress",),
            "phone": ("BillPhoneNumber",),
            "last_name": ("BillLastName",),
            "first_name": ("BillFirstName",),
            "product": ("Title",),
            "sku": ("ItemId",),
            "quantity": ("Quantity",),
            "unit_price": ("UnitPrice",),
            "amount": ("LineSubTotal",),
            "order_total": ("TotalPrice",),
            "status": ("OrderStatus",),
        },
        channel="yahoo",
        currency="JPY",
        cancel_when=(Rule("OrderStatus", "equals", ("4",)),),  # 4 キャンセル
    ),
    ExportFormat(
        name="yahoo_items",
        label=N_("Yahoo! Shopping items (item.csv)"),
        kind="orders",
        signature=("OrderId", "LineId", "ItemId", "Quantity"),
        fields={"order_id": ("OrderId",), "product": ("Title",), "quantity": ("Quantity",)},
        channel="yahoo",
        currency="JPY",
        refusal=N_("This is the item.csv of Yahoo! Shopping: it has the items but not the order times. Import it "
                   "together with order.csv (choose or drop both files at once): the two are joined on OrderId."),
    ),
    ExportFormat(
        name="makeshop",
        label=N_("MakeShop orders"),
        kind="orders",
        signature=("注文番号", "日付", "注文時間", "処理状況"),
        fields={
            "order_id": ("注文番号",),
            "order_date": ("日付",),
            "order_time": ("注文時間",),
            "customer_id": ("会員ID",),
            "email": ("メールアドレス", "注文者メールアドレス"),
            "phone": ("電話番号", "注文者電話番号"),
            "name": ("注文者", "注文者名", "氏名"),
            "product": ("商品名",),
            "sku": ("独自商品コード", "商品コード"),
            "quantity": ("数量",),
            "unit_price": ("販売価格", "単価"),
            "order_total": ("合計金額",),
            "shipping": ("送料",),
            "status": ("処理状況",),
        },
        channel="makeshop",
        currency="JPY",
        cancel_when=(Rule("処理状況", "in", ("注文キャンセル", "返送")),),
        # 処理状況 注文キャンセル and 返送 are not revenue.
    ),
    ExportFormat(
        name="futureshop",
        label=N_("futureshop orders"),
        kind="orders",
        signature=("受注コード", "注文日時", "購入数量"),
        fields={
            "order_id": ("受注コード",),
            "order_date": ("注文日時",),
            "email": ("メールアドレス", "メールアドレス(メイン)", "メールアドレス(PC)", "メールアドレス(サブ)",
                      "メールアドレス(モバイル)"),
            "phone": ("電話番号(メイン)",),
            "last_name": ("氏名(姓)",),
            "first_name": ("氏名(名)",),
            "product": ("商品名",),
            "sku": ("商品番号",),
            "quantity": ("購入数量",),
            "unit_price": ("販売単価",),
            "order_total": ("請求合計金額",),
            "shipping": ("送料",),
            "status": ("処理状況区分", "処理状況", "受注状況", "ステータス"),
        },
        channel="futureshop",
        currency="JPY",
        # 注文取消 is a cancellation and 返品 a return: neither contains キャンセル.
        cancel_when=(Rule("@status", "contains", ("注文取消", "返品", "キャンセル")),),
    ),
    ExportFormat(
        name="colorme",
        label=N_("Color Me Shop sales"),
        kind="orders",
        signature=("売上ID", "受注日", "購入者 メールアドレス"),
        fields={
            "order_id": ("売上ID",),
            "order_date": ("受注日",),
            "customer_id": ("購入者 顧客ID",),
            "email": ("購入者 メールアドレス",),
            "phone": ("購入者 電話番号",),
            "name": ("購入者 名前",),
            "product": ("購入商品 商品名",),
            "sku": ("購入商品 型番",),
            "quantity": ("購入商品 販売個数",),
            "unit_price": ("購入商品 販売価格(消費税込)",),
            "amount": ("購入商品 小計",),
            "order_total": ("総合計金額",),
            "shipping": ("送料合計",),
            "discount": ("割引金額",),
            "status": ("入金状態",),
        },
        channel="colorme",
        currency="JPY",
        # No キャンセル column: 入金状態 or 発送状態 says キャンセル (inferred).
        cancel_when=(_contains_cancel("入金状態"), _contains_cancel("発送状態")),
        # Headers carry spaces: 購入者 メールアドレス.
    ),
    ExportFormat(
        name="woocommerce_orders",
        label=N_("WooCommerce orders report"),
        kind="orders",
        signature=("Order #", "Net Sales", "Customer type"),
        fields={
            "order_id": ("Order #",),
            "order_date": ("Date",),
            "name": ("Customer",),
            "product": ("Product(s)",),
            "quantity": ("Items sold",),
            "order_total": ("Net Sales",),
            "status": ("Status",),
        },
        channel="woocommerce",
        cancel_when=(Rule("Status", "in", ("Cancelled", "Canceled", "Refunded", "Failed", "キャンセル済み", "返金済み", "失敗")),),
        identify_by_name=True,
        # No e-mail in the orders report: customers are told apart by name within WooCommerce.
    ),
    ExportFormat(
        name="woocommerce_customers",
        label=N_("WooCommerce customers report"),
        kind="customers",
        signature=("Email", "Orders", "Total Spend", "AOV"),
        fields={
            "email": ("Email",),
            "name": ("Name",),
            "total_spent": ("Total Spend",),
            "total_orders": ("Orders",),
        },
        channel="woocommerce",
    ),
    ExportFormat(
        name="square_item_detail",
        label=N_("Square item sales"),
        kind="orders",
        # Time Zone is optional: exports without it are Square all the same.
        signature=("Gross Sales", "Transaction ID", "Item", "Qty"),
        fields={**_SQUARE_TRANSACTION, "product": ("Item",), "sku": ("SKU",), "quantity": ("Qty",),
                "amount": ("Net Sales",)},
        channel="square",
        refund_when=(Rule("Event Type", "equals", ("Refund",)),),
        # Refund rows are negative; dates are taken in the shop's time zone.
    ),
    ExportFormat(
        name="square_transactions",
        label=N_("Square transactions"),
        kind="orders",
        signature=("Gross Sales", "Transaction ID", "Total Collected"),
        fields={**_SQUARE_TRANSACTION, "amount": ("Gross Sales",), "order_total": ("Total Collected",),
                "discount": ("Discounts",)},
        channel="square",
        refund_when=(Rule("Event Type", "equals", ("Refund",)),),
        # Refund rows are negative; dates are taken in the shop's time zone.
    ),
    ExportFormat(
        name="smaregi",
        label=N_("Smaregi transactions"),
        kind="orders",
        signature=("取引ID", "取引日時", "取引区分", "取消区分"),
        fields={
            "order_id": ("取引ID",),
            # 取引日時 is when the server received it; 端末取引日時 is the sale (when the export has it).
            "order_date": ("端末取引日時", "取引日時"),
            "customer_id": ("会員ID", "会員コード"),
            "name": ("会員名",),
            "amount": ("小計",),
            "order_total": ("合計",),
            # No items: they are in the separate 取引明細 CSV, which is not read.
        },
        channel="smaregi",
        currency="JPY",
        skip_when=(
            (Rule("取引区分", "not_in", ("1",)), N_("not a sale (取引区分 is not 1)")),
            (Rule("取消区分", "not_in", ("0",)), N_("cancelled (取消区分 is not 0)")),
        ),
        # Only 取引区分 = 1 (通常) with 取消区分 = 0 are sales.
    ),
    ExportFormat(
        name="airregi",
        label=N_("AirREGI sales detail"),
        kind="orders",
        signature=("取引No", "会計日", "会計時間", "メニュー名", "修正後合計"),
        fields={
            "order_id": ("取引No",),
            "order_date": ("会計日",),
            "order_time": ("会計時間",),
            "customer_id": ("顧客番号",),
            "name": ("顧客名",),
            "product": ("メニュー名",),
            "quantity": ("注文数量",),
            "unit_price": ("価格",),
            # One totals row per sale, then item rows with the totals left blank.
            "order_total": ("修正後合計",),
        },
        channel="airregi",
        currency="JPY",
        anonymous_note=N_("This AirREGI export has no customer columns (顧客名 and 顧客番号 are off by default), "
                          "so these sales were imported as anonymous sales: they count toward revenue, not toward "
                          "any customer. Switch the customer columns on in AirREGI to link sales to customers."),
    ),
    ExportFormat(
        name="eccube4",
        label=N_("EC-CUBE 4 orders"),
        kind="orders",
        signature=("注文ID", "注文番号", "対応状況(ID)", "明細区分(ID)"),
        fields={
            "order_id": ("注文番号", "注文ID"),
            "order_date": ("受注日",),
            "customer_id": ("会員ID",),
            "last_name": ("お名前(姓)",),
            "first_name": ("お名前(名)",),
            "email": ("メールアドレス",),
            "phone": ("TEL", "電話番号"),
            "product": ("商品名",),
            "sku": ("商品コード",),
            "unit_price": ("価格",),
            "quantity": ("個数",),
            "order_total": ("支払合計",),
            "shipping": ("送料",),
            "status": ("対応状況(名称)", "対応状況(ID)"),
        },
        channel="eccube",
        currency="JPY",
        cancel_when=(_status_in("対応状況(ID)", "3", "9"),),  # 3 注文取消し, 9 返品
        skip_when=((Rule("明細区分(ID)", "not_in", ("1",)),
                    N_("not a product line (送料, 手数料, 割引, 税 or ポイント: already in 支払合計)")),),
        # One row per order detail; 明細区分 1 is a product line, the others are in 支払合計.
    ),
    ExportFormat(
        name="eccube2",
        label=N_("EC-CUBE 2 orders"),
        kind="orders",
        signature=("注文番号", "会員ID", "お支払い合計", "対応状況", "注文日時"),
        fields={
            "order_id": ("注文番号",),
            "order_date": ("注文日時",),
            "customer_id": ("会員ID",),
            "last_name": ("お名前(姓)", "お名前1"),
            "first_name": ("お名前(名)", "お名前2"),
            "email": ("メールアドレス",),
            "phone": (("電話番号1", "電話番号2", "電話番号3"), "電話番号"),
            "order_total": ("お支払い合計",),
            "shipping": ("送料",),
            "status": ("対応状況",),
        },
        channel="eccube",
        currency="JPY",
        cancel_when=(_status_in("対応状況", "3", "キャンセル"),),  # mtb_order_status 3 キャンセル
        # One row per order.
    ),
    ExportFormat(
        name="google_forms",
        label=N_("Google Forms responses"),
        kind="survey",
        signature=("タイムスタンプ",),
        fields={"answered_at": ("タイムスタンプ",), "email": ("メールアドレス",)},
        channel="survey",
    ),
    ExportFormat(
        name="google_forms_en",
        label=N_("Google Forms responses"),
        kind="survey",
        signature=("Timestamp",),
        fields={"answered_at": ("Timestamp",), "email": ("Email Address", "Email")},
        channel="survey",
    ),
    ExportFormat(
        name="surveymonkey",
        label=N_("SurveyMonkey responses"),
        kind="survey",
        signature=("Respondent ID", "Collector ID"),
        fields={"answered_at": ("End Date", "Start Date"), "email": ("Email Address",), "customer_id": ("Custom Data 1",)},
        channel="survey",
        header_rows=2,
        # Row 1 holds the question texts, row 2 the sub-labels.
    ),
)

BY_NAME: dict[str, ExportFormat] = {f.name: f for f in FORMATS}

# Files we do not recognise: a status that says cancelled, returned, refunded or failed excludes the
# order. (An order whose own net total is below zero, such as a UK-style credit note "C…",
# is a refund whatever the format: see staging/orders.py.)
# A status that says the sale was undone: cancelled, voided, failed, returned or refunded as a whole. A partial
# refund or return (一部返金, partially refunded) is still a sale: its refunded amount comes off the revenue, where
# taking it as cancelled dropped the whole order.
PARTLY = ("一部", "partial")
GENERIC_CANCEL = ((Rule("@status", "contains", ("キャンセル", "取消", "返品", "返金", "cancel", "void", "refunded",
                                                "returned", "failed")),
                   Rule("@status", "excludes", PARTLY)),)
