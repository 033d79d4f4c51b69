"""A survey template the owner copies into Google Forms: the three questions as ../shared/domain.md words
them (the shop's name in place of <ブランド名>), their options in order, an e-mail question (to match the
answers to customers) and a comment question. Answers collected with it are recognised on import with no
mapping (importing/surveys.py reads the question texts; tests/core/test_survey_template.py imports one).

The English template words the questions so that the importer recognises them too ("recommend", "fan
degree", "how do you feel") and numbers its options: an answer is read by its number (1-6, 1-7).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engage_desktop.core.export.xlsx_cells import write_cell
from engage_desktop.core.messages import N_, language, t
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS, fan_level_name, liking_name
from engage_desktop.core.targets import check_target

@dataclass(frozen=True)
class Question:
    text: str
    kind: str  # what to choose in Google Forms, in the owner's language
    options: tuple[str, ...] = ()
    required: bool = True


# The questions as catalogue messages: their Japanese is the survey's own wording (../shared/domain.md §3,
# held to core/questions.py by tests/core/test_survey_template.py), the English worded for the importer.
EMAIL_Q = N_("Email address")
# the articles' NPS question names no brand: "this company (product/service/brand)", in both languages
NPS_Q = N_("How likely are you to recommend this company (product/service/brand) to a friend or colleague?")
FAN_Q = N_("Which best describes your feelings toward {shop}? (fan degree)")
LIKING_Q = N_("How do you feel about {shop}? Please tell us frankly.")
COMMENT_Q = N_("Anything you would like to tell {shop}? Please write freely.")
KINDS = {"email": N_("Short answer (collect email addresses)"), "scale": N_("Linear scale (0-10)"),
         "choice": N_("Multiple choice"), "paragraph": N_("Paragraph")}


def questions(shop: str) -> list[Question]:
    """The template's questions, in order, in the current language. Japanese options are the survey's
    own words; English ones are numbered, as the importer reads an answer by its number."""
    shop = shop.strip() or t("our shop")
    ja = language() == "ja"
    fans = FAN_LEVELS if ja else tuple(f"{i}. {fan_level_name(i, one_line=True)}" for i in range(1, len(FAN_LEVELS) + 1))
    likings = LIKING_LEVELS if ja else tuple(f"{i}. {liking_name(i, one_line=True)}"
                                              for i in range(1, len(LIKING_LEVELS) + 1))
    return [
        Question(t(EMAIL_Q), t(KINDS["email"])),
        Question(t(NPS_Q), t(KINDS["scale"]), tuple(str(n) for n in range(11))),
        Question(t(FAN_Q, shop=shop), t(KINDS["choice"]), fans),
        Question(t(LIKING_Q, shop=shop), t(KINDS["choice"]), likings),
        Question(t(COMMENT_Q, shop=shop), t(KINDS["paragraph"]), (), required=False),
    ]


def write_template(path: str | Path, shop: str) -> Path:
    """The template as a workbook in the current language: one row per question, its options below it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = check_target(path)
    book = Workbook()
    sheet = book.active
    sheet.title = t("Survey template")
    write_cell(sheet, 1, 1, t("Survey template for {shop}", shop=shop.strip() or t("our shop")))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    write_cell(sheet, 2, 1, t("Copy each question into Google Forms exactly as written, with its options in this "
                              "order. Import the answers (Responses ▸ Download .csv) as they are: the app recognises "
                              "them without any mapping, and the e-mail address finds the customer."))
    sheet.cell(row=2, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:D2")
    sheet.row_dimensions[2].height = 48
    headers = [t("No."), t("Question"), t("Answer type"), t("Options, in this order")]
    for c, text in enumerate(headers, start=1):
        write_cell(sheet, 4, c, text, bold=True)
    row = 5
    for n, question in enumerate(questions(shop), start=1):
        write_cell(sheet, row, 1, n)
        write_cell(sheet, row, 2, question.text)
        if not question.required:
            write_cell(sheet, row, 3, t("{kind}, optional", kind=question.kind))
        if question.required:
            write_cell(sheet, row, 3, question.kind)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        for i, option in enumerate(question.options or ("",)):
            write_cell(sheet, row + i, 4, option)
        row += max(1, len(question.options)) + 1
    for column, width in zip("ABCD", (6, 60, 24, 50)):
        sheet.column_dimensions[column].width = width
    book.save(path)
    return path
