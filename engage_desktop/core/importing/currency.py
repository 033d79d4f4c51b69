"""Which currency a file's amounts are in: its currency column, its platform's, or the sign in its amounts.

One shop file holds one currency (money.py). A file in another currency than the shop's
is refused, never mixed in; a file that does not say is read in the shop's currency, and
the owner is told so.
"""

from __future__ import annotations

from dataclasses import dataclass

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.importing.detect import Detection
from engage_desktop.core.messages import language, listing, t
from engage_desktop.core.money import DEFAULT_CURRENCY, SYMBOLS

MONEY_FIELDS = ("order_total", "amount", "unit_price", "total_spent", "shipping")


def currency_name(code: str) -> str:
    """A currency as the owner reads it: 米ドル in Japanese, the ISO code (USD) in English."""
    if language() != "ja":
        return code
    from babel.numbers import UnknownCurrencyError, get_currency_name

    try:
        name = get_currency_name(code, locale="ja")
    except UnknownCurrencyError:
        return code
    return name


@dataclass(frozen=True)
class FileCurrency:
    code: str | None  # ISO 4217, or None when the file does not say
    how: str  # 'column', 'platform', 'symbol', 'chosen' (by the owner), or '' when unknown


def currency_of_file(det: Detection, head: list[list[str]], column_values: list[str],
                     chosen: str | None = None) -> FileCurrency:
    """``column_values``: the distinct values of the file's currency column (all rows); ``chosen``:
    the owner's word for a file that does not say (a file that says otherwise is refused)."""
    found = _said_by_file(det, head, column_values)
    if chosen:
        chosen = chosen.strip().upper()
        if found.code and found.code != chosen:
            raise ImportRefused(t("The file says its amounts are in {found}, not {chosen}. Let the currency be "
                                  "taken from the file.", found=currency_name(found.code), chosen=currency_name(chosen)))
        return found if found.code else FileCurrency(chosen, "chosen")
    return found


def _said_by_file(det: Detection, head: list[list[str]], column_values: list[str]) -> FileCurrency:
    codes = sorted({c.strip().upper() for c in column_values if c and c.strip()})
    if len(codes) > 1:
        raise ImportRefused(t("The file mixes currencies ({currencies}). One shop holds one currency: export each "
                              "currency's orders separately and import them into separate shops.",
                              currencies=listing([currency_name(c) for c in codes])))
    if codes:
        return FileCurrency(codes[0], "column")
    if det.format and det.format.currency:
        return FileCurrency(det.format.currency, "platform")
    cells = [row[i] for row in head[det.header_rows:] for f in MONEY_FIELDS
             for i in det.mapping.columns.get(f, [])[:1] if i < len(row)]
    found = {code for cell in cells for sign, code in SYMBOLS.items() if sign in cell}
    if len(found) == 1:
        return FileCurrency(found.pop(), "symbol")
    return FileCurrency(None, "")


def check_against_shop(found: FileCurrency, shop_currency: str | None, file_name: str) -> str:
    """The currency the file is read in; refuses a file in another currency than the shop's."""
    if found.code and shop_currency and found.code != shop_currency:
        raise ImportRefused(t(
            "{file} is in {found}, but this shop's money is in {shop}. One shop file holds one currency: create a "
            "new shop (File ▸ New shop) for this store, and import the file there.", file=file_name,
            found=currency_name(found.code), shop=currency_name(shop_currency)))
    return shop_currency or found.code or DEFAULT_CURRENCY


def currency_of_import(det: Detection, head: list[list[str]], column_values: list[str], chosen: str | None,
                       shop_currency: str | None, file_name: str) -> tuple[str, str]:
    """(the currency the file is read in, how it was known: the file's ``FileCurrency.how``, else
    'shop' or 'assumed'), as the import and its preview both say it; refuses as they both do."""
    found = currency_of_file(det, head, column_values, chosen)
    return check_against_shop(found, shop_currency, file_name), found.how or ("shop" if shop_currency else "assumed")
