"""The import folder while the app runs: a phone's export that appears in it is imported
(QFileSystemWatcher, real files), said in the status bar, listed in File ▸ Import history…."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from models import sessions as ms
from models.storage.schema import Exercise, Session
from ui.transfer.import_folder import FOLDER_KEY, ImportFolderWatcher, ImportHistoryDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
WAIT_MS = 15_000


def test_an_export_that_appears_in_the_folder_is_imported_onto_the_plan(store, db_path, qtbot,
                                                                       tmp_path):
    planned = ms.create_session(date(2019, 3, 4), "Pull A",
                                [Exercise.get(Exercise.name == "Barbell Row").id])
    folder = tmp_path / "phone"
    folder.mkdir()
    watcher = ImportFolderWatcher(store, db_path)
    messages: list[str] = []
    watcher.reported.connect(messages.append)
    with qtbot.waitSignal(watcher.finished, timeout=WAIT_MS):
        watcher.set_folder(folder)  # empty: nothing to say
    assert messages == []
    with qtbot.waitSignals([watcher.finished, store.sessions_changed], timeout=WAIT_MS):
        shutil.copy(FIXTURES / "strong_A.csv", folder / "strong.csv")  # the phone syncs
    assert messages == ["Import folder: 3 workout(s), 10 set(s) from strong.csv; 1 filled a "
                        "planned session."]
    assert Session.get_by_id(planned).status == "done"
    dialog = ImportHistoryDialog()
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, column).text() for column in range(4)]
    assert cells[1:] == ["strong.csv", "Import folder",
                         "3 workout(s), 10 set(s); 1 filled a planned session"]


def test_a_folder_that_is_gone_is_said_once_and_nothing_is_watched(store, db_path, qtbot,
                                                                  tmp_path):
    watcher = ImportFolderWatcher(store, db_path)
    messages: list[str] = []
    watcher.reported.connect(messages.append)
    watcher.set_folder(tmp_path / "unplugged")
    assert len(messages) == 1 and "is not there" in messages[0]


def test_preferences_keep_the_folder_for_this_computer(window, qtbot, tmp_path, monkeypatch):
    from ui.settings.preferences_dialog import PreferencesDialog

    folder = tmp_path / "phone"
    folder.mkdir()

    def accept_with_folder(dialog) -> int:
        dialog.folder_edit.setText(str(folder))
        return PreferencesDialog.DialogCode.Accepted
    monkeypatch.setattr(PreferencesDialog, "exec", accept_with_folder)
    window.edit_preferences()
    assert window._settings.value(FOLDER_KEY) == str(folder)
    assert window.import_folder_watcher.folder == folder
    # Kept with this computer's window settings, read back at the next start.
    assert QSettings(window._settings.fileName(), QSettings.Format.IniFormat).value(
        FOLDER_KEY) == str(folder)


def test_the_history_says_so_when_nothing_was_imported_yet(db, qtbot):
    dialog = ImportHistoryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    empty = dialog.findChild(QLabel, "importHistoryEmpty")
    assert empty.isVisible() and not dialog.table.isVisible()
