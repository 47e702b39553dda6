"""Quitting at any moment after start, on a 10-year history: a real Ctrl+Q under Xvfb.

    python bench/bench_quit.py

The app is started on a copy of the history under Xvfb with the xcb plugin; at each moment in
MOMENTS after its window appears, xdotool presses Ctrl+Q, and the time from the key press to the
process's end is taken. The moments cover the database opening, the daily backup (1 s after the
data is in) and the idle pyqtgraph import (1.5 s after). Budget: ≤ 300 ms at every moment.
Also checked: every run exits 0 (no crash at exit) and no half-written backup is left.
Skipped (one row saying so) where Xvfb or xdotool are missing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT, child_env, markdown_table, result
from bench.make_history import ensure_history

BUDGET_MS = 300
MOMENTS = (0.0, 0.3, 0.6, 0.9, 1.2, 1.4, 1.5, 1.6, 1.7, 1.8, 2.0, 2.3, 2.8, 3.5)


def run() -> list[dict]:
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        return [result("quit at any moment after start", "skipped", "", BUDGET_MS,
                       f"needs {' and '.join(missing)}")]
    history = ensure_history()
    with tempfile.TemporaryDirectory(prefix="overload-quit-") as folder, _Xvfb() as display:
        scratch = Path(folder)
        env = dict(child_env(scratch), DISPLAY=display, QT_QPA_PLATFORM="xcb")
        _quit_once(history, scratch / "warm-up", env, 2.0)  # bytecode compiled, as installed
        times = [_quit_once(history, scratch / f"run{i}", env, moment)
                 for i, moment in enumerate(MOMENTS)]
    worst = max(times, key=lambda pair: pair[1])
    return [
        result("quit (Ctrl+Q to process end), median over the first 3.5 s",
               round(statistics.median(t for _, t in times), 1), "ms", None,
               f"{len(times)} moments, 10-year db, Xvfb + xcb"),
        result("quit, slowest moment", round(worst[1], 1), "ms", BUDGET_MS,
               f"at {worst[0]:.1f} s after the window appeared"),
    ]


def _quit_once(history: Path, scratch: Path, env: dict[str, str], moment: float
               ) -> tuple[float, float]:
    """Start on a fresh copy of the history (today's daily backup still to make), press
    Ctrl+Q `moment` seconds after the window appears; the moment and the milliseconds to the
    process's end."""
    scratch.mkdir()
    db = scratch / "history.sqlite"
    shutil.copyfile(history, db)
    display = env["DISPLAY"]
    app = subprocess.Popen([sys.executable, str(REPO_ROOT / "main.py"), "--db", str(db)],
                           env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    window = _xdotool(display, "search", "--sync", "--onlyvisible", "--name",
                      "^Overload$").split()[0]
    time.sleep(moment)
    pressed = time.monotonic()
    _xdotool(display, "windowfocus", window, "key", "--clearmodifiers", "ctrl+q")
    try:
        app.wait(timeout=30)
    finally:
        app.kill()
    ended = time.monotonic()
    if app.returncode != 0:
        raise RuntimeError(f"quitting at {moment} s exited {app.returncode}:\n"
                           f"{app.stderr.read() if app.stderr else ''}")
    partial = list((scratch / "backups").glob("*.partial")) if (scratch / "backups").exists() \
        else []
    if partial:
        raise RuntimeError(f"quitting at {moment} s left a half-written backup: {partial}")
    return moment, (ended - pressed) * 1000


def _xdotool(display: str, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display),
                          capture_output=True, text=True, check=True, timeout=30).stdout


class _Xvfb:
    """A fresh X display for the runs (":N"), gone afterwards."""

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten",
             "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            return f":{pipe.readline().strip()}"

    def __exit__(self, *_exc) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


if __name__ == "__main__":
    print(markdown_table(run()))
