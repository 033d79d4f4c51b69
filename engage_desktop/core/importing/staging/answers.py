"""Stage a survey export (Google Forms, SurveyMonkey, any form): one answer per row.

An answer is known by what was answered (respondent, time, the three answers, normalised),
not by the bytes of its row: the same answers re-saved as CP932 or TSV, with the columns
reordered or with a question added, are the same answers. Identical answers in one file
are told apart by their occurrence (the 2nd matches only a 2nd on a later import).
"""

from __future__ import annotations

from engage_desktop.core.importing import dates, versions
from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.staging.comments import kept_columns, kept_select, stage_comments
from engage_desktop.core.importing.staging.context import StageContext
from engage_desktop.core.importing.staging.rows import (
    Check, create_rows, fate, message_sql, read_dates, settle_known, shown,
)
from engage_desktop.core.importing.surveys import level_sql, nps_sql
from engage_desktop.core.messages import N_
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS

# What an answer is (the columns survey_responses keeps, so that a migration can recompute it).
ANSWER_FIELDS = ("email", "answered_at", "nps", "fan_level", "liking")


def answer_text_sql(alias: str) -> str:
    return "concat_ws(chr(31), " + ", ".join(f"coalesce(CAST({alias}.{c} AS VARCHAR), '')" for c in ANSWER_FIELDS) + ")"


_QUESTIONS = (
    ("nps", N_("{column}: {value} is not a number from 0 to 10. Write the answer as a number from 0 to 10 in the "
               "file and import again.")),
    ("fan_level", N_("{column}: {value} is not one of the 6 answers of the fan-degree question. Write one of the "
                     "6 answers (or its number, 1 to 6) in the file and import again.")),
    ("liking", N_("{column}: {value} is not one of the 7 answers of the liking question. Write one of the 7 "
                  "answers (or its number, 1 to 7) in the file and import again.")),
)

NO_ANSWER = N_("no answer to the NPS, fan-degree or liking question")


def stage_survey(ctx: StageContext) -> None:
    con = ctx.con
    answers = {
        "nps": nps_sql(ctx.col("nps")),
        "fan_level": level_sql(ctx.col("fan_level"), FAN_LEVELS),
        "liking": level_sql(ctx.col("liking"), LIKING_LEVELS),
    }
    texts = {f: v.clean(ctx.col(f)) for f in ("nps", "fan_level", "liking")}
    kept = kept_columns(ctx)  # the file's other columns: comments and other choices (staging/comments.py)
    select_list = f"""{v.email(ctx.col('email'))} AS email, {v.identifier(ctx.col('customer_id'))} AS customer_id,
               {dates.text_sql(ctx.col('answered_at'))} AS answered_text, NULL::TIMESTAMP AS answered_at,
               {answers['nps']} AS nps, {answers['fan_level']} AS fan_level, {answers['liking']} AS liking,
               CASE WHEN {texts['nps']} IS NULL AND {texts['fan_level']} IS NULL AND {texts['liking']} IS NULL
                    THEN {message_sql(NO_ANSWER)} END AS skip_reason{kept_select(kept)}"""
    checks = [Check(f"{fld} IS NULL AND {texts[fld]} IS NOT NULL", ctx.header(fld),
                    message_sql(why, {"value": shown(texts[fld])}, column=ctx.header(fld)))
              for fld, why in _QUESTIONS if ctx.has(fld)]
    create_rows(ctx, select_list, checks)
    if ctx.has("answered_at"):
        read_dates(ctx, "answered_at", "answered_text", "answered_at")
    fate(ctx)
    what = answer_text_sql("r")
    # Link to a customer by e-mail, or by a customer id some order carried (and say which: matched_by).
    by_id = """coalesce((SELECT any_value(o.customer_key) FROM orders o WHERE o.customer_id = r.customer_id),
                        (SELECT any_value(c.customer_key) FROM customer_records c WHERE c.customer_id = r.customer_id))"""
    con.execute(
        f"""CREATE TEMP TABLE imp_answers AS
        SELECT *, CASE WHEN email IS NOT NULL THEN 'email' WHEN customer_key IS NOT NULL THEN 'customer_id' END
                  AS matched_by
        FROM (SELECT r.* EXCLUDE (answered_text),
                     md5({what}) || '#' || row_number() OVER (PARTITION BY md5({what}) ORDER BY r.rn) AS response_id,
                     coalesce(CASE WHEN r.email IS NOT NULL THEN 'e:' || r.email END, {by_id}) AS customer_key
              FROM imp_rows r)"""
    )
    settle_known(ctx, versions.ANSWERS, "imp_answers", N_("the same answer appears earlier in the file"))
    stage_comments(ctx, kept)
