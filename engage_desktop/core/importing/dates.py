"""Dates as exports write them: one reader for every path, the layout decided per column.

``06-05-21`` is 5 June 2021 in an Amazon.in report (MM-DD-YY) and ``9/30/11`` is
30 September 2011 in a US Excel file (M/D/YY); read one value at a time, either
can become a date in the year 6 or 11 AD. A two-digit year or a day-month order
can only be decided from the whole column, so the layout is decided here from
every distinct date part of the column (``decide``), then every cell is read
with that one layout (``parse_sql``), and a cell the layout cannot read, or
that lands outside the plausible range, is a reject that quotes the cell.

Rules (stated to the owner in the import summary):
- year first (2024-12-31, 2024/12/31, 2024年12月31日, 20241231, ISO 8601 with
  ``T``, ``Z``, offsets and fractions) wins when it reads the column;
- otherwise the order that reads the most cells; a first field over 12
  anywhere means day first (31/12/2024), a second field over 12 means month
  first (12/31/2024); when both read every cell, month first is taken and the
  reading is flagged as ambiguous, so the owner can choose the other;
- two-digit years: 00-68 are 2000-2068, 69-99 are 1969-1999 (POSIX, as DuckDB);
- Excel serial numbers (45123, 45123.5) and Japanese era dates (令和5年12月1日,
  R5.12.1) are read wherever they appear;
- Google Forms' ``2024/01/07 7:41:40 午後 GMT+9`` is read with its offset.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from engage_desktop.core.importing.values import clean, halfwidth, quote
from engage_desktop.core.messages import day_format_sql, listing

# The earliest order or answer date we accept: no shop export goes back further,
# and a year read wrongly (6 AD, 1911) lands before it.
EARLIEST = dt.date(1990, 1, 1)
EARLIEST_BIRTH = dt.date(1900, 1, 1)
PIVOT = 69  # two-digit years below are 20xx, from here 19xx


@dataclass(frozen=True)
class Layout:
    key: str
    example: str  # how the owner recognises it
    date_formats: tuple[str, ...]


LAYOUTS: tuple[Layout, ...] = (
    Layout("ymd", "2024-12-31", ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")),
    Layout("mdy", "12/31/2024", ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y")),
    Layout("dmy", "31/12/2024", ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")),
    Layout("mdy2", "12/31/24", ("%m/%d/%y", "%m-%d-%y", "%m.%d.%y")),
    Layout("dmy2", "31/12/24", ("%d/%m/%y", "%d-%m-%y", "%d.%m.%y")),
    Layout("ymd2", "24/12/31", ("%y/%m/%d", "%y-%m-%d", "%y.%m.%d")),
)
BY_KEY = {layout.key: layout for layout in LAYOUTS}
LAYOUT_KEYS = tuple(BY_KEY)  # also the order of preference when two layouts read a column equally

# What may follow the date: nothing, a time, ISO's T, a 12-hour clock; then an offset or Z.
_TIMES = ("", " %H:%M:%S", " %H:%M", " %H:%M:%S.%f", "T%H:%M:%S", "T%H:%M:%S.%f", "T%H:%M",
          " %I:%M:%S %p", " %I:%M %p", "%H%M%S")
_OFFSETS = (" %z", "%z")
_UTC = "Z"


def _all_formats(layout: Layout) -> list[str]:
    out = []
    for date in layout.date_formats:
        for time in _TIMES:
            glued_date, glued_time = date == "%Y%m%d", time == "%H%M%S"
            if glued_time != glued_date and (time or not glued_date):
                continue  # hhmmss is glued on only after a glued date (20240501093000), and only it is
            out.append(date + time)
            if time:
                out += [date + time + offset for offset in _OFFSETS] + [date + time + _UTC]
    return out


# -- reading one date part in Python (the decision works on distinct date parts) ----------
_NUMERIC = re.compile(r"^(\d{1,4})([/\-.])(\d{1,2})\2(\d{1,4})(?!\d)")
_KANJI = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?$")
_SERIAL = re.compile(r"^[1-9]\d{4}(?:\.\d+)?$")
_ERA = re.compile(r"^(令和|平成|昭和|大正|[RHST])\s*(\d{1,2}|元)[年./\-](\d{1,2})[月./\-](\d{1,2})")
ERA_START = {"令和": 2019, "R": 2019, "平成": 1989, "H": 1989, "昭和": 1926, "S": 1926, "大正": 1912, "T": 1912}


def _full_year(two_digits: int) -> int:
    return 2000 + two_digits if two_digits < PIVOT else 1900 + two_digits


def read_date_part(token: str, layout: str) -> dt.date | None:
    """The calendar date a date part means under ``layout``, or None when it cannot."""
    ymd: tuple[int, int, int] | None = None
    if m := _NUMERIC.match(token):
        a, b, c = m.group(1), m.group(3), m.group(4)
        if layout == "ymd" and len(a) == 4:
            ymd = (int(a), int(b), int(c))
        elif layout in ("mdy", "dmy") and len(c) == 4 and len(a) <= 2:
            ymd = (int(c), int(a), int(b)) if layout == "mdy" else (int(c), int(b), int(a))
        elif layout in ("mdy2", "dmy2", "ymd2") and max(len(a), len(c)) <= 2:
            if layout == "ymd2":
                ymd = (_full_year(int(a)), int(b), int(c))
            else:
                year = _full_year(int(c))
                ymd = (year, int(a), int(b)) if layout == "mdy2" else (year, int(b), int(a))
    elif layout == "ymd" and ((m := _KANJI.match(token)) or (m := _COMPACT.match(token))):
        ymd = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if ymd is None:
        return None
    try:
        return dt.date(*ymd)
    except ValueError:
        return None


def read_era(token: str) -> dt.date | None:
    m = _ERA.match(token)
    if not m:
        return None
    year = 1 if m.group(2) == "元" else int(m.group(2))
    try:
        return dt.date(ERA_START[m.group(1)] + year - 1, int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


@dataclass(frozen=True)
class DateReading:
    """How one column's dates are read: the owner sees it in the import summary and may change it."""

    layout: str = "ymd"
    ambiguous: bool = False  # another layout reads every cell too, differently
    chosen: bool = False  # the owner chose the layout
    serials: bool = False  # Excel serial numbers seen
    era: bool = False  # Japanese era dates seen
    twelve_hour_ja: bool = False  # 午前 / 午後
    gmt: bool = False  # Google Forms' "GMT+9"
    long_fraction: bool = False  # more than 6 digits after the second (.NET)
    formats_seen: tuple[str, ...] = ()  # the full formats the sampled cells use, most used first

    @property
    def example(self) -> str:
        return BY_KEY[self.layout].example


@dataclass(frozen=True)
class Profile:
    """What ``decide`` needs to know of a column: its distinct date parts and a sample of cells."""

    date_parts: list[tuple[str, int]]  # (date part, cells)
    sample: list[str]
    twelve_hour_ja: bool = False
    gmt: bool = False
    long_fraction: bool = False


def profile_sql(text: str, table: str, where: str = "TRUE") -> str:
    """SQL returning (date part, cells, 午前/午後 seen, GMT seen, long fraction seen, a sample cell)
    per distinct date part of ``text`` (a cleaned, half-width text column of ``table``)."""
    return f"""SELECT left(split_part({text}, ' ', 1), 11) AS part, count(*),
                      bool_or(contains({text}, '午')), bool_or(contains({text}, 'GMT')),
                      bool_or(regexp_matches({text}, '\\.[0-9]{{7,}}')), any_value({text})
               FROM {table} WHERE {text} IS NOT NULL AND {where} GROUP BY part"""


def profile_from_rows(rows: Iterable[tuple[str, int, bool, bool, bool, str]]) -> Profile:
    rows = list(rows)
    return Profile(
        date_parts=[(r[0], int(r[1])) for r in rows],
        sample=[r[5] for r in rows[:200]],
        twelve_hour_ja=any(r[2] for r in rows),
        gmt=any(r[3] for r in rows),
        long_fraction=any(r[4] for r in rows),
    )


def profile_of(cells: Iterable[str]) -> Profile:
    """The same profile, from cells in Python (the preview's first rows, tests)."""
    parts: dict[str, int] = {}
    kept = []
    for cell in cells:
        text = _plain_text(cell)
        if text:
            part = text.split(" ")[0][:11]
            parts[part] = parts.get(part, 0) + 1
            kept.append(text)
    return Profile(list(parts.items()), kept[:200], any("午" in c for c in kept), any("GMT" in c for c in kept),
                   any(re.search(r"\.\d{7,}", c) for c in kept))


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－ー−＋：／　", "0123456789.,---+:/ ")


def _plain_text(cell: str) -> str:
    return cell.strip(" \u3000\t").translate(_FULL_WIDTH)


def decide(profile: Profile, earliest: dt.date = EARLIEST, latest: dt.date | None = None,
           chosen: str | None = None) -> DateReading:
    """The layout that reads the most cells of the column as plausible dates (see the module's rules)."""
    latest = latest or dt.date.today() + dt.timedelta(days=1)
    scores = dict.fromkeys(LAYOUT_KEYS, 0)
    readings: dict[str, dict[str, dt.date | None]] = {key: {} for key in LAYOUT_KEYS}
    serials = era = False
    for part, cells in profile.date_parts:
        if _SERIAL.match(part):
            serials = True
            continue
        if read_era(part):
            era = True
            continue
        for key in LAYOUT_KEYS:
            day = read_date_part(part, key)
            readings[key][part] = day
            if day is not None and earliest <= day <= latest:
                scores[key] += cells
    if chosen:
        if chosen not in BY_KEY:
            raise ValueError(f"unknown date layout {chosen!r}")
        best, ambiguous = chosen, False
    else:
        best = max(LAYOUT_KEYS, key=lambda k: (scores[k], -LAYOUT_KEYS.index(k)))
        ambiguous = scores[best] > 0 and any(
            scores[k] == scores[best] and readings[k] != readings[best] for k in LAYOUT_KEYS if k != best)
    return DateReading(
        layout=best, ambiguous=ambiguous, chosen=bool(chosen), serials=serials, era=era,
        twelve_hour_ja=profile.twelve_hour_ja, gmt=profile.gmt, long_fraction=profile.long_fraction,
        formats_seen=_formats_seen(best, [_prepared(c, profile) for c in profile.sample]),
    )


def _prepared(cell: str, profile: Profile) -> str:
    """A cell as ``parse_sql`` prepares it before parsing (Python's mirror of ``_prepare_sql``)."""
    if profile.twelve_hour_ja:
        cell = cell.replace("午前", "AM").replace("午後", "PM")
    if profile.gmt:
        cell = re.sub(r" ?GMT([+-])(\d)$", r" \g<1>0\g<2>", cell)
        cell = re.sub(r" ?GMT([+-]\d\d)", r" \1", cell)
    if profile.long_fraction:
        cell = re.sub(r"(\.\d{6})\d+", r"\1", cell)
    return cell


def _python_reads(cell: str, fmt: str) -> dt.datetime:
    """Python's strptime standing in for DuckDB's (raises ValueError where it cannot read)."""
    cell = re.sub(r"([+-]\d\d)$", r"\g<1>00", cell)  # Python's %z wants +0900 where DuckDB takes +09
    if fmt.endswith("Z"):
        return dt.datetime.strptime(cell.replace("Z", "+0000"), fmt[:-1] + "%z")
    return dt.datetime.strptime(cell, fmt)


def aware_times(cells: list[str]) -> list[dt.datetime]:
    """The cells that carry an offset (or Z), as aware datetimes: what tells a shop's time zone."""
    profile = profile_of(cells)
    reading = decide(profile)
    formats = [f for f in _all_formats(BY_KEY[reading.layout]) if _kind(f) != "naive"]
    out = []
    for cell in profile.sample:
        for fmt in formats:
            try:
                out.append(_python_reads(_prepared(cell, profile), fmt))
                break
            except ValueError:
                continue
    return out


def _formats_seen(layout: str, cells: list[str]) -> tuple[str, ...]:
    """The layout's full formats that read the sampled cells, most used first (tried first by SQL:
    a million cells of one format then cost one parse each). Python's strptime stands in for
    DuckDB's here; a difference only changes the order formats are tried in, never a result."""
    counts: dict[str, int] = {}
    formats = _all_formats(BY_KEY[layout])
    for cell in cells:
        for fmt in formats:
            try:
                _python_reads(cell, fmt)
            except ValueError:
                continue
            counts[fmt] = counts.get(fmt, 0) + 1
            break
    return tuple(sorted(counts, key=lambda f: -counts[f]))


# -- SQL --------------------------------------------------------------------------------
def text_sql(col: str) -> str:
    """The cell as the date reader reads it: trimmed, full-width digits made ASCII."""
    return halfwidth(clean(col))


def _prepare_sql(text: str, reading: DateReading) -> str:
    if reading.twelve_hour_ja:
        text = f"replace(replace({text}, '午前', 'AM'), '午後', 'PM')"
    if reading.gmt:
        text = f"regexp_replace({text}, ' ?GMT([+-])([0-9])$', ' \\10\\2')"
        text = f"regexp_replace({text}, ' ?GMT([+-][0-9][0-9])', ' \\1')"
    if reading.long_fraction:
        text = f"regexp_replace({text}, '(\\.[0-9]{{6}})[0-9]+', '\\1')"
    return text


def _attempt(text: str, formats: list[str], shop_zone: str, naive_zone: str | None) -> str:
    fmts = formats[0] if len(formats) == 1 else "[" + ", ".join(quote(f) for f in formats) + "]"
    parsed = f"try_strptime({text}, {quote(fmts) if len(formats) == 1 else fmts})"
    kind = _kind(formats[0])
    if kind == "offset":
        return f"timezone({quote(shop_zone)}, {parsed})"
    if kind == "utc":
        return f"timezone({quote(shop_zone)}, timezone('UTC', {parsed}))"
    if naive_zone and naive_zone != shop_zone:
        return f"timezone({quote(shop_zone)}, timezone({quote(naive_zone)}, {parsed}))"
    return parsed


def _kind(fmt: str) -> str:
    return "offset" if fmt.endswith("%z") else "utc" if fmt.endswith("Z") else "naive"


def parse_sql(text: str, reading: DateReading, shop_zone: str, naive_zone: str | None = None) -> str:
    """SQL: a shop-local TIMESTAMP from ``text`` (see ``text_sql``), read with ``reading``'s layout only.

    Values with an offset or Z are converted to the shop's zone; values without one are
    taken in ``naive_zone`` (default: the shop's zone). The formats the sampled cells use
    are tried first, one at a time; the layout's other formats after them."""
    prepared = _prepare_sql(text, reading)
    seen = list(reading.formats_seen)
    rest = [f for f in _all_formats(BY_KEY[reading.layout]) if f not in seen]
    attempts = [_attempt(prepared, [f], shop_zone, naive_zone) for f in seen]
    for kind in ("naive", "offset", "utc"):
        group = [f for f in rest if _kind(f) == kind]
        if group:
            attempts.append(_attempt(prepared, group, shop_zone, naive_zone))
    if reading.layout != "ymd":
        # A value with a four-digit year first cannot be misread, whatever the column's layout:
        # accept it (a log re-saved by Excel keeps one ISO 2024-12-14 13:19:07.033 among its 3/1/2024).
        iso = [f for f in _all_formats(BY_KEY["ymd"]) if f.startswith(("%Y-", "%Y/"))]
        year_first = "coalesce(" + ", ".join(
            _attempt(prepared, [f for f in iso if _kind(f) == kind], shop_zone, naive_zone)
            for kind in ("naive", "offset", "utc")) + ")"
        attempts.append(f"CASE WHEN regexp_matches({text}, '^[0-9]{{4}}[-/]') THEN {year_first} END")
    if reading.serials:
        attempts.append(
            f"CASE WHEN {text} ~ '^[1-9][0-9]{{4}}(\\.[0-9]+)?$' THEN TIMESTAMP '1899-12-30' + "
            f"to_microseconds(CAST(round(TRY_CAST({text} AS DOUBLE) * 86400000000) AS BIGINT)) END")
    if reading.era:
        attempts.append(_era_sql(text))
    return attempts[0] if len(attempts) == 1 else "coalesce(" + ", ".join(attempts) + ")"


def _era_sql(text: str) -> str:
    pattern = "'^(令和|平成|昭和|大正|[RHST])\\s*([0-9]{1,2}|元)[年./-]([0-9]{1,2})[月./-]([0-9]{1,2})'"
    group = lambda n: f"regexp_extract({text}, {pattern}, {n})"  # noqa: E731
    start = "CASE " + group(1) + " " + " ".join(f"WHEN {quote(k)} THEN {v}" for k, v in ERA_START.items()) + " END"
    year = f"{start} + coalesce(TRY_CAST({group(2)} AS INTEGER), 1) - 1"  # 元年 is year 1
    return (f"CAST(try_strptime(concat({year}, '-', {group(3)}, '-', {group(4)}), '%Y-%m-%d') AS TIMESTAMP)")


def plausible_sql(ts: str, earliest: dt.date, latest: dt.datetime) -> str:
    """SQL: TRUE when a parsed timestamp lies in the range an order or answer can have."""
    return f"({ts} >= DATE '{earliest.isoformat()}' AND {ts} <= TIMESTAMP '{latest.isoformat(sep=' ')}')"


EXAMPLE_DAY = dt.date(2024, 12, 31)


def examples(layout: str) -> str:
    """How dates of ``layout`` may be written, for a reject to show: 2024-12-31, 2024/12/31 / 12/31/2024, 12-31-2024."""
    shown = [EXAMPLE_DAY.strftime(f) for f in BY_KEY[layout].date_formats[:2]]
    return listing(shown)


def date_text_sql(ts: str) -> str:
    """SQL: a parsed date as the owner's language writes it (2026年10月31日 / 31 Oct 2026), as messages.date_text."""
    return f"strftime({ts}, '{day_format_sql()}')"
