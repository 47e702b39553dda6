"""An import on the undo stack: Edit ▸ Undo takes the workouts out again and gives back the
planned sessions they filled (models.io.import_writer.undo_import); Redo imports them again.

The import itself runs in a worker (ui/transfer/import_dialog.py); the command is pushed once it
is done, so its first redo() only records that it happened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoCommand

from models.io.csv_parsers import ParsedFile
from models.io.import_writer import ImportSummary, apply_import, undo_import
from ui.locale_text import translate


class ImportCommand(QUndoCommand):
    def __init__(self, store, db_path: Path, parsed: ParsedFile, summary: ImportSummary, *,
                 mapping: dict[str, int], new_exercises: dict[str, str | None]):
        super().__init__(translate("ImportCommand", "Import {count} workout(s)").format(
            count=summary.workouts))


        self._store, self._db_path, self._parsed = store, db_path, parsed
        self._mapping, self._new_exercises = mapping, new_exercises
        self.summary = summary
        self._done = True  # the worker has imported already

    def redo(self) -> None:
        if not self._done:
            self.summary = apply_import(self._parsed, self._db_path, mapping=self._mapping,
                                        new_exercises=self._new_exercises)
            self._done = True
        self._announce()

    def undo(self) -> None:
        assert self.summary.undo is not None, "an import always records how to take it back"
        undo_import(self.summary.undo)
        self._done = False
        self._announce()

    def _announce(self) -> None:
        self._store.sessions_changed.emit()
        if self.summary.new_exercises:
            self._store.exercises_changed.emit()
