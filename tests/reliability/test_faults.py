"""Faults at the edges: a read-only database or data folder, a full disk during a save, the
database file deleted or replaced while the app runs, a damaged database at start. Each gives a
message naming the file and what happened, no crash (pytest-qt fails a test on any exception in
a Qt callback), and no committed data lost; a damaged database with a backup offers it.

Read-only files are real (chmod, in a process that file permissions bind even as root). A full
disk is SQLite's own "database or disk is full", from PRAGMA max_page_count, or injected into the
transaction where a single small insert would still fit in the file's free space."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models import sessions as ms
from models.opening import open_database
from models.storage import connection as storage_connection
from models.storage import db as models_db
from models.storage.backups import daily_backup
from models.storage.db import close_database, database
from models.storage.schema import Exercise, LoggedSet, Mesocycle, Session
from tests.reliability.support import click_when_shown, rows, snapshot

PLAN_ARGS = ("plan", "--level", "beginner", "--days", "mon,thu", "--weeks", "3", "--save")


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def make_history(path: Path) -> int:
    """A database with one done session of 3 sets; returns the session's id. Left closed."""
    open_database(path)
    session_id = ms.create_session(date(2026, 11, 23), "Pull", [exercise_id("Barbell Row")],
                                   status="done")
    se_id = ms.exercise_order(session_id)[0]
    for reps in (10, 9, 8):
        ms.log_set(se_id, kind="working", load_kg=80, reps=reps, rir=2)
    close_database()  # checkpointed: the file alone holds everything
    return session_id


def open_in_editor(window, day: date = date(2026, 11, 25)) -> int:
    """A planned session with one exercise, opened in the session editor; its exercise's id."""
    session_id = ms.create_session(day, "Push", [exercise_id("Barbell Bench Press")])
    window.store.sessions_changed.emit()
    window.open_session(session_id)
    editor = window.session_editor
    editor.set_entry.fill("working", 60, 8, 2)
    return ms.exercise_order(session_id)[0]


def write_failure_text(window) -> str | None:
    box = window.findChild(QMessageBox, "writeFailureBox")
    return box.text() if box is not None and box.isVisible() else None


def logged_sets(path: Path) -> int:
    return rows(path, "SELECT COUNT(*) FROM logged_set")[0][0]


def integrity(path: Path) -> str:
    return rows(path, "PRAGMA integrity_check")[0][0]


# --- read-only database or data folder --------------------------------------------------------

def test_a_read_only_database_file_is_refused_by_name_and_left_alone(tmp_path, run_unprivileged):
    db = tmp_path / "overload.sqlite"
    make_history(db)
    db.chmod(0o444)
    before = snapshot(db)
    for args in (("--smoke", "--db", str(db)), ("--db", str(db), *PLAN_ARGS)):
        result = run_unprivileged(*args)
        assert result.returncode == 1, result.stderr
        assert f"{db} cannot be written (permission denied)" in result.stderr
        assert "Traceback" not in result.stderr
    assert snapshot(db) == before
    assert logged_sets(db) == 3


def test_a_read_only_data_folder_is_refused_by_name_and_left_alone(tmp_path, run_unprivileged):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "overload.sqlite"
    make_history(db)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        before = snapshot(db)
        for args in (("--smoke", "--db", str(db)), ("--db", str(db), *PLAN_ARGS)):
            result = run_unprivileged(*args)
            assert result.returncode == 1, result.stderr
            assert f"{db} cannot be written" in result.stderr and str(folder) in result.stderr
            assert "Traceback" not in result.stderr
        assert snapshot(db) == before
        assert sorted(p.name for p in folder.iterdir()) == ["overload.sqlite"]  # no lock left
    finally:
        folder.chmod(0o755)


def test_a_read_only_database_at_start_says_so_and_offers_no_fresh_file(tmp_path, qtbot,
                                                                          monkeypatch):
    from ui.app import open_or_offer_fresh

    db = tmp_path / "overload.sqlite"
    make_history(db)

    def refuse(*args, **kwargs):  # the folder check, as a read-only disk answers it
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storage_connection.tempfile, "TemporaryFile", refuse)
    seen: list = []
    click_when_shown("Quit", seen)
    assert open_or_offer_fresh(db, interactive=True) is None
    ((text, advice, buttons),) = seen
    assert f"{db} cannot be written (permission denied)" in text and "writable" in advice
    assert buttons == ["Quit"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["overload.sqlite"]


def test_a_write_refused_while_running_is_a_message_and_nothing_is_kept(app_window, qtbot):
    """The file became read-only under the running app (a read-only connection: SQLite's own
    'attempt to write a readonly database')."""
    window, store = app_window, app_window.store
    editor = window.session_editor
    se_id = open_in_editor(window)
    editor.log_entered_set()  # works while writable
    path = window.db_path
    commands = store.undo_stack.count()
    writable = database.obj
    read_only = SqliteDatabase(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    database.initialize(read_only)
    try:
        editor.log_entered_set()
        assert f"{path} could not be written: the file or its folder is read-only" in \
            write_failure_text(window)
        assert "read-only" in editor.message
        # A drop on the calendar goes through Store.push: refused, nothing kept, one message.
        assert store.push(ms_command(store, se_id)) is False
        assert store.undo_stack.count() == commands
    finally:
        read_only.close()
        database.initialize(writable)
    assert LoggedSet.select().where(LoggedSet.session_exercise == se_id).count() == 1
    editor.log_entered_set()  # writable again: logging goes on
    assert LoggedSet.select().where(LoggedSet.session_exercise == se_id).count() == 2


def ms_command(store, se_id: int):
    from ui.session.session_commands import LogSetCommand

    return LogSetCommand(store, se_id, kind="working", load_kg=50, reps=5)


# --- a full disk --------------------------------------------------------------------------------

def test_disk_full_during_a_plan_save_rolls_it_all_back(app_window, qtbot):
    from ui.wizard.program_wizard import ProgramWizard

    window, store = app_window, app_window.store
    history = make_sets_in(window)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")  # not one page more: disk full
    wizard = ProgramWizard(store, window)
    qtbot.addWidget(wizard)
    # A big plan, more rows than the file's free pages hold: 78 sessions and their exercises.
    wizard.schedule.day_boxes["sat"].setChecked(True)
    wizard.schedule.day_boxes["wed"].setChecked(True)
    wizard.schedule.weeks_spin.setValue(12)
    wizard.accept()  # Finish: every session in one transaction
    text = write_failure_text(window)
    assert f"{window.db_path} could not be written: the disk is full" in text
    assert Mesocycle.select().count() == 0 and Session.select().count() == 1
    assert "Create program" not in store.undo_stack.undoText()
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert sets_of(history) == [(80.0, 10), (80.0, 9), (80.0, 8)]
    assert integrity(window.db_path) == "ok"
    again = ProgramWizard(store, window)
    qtbot.addWidget(again)
    again.accept()  # space again: the same Finish saves
    assert Mesocycle.select().count() == 1


def make_sets_in(window) -> int:
    session_id = ms.create_session(date(2026, 11, 23), "Pull", [exercise_id("Barbell Row")],
                                   status="done")
    se_id = ms.exercise_order(session_id)[0]
    for reps in (10, 9, 8):
        ms.log_set(se_id, kind="working", load_kg=80, reps=reps)
    window.store.sessions_changed.emit()
    return se_id


def sets_of(se_id: int) -> list[tuple]:
    return [(s.load_kg, s.reps) for s in LoggedSet.select().where(
        LoggedSet.session_exercise == se_id).order_by(LoggedSet.position)]


def test_disk_full_while_logging_a_set_keeps_the_earlier_ones(app_window, qtbot, monkeypatch):
    window = app_window
    history = make_sets_in(window)
    se_id = open_in_editor(window)
    connection = database.obj
    real = connection.execute_sql

    def full(sql, params=None, *args, **kwargs):  # the insert, inside log_set's transaction
        if sql.startswith('INSERT INTO "logged_set"'):
            assert connection.in_transaction()
            raise storage_connection.peewee.OperationalError("database or disk is full")
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(connection, "execute_sql", full)
    window.session_editor.log_entered_set()
    assert "the disk is full" in write_failure_text(window)
    assert "the disk is full" in window.session_editor.message
    monkeypatch.undo()
    assert sets_of(se_id) == [] and sets_of(history) == [(80.0, 10), (80.0, 9), (80.0, 8)]
    assert not connection.in_transaction()
    assert window.store.undo_stack.count() == 0


def test_disk_full_on_the_command_line_is_a_message_and_nothing_is_written(tmp_path, run_cli,
                                                                          monkeypatch):
    db = tmp_path / "overload.sqlite"
    make_history(db)
    pages = rows(db, "PRAGMA page_count")[0][0]
    monkeypatch.setitem(models_db.PRAGMAS, "max_page_count", pages)
    code, out, err = run_cli("--db", str(db), "plan", "--level", "advanced", "--days",
                             "mon,tue,wed,thu,fri,sat", "--weeks", "12", "--save")
    assert code == 1 and out == ""
    assert f"{db} could not be written: the disk is full" in err and "Nothing was changed" in err
    close_database()
    assert rows(db, "SELECT COUNT(*) FROM mesocycle") == [(0,)] and logged_sets(db) == 3


# --- the database file deleted or replaced while the app runs ---------------------------------

def test_a_database_deleted_while_open_is_saved_again_with_every_set(app_window, qtbot):
    window = app_window
    path = window.db_path
    history = make_sets_in(window)
    se_id = open_in_editor(window)
    path.unlink()  # the user (or a cleaner) deletes the file; SQLite would write on unnoticed
    seen: list = []
    click_when_shown("Save it again", seen)
    window.session_editor.log_entered_set()
    ((text, advice, _),) = seen
    assert f"{path} was deleted or moved while Overload had it open" in text
    assert str(path) in advice
    assert path.exists() and integrity(path) == "ok"
    assert rows(path, f"SELECT COUNT(*) FROM logged_set WHERE session_exercise_id = {history}") \
        == [(3,)]
    assert rows(path, f"SELECT reps FROM logged_set WHERE session_exercise_id = {se_id}") == [(8,)]
    assert window.db_path == path and window.store.db_path == path
    window.session_editor.log_entered_set()  # and on it goes, in the file that has the name
    assert rows(path, f"SELECT COUNT(*) FROM logged_set WHERE session_exercise_id = {se_id}") \
        == [(2,)]


def test_a_deleted_database_not_saved_again_refuses_writes(app_window, qtbot):
    window = app_window
    path = window.db_path
    se_id = open_in_editor(window)
    path.unlink()
    seen: list = []
    click_when_shown("Not now", seen)
    window.session_editor.log_entered_set()
    assert seen and "was deleted or moved" in window.session_editor.message
    assert not path.exists()
    assert sets_of(se_id) == []  # nothing went into the nameless file either


def test_a_replaced_database_is_left_alone_and_ours_saved_beside_it(app_window, qtbot, tmp_path):
    window = app_window
    path = window.db_path
    make_sets_in(window)
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"someone else's file")
    os.replace(other, path)  # a sync tool puts another file in its place
    seen: list = []
    click_when_shown("Save it again", seen)
    from ui.app import _check_database_file

    _check_database_file(window, Qt.ApplicationState.ApplicationActive)  # back to the app
    ((text, _, _),) = seen
    assert "was replaced by another file" in text
    assert path.read_bytes() == b"someone else's file"
    assert window.db_path != path and window.db_path.parent == path.parent
    assert rows(window.db_path, "SELECT COUNT(*) FROM logged_set") == [(3,)]
    assert str(window.db_path) in window.db_label.text()


# --- a damaged database at start ----------------------------------------------------------------

def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 7):  # every page after the first
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_a_damaged_database_offers_its_newest_backup_and_keeps_the_damaged_file(tmp_path, qtbot):
    from ui.app import open_or_offer_fresh

    db = tmp_path / "overload.sqlite"
    make_history(db)
    backup = daily_backup(db, today=date(2026, 11, 24))
    damage(db)
    damaged = db.read_bytes()
    seen: list = []
    click_when_shown("Restore the backup of 24 Nov 2026", seen)
    try:
        assert open_or_offer_fresh(db, interactive=True) == db
        ((text, advice, buttons),) = seen
        assert str(db.resolve()) in text and "damaged" in text
        assert "Start a fresh database" in buttons and "Quit" in buttons
        assert "restore the backup of 24 Nov 2026" in advice
        assert LoggedSet.select().count() == 3  # the backup's sets, open in the app
    finally:
        close_database()
    (kept,) = tmp_path.glob("overload-damaged-*.sqlite")
    assert kept.read_bytes() == damaged  # never deleted, never changed
    assert backup.exists() and integrity(db) == "ok"


def test_a_damaged_database_without_a_good_backup_offers_a_fresh_one_only(tmp_path, qtbot):
    from ui.app import open_or_offer_fresh

    db = tmp_path / "overload.sqlite"
    make_history(db)
    bad_backup = daily_backup(db, today=date(2026, 11, 24))
    damage(bad_backup)
    damage(db)
    seen: list = []
    click_when_shown("Quit", seen)
    assert open_or_offer_fresh(db, interactive=True) is None
    ((_, _, buttons),) = seen
    assert buttons == ["Start a fresh database", "Quit"]


def test_a_damaged_database_on_the_command_line_exits_1_naming_it(tmp_path, run_cli):
    db = tmp_path / "overload.sqlite"
    make_history(db)
    damage(db)
    before = db.read_bytes()
    code, _, err = run_cli("--db", str(db), "volume")
    assert code == 1 and str(db.resolve()) in err and "Traceback" not in err
    assert db.read_bytes() == before


@pytest.fixture(autouse=True)
def _no_database_left_open():
    yield
    close_database()
