"""The session editor's grid mode: the whole session as the printed sheet lays it out, to type
a filled-in sheet back in with the keyboard alone.

For each exercise in order: its name, target and the progression's target, then one row per
set with the sheet's three cells — load, reps (seconds for a timed exercise) and RIR. Logged
sets show their values; empty rows show the plan faintly (ui/session/grid_rows.py says which
rows there are and what their text means).

Keys in a cell:
- Tab / Shift+Tab: load → reps → RIR → the next row's load, across exercises; leaving a row
  saves it. The row beyond each exercise's target (+) is off this path.
- Return / Enter: save the row, on to the next row's load.
- Up / Down: the same cell a row up or down (the + rows included); leaving a row saves it.
- Escape: undo the typing in the row.  Ctrl+Delete: delete the row's logged set.
A row is also saved when the keyboard leaves it for another widget (a click elsewhere).

The grid makes no change itself: `on_commit(row, typed)` (the session editor) logs or updates
the set through a command and answers None, or a Refused naming the cell to correct.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.sessions import SessionExerciseInfo
from ui.locale_text import QT_TRANSLATE_NOOP, translate
from ui.session.grid_rows import (
    CELLS,
    KIND_LABELS,
    LOAD,
    MEASURE,
    RIR,
    GridRow,
    cell_texts,
    grid_rows,
    measure_word,
    placeholders,
)
from ui.session.session_models import next_target_text, target_text, working_sets_done
from ui.theme import Tone, set_text_tone

CHECK = "✓"
NO_EXERCISES_TEXT = QT_TRANSLATE_NOOP("SessionGrid", "No exercises in this session yet. Switch "
                                                     "the grid off (Ctrl+G) and drag them here "
                                                     "from the library.")
CAPTION_POINTS = 0.85  # the column captions, as small as the sheet's
COLUMN_SET, COLUMN_MARK = 0, 4  # the grid layout's columns besides the three cells (1–3)
CELL_COLUMNS = {LOAD: 1, MEASURE: 2, RIR: 3}


@dataclass(frozen=True)
class Refused:
    """A row on_commit did not save (its message is on the editor's message line); `cell` is
    the one to correct, None when the message names none."""

    cell: int | None = None


CommitRow = Callable[[GridRow, dict[int, str]], "Refused | None"]


class GridCell(QLineEdit):
    """One cell of a row; its keys (see the module docstring) go to the grid."""

    def __init__(self, line: GridLine, cell: int):
        super().__init__()
        self.line, self.cell = line, cell
        self.setObjectName(("gridLoad", "gridMeasure", "gridRir")[cell])
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(48)

    def event(self, event: QEvent) -> bool:
        # Tab never reaches keyPressEvent: QWidget.event moves the focus first.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            backwards = (event.key() == Qt.Key.Key_Backtab
                         or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            self.line.grid.tab(self, backwards)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.line.grid.key_pressed(self, event):
            super().keyPressEvent(event)


class GridLine:
    """The widgets of one row in its exercise's layout: the set's label, the three cells and
    the mark of a logged set. Shows a GridRow; text typed and not yet saved survives a redraw
    (QLineEdit.isModified)."""

    def __init__(self, grid: SessionGrid, layout: QGridLayout, index: int):
        self.grid = grid
        self.row: GridRow | None = None
        self.label = QLabel()
        self.label.setObjectName("gridSetLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cells = [GridCell(self, cell) for cell in CELLS]
        self.mark = QLabel()
        self.mark.setObjectName("gridMark")
        set_text_tone(self.mark, Tone.SUCCESS)
        layout.addWidget(self.label, index, COLUMN_SET)
        for cell, edit in zip(CELLS, self.cells, strict=True):
            layout.addWidget(edit, index, CELL_COLUMNS[cell])
        layout.addWidget(self.mark, index, COLUMN_MARK)

    def widgets(self) -> list[QWidget]:
        return [self.label, *self.cells, self.mark]

    def show_row(self, row: GridRow, units: str, typed: dict[int, str]) -> None:
        """Show `row`, keeping `typed` (cell → text not saved yet) in its cells."""
        self.row = row
        texts, faint = cell_texts(row, units), placeholders(row, units)
        for cell, edit in enumerate(self.cells):
            if cell in typed:
                edit.setText(typed[cell])
                edit.setModified(True)
            elif edit.isModified() or edit.text() != texts[cell]:
                edit.setText(texts[cell])  # also clears isModified
            edit.setPlaceholderText(faint[cell])
            edit.setToolTip(cell_tip(row, cell, units))
            what = (translate("SessionGrid", "load"), measure_word(row), "RIR")[cell]
            edit.setAccessibleName(f"{row.name}: {what}")
        self.label.setText(row.label)
        self.label.setToolTip(translate("SessionGrid", "A set beyond the target: type it here to "
                                                       "add it (Up and Down reach this row)")
                              if row.extra else "")
        set_tone(self.label, None if row.label.isdigit() else Tone.MUTED)
        logged = row.logged is not None
        self.mark.setText(CHECK if logged else "")
        self.mark.setToolTip(translate("SessionGrid", "Logged") if logged else "")

    def typed(self) -> dict[int, str]:
        """The text typed in each cell and not saved yet."""
        return {cell: edit.text() for cell, edit in enumerate(self.cells) if edit.isModified()}

    def set_clean(self) -> None:
        for edit in self.cells:
            edit.setModified(False)

    def retype(self, typed: dict[int, str]) -> None:
        """Put back text whose saving was refused, still to save."""
        for cell, text in typed.items():
            self.cells[cell].setText(text)
            self.cells[cell].setModified(True)

    def delete_widgets(self) -> None:
        for widget in self.widgets():
            widget.hide()
            widget.deleteLater()


def set_tone(widget: QWidget, which: Tone | None) -> None:
    """set_text_tone() when the tone changes only: each restyle parses a style sheet, and a
    redraw of the grid passes every row."""
    if widget.property("textTone") != (which or ""):
        widget.setProperty("textTone", which or "")
        set_text_tone(widget, which)


def cell_tip(row: GridRow, cell: int, units: str) -> str:
    """What a cell takes, and what leaving it empty does."""
    if cell == LOAD:
        kind = {"loaded": translate("SessionGrid", "Load in {unit}"),
                "bodyweight": translate("SessionGrid", "Added load in {unit}; BW for bodyweight"),
                "assisted": translate("SessionGrid", "Assistance as a negative load (−20 {unit}); "
                                                     "BW for none")}
        empty = (translate("SessionGrid", " — left empty, the set is logged at the target load")
                 if row.logged is None else "")
        return kind[row.load_kind].format(unit=units) + empty
    if cell == MEASURE:
        return (translate("SessionGrid", "Seconds held: 60, 60 s or 1:30") if row.timed
                else translate("SessionGrid", "Reps (60 s for a timed set) — a row is logged "
                                              "once it has them"))
    return translate("SessionGrid", "Reps in reserve — may stay empty (not recorded)")


class ExerciseBlock(QFrame):
    """One exercise of the grid: its title and targets, the column captions, and a GridLine
    per row (rows come and go at the end only, so lines keep their place)."""

    def __init__(self, grid: SessionGrid):
        super().__init__()
        self.setObjectName("gridExercise")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # one box per exercise, as on the sheet
        self.grid = grid
        self.lines: list[GridLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("gridExerciseTitle")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.sets_done = QLabel()
        self.sets_done.setObjectName("gridSetsDone")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.sets_done)
        self.targets = QLabel()
        self.targets.setObjectName("gridTargets")
        self.targets.setWordWrap(True)
        self.targets.setTextFormat(Qt.TextFormat.RichText)
        layout.addLayout(title_row)
        layout.addWidget(self.targets)
        self.cells_layout = QGridLayout()
        self.cells_layout.setHorizontalSpacing(6)
        self.cells_layout.setVerticalSpacing(3)
        self._build_captions()
        layout.addLayout(self.cells_layout)

    def _build_captions(self) -> None:
        self.captions = [QLabel(text) for text in (self.tr("Set"), self.tr("Load"),
                                                   self.tr("Reps"), "RIR")]
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * CAPTION_POINTS)
        for column, caption in enumerate(self.captions):
            caption.setFont(small)
            set_text_tone(caption, Tone.MUTED)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self.cells_layout.addWidget(caption, 0, column)
        # The same widths in every exercise, so the columns line up down the whole session.
        label_width = self.fontMetrics().horizontalAdvance(
            translate("SessionGrid", KIND_LABELS["warmup"])) + 8
        self.cells_layout.setColumnMinimumWidth(COLUMN_SET, label_width)
        self.cells_layout.setColumnMinimumWidth(COLUMN_MARK, self.fontMetrics()
                                                .horizontalAdvance(CHECK) + 8)
        for column in CELL_COLUMNS.values():
            self.cells_layout.setColumnStretch(column, 1)

    def show_exercise(self, info: SessionExerciseInfo, number: int, units: str) -> None:
        self.title.setText(f"{number}. {info.exercise.name}")
        done = working_sets_done(info)
        self.sets_done.setText(self.tr("{done} / {target} sets").format(
            done=done, target=info.target_sets))
        complete = 0 < info.target_sets <= done
        set_tone(self.sets_done, Tone.SUCCESS if complete else Tone.MUTED)
        self.targets.setText(f"{escape(target_text(info))} &nbsp;<b>"
                             f"{escape(next_target_text(info.target, units, info.rep_high))}</b>")
        self.captions[1].setText(self.tr("Load ({unit})").format(unit=units))
        self.captions[2].setText(self.tr("Seconds") if info.target.timed else self.tr("Reps"))
        self._show_rows(grid_rows(info), units)

    def _show_rows(self, rows: Sequence[GridRow], units: str) -> None:
        # Typing not saved yet goes with its row (a logged set, or the n-th empty row), which
        # may have moved: a set logged further down takes the first empty row's place.
        typed = {line.row.key: line.typed() for line in self.lines if line.row is not None}
        while len(self.lines) > len(rows):
            self.lines.pop().delete_widgets()
        while len(self.lines) < len(rows):
            self.lines.append(GridLine(self.grid, self.cells_layout, len(self.lines) + 1))
        for line, row in zip(self.lines, rows, strict=True):
            line.show_row(row, units, typed.get(row.key, {}))

    def delete(self) -> None:
        self.hide()
        self.deleteLater()


class SessionGrid(QScrollArea):
    """The whole session as one grid (see the module docstring).

    Signals:
        exercise_entered(int) — the keyboard went to a row of another exercise (its session
            exercise id).
        leave(bool) — Tab past the last cell (True) or Shift+Tab before the first (False): the
            editor puts the keyboard on what comes after or before the grid.
    """

    exercise_entered = Signal(int)
    leave = Signal(bool)

    def __init__(self, on_commit: CommitRow, on_delete: Callable[[GridRow], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionGrid")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._on_commit, self._on_delete = on_commit, on_delete
        self._blocks: dict[int, ExerciseBlock] = {}
        self._units = "kg"
        self._updating = False  # a redraw removes rows: their focus leaving saves nothing
        self.current_se_id: int | None = None
        page = QWidget()
        page.setObjectName("sessionGridPage")
        self._layout = QVBoxLayout(page)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.empty_label = QLabel(self.tr(NO_EXERCISES_TEXT))

        self.empty_label.setObjectName("sessionGridEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_text_tone(self.empty_label, Tone.MUTED)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.setWidget(page)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    # --- what it shows ---------------------------------------------------------------------

    def show_exercises(self, exercises: Sequence[SessionExerciseInfo], units: str) -> None:
        """Show a session's exercises in order; rows being typed keep their text."""
        self._updating = True
        self._units = units
        try:
            ids = [info.id for info in exercises]
            for se_id in [i for i in self._blocks if i not in ids]:
                self._blocks.pop(se_id).delete()
            for position, info in enumerate(exercises):
                block = self._blocks.get(info.id)
                if block is None:
                    block = self._blocks[info.id] = ExerciseBlock(self)
                if self._layout.indexOf(block) != position:
                    self._layout.removeWidget(block)
                    self._layout.insertWidget(position, block)
                block.show_exercise(info, position + 1, units)
            self.empty_label.setVisible(not exercises)
        finally:
            self._updating = False

    def blocks(self) -> list[ExerciseBlock]:
        """The exercises' blocks, in the session's order."""
        found = (self._layout.itemAt(i).widget() for i in range(self._layout.count()))
        return [block for block in found if isinstance(block, ExerciseBlock)]

    def lines(self) -> list[GridLine]:
        """Every row, in order down the grid."""
        return [line for block in self.blocks() for line in block.lines]

    def line_of(self, se_id: int, index: int) -> GridLine:
        """Row `index` of an exercise (0: its first set)."""
        return self._blocks[se_id].lines[index]

    # --- the keyboard ------------------------------------------------------------------------

    def focus_exercise(self, se_id: int) -> None:
        """The keyboard on an exercise's first empty row (its first row if all are logged)."""
        block = self._blocks.get(se_id)
        if block is None or not block.lines:
            return
        line = next((line for line in block.lines
                     if line.row is not None and line.row.logged is None and not line.row.extra),
                    block.lines[0])
        self.focus_cell(line.cells[LOAD])

    def focus_cell(self, edit: GridCell) -> None:
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        edit.selectAll()  # what is typed replaces what the cell holds

    def commit_current(self) -> bool:
        """Save the row the keyboard is in (before the grid is left by other means)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, GridCell) and focus.line.grid is self:
            return self.commit_line(focus.line)
        return True

    def commit_line(self, line: GridLine, *, refocus: bool = True) -> bool:
        """Save what was typed in a row; False when refused (the typing stays, and with
        `refocus` the keyboard goes to the cell to correct)."""
        typed = line.typed()
        if not typed or line.row is None:
            return True
        # Clean before the change: the redraw it causes must not keep the text as unsaved.
        line.set_clean()
        refused = self._on_commit(line.row, typed)
        if refused is None:
            return True
        line.retype(typed)
        if refocus and refused.cell is not None:
            self.focus_cell(line.cells[refused.cell])
        return False

    def tab(self, edit: GridCell, backwards: bool) -> None:
        """Tab or Shift+Tab in a cell: the next cell of the row, or save the row and go on to
        the next (previous) row on the Tab path."""
        step = -1 if backwards else 1
        if 0 <= edit.cell + step < len(CELLS):
            self.focus_cell(edit.line.cells[edit.cell + step])
            return
        if not self.commit_line(edit.line):
            return
        after = self._tab_neighbour(edit.line, step)
        if after is None:
            self.leave.emit(not backwards)
        else:
            self.focus_cell(after.cells[RIR if backwards else LOAD])

    def key_pressed(self, edit: GridCell, event: QKeyEvent) -> bool:
        """The grid's keys in a cell; False for the cell's own."""
        key, modifiers = event.key(), event.modifiers()
        plain = not modifiers & ~Qt.KeyboardModifier.KeypadModifier
        line = edit.line
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self.commit_line(line):
                after = self._tab_neighbour(line, 1)
                self.focus_cell(after.cells[LOAD] if after is not None else edit)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and plain:
            self._step(edit, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if key == Qt.Key.Key_Escape and plain and line.typed():
            self._revert(line)
            return True
        if (key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.ControlModifier
                and line.row is not None and line.row.logged is not None):
            self._on_delete(line.row)
            return True
        return False

    def _step(self, edit: GridCell, step: int) -> None:
        lines = self.lines()
        index = lines.index(edit.line) + step
        if 0 <= index < len(lines) and self.commit_line(edit.line):
            self.focus_cell(lines[index].cells[edit.cell])

    def _revert(self, line: GridLine) -> None:
        """Escape: the row as it was before the typing."""
        line.set_clean()
        if line.row is not None:
            line.show_row(line.row, self._units, {})

    def _tab_neighbour(self, line: GridLine, step: int) -> GridLine | None:
        """The next (previous) row on the Tab path: every row but the + rows, except the one
        Tab starts from."""
        lines = self.lines()
        index = lines.index(line) + step
        while 0 <= index < len(lines):
            row = lines[index].row
            if row is not None and not row.extra:
                return lines[index]
            index += step
        return None

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._updating:
            return
        if isinstance(new, GridCell) and new.line.grid is self:
            self._entered(new)
        if not (isinstance(old, GridCell) and old.line.grid is self):
            return
        if new is None or (isinstance(new, GridCell) and new.line is old.line):
            return  # another window has the keyboard for now, or the same row
        self.commit_line(old.line, refocus=False)

    def _entered(self, edit: GridCell) -> None:
        row = edit.line.row
        block = self._blocks.get(row.se_id) if row is not None else None
        if block is not None and block.lines and block.lines[0] is edit.line:
            self.ensureWidgetVisible(block.title, 0, 4)  # the first row: its title too
        self.ensureWidgetVisible(edit, 8, 8)
        if row is not None and row.se_id != self.current_se_id:
            self.current_se_id = row.se_id
            self.exercise_entered.emit(row.se_id)
