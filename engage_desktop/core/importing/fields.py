"""The canonical fields an import fills, and the words owners' files use for them.

Used by the generic mapping when a file matches no known platform format.
Synonyms are compared by ``header_key`` (NFKC, lower-case, no spaces/brackets).
"""

from __future__ import annotations

from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.messages import N_, t

ORDER_FIELDS = (
    "order_id", "order_date", "order_time", "customer_id", "email", "phone", "name",
    "last_name", "first_name", "product", "sku", "quantity", "unit_price", "amount",
    "order_total", "shipping", "discount", "refund", "status", "cancelled_at", "updated_at", "currency", "gender",
    "birth_date",
)
CUSTOMER_FIELDS = (
    "customer_id", "email", "phone", "name", "last_name", "first_name", "gender", "birth_date",
    "total_spent", "total_orders",
)
SURVEY_FIELDS = ("answered_at", "email", "customer_id", "nps", "fan_level", "liking")

# What the owner calls each field (the mapping table, the preview, refusals): the English text is
# the catalogue's msgid (core/messages.py); ``field_label`` says it in the owner's language.
FIELD_LABELS = {
    "order_id": N_("Order number"),
    "order_date": N_("Order date"),
    "order_time": N_("Order time"),
    "customer_id": N_("Customer ID"),
    "email": N_("E-mail address"),
    "phone": N_("Phone number"),
    "name": N_("Customer name"),
    "last_name": N_("Last name"),
    "first_name": N_("First name"),
    "product": N_("Product name"),
    "sku": N_("Product code"),
    "quantity": N_("Quantity"),
    "unit_price": N_("Unit price"),
    "amount": N_("Line amount"),
    "order_total": N_("Order total"),
    "shipping": N_("Shipping"),
    "discount": N_("Discount"),
    "refund": N_("Refunded amount"),
    "status": N_("Order status"),
    "cancelled_at": N_("Cancelled at"),
    "updated_at": N_("Last updated"),
    "currency": N_("Currency"),
    "gender": N_("Gender"),
    "birth_date": N_("Birth date"),
    "total_spent": N_("Total spent"),
    "total_orders": N_("Total orders"),
    "answered_at": N_("Answered at"),
    "nps": N_("Recommend (0-10)"),
    "fan_level": N_("Fan degree (1-6)"),
    "liking": N_("Liking (1-7)"),
}


def field_label(field: str) -> str:
    """The field as the owner calls it, in the current language (注文番号 / Order number)."""
    return t(FIELD_LABELS[field]) if field in FIELD_LABELS else field


# Ordered: where a file has two columns for one field, the one named earlier here wins
# (注文日 over 出荷確定日, Net Sales over Gross Sales).
# A shipping date stands in for the order date in exports that have none (a 3PL's): the lines of one order
# shipped on two days then carry two dates (staging/orders.py does not take them for two sales).
SHIP_DATES = ("出荷確定日", "出荷日", "発送日", "ship date", "shipped at")

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "order_id": ("注文番号", "受注番号", "注文ID", "受注ID", "注文コード", "受注コード", "伝票番号", "取引ID",
                 "売上ID", "会計ID", "order id", "order", "order #", "order number", "order no", "orderid",
                 "invoice", "invoice no", "invoiceno", "invoice number", "transaction id", "receipt no", "receipt number"),
    "order_date": ("注文日時", "注文日", "購入日", "購入日時", "受注日", "受注日時", "売上日", "取引日時", "会計日時",
                   "日時", "日付", "datetime", "order datetime", "date created", "date", "order date", "purchase date",
                   "created at", "invoice date", "invoicedate", "transaction date", "sale date", *SHIP_DATES),
    "order_time": ("注文時間", "注文時刻", "購入時間", "時刻", "時間", "time", "order time"),
    "customer_id": ("顧客ID", "顧客番号", "会員ID", "会員番号", "顧客コード", "customer id", "customerid",
                    "customer no", "customer number", "member id", "buyer id", "buyer user id"),
    "email": ("メールアドレス", "メール", "Eメール", "注文者メールアドレス", "購入者メールアドレス", "e-mail", "email",
              "email address", "e-mail address", "mail", "customer email", "buyer email", "billing email"),
    "phone": ("電話番号", "電話", "携帯電話番号", "携帯番号", "注文者電話番号", "TEL", "phone", "phone number",
              "telephone", "customer phone", "billing phone"),
    "name": ("氏名", "名前", "お名前", "顧客名", "購入者名", "注文者名", "注文者", "会員名", "お客様名", "お客様氏名",
             "顧客氏名", "購入者氏名", "注文者氏名", "name", "customer name",
             "customer", "billing name", "full name", "buyer name"),
    "last_name": ("姓", "名字", "注文者姓", "購入者姓", "お名前(姓)", "last name", "family name", "surname"),
    "first_name": ("名", "注文者名(名)", "お名前(名)", "first name", "given name"),
    "product": ("商品名", "品名", "商品", "アイテム", "メニュー名", "product", "product name", "item", "item name",
                "description", "title"),
    "sku": ("SKU", "商品コード", "商品番号", "品番", "商品ID", "item code", "product code", "stockcode",
            "stock code"),
    "quantity": ("数量", "個数", "購入数", "購入数量", "販売個数", "注文数量", "点数", "qty", "quantity", "units"),
    "unit_price": ("単価", "価格", "販売価格", "販売単価", "unit price", "unitprice", "price", "item price"),
    "amount": ("小計", "金額", "売上金額", "明細金額", "売上", "line total", "amount", "subtotal", "sales",
               "line amount", "gross sales", "gross amt", "gross amount", "total cost", "money", "price paid"),
    "order_total": ("請求金額", "合計金額", "合計", "総額", "支払金額", "お支払い金額", "お支払い合計", "請求合計金額",
                    "net sales", "net amount", "net total", "total", "order total", "grand total", "total amount"),
    "shipping": ("送料", "配送料", "shipping", "shipping fee", "order shipping"),
    "discount": ("割引", "割引金額", "値引", "値引き", "クーポン値引", "discount", "discount amount"),
    "refund": ("返金", "返金額", "返金金額", "refund", "refunded amount", "refund amount", "amount refunded"),
    "status": ("ステータス", "状態", "注文ステータス", "受注ステータス", "処理状況", "対応状況", "status",
               "order status"),
    "cancelled_at": ("キャンセル日", "キャンセル日時", "cancelled at", "canceled at"),
    "updated_at": ("更新日時", "最終更新日時", "更新日", "last updated", "updated at", "last-updated-date", "date modified",
                   "modified at"),
    "currency": ("通貨", "currency", "currency code"),
    "gender": ("性別", "gender", "sex"),
    "birth_date": ("生年月日", "誕生日", "birthday", "birth date", "date of birth"),
    "total_spent": ("累計購入金額", "購入金額合計", "total spent", "total spend"),
    "total_orders": ("累計購入回数", "購入回数", "注文回数", "total orders", "orders"),
    "answered_at": ("タイムスタンプ", "回答日時", "回答日", "timestamp", "start date", "submitted at", "surveyed at",
                    "response date", "date", "created at"),
}

SYNONYMS: dict[str, frozenset[str]] = {
    field: frozenset(header_key(word) for word in words) for field, words in _SYNONYMS.items()
}


def field_for_header(header: str, fields: tuple[str, ...]) -> str | None:
    """The one of ``fields`` (a kind's fields) a header names; None when unknown."""
    match = field_and_rank(header, fields)
    return match[0] if match else None


def field_and_rank(header: str, fields: tuple[str, ...]) -> tuple[str, int] | None:
    """(field, rank of the synonym): a lower rank is the likelier column when two name one field."""
    key = header_key(header)
    for field in fields:
        if key in SYNONYMS.get(field, ()):
            return field, RANKS[field][key]
    return None


RANKS: dict[str, dict[str, int]] = {
    field: {key: rank for rank, key in reversed(list(enumerate(header_key(w) for w in words)))}
    for field, words in _SYNONYMS.items()
}
