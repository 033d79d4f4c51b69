"""The one way text the owner or a file supplied goes into SQL: as a quoted literal or identifier."""

from __future__ import annotations

import string


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier (a column named by a file's header)."""
    return '"' + name.replace('"', '""') + '"'


def text_template(template: str, **expressions: str) -> str:
    """A translated message as a SQL text expression: each ``{name}`` field of ``template`` becomes
    the SQL expression given for it (a reject reason quoting the cell it could not read)."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            parts.append(quote(literal))
        if field is not None:
            parts.append(f"CAST(({expressions[field]}) AS VARCHAR)")
    return "concat(" + ", ".join(parts or ["''"]) + ")"
