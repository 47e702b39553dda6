"""The calendar's Week mode: a planner of seven day columns, each listing its sessions with
their exercises — "3 × 8–12 @ RIR 2", the sets logged, the minutes — the view a lifter plans
the next week in.

Drops (planned by `drops.plan_week_drop`, run by `SessionCalendar.apply_drop`):
- a library exercise dropped on an exercise row goes in at that row (a line shows where); on a
  session's header or below its last row, at its end; on a rest day, into a new session;
- an exercise row dragged within its session reorders it; onto another session it moves
  there; onto a rest day, into a new session;
- a session's header dragged to another day moves the session (Ctrl copies).
Double-click a session to open it; double-click the empty part of a day to add a session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QMimeData, QPoint, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.sessions import PlannedExercise, SessionSummary, SpacingConflict
from ui.calendar.drops import plan_week_drop, session_exercise_mime, session_mime
from ui.calendar.texts import (
    compact_prescription,
    exercise_tooltip,
    minutes_text,
    prescription,
    session_facts,
    session_name,
    session_title,
    session_tooltip,
)
from ui.locale_text import QT_TRANSLATE_NOOP, day_month
from ui.mime import EXERCISE_MIME, SESSION_EXERCISE_MIME, SESSION_MIME
from ui.theme import Tone, follow_theme, set_text_tone, tone

if TYPE_CHECKING:
    from ui.calendar.calendar_view import SessionCalendar

# Colours are the palette's, and two tones of the theme's (ui/theme.py), as in the month: a
# session training a group again within 48 hours is framed in the error tone, today's date is
# written in the success tone.
CONFLICT_TONE = Tone.ERROR
TODAY_TONE = Tone.SUCCESS
REST_DAY_TEXT = QT_TRANSLATE_NOOP("DayColumn",
                                  "Rest day — drop an exercise or double-click to add a session")
PADDING = 4  # around the text of a header or a row
GAP = 10  # between a row's name and its targets when they share a line
AUTOSCROLL_MARGIN = 24  # a drag this close to a column's top or bottom edge scrolls it
AUTOSCROLL_STEP = 12


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.86))
    small.setBold(False)
    return small


class _TwoPartLine(QWidget):
    """A main text and its detail, painted: on one line when the width holds both, else the
    detail under it in a smaller font. Text the width cannot hold is elided; the tooltip
    always gives it in full. The detail's `extra` (a tempo) shows only where it fits whole,
    and a `compact` form of the detail takes its place where the detail would be cut.
    A drag source of what `payload()` returns (Ctrl copies it when `copy`)."""

    def __init__(self, calendar: SessionCalendar, payload: Callable[[], QMimeData], *,
                 copy: bool, bold: bool = False):
        super().__init__()
        self.calendar = calendar
        self._payload, self._copy = payload, copy
        self.main, self.detail, self.extra, self.compact = "", "", "", ""
        self.muted = False
        self._press: QPoint | None = None
        self.dragging = False
        if bold:
            font = QFont(self.font())
            font.setBold(True)
            self.setFont(font)
        # Preferred, not Fixed: a fixed height is sizeHint's, taken at 120 px, so a row that
        # needs two lines only in a narrower column was squeezed to one, its name cut.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_texts(self, main: str, detail: str, extra: str = "", compact: str = "") -> None:
        self.main, self.detail, self.extra, self.compact = main, detail, extra, compact or detail
        self.setAccessibleName(f"{main}, {detail}")
        self.updateGeometry()
        self.update()

    def _detail_metrics(self) -> QFontMetrics:
        return QFontMetrics(_small(self.font()))

    def one_line(self, width: int) -> bool:
        needed = (self.fontMetrics().horizontalAdvance(self.main) + GAP
                  + self._detail_metrics().horizontalAdvance(self.detail) + 2 * PADDING)
        return needed <= width

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self.fontMetrics().height() + 2 * PADDING
        return height if self.one_line(width) else height + self._detail_metrics().height()

    def sizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(120))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.fontMetrics().height() + 2 * PADDING)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        palette = self.palette()
        strong = palette.color(QPalette.ColorRole.PlaceholderText if self.muted or self.dragging
                               else QPalette.ColorRole.Text)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        box = self.rect().adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics, small = self.fontMetrics(), self._detail_metrics()
        painter.setPen(strong)
        one_line = self.one_line(self.width())
        top = box.adjusted(0, 0, 0, -(0 if one_line else small.height()))
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(self.main, Qt.TextElideMode.ElideRight, box.width()))
        painter.setFont(_small(self.font()))
        painter.setPen(faint)
        if one_line:
            detail_box, align = box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        else:
            detail_box = box.adjusted(0, metrics.height(), 0, 0)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        room = detail_box.width() - (self._main_width() if one_line else 0)
        painter.drawText(detail_box, align, small.elidedText(
            self.detail_text(small, room), Qt.TextElideMode.ElideRight, detail_box.width()))
        painter.end()

    def detail_text(self, metrics: QFontMetrics, room: int) -> str:
        """The detail as `room` pixels hold it best: with the extra, alone, or compact."""
        for text in (f"{self.detail} · {self.extra}" if self.extra else "", self.detail):
            if text and metrics.horizontalAdvance(text) <= room:
                return text
        return self.compact

    def _main_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.main) + GAP

    def paint_background(self, painter: QPainter) -> None:
        if self.underMouse() and not self.dragging:
            painter.fillRect(self.rect(), self.palette().alternateBase())

    # A drag source; double-click opens the session.

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)  # the day column makes its day the current one

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() \
                < QApplication.startDragDistance():
            return
        self._press = None
        self.dragging = True
        self.update()
        self.calendar.run_drag(self, self._payload(), copy=self._copy)
        self.dragging = False  # alive: the calendar redraws only once the drag is over
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        self._press = None
        super().mouseReleaseEvent(event)


class SessionHeader(_TwoPartLine):
    """A session's first line: status, name, its facts; drags the session to another day."""

    def __init__(self, calendar: SessionCalendar, summary: SessionSummary,
                 conflicts: list[SpacingConflict]):
        super().__init__(calendar, lambda: session_mime(summary.id), copy=True, bold=True)
        self.summary = summary
        self.setObjectName(f"sessionHeader_{summary.id}")
        self.muted = summary.status == "skipped"
        self.set_texts(session_title(summary, conflicts), session_facts(summary))
        self.setToolTip(session_tooltip(summary, conflicts))

    def mouseDoubleClickEvent(self, event) -> None:
        self.calendar.session_activated.emit(self.summary.id)

    def contextMenuEvent(self, event) -> None:
        self.calendar.show_session_menu(self.summary, event.globalPos())


class ExerciseRow(_TwoPartLine):
    """One exercise of a session: its name and "sets × reps @ RIR" (or the sets done), the
    tempo where it fits; drags to reorder it or to move it to another session."""

    def __init__(self, calendar: SessionCalendar, summary: SessionSummary,
                 exercise: PlannedExercise, index: int, logged: bool):
        super().__init__(calendar, lambda: session_exercise_mime(exercise.id), copy=False)
        self.summary, self.exercise, self.index = summary, exercise, index
        self.setObjectName(f"sessionExercise_{exercise.id}")
        self.muted = summary.status == "skipped"
        self.set_texts(exercise.name, prescription(exercise, logged), exercise.tempo,
                       compact_prescription(exercise, logged))
        self.setToolTip(exercise_tooltip(exercise, logged))

    def paint_background(self, painter: QPainter) -> None:
        super().paint_background(painter)
        if self.index:  # a hairline between rows
            painter.setPen(self.palette().color(QPalette.ColorRole.Midlight))
            painter.drawLine(PADDING, 0, self.width() - PADDING, 0)

    def mouseDoubleClickEvent(self, event) -> None:
        self.calendar.session_activated.emit(self.summary.id)

    def contextMenuEvent(self, event) -> None:
        self.calendar.show_exercise_menu(self.summary, self.exercise, self.index,
                                         event.globalPos())


class SessionCard(QFrame):
    """A session in a day column: its header, then its exercises in order."""

    def __init__(self, calendar: SessionCalendar, summary: SessionSummary,
                 conflicts: list[SpacingConflict], exercises: tuple[PlannedExercise, ...]):
        super().__init__()
        self.summary = summary
        self.conflicts = conflicts
        self.highlighted = False
        self.setObjectName(f"session_{summary.id}")
        self.setAccessibleName(self.tr("Session {name}").format(name=session_name(summary.name)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 3)
        layout.setSpacing(0)
        self.header = SessionHeader(calendar, summary, conflicts)
        layout.addWidget(self.header)
        logged = summary.status == "done" or summary.sets_done > 0
        self.rows = [ExerciseRow(calendar, summary, exercise, index, logged)
                     for index, exercise in enumerate(exercises)]
        for row in self.rows:
            layout.addWidget(row)

    def position_at(self, y: int) -> int | None:
        """Where a drop at `y` (the card's coordinates) goes: before the row whose upper half
        it is on; None (the end) on the header or below the middle of the last row."""
        if y < self.header.geometry().bottom():
            return None
        for row in self.rows:
            if y < row.geometry().center().y():
                return row.index
        return None

    def line_y(self, position: int | None) -> int:
        """The drop line's height in the card for an insertion at `position`."""
        if position is not None and position < len(self.rows):
            return self.rows[position].y()
        last = self.rows[-1] if self.rows else self.header
        return last.geometry().bottom() + 1

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self.highlighted:
            border, width = palette.color(QPalette.ColorRole.Highlight), 2
        elif self.conflicts:
            border, width = tone(CONFLICT_TONE), 2
        else:
            border, width = palette.color(QPalette.ColorRole.Mid), 1
        painter.setPen(QPen(border, width))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
        painter.end()


class DayColumn(QFrame):
    """A day of the week planner: its date and minutes, then its sessions, scrolling when they
    are taller than the room; a drop target for exercises and sessions."""

    def __init__(self, calendar: SessionCalendar):
        super().__init__()
        self.calendar = calendar
        self.day = date.today()
        self.cards: list[SessionCard] = []
        self._state: object = None
        self._current = self._drop_hint = False
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # From the font: a day's number and a line or two of a session, at any text size.
        metrics = self.fontMetrics()
        self.setMinimumSize(9 * metrics.averageCharWidth(), 5 * metrics.height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 3)
        layout.setSpacing(2)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_body(), 1)
        # The cards paint tones read when painting: a switch paints them again.
        follow_theme(self, self._repaint_cards)

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.number = QLabel(objectName="dayNumber")
        self._is_today: bool | None = None
        self.minutes = QLabel(objectName="dayMinutes")
        self.minutes.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row.addWidget(self.number)
        row.addStretch()
        row.addWidget(self.minutes)
        return row

    def _build_body(self) -> QScrollArea:
        self.body = QWidget(objectName="dayBody")
        self.card_box = QVBoxLayout(self.body)
        self.card_box.setContentsMargins(0, 0, 0, 0)
        self.card_box.setSpacing(4)
        self.rest_label = QLabel(self.tr(REST_DAY_TEXT), wordWrap=True, objectName="restDay",
                                 alignment=Qt.AlignmentFlag.AlignCenter)
        self.rest_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.card_box.addWidget(self.rest_label)
        self.card_box.addStretch()
        self.indicator = QFrame(self.body, objectName="dropLine")
        self.indicator.setAutoFillBackground(True)
        self.indicator.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.indicator.hide()
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the calendar is one Tab stop
        self.scroll.setWidget(self.body)
        return self.scroll

    def sizeHint(self) -> QSize:
        # Not the height of its sessions: a long day scrolls, it does not push the week panel
        # down the splitter.
        return QSize(120, 240)

    # Drawing.

    def show_day(self, day: date, today: date, states: list[tuple],
                 exercises: dict[int, tuple[PlannedExercise, ...]]) -> None:
        """`states`: (summary, badge colours, conflicts) per session, as the month's cells
        get them. Cards are rebuilt only when what they show changed."""
        if day != self.day or not self.objectName():
            self.day = day
            self.setObjectName(f"day_{day.isoformat()}")
            self.setAccessibleName(QLocale().toString(QDate(day), QLocale.FormatType.LongFormat))
        self._show_header(day, today, [summary for summary, _, _ in states])
        state = (day, [(summary, conflicts, exercises.get(summary.id, ()))
                       for summary, _, conflicts in states])
        if state == self._state:
            return
        self._state = state
        for card in self.cards:  # out of the layout now; the object goes when Qt is idle
            self.card_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = [SessionCard(self.calendar, *entry) for entry in state[1]]
        for index, card in enumerate(self.cards):
            self.card_box.insertWidget(index, card)
        self.rest_label.setVisible(not self.cards)

    def _show_header(self, day: date, today: date, summaries: list[SessionSummary]) -> None:
        text = str(day.day) if day.day != 1 else day_month(day)
        self.number.setText(text)
        if (day == today) != self._is_today:  # a style sheet set again re-polishes the label
            self._is_today = day == today
            set_text_tone(self.number, TODAY_TONE if self._is_today else None,
                          "font-weight: 700;" if self._is_today else "")
        # A day's total where it adds to its sessions' own: two sessions or more.
        minutes = sum(s.minutes for s in summaries if s.status != "skipped")
        total = minutes_text(minutes) if minutes and len(summaries) > 1 else ""
        self.minutes.setText(total)
        self.minutes.setToolTip(self.tr("Estimated length of the day's training") if total
                                else "")


    def _repaint_cards(self) -> None:
        for card in self.cards:
            card.update()

    def session_summaries(self) -> list[SessionSummary]:
        return [card.summary for card in self.cards]

    def set_current(self, current: bool) -> None:
        """The calendar's current day (the keyboard's): framed in the highlight colour."""
        if current != self._current:
            self._current = current
            self._update_frame()

    def _update_frame(self) -> None:
        if self._drop_hint:
            self.setStyleSheet("DayColumn { border: 2px dashed palette(highlight); }")
        elif self._current:
            self.setStyleSheet("DayColumn { border: 2px solid palette(highlight); }")
        else:
            self.setStyleSheet("")

    # Where a drop lands.

    def body_point(self, point: QPoint) -> QPoint:
        return self.body.mapFrom(self, point)

    def spot_at(self, point: QPoint) -> tuple[SessionCard | None, int | None]:
        """The session and position (see SessionCard.position_at) a drop at `point` (the
        column's coordinates) lands on: the card it is on, the last one below them all;
        no card on a rest day."""
        y = self.body_point(point).y()
        for card in self.cards:
            if y <= card.geometry().bottom() + self.card_box.spacing():
                return card, card.position_at(y - card.y())
        return (self.cards[-1], None) if self.cards else (None, None)

    def card_at(self, point: QPoint) -> SessionCard | None:
        inside = self.body_point(point)
        return next((card for card in self.cards if card.geometry().contains(inside)), None)

    def _show_drop(self, kind: str | None, card: SessionCard | None,
                   position: int | None) -> None:
        """The drop indicator: a line where exercises go in, the day's frame for a session or
        a new one."""
        line = kind in (EXERCISE_MIME, SESSION_EXERCISE_MIME) and card is not None
        for each in self.cards:
            each.set_highlighted(line and each is card and position is None)
        if line and card is not None:
            y = card.y() + card.line_y(position)
            self.indicator.setGeometry(card.x() + 2, y - 1, card.width() - 4, 3)
            self.indicator.raise_()
            self.indicator.show()
        else:
            self.indicator.hide()
        self._drop_hint = kind is not None and not line
        self._update_frame()

    def _autoscroll(self, point: QPoint) -> None:
        viewport = self.scroll.viewport()
        y = viewport.mapFrom(self, point).y()
        bar = self.scroll.verticalScrollBar()
        if y < AUTOSCROLL_MARGIN:
            bar.setValue(bar.value() - AUTOSCROLL_STEP)
        elif y > viewport.height() - AUTOSCROLL_MARGIN:
            bar.setValue(bar.value() + AUTOSCROLL_STEP)

    @staticmethod
    def _kind(mime) -> str | None:
        return next((kind for kind in (EXERCISE_MIME, SESSION_EXERCISE_MIME, SESSION_MIME)
                     if mime.hasFormat(kind)), None)

    def dragEnterEvent(self, event) -> None:
        if self._kind(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.dragMoveEvent(event)

    def dragMoveEvent(self, event) -> None:
        kind = self._kind(event.mimeData())
        if kind is None:
            event.ignore()
            return
        point = event.position().toPoint()
        self._autoscroll(point)
        card, position = self.spot_at(point)
        self._show_drop(kind, card, position)
        event.setDropAction(self._drop_action(kind, event.modifiers()))
        event.accept()

    @staticmethod
    def _drop_action(kind: str, modifiers) -> Qt.DropAction:
        if kind == EXERCISE_MIME or (kind == SESSION_MIME
                                     and modifiers & Qt.KeyboardModifier.ControlModifier):
            return Qt.DropAction.CopyAction
        return Qt.DropAction.MoveAction

    def dragLeaveEvent(self, event) -> None:
        self._show_drop(None, None, None)

    def dropEvent(self, event) -> None:
        self._show_drop(None, None, None)
        card, position = self.spot_at(event.position().toPoint())
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        plan = plan_week_drop(event.mimeData(), self.day, card.summary.id if card else None,
                              position, copy, self.calendar.exercise_places)
        if plan is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction if plan.action in
                            ("add_exercises", "new_session", "copy")
                            else Qt.DropAction.MoveAction)
        event.accept()
        self.calendar.apply_drop(plan)

    # The mouse.

    def mouseDoubleClickEvent(self, event) -> None:
        if self.card_at(event.position().toPoint()) is None:
            self.calendar.create_session_on(self.day)

    def mousePressEvent(self, event) -> None:
        self.calendar.select_day(self.day)
        super().mousePressEvent(event)

