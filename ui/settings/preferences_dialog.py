"""Edit ▸ Preferences…: units, first day of the week, secondary-set counting rule, and the
import folder (this computer's: kept with the window settings, not in the database)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from models.settings import Settings
from ui.locale_text import QT_TRANSLATE_NOOP

# (text, value); the texts are translated where the combo boxes are filled.
UNIT_CHOICES = ((QT_TRANSLATE_NOOP("PreferencesDialog", "Kilograms (kg)"), "kg"),
                (QT_TRANSLATE_NOOP("PreferencesDialog", "Pounds (lb)"), "lb"))
WEEK_CHOICES = ((QT_TRANSLATE_NOOP("PreferencesDialog", "Monday (ISO)"), "mon"),
                (QT_TRANSLATE_NOOP("PreferencesDialog", "Sunday"), "sun"))
RULE_CHOICES = ((QT_TRANSLATE_NOOP("PreferencesDialog",
                                   "Fractional — a secondary muscle counts ½ set"), "fractional"),
                (QT_TRANSLATE_NOOP("PreferencesDialog",
                                   "Direct only — only the primary muscle counts"), "direct"))


FOLDER_CHARACTERS = 42  # "/home/someone/Sync/Phone/Strong exports" and a little more


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 import_folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.units_combo = self._combo("unitsCombo", UNIT_CHOICES, settings.units)
        self.week_combo = self._combo("weekStartCombo", WEEK_CHOICES, settings.week_start)
        self.rule_combo = self._combo("ruleCombo", RULE_CHOICES, settings.secondary_rule)
        form.addRow(self.tr("&Units"), self.units_combo)
        form.addRow(self.tr("&Week starts on"), self.week_combo)
        form.addRow(self.tr("&Counting rule"), self.rule_combo)
        note = QLabel(self.tr("Loads are stored in kilograms; the unit only changes what you see "
                              "and type. Fractional counting follows Pelland et al. 2024; direct "
                              "counting is how Renaissance Periodization's landmark tables are "
                              "meant to be read."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Import &folder"), self._build_folder_row(import_folder))
        self.folder_label = form.labelForField(self.folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _build_folder_row(self, folder: Path | None) -> QWidget:
        """Where a phone syncs its Strong, Hevy or FitNotes exports: read at start and on
        every change."""
        self.folder_row = QWidget(objectName="importFolderRow")
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.folder_edit = QLineEdit(str(folder or ""), objectName="importFolderEdit",
                                     placeholderText=self.tr("None — exports are imported by "
                                                             "hand"))
        self.folder_edit.setAccessibleName(self.tr("Import folder"))
        self.folder_edit.setReadOnly(True)  # chosen, not typed: never a half-typed path
        # Room for a usual path whole (read-only, it cannot be scrolled by typing).
        self.folder_edit.setMinimumWidth(FOLDER_CHARACTERS
                                         * self.folder_edit.fontMetrics().averageCharWidth())
        self.folder_edit.setToolTip(self.tr("Strong, Hevy or FitNotes exports that appear in "
                                            "this folder (one your phone syncs into) are "
                                            "imported at start and while Overload runs; each "
                                            "version of a file once."))
        choose = QPushButton(self.tr("Choose…"), objectName="chooseImportFolder")
        choose.clicked.connect(self._choose_folder)
        clear = QPushButton(self.tr("Clear"), objectName="clearImportFolder")
        clear.clicked.connect(self.folder_edit.clear)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        return self.folder_row

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import folder"),
                                                  self.folder_edit.text() or str(Path.home()))
        if chosen:
            self.folder_edit.setText(chosen)

    def import_folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _combo(self, name: str, choices, current: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        # As wide as its longest choice, whatever the font: the form never cuts one.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for text, value in choices:
            combo.addItem(self.tr(text), value)

        combo.setCurrentIndex(combo.findData(current))
        return combo

    def result_settings(self) -> Settings:
        return Settings(units=self.units_combo.currentData(),
                        week_start=self.week_combo.currentData(),
                        secondary_rule=self.rule_combo.currentData())
