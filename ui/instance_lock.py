"""One writer per database: a QLockFile `<database>.lock` beside the database file.

The GUI takes it after its window is shown and before it opens the database; the command-line
commands that write (`plan --save`, `import`) take it too. Another Overload holding it means "use
that one": the second instance says so and leaves the database alone. One process writing also
means one SQLite connection writing at a time, which keeps clear of SQLite's WAL-reset bug (two
connections checkpointing and writing at once; fixed only in SQLite 3.51.3, 3.50.7 and 3.44.6).

A lock left by a process that died (crash, power cut, SIGKILL) is stale: QLockFile removes it by
itself when the process named in it is gone. Qt's other staleness rule — older than 30 s — is
turned off (staleLockTime 0): the app holds its lock for hours. Where a dead owner's process id has
been reused by another program, the lock file is older than a start-up could be, and
removeStaleLockFile() removes it only if no live process holds its native lock (flock on Linux
and macOS, an open handle on Windows), so a running instance's lock is never taken away.

Only QtCore is used: the command line needs no QApplication.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from models.storage.db import LOCK_SUFFIX
from ui.locale_text import translate

# A lock this old cannot be an instance still starting up: worth trying to remove as stale.
STALE_AFTER_SECONDS = 10


class LockUnavailableError(OSError):
    """The lock file cannot be created (the folder is read-only or missing, the path is a
    folder): opening the database will say what is wrong with it."""


class LockPathBlockedError(LockUnavailableError):
    """Something that is not a lock file — a folder, a pipe — has the lock file's name: no
    lock can be taken, and opening the database without one would let two writers in."""

    def __init__(self, target: Path) -> None:
        super().__init__(17, "is in the way of the lock file", str(target))
        self.target = target

    def __str__(self) -> str:
        return translate(
            "InstanceLock", "{path} is not a lock file (it is a folder or a special file), and "
            "Overload keeps its lock file under that name. Move it away or rename it, then try "
            "again; nothing was changed.").format(path=self.target)


@dataclass(frozen=True)
class LockOwner:
    pid: int
    hostname: str
    appname: str


def lock_path(db_path: Path | str) -> Path:
    path = Path(db_path).expanduser()
    with contextlib.suppress(OSError, RuntimeError):  # unresolvable: open_database will say why
        path = path.resolve()
    return path.with_name(path.name + LOCK_SUFFIX)


def acquire_instance_lock(db_path: Path | str) -> QLockFile | None:
    """Lock the database for this process: the locked QLockFile (keep it while the database is
    open; unlock() or deleting it releases it), or None when another running Overload holds it
    (see lock_owner()). Raises LockUnavailableError when no lock file can be made there."""
    path = Path(db_path).expanduser()
    try:
        if path.is_dir() or not path.name:
            raise LockUnavailableError(21, "is a folder", str(path))
        target = lock_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)  # the first start: no data folder yet
        if os.path.lexists(target) and not target.is_file():
            raise LockPathBlockedError(target)
    except LockPathBlockedError:
        raise
    except OSError as exc:
        raise LockUnavailableError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    lock = QLockFile(str(target))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise LockUnavailableError(13, f"cannot create {target}", str(target))
    if _old_enough(target) and lock.removeStaleLockFile() and lock.tryLock(0):
        return lock
    return None


def lock_owner(db_path: Path | str) -> LockOwner | None:
    """Who holds the database's lock, as written in the lock file; None when nobody does."""
    pid, hostname, appname = QLockFile(str(lock_path(db_path))).getLockInfo()
    if not pid:  # (0, '', '') when there is no lock file, or it cannot be read
        return None
    return LockOwner(int(pid), hostname, appname)


def already_open_text(db_path: Path | str) -> str:
    owner = lock_owner(db_path)
    if owner is None:
        text = translate("InstanceLock", "Overload is already open on {path}. Use that window, "
                                         "or open another database with --db.")
    else:
        text = translate("InstanceLock", "Overload is already open on {path} (process {pid}). "
                                         "Use that window, or open another database with --db.")
    return text.format(path=db_path, pid=owner.pid if owner else "")



def _old_enough(target: Path) -> bool:
    try:
        return time.time() - target.stat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return True  # gone meanwhile: trying again is right
