"""The rest timer under the set entry: counts down after each logged set, cues at zero.

It runs on a QTimer and reads a clock (injectable, so tests drive it with `tick()` instead of
waiting); nothing here ever blocks input.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFont, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.rules.limits import REST_SECONDS
from ui.locale_text import QT_TRANSLATE_NOOP
from ui.sizing import relative_font, text_width
from ui.theme import Tone, set_text_tone

TICK_MS = 200  # often enough that the shown second never lags by a visible amount
IDLE_TEXT = QT_TRANSLATE_NOOP("RestTimer", "Rest starts when you log a set")
OVER_TEXT = QT_TRANSLATE_NOOP("RestTimer", "Rest over — go!")
SKIPPED_TEXT = QT_TRANSLATE_NOOP("RestTimer", "Rest skipped")

COUNTING_SCALE = 1.78  # the countdown's size against the body text


def _counting_style() -> str:
    """The countdown's style: big and bold, relative to the application's font (a style
    sheet's size is absolute: it is worked out again each time the countdown starts)."""
    return (f"font-size: {QApplication.font().pointSizeF() * COUNTING_SCALE:.1f}pt; "
            "font-weight: 600;")


def format_rest(seconds: int) -> str:
    """125 -> '2:05'."""
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{rest:02d}"


def parse_rest(text: str) -> int | None:
    """'2:05' or '125' -> 125 seconds; None when the text is neither."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if match:
        minutes, seconds = int(match[1]), int(match[2])
        return minutes * 60 + seconds if seconds < 60 else None
    return int(text) if text.isdigit() else None


class RestSpinBox(QSpinBox):
    """Seconds shown and typed as m:ss (plain seconds are accepted too)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(*REST_SECONDS)
        self.setSingleStep(15)
        self.setAccelerated(True)

    def textFromValue(self, value: int) -> str:
        return format_rest(value)

    def valueFromText(self, text: str) -> int:
        seconds = parse_rest(text)
        return self.value() if seconds is None else seconds

    def validate(self, text: str, pos: int):
        seconds = parse_rest(text)
        if seconds is not None and self.minimum() <= seconds <= self.maximum():
            state = QValidator.State.Acceptable
        elif re.fullmatch(r"\d{0,2}:?\d{0,2}", text.strip()):
            state = QValidator.State.Intermediate  # e.g. "2:" on the way to "2:30"
        else:
            state = QValidator.State.Invalid
        return state, text, pos


class RestTimer(QWidget):
    """A countdown with a thin progress bar, a Skip button and the default rest of the selected
    exercise (editable here; the owner stores it).

    Signals:
        finished() — the rest reached zero (not emitted when skipped).
        default_changed(int) — the user typed a new default rest, in seconds.
    """

    finished = Signal()
    default_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.setObjectName("restTimer")
        self._clock = clock
        self._total = 0
        self._end = 0.0
        self._remaining = 0
        self._shown_default = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_countdown_row())
        layout.addWidget(self._build_progress())
        layout.addLayout(self._build_default_row())
        self._show_idle(self.tr(IDLE_TEXT))

    def _build_countdown_row(self) -> QHBoxLayout:
        """The countdown and Skip; the default rest on a row of its own below (the dock is
        narrow: the countdown's big text needs the width)."""
        row = QHBoxLayout()
        self.countdown_label = QLabel(objectName="restCountdown")
        # As wide as its widest state: the row does not jump as the text changes.
        counting = relative_font(self.font(), COUNTING_SCALE, QFont.Weight.DemiBold)
        self.countdown_label.setMinimumWidth(max(
            text_width(self.font(), self.tr(IDLE_TEXT), self.tr(SKIPPED_TEXT)),
            text_width(counting, self.tr(OVER_TEXT),
                       self.tr("Rest {time}").format(time=format_rest(REST_SECONDS[1])))) + 4)
        self.skip_button = QPushButton(self.tr("Skip rest"), objectName="restSkip")
        self.skip_button.setToolTip(self.tr("Stop the rest timer"))
        self.skip_button.clicked.connect(self.skip)
        row.addWidget(self.countdown_label, 1)
        row.addWidget(self.skip_button)
        return row

    def _build_default_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.default_spin = RestSpinBox()
        self.default_spin.setObjectName("restDefault")
        self.default_spin.setToolTip(self.tr("Rest after each set of this exercise (m:ss)"))
        self.default_spin.editingFinished.connect(self._on_default_edited)
        default_label = QLabel(self.tr("Rest"))
        default_label.setBuddy(self.default_spin)
        row.addWidget(default_label)
        row.addWidget(self.default_spin)
        row.addStretch(1)
        return row

    def _build_progress(self) -> QProgressBar:
        self.progress = QProgressBar(objectName="restProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(4)  # a thin line: the countdown text carries the number
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        return self.progress

    # --- the default rest --------------------------------------------------------------------

    @property
    def default_seconds(self) -> int:
        return self.default_spin.value()

    def set_default_seconds(self, seconds: int) -> None:
        """Show an exercise's stored rest without reporting it as a change."""
        with QSignalBlocker(self.default_spin):
            self.default_spin.setValue(seconds)
        self._shown_default = self.default_spin.value()

    def has_pending_edit(self) -> bool:
        """The spin box holds a value typed but not yet reported (editing not finished)."""
        return self.default_spin.value() != self._shown_default

    def _on_default_edited(self) -> None:
        value = self.default_spin.value()
        if value != self._shown_default:
            self._shown_default = value
            self.default_changed.emit(value)

    # --- the countdown -----------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def remaining_seconds(self) -> int:
        return self._remaining

    @property
    def text(self) -> str:
        return self.countdown_label.text()

    def start(self, seconds: int) -> None:
        """Count down from `seconds`, restarting if already running; 0 means no rest."""
        if seconds <= 0:
            self._timer.stop()
            self._show_idle(self.tr(IDLE_TEXT))
            return
        self._total = int(seconds)
        self._end = self._clock() + self._total
        self.progress.setRange(0, self._total * 1000)
        set_text_tone(self.countdown_label, None, _counting_style())
        self._timer.start()
        self.tick()

    def skip(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._show_idle(self.tr(SKIPPED_TEXT))

    def tick(self) -> None:
        """Show the time left; at zero, give the cue. The QTimer calls this; tests may too."""
        if not self._timer.isActive():
            return
        left = self._end - self._clock()
        if left <= 0:
            self._finish()
            return
        self._remaining = math.ceil(left)
        self.countdown_label.setText(
            self.tr("Rest {time}").format(time=format_rest(self._remaining)))

        self.progress.setValue(round((self._total - left) * 1000))

    def _finish(self) -> None:
        self._timer.stop()
        self._remaining = 0
        self.progress.setValue(self.progress.maximum())
        self.countdown_label.setText(self.tr(OVER_TEXT))
        set_text_tone(self.countdown_label, Tone.SUCCESS, _counting_style())
        # A cue for someone who looked away: the taskbar entry flashes and the system beeps.
        QApplication.alert(self.window())
        QApplication.beep()
        self.finished.emit()

    def _show_idle(self, text: str) -> None:
        self._remaining = 0
        self.progress.setValue(0)
        self.countdown_label.setText(text)
        set_text_tone(self.countdown_label, Tone.MUTED)
