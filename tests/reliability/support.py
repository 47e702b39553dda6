"""Helpers of the reliability tests: what a database file holds, read from outside the app."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def snapshot(path: Path) -> dict[str, tuple[bytes, int]]:
    """The bytes and modification time of a database and its WAL files (those that exist)."""
    found = {}
    for suffix in ("", "-wal"):
        file = Path(f"{path}{suffix}")
        if file.exists():
            found[suffix] = (file.read_bytes(), file.stat().st_mtime_ns)
    return found


def rows(path: Path, sql: str) -> list[tuple]:
    """Query a database file through a connection of its own (what is really in the file)."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def click_when_shown(button_text: str, seen: list) -> None:
    """Click a button of the next modal message box (it runs its own event loop)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text().startswith(button_text)).click()

    QTimer.singleShot(0, click)


def stop(process: subprocess.Popen) -> None:
    """Kill a child, reap it and close its pipes (an open pipe is a ResourceWarning, and the
    suite turns warnings into failures)."""
    process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()
