"""The session editor's parts: the exercise list and how a row is drawn, the set table and its
kind editor, and the entry row where a set is typed and logged. SessionEditor
(session_editor.py) puts them together and makes the changes.
"""

from __future__ import annotations

import math
from typing import ClassVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPalette, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.rules.domain import MINUS, SET_KINDS, kg_to_unit, unit_to_kg
from ui.locale_text import QT_TRANSLATE_NOOP, translate
from ui.mime import exercise_ids_from_mime
from ui.session.session_models import (
    COL_NUMBER,
    INFO_STYLE,
    MAX_ASSISTANCE_KG,
    MAX_LOAD_KG,
    MAX_REPS,
    MAX_RIR,
    MAX_SET_SECONDS,
    NO_EXERCISES_TEXT,
    LastTimeTextRole,
    NextTargetTextRole,
    SetsCompleteRole,
    SetsDoneTextRole,
    TargetTextRole,
    kind_label,
    session_exercise_ids_from_mime,
)
from ui.sizing import set_relative_font, text_width
from ui.theme import session_colour


class ExerciseRowDelegate(QStyledItemDelegate):
    """Four lines per exercise: name and sets done, target, last time, next target and e1RM."""

    PADDING = 6

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:  # the background, selection and focus frame, as the style draws them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        muted = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        accent = text_colour if selected else palette.color(QPalette.ColorRole.Link)
        rect = opt.rect.adjusted(self.PADDING * 2, self.PADDING, -self.PADDING * 2,
                                 -self.PADDING)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        sets_text = index.data(SetsDoneTextRole) or ""
        complete = bool(index.data(SetsCompleteRole))
        painter.setFont(opt.font)
        painter.setPen(text_colour if selected or not complete else session_colour("done"))
        sets_width = opt.fontMetrics.horizontalAdvance(sets_text) + self.PADDING
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sets_text)
        lines = [
            (bold, text_colour, index.data(Qt.ItemDataRole.DisplayRole), sets_width),
            (opt.font, text_colour, index.data(TargetTextRole), 0),
            (opt.font, muted, index.data(LastTimeTextRole), 0),
            (opt.font, accent, index.data(NextTargetTextRole), 0),
        ]
        for number, (font, colour, text, reserved) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(colour)
            box = QRect(rect.left(), rect.top() + number * line, rect.width() - reserved, line)
            elided = painter.fontMetrics().elidedText(text or "", Qt.TextElideMode.ElideRight,
                                                      box.width())
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        # No width of its own: rows take the list's width and elide, never scroll sideways.
        return QSize(0, self.row_height(option.fontMetrics))

    @classmethod
    def row_height(cls, metrics: QFontMetrics) -> int:
        return 4 * metrics.lineSpacing() + 2 * cls.PADDING


class SessionExerciseList(QListView):
    """The session's exercises; a drop target for library exercises and for its own rows.

    Drops are decided between rows: the upper half of a row drops before it, the lower half
    after it, as the drop indicator shows.

    Signals:
        exercises_dropped(list, int) — library exercise ids dropped before row int.
        reorder_dropped(list, int) — this list's session exercise ids dragged before row int.
        delete_pressed() — Delete on the list.
    """

    exercises_dropped = Signal(list, int)
    reorder_dropped = Signal(list, int)
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionExerciseList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setItemDelegate(ExerciseRowDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        # On the viewport, not over it: mouse and drag events pass through to the list.
        self.empty_label = QLabel(translate("SessionEditor", NO_EXERCISES_TEXT), self.viewport(),
                                  objectName="sessionExercisesEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(INFO_STYLE)
        set_relative_font(self.empty_label, 1.2)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def row_height(self) -> int:
        """An exercise's row, with the spacing between rows."""
        return ExerciseRowDelegate.row_height(self.fontMetrics()) + 2 * self.spacing()

    def setModel(self, model) -> None:
        super().setModel(model)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_empty_label)
        self._update_empty_label()

    def _update_empty_label(self) -> None:
        model = self.model()
        self.empty_label.setVisible(model is None or model.rowCount() == 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.viewport().rect().adjusted(12, 12, -12, -12))

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at `pos` (viewport coordinates) inserts before."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() >= rect.center().y() else 0)

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        exercise_ids = exercise_ids_from_mime(mime)
        se_ids = session_exercise_ids_from_mime(mime)
        if not exercise_ids and not se_ids:
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        # Reported as a copy: the editor changes the database and the model reloads from it;
        # a move would make the view's own drag remove the source rows as well.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)  # stops painting the drop indicator
        self.viewport().update()
        if exercise_ids:
            self.exercises_dropped.emit(exercise_ids, row)
        else:
            self.reorder_dropped.emit(se_ids, row)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------------------------------------
# The sets of the selected exercise
# ---------------------------------------------------------------------------------------------

class SetKindDelegate(QStyledItemDelegate):
    """A combo box for the kind column of the set table."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for kind in SET_KINDS:
            combo.addItem(kind_label(kind), kind)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


CELL_PADDING = 6  # each side of a cell's text


class SetTableView(QTableView):
    """Signals: delete_pressed() — Delete on the table while no cell is being edited."""

    delete_pressed = Signal()

    def setModel(self, model) -> None:
        super().setModel(model)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column at least as wide as its header's text, "#" as its numbers; the width
        left over shared by the others. Where the dock is too narrow for the headers whole
        (a large font), the table scrolls sideways rather than cut "Reps / time"."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        number = max(header.sectionSizeHint(COL_NUMBER),
                     metrics.horizontalAdvance("88") + 2 * CELL_PADDING)
        others = [column for column in range(header.count()) if column != COL_NUMBER]
        needed = {column: header.sectionSizeHint(column) for column in others}
        spare = max(0, self.viewport().width() - number - sum(needed.values()))
        header.resizeSection(COL_NUMBER, number)
        for position, column in enumerate(others):
            share = spare // len(others) + (1 if position < spare % len(others) else 0)
            header.resizeSection(column, needed[column] + share)

    def keyPressEvent(self, event) -> None:
        if (event.key() == Qt.Key.Key_Delete
                and self.state() != QAbstractItemView.State.EditingState):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------------------------------------
# The entry row: the next set, typed with the keyboard
# ---------------------------------------------------------------------------------------------

class LoadSpinBox(QDoubleSpinBox):
    """A load in the user's unit; a negative one (an assisted exercise's help) reads with a
    true minus, "−20.00 kg", and both − and - can be typed."""

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(abs(value))
        return MINUS + text if value < 0 else text

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(text.replace(MINUS, "-"))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        # Judged as Qt reads it, kept as typed: Qt's "fixed" text would turn − back into -.
        state, _, _ = super().validate(text.replace(MINUS, "-"), pos)
        return state, text, pos


class SetEntry(QWidget):
    """Kind, load (user's unit), reps or time, and RIR of the next set, with Log, Same-as-last
    and the Timed switch.

    Loads are shown in the user's unit and handed out in kg. How the load field reads depends on
    the exercise (set_load_kind): a bodyweight exercise's 0 reads "BW" (stored as no load); a
    loaded exercise's 0 reads "—", a load not typed yet, which load_missing() reports; an
    assisted exercise goes below 0, the help given (−20 kg), and 0 is bodyweight. The lowest
    RIR reads "—" (not recorded). Timed (a plank, a hang) puts a time in seconds where the reps
    were: the set is logged with 0 reps and that time.

    Signals:
        log_requested() — Return/Enter in a field, or the Log set button.
        same_requested() — F2 in the row, or the Same as last button.
    """

    log_requested = Signal()
    same_requested = Signal()

    LOAD_TIPS: ClassVar[dict[str, str]] = {
        "bodyweight": QT_TRANSLATE_NOOP(
            "SetEntry", "Load in your unit: BW (0) for bodyweight, or the load you add"),
        "loaded": QT_TRANSLATE_NOOP(
            "SetEntry", "Load in your unit — this exercise takes one (— until it is typed)"),
        "assisted": QT_TRANSLATE_NOOP(
            "SetEntry", "Assistance is a negative load: −20 kg means the machine or band "
                        "takes 20 kg of your bodyweight; 0 is none (bodyweight)"),
    }

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setEntry")
        self._units = "kg"
        self._load_kind = "bodyweight"
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._build_fields(grid)
        self._build_buttons(grid)
        self._build_keys()
        for column in range(4):
            grid.setColumnStretch(column, 1)

    def _build_fields(self, grid: QGridLayout) -> None:
        self.kind_combo = QComboBox(objectName="entryKind")
        for kind in SET_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(SET_KINDS.index("working"))
        self.load_spin = LoadSpinBox(objectName="entryLoad", decimals=2)
        self.reps_spin = QSpinBox(objectName="entryReps", minimum=0, maximum=MAX_REPS)
        self.seconds_spin = QSpinBox(objectName="entrySeconds", minimum=1,
                                     maximum=MAX_SET_SECONDS, suffix=self.tr(" s"), value=30)
        self.seconds_spin.setToolTip(self.tr("How long the set was held, in seconds"))
        self.seconds_spin.setAccessibleName(self.tr("Time in seconds"))
        self.rir_spin = QDoubleSpinBox(objectName="entryRir", decimals=1, minimum=-1,
                                       maximum=MAX_RIR, singleStep=1)
        self.rir_spin.setSpecialValueText("—")  # the minimum: no RIR recorded
        self.rir_spin.setValue(self.rir_spin.minimum())
        for spin in (self.load_spin, self.reps_spin, self.seconds_spin, self.rir_spin):
            spin.setMinimumWidth(text_width(spin.font(), "888.88", padding=28))
        self.rir_spin.setToolTip(self.tr("Reps in reserve; step below 0 for — (not recorded)"))
        self.reps_label = QLabel(self.tr("Reps"))
        for column, (label, field) in enumerate(((QLabel(self.tr("Kind")), self.kind_combo),
                                                 (QLabel(self.tr("Load")), self.load_spin),
                                                 (self.reps_label, self.reps_spin),
                                                 (QLabel(self.tr("RIR")), self.rir_spin))):
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
            field.installEventFilter(self)
        grid.addWidget(self.seconds_spin, 1, 2)  # in the reps' place while Timed is on
        self.seconds_spin.installEventFilter(self)
        self.seconds_spin.hide()
        self.set_units("kg", 2.5)
        self.set_load_kind("bodyweight")

    def _build_buttons(self, grid: QGridLayout) -> None:
        self.log_button = QPushButton(self.tr("Log set"), objectName="logSetButton")
        self.log_button.setToolTip(self.tr("Log this set (Return)"))
        self.log_button.clicked.connect(self.log_requested)
        self.same_button = QPushButton(self.tr("Same as last (F2)"), objectName="sameAsLastButton")
        self.same_button.setToolTip(self.tr("Log a set the same as the last one of this "
                                            "exercise"))
        self.same_button.clicked.connect(self.same_requested)
        self.timed_button = QPushButton(self.tr("Timed"), objectName="timedToggle",
                                        checkable=True)
        self.timed_button.setToolTip(self.tr("A timed set — a plank, a hang: a time in seconds "
                                             "instead of reps (Alt+M)"))
        self.timed_button.toggled.connect(self._show_timed)
        for button in (self.log_button, self.same_button, self.timed_button):
            button.installEventFilter(self)
        # A row of their own: the dock is narrow, and Return logs from any field anyway.
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.same_button)
        buttons.addStretch(1)
        buttons.addWidget(self.timed_button)
        grid.addLayout(buttons, 2, 0, 1, 4)
        QWidget.setTabOrder(self.kind_combo, self.load_spin)
        QWidget.setTabOrder(self.load_spin, self.reps_spin)
        QWidget.setTabOrder(self.reps_spin, self.seconds_spin)  # one of the two is shown
        QWidget.setTabOrder(self.seconds_spin, self.rir_spin)
        QWidget.setTabOrder(self.rir_spin, self.log_button)
        QWidget.setTabOrder(self.log_button, self.same_button)
        QWidget.setTabOrder(self.same_button, self.timed_button)

    def _build_keys(self) -> None:
        # Scoped to this row, so F2 keeps its usual meaning (edit) elsewhere.
        same = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        same.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        same.activated.connect(self.same_requested)
        # Alt+M, not a mnemonic: Alt+T is the Training menu's, and a shortcut scoped to the row
        # works wherever the platform shows no mnemonics.
        timed = QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_M), self)
        timed.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        timed.activated.connect(self.timed_button.toggle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            if watched is self.same_button:
                self.same_requested.emit()
            elif watched is self.timed_button:
                self.timed_button.toggle()
            else:
                self.log_requested.emit()
            return True
        return super().eventFilter(watched, event)

    # --- what the fields hold -----------------------------------------------------------------

    @property
    def timed(self) -> bool:
        return self.timed_button.isChecked()

    def set_timed(self, timed: bool) -> None:
        self.timed_button.setChecked(timed)

    def _show_timed(self, timed: bool) -> None:
        had_focus = self.reps_spin.hasFocus() or self.seconds_spin.hasFocus()
        self.reps_spin.setVisible(not timed)
        self.seconds_spin.setVisible(timed)
        shown = self.seconds_spin if timed else self.reps_spin
        self.reps_label.setText(self.tr("Time") if timed else self.tr("Reps"))
        self.reps_label.setBuddy(shown)
        if had_focus:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_units(self, units: str, step: float) -> None:
        """The unit loads are typed in and the load step of the exercise in that unit."""
        load_kg = self.load_kg()
        self._units = units
        self.load_spin.setSuffix(f" {units}")
        self.load_spin.setSingleStep(step or 1.0)  # bodyweight exercises: added load by 1
        self._set_load_range()
        self.load_spin.setValue(kg_to_unit(load_kg or 0.0, units))

    def set_load_kind(self, load_kind: str) -> None:
        """"bodyweight", "loaded" or "assisted" (models.rules.domain.load_kind): what 0 reads
        and whether the load goes below it."""
        load_kg = self.load_kg()
        self._load_kind = load_kind
        self.load_spin.setSpecialValueText(
            {"bodyweight": self.tr("BW"), "loaded": "—"}.get(load_kind, ""))
        self.load_spin.setToolTip(self.tr(self.LOAD_TIPS[load_kind]))

        self._set_load_range()
        self.load_spin.setValue(kg_to_unit(load_kg or 0.0, self._units))

    def _set_load_range(self) -> None:
        # Rounded towards 0 so the largest load typed still converts to within the limits.
        def limit(kg: float) -> float:
            return math.floor(kg_to_unit(kg, self._units) * 100) / 100

        self.load_spin.setMaximum(limit(MAX_LOAD_KG))
        self.load_spin.setMinimum(-limit(MAX_ASSISTANCE_KG) if self._load_kind == "assisted"
                                  else 0.0)

    def fill(self, kind: str, load_kg: float | None, reps: int, rir: float | None,
             seconds: int | None = None) -> None:
        """Show a set; a timed one (0 reps and a time) switches Timed on, any other off."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.load_spin.setValue(kg_to_unit(load_kg or 0.0, self._units))
        self.reps_spin.setValue(reps)
        if seconds:
            self.seconds_spin.setValue(seconds)
        self.set_timed(not reps and bool(seconds))
        self.rir_spin.setValue(self.rir_spin.minimum() if rir is None else rir)

    def load_kg(self) -> float | None:
        self.load_spin.interpretText()
        value = self.load_spin.value()
        return unit_to_kg(value, self._units) if value else None

    def load_missing(self) -> bool:
        """A loaded exercise with no load typed ("—"): logging it would be "BW × 5" on a squat."""
        return self._load_kind == "loaded" and self.load_kg() is None

    def values(self) -> dict:
        """The set as LogSetCommand takes it: kind, load_kg (None = bodyweight), reps, rir,
        seconds (a timed set: 0 reps and its time; otherwise None)."""
        for spin in (self.reps_spin, self.seconds_spin, self.rir_spin):
            spin.interpretText()  # text typed but not yet committed by the spin box
        rir = self.rir_spin.value()
        timed = self.timed
        return {"kind": self.kind_combo.currentData(), "load_kg": self.load_kg(),
                "reps": 0 if timed else self.reps_spin.value(),
                "rir": None if rir == self.rir_spin.minimum() else rir,
                "seconds": self.seconds_spin.value() if timed else None}

    def focus_load(self) -> None:
        self.load_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.load_spin.selectAll()  # the next number typed replaces the old one


# ---------------------------------------------------------------------------------------------
# The editor
# ---------------------------------------------------------------------------------------------
