"""Training ▸ Next mesocycle…: the program wizard, pre-filled from the mesocycle that ended.

Level, days, weeks, deload, split and priorities come from the latest mesocycle; the start is the
day after its last week (or today, when that day has passed); each group's start volume moves by
what its feedback said (models.rules.autoregulation.next_mesocycle_start), with the reasons shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from models.adaptation import MesocycleInfo, latest_mesocycle, mesocycle_start_adjustments
from ui.locale_text import QT_TRANSLATE_NOOP, translate
from ui.wizard.program_wizard import ProgramWizard

NO_MESOCYCLE_TEXT = QT_TRANSLATE_NOOP(
    "NextMesocycle", "There is no mesocycle to continue yet: Training ▸ New program… builds "
                     "the first one.")
# A message box without a parent is owned by Python alone: kept here until it is closed.
_open_messages: set[QMessageBox] = set()


@dataclass(frozen=True)
class NextRequest:
    """What ProgramWizard.prefill reads, taken from the mesocycle that ended."""

    level: str
    days: tuple[str, ...]
    weeks: int
    deload: bool
    split: str
    priorities: dict[str, str]
    start: date


def next_request(mesocycle: MesocycleInfo, today: date) -> NextRequest:
    start = max(mesocycle.end + timedelta(days=1), today)
    return NextRequest(mesocycle.level, mesocycle.days, mesocycle.weeks, mesocycle.deload,
                       mesocycle.split, dict(mesocycle.priorities), start)


def open_next_mesocycle(parent: QWidget | None, store, *,
                        today: date | None = None) -> ProgramWizard | None:
    """Show the wizard for the mesocycle after the latest one (not modal, deleted on close);
    None, with a message, when there is no mesocycle yet."""
    mesocycle = latest_mesocycle()
    if mesocycle is None:
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("NextMesocycle", "Next mesocycle"),
                          translate("NextMesocycle", NO_MESOCYCLE_TEXT),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("noMesocycleMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_messages.add(box)
        box.finished.connect(lambda _: _open_messages.discard(box))
        box.open()
        return None
    adjustments = mesocycle_start_adjustments(mesocycle, store.landmarks())
    wizard = ProgramWizard(store, parent)
    wizard.setWindowTitle(translate("NextMesocycle", "Next mesocycle after “{name}”").format(
        name=mesocycle.name))

    wizard.prefill(next_request(mesocycle, today or date.today()), adjustments)
    # Not modal, as Training ▸ New program…: the library dock stays a drag source.
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
