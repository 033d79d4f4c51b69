"""The three kinds of export a shop owner imports, each described once.

Everything that differs by kind lives in its ``ImportKind``: the fields a file of that kind can
fill, the ones it cannot do without, what an unrecognised file of it is called, the stager that
turns its rows into records, the table whose rows are its imported rows (the accounting), the
family of records it writes, and the preview's columns. Detection, the pipeline, the preview, the
wizard and the CLI read it from here; a fourth kind is one more entry in ``KINDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engage_desktop.core.importing import versions
from engage_desktop.core.importing.fields import CUSTOMER_FIELDS, ORDER_FIELDS, SURVEY_FIELDS, field_label
from engage_desktop.core.importing.staging import StageContext, stage_customers, stage_orders, stage_survey
from engage_desktop.core.messages import N_, t


@dataclass(frozen=True)
class ImportKind:
    key: str  # the name in the shop file, the CLI's --kind and format definitions
    label: str  # what the owner calls such a file (a catalogue msgid: shown with t())
    fields: tuple[str, ...]  # the canonical fields a file of this kind can fill (fields.FIELD_LABELS)
    essentials: tuple[tuple[str, ...], ...]  # one field of each group must be mapped to import
    generic_label: str  # a file of this kind no known format matches (msgid)
    saved_label: str  # a file of this kind read with a mapping the owner saved (msgid)
    date_field: str | None  # the field a column of dates is, when no header names it
    stage: Callable[[StageContext], None]  # staged rows -> staged records (staging/)
    staged_table: str  # one row per imported row of the file: imported = count(*) of it
    family: versions.Family  # the records it writes and their older states
    has_money: bool  # amounts in the file: its currency is read and checked
    preview_sql: str  # the staged rows' values for the wizard's preview: rn first (? = the rows' rn, a list)
    preview_columns: tuple[str, ...]  # their keys; ``column_label`` names them


ORDERS = ImportKind(
    "orders", N_("Order data"), ORDER_FIELDS,
    essentials=(("order_date",), ("order_total", "amount", "unit_price")),
    generic_label=N_("Generic orders"),
    saved_label=N_("Generic orders (saved mapping)"),
    date_field="order_date",
    stage=stage_orders,
    staged_table="imp_rows",  # the lines (a totals row that is no line still counts as imported)
    family=versions.ORDERS,
    has_money=True,
    # A row that is not a line (Airレジ's totals row) still shows its order.
    preview_sql="SELECT r.rn, o.order_id, o.ordered_at, "
                "CASE WHEN o.customer_key IS NOT NULL THEN coalesce(o.customer_name, o.email, o.customer_id, o.phone) END, "
                "l.product, l.quantity, "
                "l.amount, o.revenue, o.cancelled FROM imp_rows r JOIN imp_orders o ON o.order_id = r.order_id_text "
                "LEFT JOIN imp_lines l ON l.rn = r.rn WHERE list_contains(?, r.rn)",
    preview_columns=("order_id", "ordered_at", "customer", "product", "quantity", "amount", "order_revenue", "cancelled"),
)
CUSTOMERS = ImportKind(
    "customers", N_("Customer data"), CUSTOMER_FIELDS,
    essentials=(("customer_id", "email", "phone", "name", "last_name"),),
    generic_label=N_("Generic customers"),
    saved_label=N_("Generic customers (saved mapping)"),
    date_field=None,
    stage=stage_customers,
    staged_table="imp_customers",
    family=versions.CUSTOMERS,
    has_money=True,
    preview_sql="SELECT rn, customer_id, customer_name, email, phone, total_spent FROM imp_customers "
                "WHERE list_contains(?, rn)",
    preview_columns=("customer_id", "name", "email", "phone", "total_spent"),
)
SURVEY = ImportKind(
    "survey", N_("Survey answers"), SURVEY_FIELDS,
    essentials=(("nps", "fan_level", "liking"),),
    generic_label=N_("Generic survey"),
    saved_label=N_("Generic survey (saved mapping)"),
    date_field="answered_at",
    stage=stage_survey,
    staged_table="imp_answers",
    family=versions.ANSWERS,
    has_money=False,
    # The customer an answer links to, by name when the shop knows it (the key itself is never shown).
    preview_sql="SELECT rn, answered_at, email, nps, fan_level, liking, "
                "CASE WHEN customer_key IS NOT NULL THEN coalesce((SELECT c.customer_name FROM customers c "
                "WHERE c.customer_key = imp_answers.customer_key), email, customer_id) END "
                "FROM imp_answers WHERE list_contains(?, rn)",
    preview_columns=("answered_at", "email", "nps", "fan_level", "liking", "customer"),
)

KINDS: dict[str, ImportKind] = {k.key: k for k in (ORDERS, CUSTOMERS, SURVEY)}

# The preview's columns that are no field of their own (msgids).
PREVIEW_LABELS = {
    "ordered_at": N_("Order date"),
    "customer": N_("Customer"),
    "order_revenue": N_("Order revenue"),
    "cancelled": N_("Cancelled"),
}


def column_label(key: str) -> str:
    """A preview column as the owner calls it, in the current language."""
    return t(PREVIEW_LABELS[key]) if key in PREVIEW_LABELS else field_label(key)
