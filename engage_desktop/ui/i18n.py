"""Language and locale formatting: Japanese by default on a Japanese system, English otherwise.

The window's own widgets are translated with Qt's tr() and the .qm files in resources/;
Qt's own dialog buttons come from Qt's qtbase_ja.qm. Everything core says (the 8 steps,
survey answers, tiers, formats, refusals, reject reasons) comes from core's catalogue
(core/messages.py), whose language ``install`` sets to the window's. Values are written
by core.messages too, so that a date reads the same on screen, in the export and in the CLI.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from engage_desktop.core import messages
from engage_desktop.core import money as core_money
from engage_desktop.ui import preferences
from engage_desktop.ui.preferences import LANGUAGES  # noqa: F401 - the languages the screens speak
from engage_desktop.ui.resources import translations_dir

_installed: list[QTranslator] = []
_current = "en"
_currency_style = "yen_sign"  # or "yen_suffix": 1,234円 (a shop setting)
_currency = core_money.DEFAULT_CURRENCY  # the open shop's (a shop setting)


def set_currency_style(style: str) -> None:
    global _currency_style
    _currency_style = style if style in ("yen_sign", "yen_suffix") else "yen_sign"


def set_currency(code: str) -> None:
    """The open shop's currency (ISO 4217): every amount on screen is shown in it."""
    global _currency
    _currency = code or core_money.DEFAULT_CURRENCY


def currency() -> str:
    return _currency


def system_language() -> str:
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def preferred_language() -> str:
    return preferences.read("language") or system_language()


def install(lang: str) -> None:
    """Load our translations and Qt's own for ``lang`` (replacing any installed before)."""
    global _current
    messages.set_language(lang)
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English,
                               QLocale.Country.Japan if lang == "ja" else QLocale.Country.UnitedStates))
    # English needs only our plural forms ("1 month" / "3 months"); Qt's own texts are English.
    qt_own = [] if lang == "en" else [("qtbase_" + lang, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for name, folder in (*qt_own, ("engage_" + lang, str(translations_dir()))):
        translator = QTranslator()
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def current() -> str:
    return _current


def money(value: Decimal | float | int | None) -> str:
    return core_money.format_money(value, _currency, _current, _currency_style)


def number(value: float | int | None, digits: int = 0) -> str:
    return messages.number_text(value, digits)


def percent(value: float | None, digits: int = 1) -> str:
    return messages.percent_text(value, digits)


def month_label(month: dt.date) -> str:
    return messages.month_text(month)


def short_month_label(month: dt.date) -> str:
    return messages.short_month_text(month)


def date_label(day: dt.date | dt.datetime | None) -> str:
    return messages.date_text(day)


def compact_money(value: float) -> str:
    """Axis labels: ¥120万 / ¥1.2M / $12k, short enough for a chart's side."""
    return core_money.compact_money(value, _currency, _current)
