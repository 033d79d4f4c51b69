"""A survey's other columns, kept with their answers: the respondents' own words and their other choices.

Every column that is none of the mapped fields (the three questions, the time, the e-mail, the
customer id) is kept, one row per answer and column with a value, headed by its question as the
file writes it. Columns that name a person (name, phone, address, IP address, a second e-mail) are
not kept: the survey import never kept them, and a comment list is not the place for them.

Whether a column is free text (the comments view reads those) or a choice is decided from all its
values in the file: words (a letter or kana, not an id or a date) that take many different values, or
are long (FREE_TEXT_*). A column of 「Instagram」「知人の紹介」 repeats a few short values: a choice.
"""

from __future__ import annotations

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.headers import header_key, normalise_header
from engage_desktop.core.importing.staging.context import StageContext

# Header words of columns that name a person (after header_key): never kept.
PERSON_WORDS = ("名前", "氏名", "姓", "フリガナ", "ふりがな", "カナ", "name", "電話", "phone", "tel", "携帯", "住所",
                "address", "郵便", "zip", "postal", "メール", "mail", "ipアドレス")
# SurveyMonkey's second header row says what kind of answer a column holds: no question of its own.
_PLAIN_ANSWER = ("response", "open-ended response", "")

# The respondents' own words: as many different values as this (a choice question rarely has 20 options;
# a checkbox question's combinations are counted as its options), or this share of the answers different
# (a small survey), or this many characters on average. 「特になし」 said by half the respondents still
# leaves a comment column with many different values.
FREE_TEXT_VALUES = 20
FREE_TEXT_SHARE = 0.6
FREE_TEXT_LENGTH = 20


def names_a_person(header: str) -> bool:
    key = header_key(header)
    return any(word in key for word in PERSON_WORDS)


def kept_columns(ctx: StageContext) -> dict[int, str]:
    """{column number: its question} for the columns a survey import keeps beside the answers."""
    used = ctx.det.mapping.used()
    second = ctx.src.head[ctx.det.header_rows - 1] if ctx.det.header_rows > 1 and ctx.src.head else []
    kept: dict[int, str] = {}
    question = ""
    for i, header in enumerate(ctx.src.headers):
        header = normalise_header(header)
        # A multi-column question (SurveyMonkey) heads its first column only: the others are its options.
        question = header or question
        if i in used or not question or names_a_person(question):
            continue
        option = normalise_header(second[i]) if i < len(second) else ""
        kept[i] = question if option.lower() in _PLAIN_ANSWER else f"{question} / {option}"
    return kept


def kept_select(kept: dict[int, str]) -> str:
    """Select-list items (leading comma) carrying the kept cells through staging as k<i>: trimmed,
    missing-value markers (NA, -, 該当なし) as NULL."""
    return "".join(f", {v.clean(v.present(f'c{i}'))} AS k{i}" for i in kept)


def stage_comments(ctx: StageContext, kept: dict[int, str]) -> None:
    """imp_comments: one row per staged answer (imp_answers) and kept column with a value."""
    con = ctx.con
    if not kept:
        con.execute("CREATE TEMP TABLE imp_comments (response_id VARCHAR, column_no INTEGER, question VARCHAR, "
                    "answer VARCHAR, free_text BOOLEAN)")
        return
    columns = ", ".join(f"k{i}" for i in kept)
    questions = "MAP {" + ", ".join(f"{i}: {v.quote(q)}" for i, q in kept.items()) + "}"
    # Words: a letter of any script that is not only an id or a date (A-123, 2024/06/01 10:00).
    wordy = "regexp_matches(answer, '[^\\x00-\\x40\\x5b-\\x60\\x7b-\\x7f]') AND NOT regexp_matches(answer, '^[A-Za-z]*[0-9][0-9A-Za-z#/:.+_ -]*$')"
    con.execute(
        f"""CREATE TEMP TABLE imp_comments AS
        WITH long AS (
            SELECT response_id, CAST(substr(col, 2) AS INTEGER) AS column_no, answer
            FROM (UNPIVOT (SELECT response_id, {columns} FROM imp_answers) ON {columns} INTO NAME col VALUE answer)
        ), kinds AS (
            SELECT column_no, avg(CAST({wordy} AS INTEGER)) >= 0.5 AS wordy, count(*) AS answers,
                   avg(length(answer)) AS length
            FROM long GROUP BY column_no
        ), parts AS (  -- a checkbox question's answers are its options joined by ", ": count the options
            SELECT column_no, count(DISTINCT trim(part)) AS parts
            FROM (SELECT column_no, unnest(string_split(answer, ', ')) AS part FROM long) GROUP BY column_no
        ), decided AS (
            SELECT column_no, wordy AND (parts >= {FREE_TEXT_VALUES} OR parts >= {FREE_TEXT_SHARE} * answers
                                         OR length >= {FREE_TEXT_LENGTH}) AS free_text
            FROM kinds JOIN parts USING (column_no)
        )
        SELECT response_id, column_no, {questions}[column_no] AS question, answer, free_text
        FROM long JOIN decided USING (column_no)"""
    )
