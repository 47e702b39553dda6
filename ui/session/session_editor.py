"""The session editor: a session's exercises with targets and last times, and set logging.

Reads go through models.sessions.session_detail; every change is a command from
ui.session.session_commands, made through Store.push(raise_refusal=True): a SessionError's text
(bad input, or a write the database refused) reaches the message line and nothing is kept.

Keyboard map (documented for users in the tooltips):
- Return / Enter in a field of the set entry row: log the set.
- F2 in the set entry row: log a set the same as the last one of the exercise.
- Tab / Shift+Tab: kind → load → reps (or time) → RIR → Log set → Same as last → Timed.
- Alt+M: Timed on or off — a time in seconds instead of reps (a plank).
- Ctrl+Return anywhere in the editor: mark the session done.
- Delete in the exercise list: remove the exercise; in the set table: delete the set.
- Typing or F2 in a cell of the set table edits it; Return saves it (Escape cancels).
- Ctrl+G: the grid — the whole session as the paper sheet, one row per set, to type a
  filled-in sheet back in (its keys: ui/session/session_grid.py). The choice is kept.

The entry row starts each exercise at what is planned (models.sessions.next_set): the
progression's target load and reps (or time), never "BW" on an exercise that takes a load — there
a first time leaves the load to type, and Return says so instead of logging bodyweight. An
assisted exercise's load goes below 0: the help given.

After Mark done, a feedback dialog asks how each muscle recovered (ui.session.feedback_dialog,
skippable; Feedback… reopens it). The selected exercise shows this week's RIR target, a tempo cue
(started
with its button or when the rest is over, stopped when a set is logged) and, for plate-loaded
bars, a plate calculator.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.adaptation import load_plate_set, save_plate_set
from models.rules.domain import kg_to_unit, load_kind
from models.rules.limits import MAX_NAME_LENGTH
from models.rules.warmup import is_plate_loaded
from models.sessions import SessionDetail, SessionError, SessionExerciseInfo, next_set
from models.sessions import session_detail as load_session_detail
from ui.flow import FlowLayout
from ui.locale_text import QT_TRANSLATE_NOOP, long_date, number
from ui.session.coaching import PlateCalculator, TempoCue
from ui.session.feedback_dialog import FeedbackFlow
from ui.session.grid_rows import GridEntryError, GridRow, cell_named_by, row_change
from ui.session.rest_timer import RestTimer, format_rest
from ui.session.session_commands import (
    AddExerciseCommand,
    DeleteSetCommand,
    LogSetCommand,
    RemoveSessionExerciseCommand,
    RenameSessionCommand,
    ReorderExercisesCommand,
    SetNotesCommand,
    SetStatusCommand,
    SetTargetsCommand,
    UpdateSetCommand,
)
from ui.session.session_grid import Refused, SessionGrid
from ui.session.session_models import (
    COL_KIND,
    INFO_STYLE,
    NO_SELECTION_TEXT,
    NO_SESSION_TEXT,
    SessionExerciseModel,
    SetTableModel,
    capitalised,
    e1rm_text,
    error_text,
    last_time_text,
    moved_order,
    status_label,
    target_text,
    working_sets_done,
)
from ui.session.session_widgets import SessionExerciseList, SetEntry, SetKindDelegate, SetTableView
from ui.sizing import keep_height_for_width, set_relative_font
from ui.store import WriteFailedError
from ui.theme import Tone, badge_style, follow_theme, session_colour, set_text_tone, tone

GRID_SETTING = "sessionEditor/grid"  # in the window's QSettings: how this screen is used
ALL_DONE_TEXT = QT_TRANSLATE_NOOP("SessionEditor",
                                  "All exercises done — Ctrl+Return marks the session done.")


class SessionEditor(QWidget):
    """One session: header (name, date, status, notes), its exercises, and set logging for the
    selected exercise with a rest timer. See the module docstring for the keyboard map.

    Signals:
        session_opened(int) — a session was opened (its id).
        session_closed() — no session is shown any more (closed, or deleted meanwhile).
        set_logged(int) — a set was logged from the entry row (the new set's id).
    """

    session_opened = Signal(int)
    session_closed = Signal()
    set_logged = Signal(int)

    def __init__(self, store, parent: QWidget | None = None,
                 view_settings: QSettings | None = None):
        """`view_settings`: where the grid mode is remembered (the window's settings)."""
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self._store = store
        self._view_settings = view_settings
        self._session_id: int | None = None
        self._confirming_done: int | None = None  # a session whose Mark done awaits a 2nd press
        self._detail: SessionDetail | None = None
        self._entry_for: tuple[int, str] | None = None  # (se id, units) the entry was filled for
        self._refreshing = False
        self._selected_row_hint = 0  # where a removed exercise was: its successor is selected
        self.ask_feedback_on_done = True  # Mark done opens the feedback dialog
        self.feedback_flow = FeedbackFlow(store, self)
        self.feedback_flow.message.connect(self._show_info)
        self.feedback_flow.error.connect(self._show_error)
        self.plate_calculator: PlateCalculator | None = None
        self.exercise_model = SessionExerciseModel(self)
        self.set_model = SetTableModel(self, on_edit=self.edit_set)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty_page())
        self.stack.addWidget(self._build_session_page())
        layout.addWidget(self.stack)
        self._build_shortcuts()
        for signal in (store.sessions_changed, store.settings_changed, store.exercises_changed):
            signal.connect(self.refresh)
        if view_settings is not None:
            self.grid_button.setChecked(view_settings.value(GRID_SETTING, False, type=bool))

    # --- building ----------------------------------------------------------------------------

    def _build_empty_page(self) -> QLabel:
        self.empty_label = QLabel(self.tr(NO_SESSION_TEXT), objectName="sessionEditorEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(INFO_STYLE)
        set_relative_font(self.empty_label, 1.33)
        return self.empty_label

    def _build_session_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._build_header())
        # Exercises above, the selected one's sets below: the dock is tall and narrow.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_exercise_list())
        splitter.addWidget(self._build_exercise_panel())
        splitter.setStretchFactor(0, 3)  # a session's exercises are the overview: more room
        splitter.setStretchFactor(1, 2)
        # One of the two shows (a hidden widget takes no room: the grid's page does not keep
        # the list and entry row's height).
        self.list_mode_body = splitter
        self.grid_page = self._build_grid_page()
        self.grid_page.hide()
        layout.addWidget(splitter, 1)
        layout.addWidget(self.grid_page, 1)
        layout.addWidget(self._build_notes())
        return page

    def _build_grid_page(self) -> QWidget:
        """The grid mode's page: the grid, and the message line while it shows."""
        page = QWidget(objectName="gridPage")
        self._grid_layout = QVBoxLayout(page)
        self._grid_layout.setContentsMargins(0, 0, 0, 0)
        self.grid = SessionGrid(self.commit_grid_row, self.delete_grid_row)
        self.grid.exercise_entered.connect(self.select_exercise)
        self.grid.leave.connect(self._leave_grid)
        self._grid_layout.addWidget(self.grid, 1)
        return page

    def _build_header(self) -> QVBoxLayout:
        self.name_edit = QLineEdit(objectName="sessionName",
                                   placeholderText=self.tr("Session name"),
                                   accessibleName=self.tr("Session name"),
                                   maxLength=MAX_NAME_LENGTH)
        set_relative_font(self.name_edit, 1.55, QFont.Weight.DemiBold)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.date_label = QLabel(objectName="sessionDate")
        self.status_label = QLabel(objectName="sessionStatus")
        follow_theme(self.status_label, self._style_status)
        self.done_button = QPushButton(self.tr("Mark done"), objectName="markDoneButton")
        self.done_button.setToolTip(self.tr("Mark the session done (Ctrl+Return)"))
        self.skip_button = QPushButton(self.tr("Skip"), objectName="skipSessionButton")
        self.skip_button.setToolTip(self.tr("Mark the session skipped: it counts for nothing"))
        self.planned_button = QPushButton(self.tr("Back to planned"), objectName="plannedButton")
        self.feedback_button = QPushButton(self.tr("Feedback…"), objectName="feedbackButton")
        self.feedback_button.setToolTip(self.tr("Rate soreness, pump, performance and joint "
                                                "pain per muscle: next week's sets follow "
                                                "from it"))
        self.feedback_button.clicked.connect(self.ask_feedback)
        for button, status in ((self.done_button, "done"), (self.skip_button, "skipped"),
                               (self.planned_button, "planned")):
            button.clicked.connect(lambda _=False, s=status: self.set_status(s))
        below = QHBoxLayout()
        below.addWidget(self.date_label)
        below.addWidget(self.status_label)
        below.addStretch(1)
        buttons = FlowLayout()  # on two rows where the dock is narrow or the text large
        for button in (self.done_button, self.skip_button, self.planned_button,
                       self.feedback_button):
            buttons.addWidget(button)
        # The mode switch beside the name, which gives way to it in a narrow dock.
        self.grid_button = QPushButton(self.tr("Grid"), objectName="gridToggle", checkable=True)
        self.grid_button.setToolTip(self.tr("The whole session as the paper sheet: one row per "
                                            "set, Tab across load, reps and RIR — to type in a "
                                            "filled-in sheet (Ctrl+G)"))

        self.grid_button.toggled.connect(self._show_mode)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.grid_button)
        header = QVBoxLayout()
        header.addLayout(name_row)
        header.addLayout(below)
        header.addLayout(buttons)
        return header

    def _build_exercise_list(self) -> SessionExerciseList:
        self.exercise_list = SessionExerciseList()
        self.exercise_list.setAccessibleName(self.tr("Exercises of the session"))
        self.exercise_list.setModel(self.exercise_model)
        self.exercise_list.setMinimumHeight(2 * self.exercise_list.row_height()
                                            + 2 * self.exercise_list.frameWidth())
        self.exercise_list.selectionModel().currentChanged.connect(self._on_exercise_changed)
        self.exercise_list.exercises_dropped.connect(self.add_exercises)
        self.exercise_list.reorder_dropped.connect(self.move_exercises)
        self.exercise_list.delete_pressed.connect(self.remove_selected_exercise)
        return self.exercise_list

    def _build_exercise_panel(self) -> QWidget:
        panel = QWidget(objectName="exercisePanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        self.exercise_title = QLabel(objectName="exerciseTitle")
        set_relative_font(self.exercise_title, 1.45, QFont.Weight.DemiBold)
        self.exercise_title.setWordWrap(True)  # a long name takes two lines in a narrow dock
        self.rir_label = QLabel(objectName="weekRir")
        self.rir_label.setToolTip(self.tr("Reps in reserve to leave on each working set this "
                                          "week"))
        follow_theme(self.rir_label,
                     lambda: self.rir_label.setStyleSheet(badge_style(tone(Tone.NEUTRAL))))
        self.plates_button = QPushButton(self.tr("Plates…"), objectName="platesButton")
        self.plates_button.setToolTip(self.tr("Plates per side for the load in the entry row"))
        self.plates_button.clicked.connect(self.show_plate_calculator)
        title_row = QHBoxLayout()
        title_row.addWidget(self.exercise_title, 1)
        # At their own height beside a title wrapped on two lines, not stretched to it.
        title_row.addWidget(self.rir_label, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.plates_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.exercise_details = QLabel(objectName="exerciseDetails")
        self.exercise_details.setWordWrap(True)
        self.exercise_details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addLayout(title_row)
        layout.addWidget(self.exercise_details)
        self.tempo_cue = TempoCue()
        layout.addWidget(self.tempo_cue)
        layout.addWidget(self._build_set_table(), 1)
        self.set_entry = SetEntry()
        self.set_entry.log_requested.connect(self.log_entered_set)
        self.set_entry.same_requested.connect(self.log_same_as_last)
        layout.addWidget(self.set_entry)
        self.message_label = QLabel(objectName="sessionMessage")
        self.message_label.setWordWrap(True)
        # One line kept free, so a message appearing does not push the rows around.
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().lineSpacing())
        layout.addWidget(self.message_label)
        self._panel_layout = layout  # the message line moves to the grid's page and back
        self.rest_timer = RestTimer()
        self.rest_timer.default_changed.connect(self.set_rest)
        self.rest_timer.finished.connect(self.tempo_cue.start)  # rest over: the next set begins
        layout.addWidget(self.rest_timer)
        # Hidden while no exercise is selected, rather than shown greyed out and empty.
        self._logging_widgets = (self.set_table, self.set_entry, self.rest_timer)
        # The details wrap in a narrow dock: the splitter must leave them their lines.
        keep_height_for_width(panel)
        return panel

    def _build_set_table(self) -> SetTableView:
        self.set_table = SetTableView(objectName="setTable", tabKeyNavigation=False,
                                      accessibleName=self.tr("Logged sets"))
        self.set_table.setModel(self.set_model)
        self.set_table.setItemDelegateForColumn(COL_KIND, SetKindDelegate(self.set_table))
        self.set_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.set_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.SelectedClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.set_table.verticalHeader().hide()
        self.set_table.setAlternatingRowColors(True)
        # The columns fit the table's width, never below their headers (SetTableView).
        self.set_table.delete_pressed.connect(self.delete_selected_set)
        return self.set_table

    def _build_notes(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.notes_edit = QPlainTextEdit(objectName="sessionNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes on this session — saved when you "
                                                   "leave the field"))
        self.notes_edit.setMaximumHeight(3 * self.notes_edit.fontMetrics().lineSpacing() + 16)
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.notes_edit.installEventFilter(self)
        label = QLabel(self.tr("Notes"))
        label.setBuddy(self.notes_edit)
        layout.addWidget(label)
        layout.addWidget(self.notes_edit)
        return box

    def _build_shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            done = QShortcut(QKeySequence(keys), self)
            done.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            done.activated.connect(lambda: self.set_status("done"))
        grid = QShortcut(QKeySequence("Ctrl+G"), self)
        grid.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        grid.activated.connect(self.grid_button.toggle)

    # --- opening and showing -----------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self._session_id

    def open_session(self, session_id: int) -> None:
        """Show a session, select its first exercise with sets still to do, focus the load."""
        self._commit_header_edits()
        self._session_id = session_id
        self._detail = None
        self._entry_for = None
        self.name_edit.setModified(False)
        self.notes_edit.document().setModified(False)
        self.rest_timer.skip()
        self._clear_message()
        self.refresh()
        if self._session_id is None:
            return
        self._select_row(self._first_unfinished_row())
        if self.exercise_model.rowCount():
            self._focus_entry()
        self.session_opened.emit(session_id)

    def close_session(self) -> None:
        self._commit_header_edits()
        self._session_id = self._detail = self._entry_for = None
        self.exercise_model.set_rows([], self._units)
        self.set_model.set_rows([], self._units)
        self.stack.setCurrentIndex(0)
        self.session_closed.emit()

    def refresh(self) -> None:
        """Redraw from the database, keeping the selected exercise and what the entry holds."""
        if self._session_id is None:
            self.stack.setCurrentIndex(0)
            return
        try:
            detail = load_session_detail(self._session_id, units=self._units)
        except SessionError:  # deleted meanwhile (e.g. its creation was undone)
            self._detail = None  # nothing left to save a half-typed name or notes to
            self.close_session()
            return
        self._detail = detail
        self.stack.setCurrentIndex(1)
        self._show_header(detail)
        selected = self.selected_exercise()
        self._refreshing = True  # a reset model reports "no current row" on its way
        try:
            self.exercise_model.set_rows(detail.exercises, self._units)
        finally:
            self._refreshing = False
        row = self.exercise_model.row_of(selected.id) if selected else -1
        if row < 0 and selected is not None:  # removed: select whatever took its place
            row = min(self._selected_row_hint, self.exercise_model.rowCount() - 1)
        self._select_row(row)
        self._show_selected_exercise()
        if self.grid_mode:
            self.grid.show_exercises(detail.exercises, self._units)

    @property
    def _units(self) -> str:
        return self._store.settings.units

    def _show_header(self, detail: SessionDetail) -> None:
        if not self.name_edit.isModified() and self.name_edit.text() != detail.name:
            self.name_edit.setText(detail.name)
        date_text = long_date(detail.date)
        if detail.week_number:
            date_text += self.tr(" · week {week}").format(week=detail.week_number)
        self.date_label.setText(date_text)
        self.status_label.setText(status_label(detail.status))
        self._style_status()
        self.done_button.setEnabled(detail.status != "done")
        self.skip_button.setEnabled(detail.status != "skipped")
        self.planned_button.setEnabled(detail.status != "planned")
        self.feedback_button.setEnabled(detail.status == "done")
        notes_document = self.notes_edit.document()
        if not notes_document.isModified() and self.notes_edit.toPlainText() != detail.notes:
            self.notes_edit.setPlainText(detail.notes)
            notes_document.setModified(False)

    # --- the selected exercise ---------------------------------------------------------------

    def selected_exercise(self) -> SessionExerciseInfo | None:
        row = self.exercise_list.currentIndex().row()
        if not 0 <= row < self.exercise_model.rowCount():
            return None
        return self.exercise_model.info_at(row)

    def select_exercise(self, se_id: int) -> None:
        self._select_row(self.exercise_model.row_of(se_id))

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.exercise_model.rowCount():
            self.exercise_list.setCurrentIndex(self.exercise_model.index(row))
        else:
            self.exercise_list.setCurrentIndex(QModelIndex())

    def _first_unfinished_row(self) -> int:
        for row in range(self.exercise_model.rowCount()):
            info = self.exercise_model.info_at(row)
            if working_sets_done(info) < info.target_sets:
                return row
        return 0

    def _on_exercise_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._refreshing:
            self._show_selected_exercise()

    def _show_selected_exercise(self) -> None:
        info = self.selected_exercise()
        self._selected_row_hint = max(0, self.exercise_list.currentIndex().row())
        for widget in self._logging_widgets:
            widget.setVisible(info is not None)
        self._show_coaching(info)
        if info is None:
            self.exercise_title.setText(self.tr(NO_SELECTION_TEXT)
                                        if self.exercise_model.rowCount() else "")
            self.exercise_details.setText("")
            self.set_model.set_rows([], self._units)
            self._entry_for = None
            return
        self.exercise_title.setText(info.exercise.name)
        self.exercise_details.setText(self._details_text(info))
        self.set_model.set_rows(info.sets, self._units)
        other_exercise = self._entry_for is None or self._entry_for[0] != info.id
        if other_exercise or not self.rest_timer.has_pending_edit():
            self.rest_timer.set_default_seconds(info.rest_seconds)
        if self._entry_for != (info.id, self._units):  # another exercise: start from its plan
            self._entry_for = (info.id, self._units)
            self._fill_entry(info)

    def _show_coaching(self, info: SessionExerciseInfo | None) -> None:
        """This week's RIR, the tempo cue and the plate calculator button of the exercise."""
        rir = None if info is None else info.target_rir
        self.rir_label.setVisible(rir is not None)
        self.rir_label.setText(self.tr("RIR {rir} this week").format(rir=number(rir))
                               if rir is not None else "")
        tempo = info.tempo if info is not None else ""
        if tempo != self.tempo_cue.tempo_text:
            self.tempo_cue.set_tempo(tempo)
        self.tempo_cue.setVisible(bool(self.tempo_cue.tempo_text))
        # Bars loaded with plates get the plate calculator.
        self.plates_button.setVisible(info is not None and is_plate_loaded(info.exercise))

    def _details_text(self, info: SessionExerciseInfo) -> str:
        units = self._units
        lines = [self.tr("Target {target} · rest {rest}").format(
                     target=target_text(info), rest=format_rest(info.rest_seconds)),
                 self.tr("Next: {note}").format(note=info.target.note),
                 capitalised(last_time_text(info, units))]
        if info.target.e1rm_kg:
            lines[-1] += f" · {e1rm_text(info.target, units)}"
        return "\n".join(lines)

    def _fill_entry(self, info: SessionExerciseInfo) -> None:
        """What is planned next (models.sessions.next_set): today's last working set, or the
        progression's target."""
        step = info.exercise.load_step_kg if self._units == "kg" else info.exercise.load_step_lb
        self.set_entry.set_load_kind(load_kind(info.exercise))
        self.set_entry.set_units(self._units, step)
        planned = next_set(info)
        self.set_entry.fill(planned.kind, planned.load_kg, planned.reps, planned.rir,
                            planned.seconds)

    # --- changes -----------------------------------------------------------------------------

    def _run(self, command) -> bool:
        """Run a command that models/ may refuse; show its message if it does."""
        try:
            self._store.push(command, raise_refusal=True)
        except SessionError as error:
            self._show_error(error_text(error))
            return False
        self._clear_message()
        return True

    def log_entered_set(self) -> None:
        """Log the set in the entry row for the selected exercise."""
        info = self.selected_exercise()
        if info is None:
            return
        if self.set_entry.load_missing():
            self._show_error(self.tr("{exercise}: type the load first — this exercise takes "
                                     "one, so it is never logged as bodyweight").format(
                exercise=info.exercise.name))
            self.set_entry.focus_load()
            return
        self._log(info, self.set_entry.values())

    def log_same_as_last(self) -> None:
        """Log a set the same as the last one of the selected exercise."""
        info = self.selected_exercise()
        if info is None:
            return
        if not info.sets:
            self._show_error(self.tr("{exercise}: no set logged yet to repeat — type the "
                                     "first one and press Return").format(
                exercise=info.exercise.name))
            return
        last = info.sets[-1]
        self.set_entry.fill(last.kind, last.load_kg, last.reps, last.rir, last.seconds)
        self._log(info, {"kind": last.kind, "load_kg": last.load_kg, "reps": last.reps,
                         "rir": last.rir, "seconds": last.seconds})

    def _log(self, info: SessionExerciseInfo, values: dict) -> None:
        done_before = working_sets_done(info)
        command = LogSetCommand(self._store, info.id, **values)
        if not self._run(command):
            return
        self.tempo_cue.stop()
        self.rest_timer.start(info.rest_seconds)
        self.set_logged.emit(command.set_id)
        logged = self.selected_exercise()
        if logged is not None and done_before < logged.target_sets <= working_sets_done(logged):
            self._advance_from(logged)
        self.set_entry.focus_load()

    def _advance_from(self, info: SessionExerciseInfo) -> None:
        """All target sets done: on to the next exercise, or say how to finish."""
        row = self.exercise_model.row_of(info.id)
        if row + 1 < self.exercise_model.rowCount():
            self._select_row(row + 1)
        else:
            self._show_info(self.tr(ALL_DONE_TEXT))

    def edit_set(self, set_id: int, fields: dict) -> bool:
        """A change typed in the set table (SetTableModel's on_edit)."""
        return self._run(UpdateSetCommand(self._store, set_id, **fields))

    def delete_selected_set(self) -> None:
        row = self.set_table.currentIndex().row()
        if 0 <= row < self.set_model.rowCount():
            self._run(DeleteSetCommand(self._store, self.set_model.set_at(row).id))

    def add_exercises(self, exercise_ids: Sequence[int], row: int | None = None) -> None:
        """Add library exercises before `row` (None = at the end) as one undo step; select the
        first one added."""
        if self._session_id is None or not exercise_ids:
            return
        start = self.exercise_model.rowCount() if row is None else row
        commands = (AddExerciseCommand(self._store, self._session_id, exercise_id, start + offset)
                    for offset, exercise_id in enumerate(exercise_ids))
        try:
            added = self._store.push_all(
                self.tr("Add {count} exercises").format(count=len(exercise_ids)), commands,
                raise_refusal=True)
        except SessionError as error:
            self._show_error(error_text(error))
            return
        self._clear_message()
        if added:
            self.select_exercise(added[0].se_id)

    def move_exercises(self, se_ids: Sequence[int], row: int) -> None:
        """Move session exercises before `row`, as a drag inside the list does."""
        order = self.exercise_model.order()
        new_order = moved_order(order, se_ids, row)
        if self._session_id is not None and new_order != order:
            self._run(ReorderExercisesCommand(self._store, self._session_id, new_order))

    def remove_selected_exercise(self) -> None:
        info = self.selected_exercise()
        if info is not None:
            self._run(RemoveSessionExerciseCommand(self._store, info.id))

    def set_rest(self, seconds: int) -> None:
        """The selected exercise's rest after each set (RestTimer's default_changed)."""
        info = self.selected_exercise()
        if info is not None and seconds != info.rest_seconds:
            self._run(SetTargetsCommand(self._store, info.id, rest_seconds=seconds))

    def set_status(self, status: str) -> None:
        """Change the session's status. Marking done a session with exercises that have no
        working set logged takes a second press (the message line says which): a stray
        Ctrl+Return never closes a session half trained. A grid row being typed is saved
        first (a shortcut moves no focus, which would have saved it)."""
        if self._detail is None or status == self._detail.status:
            return
        if self.grid_mode and not self.grid.commit_current():
            return
        session_id = self._detail.id
        if status == "done" and not self._done_confirmed(session_id):
            return
        if (self._run(SetStatusCommand(self._store, session_id, status))
                and status == "done" and self.ask_feedback_on_done):
            self.feedback_flow.ask(session_id)

    def _done_confirmed(self, session_id: int) -> bool:
        assert self._detail is not None
        unlogged = [e.exercise.name for e in self._detail.exercises if working_sets_done(e) == 0]
        if not unlogged or self._confirming_done == session_id:
            self._confirming_done = None
            return True
        self._confirming_done = session_id
        names = ", ".join(unlogged[:3]) + (", …" if len(unlogged) > 3 else "")
        self._show_info(self.tr("{count} of {total} exercises have no sets logged ({names}). "
                                "Mark done again (Ctrl+Return) to close the session anyway.")
                        .format(count=len(unlogged), total=len(self._detail.exercises),
                                names=names))

        return False

    def ask_feedback(self) -> None:
        """Open the feedback dialog for the session (skippable, undoable once saved)."""
        if self._detail is not None:
            self.feedback_flow.ask(self._detail.id)

    def show_plate_calculator(self) -> PlateCalculator:
        """Plates per side for the entry row's load, from the user's plate set (kept on close)."""
        units = self._units
        bar, plates = load_plate_set(units)
        load_kg = self.set_entry.load_kg()
        load = kg_to_unit(load_kg, units) if load_kg and load_kg > 0 else None
        calculator = PlateCalculator(units, load, bar, plates, self)
        calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calculator.finished.connect(lambda _: self._keep_plate_set(units, calculator))
        calculator.open()
        self.plate_calculator = calculator
        return calculator

    def _keep_plate_set(self, units: str, calculator: PlateCalculator) -> None:
        """Save the plates the user keeps, through the store's guarded path: a refused write
        (disk full, read-only) is reported by write_failed like any other, never raised."""
        with contextlib.suppress(WriteFailedError):
            self._store.guarded(lambda: save_plate_set(units, *calculator.plate_set()))

    def _commit_name(self) -> None:
        if self._detail is None or not self.name_edit.isModified():
            return
        self.name_edit.setModified(False)
        name = self.name_edit.text().strip()
        if name != self._detail.name:
            self._run(RenameSessionCommand(self._store, self._detail.id, name))

    def _commit_notes(self) -> None:
        document = self.notes_edit.document()
        if self._detail is None or not document.isModified():
            return
        document.setModified(False)
        notes = self.notes_edit.toPlainText()
        if notes != self._detail.notes:
            self._run(SetNotesCommand(self._store, self._detail.id, notes))

    def _commit_header_edits(self) -> None:
        """Save a name or notes being typed before another session replaces them."""
        self._commit_name()
        self._commit_notes()

    def _style_status(self) -> None:
        """The status as a badge in its colour (planned, done, skipped)."""
        status = self._detail.status if self._detail is not None else "planned"
        self.status_label.setStyleSheet(badge_style(session_colour(status)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self._commit_notes()
        return super().eventFilter(watched, event)

    # --- the grid ----------------------------------------------------------------------------

    @property
    def grid_mode(self) -> bool:
        return self.grid_button.isChecked()

    def set_grid_mode(self, on: bool) -> None:
        """The grid (True) or the exercise list with its entry row (False); as Ctrl+G does."""
        self.grid_button.setChecked(on)

    def _show_mode(self, grid: bool) -> None:
        """Switch between the modes on the same exercise; the row being typed is saved first."""
        if not grid:
            self.grid.commit_current()
        self.list_mode_body.setVisible(not grid)
        self.grid_page.setVisible(grid)
        self._place_message_line(grid)
        if self._view_settings is not None:
            self._view_settings.setValue(GRID_SETTING, grid)
        if grid and self._detail is not None:
            self.grid.show_exercises(self._detail.exercises, self._units)
        if self._detail is not None and self._detail.exercises:
            self._focus_entry()

    def _place_message_line(self, grid: bool) -> None:
        """Under the grid in grid mode; under the entry row, its usual place, otherwise."""
        if grid:
            self._grid_layout.addWidget(self.message_label)
        else:
            self._panel_layout.insertWidget(self._panel_layout.indexOf(self.set_entry) + 1,
                                            self.message_label)
        self.message_label.show()  # a moved widget is hidden until its new parent shows it

    def _focus_entry(self) -> None:
        """The keyboard where the selected exercise's next set is typed: its first empty row
        in the grid, or the entry row's load."""
        info = self.selected_exercise()
        if self.grid_mode and info is not None:
            self.grid.focus_exercise(info.id)
        elif not self.grid_mode:
            self.set_entry.focus_load()

    def _leave_grid(self, forward: bool) -> None:
        """Tab past the grid's last cell, or Shift+Tab before its first."""
        target = self.notes_edit if forward else self.grid_button
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def commit_grid_row(self, row: GridRow, typed: dict[int, str]) -> Refused | None:
        """Log or update the set of a grid row from its typed cells (SessionGrid's on_commit),
        one undo step; a refusal's message names the row, and the answer the cell to correct."""
        try:
            change = row_change(row, typed, self._units)
        except GridEntryError as error:
            self._show_error(str(error))
            return Refused(error.cell)
        if change is None:
            return None
        done_before = self._all_done()
        if change.set_id is None:
            command = LogSetCommand(self._store, row.se_id, **change.fields)
        else:
            command = UpdateSetCommand(self._store, change.set_id, **change.fields)
        try:
            self._store.push(command, raise_refusal=True)
        except SessionError as error:
            self._show_error(f"{row.name}: {error}")
            return Refused(cell_named_by(str(error)))
        if change.note:
            self._show_info(change.note)
        elif self._all_done() and not done_before:
            self._show_info(self.tr(ALL_DONE_TEXT))
        else:
            self._clear_message()
        return None

    def delete_grid_row(self, row: GridRow) -> None:
        """Ctrl+Delete in a logged row of the grid."""
        if row.logged is not None:
            self._run(DeleteSetCommand(self._store, row.logged.id))

    def _all_done(self) -> bool:
        return self._detail is not None and all(
            working_sets_done(info) >= info.target_sets for info in self._detail.exercises)

    # --- the message line --------------------------------------------------------------------

    @property
    def message(self) -> str:
        return self.message_label.text()

    def _show_error(self, text: str) -> None:
        set_text_tone(self.message_label, Tone.ERROR)
        self.message_label.setText(text)

    def _show_info(self, text: str) -> None:
        set_text_tone(self.message_label, Tone.MUTED)
        self.message_label.setText(text)

    def _clear_message(self) -> None:
        self.message_label.clear()
