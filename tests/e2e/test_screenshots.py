"""The README's screenshots come from a script (make screenshots): it must keep working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.slow  # draws every main view in a child process

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("plan.png", "charts-volume.png", "library.png", "wizard-review.png")


def test_the_screenshot_script_draws_every_main_view(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "e2e" / "make_screenshots.py"), str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in SHOTS:
        image = QImage(str(tmp_path / name))
        assert image.width() >= 1000 and image.height() >= 700, name
    shipped = sorted(p.name for p in (ROOT / "resources" / "screenshots").glob("*.png"))
    assert shipped == sorted(SHOTS)  # the README shows exactly these
