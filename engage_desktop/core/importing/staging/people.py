"""Who a row names: its identity columns, as written and normalised, and its customer key."""

from __future__ import annotations

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.identity import customer_key_sql
from engage_desktop.core.importing.staging.context import StageContext

# The identity columns as written, which orders normalise once per order.
RAW_IDENTITY = ("email_raw", "phone_raw", "name_raw", "name_parts_raw", "customer_id_raw")


def identity_columns(ctx: StageContext) -> str:
    """SQL select-list items: email, phone, customer_name, customer_id (normalised), by_name."""
    fmt = ctx.det.format
    parts = f"concat_ws(' ', {ctx.col('last_name')}, {ctx.col('first_name')})"
    name = f"coalesce({v.person_name(ctx.col('name'))}, {v.person_name(parts)})"
    return (
        f"{v.email(ctx.col('email'))} AS email, {v.phone(ctx.col('phone'))} AS phone, "
        f"{name} AS customer_name, {v.identifier(ctx.col('customer_id'))} AS customer_id, "
        f"{bool(fmt and fmt.identify_by_name)} AS by_name"
    )


def raw_identity_columns(ctx: StageContext) -> str:
    """SQL select-list items: the identity columns as written (``RAW_IDENTITY``)."""
    parts = f"nullif(concat_ws(' ', {ctx.col('last_name')}, {ctx.col('first_name')}), '')"
    return (f"{ctx.col('email')} AS email_raw, {ctx.col('phone')} AS phone_raw, {ctx.col('name')} AS name_raw, "
            f"{parts} AS name_parts_raw, {ctx.col('customer_id')} AS customer_id_raw")


def customer_key(ctx: StageContext, prefix: str = "") -> str:
    """SQL: the customer key of a row whose identity columns are normalised (see identity.py)."""
    fmt = ctx.det.format
    return customer_key_sql(
        ctx.source, f"{prefix}email", f"{prefix}customer_id", f"{prefix}customer_name", f"{prefix}phone",
        bool(fmt and fmt.identify_by_name),
    )
