"""The voice of the customer: a survey's other columns kept, the words of its comments, answers that reach customers.

A hand-made Google Forms export (three questions, a free-text column, a choice column, an order-number
column and a name column) and a Shopify orders export go through the real import. Every expected
number below is worked out by reading the rows (the comments' words are listed beside each row).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_files, undo_import
from engage_desktop.core.importing import answer_matching as matching
from engage_desktop.core.metrics import answer_matching as am
from engage_desktop.core.metrics import comment_terms as ct
from engage_desktop.core.metrics.comments import CommentFilter, comments, questions
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS
from engage_desktop.core.words import words_of
from tests.fixtures.exports import FAN_Q, LIKING_Q, NPS_Q
from tests.helpers import write_csv

AS_OF = dt.date(2026, 7, 31)
COMMENT_Q = "ご意見・ご感想をお聞かせください"
FOUND_Q = "このお店を何で知りましたか?"
ORDER_Q = "注文番号"

SHOPIFY = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal", "Shipping",
           "Taxes", "Total", "Discount Code", "Discount Amount", "Created at", "Lineitem quantity", "Lineitem name",
           "Lineitem price", "Lineitem sku", "Billing Name", "Billing Phone", "Phone", "Cancelled at",
           "Refunded Amount", "Payment Method", "Vendor", "Id", "Tags", "Source"]


def _order(name: str, email: str, total: str, day: str) -> list[str]:
    cells = {"Name": name, "Email": email, "Financial Status": "paid", "Currency": "JPY", "Total": total,
             "Created at": f"{day} 10:00:00 +0900", "Lineitem quantity": "1", "Lineitem name": "石鹸",
             "Lineitem price": total, "Id": name[1:]}
    return [cells.get(h, "") for h in SHOPIFY]


def orders_file(folder: Path) -> Path:
    # a: 2 orders, 5,000 yen; b: 1 order, 1,500; c: 1 order (#2004), 4,000.
    rows = [SHOPIFY, _order("#2001", "a@example.com", "3000", "2026-05-01"),
            _order("#2002", "a@example.com", "2000", "2026-06-01"),
            _order("#2003", "b@example.com", "1500", "2026-05-10"),
            _order("#2004", "c@example.com", "4000", "2026-05-20")]
    return write_csv(folder / "orders_export.csv", rows, newline="\n")


# (e-mail, NPS, fan, liking, comment, how they found us, order number); the comment's words by hand.
ANSWERS = [
    ("a@example.com", 10, 6, 7, "梱包が丁寧で嬉しかったです。梱包の箱も素敵", "Instagram", "2001"),  # 梱包 丁寧 嬉しい 箱 素敵
    ("b@example.com", 9, 5, 6, "香りが好きです。発送も早かった", "知人の紹介", ""),  # 香り 好き 発送 早い
    ("", 9, 5, 6, "香りが良くて梱包も丁寧でした", "Instagram", "#2004"),  # 香り 梱包 丁寧 (良い: a stop-word)
    ("", 8, 3, 5, "値段が高いけど香りは好き", "検索", ""),  # 値段 高い 香り 好き
    ("zed@example.com", 4, 2, 2, "発送が遅かったです。値段も高い", "検索", ""),  # 発送 遅い 値段 高い
    ("", 2, 1, 1, "発送が遅くて残念でした", "知人の紹介", ""),  # 発送 遅い 残念
    ("", 10, 6, 7, "Lovely scent, lovely packaging", "Instagram", ""),  # lovely scent packaging
    ("", 7, 3, 4, "The scent is nice but shipping was slow", "検索", ""),  # scent nice shipping slow
    ("", 5, 2, 3, "Shipping was slow and the price is high", "知人の紹介", ""),  # shipping slow price high
    ("b@example.com", 6, 2, 2, "Too expensive", "Instagram", ""),  # expensive
    ("", 9, 4, 5, "", "", ""),  # no comment
]


def survey_file(folder: Path) -> Path:
    rows: list[list[object]] = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q, COMMENT_Q, FOUND_Q, ORDER_Q,
                                 "お名前"]]
    for n, (email, nps, fan, liking, comment, found, order) in enumerate(ANSWERS, start=1):
        rows.append([f"2026/07/{n:02d} 10:00:00", email, nps, FAN_LEVELS[fan - 1], LIKING_LEVELS[liking - 1], comment,
                     found, order, f"山田{n}"])
    return write_csv(folder / "survey_responses.csv", rows, newline="\n")


@pytest.fixture
def shop(tmp_shop, tmp_path):
    results = import_files(tmp_shop, [orders_file(tmp_path), survey_file(tmp_path)])
    assert [r.status for r in results] == ["imported", "imported"], [r.message for r in results]
    return tmp_shop


def _terms(table) -> dict[str, int]:
    return dict(zip(table.column("term"), table.column("comments")))


# -- the tokenizer ------------------------------------------------------------------
def test_japanese_sentences_are_cut_into_content_words_in_their_dictionary_form():
    assert words_of("梱包がとても丁寧で嬉しかったです。") == ("梱包", "丁寧", "嬉しい")
    assert words_of("発送が早くて助かりました！また買います") == ("発送", "早い", "助かる", "買う")
    assert words_of("スタッフの対応が親切でした") == ("スタッフ", "対応", "親切")


def test_english_is_cut_into_words_without_stop_words():
    assert words_of("The soap was too expensive for me, but smells great") == ("soap", "expensive", "smells", "great")


# -- kept columns ------------------------------------------------------------------
def test_every_other_column_is_kept_with_its_question_and_linked_to_its_answer(shop):
    kept = questions(shop)
    by_question = {r["question"]: r for r in kept.as_dicts()}
    # The name column names a person: not kept. Empty cells are no rows.
    assert list(by_question) == [COMMENT_Q, FOUND_Q, ORDER_Q]
    assert by_question[COMMENT_Q]["free_text"] and by_question[COMMENT_Q]["answers"] == 10
    assert not by_question[FOUND_Q]["free_text"] and by_question[FOUND_Q]["values"] == 3
    assert not by_question[ORDER_Q]["free_text"] and by_question[ORDER_Q]["answers"] == 2
    # Each comment sits with its answer and, where matched, the customer's purchase facts.
    rows = {r["comment"]: r for r in comments(shop, AS_OF).as_dicts()}
    assert len(rows) == 10
    first = rows["梱包が丁寧で嬉しかったです。梱包の箱も素敵"]
    assert (first["nps"], first["fan_level"], first["liking"]) == (10, 6, 7)
    assert first["customer_key"] == "e:a@example.com" and first["orders"] == 2 and first["revenue"] == 5000
    assert rows["Too expensive"]["orders"] == 1 and rows["Too expensive"]["revenue"] == 1500
    assert rows["発送が遅くて残念でした"]["customer_key"] is None  # no e-mail: no customer


def test_undo_removes_the_kept_columns_and_a_reimport_hands_them_over(shop, tmp_path):
    count = "SELECT count(*) FROM survey_comments"
    assert shop.con.execute(count).fetchone()[0] == 10 + 10 + 2
    again = import_files(shop, [survey_file(tmp_path)])[0]
    assert again.status == "nothing new" and again.skipped == 11
    assert shop.con.execute(count).fetchone()[0] == 22  # nothing twice
    undo_import(shop, 2)  # the first survey import: its answers were seen again by import 3
    assert shop.con.execute(count).fetchone()[0] == 22
    assert shop.con.execute("SELECT DISTINCT import_id FROM survey_comments").fetchall() == [(3,)]
    undo_import(shop, 3)
    assert shop.con.execute(count).fetchone()[0] == 0


def test_filters_pick_comments(shop):
    def said(**kw):
        return sorted(comments(shop, AS_OF, CommentFilter(**kw)).column("comment"))

    assert len(said(group="promoters")) == 4 and len(said(group="passives")) == 2 and len(said(group="detractors")) == 4
    assert said(fan=6, liking=7) == ["Lovely scent, lovely packaging", "梱包が丁寧で嬉しかったです。梱包の箱も素敵"]
    assert said(search="香り") == ["値段が高いけど香りは好き", "香りが好きです。発送も早かった", "香りが良くて梱包も丁寧でした"]
    assert said(choice=(FOUND_Q, "知人の紹介")) == ["Shipping was slow and the price is high", "発送が遅くて残念でした",
                                                   "香りが好きです。発送も早かった"]
    assert said(start=dt.date(2026, 7, 10), end=dt.date(2026, 7, 10)) == ["Too expensive"]
    # engagement zones (default): 熱狂的ファン fan 5-6 x liking 6-7; 無関心 liking 1-2 (and fan 1 x liking 3)
    assert said(zone="enthusiast") == sorted(["梱包が丁寧で嬉しかったです。梱包の箱も素敵", "香りが好きです。発送も早かった",
                                               "香りが良くて梱包も丁寧でした", "Lovely scent, lovely packaging"])
    assert said(zone="indifferent") == sorted(["発送が遅かったです。値段も高い", "発送が遅くて残念でした", "Too expensive"])


# -- what they talk about ------------------------------------------------------------
def test_term_counts_per_group_count_each_comment_once(shop):
    promoters = _terms(ct.comment_terms(shop, AS_OF, CommentFilter(group="promoters"), top=100))
    assert promoters == {"梱包": 2, "丁寧": 2, "香り": 2, "嬉しい": 1, "箱": 1, "素敵": 1, "好き": 1, "発送": 1, "早い": 1,
                         "lovely": 1, "scent": 1, "packaging": 1}
    detractors = _terms(ct.comment_terms(shop, AS_OF, CommentFilter(group="detractors"), top=100))
    assert detractors == {"発送": 2, "遅い": 2, "値段": 1, "高い": 1, "残念": 1, "shipping": 1, "slow": 1, "price": 1,
                          "high": 1, "expensive": 1}
    everyone = ct.comment_terms(shop, AS_OF, top=3)
    # Ties by the word, in code-point order: 発 (U+767A) before 香 (U+9999), Latin letters before kanji.
    assert everyone.rows == [("発送", 3, 0.3), ("香り", 3, 0.3), ("scent", 2, 0.2)]


def test_two_selections_side_by_side_and_the_comments_behind_a_word(shop):
    side = ct.compare_terms(shop, AS_OF, CommentFilter(group="promoters"), CommentFilter(group="detractors"), top=100)
    row = dict(zip(side.column("term"), side.rows))["発送"]
    assert row == ("発送", 1, 0.25, 2, 0.5)
    behind = ct.comments_with_term(shop, AS_OF, "発送", CommentFilter(group="detractors"))
    assert sorted(behind.column("comment")) == ["発送が遅かったです。値段も高い", "発送が遅くて残念でした"]


def test_a_hidden_word_disappears(shop):
    ct.hide_word(shop, "発送")
    assert "発送" not in _terms(ct.comment_terms(shop, AS_OF, top=100))
    assert ct.hidden_words(shop) == ["発送"]
    ct.show_word(shop, "発送")
    assert _terms(ct.comment_terms(shop, AS_OF, top=100))["発送"] == 3


# -- answers that reach customers ----------------------------------------------------------
def test_match_rate_and_unmatched_answers(shop):
    rate = am.match_rate(shop)
    # a's and b's e-mails are the ones they bought with (3 answers); zed@ bought nothing.
    assert (rate.answers, rate.reached, rate.by) == (11, 3, {"email": 3})
    unmatched = am.unmatched_answers(shop).as_dicts()
    assert len(unmatched) == 8
    assert [r["why"] for r in unmatched if r["email"]] == ["not_a_buyer"]
    assert {r["comment"] for r in unmatched} >= {"発送が遅くて残念でした", None}


def test_match_by_another_column_and_undo(shop):
    # Of the 8 unmatched answers, 7 say how they found us (the last answer left it empty), 1 an order number.
    assert am.match_columns(shop).rows == [(FOUND_Q, 7), (ORDER_Q, 1)]
    # 「#2004」 is c's order #2004; 2001 is a's, whose answer is already matched by e-mail.
    assert matching.match_by_column(shop, ORDER_Q, "order_id") == 1
    rate = am.match_rate(shop)
    assert (rate.reached, rate.by) == (4, {"email": 3, "column": 1})
    matched = comments(shop, AS_OF, CommentFilter(search="良くて")).as_dicts()[0]
    assert matched["customer_key"] == "e:c@example.com" and matched["revenue"] == 4000
    assert matching.undo_column_matches(shop) == 1
    assert am.match_rate(shop).reached == 3
    assert comments(shop, AS_OF, CommentFilter(search="良くて")).as_dicts()[0]["customer_key"] is None


# -- the export and the report ------------------------------------------------------------
def test_the_comments_sheet_has_the_words_side_by_side_in_a_native_chart(shop, tmp_path):
    import openpyxl

    from engage_desktop.core.export.workbook import export_workbook

    out = export_workbook(shop, tmp_path / "comments.xlsx", view="comments", as_of=AS_OF, lang="en")
    sheet = openpyxl.load_workbook(out)["Comments"]
    assert [c.value for c in sheet[4][:3]] == [3, 11, 3 / 11]  # answers that reach a customer
    words = {sheet.cell(row=r, column=1).value: (sheet.cell(row=r, column=2).value, sheet.cell(row=r, column=4).value)
             for r in range(9, 9 + 20) if sheet.cell(row=r, column=1).value}
    assert words["発送"] == (1, 2) and words["梱包"] == (2, 0)
    assert len(sheet._charts) == 1
    texts = [sheet.cell(row=r, column=2).value for r in range(1, sheet.max_row + 1)]
    assert "Too expensive" in texts


def test_report_json_has_comment_terms(shop):
    from engage_desktop.core.metrics.report import build_report

    report = build_report(shop, AS_OF)
    terms = report["comment_terms"]
    assert terms["detractors"]["comments"] == 4
    assert terms["detractors"]["terms"][:2] == [{"term": "発送", "comments": 2, "share": 0.5},
                                                {"term": "遅い", "comments": 2, "share": 0.5}]
    assert report["answers_reached"] == {"answers": 11, "reached": 3, "share": round(3 / 11, 4), "by": {"email": 3}}
