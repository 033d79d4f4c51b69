"""SQL expressions that turn export text into typed values, run by DuckDB on every row.

Each function takes a SQL expression of type VARCHAR and returns a SQL
expression. They are built once per import and run in one statement over the
whole file, so a million rows never pass through a Python loop.
"""

from __future__ import annotations

from engage_desktop.core.sql import ident, quote

__all__ = ["ident", "quote"]  # values.quote is how staging quotes; the helper itself lives in core/sql.py

# Full-width digits and signs that Japanese Excel and platforms write.
_FULL = "０１２３４５６７８９．，－ー−＋：／　"
_HALF = "0123456789.,---+:/ "

# What spreadsheets, R and back offices write for "no value": read as an empty cell in every field
# (R's write.csv NA became one customer with 397 orders). Matched as written, in the letter cases
# tools write them (NA, na, Na; NULL, null, Null…).
MISSING_MARKERS = ("NA", "N/A", "#N/A", "NULL", "NONE", "NAN", "-", "--", "該当なし", "なし")
_SPELLINGS = tuple(dict.fromkeys(v for m in MISSING_MARKERS for v in (m, m.lower(), m.capitalize(), m.title())))


_FIRST_LETTERS = tuple(sorted({m[0] for m in _SPELLINGS}))
_LONGEST = max(len(m.encode()) for m in _SPELLINGS)


def present(col: str) -> str:
    """The cell, or NULL when it is an exact spelling of a missing-value marker.

    Read with the IN-list rewrite off (staging/rows.py: a join there loses the file's row
    order), the list is compared value by value: two byte tests first (short, and starting
    like a marker) leave it to few cells. 0.5 s on a million rows; trimming and upper-casing
    every cell first cost 2.4 s."""
    starts = " OR ".join(f"prefix({col}, {quote(ch)})" for ch in _FIRST_LETTERS)
    return (f"CASE WHEN strlen({col}) <= {_LONGEST} AND ({starts}) "
            f"AND {col} IN ({', '.join(quote(m) for m in _SPELLINGS)}) THEN NULL ELSE {col} END")


NO_COLUMN = "NULL::VARCHAR"  # a field the export does not have: every normaliser gives a typed NULL
BLANKS = " 　\t"  # space, full-width space, tab
_APOSTROPHE = "'"


def _edges_in(col: str, chars: str) -> str:
    """SQL: the text starts or ends with one of ``chars`` (byte tests, no walk over the characters)."""
    return " OR ".join(f"{side}({col}, {quote(ch)})" for ch in chars for side in ("prefix", "suffix"))


def clean(col: str) -> str:
    """Trimmed text, full-width spaces included; NULL when blank.

    Most cells have nothing to trim: testing their two ends first is twice as fast as
    trimming every cell (this runs on several columns of every row)."""
    return (f"CASE WHEN {col} = '' THEN NULL WHEN {_edges_in(col, BLANKS)} "
            f"THEN nullif(trim({col}, {quote(BLANKS)}), '') ELSE {col} END")


def halfwidth(col: str) -> str:
    """Full-width digits and signs to ASCII; ASCII text (most cells) skips the translation."""
    return f"CASE WHEN strlen({col}) = length({col}) THEN {col} ELSE translate({col}, {quote(_FULL)}, {quote(_HALF)}) END"


def money(col: str, sentinels: tuple[str, ...] = ()) -> str:
    """DECIMAL(18,2) from '¥1,234', '1,240円', '$1,240.00', '-$45.00', '(45.00)', '△500', "'1200"."""
    if col == NO_COLUMN:
        return "NULL::DECIMAL(18, 2)"
    stripped = f"regexp_replace({halfwidth(clean(col))}, '[¥￥$£€,円\\s''\"]', '', 'g')"
    signed = (
        f"CASE WHEN {stripped} ~ '^\\(.*\\)$' THEN '-' || trim({stripped}, '()') "
        f"WHEN {stripped} LIKE '△%' OR {stripped} LIKE '▲%' THEN '-' || substr({stripped}, 2) "
        f"ELSE {stripped} END"
    )
    # Most cells are plain numbers: a direct cast, and the clean-up only where it fails
    # (DuckDB evaluates coalesce's later arguments only for rows still NULL).
    expr = f"coalesce(TRY_CAST({col} AS DECIMAL(18, 2)), TRY_CAST({signed} AS DECIMAL(18, 2)))"
    if sentinels:
        expr = f"CASE WHEN {is_sentinel(col, sentinels)} THEN NULL ELSE {expr} END"
    return expr


def is_negative(col: str) -> str:
    """TRUE when the cell is an amount below zero; never NULL. Only a cell with a minus sign,
    a parenthesis or a triangle can be one, so the others skip the amount parsing."""
    signs = " OR ".join(f"contains({col}, {quote(ch)})" for ch in "-－ー−(△▲")
    return f"coalesce(({signs}) AND {money(col)} < 0, FALSE)"


def is_sentinel(col: str, sentinels: tuple[str, ...]) -> str:
    """TRUE when the cell holds a "no value" marker (Rakuten's -99999); never NULL."""
    if not sentinels:
        return "FALSE"
    listed = ", ".join(quote(s) for s in sentinels)
    return f"coalesce(replace(trim({col}), '''', '') IN ({listed}), FALSE)"


def number(col: str) -> str:
    """DECIMAL(18,3) quantity from '2', '２', '1,000', "'3"."""
    if col == NO_COLUMN:
        return "NULL::DECIMAL(18, 3)"
    stripped = f"regexp_replace({halfwidth(clean(col))}, '[,\\s''個点]', '', 'g')"
    return f"coalesce(TRY_CAST({col} AS DECIMAL(18, 3)), TRY_CAST({stripped} AS DECIMAL(18, 3)))"


def small_int(col: str) -> str:
    """Leading integer of an answer such as '9', '９', '10 (とても)', '3. これからも…'."""
    return f"TRY_CAST(regexp_extract({halfwidth(clean(col))}, '^\\s*([0-9]+)', 1) AS INTEGER)"


def time_of_day(col: str) -> str:
    """TIME from 'hhmmss' (93005 too), 'hh:mm:ss' or 'hh:mm'."""
    text = halfwidth(clean(col))
    digits = f"lpad({text}, 6, '0')"
    every_layout = (
        f"CASE WHEN {text} ~ '^[0-9]{{5,6}}$' THEN try_strptime({digits}, '%H%M%S') "
        f"ELSE try_strptime({text}, ['%H:%M:%S', '%H:%M', '%H:%M:%S.%f']) END"
    )
    # hh:mm:ss as written is what nearly every export has (and the full path reads it the same).
    return f"CAST(coalesce(try_strptime({col}, '%H:%M:%S'), {every_layout}) AS TIME)"


# Every full-width ASCII sign (！ to ～) and its half-width one: an address typed on a Japanese keyboard
# (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ) is the same address, and was a second customer while only digits were folded.
_FULL_ASCII = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "　"
_HALF_ASCII = "".join(chr(c) for c in range(0x21, 0x7F)) + " "


def email(col: str) -> str:
    """Lower case, trimmed of blanks and apostrophes, full-width letters and signs folded; NULL when blank."""
    folded = f"translate({halfwidth(clean(col))}, {quote(_FULL_ASCII)}, {quote(_HALF_ASCII)})"
    plain = f"nullif(lower(trim({folded}, ' ''')), '')"
    # Most addresses are ASCII with nothing to trim: then lower() is all there is to do.
    ascii_and_trimmed = f"strlen({col}) = length({col}) AND NOT ({_edges_in(col, BLANKS + _APOSTROPHE)})"
    return f"CASE WHEN {col} = '' THEN NULL WHEN {ascii_and_trimmed} THEN lower({col}) ELSE {plain} END"


def phone(col: str) -> str:
    """Digits only, '+81' -> '0', leading apostrophe and hyphens gone; NULL when too short."""
    digits = f"regexp_replace({halfwidth(clean(col))}, '[^0-9+]', '', 'g')"
    national = f"CASE WHEN {digits} LIKE '+81%' THEN '0' || substr({digits}, 4) ELSE replace({digits}, '+', '') END"
    plain = f"CASE WHEN length({national}) >= 6 THEN {national} END"
    # A number written as digits only (most are) is already what the rule makes of it.
    only_digits = f"ltrim({col}, '0123456789') = ''"
    return f"CASE WHEN {only_digits} THEN (CASE WHEN strlen({col}) >= 6 THEN {col} END) ELSE {plain} END"


def person_name(col: str) -> str:
    """One space between family and given name, whatever spaces the export used."""
    plain = f"nullif(trim(regexp_replace(replace({col}, '　', ' '), '\\s+', ' ', 'g')), '')"
    # Names with single ASCII spaces inside and none at the ends come out as they went in.
    odd = " OR ".join(f"contains({col}, {quote(ch)})" for ch in ("　", "  ", "\t", "\n", "\r", "\f"))
    return f"CASE WHEN {col} <> '' AND {col} = trim({col}) AND NOT ({odd}) THEN {col} ELSE {plain} END"


def identifier(col: str) -> str:
    """Order and customer ids: trimmed, without Shopify's leading apostrophe.

    No full-width folding: platforms generate ids in ASCII, and this runs on every row."""
    # trim() without characters strips Unicode spaces (full-width ones too) and is fast;
    # the apostrophe strip is the costly part, and only cells with an apostrophe need it.
    apostrophe = quote(_APOSTROPHE)
    return (f"nullif(CASE WHEN contains({col}, {apostrophe}) THEN ltrim(trim({col}), {apostrophe}) "
            f"ELSE trim({col}) END, '')")
