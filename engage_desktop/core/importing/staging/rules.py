"""A format's rules (cancellations, refunds, rows that are not sales) as SQL conditions."""

from __future__ import annotations

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.formats import Rule
from engage_desktop.core.importing.staging.context import StageContext
from engage_desktop.core.messages import N_, t


def rule_sql(ctx: StageContext, rule: Rule) -> str:
    column = ctx.column_by_header(rule.column)
    if column is None:
        return "FALSE"  # a column this export does not have never matches
    text = v.clean(column)
    values = ", ".join(v.quote(x.lower()) for x in rule.values)
    if rule.op == "nonempty":
        return f"({text} IS NOT NULL)"
    if rule.op == "empty":
        return f"({text} IS NULL)"
    if rule.op in ("equals", "in"):
        return f"coalesce(lower({text}) IN ({values}), FALSE)"
    if rule.op == "not_in":
        return f"coalesce(lower({text}) NOT IN ({values}), TRUE)"
    if rule.op == "contains":
        # Trimming cannot change what a cell contains, and text without letters (キャンセル)
        # is found the same with or without lower(): skip both where they change nothing.
        return "(" + " OR ".join(
            f"coalesce(contains({column if x.upper() == x.lower() else f'lower({text})'}, {v.quote(x.lower())}), FALSE)"
            for x in rule.values) + ")"
    if rule.op == "excludes":  # none of the values in the cell (an empty cell holds none)
        return "(" + " AND ".join(f"NOT coalesce(contains(lower({text}), {v.quote(x.lower())}), FALSE)"
                                  for x in rule.values) + ")"
    if rule.op == "negative":
        return v.is_negative(column)
    if rule.op == "startswith":
        return "(" + " OR ".join(f"coalesce(starts_with({text}, {v.quote(x)}), FALSE)" for x in rule.values) + ")"
    raise ValueError(f"unknown rule op {rule.op}")


def any_rule(ctx: StageContext, rules: tuple[Rule | tuple[Rule, ...], ...]) -> str:
    """SQL: one of ``rules`` holds; a tuple among them holds when all of its rules do."""
    return "(" + " OR ".join(all_rules(ctx, r) if isinstance(r, tuple) else rule_sql(ctx, r) for r in rules) + ")" \
        if rules else "FALSE"


def all_rules(ctx: StageContext, rules: tuple[Rule, ...]) -> str:
    return "(" + " AND ".join(rule_sql(ctx, r) for r in rules) + ")" if rules else "FALSE"


EMPTY_ROW = N_("empty row")


def skip_reason_sql(ctx: StageContext) -> str:
    """SQL: why a row is not imported although nothing is wrong with it (empty, not a sale), or NULL."""
    fmt = ctx.det.format
    # Every cell blank. The mapped cells first: most rows have one filled, and the rest of the test is
    # then not evaluated for them. The others as one text: a CASE per column of a 158-column export
    # took 0.4 s to plan, twice per import (what clean() says of each cell, said of them all at once).
    mapped = sorted(ctx.det.mapping.used())
    everything = "concat(" + ", ".join(f"c{i}" for i in range(ctx.width)) + ")"
    empty = " AND ".join([*(f"{v.clean(f'c{i}')} IS NULL" for i in mapped),
                          f"trim({everything}, {v.quote(v.BLANKS)}) = ''"])
    cases = [f"WHEN {empty} THEN {v.quote(t(EMPTY_ROW))}"]
    if fmt:
        cases += [f"WHEN {all_rules(ctx, rule if isinstance(rule, tuple) else (rule,))} THEN {v.quote(t(reason))}"
                  for rule, reason in fmt.skip_when]
    return "CASE " + " ".join(cases) + " END"
