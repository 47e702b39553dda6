"""File ▸ Import… restores the app's own JSON export (issue 18: it used to refuse it as a CSV
with "unknown header '{'")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from models.io.csv_parsers import parse_file
from models.io.exporting import export_json
from models.io.import_writer import apply_import
from models.sessions import create_session
from models.storage.schema import Session
from ui.transfer import transfer_actions
from ui.transfer.json_restore import JsonRestore

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


@pytest.fixture
def export_of_three(window, db_path, tmp_path) -> Path:
    """An export with the three Strong workouts; then a fourth session the export lacks."""
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    path = tmp_path / "everything.json"
    export_json(path)
    create_session(date(2030, 1, 7), "Later")
    return path


def answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_import_restores_an_overload_export_after_asking(window, export_of_three, monkeypatch,
                                                         qtbot):
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.store.undo_stack.push(QUndoCommand("something the restore makes meaningless"))
    restore = transfer_actions.import_file(window, window.store, export_of_three)
    assert isinstance(restore, JsonRestore)
    with qtbot.waitSignal(restore.finished, timeout=10_000):
        pass
    assert "holds 3 sessions" in asked[0] and "replaces everything" in asked[0]
    assert "4 sessions" in asked[0]  # what it replaces is named
    assert Session.select().count() == 3
    assert window.store.undo_stack.count() == 0
    message = window.statusBar().currentMessage()
    assert message.startswith("Restored everything.json: 3 sessions")
    assert "before-restore" in message


def test_saying_no_restores_nothing(window, export_of_three, monkeypatch, qtbot):
    answer(monkeypatch, QMessageBox.StandardButton.No)
    restore = transfer_actions.import_file(window, window.store, export_of_three)
    with qtbot.waitSignal(restore.cancelled, timeout=10_000):
        pass
    assert Session.select().count() == 4
    assert window.statusBar().currentMessage() == "Nothing was restored."


def test_a_broken_export_is_refused_naming_why(window, monkeypatch, qtbot, tmp_path):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *args, **kw: warned.append(text))
    path = tmp_path / "cut.json"
    path.write_text('{"format": "overload-export", "version": 1, "schema": 99, "tables": {}}',
                    encoding="utf-8")
    restore = transfer_actions.import_file(window, window.store, path)
    with qtbot.waitSignal(restore.finished, timeout=10_000):
        pass
    assert len(warned) == 1
    assert warned[0].startswith("cut.json comes from a newer version of Overload (schema 99")
