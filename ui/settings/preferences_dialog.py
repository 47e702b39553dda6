"""Edit ▸ Preferences…: units, first day of the week, secondary-set counting rule."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from models.settings import Settings

UNIT_CHOICES = (("Kilograms (kg)", "kg"), ("Pounds (lb)", "lb"))
WEEK_CHOICES = (("Monday (ISO)", "mon"), ("Sunday", "sun"))
RULE_CHOICES = (("Fractional — a secondary muscle counts ½ set", "fractional"),
                ("Direct only — only the primary muscle counts", "direct"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.units_combo = self._combo("unitsCombo", UNIT_CHOICES, settings.units)
        self.week_combo = self._combo("weekStartCombo", WEEK_CHOICES, settings.week_start)
        self.rule_combo = self._combo("ruleCombo", RULE_CHOICES, settings.secondary_rule)
        form.addRow("&Units", self.units_combo)
        form.addRow("&Week starts on", self.week_combo)
        form.addRow("&Counting rule", self.rule_combo)
        note = QLabel("Loads are stored in kilograms; the unit only changes what you see and type. "
                      "Fractional counting follows Pelland et al. 2024; direct counting is how "
                      "Renaissance Periodization's landmark tables are meant to be read.")
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _combo(name: str, choices, current: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(combo.findData(current))
        return combo

    def result_settings(self) -> Settings:
        return Settings(units=self.units_combo.currentData(),
                        week_start=self.week_combo.currentData(),
                        secondary_rule=self.rule_combo.currentData())
