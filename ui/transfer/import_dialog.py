"""File ▸ Import…: history from Strong, Hevy or FitNotes, previewed before anything is written.

The steps, each on its own page of one dialog:
1. Preview — the format is detected from the header; a file that does not say kg or lb asks
   first. Reading and matching run in a worker; the page then shows workouts, sets, warm-ups,
   dates, unit, how many workouts are already imported, and the exercises that did not match.
2. Exercises — only when some names need the user: unmatched ones, and ones matched only after
   normalising (shown preselected, to confirm). Each gets a choice: a suggested exercise, any
   exercise ("Search all exercises…"), or "Create as new custom exercise" with a primary group.
   Choices of existing exercises are remembered for the next import; new exercises are created
   by apply_import inside the import's transaction, so a cancel leaves no stray exercise behind.
3. Import — apply_import in a worker, with a cancellable progress dialog; then a summary.
The dialog writes nothing itself: models/io/import_writer.py does, in one transaction after a
backup.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.io.csv_parsers import FilePreview, ParsedFile, parse_file, peek
from models.io.import_log import record_import
from models.io.import_writer import (
    ImportCancelledError,
    ImportPreview,
    ImportSummary,
    apply_import,
    plan_import,
)
from models.io.matching import Match
from models.library import list_exercises
from models.rules.domain import MUSCLE_GROUPS
from models.rules.search import matches, search_text
from ui.domain_text import group_name
from ui.locale_text import QT_TRANSLATE_NOOP, day_month_year, translate
from ui.sizing import PanelScroll, fit_to_screen
from ui.theme import Tone, set_text_tone
from ui.transfer.import_command import ImportCommand
from ui.worker import run_in_worker

IMPORT_FILTER = QT_TRANSLATE_NOOP("ImportDialog",
                                  "Strong, Hevy, FitNotes or Overload exports "
                                  "(*.csv *.txt *.json);;All files (*)")
NEW_EXERCISE = "new"
SEARCH = "search"
FORMAT_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}


class ImportDialog(QDialog):
    """The import steps for one file (see the module docstring).

    Signals: preview_ready(object) — the ImportPreview now shown, or None when the file was
    refused; import_finished(object) — the ImportSummary once the import is committed;
    import_stopped(str) — the import was cancelled or failed, nothing was written;
    unit_needed() — the file was read as far as its header, which names no unit: the dialog
    asks for one."""

    preview_ready = Signal(object)
    unit_needed = Signal()
    import_finished = Signal(object)
    import_stopped = Signal(str)

    def __init__(self, store, db_path: Path, path: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import workout history"))
        fit_to_screen(self, 720, 520)
        self._store = store
        self._db_path = Path(db_path)
        self._path: Path | None = None
        self._parsed: ParsedFile | None = None
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.mapping_rows: dict[str, MappingRow] = {}
        self.progress: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._importing = False
        self._generation = 0  # a newer preview request makes older worker results stale
        self._needs_unit = False
        self.pages = QStackedWidget(objectName="importPages")
        self.pages.addWidget(self._build_preview_page())
        self.pages.addWidget(self._build_mapping_page())
        self.pages.addWidget(self._build_summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self._build_buttons())
        self._update_buttons()
        if path is not None:
            self.load_file(Path(path))

    # --- building ---------------------------------------------------------------------------

    def _build_preview_page(self) -> QWidget:
        page = QWidget(objectName="previewPage")
        layout = QVBoxLayout(page)
        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen"), objectName="fileLabel",
                                 wordWrap=True)
        choose = QPushButton(self.tr("Choose file…"), objectName="chooseFileButton")
        choose.clicked.connect(self.choose_file)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        layout.addLayout(file_row)
        layout.addWidget(self._build_unit_box())
        self.status = QLabel(objectName="importStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (("format", self.tr("Format")), ("workouts", self.tr("Workouts")),
                           ("sets", self.tr("Sets")), ("warmups", self.tr("Warm-up sets")),
                           ("dates", self.tr("Dates")), ("unit", self.tr("Unit")),
                           ("existing", self.tr("Already imported")),
                           ("planned", self.tr("Planned sessions")),
                           ("exercises", self.tr("Exercises"))):
            self.values[key] = QLabel(objectName=f"preview_{key}", wordWrap=True)
            form.addRow(label, self.values[key])
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_unit_box(self) -> QGroupBox:
        self.unit_box = QGroupBox(
            self.tr("This file does not say whether its weights are in kilograms or pounds. "
                    "Which unit was the app set to?"), objectName="unitBox")
        row = QHBoxLayout(self.unit_box)
        self.unit_buttons = QButtonGroup(self)
        self.unit_kg = QRadioButton(self.tr("Kilograms (kg)"), objectName="unitKg")
        self.unit_lb = QRadioButton(self.tr("Pounds (lb)"), objectName="unitLb")
        for button in (self.unit_kg, self.unit_lb):
            self.unit_buttons.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.unit_buttons.buttonToggled.connect(self._unit_toggled)
        self.unit_box.hide()
        return self.unit_box

    def _build_mapping_page(self) -> QWidget:
        page = QWidget(objectName="mappingPage")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(
            self.tr("These exercise names are not in your library under the same name. Choose "
                    "the exercise each one is, or create it as a new custom exercise. Your "
                    "choices are remembered for the next import."), wordWrap=True))
        # Up and down only: the dialog is as wide as a row of choices needs.
        scroll = PanelScroll()
        scroll.setWidgetResizable(True)
        self.mapping_area = QWidget(objectName="mappingArea")
        self.mapping_grid = QGridLayout(self.mapping_area)
        self.mapping_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(self.mapping_area)
        layout.addWidget(scroll, 1)
        return page

    def _build_summary_page(self) -> QWidget:
        page = QWidget(objectName="summaryPage")
        layout = QVBoxLayout(page)
        self.summary_label = QLabel(objectName="importSummary", wordWrap=True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        return page

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("< Back"), objectName="backButton")
        self.next_button = QPushButton(self.tr("Next >"), objectName="nextButton")
        self.import_button = QPushButton(self.tr("Import"), objectName="importButton")
        self.close_button = QPushButton(self.tr("Cancel"), objectName="closeButton")
        for button, role in ((self.back_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.next_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.import_button, QDialogButtonBox.ButtonRole.AcceptRole),
                             (self.close_button, QDialogButtonBox.ButtonRole.RejectRole)):
            self.buttons.addButton(button, role)
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.next_button.clicked.connect(lambda: self._show_page(1))
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        return self.buttons

    # --- step 1: the file and its preview ---------------------------------------------------

    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import workout history"), start,
                                                self.tr(IMPORT_FILTER))
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Show `path`: read its header, then all of it, in a worker (a huge file, a pipe or a
        slow disk never freezes the window); ask for the unit if the header has none."""
        self._path, self._parsed, self.preview = path, None, None
        self._generation += 1
        self._needs_unit = False
        self.unit_box.hide()
        self.file_label.setText(str(path))
        self._fill_values(None)
        self._show_page(0)
        self._read_in_worker()

    def _chosen_unit(self) -> str | None:
        if not self._needs_unit:
            return None
        return "kg" if self.unit_kg.isChecked() else "lb" if self.unit_lb.isChecked() else None

    def _unit_toggled(self, _button, checked: bool) -> None:
        if checked and self._path is not None and self._needs_unit:
            self._generation += 1
            self._read_in_worker()

    def _read_in_worker(self) -> None:
        path, unit, generation = self._path, self._chosen_unit(), self._generation
        self._set_status(self.tr("Reading {file}…").format(file=path.name))
        self._update_buttons()

        def read(_report) -> tuple[FilePreview, tuple[ParsedFile, ImportPreview] | None]:
            header = peek(path)
            if header.needs_unit and unit is None:
                return header, None
            parsed = parse_file(path, unit=unit)
            return header, (parsed, plan_import(parsed))

        run_in_worker(self, read,
                      on_done=lambda result: self._read_done(generation, *result),
                      on_error=lambda exc: self._refuse(exc, generation))

    def _read_done(self, generation: int, header: FilePreview,
                   read: tuple[ParsedFile, ImportPreview] | None) -> None:
        if generation != self._generation:
            return  # the user chose another file or unit meanwhile
        self._needs_unit = header.needs_unit
        self.unit_box.setVisible(header.needs_unit)
        if read is not None:
            self._show_preview(generation, *read)
        elif self._chosen_unit() is not None:  # chosen for the file before: read it with that
            self._read_in_worker()
        else:
            self._set_status(self.tr("Choose the unit to see what the file holds."))
            self._update_buttons()
            self.unit_needed.emit()

    def _show_preview(self, generation: int, parsed: ParsedFile,
                      preview: ImportPreview) -> None:
        if generation != self._generation:
            return  # the user chose another file or unit meanwhile
        self._parsed, self.preview = parsed, preview
        self._fill_values(preview)
        self._build_mapping_rows(preview)
        if preview.new_workouts == 0:
            self._set_status(self.tr("Nothing new: all {workouts} workouts of this file are "
                                     "already in Overload.").format(workouts=preview.workouts))
        elif preview.to_confirm:
            self._set_status(self.tr("%n exercise name(s) need your choice on the next page. "
                                     "Nothing has been written yet.", "",
                                     len(preview.to_confirm)))
        else:
            self._set_status(self.tr("Every exercise is in your library. Nothing has been "
                                     "written yet."))
        self._update_buttons()
        self.preview_ready.emit(preview)

    def _refuse(self, error: BaseException, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self._parsed, self.preview = None, None
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self._set_status(self.tr("This file cannot be imported: {reason}").format(reason=reason),
                         error=True)
        self._update_buttons()
        self.preview_ready.emit(None)

    def _fill_values(self, preview: ImportPreview | None) -> None:
        if preview is None:
            for label in self.values.values():
                label.clear()
            return
        unit = preview.unit or self.tr("kg and lb (per row)")
        self.values["format"].setText(f"{FORMAT_NAMES[preview.format]} ({preview.variant})")
        self.values["workouts"].setText(f"{preview.workouts}")
        self.values["sets"].setText(f"{preview.sets}")
        self.values["warmups"].setText(f"{preview.warmup_sets}")
        self.values["dates"].setText(
            f"{day_month_year(preview.first_day)} – {day_month_year(preview.last_day)}")
        self.values["unit"].setText(self.tr("{unit} (stored as kg)").format(unit=unit))
        self.values["existing"].setText(
            self.tr("{existing} of {workouts} workouts (will be skipped)").format(
                existing=preview.already_imported, workouts=preview.workouts)
            if preview.already_imported else self.tr("none"))
        self.values["planned"].setText(planned_text(preview.fills_planned, preview.swaps))
        unmatched = preview.unmatched
        text = self.tr("{matched} of {names} matched").format(
            matched=len(preview.matches) - len(unmatched), names=len(preview.matches))
        if unmatched:
            text += self.tr("; not in the library: {names}").format(names=", ".join(unmatched))
        self.values["exercises"].setText(text)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        set_text_tone(self.status, Tone.ERROR if error else None)

    # --- step 2: exercise names -------------------------------------------------------------

    def _build_mapping_rows(self, preview: ImportPreview) -> None:
        while self.mapping_grid.count():
            widget = self.mapping_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for old in self.mapping_rows.values():
            old.deleteLater()
        self.mapping_rows = {}
        for column, title in enumerate((self.tr("Name in the file"), self.tr("Sets"),
                                        self.tr("Overload exercise"),
                                        self.tr("Primary group (if new)"))):
            self.mapping_grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, name in enumerate(preview.to_confirm, start=1):
            mapping_row = MappingRow(self, row - 1, name, preview.matches[name])
            mapping_row.changed.connect(self._update_buttons)
            self.mapping_grid.addWidget(QLabel(name, wordWrap=True), row, 0)
            self.mapping_grid.addWidget(QLabel(str(preview.sets_per_name[name])), row, 1)
            self.mapping_grid.addWidget(mapping_row.choice, row, 2)
            self.mapping_grid.addWidget(mapping_row.group, row, 3)
            self.mapping_rows[name] = mapping_row

    def mapping_row(self, name: str) -> MappingRow:
        return self.mapping_rows[name]

    def choices(self) -> tuple[dict[str, int], dict[str, str | None]]:
        """(name → existing exercise id, name → primary group of a new exercise)."""
        mapping, new = {}, {}
        for name, row in self.mapping_rows.items():
            kind, value = row.decision() or (None, None)
            if kind == "map":
                mapping[name] = value
            elif kind == "new":
                new[name] = value
        return mapping, new

    # --- step 3: the import -----------------------------------------------------------------

    def start_import(self) -> None:
        if not self._can_import():
            return
        mapping, new = self.choices()
        self._choices = (mapping, new)  # for redoing the import after an undo
        parsed, db_path, cancel = self._parsed, self._db_path, threading.Event()
        self._cancel, self._importing = cancel, True
        self.progress = QProgressDialog(self.tr("Importing workouts…"), self.tr("Cancel"), 0,
                                        max(1, self.preview.new_workouts), self)
        self.progress.setObjectName("importProgress")
        self.progress.setWindowTitle(self.tr("Importing"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(cancel.set)
        self._update_buttons()

        def work(report):
            return apply_import(parsed, db_path, mapping=mapping, new_exercises=new,
                                progress=report, cancel=cancel.is_set)

        run_in_worker(self, work, on_done=self._import_done, on_error=self._import_failed,
                      on_progress=self._import_progress)

    def _import_progress(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(self.tr("Importing workouts… {done} of {total}").format(
            done=done, total=total))
        progress.setMaximum(max(1, total))
        # Last: a modal QProgressDialog's setValue() processes events, so the import may finish
        # (and _end_import run) inside this call.
        progress.setValue(done)

    def _import_done(self, summary: ImportSummary) -> None:
        self._end_import()
        self.summary = summary
        self.summary_label.setText(summary_text(summary))
        self._show_page(2)
        if self._path is not None:
            record_import(self._path, "dialog", summary=summary)
        if summary.workouts:  # Edit ▸ Undo takes it back and gives the plan back
            mapping, new = self._choices
            self._store.push(ImportCommand(self._store, self._db_path, self._parsed, summary,
                                           mapping=mapping, new_exercises=new))
        self.import_finished.emit(summary)

    def _import_failed(self, error: BaseException) -> None:
        self._end_import()
        if isinstance(error, ImportCancelledError):
            message = self.tr("Import cancelled. Nothing was changed.")
        else:
            message = self.tr("Nothing was imported; the database is as it was.\n\n{error}")\
                .format(error=error)
        self.summary_label.setText(message)
        self._show_page(2)
        self.import_stopped.emit(message)

    def _end_import(self) -> None:
        self._importing = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def reject(self) -> None:
        if self._importing:  # closing mid-import means cancelling it; the worker ends soon
            self._cancel.set()
            return
        super().reject()

    # --- buttons ----------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._update_buttons()

    def _can_import(self) -> bool:
        return (self.preview is not None and self.preview.new_workouts > 0
                and not self._importing
                and all(row.decision() is not None for row in self.mapping_rows.values()))

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        needs_mapping = bool(self.mapping_rows) and self.preview is not None
        self.back_button.setVisible(page == 1)
        self.next_button.setVisible(page == 0 and needs_mapping)
        self.next_button.setEnabled(
            not self._importing and self.preview is not None and self.preview.new_workouts > 0)
        self.import_button.setVisible(page == 1 or (page == 0 and not needs_mapping))
        self.import_button.setEnabled(self._can_import())
        self.close_button.setText(self.tr("Close") if page == 2 else self.tr("Cancel"))


class MappingRow(QObject):
    """The choice for one exercise name: `choice` (existing exercise, new, or search) and
    `group` (the primary group of a new exercise), two combos the dialog lays out in its grid.

    Signals: changed() — the decision changed."""

    changed = Signal()

    def __init__(self, dialog: ImportDialog, index: int, name: str, match: Match):
        super().__init__(dialog)
        self.name = name
        self.choice = QComboBox(objectName=f"choice_{index}")
        self.group = QComboBox(objectName=f"group_{index}")
        self.group.addItem(self.tr("Unassigned"), None)
        for key in MUSCLE_GROUPS:
            self.group.addItem(group_name(key), key)
        if not match.matched:
            self.choice.addItem(self.tr("— choose —"), None)
        for exercise_id, exercise_name, score in match.suggestions:
            self.choice.addItem(self.tr("{name}  ({percent}% alike)").format(
                name=exercise_name, percent=round(score * 100)), exercise_id)
        self.choice.insertSeparator(self.choice.count())
        self.choice.addItem(self.tr("Create as new custom exercise"), NEW_EXERCISE)
        self.choice.addItem(self.tr("Search all exercises…"), SEARCH)
        if match.matched:
            self.select_exercise(match.exercise_id, match.exercise_name or "")
        self._last_index = self.choice.currentIndex()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.group.currentIndexChanged.connect(lambda _: self.changed.emit())
        self._update_group()

    def decision(self) -> tuple[str, int | str | None] | None:
        """("map", exercise id), ("new", group key or None), or None when nothing is chosen."""
        data = self.choice.currentData()
        if data == NEW_EXERCISE:
            return "new", self.group.currentData()
        if isinstance(data, int):
            return "map", data
        return None

    def select_exercise(self, exercise_id: int, name: str) -> None:
        """Choose an exercise, adding it to the list when it is not one of the suggestions."""
        index = self.choice.findData(exercise_id)
        if index < 0:
            index = self.choice.count() - 3  # before the separator, "new" and "search"
            self.choice.insertItem(index, name, exercise_id)
        self.choice.setCurrentIndex(index)

    def choose_new(self, group: str | None) -> None:
        self.choice.setCurrentIndex(self.choice.findData(NEW_EXERCISE))
        self.group.setCurrentIndex(self.group.findData(group))

    def _choice_changed(self, index: int) -> None:
        if self.choice.itemData(index) == SEARCH:
            self._search()
            return
        self._last_index = index
        self._update_group()
        self.changed.emit()

    def _search(self) -> None:
        picker = ExercisePicker(self.name, self.choice)
        picker.finished.connect(lambda result: self._searched(picker, result))
        picker.open()

    def _searched(self, picker: ExercisePicker, result: int) -> None:
        chosen = picker.chosen() if result == QDialog.DialogCode.Accepted else None
        if chosen is None:
            self.choice.setCurrentIndex(self._last_index)
        else:
            self.select_exercise(*chosen)
        picker.deleteLater()

    def _update_group(self) -> None:
        self.group.setEnabled(self.choice.currentData() == NEW_EXERCISE)


class ExercisePicker(QDialog):
    """Every exercise of the library, filtered as the user types; `chosen()` after accept."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exercisePicker")
        self.setWindowTitle(self.tr("Which exercise is “{name}”?").format(name=name))
        self.search = QLineEdit(objectName="searchEdit",
                                placeholderText=self.tr("Search by name or alias"))
        self.list = QListWidget(objectName="exerciseList")
        for info in list_exercises():
            item = QListWidgetItem(info.name)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, search_text(info))
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.list, buttons):
            layout.addWidget(widget)
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not matches(text, item.data(Qt.ItemDataRole.UserRole + 1)))

    def chosen(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole), item.text()


def planned_text(fills: int, swaps, *, done: bool = False) -> str:
    """How many workouts land on planned sessions, and the exercises that stand in for
    planned ones (the same muscle and movement)."""
    if not fills:
        return translate("ImportDialog", "none — no planned session on these workouts' days")
    # Counts in free functions are {count}, not %n: pyside6-lupdate drops or mislabels a
    # translate() whose count is not a plain number (its Python parser's limit).
    if done:
        text = translate("ImportDialog", "{count} workout(s) filled the planned session of "
                                         "their day (marked done, targets kept)")
    else:
        text = translate("ImportDialog", "{count} workout(s) will fill the planned session of "
                                         "their day (marked done, targets kept)")
    text = text.format(count=fills)
    if swaps:
        text += translate("ImportDialog", "; swaps: {swaps}").format(swaps="; ".join(swaps))
    return text + "."


def summary_text(summary: ImportSummary) -> str:
    """The end of an import in words."""
    lines = [translate("ImportDialog", "Imported {workouts} workout(s) with {sets} set(s) "
                                       "({warmups} warm-up) from {format} ({variant}).").format(
        workouts=summary.workouts, sets=summary.sets, warmups=summary.warmup_sets,
        format=FORMAT_NAMES[summary.format], variant=summary.variant)]
    if summary.filled_planned:
        lines.append(planned_text(summary.filled_planned, summary.swaps, done=True))
    if summary.skipped_existing:
        lines.append(translate("ImportDialog", "{count} workout(s) were already imported and "
                                               "were left as they were.").format(
            count=summary.skipped_existing))
    if summary.skipped_rows:
        lines.append(translate("ImportDialog", "{count} row(s) of the file are not sets (notes, "
                                               "rest timers, cardio) and were not imported.")
                     .format(count=summary.skipped_rows))

    if summary.new_exercises:
        lines.append(translate("ImportDialog", "New custom exercises: {names}.").format(
            names=", ".join(summary.new_exercises)))
    if summary.mapped:
        lines.append(translate("ImportDialog", "Remembered for next time: {pairs}.").format(
            pairs=", ".join(f"{source} → {name}" for source, name in summary.mapped.items())))
    if summary.backup:
        lines.append(translate("ImportDialog", "The database as it was before the import is "
                                               "saved in {path}").format(path=summary.backup))
    return "\n\n".join(lines)

