"""The survey template (issue 21 part 7): the three questions exactly as ../shared/domain.md words them, with
the shop's name, their options in order, and answers collected with it imported with no mapping: a Google
Forms export built from the template file itself (its question texts and options read back from the xlsx)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from engage_desktop.core.export.survey_template import questions, write_template
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.messages import in_language
from engage_desktop.core.questions import FAN_LEVELS, FAN_QUESTION, LIKING_LEVELS, LIKING_QUESTION, NPS_QUESTION
from engage_desktop.core.store import Store
from tests.helpers import write_csv

SHOP = "Engage石鹸"


def test_the_japanese_template_asks_the_three_questions_in_the_articles_words() -> None:
    with in_language("ja"):
        asked = questions(SHOP)
    assert [q.text for q in asked[1:4]] == [NPS_QUESTION, FAN_QUESTION.replace("<ブランド名>", SHOP),
                                           LIKING_QUESTION.replace("<ブランド名>", SHOP)]
    assert asked[1].options == tuple(str(n) for n in range(11))
    assert asked[2].options == FAN_LEVELS and asked[3].options == LIKING_LEVELS
    assert not asked[4].required and asked[4].options == ()  # the comment


def read_back(path: Path) -> list[tuple[str, list[str]]]:
    """The questions and their options as the workbook holds them (column B: question, D: options)."""
    sheet = openpyxl.load_workbook(path).active
    found: list[tuple[str, list[str]]] = []
    for row in sheet.iter_rows(min_row=5, values_only=True):
        number, question, _, option = row[:4]
        if number is not None:
            found.append((question, []))
        if option not in (None, "") and found:
            found[-1][1].append(str(option))
    return found


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_answers_collected_with_the_template_import_with_no_mapping(tmp_shop: Store, tmp_path: Path,
                                                                    lang: str) -> None:
    with in_language(lang):
        template = write_template(tmp_path / "template.xlsx", SHOP)
    (email_q, _), (nps_q, _), (fan_q, fans), (liking_q, likings), (comment_q, _) = read_back(template)
    assert len(fans) == 6 and len(likings) == 7
    # (e-mail, NPS, fan degree 1-6, liking 1-7), answered by picking the template's options
    answers = [("a@x.jp", 10, 6, 7), ("b@x.jp", 8, 3, 5), ("c@x.jp", 3, 1, 2)]
    rows = [["タイムスタンプ" if lang == "ja" else "Timestamp", email_q, nps_q, fan_q, liking_q, comment_q]]
    rows += [[f"2026/05/0{i + 1} 10:00:00", email, str(nps), fans[fan - 1], likings[liking - 1], "とても良い"]
             for i, (email, nps, fan, liking) in enumerate(answers)]
    result = import_file(tmp_shop, write_csv(tmp_path / "answers.csv", rows))
    assert result.status == "imported" and result.imported == 3
    stored = tmp_shop.con.execute(
        "SELECT email, nps, fan_level, liking FROM survey_responses ORDER BY email").fetchall()
    assert stored == answers


def test_the_command_line_writes_the_template_in_the_language_asked(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "template.xlsx"
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "survey-template", "--out", str(out), "--shop",
                           SHOP, "--lang", "ja"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    asked = [question for question, _ in read_back(out)]
    assert asked[1:4] == [NPS_QUESTION, FAN_QUESTION.replace("<ブランド名>", SHOP),
                          LIKING_QUESTION.replace("<ブランド名>", SHOP)]


def test_a_new_owner_without_a_shop_file_gets_the_template_for_our_shop(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    out = tmp_path / "template.xlsx"
    env = {**os.environ, "ENGAGE_DESKTOP_HOME": str(tmp_path / "no-shop-yet"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "survey-template", "--out", str(out), "--lang", "ja"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    asked = [question for question, _ in read_back(out)]
    assert asked[2] == FAN_QUESTION.replace("<ブランド名>", "当店")
