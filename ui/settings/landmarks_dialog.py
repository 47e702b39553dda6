"""Training ▸ Volume landmarks…: edit MV, MEV, MAV, MRV and frequency for the 14 groups."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.landmarks import default_landmarks, landmark_problems
from models.rules.domain import MUSCLE_GROUPS, Landmarks
from models.rules.limits import FREQUENCY, LANDMARK_SETS
from ui.domain_text import group_name
from ui.locale_text import QT_TRANSLATE_NOOP
from ui.sizing import fit_to_screen, scrolling
from ui.theme import Tone, set_text_tone

# Titles and tips are translated where they are shown (self.tr()).
FIELDS = ("mv", "mev", "mav_low", "mav_high", "mrv", "freq_min", "freq_max")
FIELD_TITLES = ("MV", "MEV", QT_TRANSLATE_NOOP("LandmarksEditor", "MAV low"),
                QT_TRANSLATE_NOOP("LandmarksEditor", "MAV high"), "MRV",
                QT_TRANSLATE_NOOP("LandmarksEditor", "Freq. min"),
                QT_TRANSLATE_NOOP("LandmarksEditor", "Freq. max"))
FIELD_TIPS = (
    QT_TRANSLATE_NOOP("LandmarksEditor",
                      "Maintenance volume: sets a week that keep the muscle you have"),
    QT_TRANSLATE_NOOP("LandmarksEditor",
                      "Minimum effective volume: the fewest weekly sets that grow the muscle"),
    QT_TRANSLATE_NOOP("LandmarksEditor",
                      "Maximum adaptive volume, low end: where growth per set is best"),
    QT_TRANSLATE_NOOP("LandmarksEditor", "Maximum adaptive volume, high end"),
    QT_TRANSLATE_NOOP("LandmarksEditor",
                      "Maximum recoverable volume: the most weekly sets you can recover from"),
    QT_TRANSLATE_NOOP("LandmarksEditor", "Fewest sessions a week that should train this group"),
    QT_TRANSLATE_NOOP("LandmarksEditor", "Most sessions a week that should train this group"),
)


class LandmarksEditor(QDialog):
    """Edits every group's landmarks; refuses values that break MV ≤ MEV ≤ MAV ≤ MRV."""

    def __init__(self, landmarks: dict[str, Landmarks], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("landmarksEditor")
        self.setWindowTitle(self.tr("Volume landmarks"))
        self._spins: dict[tuple[str, str], QSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_intro())
        # Fourteen rows: on a small screen with a large font they scroll, never squeezed.
        rows = QWidget(objectName="landmarkRows")
        rows.setLayout(self._build_grid(landmarks))
        layout.addWidget(scrolling(rows, "landmarkScroll"), 1)
        self.message = QLabel(objectName="landmarksMessage")
        self.message.setWordWrap(True)
        set_text_tone(self.message, Tone.ERROR)
        layout.addWidget(self.message)
        layout.addWidget(self._build_buttons())
        self._validate()
        fit_to_screen(self)  # its natural size, where Qt would stop at ⅔ of the screen

    def _build_intro(self) -> QLabel:
        intro = QLabel(self.tr(
            "Weekly hard sets per muscle group. Defaults come from Renaissance Periodization's "
            "tables; adjust them to how you recover. Each row must keep "
            "MV ≤ MEV ≤ MAV low ≤ MAV high ≤ MRV."))
        intro.setWordWrap(True)
        return intro

    def _build_grid(self, landmarks: dict[str, Landmarks]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, (title, tip) in enumerate(zip(FIELD_TITLES, FIELD_TIPS, strict=True), start=1):
            header = QLabel(f"<b>{self.tr(title)}</b>", alignment=Qt.AlignmentFlag.AlignCenter)
            header.setToolTip(self.tr(tip))
            grid.addWidget(header, 0, column)
        for row, group in enumerate(MUSCLE_GROUPS, start=1):
            grid.addWidget(QLabel(group_name(group)), row, 0)
            for column, name in enumerate(FIELDS, start=1):
                grid.addWidget(self._make_spin(group, name, landmarks[group]), row, column)
            reset = QPushButton(self.tr("Default"), objectName=f"reset_{group}")
            reset.setToolTip(self.tr("Put back the default landmarks for {group}").format(
                group=group_name(group).lower()))
            reset.clicked.connect(lambda _=False, g=group: self.reset(g))
            grid.addWidget(reset, row, len(FIELDS) + 1)
        return grid

    def _make_spin(self, group: str, name: str, landmarks: Landmarks) -> QSpinBox:
        spin = QSpinBox(objectName=f"{group}_{name}")
        spin.setRange(*(FREQUENCY if name.startswith("freq") else LANDMARK_SETS))
        spin.setValue(getattr(landmarks, name))
        spin.setAccessibleName(f"{group_name(group)} {self.tr(FIELD_TITLES[FIELDS.index(name)])}")
        spin.valueChanged.connect(self._validate)
        self._spins[group, name] = spin
        return spin

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setText(self.tr("Reset all to defaults"))

        restore.clicked.connect(self.reset_all)
        return self.buttons

    def spin(self, group: str, name: str) -> QSpinBox:
        return self._spins[group, name]

    def set_values(self, group: str, landmarks: Landmarks) -> None:
        for name in FIELDS:
            self._spins[group, name].setValue(getattr(landmarks, name))

    def reset(self, group: str) -> None:
        """Show the group's defaults (saved, undoably, only when the dialog is accepted)."""
        self.set_values(group, default_landmarks([group])[group])

    def reset_all(self) -> None:
        for group, landmarks in default_landmarks().items():
            self.set_values(group, landmarks)

    def values(self) -> dict[str, Landmarks]:
        return {group: Landmarks(*(self._spins[group, name].value() for name in FIELDS))
                for group in MUSCLE_GROUPS}

    def problems(self) -> list[str]:
        return landmark_problems(self.values())

    def _validate(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():  # refused: the message already says which values and why
            return
        super().accept()
