"""Copies of the open database into backups/ beside it: how they are named and written.

The one writer of backup files (models/storage/backups.py lists, prunes, checks and restores
them; migrations and imports take one before they change anything).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

from models.storage.db import os_error_text


def backup_database(db: SqliteDatabase | DatabaseProxy, path: Path, label: str) -> Path:
    """Write a consistent copy of the open database into backups/ beside it (VACUUM INTO)."""
    folder = path.parent / "backups"
    make_backup_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{backup_prefix(path)}{label}-{stamp}.sqlite"
    counter = 1
    # Under a temporary name until complete: a killed copy must never be listed as a backup.
    # A name whose temporary file a killed copy left is skipped (VACUUM INTO will not write
    # into a file that has content); models.storage.backups removes such leftovers later.
    while target.exists() or _partial(target).exists():
        counter += 1
        target = folder / f"{backup_prefix(path)}{label}-{stamp}-{counter}.sqlite"
    partial = _partial(target)
    try:
        db.execute_sql("VACUUM INTO ?", (str(partial),))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _partial(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


def backup_prefix(path: Path) -> str:
    """How the backups of the database at `path` begin: its whole file name, so that
    `log.sqlite` and `log.db` in one folder never share one."""
    return f"{path.name}-"


def make_backup_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BackupFolderError(folder, "is a file, not a folder") from None
    except OSError as exc:
        raise BackupFolderError(folder, os_error_text(exc)) from None


class BackupFolderError(OSError):
    """The backups folder cannot be made; the message names it and says why."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"the backups folder {folder} cannot be used ({reason}), so no "
                         "backup could be made first")
        self.folder = folder
