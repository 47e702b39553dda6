"""Hardening (issue 16) in the window: File ▸ Export… onto the database, importing a pipe or a
device, restoring while another program holds the write lock, a damaged backup in the list.

Real widgets and real files; the window must stay responsive throughout: a timer on the window's
thread keeps ticking while the work runs, which it cannot do if the thread is blocked."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from models.storage.backups import daily_backup, list_backups
from models.storage.restoring import RESTORE_BUSY_SECONDS
from models.storage.schema import Session
from tests.reliability.support import click_when_shown, stop
from tests.reliability.test_hardening import files_in, hold_write_lock
from ui.transfer.import_dialog import ImportDialog
from ui.transfer.transfer_actions import RestoreDialog, export_file

WAIT_MS = 20_000


class Ticks:
    """Counts a 20 ms timer's ticks on the window's thread."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


@pytest.fixture
def db_path(app_window) -> Path:
    return Path(app_window.db_path)


# --- export --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["overload.sqlite", "overload.sqlite-wal", "backups/today.csv"])
def test_the_export_dialog_refuses_the_database_and_its_backups(app_window, db_path, qtbot,
                                                                 name):
    daily_backup(db_path)
    before = files_in(db_path.parent)
    seen = []
    click_when_shown("OK", seen)
    assert export_file(app_window, db_path.parent / name) is None
    title_text = seen[0][0]
    assert ("open database" in title_text or "backups folder" in title_text)
    assert "Nothing was written." in title_text
    qtbot.wait(50)
    assert {k: v for k, v in files_in(db_path.parent).items() if not k.endswith(("-wal", "-shm"))} \
        == {k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))}
    assert Session.select().count() == 0  # the database still answers


@pytest.mark.parametrize("answer, replaced", [("&No", False), ("&Yes", True)])
def test_an_existing_file_is_replaced_only_when_the_user_says_so(app_window, qtbot, tmp_path,
                                                                 answer, replaced):
    target = tmp_path / "mine.csv"
    target.write_text("my own file\n")
    seen = []
    click_when_shown(answer, seen)
    handle = export_file(app_window, target)
    assert "mine.csv exists. Replace it with this export?" in seen[0][0]
    if not replaced:
        assert handle is None and target.read_text() == "my own file\n"
        return
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        pass
    assert target.read_text(encoding="utf-8").startswith("date,workout,exercise")


# --- import of special files ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "device", "link to a device"])
def test_importing_a_pipe_or_a_device_never_freezes_the_window(app_window, db_path, qtbot,
                                                               tmp_path, kind):
    path = tmp_path / "export.csv"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path.symlink_to("/dev/urandom")
    before = db_path.read_bytes()
    dialog = ImportDialog(app_window.store, db_path, None, app_window)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.preview_ready, wait=0):
        dialog.load_file(path)  # returns at once: the file is opened in a worker
    assert dialog.status.text().startswith("Reading ")
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [None]
    expected = "a pipe (FIFO)" if kind == "fifo" else "a device"
    assert dialog.status.text() == (f"This file cannot be imported: {expected}, not a regular "
                                    "file: Overload reads only ordinary files")
    assert not dialog.import_button.isEnabled()
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists() or not list_backups(db_path)


# --- restore -------------------------------------------------------------------------------------

def test_a_restore_blocked_by_another_writer_ends_with_a_message_and_the_window_responds(
        app_window, db_path, qtbot):
    Session.create(date=date(2026, 1, 5), name="In the backup")
    daily_backup(db_path)
    Session.create(date=date(2026, 1, 6), name="After the backup")
    dialog = RestoreDialog(app_window.store, db_path, app_window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.table.selectRow(0)
    holder = hold_write_lock(db_path, RESTORE_BUSY_SECONDS + 30)
    try:
        ticks = Ticks()
        seen = []
        click_when_shown("&Yes", seen)
        with qtbot.waitSignal(dialog.restore_failed, timeout=WAIT_MS) as blocker:
            assert dialog.restore_selected()
            assert not dialog.restore_button.isEnabled() and not dialog.table.isEnabled()
        ticks.timer.stop()
    finally:
        stop(holder)
    assert "another program is writing to the database" in blocker.args[0]
    assert "Nothing was changed." in dialog.message.text()
    # The wait lasted RESTORE_BUSY_SECONDS; a blocked thread would have ticked once at most.
    assert ticks.count >= RESTORE_BUSY_SECONDS * 10
    assert [s.name for s in Session.select().order_by(Session.id)] == [
        "In the backup", "After the backup"]
    assert [b.kind for b in list_backups(db_path)] == ["daily"]  # no safety copy left behind
    assert dialog.restore_button.isEnabled() and dialog.table.isEnabled()


def test_a_damaged_backup_is_marked_and_cannot_be_chosen(app_window, db_path, qtbot):
    good = daily_backup(db_path, today=date(2026, 1, 1))
    damaged = good.with_name(good.name.replace("2026-01-01", "2026-01-02"))
    damaged.write_bytes(good.read_bytes()[:5000])  # as a killed copy of an older version left it
    dialog = RestoreDialog(app_window.store, db_path, app_window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        pass
    states = [dialog.table.item(row, 3).text() for row in range(dialog.table.rowCount())]
    assert states == ["Damaged: cannot be restored", "Can be restored"]
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert dialog.message.text().startswith(f"{damaged.name} cannot be restored")
    assert not dialog.restore_selected()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()
