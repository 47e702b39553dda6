"""Real input for end-to-end tests (STYLE.md §8): an Xvfb screen, a child process running the
app's widgets on Qt's xcb plugin, and xdotool moving a real pointer and typing real keys.

Offscreen tests cannot see what only a real drag shows (the enter → move → drop sequence and
the drop actions the source offers). The child prints one JSON line of screen coordinates when
its window is up, then waits for the parent's actions and prints one JSON line of results.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1280x720x24"


def require_tools() -> None:
    """Skip (naming what is missing) where Xvfb or xdotool are not installed; `make test`
    installs them on Debian (see the Makefile's e2e-deps)."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"real-input tests need {' and '.join(missing)} (make test installs them)")


@contextmanager
def xvfb() -> Iterator[str]:
    """A fresh X display (":N"), gone afterwards."""
    require_tools()
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN,
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Child:
    """A child Python process on the xcb platform: `ready` holds its first JSON line."""

    def __init__(self, display: str, script: Path, *args: str, home: Path):
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home),
                   XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen([sys.executable, str(script), *args], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, cwd=ROOT)
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the child never showed its window:\n{self._stderr()}")
        self.ready = json.loads(line)

    def finish(self) -> dict:
        """Tell the child the actions are done; its results."""
        out, err = self.process.communicate("done\n", timeout=30)
        if self.process.returncode != 0 or not out.strip():
            raise AssertionError(f"the child failed ({self.process.returncode}):\n{err}")
        return json.loads(out.strip().splitlines()[-1])

    def _stderr(self) -> str:
        self.process.kill()
        return self.process.communicate(timeout=10)[1]


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), check=True,
                   timeout=30)


def drag(display: str, start: tuple[int, int], end: tuple[int, int], steps: int = 12) -> None:
    """Press at `start`, move in steps (Qt starts a drag past its distance), release at `end`,
    with small pauses so the toolkit sees every move, as a hand would."""
    x0, y0 = start
    x1, y1 = end
    xdotool(display, "mousemove", "--sync", str(x0), str(y0))
    xdotool(display, "mousedown", "1")
    for step in range(1, steps + 1):
        x = x0 + (x1 - x0) * step // steps
        y = y0 + (y1 - y0) * step // steps
        xdotool(display, "mousemove", "--sync", str(x), str(y))
        time.sleep(0.05)
    time.sleep(0.2)
    xdotool(display, "mouseup", "1")
    time.sleep(0.3)


def keys(display: str, *names: str) -> None:
    """Press keys one after the other ("ctrl+1", "Return"), pausing as a hand would."""
    for name in names:
        xdotool(display, "key", "--clearmodifiers", name)
        time.sleep(0.25)


def type_text(display: str, text: str) -> None:
    xdotool(display, "type", "--delay", "60", text)
    time.sleep(0.25)
