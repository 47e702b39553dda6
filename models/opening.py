"""The user's database as the app works on it: storage's connection, plus what the layers above
storage keep whole in it — the shipped exercise library.

Everything that opens a database for use (main.py's commands, the window, the tests) calls
open_database() here; restoring a backup goes through restore_backup() here, so a copy without
the shipped exercises gets them back either way.
"""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from models.library import sync_shipped_library
from models.storage import backups, connection


def open_database(path: Path | str, *, seed_library: bool = True) -> SqliteDatabase:
    """Open, check and migrate the database at `path` (models/storage/connection.py), bind it,
    then add the shipped exercises it has not seen (seed_library=False: a copy to inspect)."""
    db = connection.open_database(path)
    if seed_library:
        sync_shipped_library()
    return db


def restore_backup(db_path: Path | str, backup_path: Path | str) -> Path:
    """models.storage.backups.restore_backup, then the shipped library made whole again;
    returns the backup of the state before restoring."""
    safety = backups.restore_backup(db_path, backup_path)
    sync_shipped_library()
    return safety
