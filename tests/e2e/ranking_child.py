"""Child of test_real_input.py: the program wizard on its priorities page, on the xcb platform.

Prints {"rows": {group: [x, y, top]}} (screen coordinates of each muscle's row: its centre and
its top edge) once the window is
up, waits for "done" on stdin while Qt runs, then prints {"order": [...], "rank": [...],
"plan_rank": [...]} and exits.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication(sys.argv)
    from models.opening import open_database
    from ui.store import Store
    from ui.wizard.program_wizard import ProgramWizard

    folder = Path(tempfile.mkdtemp(prefix="overload-ranking-"))
    open_database(folder / "overload.sqlite")
    wizard = ProgramWizard(Store())
    for day, box in wizard.schedule.day_boxes.items():
        box.setChecked(day in ("mon", "thu"))  # two days: only the top-ranked muscle grows
    wizard.setGeometry(40, 40, 1100, 640)
    wizard.show()  # shown first: showing a wizard restarts it on its first page
    wizard.raise_()
    wizard.activateWindow()
    wizard.next(), wizard.next()
    ranking = wizard.priorities.ranking
    finished = threading.Event()

    def report_rows() -> None:
        rows = {}
        for i in range(ranking.list.count()):
            item = ranking.list.item(i)
            rect = ranking.list.visualItemRect(item)
            centre = ranking.list.viewport().mapToGlobal(rect.center())
            top = ranking.list.viewport().mapToGlobal(rect.topLeft())
            rows[ranking.groups()[i]] = [centre.x(), centre.y(), top.y()]
        print(json.dumps({"rows": rows}), flush=True)
        threading.Thread(target=lambda: (sys.stdin.readline(), finished.set()),
                         daemon=True).start()

    def poll() -> None:
        if finished.is_set():
            print(json.dumps({"order": ranking.groups(), "rank": list(ranking.rank()),
                              "plan_rank": list(wizard.plan.rank)}), flush=True)
            app.quit()

    QTimer.singleShot(800, report_rows)
    timer = QTimer(interval=50, timeout=poll)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
