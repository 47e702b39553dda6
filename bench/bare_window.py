"""The floor for start-up: Python, Qt and an empty main window, gone after one event-loop turn.

This is what `main.py --smoke` does with the whole app; bench_startup.py compares the two.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, lambda: (_trace("window shown"), app.quit()))
    return app.exec()


def _trace(event: str) -> None:
    """The same probe as ui/app.py's trace(), at the same moment: the first event-loop turn."""
    if os.environ.get("OVERLOAD_STARTUP_TRACE"):
        print(f"startup: {event} {time.monotonic():.6f}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
