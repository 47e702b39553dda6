"""Create or edit an exercise: every field validated by models/ before anything is stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.library import exercise_problems
from models.rules.domain import (
    EQUIPMENT,
    EQUIPMENT_LOAD_STEPS,
    MUSCLE_GROUPS,
    PATTERNS,
    ExerciseInfo,
)
from models.rules.limits import LOAD_STEP_KG, LOAD_STEP_LB, MAX_NAME_LENGTH, REP_RANGE, REST_SECONDS
from ui.domain_text import equipment_name, group_name, pattern_name
from ui.theme import Tone, set_text_tone


class ExerciseDialog(QDialog):
    """Fields of one exercise. `result_info()` gives the edited ExerciseInfo after accept."""

    def __init__(self, info: ExerciseInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exerciseDialog")
        self._original = info
        self.setWindowTitle(self.tr("Edit “{name}”").format(name=info.name) if info and info.id
                            else self.tr("New exercise"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        self.message = QLabel(objectName="exerciseMessage")
        self.message.setWordWrap(True)
        set_text_tone(self.message, Tone.ERROR)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load(info or ExerciseInfo(name="", primary="back", pattern="horizontal_pull",
                                        equipment="dumbbell", rep_low=8, rep_high=12))
        self._connect_validation()
        self._validate()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.name_edit = QLineEdit(objectName="nameEdit",
                                   placeholderText=self.tr("e.g. Meadows Row"),
                                   maxLength=MAX_NAME_LENGTH)
        self.aliases_edit = QLineEdit(
            objectName="aliasesEdit", placeholderText=self.tr("other names, separated by commas"))
        self.primary_combo = QComboBox(objectName="primaryCombo")
        for group in MUSCLE_GROUPS:
            self.primary_combo.addItem(group_name(group), group)
        self.primary_combo.addItem(self.tr("Unassigned"), None)
        self.secondary_list = QListWidget(objectName="secondaryList")
        for group in MUSCLE_GROUPS:
            item = QListWidgetItem(group_name(group))
            item.setData(Qt.ItemDataRole.UserRole, group)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.secondary_list.addItem(item)
        # Six of the fourteen rows, the rest scrolls: the dialog fits a laptop's screen.
        self.secondary_list.setMaximumHeight(6 * self.secondary_list.sizeHintForRow(0)
                                             + 2 * self.secondary_list.frameWidth())
        self.pattern_combo = self._combo("patternCombo", PATTERNS, pattern_name)
        self.equipment_combo = self._combo("equipmentCombo", EQUIPMENT, equipment_name)
        self.equipment_combo.currentIndexChanged.connect(self._equipment_changed)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Aliases"), self.aliases_edit)
        form.addRow(self.tr("&Primary group"), self.primary_combo)
        form.addRow(self.tr("&Secondary groups"), self.secondary_list)
        form.addRow(self.tr("Movement &pattern"), self.pattern_combo)
        form.addRow(self.tr("&Equipment"), self.equipment_combo)
        form.addRow(self.tr("&Rep range"), self._build_reps())
        self.tempo_edit = QLineEdit(objectName="tempoEdit", placeholderText="3-1-1-0")
        self.tempo_edit.setToolTip(self.tr("Seconds: lowering – pause – lifting – pause"))
        form.addRow(self.tr("&Tempo"), self.tempo_edit)
        form.addRow(self.tr("&Load step"), self._build_steps())
        self.rest_spin = QSpinBox(objectName="restSpin", suffix=self.tr(" s"), singleStep=15)
        self.rest_spin.setRange(*REST_SECONDS)
        form.addRow(self.tr("Rest &between sets"), self.rest_spin)
        return form

    @staticmethod
    def _combo(name: str, keys: tuple[str, ...], label: Callable[[str], str]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for key in keys:
            combo.addItem(label(key), key)
        return combo

    def _build_reps(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.rep_low_spin = QSpinBox(objectName="repLowSpin")
        self.rep_high_spin = QSpinBox(objectName="repHighSpin")
        for spin in (self.rep_low_spin, self.rep_high_spin):
            spin.setRange(*REP_RANGE)
        row.addWidget(self.rep_low_spin)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.rep_high_spin)
        row.addWidget(QLabel(self.tr("reps")))
        row.addStretch()
        return box

    def _build_steps(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.step_kg_spin = QDoubleSpinBox(objectName="stepKgSpin", suffix=" kg", decimals=2)
        self.step_kg_spin.setRange(*LOAD_STEP_KG)
        self.step_kg_spin.setSingleStep(0.25)
        self.step_lb_spin = QDoubleSpinBox(objectName="stepLbSpin", suffix=" lb", decimals=2)
        self.step_lb_spin.setRange(*LOAD_STEP_LB)
        self.step_lb_spin.setSingleStep(0.5)
        row.addWidget(self.step_kg_spin)
        row.addWidget(QLabel(self.tr("or")))

        row.addWidget(self.step_lb_spin)
        row.addStretch()
        return box

    def _load(self, info: ExerciseInfo) -> None:
        self.name_edit.setText(info.name)
        self.aliases_edit.setText(", ".join(info.aliases))
        self.aliases_edit.setCursorPosition(0)  # the first aliases, not the end of the last
        self.primary_combo.setCurrentIndex(self.primary_combo.findData(info.primary))
        for i in range(self.secondary_list.count()):
            item = self.secondary_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in info.secondary
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.pattern_combo.setCurrentIndex(max(0, self.pattern_combo.findData(info.pattern)))
        with QSignalBlocker(self.equipment_combo):
            self.equipment_combo.setCurrentIndex(
                max(0, self.equipment_combo.findData(info.equipment)))
        self.rep_low_spin.setValue(info.rep_low)
        self.rep_high_spin.setValue(info.rep_high)
        self.tempo_edit.setText(info.tempo)
        self.step_kg_spin.setValue(info.load_step_kg)
        self.step_lb_spin.setValue(info.load_step_lb)
        self.rest_spin.setValue(info.rest_seconds)

    def _connect_validation(self) -> None:
        for signal in (self.name_edit.textChanged, self.aliases_edit.textChanged,
                       self.primary_combo.currentIndexChanged, self.secondary_list.itemChanged,
                       self.rep_low_spin.valueChanged, self.rep_high_spin.valueChanged,
                       self.tempo_edit.textChanged):
            signal.connect(self._validate)

    def _equipment_changed(self) -> None:
        kg, lb = EQUIPMENT_LOAD_STEPS[self.equipment_combo.currentData()]
        self.step_kg_spin.setValue(kg)
        self.step_lb_spin.setValue(lb)

    def result_info(self) -> ExerciseInfo:
        original = self._original
        secondary = tuple(
            self.secondary_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.secondary_list.count())
            if self.secondary_list.item(i).checkState() == Qt.CheckState.Checked)
        return ExerciseInfo(
            id=original.id if original else None, key=original.key if original else None,
            name=self.name_edit.text().strip(),
            aliases=tuple(a.strip() for a in self.aliases_edit.text().split(",") if a.strip()),
            primary=self.primary_combo.currentData(), secondary=secondary,
            pattern=self.pattern_combo.currentData(), equipment=self.equipment_combo.currentData(),
            rep_low=self.rep_low_spin.value(), rep_high=self.rep_high_spin.value(),
            tempo=self.tempo_edit.text().strip(), load_step_kg=self.step_kg_spin.value(),
            load_step_lb=self.step_lb_spin.value(), rest_seconds=self.rest_spin.value(),
        )

    def problems(self) -> list[str]:
        editing = self._original.id if self._original else None
        return exercise_problems(self.result_info(), editing_id=editing)

    def _validate(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
