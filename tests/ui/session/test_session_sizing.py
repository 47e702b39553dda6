"""The session editor's text at any font and dock width (issue 18.16 and 18.19): the set
table's headers, the rest countdown, the tempo boxes and the header's buttons are never cut."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QHeaderView

from models import sessions as ms
from models.storage.schema import Exercise
from tests.ui.clipping import clipped_texts
from ui.session.rest_timer import RestTimer
from ui.session.session_editor import SessionEditor
from ui.sizing import scrolling

EXERCISES = ("Barbell Back Squat", "Romanian Deadlift", "Standing Calf Raise")


@pytest.fixture
def session_id(db) -> int:
    ids = [Exercise.get(Exercise.name == name).id for name in EXERCISES]
    session = ms.create_session(date(2026, 11, 10), "Lower A", ids)
    ms.set_exercise_targets(ms.exercise_order(session)[0], tempo="3-0-1-0")
    return session


def cut_texts(widget, qtbot) -> list[str]:
    qtbot.wait(10)
    return [str(cut) for cut in clipped_texts(widget)]


def editor_in_its_dock(store, qtbot, session: int):
    """The editor as the main window holds it: in a scroll area that never scrolls sideways,
    as narrow as that allows."""
    editor = SessionEditor(store)
    area = scrolling(editor, "sessionScroll")
    qtbot.addWidget(area)
    editor.open_session(session)
    area.show()
    qtbot.waitExposed(area)
    area.resize(area.minimumSizeHint().width(), 900)
    return editor, area


@pytest.mark.parametrize("large", [False, True], ids=["usual font", "large text"])
def test_the_editor_at_its_narrowest_cuts_no_text(store, qtbot, session_id, large, request):
    if large:
        request.getfixturevalue("larger_font")
    editor, area = editor_in_its_dock(store, qtbot, session_id)
    assert cut_texts(area, qtbot) == []
    assert editor.width() <= area.viewport().width()  # no sideways scrolling


def test_the_set_tables_columns_never_cut_their_headers(store, qtbot, session_id):
    """The columns stretched equally: in a narrow dock "Reps / time" was cut."""
    editor, _area = editor_in_its_dock(store, qtbot, session_id)
    table = editor.set_table
    header = table.horizontalHeader()
    hints = [header.sectionSizeHint(column) for column in range(header.count())]
    for width in (table.viewport().width(), 120, 900):
        table.resize(width + 2 * table.frameWidth(), table.height())
        qtbot.wait(10)
        assert all(header.sectionSize(c) >= hints[c] for c in range(header.count()))
        assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Fixed
    # Where there is room, the columns share it and fill the table's width.
    assert sum(header.sectionSize(c) for c in range(header.count())) \
        == table.viewport().width()


def test_the_rest_countdown_holds_each_of_its_texts_whole(qtbot):
    now = [0.0]
    timer = RestTimer(clock=lambda: now[0])
    qtbot.addWidget(timer)
    timer.show()
    timer.resize(timer.minimumSizeHint().width(), timer.sizeHint().height())
    assert cut_texts(timer, qtbot) == []  # idle
    timer.start(1800)
    assert timer.text == "Rest 30:00"
    assert cut_texts(timer, qtbot) == []
    now[0] = 1801.0
    timer.tick()  # rest over: the big, bold cue
    assert timer.remaining_seconds == 0 and not timer.is_running
    assert cut_texts(timer, qtbot) == []
    timer.start(90)
    timer.skip()
    assert cut_texts(timer, qtbot) == []
