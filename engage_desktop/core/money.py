"""Money as the owner reads it: the shop's currency, with its symbol and decimals, in the owner's language.

One shop file holds one currency (ISO 4217, the setting ``currency``), decided by the
first import that says which (a currency column, the platform's currency, or the symbol
in the amounts) and checked on every import after it. Yen keep the owner's choice of
¥1,234 or 1,234円; other currencies are written the CLDR way (Babel): $1,234.50, €1,234.50.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision, get_currency_symbol

DEFAULT_CURRENCY = "JPY"  # a shop whose files never said: Japanese first
_LOCALES = {"ja": "ja_JP", "en": "en_US"}
# A sign or word in an amount that says the currency (the file has no currency column).
SYMBOLS = {"¥": "JPY", "￥": "JPY", "円": "JPY", "$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "₹": "INR"}

Number = Decimal | float | int


def json_money(value: object) -> float:
    """Money as a plain JSON number that keeps its cents (``report --json``)."""
    return float(round(Decimal(value or 0), 2))  # type: ignore[arg-type]


def decimals(currency: str) -> int:
    return int(get_currency_precision(currency))


def symbol(currency: str, lang: str = "ja") -> str:
    return "¥" if currency == "JPY" else get_currency_symbol(currency, _LOCALES.get(lang, "en_US"))


def format_money(value: Number | None, currency: str = DEFAULT_CURRENCY, lang: str = "ja",
                 yen_style: str = "yen_sign") -> str:
    """'¥1,234' or '1,234円' (yen, the owner's style); '$1,234.50', '-€12.00' for other currencies."""
    if value is None:
        return "—"
    if currency == "JPY":
        amount = float(value)
        sign = "-" if round(amount) < 0 else ""
        # 1,234円 is how Japanese writes yen; English writes ¥1,234 whatever the owner's Japanese style.
        suffix = yen_style == "yen_suffix" and lang == "ja"
        return f"{sign}{abs(amount):,.0f}円" if suffix else f"{sign}¥{abs(amount):,.0f}"
    return format_currency(Decimal(str(value)), currency, locale=_LOCALES.get(lang, "en_US"))


def compact_money(value: float, currency: str = DEFAULT_CURRENCY, lang: str = "ja") -> str:
    """Axis labels, short enough for a chart's side: ¥120万, ¥1.2M, $12k."""
    sign = symbol(currency, lang)
    if lang == "ja":
        if abs(value) >= 100_000_000:
            return f"{sign}{value / 100_000_000:,.1f}億".replace(".0億", "億")
        if abs(value) >= 10_000:
            return f"{sign}{value / 10_000:,.0f}万"
    else:
        if abs(value) >= 1_000_000:
            return f"{sign}{value / 1_000_000:,.1f}M"
        if abs(value) >= 10_000:
            return f"{sign}{value / 1_000:,.0f}k"
    places = decimals(currency) if abs(value) < 100 else 0
    return f"{sign}{value:,.{places}f}"


def excel_format(currency: str = DEFAULT_CURRENCY) -> str:
    """An Excel number format showing the currency's symbol and decimals, negatives in red."""
    places = decimals(currency)
    digits = "#,##0" + ("." + "0" * places if places else "")
    sign = symbol(currency, "en").replace('"', "")
    return f'"{sign}"{digits};[Red]-"{sign}"{digits}'


def tier_scale(currency: str) -> int:
    """What the default LTV thresholds (in yen) are divided by for another currency: the
    default tiers (¥50,000 / ¥20,000 a year) become 500 / 200 dollars, euros or pounds."""
    return 1 if currency in ("JPY", "KRW") else 100
