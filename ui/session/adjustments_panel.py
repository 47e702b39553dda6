"""Next week adapts: each group's sets for the week after the one shown, from its feedback.

Reads models.adaptation (week_adjustments, deload_suggestion) and draws the reasons;
Apply and Deload push undoable commands. It computes nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.adaptation import deload_suggestion, week_adjustments, week_plan
from models.rules.autoregulation import GroupAdjustment
from models.sessions import SessionError
from models.volume import week_start_of
from ui.locale_text import QT_TRANSLATE_NOOP, padded_day_month, translate
from ui.session.autoregulation_commands import AcceptDeloadCommand, ApplyNextWeekCommand
from ui.theme import Tone, css, follow_theme, set_text_tone, tone

NO_FEEDBACK_TEXT = QT_TRANSLATE_NOOP(
    "AdjustmentsPanel", "No feedback to adapt next week from yet: mark a session done and "
                        "rate how each muscle recovered.")


def adjustment_line(adjusted: GroupAdjustment) -> str:
    """'back +1: healed just in time, performance held (last week 10 → 11 sets; the plan had
    12)' — from → to on one named base — for lists and tooltips."""
    base = adjusted.base if adjusted.base is not None else adjusted.sets - adjusted.delta
    if adjusted.planned is not None and adjusted.planned != adjusted.sets:
        text = translate("AdjustmentsPanel",
                         "{reason} (last week {base} → {sets} sets; the plan had {planned})")
    else:
        text = translate("AdjustmentsPanel", "{reason} (last week {base} → {sets} sets)")
    return text.format(reason=adjusted.reason, base=base, sets=adjusted.sets,
                       planned=adjusted.planned)


def adjustment_tone(adjusted: GroupAdjustment) -> Tone:
    """Up, held, down, or a recovery week."""
    if adjusted.recovery:
        return Tone.WARNING
    if adjusted.delta > 0:
        return Tone.SUCCESS
    return Tone.ERROR if adjusted.delta < 0 else Tone.MUTED


def adjustments_tooltip(week_start: date, landmarks) -> str:
    """The adaptation of the seven days from `week_start` as plain lines ('' when none), e.g.
    for the calendar's tooltip on that week."""
    return "\n".join(adjustment_line(a) for a in week_adjustments(week_start, landmarks))


class AdjustmentsPanel(QWidget):
    """The week after the shown one, as this week's feedback adapts it: one line per group with
    its reason, an early-deload suggestion when one is due, and buttons to apply them.

    Signals: none. Slot: show_week(date) — show the adaptation of the week after that day's.
    """

    def __init__(self, store, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("adjustmentsPanel")
        self._store = store
        self.week_start = week_start_of(today or date.today(), store.settings.week_start)
        self.adjustments: list[GroupAdjustment] = []
        self._week = None
        self._deload = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = QLabel(objectName="adjustmentsTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.lines = QLabel(objectName="adjustmentsList", wordWrap=True)
        self.deload_label = QLabel(objectName="deloadSuggestion", wordWrap=True)
        set_text_tone(self.deload_label, Tone.WARNING)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        layout.addWidget(self.deload_label)
        layout.addLayout(self._build_buttons())
        self.message = QLabel(objectName="adjustmentsMessage", wordWrap=True)
        layout.addWidget(self.message)
        layout.addStretch(1)  # the lines sit under the title, not spread over the tab
        for signal in (store.sessions_changed, store.landmarks_changed, store.settings_changed):
            signal.connect(self.refresh)
        self.refresh()
        # The lines are rich text in the tones' colours: written again in the new ones.
        follow_theme(self.lines, lambda: self._show_lines(self.adjustments))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keeps the focus after Apply (see _run)
        self.apply_button = QPushButton(self.tr("Apply to next week"),
                                        objectName="applyAdjustments")
        self.apply_button.setToolTip(self.tr("Change next week's planned sets as listed "
                                             "(undoable)"))
        self.apply_button.clicked.connect(self.apply)
        self.deload_button = QPushButton(self.tr("Deload next week"), objectName="acceptDeload")
        self.deload_button.setToolTip(self.tr("Turn next week into a deload: about half the "
                                              "sets, RIR 5 (undoable)"))
        self.deload_button.clicked.connect(self.accept_deload)
        row.addWidget(self.apply_button)
        row.addWidget(self.deload_button)
        row.addStretch(1)
        return row

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.refresh()

    @property
    def next_week(self) -> date:
        return self.week_start + timedelta(days=7)

    def show_week(self, day: date) -> None:
        self.week_start = week_start_of(day, self._store.settings.week_start)
        self.refresh()

    def refresh(self) -> None:
        # In the main window the panel shares a tab with the week's volume: while it is out of
        # sight, a change only marks it stale (its queries cost ~6 ms a drop), and showEvent
        # catches up. On its own (no parent) it always redraws.
        if self.parentWidget() is not None and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        landmarks = self._store.landmarks()
        self.adjustments = week_adjustments(self.next_week, landmarks)
        self._week = week_plan(self.next_week)
        self._deload = deload_suggestion(self.next_week, landmarks)
        end = self.next_week + timedelta(days=6)
        self.title.setText(self.tr("Next week adapts · {first} – {last}").format(
            first=padded_day_month(self.next_week), last=padded_day_month(end)))
        self._show_lines(self.adjustments)
        self.deload_label.setVisible(self._deload is not None)
        self.deload_label.setText(self._deload.suggestion.text if self._deload else "")
        pending = self.pending()
        self.apply_button.setEnabled(bool(pending) and self._week is not None)
        self.apply_button.setText(self.tr("Applied ✓") if self.adjustments and not pending
                                  else self.tr("Apply to next week"))
        self.deload_button.setVisible(self._deload is not None)

    def pending(self) -> list[GroupAdjustment]:
        return [adjusted for adjusted in self.adjustments if not adjusted.applied]

    def _show_lines(self, adjustments: Sequence[GroupAdjustment]) -> None:
        if not adjustments:
            self.lines.setText(self.tr(NO_FEEDBACK_TEXT))

            self.lines.setStyleSheet("color: palette(placeholder-text);")
            return
        self.lines.setStyleSheet("")
        self.lines.setText("<br>".join(
            f"<span style='color:{css(tone(adjustment_tone(a)))}'>●</span> "
            f"{escape(adjustment_line(a))}"
            + (" ✓" if a.applied else "") for a in adjustments))

    def apply(self) -> None:
        pending = self.pending()
        if pending and self._week is not None:
            self._run(ApplyNextWeekCommand(self._store, self._week.mesocycle_id,
                                           self._week.week_number, pending))

    def accept_deload(self) -> None:
        if self._deload is not None:
            week = self._deload.week
            self._run(AcceptDeloadCommand(self._store, week.mesocycle_id, week.week_number))

    def _run(self, command) -> None:
        try:
            self._store.push(command, raise_refusal=True)
        except SessionError as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        # The button just pressed is disabled now ("Applied ✓"): without a home for the focus
        # Qt would hand it to the next field — the session's name — and typing would rename it.
        self.setFocus(Qt.FocusReason.OtherFocusReason)
