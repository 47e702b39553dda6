"""Dates and numbers as the app's locale writes them: the one place ui/ turns them into text.

Names of days and months come from QLocale (the default locale: the system's, or the one a
test or a preference sets with QLocale.setDefault), never from Python's date formatting, whose
weekday and month names follow the C library's setlocale and so can mix two languages in one
sentence. Each date pattern is itself
translatable (context "DateFormat"): a translator puts day, month and year in the order their
language reads them, in Qt's date format (d dd ddd dddd, M MM MMM MMMM, yy yyyy, HH mm).

Numbers with decimals are written with the locale's decimal point and without a group separator,
as the spin boxes that take them write them (QDoubleSpinBox omits it too), so what is shown reads
the way it is typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, QLocale


def _date(day: dt.date | dt.datetime, pattern: str) -> str:
    return QLocale().toString(day, pattern)


def day_month(day: dt.date) -> str:
    """'2 Dec'."""
    #: Qt date format: day of the month and short month name (2 Dec)
    return _date(day, QCoreApplication.translate("DateFormat", "d MMM"))


def padded_day_month(day: dt.date) -> str:
    """'02 Dec' — a week's first day in a range, aligned in titles."""
    #: Qt date format: two-digit day of the month and short month name (02 Dec)
    return _date(day, QCoreApplication.translate("DateFormat", "dd MMM"))


def weekday_day_month(day: dt.date) -> str:
    """'Mon 02 Dec'."""
    #: Qt date format: short weekday, two-digit day, short month (Mon 02 Dec)
    return _date(day, QCoreApplication.translate("DateFormat", "ddd dd MMM"))


def day_month_year(day: dt.date) -> str:
    """'02 Dec 2024'."""
    #: Qt date format: two-digit day, short month, year (02 Dec 2024)
    return _date(day, QCoreApplication.translate("DateFormat", "dd MMM yyyy"))


def weekday_date(day: dt.date) -> str:
    """'Mon 02 Dec 2024'."""
    #: Qt date format: short weekday, two-digit day, short month, year (Mon 02 Dec 2024)
    return _date(day, QCoreApplication.translate("DateFormat", "ddd dd MMM yyyy"))


def sheet_date(day: dt.date) -> str:
    """'Mon 2 Dec 2024' — a printed session sheet's date."""
    #: Qt date format: short weekday, day, short month, year (Mon 2 Dec 2024)
    return _date(day, QCoreApplication.translate("DateFormat", "ddd d MMM yyyy"))


def long_date(day: dt.date) -> str:
    """'Monday 2 December 2024'."""
    #: Qt date format: weekday, day, month, year in full (Monday 2 December 2024)
    return _date(day, QCoreApplication.translate("DateFormat", "dddd d MMMM yyyy"))


def date_time(moment: dt.datetime) -> str:
    """'02 Dec 2024 13:05' — when a backup was made."""
    #: Qt date format: day, short month, year and the time on a 24-hour clock (02 Dec 2024 13:05)
    return _date(moment, QCoreApplication.translate("DateFormat", "dd MMM yyyy HH:mm"))


def sortable_date_time(moment: dt.datetime) -> str:
    """'2024-12-02 13:05' — a table column that sorts as text (the same in every language)."""
    return _date(moment, "yyyy-MM-dd HH:mm")


def month_title(day: dt.date) -> str:
    """'December 2024': the month's name as it stands alone (a title), which differs from
    its form inside a date in some languages (Russian 'декабрь', not 'декабря')."""
    month = QLocale().standaloneMonthName(day.month)
    #: A calendar's title: the month's name and the year (December 2024)
    return QCoreApplication.translate("DateFormat", "{month} {year}").format(
        month=month, year=day.year)


def short_day_name(iso_weekday: int) -> str:
    """'Mon' for 1 … 'Sun' for 7, as a column header."""
    return QLocale().standaloneDayName(iso_weekday, QLocale.FormatType.ShortFormat)


def number(value: float, decimals: int = 2) -> str:
    """`value` rounded to `decimals` places, without trailing zeros ('82.5', '100'), with the
    locale's decimal point ('82,5' in German)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    shortest = QLocale.FloatingPointPrecisionOption.FloatingPointShortest
    return locale.toString(round(value, decimals) + 0.0, "f", shortest)


# Qt's marker for text translated later, at its point of use (a module's constant): it returns
# `text` as it is, and pyside6-lupdate extracts it under `context`. Typed here (PySide6's stub
# says object), so a table of them is a table of str.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

# QCoreApplication.translate under a short name for text outside a QObject (free functions,
# QUndoCommands, module constants read later): pyside6-lupdate extracts `translate("Context",
# "text")` calls by this name, and the context is written out at each call, as it must be.
translate = QCoreApplication.translate


def parse_number(text: str) -> float | None:
    """A number as typed in a cell: in the locale's way ('82,5' in German) or with a point
    ('82.5', as the command line and other apps write it); None when it is neither. A group
    separator is refused: '1,5' in English is not fifteen."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.RejectGroupSeparator)
    value, ok = locale.toDouble(text.strip())
    if ok:
        return value
    try:
        return float(text)
    except ValueError:
        return None


def short_month_name(month: int) -> str:
    """'Oct' for 10: a month as a chart's axis names it."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)
