"""No text cut on any screen, at any size, scale or font (issue 18, items 16 and 19).

Each case runs tests/ui/screens_child.py in a child process — a screen's size and its scale
factor are fixed when the QApplication starts — on an offscreen screen of the given size: the
main window fills it with a saved block and a logged week, and every main screen and dialog is
drawn (the PNGs stay in the test's tmp folder) and measured by tests/ui/clipping.py: each
visible label, button, combo box, header section, tab and group box title must show its text
whole, no text widget may be squeezed below its minimum, no panel may scroll sideways, no
dialog may be larger than the screen, and no session chip may hide a badge while its day has
room for it. What the design elides on purpose is listed, with its reason, in
clipping.ON_PURPOSE.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.slow  # ~8 s a case: a child process draws ~25 screens

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "ui" / "screens_child.py"

# (logical size, theme, QT_SCALE_FACTOR, application font's extra points)
CASES = {
    "laptop-light": ("1280x720", "light", 1, 0),
    "laptop-dark": ("1280x720", "dark", 1, 0),
    "qhd-light": ("2560x1440", "light", 1, 0),
    "qhd-dark": ("2560x1440", "dark", 1, 0),
    "laptop-scaled-150": ("1280x720", "light", 1.5, 0),
    "laptop-scaled-200": ("1280x720", "dark", 2, 0),
    "4k-scaled-150": ("2560x1440", "dark", 1.5, 0),
    "laptop-large-text": ("1280x720", "light", 1, 4),
    "qhd-large-text": ("2560x1440", "dark", 1, 4),
}
SCREENS = ("plan-month", "plan-week", "session-done", "session-planned", "session-grid",
           "charts-volume",
           "charts-glance", "charts-progress", "library", "wizard-goal", "wizard-schedule",
           "wizard-priorities", "wizard-exercises", "wizard-review", "preferences",
           "landmarks", "exercise", "import-preview", "import-mapping", "feedback", "plates",
           "print", "import-history")


def draw_screens(out: Path, size: str, theme: str, scale: float, font_delta: int) -> list[str]:
    """Run the child on an offscreen screen `size` logical pixels large at `scale`; what it
    found cut."""
    width, height = (int(part) for part in size.split("x"))
    config = out / "screen.json"
    out.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [{
        "name": "screen", "x": 0, "y": 0, "width": round(width * scale),
        "height": round(height * scale), "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": str(scale), "HOME": str(out)}
    result = subprocess.run(
        [sys.executable, str(CHILD), str(out / "shots"), size, theme,
         "--font-delta", str(font_delta)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", CASES)
def test_no_text_is_cut_on_any_screen(case, tmp_path):
    size, theme, scale, font_delta = CASES[case]
    cut = draw_screens(tmp_path / case, size, theme, scale, font_delta)
    assert cut == [], f"{len(cut)} texts cut at {case}:\n" + "\n".join(cut)
    for name in SCREENS:
        image = QImage(str(tmp_path / case / "shots" / f"{name}.png"))
        assert not image.isNull(), name
