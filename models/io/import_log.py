"""The import history, and the import folder a phone syncs its exports into.

Every file imported — by File ▸ Import…, the command line or the import folder — leaves one row
in `import_log`: when, which file, what it added (workouts, sets, planned sessions filled), or
why it could not be imported. File ▸ Import history… lists them.

import_folder(folder, db_path) imports each Strong, Hevy or FitNotes export in a folder once per
version of the file (its size and modification time: a file the phone replaces is read again;
re-importing adds only workouts not yet here, as any import). Names that match no exercise become
custom exercises with no muscle group, as on the command line. A file that cannot be imported —
half synced, not an export, a unit the file does not say — is recorded with the reason once,
and left where it is: nothing in the folder is ever moved, renamed or deleted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.io.csv_parsers import ImportFileError, UnitRequiredError, parse_file
from models.io.import_writer import ImportMappingError, ImportSummary, apply_import
from models.storage.copies import BackupFolderError
from models.storage.schema import ImportLog

# What the folder watcher reads: the exports of Strong, Hevy and FitNotes.
FOLDER_SUFFIXES = (".csv", ".txt")
ORIGINS = ("dialog", "command", "folder")
HISTORY_ROWS = 1000  # File ▸ Import history… shows the newest this many


@dataclass(frozen=True)
class ImportRecord:
    imported_at: datetime
    file: str
    origin: str
    format: str
    workouts: int
    sets: int
    filled_planned: int
    problem: str  # why it was not imported; "" when it was

    @property
    def added(self) -> str:
        """What it added, in words."""
        if self.problem:
            return f"not imported: {self.problem}"
        if not self.workouts:
            return "nothing new (every workout was imported before)"
        text = f"{self.workouts} workout(s), {self.sets} set(s)"
        if self.filled_planned:
            text += f"; {self.filled_planned} filled a planned session"
        return text


@dataclass(frozen=True)
class FolderOutcome:
    file: Path
    summary: ImportSummary | None
    problem: str


def record_import(file: Path | str, origin: str, *, summary: ImportSummary | None = None,
                  problem: str = "", signature: str = "") -> None:
    """One line of the import history."""
    if origin not in ORIGINS:
        raise ValueError(f"import origin {origin!r} is not one of {', '.join(ORIGINS)}")
    ImportLog.create(
        imported_at=datetime.now().isoformat(timespec="seconds"), file=str(file),
        signature=signature, origin=origin, format=summary.format if summary else "",
        workouts=summary.workouts if summary else 0, sets=summary.sets if summary else 0,
        filled_planned=summary.filled_planned if summary else 0, problem=problem)


def import_history(limit: int = HISTORY_ROWS) -> list[ImportRecord]:
    """The newest `limit` lines of the history, newest first."""
    rows = ImportLog.select().order_by(ImportLog.id.desc()).limit(limit)
    return [ImportRecord(datetime.fromisoformat(row.imported_at), row.file, row.origin,
                         row.format, row.workouts, row.sets, row.filled_planned, row.problem)
            for row in rows]


def file_signature(path: Path) -> str:
    """A version of a file: its size and modification time."""
    status = os.stat(path)
    return f"{status.st_size}:{status.st_mtime_ns}"


def import_folder(folder: Path | str, db_path: Path | str) -> list[FolderOutcome]:
    """Import each export in `folder` not imported (or refused) in its present version yet;
    what happened to each, in file-name order. A folder that is gone or unreadable raises
    OSError (the caller says so)."""
    outcomes = []
    for path in sorted(Path(folder).iterdir()):
        if not _is_export(path):
            continue
        try:
            signature = file_signature(path)
        except OSError:
            continue  # gone between the listing and now: the next change reads it
        if ImportLog.select().where((ImportLog.file == str(path))
                                    & (ImportLog.signature == signature)).exists():
            continue
        outcome = _import_one(path, db_path)
        record_import(path, "folder", summary=outcome.summary, problem=outcome.problem,
                      signature=signature)
        outcomes.append(outcome)
    return outcomes


def _is_export(path: Path) -> bool:
    # Hidden and partial files are a sync in progress (".strong.csv.tmp", "x.csv.partial").
    return (path.suffix.lower() in FOLDER_SUFFIXES and not path.name.startswith(".")
            and path.is_file())


def _import_one(path: Path, db_path: Path | str) -> FolderOutcome:
    try:
        summary = apply_import(parse_file(path), db_path, create_unassigned=True)
    except UnitRequiredError:
        return FolderOutcome(path, None, "the file does not say whether its loads are kg or lb: "
                                         "import it once with File ▸ Import… to choose")
    except (ImportFileError, ImportMappingError, BackupFolderError) as exc:
        return FolderOutcome(path, None, str(exc))
    except OSError as exc:
        return FolderOutcome(path, None, f"cannot be read ({exc.strerror or exc})")
    return FolderOutcome(path, summary, "")
