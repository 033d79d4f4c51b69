"""The journey view over time (issue 19 part 6), as the owner uses it on the sample shop: the funnel
over the period the owner picks, dormant customers and promoters apart at each step, the step-5
choice in the rule dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from engage_desktop.core.metrics import journey
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.ui import i18n
from tests.ui.conftest import show_view


def test_the_funnel_follows_the_period_the_owner_picks(qtbot: Any, open_shop: Any, on_db: Any,
                                                       sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    as_of = on_db(lambda s: resolve_as_of(s, None))
    start, end = journey.funnel_period(as_of)
    assert (view.period_from.currentData(), view.period_to.currentData()) == (start, end)
    expected = on_db(lambda s: journey.funnel(s, as_of, start, end).as_dicts())
    assert view.funnel_boxes[3].text().splitlines()[0] == f"購入  {i18n.number(expected[3]['count'])}"
    typed = view.funnel_boxes[0].text().splitlines()[1]  # 認知: how many of the 12 months have a count
    assert typed == f"12か月中{expected[0]['months']}か月に入力あり"

    # The owner picks the last 3 months: every stage is counted over them.
    later = end.replace(month=end.month - 2) if end.month > 2 else end.replace(year=end.year - 1, month=end.month + 10)
    view.period_from.setCurrentIndex(view.data["funnel_months"].index(later))
    view.choose_period(view.period_from)
    qtbot.waitUntil(view.settled, timeout=30_000)
    assert view.data["funnel_period"] == (later, end)
    expected = on_db(lambda s: journey.funnel(s, as_of, later, end).as_dicts())
    assert [box.text().splitlines()[0].split("  ")[1] for box in view.funnel_boxes] == [
        "—" if r["count"] is None else i18n.number(r["count"]) for r in expected]
    assert view.period_note.text() == "（3か月）"
    conversion = expected[4]["conversion"]
    assert view.funnel_arrows[3].text() == f"→\n{i18n.percent(conversion)}"
    # A start after the end moves the end with it.
    view.period_to.setCurrentIndex(view.data["funnel_months"].index(start))
    view.choose_period(view.period_to)
    qtbot.waitUntil(view.settled, timeout=30_000)
    assert view.data["funnel_period"] == (start, start)
    assert isinstance(view.data["funnel_period"][0], dt.date)


def test_the_step_table_shows_dormant_customers_and_promoters_apart(qtbot: Any, open_shop: Any, on_db: Any,
                                                                     sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    expected = on_db(lambda s: journey.journey(s, resolve_as_of(s, None)).as_dicts())
    for title, key in (("今いる人数", "customers"), ("休眠中の人数", "dormant"), ("このステップの推奨者", "promoters")):
        row = view.model.row_titles.index(title)
        assert [view.model.value(row, c) for c in range(8)] == [i18n.number(r[key]) for r in expected]
    assert sum(r["dormant"] for r in expected) > 0 and expected[2]["promoters"] > 0  # the sample has both


def test_the_rule_dialog_offers_the_two_step_5_rules_with_their_reasons(qtbot: Any, open_shop: Any, on_db: Any,
                                                                        sample_shop: Path) -> None:
    from engage_desktop.core.messages import t
    from engage_desktop.ui.views.journey import RulesDialog

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    dialog = RulesDialog(view, view.data["rules"])
    qtbot.addWidget(dialog)
    first, second = dialog.step5.button(0), dialog.step5.button(1)
    assert first.isChecked() and not second.isChecked()  # today's default: bought again 100+ days after the first
    assert second.text() == "初回購入から100日以内に3回以上購入"
    texts = [label.text() for label in dialog.findChildren(type(dialog.table.cellWidget(0, 0)))]
    assert all(t(reason) in texts for _rule, reason in journey.STEP5_RULES)  # each with its reason

    second.click()
    orders, within, days, _tiers, _promoter = dialog.widgets[4]
    assert (orders.value(), within.value(), days.value()) == (3, 100, 0)
    assert second.isChecked() and not first.isChecked()
    within.setValue(60)  # the owner's own rule: neither reading
    assert not first.isChecked() and not second.isChecked()
    within.setValue(100)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert on_db(lambda s: journey.rules(s)[4]) == journey.STEP5_RULES[1][0]
    qtbot.waitUntil(view.settled, timeout=30_000)
    rule_row = view.model.row_titles.index("条件")
    qtbot.waitUntil(lambda: view.model.value(rule_row, 4) == "初回購入から100日以内に3回以上購入", timeout=30_000)
