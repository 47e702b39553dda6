"""The program wizard: driven page by page with keyboard and mouse; Finish saves, Cancel not."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWizard

from models.schema import Exercise, Mesocycle, Session, SessionExercise
from ui.mime import exercise_mime
from ui.program_wizard import ProgramWizard, next_monday


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
    wizard.priorities.combos["forearms"].setCurrentIndex(2)  # skip
    wizard.priorities.combos["calves"].setCurrentIndex(1)  # maintain
    assert wizard.plan.weeks[0].sets_per_muscle["forearms"] == 0
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
    wizard.priorities.combos["back"].setCurrentIndex(2)  # skip
    assert gauge.sets == 0
    wizard.priorities.combos["back"].setCurrentIndex(0)
    assert gauge.sets == advanced_peak
    wizard.schedule.day_boxes["tue"].setChecked(False)
    wizard.schedule.day_boxes["fri"].setChecked(False)  # Mon + Thu only
    assert wizard.plan.days == ("mon", "thu")


def test_two_consecutive_days_warn_naming_the_rule(wizard):
    for day, box in wizard.schedule.day_boxes.items():
        box.setChecked(day in ("mon", "tue"))
    assert "spacing_48h" in wizard.review.warnings.rules()
    assert any("48" in wizard.review.warnings.item(i).text()
               for i in range(wizard.review.warnings.count()))


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
