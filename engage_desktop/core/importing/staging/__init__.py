"""Stage one file in temporary tables: scan, normalise, decide each row's fate.

- ``context``: what staging works with (the file, its detection, the temp tables);
- ``rows``: reading the rows once, their checks and fates (the accounting);
- ``lines``: the file line each row starts on (what rejects point at);
- ``rules``: a format's rules as SQL; ``people``: identity columns and customer keys;
- ``orders``, ``customers``, ``answers``: one stager per kind of export.
"""

from __future__ import annotations

from engage_desktop.core.importing.staging.answers import stage_survey
from engage_desktop.core.importing.staging.context import TEMP_TABLES, TEMP_VIEWS, StageContext, drop_temp
from engage_desktop.core.importing.staging.customers import stage_customers
from engage_desktop.core.importing.staging.orders import stage_orders
from engage_desktop.core.importing.staging.rows import scan

# Each kind's stager is named by its ImportKind (kinds.py).
__all__ = ["TEMP_TABLES", "TEMP_VIEWS", "StageContext", "drop_temp", "scan", "stage_customers", "stage_orders",
           "stage_survey"]
