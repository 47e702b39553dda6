"""The one resource resolver: where bundled, read-only files live.

In the source tree they are in resources/ beside main.py; in a PyInstaller bundle they are under
sys._MEIPASS/resources. Nothing else in the code knows either location. Writable files (the
database, backups) never go here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(name: str) -> Path:
    """Absolute path of a bundled file, e.g. resource_path('exercises.json')."""
    return resource_root() / name
