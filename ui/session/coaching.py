"""In-session coaching: a tempo cue that pulses through each rep, and a plate calculator.

Both draw what models/ decides (domain.parse_tempo, autoregulation.plates_per_side); neither
touches the database. The tempo cue runs on a QTimer; tests drive it with `tick()`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.rules.autoregulation import PlateResult, default_plate_set, plates_per_side
from models.rules.domain import parse_tempo
from ui.locale_text import QT_TRANSLATE_NOOP, number
from ui.sizing import SMALL, relative_font, set_relative_font, text_width
from ui.theme import Tone, set_text_tone, tone

# The four phases of a tempo; shown through tr() (phase_name stays the English key).
PHASE_NAMES = (QT_TRANSLATE_NOOP("TempoCue", "eccentric"), QT_TRANSLATE_NOOP("TempoCue", "pause"),
               QT_TRANSLATE_NOOP("TempoCue", "concentric"), QT_TRANSLATE_NOOP("TempoCue", "pause"))
PHASE_HINTS = (QT_TRANSLATE_NOOP("TempoCue", "Lower under control"),
               QT_TRANSLATE_NOOP("TempoCue", "Hold at the stretch"),
               QT_TRANSLATE_NOOP("TempoCue", "Lift"),
               QT_TRANSLATE_NOOP("TempoCue", "Hold at the top"))
TICK_MS = 1000  # one tick per second: tempo is counted in whole seconds
NO_TEMPO_TEXT = QT_TRANSLATE_NOOP("TempoCue", "No tempo set")


def format_weight(value: float) -> str:
    """25.0 -> '25', 1.25 -> '1.25' (the locale's decimal point: '1,25' in German)."""
    return number(value)


class TempoCue(QWidget):
    """The exercise's tempo (e.g. 3-1-1-0) as four boxes; while a set runs, the box of the
    current phase fills second by second and the reps are counted.

    Signals:
        phase_changed(int) — the running cue entered phase 0–3 (eccentric, pause, concentric,
            pause); phases of 0 seconds are passed over.
        running_changed(bool) — the cue started (True) or stopped (False).
    """

    phase_changed = Signal(int)
    running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tempoCue")
        self._tempo: tuple[int, int, int, int] | None = None
        self._text = ""
        self._phase: int | None = None
        self._second = 0  # seconds into the current phase, from 1
        self.reps = 0  # whole reps finished since start()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addSpacing(self.strip_height() + 4)  # the phase boxes are painted here
        row = QHBoxLayout()
        self.caption = QLabel(objectName="tempoCaption")
        self.toggle_button = QPushButton(self.tr("▶ Tempo"), objectName="tempoToggle")
        self.toggle_button.setToolTip(self.tr("Start or stop the tempo cue for this set"))
        self.toggle_button.clicked.connect(self.toggle)
        row.addWidget(self.caption, 1)
        row.addWidget(self.toggle_button)
        layout.addLayout(row)
        self._show_caption()

    # --- state -------------------------------------------------------------------------------

    def set_tempo(self, text: str) -> bool:
        """Show another tempo (stopping the cue); False when `text` is not a tempo with time."""
        self.stop()
        tempo = parse_tempo(text or "")
        self._tempo = tempo if tempo and any(tempo) else None
        self._text = text.strip() if self._tempo else ""
        self.toggle_button.setEnabled(self._tempo is not None)
        self._show_caption()
        self.update()
        return self._tempo is not None

    @property
    def tempo_text(self) -> str:
        return self._text

    @property
    def is_running(self) -> bool:
        return self._phase is not None

    @property
    def phase(self) -> int | None:
        return self._phase

    @property
    def phase_name(self) -> str:
        return PHASE_NAMES[self._phase] if self._phase is not None else ""

    @property
    def second(self) -> int:
        return self._second

    def start(self) -> None:
        """Begin a set at the first phase with time (usually the eccentric)."""
        if self._tempo is None:
            return
        self.reps = 0
        self._enter(self._next_phase(-1))
        self._timer.start()
        self.toggle_button.setText(self.tr("■ Stop"))
        self.running_changed.emit(True)

    def stop(self) -> None:
        if self._phase is None:
            return
        self._timer.stop()
        self._phase, self._second = None, 0
        self.toggle_button.setText(self.tr("▶ Tempo"))
        self._show_caption()
        self.update()
        self.running_changed.emit(False)

    def toggle(self) -> None:
        if self.is_running:
            self.stop()
        else:
            self.start()

    def tick(self) -> None:
        """One second passed: the next second of the phase, or the next phase (a new rep after
        the last one). The QTimer calls this; tests may too."""
        if self._phase is None:
            return
        if self._second < self._tempo[self._phase]:
            self._second += 1
            self._show_caption()
            self.update()
            return
        following = self._next_phase(self._phase)
        if following <= self._phase:
            self.reps += 1
        self._enter(following)

    def _enter(self, phase: int) -> None:
        self._phase, self._second = phase, 1
        self._show_caption()
        self.update()
        self.phase_changed.emit(phase)

    def _next_phase(self, phase: int) -> int:
        """The next phase with time after `phase`, wrapping to the next rep."""
        for step in range(1, 5):
            candidate = (phase + step) % 4
            if self._tempo[candidate]:
                return candidate
        raise AssertionError("a tempo with no time is never started")

    def _show_caption(self) -> None:
        if self._tempo is None:
            self.caption.setText(self.tr(NO_TEMPO_TEXT))
        elif self._phase is None:
            self.caption.setText(self.tr("Tempo {tempo}").format(tempo=self._text))
        else:
            self.caption.setText(self.tr("{hint} · {second}/{seconds} s · rep {rep}").format(
                hint=self.tr(PHASE_HINTS[self._phase]), second=self._second,
                seconds=self._tempo[self._phase], rep=self.reps + 1))

    # --- drawing -----------------------------------------------------------------------------

    # Each phase box holds its seconds over its name (in a smaller font): four boxes fit a
    # narrow dock at any font size.

    def _name_font(self) -> QFont:
        return relative_font(self.font(), SMALL)

    def strip_height(self) -> int:
        return self.fontMetrics().height() + QFontMetrics(self._name_font()).height() + 8

    def box_width(self) -> int:
        """A phase box as wide as its longest name needs."""
        return text_width(self._name_font(), *map(self.tr, PHASE_NAMES), padding=12)

    def sizeHint(self) -> QSize:
        return QSize(max(4 * self.box_width(), 60 * self.fontMetrics().averageCharWidth()),
                     super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(max(4 * self.box_width(), super().minimumSizeHint().width()),
                     super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = tone(Tone.SUCCESS)  # the phase running
        width = self.width() / 4
        values = self._tempo or (None,) * 4
        for index, seconds in enumerate(values):
            box = self._box(index, width)
            current = index == self._phase
            painter.setPen(QPen(accent if current else muted, 2 if current else 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 5, 5)
            if current and seconds:
                fill = QRectF(box)
                fill.setWidth(box.width() * self._second / seconds)
                colour = QColor(accent)
                colour.setAlpha(90)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(fill, 5, 5)
            painter.setPen(text if current or self._phase is None else muted)
            self._paint_label(painter, box, seconds, index)
        painter.end()


    def _paint_label(self, painter: QPainter, box: QRectF, seconds: int | None,
                     index: int) -> None:
        for text, font, room in self._label(box, seconds, index):
            painter.setFont(font)
            painter.drawText(room, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())

    def _label(self, box: QRectF, seconds: int | None,
               index: int) -> list[tuple[str, QFont, QRectF]]:
        """The phase's seconds, and its name under them: each text, its font, its room."""
        if seconds is None:
            return [("–", self.font(), box)]
        top = QRectF(box.left(), box.top() + 3, box.width(), self.fontMetrics().height())
        below = QRectF(box.left(), top.bottom(), box.width(), box.bottom() - top.bottom() - 2)
        return [(f"{seconds}", self.font(), top),
                (self.tr(PHASE_NAMES[index]), self._name_font(), below)]

    def painted_texts(self) -> list[tuple[str, QFont, QRectF]]:
        """Every text the cue paints, with its font and room (tests measure them)."""
        width = self.width() / 4
        values = self._tempo or (None,) * 4
        return [label for index, seconds in enumerate(values)
                for label in self._label(self._box(index, width), seconds, index)]

    def _box(self, index: int, width: float) -> QRectF:
        return QRectF(index * width + 1, 1, width - 4, self.strip_height())


class PlateBar(QWidget):
    """One side of the bar with its plates drawn to scale (heaviest nearest the collar)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plateBar")
        self.setMinimumHeight(6 * self.fontMetrics().height())
        self._plates: tuple[float, ...] = ()
        self._heaviest = 25.0

    def show_plates(self, plates: tuple[float, ...], heaviest: float) -> None:
        self._plates, self._heaviest = plates, max(heaviest, 1e-6)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        middle = self.height() / 2
        painter.fillRect(QRectF(0, middle - 4, self.width(), 8),
                         palette.color(QPalette.ColorRole.Mid))  # the sleeve
        painter.fillRect(QRectF(8, middle - 14, 10, 28),
                         palette.color(QPalette.ColorRole.PlaceholderText))  # the collar
        x = 22.0
        for plate in self._plates:
            height = (0.35 + 0.65 * plate / self._heaviest) * (self.height() - 8)
            rect = QRectF(x, middle - height / 2, 16, height)
            painter.setPen(QPen(text, 1))
            painter.setBrush(tone(Tone.NEUTRAL))
            painter.drawRoundedRect(rect, 3, 3)
            x += 19
        painter.end()


class PlateCalculator(QDialog):
    """Plates per side for a barbell load, from the user's plate set (editable, with the pairs
    of each plate the gym has) in kg or lb; says the closest lighter load when the plates
    cannot make it exactly.

    Signals: those of QDialog. plate_set() is the set as edited, for the owner to keep.
    """

    COL_WEIGHT, COL_PAIRS = range(2)

    def __init__(self, unit: str = "kg", load: float | None = None, bar: float | None = None,
                 plates: Mapping[float, int] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plateCalculator")
        self.setWindowTitle(self.tr("Plate calculator"))
        self.setMinimumWidth(54 * self.fontMetrics().averageCharWidth())
        self.unit = unit
        default_bar, default_set = default_plate_set(unit)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form(load, default_bar if bar is None else bar))
        layout.addWidget(QLabel(self.tr("<b>Your plates</b> (pairs available)")))
        layout.addWidget(self._build_table())
        layout.addLayout(self._build_table_buttons())
        self.result_label = QLabel(objectName="plateResult", wordWrap=True)
        set_relative_font(self.result_label, 1.45, QFont.Weight.DemiBold)
        self.closest_label = QLabel(objectName="plateClosest", wordWrap=True)
        set_text_tone(self.closest_label, Tone.ERROR)
        self.bar_view = PlateBar()
        layout.addWidget(self.result_label)
        layout.addWidget(self.closest_label)
        layout.addWidget(self.bar_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.set_plates(default_set if plates is None else plates)
        self.recompute()

    def _build_form(self, load: float | None, bar: float) -> QFormLayout:
        form = QFormLayout()
        self.load_spin = QDoubleSpinBox(objectName="plateLoad", decimals=2, maximum=2000,
                                        suffix=f" {self.unit}")
        self.load_spin.setSingleStep(2.5 if self.unit == "kg" else 5)
        self.load_spin.setValue(load or bar)
        self.bar_spin = QDoubleSpinBox(objectName="plateBarWeight", decimals=2, maximum=100,
                                       suffix=f" {self.unit}")
        self.bar_spin.setValue(bar)
        for spin in (self.load_spin, self.bar_spin):
            spin.valueChanged.connect(self.recompute)
        form.addRow(self.tr("&Load"), self.load_spin)
        form.addRow(self.tr("&Bar"), self.bar_spin)
        return form

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, 2, objectName="plateTable", tabKeyNavigation=False,
                                  accessibleName=self.tr("Plates you have"))
        self.table.setHorizontalHeaderLabels([self.tr("Plate ({unit})").format(unit=self.unit),
                                              self.tr("Pairs")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Room for a commercial gym's seven plates without scrolling.
        self.table.setMinimumHeight(8 * self.table.verticalHeader().defaultSectionSize())
        return self.table

    def _build_table_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = ((self.tr("Add plate"), "addPlate", lambda: self._add_row(0.0, 1)),
                 (self.tr("Remove"), "removePlate", self._remove_current),
                 (self.tr("Defaults"), "defaultPlates", self._reset))
        for text, name, slot in specs:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- the plate set -----------------------------------------------------------------------

    def set_plates(self, plates: Mapping[float, int]) -> None:
        self.table.setRowCount(0)
        for weight, pairs in sorted(plates.items(), reverse=True):
            self._add_row(weight, pairs)
        self.recompute()

    def plate_set(self) -> tuple[float, dict[float, int]]:
        """(bar, {plate: pairs}) as shown; plates of no weight are left out."""
        plates: dict[float, int] = {}
        for row in range(self.table.rowCount()):
            weight = self.table.cellWidget(row, self.COL_WEIGHT).value()
            if weight > 0:
                plates[weight] = plates.get(weight, 0) + self.table.cellWidget(
                    row, self.COL_PAIRS).value()
        return self.bar_spin.value(), plates

    def _add_row(self, weight: float, pairs: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        weight_spin = QDoubleSpinBox(decimals=2, maximum=100, value=weight)
        pairs_spin = QSpinBox(maximum=50, value=pairs)
        for spin in (weight_spin, pairs_spin):
            spin.setFrame(False)
            spin.valueChanged.connect(self.recompute)
        self.table.setCellWidget(row, self.COL_WEIGHT, weight_spin)
        self.table.setCellWidget(row, self.COL_PAIRS, pairs_spin)
        self.recompute()

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.recompute()

    def _reset(self) -> None:
        bar, plates = default_plate_set(self.unit)
        self.bar_spin.setValue(bar)
        self.set_plates(plates)

    # --- the answer --------------------------------------------------------------------------

    def plate_result(self) -> PlateResult:
        bar, plates = self.plate_set()
        return plates_per_side(self.load_spin.value(), bar, plates, self.unit)

    def recompute(self) -> None:
        if not hasattr(self, "result_label"):
            return  # still being built
        result = self.plate_result()
        unit = self.unit
        if result.remainder < 0:
            self.result_label.setText(self.tr("Below the bar ({load} {unit})").format(
                load=format_weight(result.achieved_load), unit=unit))
        elif not result.per_side:
            self.result_label.setText(self.tr("Empty bar"))
        else:
            plates = " + ".join(format_weight(p) for p in result.per_side)
            self.result_label.setText(self.tr("Per side: {plates}").format(plates=plates))
        self.closest_label.setVisible(not result.exact and result.remainder > 0)
        self.closest_label.setText(
            self.tr("closest: {load} {unit} — {short} {unit} short of {wanted} {unit} with "
                    "these plates").format(load=format_weight(result.achieved_load),
                                           short=format_weight(result.remainder),
                                           wanted=format_weight(self.load_spin.value()),
                                           unit=unit))

        _, plates = self.plate_set()
        self.bar_view.show_plates(result.per_side, max(plates, default=1.0))
