"""File ▸ Import…, Export… and Restore backup…, driven as a user would, and the worker helper
they run on. Every wait is on a signal, never a sleep."""

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

import ui.transfer.import_dialog as import_dialog_module
from models.storage.backups import daily_backup
from models.storage.schema import Exercise, ExerciseMapping, Session
from ui.transfer.import_dialog import SEARCH, ExercisePicker, ImportDialog
from ui.transfer.transfer_actions import RestoreDialog, export_file, import_file
from ui.worker import run_in_worker

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
UNKNOWN = "Seated Low Cable Row"  # in no library, under no spelling
WAIT_MS = 15_000


def stored(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT s.name, e.name, ls.kind, ls.load_kg, ls.reps FROM logged_set ls"
            " JOIN session_exercise se ON se.id = ls.session_exercise_id"
            " JOIN session s ON s.id = se.session_id JOIN exercise e ON e.id = se.exercise_id"
            " ORDER BY s.date, se.position, ls.position").fetchall()


@pytest.fixture
def hevy_with_unknown(tmp_path) -> Path:
    """The Hevy fixture with one exercise renamed to a name the library does not know."""
    path = tmp_path / "hevy.csv"
    text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("Seated Cable Row", UNKNOWN), encoding="utf-8")
    return path


@pytest.fixture
def dialog(store, db_path, qtbot):
    dialog = ImportDialog(store, db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(dialog, qtbot, path: Path, unit_button=None):
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as blocker:
        dialog.load_file(path)
        if unit_button is not None:
            qtbot.mouseClick(unit_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def run_import(dialog, qtbot, store):
    with qtbot.waitSignals([dialog.import_finished, store.sessions_changed], timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog.summary


# --- the import flow -----------------------------------------------------------------------------

def test_import_with_a_mapping_step(dialog, qtbot, store, db_path, hevy_with_unknown):
    preview = load(dialog, qtbot, hevy_with_unknown)
    assert dialog.objectName() == "importDialog"
    values = {key: label.text() for key, label in dialog.values.items()}
    assert values["format"] == "Hevy (hevy-kg)"
    assert (values["workouts"], values["sets"], values["warmups"]) == ("2", "7", "1")
    assert values["dates"] == "15 Sep 2025 – 17 Sep 2025"
    assert values["unit"] == "kg (stored as kg)"
    assert values["existing"] == "none"
    assert values["exercises"] == f"2 of 3 matched; not in the library: {UNKNOWN}"
    assert preview.unmatched == [UNKNOWN]
    assert Session.select().count() == 0  # the preview writes nothing
    assert not dialog.unit_box.isVisible()

    # Page 1 → the mapping page: Import waits for a choice.
    assert dialog.next_button.isVisible() and not dialog.import_button.isVisible()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget().objectName() == "mappingPage"
    assert dialog.import_button.isVisible() and not dialog.import_button.isEnabled()
    row = dialog.mapping_row(UNKNOWN)
    assert row.choice.currentText() == "— choose —" and not row.group.isEnabled()
    cable_row = Exercise.get(Exercise.name == "Cable Row").id
    index = row.choice.findData(cable_row)
    assert index > 0 and row.choice.itemText(index).startswith("Cable Row")  # a suggestion
    row.choice.setCurrentIndex(index)
    assert dialog.import_button.isEnabled()

    summary = run_import(dialog, qtbot, store)
    assert (summary.workouts, summary.sets, summary.new_exercises) == (2, 7, [])
    assert [r for r in stored(db_path) if r[0] == "Pull"] == [
        ("Pull", "Lat Pulldown", "working", 65.0, 10), ("Pull", "Lat Pulldown", "working", 65.0, 9),
        ("Pull", "Cable Row", "working", 70.0, 12), ("Pull", "Cable Row", "working", 70.0, 11)]
    assert ExerciseMapping.get_by_id(UNKNOWN).exercise_id == cable_row  # remembered
    assert dialog.pages.currentWidget().objectName() == "summaryPage"
    text = dialog.summary_label.text()
    assert "Imported 2 workout(s) with 7 set(s) (1 warm-up) from Hevy (hevy-kg)." in text
    assert f"{UNKNOWN} → Cable Row" in text and summary.backup in text
    assert dialog.close_button.text() == "Close" and not dialog.import_button.isVisible()


def test_the_mapping_is_remembered_for_the_next_file(dialog, qtbot, store, hevy_with_unknown):
    load(dialog, qtbot, hevy_with_unknown)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    row = dialog.mapping_row(UNKNOWN)
    row.choice.setCurrentIndex(row.choice.findData(Exercise.get(Exercise.name == "Cable Row").id))
    run_import(dialog, qtbot, store)
    second = ImportDialog(store, dialog._db_path)
    qtbot.addWidget(second)
    preview = load(second, qtbot, hevy_with_unknown)
    assert preview.matches[UNKNOWN].how == "mapping" and second.mapping_rows == {}
    assert preview.already_imported == 2 and not second.import_button.isEnabled()
    assert second.values["existing"].text() == "2 of 2 workouts (will be skipped)"


def test_create_a_new_exercise_with_a_group(dialog, qtbot, store, db_path, hevy_with_unknown):
    load(dialog, qtbot, hevy_with_unknown)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    row = dialog.mapping_row(UNKNOWN)
    row.choose_new("back")
    assert row.group.isEnabled() and row.decision() == ("new", "back")
    with qtbot.waitSignal(store.exercises_changed, timeout=WAIT_MS):
        summary = run_import(dialog, qtbot, store)
    assert summary.new_exercises == [UNKNOWN]
    created = Exercise.get(Exercise.name == UNKNOWN)
    assert (created.is_custom, created.primary_group_id, created.equipment) == (True, "back", "")
    assert f"New custom exercises: {UNKNOWN}." in dialog.summary_label.text()


def test_search_all_exercises_picks_any_exercise(dialog, qtbot, hevy_with_unknown):
    load(dialog, qtbot, hevy_with_unknown)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    row = dialog.mapping_row(UNKNOWN)
    row.choice.setCurrentIndex(row.choice.findData(SEARCH))
    picker = row.choice.findChild(ExercisePicker)
    assert picker.objectName() == "exercisePicker" and picker.isVisible()
    qtbot.keyClicks(picker.search, "t-bar chest")
    shown = [picker.list.item(i) for i in range(picker.list.count())
             if not picker.list.item(i).isHidden()]
    assert [item.text() for item in shown] == ["Chest Supported T-Bar Row"]
    picker.list.setCurrentItem(shown[0])
    picker.accept()
    assert row.choice.currentText() == "Chest Supported T-Bar Row"
    assert row.decision() == ("map", Exercise.get(Exercise.name == shown[0].text()).id)
    assert dialog.import_button.isEnabled()


def test_cancelling_the_search_keeps_the_previous_choice(dialog, qtbot, hevy_with_unknown):
    load(dialog, qtbot, hevy_with_unknown)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    row = dialog.mapping_row(UNKNOWN)
    row.choose_new(None)
    row.choice.setCurrentIndex(row.choice.findData(SEARCH))
    row.choice.findChild(ExercisePicker).reject()
    assert row.decision() == ("new", None)


def test_the_unit_is_asked_when_the_file_does_not_say(dialog, qtbot, store, db_path):
    with qtbot.assertNotEmitted(dialog.preview_ready), \
            qtbot.waitSignal(dialog.unit_needed, timeout=WAIT_MS):
        dialog.load_file(FIXTURES / "strong_B.csv")
    assert dialog.unit_box.isVisible()
    assert "Choose the unit" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and dialog.values["sets"].text() == ""
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.unit_lb, Qt.MouseButton.LeftButton)
    assert blocker.args[0].unit == "lb"
    assert dialog.values["unit"].text() == "lb (stored as kg)"
    assert dialog.mapping_rows == {} and dialog.import_button.isEnabled()  # all names known
    run_import(dialog, qtbot, store)
    assert stored(db_path)[0] == ("Entraînement du soir", "Barbell Row", "warmup", 18.144, 10)


def test_a_refused_file_shows_the_line_and_writes_nothing(dialog, qtbot, tmp_path, db_path):
    path = tmp_path / "bad.csv"
    path.write_text("Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
                    "2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,\n"
                    "2024-01-01 10:00:00,Push,Bench Press (Barbell),2,abc,8,0,0,\n",
                    encoding="utf-8")
    assert load(dialog, qtbot, path) is None
    assert dialog.status.text() == (
        "This file cannot be imported: line 3: weight 'abc' is not a number")
    assert not dialog.import_button.isEnabled() and not dialog.next_button.isVisible()
    assert stored(db_path) == []
    assert not (db_path.parent / "backups").exists()


def test_a_file_that_is_not_an_export_is_refused_from_its_header(dialog, qtbot, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("name,weight\nBench,80\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as blocker:
        dialog.load_file(path)  # refused from the header alone
    assert blocker.args[0] is None
    assert "not a Strong, Hevy or FitNotes export" in dialog.status.text()


def test_cancelling_the_import_writes_nothing(dialog, qtbot, store, db_path, monkeypatch):
    load(dialog, qtbot, FIXTURES / "strong_A.csv")
    release = threading.Event()
    real_apply = import_dialog_module.apply_import

    def held_apply(*args, **kwargs):  # hold the worker until the user has pressed Cancel
        release.wait(WAIT_MS / 1000)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(import_dialog_module, "apply_import", held_apply)
    before = stored(db_path)
    with qtbot.waitSignal(dialog.import_stopped, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.objectName() == "importProgress"
        dialog.progress.canceled.emit()  # what its Cancel button sends
        release.set()
    assert blocker.args[0] == "Import cancelled. Nothing was changed."
    assert stored(db_path) == before and Session.select().count() == 0
    assert dialog.progress is None and dialog.isVisible()


def test_import_file_opens_the_dialog_on_the_main_window(window, qtbot, hevy_with_unknown):
    dialog = import_file(window, window.store, hevy_with_unknown)
    assert dialog.objectName() == "importDialog" and dialog.isVisible()
    assert dialog.parent() is window
    # The preview worker started by import_file answers through the event loop, which has not
    # run yet: waiting now cannot miss it.
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        pass
    assert dialog.preview.unmatched == [UNKNOWN]
    dialog.close()


# --- export and restore --------------------------------------------------------------------------

def test_export_file_writes_csv_in_a_worker(window, qtbot, tmp_path):
    target = tmp_path / "sets.csv"
    handle = export_file(window, target)
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        pass
    assert target.read_text(encoding="utf-8").startswith(
        "date,workout,exercise,set_order,set_kind,weight_kg,reps,rir,rpe,notes")
    assert window.statusBar().currentMessage() == f"Exported 0 sets to {target}"


def test_restore_dialog_lists_and_restores(store, db_path, qtbot, monkeypatch):
    Session.create(date="2025-01-01", name="Kept")
    daily_backup(db_path)
    Session.create(date="2025-01-02", name="Undone by the restore")
    store.undo_stack.push(QUndoCommand("an edit of the old state"))
    dialog = RestoreDialog(store, db_path)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "restoreDialog"
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Daily"
    assert dialog.table.item(0, 2).text().endswith(("KB", "KiB"))
    assert dialog.table.item(0, 3).text() == "Checking…"
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.table.selectRow(0)
    assert dialog.table.item(0, 3).text() == "Can be restored"
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignals([store.sessions_changed, store.exercises_changed,
                            store.landmarks_changed, store.settings_changed, dialog.restored],
                           timeout=WAIT_MS):
        assert dialog.restore_selected()
    assert [s.name for s in Session.select()] == ["Kept"]
    assert store.undo_stack.count() == 0
    assert "The state before restoring is saved in" in dialog.message.text()
    kinds = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert kinds == {"Before a restore", "Daily"}


def test_restore_asks_first(store, db_path, qtbot, monkeypatch):
    daily_backup(db_path)
    Session.create(date="2025-01-02", name="Still here")
    dialog = RestoreDialog(store, db_path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.No)
    with qtbot.assertNotEmitted(store.sessions_changed):
        assert not dialog.restore_selected()
    assert [s.name for s in Session.select()] == ["Still here"]


# --- the worker helper ---------------------------------------------------------------------------

def test_worker_runs_off_the_main_thread_and_answers_on_it(db, qtbot):
    main_thread = threading.get_ident()
    seen = {}

    def work(report):
        report(1, 2)
        return threading.get_ident(), Exercise.select().count()  # its own connection

    def done(result):
        seen["done"] = (result, threading.get_ident())

    def progress(done_count, total):
        seen["progress"] = (done_count, total, threading.get_ident())

    handle = run_in_worker(None, work, on_done=done, on_error=pytest.fail, on_progress=progress)
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        pass
    (worker_thread, count), answered_on = seen["done"]
    assert worker_thread != main_thread and answered_on == main_thread and count > 100
    assert seen["progress"] == (1, 2, main_thread)


def test_worker_delivers_errors(qtbot):
    errors = []
    handle = run_in_worker(None, lambda report: 1 / 0, on_done=pytest.fail,
                           on_error=errors.append)
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        pass
    assert isinstance(errors[0], ZeroDivisionError)


def test_worker_does_not_call_back_a_deleted_parent(qtbot):
    parent = QObject()
    release = threading.Event()
    calls = []
    handle = run_in_worker(parent, lambda report: release.wait(WAIT_MS / 1000),
                           on_done=calls.append, on_error=calls.append)
    parent.deleteLater()
    with qtbot.waitSignal(parent.destroyed, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        release.set()
    assert calls == []


# --- the gym loop ------------------------------------------------------------------------------

def test_a_phone_workout_lands_on_the_planned_session_and_undo_gives_the_plan_back(
        dialog, qtbot, store, db_path):
    from datetime import date

    from models import sessions as ms

    def named(name: str) -> int:
        return Exercise.get(Exercise.name == name).id

    # Planned Monday: lat pulldowns, as done; Helms rows, where the lifter did seated cable
    # rows (back, horizontal pull: a swap).
    planned = ms.create_session(date(2025, 9, 15), "Pull A",
                                [named("Lat Pulldown"), named("Helms Row")])
    before = dump_db(db_path)
    load(dialog, qtbot, FIXTURES / "hevy_kg.csv")
    text = dialog.values["planned"].text()
    assert text.startswith("1 workout(s) will fill the planned session of their day")
    assert "Seated Cable Row for Helms Row (Mon 15 Sep 2025)" in text
    summary = run_import(dialog, qtbot, store)
    assert summary.filled_planned == 1
    assert "filled the planned session" in dialog.summary_label.text()
    assert Session.get_by_id(planned).status == "done"
    assert Session.select().where(Session.date == date(2025, 9, 15)).count() == 1
    assert store.undo_stack.undoText() == "Import 2 workout(s)"
    with qtbot.waitSignal(store.sessions_changed, timeout=WAIT_MS):
        store.undo_stack.undo()
    assert dump_db(db_path) == before  # the plan is back as it was
    store.undo_stack.redo()
    assert Session.get_by_id(planned).status == "done"
    assert Session.select().where(Session.date == date(2025, 9, 15)).count() == 1


def dump_db(db_path: Path) -> str:
    """The database's content, but for the import history (an undone import stays in it)."""
    with sqlite3.connect(db_path) as connection:
        return "\n".join(line for line in connection.iterdump()
                         if not line.startswith('INSERT INTO "import_log"'))
