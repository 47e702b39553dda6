"""Where the user's data lives: an `Overload` folder in the platform's per-user data folder —
Qt's GenericDataLocation plus "Overload" (tests/ui/test_main_window.py checks they agree). Written
out here rather than asked of QStandardPaths because the command line never imports Qt; and not
AppDataLocation, which for this app (organisation and application both "Overload") would nest
…/Overload/Overload."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Overload"
DATABASE_NAME = "overload.sqlite"


def data_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / APP_NAME


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME
