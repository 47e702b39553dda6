"""The calendar of sessions (objectName `sessionCalendar`): month view and week planner, drag
and drop.

Drops are handled in two testable halves (STYLE §8): `drops.plan_drop()` (the month) and
`drops.plan_week_drop()` (the week planner, week_planner.py) turn what was dropped and where into
a plain DropPlan, and `SessionCalendar.apply_drop()` runs it as undoable commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.rules.domain import MUSCLE_GROUPS, Status, volume_status
from models.rules.limits import in_date_range
from models.sessions import (
    ExercisePlace,
    PlannedExercise,
    SessionError,
    SessionSummary,
    SpacingConflict,
    conflicts_between,
    exercises_between,
    sessions_between,
)
from models.volume import groups_in_range, week_start_of, weekly_volume_history
from ui.calendar.drops import (  # noqa: F401 — session_id_from_mime: the drops' API, read here
    DropPlan,
    plan_drop,
    session_id_from_mime,
    session_mime,
)
from ui.calendar.texts import minutes_text, session_title, session_tooltip, week_title
from ui.calendar.week_planner import DayColumn
from ui.domain_text import group_name, session_status_name
from ui.locale_text import (
    QT_TRANSLATE_NOOP,
    long_date,
    month_title,
    padded_day_month,
    short_day_name,
    weekday_day_month,
)
from ui.mime import EXERCISE_MIME, SESSION_MIME
from ui.session.session_commands import (
    AddExerciseCommand,
    CopySessionCommand,
    CreateSessionCommand,
    DeleteSessionCommand,
    MoveExerciseCommand,
    MoveExerciseToNewSessionCommand,
    MoveSessionCommand,
    RemoveSessionExerciseCommand,
    SetStatusCommand,
)
from ui.sizing import (
    BIG_NUMBER,
    TITLE,
    arrow_width,
    relative_font,
    set_relative_font,
    text_width,
)
from ui.theme import Tone, css, status_colour, text_on_colour, theme_signals, tone, translucent

# A chip's badge per muscle group: short, so several fit in a day cell.
BADGE_NAMES = {"back": QT_TRANSLATE_NOOP("SessionChip", "Back"),
               "chest": QT_TRANSLATE_NOOP("SessionChip", "Chest"),
               "quads": QT_TRANSLATE_NOOP("SessionChip", "Quads"),
               "hamstrings": QT_TRANSLATE_NOOP("SessionChip", "Hams"),
               "glutes": QT_TRANSLATE_NOOP("SessionChip", "Glutes"),
               "biceps": QT_TRANSLATE_NOOP("SessionChip", "Bis"),
               "triceps": QT_TRANSLATE_NOOP("SessionChip", "Tris"),
               "side_delts": QT_TRANSLATE_NOOP("SessionChip", "S.delts"),
               "rear_delts": QT_TRANSLATE_NOOP("SessionChip", "R.delts"),
               "front_delts": QT_TRANSLATE_NOOP("SessionChip", "F.delts"),
               "calves": QT_TRANSLATE_NOOP("SessionChip", "Calves"),
               "abs": QT_TRANSLATE_NOOP("SessionChip", "Abs"),
               "traps": QT_TRANSLATE_NOOP("SessionChip", "Traps"),
               "forearms": QT_TRANSLATE_NOOP("SessionChip", "Fore")}

# A session's menu: what it can be marked as.
MARK_TEXTS = {"done": QT_TRANSLATE_NOOP("SessionCalendar", "Mark done"),
              "skipped": QT_TRANSLATE_NOOP("SessionCalendar", "Mark skipped"),
              "planned": QT_TRANSLATE_NOOP("SessionCalendar", "Mark planned")}

# A session chip's padding around its title and badges, and between badges (pixels: a frame,
# not text); its badges' text is this much of the chip's font.
CHIP_LEFT, CHIP_RIGHT, CHIP_TOP, CHIP_BOTTOM = 5, 4, 1, 2
BADGE_GAP = 3
BADGE_SCALE = 0.78
CELL_MARGINS = (3, 2, 3, 3)  # a day's, inside its 1-px frame

# Days the current day moves by for each arrow key.
_ARROW_DAYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}


# --- Week statuses: the colours of the badges ----------------------------------------------

@dataclass(frozen=True)
class WeekVolumes:
    """Per week start: each group's sets counted as the week stands (done for weeks begun,
    planned for weeks to come) and how many groups are inside their landmarks."""

    sets: dict[date, dict[str, float]]
    basis: dict[date, str]  # "done" or "planned"

    def status(self, week: date, group: str, landmarks) -> Status:
        return volume_status(self.sets.get(week, {}).get(group, 0.0), landmarks[group])

    def inside(self, week: date, landmarks) -> int:
        return groups_in_range(self.sets.get(week, {}), landmarks)


def week_volumes(weeks: list[date], today: date, rule: str, week_start: str) -> WeekVolumes:
    first, last = weeks[0], weeks[-1] + timedelta(days=6)
    done = weekly_volume_history(rule, week_start=week_start, since=first, until=last)
    planned = weekly_volume_history(rule, week_start=week_start, since=first, until=last,
                                    planned=True)
    current = week_start_of(today, week_start)
    sets, basis = {}, {}
    for week in weeks:
        use_done = week <= current
        sets[week] = (done if use_done else planned).get(week, {})
        basis[week] = "done" if use_done else "planned"
    return WeekVolumes(sets, basis)


# --- Widgets --------------------------------------------------------------------------------

def chip_height(font: QFont, rows: int) -> int:
    """A session chip's height in `font` with `rows` rows of badges under its title."""
    title, row = _line_heights(font.toString())
    return title + rows * (row + BADGE_GAP) - (BADGE_GAP if rows else 0)


UNLIMITED_HEIGHT = 1 << 20  # a chip height no row of badges is cut by (_height_for)


@lru_cache(maxsize=64)
def _line_heights(font_text: str) -> tuple[int, int]:
    """A chip's title height and badge row height in the font written as `font_text`:
    asked thousands of times a repaint, measured once per font."""
    font = QFont()
    font.fromString(font_text)
    row = QFontMetrics(relative_font(font, BADGE_SCALE)).height() + 2
    return CHIP_TOP + QFontMetrics(font).height() + CHIP_BOTTOM, row


class SessionChip(QWidget):
    """One session in a day cell: status, name, a badge per trained muscle group coloured by
    that group's weekly status; a drag source (Ctrl copies); double-click opens it."""

    def __init__(self, calendar: SessionCalendar, summary: SessionSummary,
                 badge_colours: dict[str, str], conflicts: list[SpacingConflict]):
        super().__init__()
        self.calendar = calendar
        # Its height: every badge's row where the day has room (sizeHint), down to the title
        # alone (minimumSizeHint) where it has not.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        self.highlighted = False
        self.state: tuple | None = None
        self.set_state(summary, badge_colours, conflicts)

    def set_state(self, summary: SessionSummary, badge_colours: dict[str, str],
                  conflicts: list[SpacingConflict]) -> None:
        before = self.state
        if before == (summary, badge_colours, conflicts):
            return  # a refresh that changed nothing here: no new layout, no repaint
        self.summary = summary
        self.badge_colours = badge_colours
        self.conflicts = conflicts
        self.state = (summary, badge_colours, conflicts)
        self.setObjectName(f"session_{summary.id}")
        self.setToolTip(self._tooltip())
        if before is None or before[0].groups != summary.groups:
            self._layouts: dict[tuple[int, int], tuple[list[tuple[str, QRect]], int]] = {}
            self._heights: dict[int, int] = {}  # width → the height that shows every badge
            self._title_px: int | None = None
            # Its badges may need another row. Only then: a new layout repaints the whole
            # month, where new colours (a drop changed a week's status) repaint this chip.
            self.updateGeometry()
        self.update()

    def _title(self) -> str:
        return session_title(self.summary, self.conflicts)

    def _tooltip(self) -> str:
        return session_tooltip(self.summary, self.conflicts)

    # The chip's layout, from its fonts: the title line, then rows of badges — as many rows as
    # the chip's height holds (a tall day on a big screen shows them all, a laptop's one row
    # ending in "…", a short day none: the title always shows, the tooltip names every muscle).

    def _badge_font(self) -> QFont:
        return relative_font(self.font(), BADGE_SCALE)

    def _title_height(self) -> int:
        if self._title_px is None:
            self._title_px = chip_height(self.font(), 0)
        return self._title_px

    def _badge_row_height(self) -> int:
        return QFontMetrics(self._badge_font()).height() + 2

    def badge_text(self, group: str) -> str:
        return self.tr(BADGE_NAMES[group])

    def badge_rows(self, width: int, height: int) -> tuple[list[tuple[str, QRect]], int]:
        """Where each badge goes in a chip `width` × `height` (as many rows as fit under the
        title), and how many badges did not fit. Kept per size until the chip's state or font
        changes: layouts and paints ask for the same sizes again and again."""
        key = (width, height)
        if key not in self._layouts:
            self._layouts[key] = self._lay_out_badges(width, height)
        return self._layouts[key]

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._layouts.clear()
            self._heights.clear()
            self._title_px = None
        super().changeEvent(event)

    def _lay_out_badges(self, width: int, height: int) -> tuple[list[tuple[str, QRect]], int]:
        metrics = QFontMetrics(self._badge_font())
        row_height = self._badge_row_height()
        rows = max(0, (height - self._title_height() + BADGE_GAP) // (row_height + BADGE_GAP))
        # (chip_height is the inverse: the height `rows` rows need)
        left, right = CHIP_LEFT, width - CHIP_RIGHT
        placed: list[tuple[str, QRect]] = []
        x, row = left, 0
        groups = list(self.summary.groups)
        for group in groups:
            badge_width = metrics.horizontalAdvance(self.badge_text(group)) + 6
            if x + badge_width > right and x > left:
                x, row = left, row + 1
            if row >= rows:
                break
            top = self._title_height() - CHIP_BOTTOM + row * (row_height + BADGE_GAP)
            placed.append((group, QRect(x, top, badge_width, row_height)))
            x += badge_width + BADGE_GAP
        hidden = len(groups) - len(placed)
        # Room for the "…" that says so, at the end of the last row.
        ellipsis = metrics.horizontalAdvance("…") + 2
        while hidden and placed and placed[-1][1].right() + BADGE_GAP + ellipsis > right:
            placed.pop()
            hidden += 1
        return placed, hidden

    def _height_for(self, width: int) -> int:
        """The height that shows every badge at `width`: the rows they take with no limit."""
        if width not in self._heights:
            placed, _ = self._lay_out_badges(width, UNLIMITED_HEIGHT)
            tops = {rect.top() for _, rect in placed}
            self._heights[width] = chip_height(self.font(), len(tops))
        return self._heights[width]

    def hidden_badges(self) -> int:
        """How many muscle groups' badges the chip's size leaves out."""
        return self.badge_rows(self.width(), self.height())[1]

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 1 else 120
        return QSize(120, self._height_for(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("✓ M…") + CHIP_LEFT + CHIP_RIGHT,
                     self._title_height())

    def resizeEvent(self, event) -> None:
        # The rows of badges a width needs change with it: the day's layout asks again.
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(0, 0, -1, -1)
        background = QColor(self.palette().base().color())
        border = tone(Tone.ERROR) if self.conflicts else self.palette().mid().color()
        if self.highlighted:
            background, border = translucent(tone(Tone.SUCCESS), 40), tone(Tone.SUCCESS)
        painter.setPen(QPen(border, 2 if self.highlighted or self.conflicts else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 4, 4)
        metrics = self.fontMetrics()
        title = QRect(CHIP_LEFT, CHIP_TOP, self.width() - CHIP_LEFT - CHIP_RIGHT,
                      metrics.height())
        painter.setPen(self.palette().text().color() if self.summary.status != "skipped"
                       else self.palette().placeholderText().color())
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(self._title(), Qt.TextElideMode.ElideRight,
                                            title.width()))
        self._paint_badges(painter)
        painter.end()

    def _paint_badges(self, painter: QPainter) -> None:
        painter.setFont(self._badge_font())
        placed, hidden = self.badge_rows(self.width(), self.height())
        for group, badge in placed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.badge_colours.get(group) or tone(Tone.MUTED)))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(text_on_colour())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.badge_text(group))
        if hidden and placed:
            last = placed[-1][1]
            painter.setPen(self.palette().text().color())
            painter.drawText(QRect(last.right() + BADGE_GAP, last.top(), self.width(),
                                   last.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "…")

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() \
                < 8:
            return
        self._press = None
        self.calendar.run_drag(self, session_mime(self.summary.id), copy=True)

    def mouseDoubleClickEvent(self, event) -> None:
        self.calendar.session_activated.emit(self.summary.id)

    def contextMenuEvent(self, event) -> None:
        self.calendar.show_session_menu(self.summary, event.globalPos())


class DayCell(QFrame):
    """A day: its number, its sessions, and a drop target for exercises and sessions."""

    def __init__(self, calendar: SessionCalendar):
        super().__init__()
        self.calendar = calendar
        self.day = date.today()
        self.chips: list[SessionChip] = []
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # No fixed minimum: its day number's and its chips' own, from their fonts.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*CELL_MARGINS)
        layout.setSpacing(3)
        self.number = QLabel()
        layout.addWidget(self.number)
        self.chip_box = QVBoxLayout()
        self.chip_box.setSpacing(3)
        layout.addLayout(self.chip_box)
        layout.addStretch()
        self._drop_hint = False

    def show_day(self, day: date, in_month: bool, today: date, states: list[tuple]) -> None:
        """`states`: (summary, badge colours, conflicts) per session. Chips are rebuilt only
        when a state changed, so a drop repaints the day it touched, not the whole month."""
        if day != self.day or not self.objectName():
            self.day = day
            self.setObjectName(f"day_{day.isoformat()}")
        header = (day, in_month, day == today, tone(Tone.SUCCESS).name())
        if header != getattr(self, "_header", None):
            self._header = header
            style = f"font-weight: 700; color: {css(tone(Tone.SUCCESS))};" if day == today else \
                ("" if in_month else "color: palette(placeholder-text);")
            self.number.setStyleSheet(style)
            self.number.setText(f"{day.day}" if day.day != 1 else padded_day_month(day))
        if [chip.state for chip in self.chips] == states:
            return
        if len(states) == len(self.chips):
            # Same number of sessions: new contents in the same chips. Nothing moves, so Qt
            # repaints these chips only, not the whole month (a layout change repaints it all).
            for chip, state in zip(self.chips, states, strict=True):
                if chip.state != state:
                    chip.set_state(*state)
            return
        for chip in self.chips:  # out of the layout now; the object goes when Qt is idle
            self.chip_box.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.chips = [SessionChip(self.calendar, *state) for state in states]
        for chip in self.chips:
            self.chip_box.addWidget(chip)

    def sizeHint(self) -> QSize:
        """At least room for a session with a row of badges: the month's default height."""
        hint = super().sizeHint()
        margins = self.layout().contentsMargins()
        one_session = (2 * self.frameWidth() + margins.top() + self.number.sizeHint().height()
                       + self.layout().spacing() + chip_height(self.font(), 1)
                       + margins.bottom())
        return QSize(hint.width(), max(hint.height(), one_session))

    def session_summaries(self) -> list[SessionSummary]:
        return [chip.summary for chip in self.chips]

    def set_current(self, current: bool) -> None:
        """The calendar's current day (the keyboard's): framed in the highlight colour."""
        if current == getattr(self, "_current", False):
            return
        self._current = current
        self._set_frame("DayCell { border: 2px solid palette(highlight); }" if current else "")

    def chip_at(self, point: QPoint) -> SessionChip | None:
        for chip in self.chips:
            if chip.geometry().contains(point):
                return chip
        return None

    def _set_hint(self, on: bool, chip: SessionChip | None = None) -> None:
        """The drop indicator: the cell's border for a new session or a move, the chip's for
        exercises joining that session."""
        for each in self.chips:
            each.highlighted = each is chip
            each.update()
        self._drop_hint = on and chip is None
        success = tone(Tone.SUCCESS)
        self._set_frame(f"DayCell {{ border: 2px dashed {css(success)}; "
                        f"background: {css(success, 30)}; }}" if self._drop_hint else "")

    def _set_frame(self, style: str) -> None:
        """A frame of another width (the current day's, a drop's) leaves the contents their
        room: a pixel less would take a row of badges away from the day's sessions."""
        self.setStyleSheet(style)
        inset = self.frameWidth() - 1
        left, top, right, bottom = CELL_MARGINS
        self.layout().setContentsMargins(max(0, left - inset), max(0, top - inset),
                                         max(0, right - inset), max(0, bottom - inset))

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasFormat(EXERCISE_MIME) or mime.hasFormat(SESSION_MIME):
            event.acceptProposedAction()
            self.dragMoveEvent(event)

    def dragMoveEvent(self, event) -> None:
        mime = event.mimeData()
        point = event.position().toPoint()
        chip = self.chip_at(point) if mime.hasFormat(EXERCISE_MIME) else None
        self._set_hint(True, chip)
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        event.setDropAction(Qt.DropAction.CopyAction if copy or chip or
                            mime.hasFormat(EXERCISE_MIME) else Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:
        self._set_hint(False)

    def dropEvent(self, event) -> None:
        self._set_hint(False)
        chip = self.chip_at(event.position().toPoint())
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        plan = plan_drop(event.mimeData(), self.day, chip.summary.id if chip else None, copy)
        if plan is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction if plan.action != "move"
                            else Qt.DropAction.MoveAction)
        event.accept()
        self.calendar.apply_drop(plan)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.chip_at(event.position().toPoint()) is None:
            self.calendar.create_session_on(self.day)

    def mousePressEvent(self, event) -> None:
        self.calendar.select_day(self.day)
        super().mousePressEvent(event)


class WeekSummary(QLabel):
    """The week row's verdict: how many groups are inside their landmarks; its tooltip adds
    how last week's feedback adapts this week (worked out when the tooltip is asked for)."""

    def __init__(self, calendar: SessionCalendar | None = None):
        super().__init__(alignment=Qt.AlignmentFlag.AlignCenter)
        self.calendar = calendar
        self.week: date | None = None
        self._verdict_tip = ""  # the tooltip's first part; the week's adaptations follow it
        self._fit_width()
        self.setWordWrap(True)

    def _fit_width(self) -> None:
        # Fixed: a width that followed the text ("9/14" → "10/14") would re-lay out, and so
        # repaint, the whole month on every change. The widest verdict's, in this font.
        self.setFixedWidth(max(text_width(self._number_font(), "14/14"),
                               text_width(self.font(), session_status_name("planned"),
                                          session_status_name("done"))) + 12)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def _number_font(self) -> QFont:
        return relative_font(self.font(), BIG_NUMBER, QFont.Weight.DemiBold)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.week is not None \
                and self.calendar is not None:
            from ui.session.adjustments_panel import adjustments_tooltip

            lines = adjustments_tooltip(self.week, self.calendar.landmarks())
            text = self._verdict_tip
            if lines:
                text += "\n\n" + self.tr("Adapted from last week's feedback:") + "\n" + lines
            self.setToolTip(text)
        return super().event(event)

    def show_week(self, week: date, inside: int, basis: str, empty: bool) -> None:
        self.week = week
        self.setObjectName(f"week_{week.isoformat()}")
        if empty:  # nothing done or planned: a verdict would only be noise
            self.setText("<span style='color: palette(placeholder-text)'>—</span>")
            self._verdict_tip = self.tr("No sets this week")
            self.setToolTip(self._verdict_tip)
            return
        colour = css(status_colour(Status.OPTIMAL if inside >= 10 else
                                   Status.HIGH if inside >= 5 else Status.OVER_MRV))
        size = self._number_font().pointSizeF()
        text = (f"<span style='font-size:{size:.1f}pt; font-weight:600; color:{colour}'>"
                f"{inside}/{len(MUSCLE_GROUPS)}</span><br>"
                f"<small>{session_status_name(basis)}</small>")
        if text != self.text():  # the same text again would still lay the month out anew
            self.setText(text)
        if basis == "done":
            tip = self.tr("{inside} of {total} muscle groups between MEV and MRV (done sets)")
        else:
            tip = self.tr("{inside} of {total} muscle groups between MEV and MRV "
                          "(planned sets)")
        self._verdict_tip = tip.format(inside=inside, total=len(MUSCLE_GROUPS))
        self.setToolTip(self._verdict_tip)


class ElidedLabel(QLabel):
    """One line of plain text that never widens its window: what its width cannot hold is
    elided, and the tooltip gives it whole."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        box = self.contentsRect()
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                       box.width()))
        painter.end()


class SessionCalendar(QWidget):
    """Signals: session_activated(int) — open this session; week_selected(object) — a day of
    the week to show in the volume panel; message(str) — a warning or note for the status bar.
    """

    session_activated = Signal(int)
    week_selected = Signal(object)
    message = Signal(str)

    def __init__(self, store, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("sessionCalendar")
        # One Tab stop: the current day, moved with the arrows (see keyPressEvent).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Calendar"))
        self._store = store
        self._today = today
        self.mode = "month"
        self.anchor = self.today()
        self.selected_day = self.anchor
        self.cells: list[DayCell] | list[DayColumn] = []
        self.summaries: list[WeekSummary] = []
        # The week planner's exercises by session, and where each one is (drops read them).
        self.week_exercises: dict[int, tuple[PlannedExercise, ...]] = {}
        self.exercise_places: dict[int, ExercisePlace] = {}
        self._dragging = self._refresh_pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_header())
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        layout.addLayout(self.grid, 1)
        self._build_grid()
        store.sessions_changed.connect(self.refresh)
        store.landmarks_changed.connect(self.refresh)
        store.settings_changed.connect(self._rebuild)
        store.exercises_changed.connect(self.refresh)
        theme_signals().changed.connect(self.refresh)  # the badges in the new colours
        self.refresh()

    def today(self) -> date:
        return self._today or date.today()

    def landmarks(self):
        return self._store.landmarks()

    # Building.

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.previous_button = QPushButton("◀", objectName="previousPage",
                                           toolTip=self.tr("Previous (Page Up)"))
        self.today_button = QPushButton(self.tr("Today"), objectName="todayButton",
                                        toolTip=self.tr("Go to today (Home)"))
        self.next_button = QPushButton("▶", objectName="nextPage",
                                       toolTip=self.tr("Next (Page Down)"))
        for button, name in ((self.previous_button, self.tr("Previous month or week")),
                             (self.next_button, self.tr("Next month or week"))):
            button.setAccessibleName(name)
        self._fit_arrows()
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel(objectName="calendarTitle")
        set_relative_font(self.title, TITLE, QFont.Weight.DemiBold)
        self.title.setStyleSheet("padding-left: 8px;")
        # The week's sessions and minutes; it may be cut, never widen the window.
        self.totals = ElidedLabel(objectName="weekTotals")
        self.totals.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row.addWidget(self.previous_button)
        row.addWidget(self.today_button)
        row.addWidget(self.next_button)
        row.addWidget(self.title)
        row.addWidget(self.totals, 1)
        self.mode_buttons = QButtonGroup(self)
        for text, mode in ((self.tr("Month"), "month"), (self.tr("Week"), "week")):
            button = QPushButton(text, objectName=f"{mode}Mode", checkable=True)
            button.setChecked(mode == self.mode)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_buttons.addButton(button)
            row.addWidget(button)
        return row

    def _fit_arrows(self) -> None:
        # An arrow, not a word: the style's 80-px width for text buttons would take the room
        # the title needs with a large font.
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(arrow_width(button))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "next_button"):
            self._fit_arrows()
        super().changeEvent(event)

    def _build_grid(self) -> None:
        for cell in self.cells:
            cell.deleteLater()
        for summary in self.summaries:
            summary.deleteLater()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        rows = 6 if self.mode == "month" else 1
        names = self._weekday_names()
        for column, name in enumerate(names):
            header = QLabel(f"<b>{name}</b>", alignment=Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(header, 0, column)
        # Month: six rows of day cells and a verdict per week. Week: the planner's seven day
        # columns, all the width for the exercises (the week panel below gives the verdict).
        if self.mode == "month":
            self.grid.addWidget(QLabel(self.tr("<b>In range</b>"),
                                       alignment=Qt.AlignmentFlag.AlignCenter), 0, 7)
        self.cells = [DayCell(self) for _ in range(42)] if self.mode == "month" else \
            [DayColumn(self) for _ in range(7)]
        self.summaries = [WeekSummary(self) for _ in range(rows)] if self.mode == "month" \
            else []
        for index, cell in enumerate(self.cells):
            self.grid.addWidget(cell, 1 + index // 7, index % 7)
        for row, summary in enumerate(self.summaries):
            self.grid.addWidget(summary, 1 + row, 7)
        for column in range(7):
            self.grid.setColumnStretch(column, 1)
        for row in range(1, 7):  # a month's rows left stretching would squeeze the week
            self.grid.setRowStretch(row, 1 if row <= rows else 0)

    def _weekday_names(self) -> list[str]:
        """The columns' headers in the locale's words: 'Mon' … 'Sun' (from Sunday when the
        week starts then)."""
        names = [short_day_name(weekday) for weekday in range(1, 8)]
        return names[-1:] + names[:-1] if self._store.settings.week_start == "sun" else names

    def _rebuild(self) -> None:
        self._build_grid()
        self.refresh()

    # Navigation.

    def first_day(self) -> date:
        week_start = self._store.settings.week_start
        if self.mode == "week":
            return week_start_of(self.anchor, week_start)
        return week_start_of(self.anchor.replace(day=1), week_start)

    def days_shown(self) -> list[date]:
        first = self.first_day()
        return [first + timedelta(days=i) for i in range(len(self.cells))]

    def step(self, direction: int) -> None:
        if self.mode == "week":
            anchor = self.anchor + timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        if in_date_range(anchor):  # the calendar ends where the dates a log can hold end
            self.anchor = anchor
            self.refresh()
            self._select_in_page()  # the week panel follows the page shown

    def go_today(self) -> None:
        self.show_date(self.today())

    def show_date(self, day: date) -> None:
        self.anchor = day
        self.select_day(day)
        self.refresh()

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.anchor = self.selected_day
        for button in self.mode_buttons.buttons():
            button.setChecked(button.objectName() == f"{mode}Mode")
        self._rebuild()

    def select_day(self, day: date) -> None:
        self.selected_day = day
        for cell in self.cells:
            cell.set_current(cell.day == day)
        self.setAccessibleDescription(long_date(day))
        self.week_selected.emit(day)

    # The keyboard: the current day, and what the mouse does to it.

    def keyPressEvent(self, event) -> None:
        """Arrows move the current day (the page follows), Enter opens its session or creates
        one, Ctrl+←/→ moves its session a day, Delete marks it skipped, Page Up/Down turn the
        page, Home goes to today. Keys are read here, not through shortcuts on the animated
        buttons, so fast presses are never lost."""
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in _ARROW_DAYS and not ctrl:
            self.move_current(_ARROW_DAYS[key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and ctrl:
            self.move_current_session(_ARROW_DAYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
        elif key == Qt.Key.Key_Delete:
            self.skip_current()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Home:
            self.go_today()
        else:
            super().keyPressEvent(event)

    def move_current(self, days: int) -> None:
        day = self.selected_day + timedelta(days=days)
        if not in_date_range(day):
            return
        if day not in self.days_shown():
            self.show_date(day)
        else:
            self.select_day(day)

    def sessions_on_current(self) -> list[SessionSummary]:
        cell = self.cell_for(self.selected_day)
        return cell.session_summaries() if cell is not None else []

    def open_current(self) -> None:
        sessions = self.sessions_on_current()
        if sessions:
            self.session_activated.emit(sessions[0].id)
        else:
            self.create_session_on(self.selected_day)

    def move_current_session(self, days: int) -> None:
        sessions = self.sessions_on_current()
        if not sessions:
            return
        day = self.selected_day + timedelta(days=days)
        self.apply_drop(DropPlan("move", day, session_id=sessions[0].id))
        self.move_current(days)

    def skip_current(self) -> None:
        sessions = [s for s in self.sessions_on_current() if s.status == "planned"]
        if sessions:
            self._store.push(SetStatusCommand(self._store, sessions[0].id, "skipped"))

    def _select_in_page(self) -> None:
        """After a page turn the current day moves into the new page (same weekday)."""
        shown = self.days_shown()
        if self.selected_day not in shown:
            target = self.anchor if self.mode == "week" else self.anchor.replace(day=1)
            self.select_day(min(shown, key=lambda d: abs((d - target).days)))

    # Drawing.

    def refresh(self) -> None:
        """Redraw every cell from the database: one query for the sessions, one for the 48-hour
        conflicts, two for the weeks' volume, and in the week planner one for the exercises.
        During a drag started here the redraw waits for its end (see run_drag)."""
        if self._dragging:
            self._refresh_pending = True
            return
        days = self.days_shown()
        settings = self._store.settings
        summaries = sessions_between(days[0], days[-1])
        conflicts = conflicts_between(days[0], days[-1])
        weeks = days[::7]
        volumes = week_volumes(weeks, self.today(), settings.secondary_rule, settings.week_start)
        landmarks = self._store.landmarks()
        by_day: dict[date, list[SessionSummary]] = {}
        for summary in summaries:
            by_day.setdefault(summary.date, []).append(summary)
        self._read_week_exercises(days)
        for cell, day in zip(self.cells, days, strict=True):
            week = week_start_of(day, settings.week_start)
            states = [(s, self._badge_colours(s, week, volumes, landmarks),
                       conflicts.get(s.id, [])) for s in by_day.get(day, [])]
            if isinstance(cell, DayColumn):
                cell.show_day(day, self.today(), states, self.week_exercises)
            else:
                cell.show_day(day, day.month == self.anchor.month, self.today(), states)
            cell.set_current(day == self.selected_day)
        for summary, week in zip(self.summaries, weeks if self.summaries else [],
                                 strict=True):
            summary.show_week(week, volumes.inside(week, landmarks), volumes.basis[week],
                              not volumes.sets.get(week))
        self._update_title(days, summaries)

    def _read_week_exercises(self, days: list[date]) -> None:
        if self.mode != "week":
            self.week_exercises, self.exercise_places = {}, {}
            return
        self.week_exercises = exercises_between(days[0], days[-1])
        self.exercise_places = {exercise.id: ExercisePlace(session_id, index)
                                for session_id, exercises in self.week_exercises.items()
                                for index, exercise in enumerate(exercises)}

    @staticmethod
    def _badge_colours(summary: SessionSummary, week: date, volumes: WeekVolumes,
                       landmarks) -> dict[str, str]:
        return {g: status_colour(volumes.status(week, g, landmarks)).name() for g in summary.groups}

    def _update_title(self, days: list[date], summaries: list[SessionSummary]) -> None:
        if self.mode == "month":
            self.title.setText(month_title(self.anchor))
            self.totals.setText("")
            return
        self.title.setText(week_title(str(days[0].isocalendar()[1]), days[0], days[-1]))
        training = [s for s in summaries if s.status != "skipped"]
        minutes = sum(s.minutes for s in training)
        if not training:
            totals = self.tr("No sessions")
        elif len(training) == 1:
            totals = self.tr("1 session")
        else:
            totals = self.tr("{count} sessions").format(count=len(training))
        self.totals.setText(totals + (f" · {minutes_text(minutes)}" if minutes else ""))

    def cell_for(self, day: date) -> DayCell | DayColumn | None:
        return next((cell for cell in self.cells if cell.day == day), None)

    # Changes.

    def apply_drop(self, plan: DropPlan) -> None:
        """Make the change a drop asks for; a change models/ refuses (an exercise deleted
        meanwhile, a day out of range) is said on the message line, never raised in the slot."""
        try:
            self._apply_drop(plan)
        except SessionError as error:
            self.message.emit(self.tr("That drop was not applied: {error}").format(error=error))

    def _apply_drop(self, plan: DropPlan) -> None:
        store = self._store
        if plan.action == "add_exercises":
            # At a position (the week planner): one after the other from there; else last.
            positions = [None if plan.position is None else plan.position + offset
                         for offset in range(len(plan.exercise_ids))]
            store.push_all(self.tr("Add exercises to session"),
                           (AddExerciseCommand(store, plan.session_id, exercise_id, position)
                            for exercise_id, position in zip(plan.exercise_ids, positions,
                                                             strict=True)))
            self._warn_spacing(plan.session_id)
        elif plan.action == "new_session":
            command = CreateSessionCommand(store, plan.day, "", plan.exercise_ids)
            store.push(command)
            self._warn_spacing(command.session_id)
        elif plan.action == "move":
            store.push(MoveSessionCommand(store, plan.session_id, plan.day))
            self._warn_spacing(plan.session_id)
        elif plan.action == "copy":
            command = CopySessionCommand(store, plan.session_id, plan.day)
            store.push(command)
            self._warn_spacing(command.new_session_id)
        else:
            self._apply_exercise_drop(plan)

    def _apply_exercise_drop(self, plan: DropPlan) -> None:
        """The week planner's moves of a session's exercise."""
        store = self._store
        if plan.action == "move_exercise":
            store.push(MoveExerciseCommand(store, plan.session_exercise_id, plan.session_id,
                                           plan.position))
            self._warn_spacing(plan.session_id)
        elif plan.action == "exercise_to_new_session":
            command = MoveExerciseToNewSessionCommand(store, plan.session_exercise_id, plan.day)
            store.push(command)
            self._warn_spacing(command.session_id)
        else:
            raise ValueError(f"drop: unknown action {plan.action!r}")

    def _warn_spacing(self, session_id: int | None) -> None:
        from models.sessions import spacing_conflicts

        found = spacing_conflicts(session_id) if session_id is not None else []
        if not found:
            return
        parts = sorted({f"{group_name(c.group).lower()} ({weekday_day_month(c.other_date)})"
                        for c in found})
        self.message.emit(self.tr("⚠ Less than 48 hours between two sessions for: {groups}")
                          .format(groups=", ".join(parts)))

    def create_session_on(self, day: date) -> None:
        command = CreateSessionCommand(self._store, day)
        self._store.push(command)
        self.session_activated.emit(command.session_id)

    def show_session_menu(self, summary: SessionSummary, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.session_activated.emit(summary.id))
        for status in ("done", "skipped", "planned"):
            if status != summary.status:
                menu.addAction(self.tr(MARK_TEXTS[status]), lambda s=status: self._store.push(
                    SetStatusCommand(self._store, summary.id, s)))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self._store.push(
            DeleteSessionCommand(self._store, summary.id)))
        menu.exec(position)

    def show_exercise_menu(self, summary: SessionSummary, exercise: PlannedExercise, index: int,
                           position: QPoint) -> None:
        self.exercise_menu(summary, exercise, index).exec(position)

    def exercise_menu(self, summary: SessionSummary, exercise: PlannedExercise,
                      index: int) -> QMenu:
        """An exercise row's menu in the week planner: open, move up or down, remove."""
        count = len(self.week_exercises.get(summary.id, ()))
        menu = QMenu(self)
        menu.addAction(self.tr("Open session"), lambda: self.session_activated.emit(summary.id))
        for text, target in ((self.tr("Move up"), index - 1),
                             (self.tr("Move down"), index + 1)):
            action = menu.addAction(text, lambda t=target: self.apply_drop(DropPlan(
                "move_exercise", summary.date, summary.id, position=t,
                session_exercise_id=exercise.id)))
            action.setEnabled(0 <= target < count)
        menu.addSeparator()
        menu.addAction(self.tr("Remove from session"), lambda: self._store.push(

            RemoveSessionExerciseCommand(self._store, exercise.id)))
        return menu

    def run_drag(self, source: QWidget, mime: QMimeData, *, copy: bool) -> None:
        """Drag `mime` from a chip, header or row of this calendar (Ctrl copies when `copy`).
        The calendar redraws only once the drag is over: a redraw during the drop would
        delete the widget whose drag is still running."""
        drag = QDrag(source)
        drag.setMimeData(mime)
        drag.setPixmap(source.grab())
        actions = Qt.DropAction.MoveAction | (Qt.DropAction.CopyAction if copy
                                              else Qt.DropAction.MoveAction)
        self._dragging = True
        try:
            drag.exec(actions, Qt.DropAction.MoveAction)
        finally:
            self._dragging = False
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()
