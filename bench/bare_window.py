"""The floor for start-up: Python, Qt and an empty main window, gone after one event-loop turn.

This is what `main.py --smoke` does with the whole app; bench_startup.py compares the two.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
