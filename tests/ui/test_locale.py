"""Dates, numbers and the training vocabulary in the app's locale (ui/locale_text.py,
ui/domain_text.py): day and month names from QLocale, never from the C library, so a German
locale reads German dates and nothing English."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from models import sessions as ms
from models.charts import RANGE_KEYS, RANGE_LABELS, RULE_TITLES
from models.rules.autoregulation import PERFORMANCE_LABELS, PUMP_LABELS, SORENESS_LABELS
from models.rules.domain import EQUIPMENT, MUSCLE_GROUPS, PATTERNS, Status, group_label
from models.storage.schema import Exercise
from ui.calendar.calendar_view import SessionCalendar
from ui.charts.charts_page import RANGE_NAMES, RULE_TITLE_NAMES
from ui.domain_text import (
    EQUIPMENT_NAMES,
    GROUP_NAMES,
    PATTERN_NAMES,
    PERFORMANCE_NAMES,
    PUMP_NAMES,
    SORENESS_NAMES,
    STATUS_NAMES,
)
from ui.locale_text import (
    date_time,
    day_month,
    long_date,
    month_title,
    number,
    parse_number,
    short_day_name,
    weekday_day_month,
)
from ui.session.session_editor import SessionEditor
from ui.session.session_models import COL_LOAD

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
MONDAY = date(2026, 12, 7)
# Every English day and month name, whole or short: none may show in a German date.
ENGLISH_NAMES = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|January|February|March|April|June|July|"
    r"August|September|October|November|December)\b")


@pytest.fixture
def german():
    """The app's locale is German for the test (QLocale.setDefault), as on a German desktop;
    the locale before it comes back after."""
    previous = QLocale()
    QLocale.setDefault(GERMAN)
    yield
    QLocale.setDefault(previous)


def test_dates_and_numbers_in_the_tests_english_locale():
    assert day_month(MONDAY) == "7 Dec"
    assert weekday_day_month(MONDAY) == "Mon 07 Dec"
    assert long_date(MONDAY) == "Monday 7 December 2026"
    assert month_title(MONDAY) == "December 2026"
    assert date_time(datetime(2026, 12, 7, 9, 5)) == "07 Dec 2026 09:05"
    assert [short_day_name(d) for d in (1, 7)] == ["Mon", "Sun"]
    assert [number(v) for v in (82.5, 100.0, 61.234, -20.0, -0.001, 1234.5)] == [
        "82.5", "100", "61.23", "-20", "0", "1234.5"]
    assert parse_number("82.5") == 82.5 and parse_number(" 3 ") == 3.0
    assert parse_number("1,5") is None and parse_number("heavy") is None


def test_dates_and_numbers_in_german(german):
    assert month_title(MONDAY) == "Dezember 2026"
    assert long_date(MONDAY) == "Montag 7 Dezember 2026"
    assert [short_day_name(d) for d in range(1, 8)] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert not ENGLISH_NAMES.search(" ".join(
        [day_month(MONDAY), weekday_day_month(MONDAY), date_time(datetime(2026, 12, 7, 9, 5))]))
    assert number(82.5) == "82,5" and number(1234.5) == "1234,5"  # as the spin boxes show it
    assert parse_number("82,5") == 82.5 and parse_number("82.5") == 82.5


def test_the_calendar_and_the_session_editor_read_in_german(german, store, qtbot):
    row = Exercise.get(Exercise.name == "Barbell Row").id
    session_id = ms.create_session(MONDAY, "Pull A", [row])
    ms.log_set(ms.exercise_order(session_id)[0], kind="working", load_kg=82.5, reps=6, rir=2)
    calendar = SessionCalendar(store, today=MONDAY)
    qtbot.addWidget(calendar)
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    editor.open_session(session_id)

    headers = [re.sub(r"<[^>]+>", "", calendar.grid.itemAtPosition(0, column).widget().text())
               for column in range(7)]
    assert headers == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert calendar.title.text() == "Dezember 2026"
    assert editor.date_label.text().startswith("Montag 7 Dezember 2026")
    assert editor.set_model.index(0, COL_LOAD).data() == "82,5"
    calendar.set_mode("week")
    week_title = calendar.title.text()
    assert "Dez." in week_title
    shown = " ".join([*headers, week_title, editor.date_label.text(),
                      calendar.cell_for(MONDAY).accessibleName()])
    assert not ENGLISH_NAMES.search(shown), shown


def test_the_vocabulary_tables_say_what_models_say():
    """ui/domain_text.py holds the models' English word for word, so that lupdate sees it."""
    assert {g: group_label(g) for g in MUSCLE_GROUPS} == GROUP_NAMES
    assert {s: s.value for s in Status} == STATUS_NAMES
    assert {e: e.replace("_", " ").capitalize() for e in EQUIPMENT} == EQUIPMENT_NAMES
    assert {p: p.replace("_", " ").capitalize() for p in PATTERNS} == PATTERN_NAMES
    assert (SORENESS_NAMES, PUMP_NAMES, PERFORMANCE_NAMES) == (
        SORENESS_LABELS, PUMP_LABELS, PERFORMANCE_LABELS)
    assert {key: RANGE_LABELS[key] for key in RANGE_KEYS} == RANGE_NAMES
    assert RULE_TITLE_NAMES == RULE_TITLES
