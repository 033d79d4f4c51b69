"""The shop's settings, declared: each with its type, its default, and a check on read.

A shop file can come from anywhere (a colleague sends one): whatever a setting holds is
checked when it is read, and a value that is not what the setting takes is replaced by the
default with a line in the log, never passed on (a tier key went into SQL unquoted and a
crafted one wrote a file on the owner's disk). Settings that belong to the person (language,
recent shops, window size) live in the user's QSettings, not here.
"""

from __future__ import annotations

import copy
import logging
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
KEY = re.compile(r"^[a-z0-9_]{1,40}$")  # tier keys: they name a tier in SQL and in files


class Invalid(ValueError):
    """A stored value that is not what its setting takes."""


def _text(limit: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or len(value) > limit:
            raise Invalid(f"text of at most {limit} characters")
        return value
    return check


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"a whole number from {low} to {high}")
        return value
    return check


def _number(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise Invalid(f"a number from {low} to {high}")
        return float(value)
    return check


def _one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise Invalid("one of " + ", ".join(choices))
        return value
    return check


def _zone(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Invalid("a time zone name")
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise Invalid("a time zone name") from exc
    return value


def _currency(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise Invalid("an ISO 4217 currency code")
    return value


def _tiers(value: Any) -> list[dict[str, Any]] | None:
    """The owner's LTV tiers: a key of [a-z0-9_], names, thresholds; at most one dormant tier."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or not value:
        raise Invalid("a list of tiers")
    out = []
    for tier in value:
        if not isinstance(tier, dict) or not isinstance(tier.get("key"), str) or not KEY.match(tier["key"]):
            raise Invalid("tiers with keys of a-z, 0-9 and _")
        checked = {"key": tier["key"], "ja": _text(40)(tier.get("ja", "")), "en": _text(40)(tier.get("en", ""))}
        if tier.get("dormant"):
            checked["dormant"] = True
        else:
            checked["min_ltv"] = _number(0, 1e12)(tier.get("min_ltv", 0))
            checked["min_orders"] = _integer(0, 100_000)(tier.get("min_orders", 0))
        out.append(checked)
    keys = [tier["key"] for tier in out]
    dormant = [bool(tier.get("dormant")) for tier in out]
    if len(set(keys)) != len(keys) or sum(dormant) > 1 or all(dormant):
        raise Invalid("distinct keys, at most one dormant tier, at least one other")
    return out


def _rules(value: Any) -> list[dict[str, Any]] | None:
    """The journey's step rules (metrics/journey.py): 8 of them, tier keys as above."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or len(value) != 8:
        raise Invalid("8 step rules")
    out = []
    for rule in value:
        if not isinstance(rule, dict):
            raise Invalid("step rules")
        tiers = rule.get("tiers", [])
        if not isinstance(tiers, (list, tuple)) or not all(isinstance(t, str) and KEY.match(t) for t in tiers):
            raise Invalid("step rules naming tiers by their keys")
        out.append({"min_orders": _integer(0, 10_000)(rule.get("min_orders", 0)),
                    "min_active_days": _integer(0, 36_500)(rule.get("min_active_days", 0)),
                    "tiers": list(tiers), "promoter": bool(rule.get("promoter", False)),
                    # absent from rules saved before it existed: 0, no time limit
                    "within_days": _integer(0, 36_500)(rule.get("within_days", 0))})
    return out


# The RFM grid's default thresholds (metrics/rfm.py), for a small shop. Recency, the days since the last
# purchase that still give R5, R4, R3, R2 (more: R1): a month (a monthly buyer), a season, half a year
# (the dormant-days default: R2 and R1 are what the LTV tiers call dormant) and a year (a yearly gift
# buyer, お中元・お歳暮, still counts). Frequency, the purchases from which F2, F3, F4, F5 start (F1: one
# purchase): the second purchase (the hardest step, F2 conversion), three, five and ten (a regular).
RFM_THRESHOLDS: dict[str, list[int]] = {"recency_days": [30, 90, 180, 365], "frequency": [2, 3, 5, 10]}


def _rfm_thresholds(value: Any) -> dict[str, list[int]]:
    """Four recency days and four purchase counts, each rising (R5 is the most recent, F5 the most
    purchases): a falling pair would leave a score no customer can have, or give two scores one range."""
    if not isinstance(value, dict) or set(value) != {"recency_days", "frequency"}:
        raise Invalid("recency days and purchase counts")
    out = {}
    for key, low, high in (("recency_days", 1, 36_500), ("frequency", 2, 100_000)):
        numbers = value[key]
        if not isinstance(numbers, (list, tuple)) or len(numbers) != 4:
            raise Invalid(f"four {key}")
        checked = [_integer(low, high)(n) for n in numbers]
        if any(a >= b for a, b in zip(checked, checked[1:])):
            raise Invalid(f"{key} rising")
        out[key] = checked
    return out


def _zones(value: Any) -> dict[str, Any] | None:
    """Engagement zones (metrics/zones.py): named zones, and the zone key of each of the 6 x 7 cells;
    every zone has a cell and every cell a zone."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("zones"), list) or not value["zones"]:
        raise Invalid("zones and cells")
    zones = []
    for zone in value["zones"]:
        if not isinstance(zone, dict) or not isinstance(zone.get("key"), str) or not KEY.match(zone["key"]):
            raise Invalid("zones with keys of a-z, 0-9 and _")
        zones.append({"key": zone["key"], "ja": _text(40)(zone.get("ja", "")), "en": _text(40)(zone.get("en", ""))})
    keys = [zone["key"] for zone in zones]
    cells = value.get("cells")
    if (len(set(keys)) != len(keys) or not isinstance(cells, list) or len(cells) != 6
            or any(not isinstance(row, list) or len(row) != 7 or any(c not in keys for c in row) for row in cells)):
        raise Invalid("distinct zone keys and 6 rows of 7 cells, each naming a zone")
    if set(keys) - {c for row in cells for c in row}:
        raise Invalid("a cell for every zone")
    return {"zones": zones, "cells": [list(row) for row in cells]}


def _words(value: Any) -> list[str]:
    """A list of words (the owner's hidden words): each a short text, at most 1,000 of them."""
    if not isinstance(value, list) or len(value) > 1000:
        raise Invalid("a list of at most 1000 words")
    return [_text(50)(word) for word in value]


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    check: Callable[[Any], Any]
    meaning: str


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("shop_name", "", _text(200), "the shop's name, shown on screens and exports"),
    Setting("time_zone", None, _zone, "where order times become days and months; set by the first import"),
    Setting("currency", "JPY", _currency, "ISO 4217: one per shop; set by the first order import"),
    Setting("currency_style", "yen_sign", _one_of("yen_sign", "yen_suffix"), "¥1,234 or 1,234円"),
    Setting("dormant_days", 180, _integer(1, 3650), "no order for this many days: dormant (休眠)"),
    Setting("max_reject_share", 0.2, _number(0, 1), "a file with more rejected rows than this share is refused"),
    Setting("round_months", 4, _integer(2, 12), "months in a row of improvement that make a round (ワンクール)"),
    Setting("ltv_tiers", None, _tiers, "the owner's LTV tiers (None: the defaults in metrics/ltv.py)"),
    Setting("rfm_thresholds", RFM_THRESHOLDS, _rfm_thresholds,
            "the RFM grid's recency days and purchase counts (defaults and why: RFM_THRESHOLDS)"),
    Setting("journey_rules", None, _rules, "the journey's step rules (None: the defaults in metrics/journey.py)"),
    Setting("sample_version", None, lambda v: _integer(1, 1000)(v) if v is not None else None,
            "set on the built-in sample shop: rebuilt when the generator changes"),
    Setting("gross_margin", None, lambda v: _number(0.01, 1)(v) if v is not None else None,
            "the shop's gross margin (粗利率) as a share of revenue, to read LTV and predicted value as profit; "
            "None: not given, money is read as revenue"),
    Setting("engagement_zones", None, _zones, "the owner's engagement zones over the fan-degree x liking matrix "
            "(None: the defaults in metrics/zones.py)"),
    Setting("hidden_words", [], _words, "words the owner hid from the comments' word counts (metrics/comment_terms.py)"),
    Setting("backups_kept", 10, _integer(1, 100), "how many automatic backups of the shop file are kept"),
)}


def read(key: str, stored: Any, present: bool) -> Any:
    """The value of ``key``: the stored one when it checks out, else the default (said in the log)."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise KeyError(f"unknown setting {key!r}")
    # a copy: the caller may change its value (a word list being edited), never the default itself
    return checked(setting, stored) if present else copy.deepcopy(setting.default)


def checked(setting: Setting, stored: Any, where: str = "setting") -> Any:
    """``stored`` as the setting takes it, or its default when it is not (said in the log).
    Also the check of the person's preferences (ui/preferences.py, ``where`` "user setting")."""
    try:
        return setting.check(stored)
    except Invalid as exc:
        log.warning("%s %s holds %r, not %s: using the default", where, setting.key, stored, exc)
        return copy.deepcopy(setting.default)


def check_before_saving(key: str, value: Any) -> Any:
    """What ``set_setting`` stores; raises ValueError for a value the setting does not take."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise KeyError(f"unknown setting {key!r}")
    return setting.check(value)
