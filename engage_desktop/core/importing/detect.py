"""Which export is this file, and which column is which field?

Detection scores every known format by its signature headers; a file that
matches none, or more than one equally, falls back to the generic synonym
mapping and is flagged for the owner to confirm. A mapping the owner saved
for this exact header set wins over the generic guess; a mapping given
explicitly (``--map``, the wizard) wins over everything.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.importing.fields import FIELD_LABELS, field_and_rank, field_for_header, field_label
from engage_desktop.core.importing.formats import BY_NAME, FORMATS, ExportFormat, Source
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.kinds import CUSTOMERS, KINDS, ORDERS
from engage_desktop.core.importing.surveys import question_field
from engage_desktop.core.messages import listing, quoted, t, tn


@dataclass
class Mapping:
    """Canonical field -> column indices (several when the export splits a value, e.g. phone)."""

    columns: dict[str, list[int]] = field(default_factory=dict)

    def describe(self, headers: list[str]) -> list[tuple[str, str]]:
        return [(f, " + ".join(headers[i] for i in cols)) for f, cols in self.columns.items()]

    def used(self) -> set[int]:
        return {i for cols in self.columns.values() for i in cols}


@dataclass
class Detection:
    kind: str
    format: ExportFormat | None
    label: str  # what the owner calls the layout: a catalogue msgid, shown with t()
    confidence: float  # 0..1: how sure we are of the format and its mapping
    mapping: Mapping
    needs_confirmation: bool
    how: str  # 'format', 'saved mapping', 'generic', 'explicit'

    @property
    def format_name(self) -> str:
        return self.format.name if self.format else f"generic_{self.kind}"

    @property
    def header_rows(self) -> int:
        return self.format.header_rows if self.format else 1


def header_set_key(headers: list[str]) -> str:
    """Identifies a layout by its set of headers (order-independent)."""
    keys = sorted({header_key(h) for h in headers if h.strip()})
    return hashlib.sha256("\x1f".join(keys).encode()).hexdigest()[:32]


def detect(
    head: list[list[str]],
    *,
    kind: str | None = None,
    format_name: str | None = None,
    saved: dict[str, tuple[str, dict[str, list[str]]]] | None = None,
    explicit: dict[str, str] | None = None,
) -> Detection:
    """Detect the format of a table from its first rows (header first)."""
    headers = head[0]
    keys = [header_key(h) for h in headers]
    if format_name and format_name != "auto":
        if format_name not in BY_NAME:
            raise ImportRefused(t("There is no format named {name}. The formats: {names}, or auto (recognised "
                                  "from the file).", name=quoted(format_name), names=", ".join([*sorted(BY_NAME), "auto"])))
        fmt = BY_NAME[format_name]
        missing = [s for s in fmt.signature if header_key(s) not in set(keys)]
        if missing:
            found = _best_format(headers, keys, head, kind)
            columns = listing([quoted(m) for m in missing])
            if found and found.format:
                raise ImportRefused(t("The file does not have the columns a {format} export has: {columns}. It looks "
                                      "like {other} ({name}): choose that format, or let the format be recognised "
                                      "from the file.", format=t(fmt.label), columns=columns, other=t(found.label),
                                      name=found.format_name))
            raise ImportRefused(t("The file does not have the columns a {format} export has: {columns}. Let the format "
                                  "be recognised from the file, or choose its columns by hand.", format=t(fmt.label),
                                  columns=columns))
        det = _from_format(fmt, headers, keys, head, forced=True)
    else:
        det = _best_format(headers, keys, head, kind)
        saved_entry = (saved or {}).get(header_set_key(headers))
        if det is None and saved_entry and (kind is None or saved_entry[0] == kind):
            det = _from_saved(saved_entry, headers, keys, head)
        if det is None:
            det = _generic(headers, head, kind)
    if explicit:
        _apply_explicit(det, explicit, headers, keys, head)
    return det


def _best_format(headers: list[str], keys: list[str], head: list[list[str]], kind: str | None) -> Detection | None:
    present = set(keys)
    full = [f for f in FORMATS if (kind is None or f.kind == kind) and all(header_key(s) in present for s in f.signature)]
    if not full:
        return None
    # A layout we refuse (Amazon's price-less unshipped report, Yahoo's item.csv alone) only
    # when no importable layout matches as well (the all-orders report, order.csv + item.csv).
    importable = [f for f in full if not f.refusal]
    full = importable or full
    # The most specific signature wins (Square item detail over transactions).
    full.sort(key=lambda f: len(f.signature), reverse=True)
    best = full[0]
    det = _from_format(best, headers, keys, head)
    if len(full) > 1 and len(full[1].signature) == len(best.signature):
        det.needs_confirmation = True
        det.confidence = min(det.confidence, 0.5)
    return det


def _from_format(
    fmt: ExportFormat, headers: list[str], keys: list[str], head: list[list[str]], forced: bool = False
) -> Detection:
    mapping = Mapping()
    wanted = 0
    for fld, sources in fmt.fields.items():
        wanted += 1
        for source in sources:
            cols = _resolve(source, keys)
            if cols:
                mapping.columns[fld] = cols
                break
    if fmt.kind == "survey":
        _map_questions(mapping, headers, head, fmt.header_rows)
    signature_hit = sum(header_key(s) in set(keys) for s in fmt.signature) / len(fmt.signature)
    field_hit = len(mapping.columns) / max(wanted, 1) if wanted else 1.0
    confidence = round(0.7 * signature_hit + 0.3 * min(1.0, field_hit), 2)
    return Detection(
        kind=fmt.kind,
        format=fmt,
        label=fmt.label,
        confidence=confidence,
        mapping=mapping,
        needs_confirmation=forced and signature_hit < 1,
        how="format",
    )


def _resolve(source: Source, keys: list[str]) -> list[int]:
    parts = (source,) if isinstance(source, str) else source
    cols = []
    for part in parts:
        key = header_key(part)
        if key not in keys:
            return []
        cols.append(keys.index(key))
    return cols


def _from_saved(
    entry: tuple[str, dict[str, list[str]]], headers: list[str], keys: list[str], head: list[list[str]]
) -> Detection | None:
    kind, fields = entry
    mapping = Mapping()
    for fld, names in fields.items():
        cols = _resolve(tuple(names), keys)
        if cols:
            mapping.columns[fld] = cols
    return Detection(kind, None, KINDS[kind].saved_label, 1.0, mapping, False, "saved mapping")


def _generic(headers: list[str], head: list[list[str]], kind: str | None) -> Detection:
    kind = kind or _guess_kind(headers, head)
    mapping = Mapping()
    best: dict[str, tuple[int, int]] = {}  # field -> (synonym rank, column)
    for i, header in enumerate(headers):
        match = field_and_rank(header, KINDS[kind].fields)
        if match and (match[0] not in best or match[1] < best[match[0]][0]):
            best[match[0]] = (match[1], i)
    for fld, (_, i) in sorted(best.items(), key=lambda item: item[1][1]):
        mapping.columns[fld] = [i]
    _split_name(mapping, headers)
    _map_by_content(mapping, headers, head, kind)
    if kind == "survey":
        _map_questions(mapping, headers, head, 1)
    essentials = KINDS[kind].essentials
    found = sum(1 for group in essentials if any(f in mapping.columns for f in group))
    confidence = round(0.5 * found / len(essentials), 2)
    return Detection(kind, None, KINDS[kind].generic_label, confidence, mapping, True, "generic")


# Headers that are the whole name on their own but the given name beside a family-name column
# (Rakuten's 注文者姓 + 注文者名: 注文者名 alone was taken as the name).
_GIVEN_BESIDE_FAMILY = {header_key(h) for h in ("注文者名", "購入者名", "名前", "お名前")}


def _split_name(mapping: Mapping, headers: list[str]) -> None:
    if "last_name" in mapping.columns and "first_name" not in mapping.columns and "name" in mapping.columns:
        [i] = mapping.columns["name"]
        if header_key(headers[i]) in _GIVEN_BESIDE_FAMILY:
            mapping.columns["first_name"] = mapping.columns.pop("name")


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _map_by_content(mapping: Mapping, headers: list[str], head: list[list[str]], kind: str) -> None:
    """Fields no header named, found by what their column holds: a column of e-mail addresses is the
    e-mail, a column of dates the date (of the order, or of the answer)."""
    date_field = KINDS[kind].date_field
    # A date column the rows leave empty (出荷確定日 before shipping) gives way to a column of dates.
    empty_date = date_field in mapping.columns and not any(v.strip() for v in _column(head, mapping.columns[date_field][0]))
    used = mapping.used()
    for i in range(len(headers)):
        if i in used:
            continue
        values = [v.strip() for v in _column(head, i) if v.strip()]
        if len(values) < 1:
            continue
        if "email" not in mapping.columns and all(_EMAIL.match(v) for v in values):
            mapping.columns["email"] = [i]
        elif date_field and (empty_date or date_field not in mapping.columns) and _all_dates(values):
            mapping.columns[date_field], empty_date = [i], False


def _all_dates(values: list[str]) -> bool:
    from engage_desktop.core.importing import dates

    profile = dates.profile_of(values)
    if any(not re.search(r"[/\-.年]", part) and not part.isdigit() for part, _ in profile.date_parts):
        return False  # 8-digit and 5-digit numbers are dates only where a header says so
    reading = dates.decide(profile)
    return all(dates.read_date_part(part, reading.layout) or dates.read_era(part) for part, _ in profile.date_parts) \
        and not reading.serials


def _guess_kind(headers: list[str], head: list[list[str]]) -> str:
    """Orders, customers or survey, from what the headers name and what the columns hold."""
    fields = {field_for_header(h, ORDERS.fields) for h in headers}
    money = {"amount", "order_total", "unit_price", "quantity"} & fields
    if {"order_date", "order_id"} & fields and money:
        return "orders"
    if any(question_field(h, _column(head, i)) for i, h in enumerate(headers)):
        return "survey"  # an NPS tool's score column, or the articles' questions
    customer_fields = {field_for_header(h, CUSTOMERS.fields) for h in headers}
    if {"total_spent", "total_orders"} & customer_fields:
        return "customers"
    return "orders"


def _column(head: list[list[str]], index: int, skip: int = 1) -> list[str]:
    return [row[index] for row in head[skip:] if index < len(row)]


def _map_questions(mapping: Mapping, headers: list[str], head: list[list[str]], header_rows: int) -> None:
    used = mapping.used()
    for i, header in enumerate(headers):
        if i in used:
            continue
        fld = question_field(header, _column(head, i, header_rows))
        if fld and fld not in mapping.columns:
            mapping.columns[fld] = [i]


def _apply_explicit(det: Detection, explicit: dict[str, str], headers: list[str], keys: list[str],
                    head: list[list[str]]) -> None:
    allowed = KINDS[det.kind].fields
    for fld, column in explicit.items():
        if fld not in allowed:
            raise ImportRefused(t("There is no field {field} in {kind}. The fields: {fields}.", kind=t(KINDS[det.kind].label),
                                  field=quoted(fld), fields=", ".join(allowed)))
        if column == "":
            det.mapping.columns.pop(fld, None)
            continue
        cols = _resolve(tuple(p for p in column.split("+")), keys)
        if not cols and column.isdigit() and int(column) < len(headers):
            cols = [int(column)]
        if not cols:
            raise ImportRefused(t("The file has no column {column}. {likely}", column=quoted(column),
                                  likely=likely_columns_text(headers, head, (fld,), column)))
        det.mapping.columns[fld] = cols
    det.how = "explicit"
    det.needs_confirmation = False


def refusal(det: Detection) -> str:
    """Why a recognised layout cannot be imported as it is (in the owner's language), or ''."""
    return t(det.format.refusal) if det.format and det.format.refusal else ""


def missing_essentials(det: Detection) -> list[tuple[str, ...]]:
    """The groups of essential fields of which no field was found (one of each is needed)."""
    return [group for group in KINDS[det.kind].essentials if not any(f in det.mapping.columns for f in group)]


def fields_text(group: tuple[str, ...]) -> str:
    """Fields as the owner calls them, any one of which will do: 「合計金額」、「金額」または「単価」."""
    labels = [quoted(field_label(f)) for f in group]
    return labels[0] if len(labels) == 1 else t("{fields} or {last}", fields=listing(labels[:-1]), last=labels[-1])


LIKELY_SHOWN = 3  # columns a refusal names: a 158-column export is never listed whole


def likely_columns(headers: list[str], head: list[list[str]], fields: tuple[str, ...], hint: str = "") -> list[str]:
    """The few columns of the file most likely to be one of ``fields`` (or named like ``hint``), likeliest first:
    a header containing one of the field's words, then a column whose values look like it, then a name close
    to the field's words. Empty when none looks likely."""
    words = {header_key(w) for f in fields for w in _synonym_words(f)} | ({header_key(hint)} if hint else set())
    words.discard("")
    scores: dict[int, float] = {}
    for i, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        if any(w in key for w in words if len(w) >= 2):
            scores[i] = max(scores.get(i, 0), 3 - min(len(key), 30) / 100)
        values = [v.strip() for v in _column(head, i) if v.strip()]
        if values and _looks_like(fields, header, values):
            scores[i] = max(scores.get(i, 0), 2)
        close = max((difflib.SequenceMatcher(None, key, w).ratio() for w in words), default=0)
        if close >= 0.6:
            scores[i] = max(scores.get(i, 0), close)
    return [headers[i] for i in sorted(scores, key=lambda i: (-scores[i], i))]


def likely_columns_text(headers: list[str], head: list[list[str]], fields: tuple[str, ...], hint: str = "",
                        named: bool = True) -> str:
    """A sentence naming at most a few columns that may be one of ``fields`` and how many others the file
    has: never every column (Rakuten's export has 158). ``named``: the sentence names the fields (where the
    sentence before it does not)."""
    likely = likely_columns(headers, head, fields, hint)[:LIKELY_SHOWN]
    present = [h for h in headers if h.strip()]
    wanted = fields_text(fields)
    if not likely:
        first = listing([quoted(h) for h in present[:LIKELY_SHOWN]])
        if named:
            return tn("No column looks like {fields} (the file has {n:,} column: {columns}).",
                      "No column looks like {fields} (the file has {n:,} columns; the first: {columns}).",
                      len(present), fields=wanted, columns=first)
        return tn("No column looks like it (the file has {n:,} column: {columns}).",
                  "No column looks like it (the file has {n:,} columns; the first: {columns}).", len(present),
                  columns=first)
    others = len(present) - len(likely)
    columns = listing([quoted(h) for h in likely])
    if named:
        if not others:
            return t("Columns that may be {fields}: {columns}.", fields=wanted, columns=columns)
        return tn("Columns that may be {fields}: {columns} (and {n:,} other column).",
                  "Columns that may be {fields}: {columns} (and {n:,} other columns).", others, fields=wanted,
                  columns=columns)
    if not others:
        return t("Columns that may be it: {columns}.", columns=columns)
    return tn("Columns that may be it: {columns} (and {n:,} other column).",
              "Columns that may be it: {columns} (and {n:,} other columns).", others, columns=columns)


def _synonym_words(fld: str) -> tuple[str, ...]:
    """The words a column of ``fld`` is named with: its synonyms, its label, a survey question's words."""
    from engage_desktop.core.importing import surveys
    from engage_desktop.core.importing.fields import _SYNONYMS

    questions = {"nps": surveys._NPS_WORDS, "fan_level": surveys._FAN_WORDS, "liking": surveys._LIKING_WORDS}
    return (*_SYNONYMS.get(fld, ()), *questions.get(fld, ()), t(FIELD_LABELS[fld]) if fld in FIELD_LABELS else fld)


_AMOUNT = re.compile(r"^[-'(△▲]?[¥￥$£€]?[-]?[0-9][0-9,]*(\.[0-9]+)?\)?円?$")


_ID_WORDS = re.compile(r"\b[Ii][Dd]\b|ID|番号|コード|[Cc]ode|\b[Nn]o\.?$|#")  # a column of numbers that count nothing


def _looks_like(fields: tuple[str, ...], header: str, values: list[str]) -> bool:
    """The column's first values are what one of ``fields`` holds (dates, amounts, e-mail addresses)."""
    if {"order_date", "answered_at", "birth_date", "updated_at", "cancelled_at"} & set(fields) and _all_dates(values):
        return True
    amounts = {"order_total", "amount", "unit_price", "total_spent", "shipping", "discount", "refund"}
    if amounts & set(fields) and not _ID_WORDS.search(header) and all(_AMOUNT.match(v.replace(" ", "")) for v in values) \
            and not all(len(v) > 9 and v.isdigit() for v in values):  # long digit runs are ids and codes
        return True
    if "email" in fields and all(_EMAIL.match(v) for v in values):
        return True
    return False
