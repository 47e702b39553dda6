"""Fixtures for faults: the main window built as ui/app.py builds it, and real processes that run
without the right to ignore file permissions (the tests may run as root, who has it)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from models.storage.db import close_database

ROOT = Path(__file__).resolve().parents[2]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


@pytest.fixture
def store(db, qtbot):
    """A store over the test's database (as in tests/ui), without a file to watch."""
    from ui.store import Store

    return Store()


@pytest.fixture
def app_window(tmp_path, qtbot):
    """The main window on a new database, opened through ui.app.load_data as the app does
    (so the store watches the database file and reports refused writes)."""
    from ui.app import load_data
    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert load_data(window, tmp_path / "overload.sqlite", interactive=True)
    yield window
    close_database()


def _drop_file_permission_override() -> None:
    """In the child: lose CAP_DAC_OVERRIDE (root's licence to write read-only files)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def can_drop_root_override() -> bool:
    if os.geteuid() != 0:
        return True  # file permissions already bind us
    probe = subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=False,
                           preexec_fn=_drop_file_permission_override)
    return probe.returncode == 0


@pytest.fixture
def run_unprivileged(tmp_path):
    """Run `main.py ARGS` in a process that file permissions bind, even when the tests run as
    root; returns the CompletedProcess (text)."""
    if os.geteuid() == 0:
        try:
            if not can_drop_root_override():
                pytest.skip("root here cannot drop CAP_DAC_OVERRIDE: permissions do not bind it")
        except OSError:
            pytest.skip("root here cannot drop CAP_DAC_OVERRIDE: permissions do not bind it")
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env, text=True,
            capture_output=True, timeout=60,
            preexec_fn=_drop_file_permission_override if os.geteuid() == 0 else None)

    return run
