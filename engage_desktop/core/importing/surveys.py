"""Recognise the three survey questions and map answer texts onto levels.

Survey exports carry the answer *text* (../shared/domain.md §3). Texts are
compared after removing spaces and unifying ！/!, so a form that was retyped
with full-width punctuation still maps; numbered answers (1-6, 1-7) map too.
"""

from __future__ import annotations

import re

from engage_desktop.core.importing.headers import header_key, normalise_header
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS
from engage_desktop.core.importing.values import clean, quote, small_int

_NPS_WORDS = ("薦める可能性", "すすめる可能性", "勧める可能性", "おすすめする可能性", "勧めたい", "薦めたい",
              "すすめたい", "推奨したい", "recommend", "おすすめ度", "推奨度", "nps")
# Columns that hold the 0-10 answer when their values are 0-10 (NPS tools: score, rating).
_SCORE_WORDS = ("score", "rating", "点数", "評価", "スコア")
_FAN_WORDS = ("最もあてはまるもの", "気持ちで", "ファン度", "fandegree", "fanlevel")
_LIKING_WORDS = ("どのように思いますか", "率直なご感想", "好き度", "liking", "howdoyoufeel")


def answer_key(text: str) -> str:
    """What two spellings of one answer share: NFKC, no spaces, ! for ！, no trailing 。."""
    return re.sub(r"[\s。.]", "", normalise_header(text)).replace("！", "!")


def question_field(header: str, sample_values: list[str]) -> str | None:
    """'nps', 'fan_level', 'liking' or None for a survey column."""
    key = header_key(header)
    if any(word in key for word in _NPS_WORDS):
        return "nps"
    if any(word in key for word in _FAN_WORDS):
        return "fan_level"
    if any(word in key for word in _LIKING_WORDS):
        return "liking"
    answers = {answer_key(v) for v in sample_values if v.strip()}
    if answers and any(word in key for word in _SCORE_WORDS) and all(a.isdigit() and int(a) <= 10 for a in answers):
        return "nps"  # an NPS tool's export: a score from 0 to 10
    if answers and answers <= {answer_key(t) for t in FAN_LEVELS}:
        return "fan_level"
    if answers and answers <= {answer_key(t) for t in LIKING_LEVELS}:
        return "liking"
    return None


def level_sql(col: str, levels: tuple[str, ...]) -> str:
    """Level 1..len(levels) from the answer text or its number; NULL when not an answer."""
    key = f"regexp_replace(replace({clean(col)}, '！', '!'), '[\\s。.]', '', 'g')"
    cases = " ".join(f"WHEN {quote(answer_key(text))} THEN {i}" for i, text in enumerate(levels, start=1))
    by_text = f"CASE {key} {cases} END"
    # "3", "３", "3. これからも…": the leading number, when it is a valid level.
    numbered = small_int(col)
    by_number = f"CASE WHEN {numbered} BETWEEN 1 AND {len(levels)} THEN {numbered} END"
    return f"coalesce({by_text}, {by_number})"


def nps_sql(col: str) -> str:
    value = small_int(col)
    return f"CASE WHEN {value} BETWEEN 0 AND 10 THEN {value} END"
