"""The program wizard: driven page by page with keyboard and mouse; Finish saves, Cancel not."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton, QRadioButton, QWizard

from models.rules.plan_types import next_monday
from models.storage.schema import Exercise, Mesocycle, Session, SessionExercise
from ui.mime import exercise_mime
from ui.wizard.day_exercise_list import NameRole
from ui.wizard.program_wizard import ProgramWizard


@pytest.fixture
def wizard(store, qtbot):
    w = ProgramWizard(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def click_next(wizard, qtbot):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def counts():
    return (Mesocycle.select().count(), Session.select().count(),
            SessionExercise.select().count())


def test_drive_every_page_and_finish_saves_the_mesocycle(wizard, store, qtbot):
    assert wizard.objectName() == "programWizard"
    qtbot.keyClicks(wizard.goal.name_edit, "Winter block")
    beginner = wizard.goal.findChild(type(wizard.goal.level_group.button(0)), "level_beginner")
    qtbot.mouseClick(beginner, Qt.MouseButton.LeftButton)
    assert wizard.plan.level == "beginner"
    click_next(wizard, qtbot)

    assert wizard.currentPage() is wizard.schedule
    for day in ("tue", "fri"):  # start from Mon/Tue/Thu/Fri: leave Mon, Wed?, Thu
        box = wizard.schedule.day_boxes[day]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    wizard.schedule.day_boxes["wed"].setChecked(True)
    wizard.schedule.day_boxes["fri"].setChecked(True)
    assert wizard.plan.days == ("mon", "wed", "thu", "fri")
    spin = wizard.schedule.weeks_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "4")
    assert spin.value() == 4
    click_next(wizard, qtbot)

    assert wizard.currentPage() is wizard.priorities
    ranking = wizard.priorities.ranking
    ranking.set_priority("forearms", "skip")
    ranking.set_priority("calves", "maintain")
    assert wizard.plan.weeks[0].sets_per_muscle["forearms"] == 0
    assert wizard.plan.priorities["forearms"] == "skip"
    click_next(wizard, qtbot)

    assert wizard.currentPage() is wizard.exercises
    click_next(wizard, qtbot)
    assert wizard.currentPage() is wizard.review
    assert wizard.review.table.columnCount() == 5  # 4 weeks + deload
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    mesocycle = Mesocycle.get(Mesocycle.name == "Winter block")
    assert mesocycle.level == "beginner" and mesocycle.accumulation_weeks == 4
    assert mesocycle.training_days == "mon,wed,thu,fri" and mesocycle.deload
    sessions = list(Session.select().where(Session.mesocycle == mesocycle.id)
                    .order_by(Session.date))
    assert len(sessions) == 5 * 4
    start = next_monday(date.today())
    assert sessions[0].date == start and sessions[-1].date == start + timedelta(days=4 * 7 + 4)
    planned = sum(len(s.sessions) for s in wizard.plan.weeks)
    assert len(sessions) == planned
    first = sessions[0]
    rows = list(SessionExercise.select().where(SessionExercise.session == first.id)
                .order_by(SessionExercise.position))
    expected = wizard.plan.weeks[0].sessions[0].exercises
    assert [r.exercise.name for r in rows] == [e.name for e in expected]
    assert [(r.target_sets, r.rep_low, r.rep_high, r.target_rir, r.tempo) for r in rows] == \
        [(e.sets, e.rep_low, e.rep_high, e.rir, e.tempo) for e in expected]
    store.undo_stack.undo()  # the whole program is one undoable change
    assert counts() == (0, 0, 0)


def test_cancel_saves_nothing(wizard, qtbot):
    before = counts()
    click_next(wizard, qtbot)
    click_next(wizard, qtbot)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert counts() == before == (0, 0, 0)


def test_back_and_next_keep_choices(wizard, qtbot):
    click_next(wizard, qtbot)
    wizard.schedule.weeks_spin.setValue(7)
    wizard.schedule.deload_box.setChecked(False)
    click_next(wizard, qtbot)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    click_next(wizard, qtbot)
    assert wizard.schedule.weeks_spin.value() == 7 and not wizard.schedule.deload_box.isChecked()
    assert len(wizard.plan.weeks) == 7


def test_no_day_means_no_next(wizard, qtbot):
    click_next(wizard, qtbot)
    for box in wizard.schedule.day_boxes.values():
        box.setChecked(False)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Pick at least one day" in wizard.schedule.split_hint.text()


def test_every_change_updates_the_gauges(wizard):
    gauge = wizard.gauges.gauge("back")
    wizard.goal.level_group.button(2).setChecked(True)  # advanced
    advanced_peak = gauge.sets
    wizard.priorities.ranking.set_priority("back", "skip")
    assert gauge.sets == 0
    wizard.priorities.ranking.set_priority("back", "grow")
    assert gauge.sets == advanced_peak
    wizard.schedule.day_boxes["tue"].setChecked(False)
    wizard.schedule.day_boxes["fri"].setChecked(False)  # Mon + Thu only
    assert wizard.plan.days == ("mon", "thu")


def test_two_consecutive_days_warn_naming_the_rule(wizard):
    for day, box in wizard.schedule.day_boxes.items():
        box.setChecked(day in ("mon", "tue"))
    for _ in range(4):
        wizard.next()
    assert wizard.currentPage() is wizard.review
    assert "spacing_48h" in wizard.review.warnings.rules()
    assert any("48" in wizard.review.warnings.item(i).text()
               for i in range(wizard.review.warnings.count()))


def test_an_exercise_created_after_the_wizard_opened_can_be_dropped(wizard, qtbot):
    """A library exercise the wizard's list did not know raised AttributeError in the slot (the
    generator looked it up by a name it never had)."""
    from models.library import create_exercise
    from models.rules.domain import ExerciseInfo

    wizard.next(), wizard.next(), wizard.next()
    page = wizard.exercises
    day = page.current_day()
    new_id = create_exercise(ExerciseInfo(name="Kroc Row", primary="back",
                                          pattern="horizontal_pull", equipment="dumbbell"))
    for ids in ([new_id], [999_999]):  # created since the wizard opened; deleted meanwhile
        mime = exercise_mime(ids)
        page.lists[day].dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                             Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier))
    assert "Kroc Row" in page.lists[day].names()
    assert "Kroc Row" in wizard.day_choices[day]
    assert any(e.name == "Kroc Row" for w in wizard.plan.weeks for s in w.sessions
               for e in s.exercises)


def test_the_wizards_search_finds_exercises_by_alias_like_the_library(wizard, qtbot):
    """The wizard searched names only: "RDL" found Romanian Deadlift in the library dock but
    not here. One rule (models.rules.search) now serves every search box."""
    wizard.next(), wizard.next(), wizard.next()
    page = wizard.exercises
    qtbot.keyClicks(page.search, "rdl")
    shown = [page.picker.item(i).data(NameRole) for i in range(page.picker.count())
             if not page.picker.item(i).isHidden()]
    assert "Romanian Deadlift" in shown
    assert all("deadlift" in name.casefold() or "rdl" in name.casefold() for name in shown)


def test_exercises_can_be_dropped_removed_and_reordered(wizard, qtbot):
    wizard.next(), wizard.next(), wizard.next()
    page = wizard.exercises
    day = page.current_day()
    lst = page.lists[day]
    before = lst.names()
    helms = Exercise.get(Exercise.name == "Helms Row")
    mime = exercise_mime([helms.id])  # the event does not own it: keep it alive
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    lst.dropEvent(drop)
    names = page.lists[day].names()
    assert "Helms Row" in names
    assert wizard.day_choices[day] == tuple(names) or "Helms Row" in wizard.day_choices[day]
    lst = page.lists[day]
    lst.setCurrentRow(0)
    first = lst.names()[0]
    lst.remove_current()
    assert first not in wizard.day_choices[day]
    page._reset_day()
    assert day not in wizard.day_choices
    assert page.lists[day].names() == before


def test_a_refused_save_keeps_the_wizard_open_and_writes_nothing(wizard, store, qtbot,
                                                                  monkeypatch):
    import sqlite3

    import models.plans

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(models.plans, "save_plan", disk_full)
    with qtbot.waitSignal(store.write_failed) as failure:
        wizard.accept()
    assert "disk is full" in failure.args[0] or "full" in failure.args[0]
    assert wizard.isVisible() and wizard.result() != QWizard.DialogCode.Accepted
    assert counts() == (0, 0, 0) and store.undo_stack.count() == 0


def test_the_ranking_decides_what_grows_and_the_budget_bar_follows(wizard, qtbot):
    """Two days hold one grown muscle: whichever is ranked first. Moving chest above the back
    — with the keyboard, with the buttons — makes chest the one that grows; the bar, the rows
    and the review follow."""
    for day, box in wizard.schedule.day_boxes.items():
        box.setChecked(day in ("mon", "thu"))
    wizard.next(), wizard.next()
    assert wizard.currentPage() is wizard.priorities
    ranking = wizard.priorities.ranking
    assert wizard.plan.rank == ("back",)
    assert ranking.groups()[:2] == ["back", "chest"]
    assert "grows 10 →" in ranking.list.item(0).text()
    assert "no room to grow" in ranking.list.item(1).text()
    bar = ranking.budget_bar
    assert bar.format().startswith("Week ") and "of your 50 sets" in bar.format()
    assert 0 < bar.value() <= bar.maximum() == 50
    assert "would let" in ranking.advice.text()
    ranking._select("chest")
    qtbot.mouseClick(ranking.findChild(QPushButton, "rankUp"), Qt.MouseButton.LeftButton)
    assert ranking.groups()[:2] == ["chest", "back"]
    assert wizard.plan.rank == ("chest",)
    wizard.next(), wizard.next()
    assert wizard.review.summary.text().count("Grows chest") == 1  # drawn when shown
    wizard.back(), wizard.back()
    ranking.list.setFocus()
    ranking._select("back")
    qtbot.keyClick(ranking.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert wizard.plan.rank == ("back",)
    skip = ranking.findChild(QRadioButton, "priority_skip")
    qtbot.mouseClick(skip, Qt.MouseButton.LeftButton, pos=QPoint(8, skip.height() // 2))
    assert wizard.plan.priorities["back"] == "skip" and wizard.plan.rank == ("chest",)


def test_dragging_a_muscle_in_the_ranking_reorders_it(wizard):
    ranking = wizard.priorities.ranking
    model = ranking.list.model()
    # What a drop inside the list does: the row moves, and the plan follows.
    model.moveRow(model.index(0, 0).parent(), 3, model.index(0, 0).parent(), 0)
    assert ranking.groups()[0] == "hamstrings"
    assert wizard.request().rank[0] == "hamstrings"


def test_a_longest_session_limit_holds_every_session(wizard):
    wizard.schedule.limit_box.setChecked(True)
    wizard.schedule.minutes_spin.setValue(45)
    assert wizard.plan.max_minutes == 45
    assert all(s.minutes <= 45 for w in wizard.plan.weeks for s in w.sessions)
    wizard.next(), wizard.next()
    assert "minutes" in wizard.priorities.ranking.budget_bar.format()
    wizard.next()
    tab = wizard.exercises.tabs.tabText(0)
    assert tab.endswith(" min")


# --- a second program --------------------------------------------------------------------------

def answer_next_box(button_text: str, seen: list) -> None:
    """Click `button_text` on the next modal message box (it runs its own event loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "").startswith(button_text)).click()

    QTimer.singleShot(0, click)


@pytest.fixture
def first_program(store, qtbot):
    """A 4-week program saved through the wizard; (its mesocycle id, its planned sessions)."""
    first = ProgramWizard(store)
    qtbot.addWidget(first)
    first.accept()
    return first.saved_mesocycle_id, Session.select().count()


def test_a_second_program_starts_after_the_first_by_default(store, qtbot, first_program):
    """The wizard used to default to next Monday again: Finish put two sessions on every day."""
    last = max(s.date for s in Session.select())
    second = ProgramWizard(store)
    qtbot.addWidget(second)
    start = second.schedule.start_edit.date().toPython()
    assert start > last and start.weekday() == 0
    second.accept()
    days = [s.date for s in Session.select()]
    assert max(days.count(d) for d in days) == 1  # never two sessions on a day


def test_overlapping_planned_sessions_are_replaced_in_one_undo_step(store, qtbot, first_program):
    mesocycle_id, sessions = first_program
    second = ProgramWizard(store)
    qtbot.addWidget(second)
    second.schedule.start_edit.setDate(Mesocycle.get_by_id(mesocycle_id).start_date)
    seen = []
    answer_next_box("Replace them", seen)
    second.accept()
    assert "overlap" in seen[0] and f"{sessions} planned sessions" in seen[0]
    assert Session.select().where(Session.mesocycle == mesocycle_id).count() == 0
    days = [s.date for s in Session.select()]
    assert max(days.count(d) for d in days) == 1
    store.undo_stack.undo()  # one step: the new program goes, the old sessions come back
    assert Session.select().where(Session.mesocycle == mesocycle_id).count() == sessions
    assert Session.select().count() == sessions


def test_start_after_them_moves_the_start_and_keeps_the_wizard_open(store, qtbot, first_program):
    mesocycle_id, sessions = first_program
    second = ProgramWizard(store)
    qtbot.addWidget(second)
    second.show()
    second.schedule.start_edit.setDate(Mesocycle.get_by_id(mesocycle_id).start_date)
    answer_next_box("Start after them", [])
    second.accept()
    assert second.isVisible() and Session.select().count() == sessions  # nothing saved yet
    last = max(s.date for s in Session.select())
    assert second.schedule.start_edit.date().toPython() > last
    second.accept()  # no overlap now: saved
    assert Session.select().count() > sessions


def test_no_label_shows_a_literal_ampersand(wizard, qtbot):
    """A form row labelled with a mnemonic ("Session &length") next to a layout, not a widget,
    has no buddy: Qt then shows the & as it is (issue 18). Every page, every label."""
    from PySide6.QtCore import Qt as QtNamespace
    from PySide6.QtWidgets import QLabel

    shown = []
    for page_id in wizard.pageIds():
        for label in wizard.page(page_id).findChildren(QLabel):
            text = label.text()
            plain = label.textFormat() == QtNamespace.TextFormat.PlainText or (
                label.textFormat() == QtNamespace.TextFormat.AutoText and "<" not in text)
            if plain and "&" in text.replace("&&", "") and label.buddy() is None:
                shown.append(text)
    assert shown == []


# --- sizes from the text (issue 18.16) ---------------------------------------------------------

def test_every_day_tab_shows_whole_and_the_wizard_fits_the_screen(wizard, qtbot):
    """Qt's tab bar scrolled the last days ("Fri · Lower B · 37 min") out of sight."""
    from tests.ui.clipping import clipped_texts
    from ui.sizing import TITLE_BAR

    screen = wizard.screen().availableGeometry()
    assert wizard.height() <= screen.height() - TITLE_BAR
    for day in ("wed", "sat"):  # six training days
        wizard.schedule.day_boxes[day].setChecked(True)
    wizard.next(), wizard.next(), wizard.next()
    assert wizard.currentPage() is wizard.exercises
    tabs = wizard.exercises.tabs
    assert tabs.count() == 6
    qtbot.wait(20)
    assert all(tabs.strip.rect().contains(tabs.tab(i).geometry()) for i in range(6))
    assert [str(cut) for cut in clipped_texts(wizard) if "dayTabs" in str(cut)] == []
    qtbot.mouseClick(tabs.tab(5), Qt.MouseButton.LeftButton)
    assert wizard.exercises.current_day() == wizard.plan.days[5]
