"""The exercise library panel (inside the main window's dock): search, filters, and a drag
source of exercise ids."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.library import exercise_use_count, get_exercise, list_exercises
from models.rules.domain import EQUIPMENT, MUSCLE_GROUPS, PATTERNS
from ui.commands import CreateExerciseCommand, DeleteExerciseCommand, EditExerciseCommand
from ui.domain_text import equipment_name, group_name, pattern_name
from ui.library.exercise_dialog import ExerciseDialog
from ui.library.exercise_model import (
    COL_EQUIPMENT,
    COL_NAME,
    COL_PATTERN,
    COL_PRIMARY,
    COL_SECONDARY,
    ExerciseFilterProxy,
    ExerciseIdRole,
    ExerciseTableModel,
    header_text,
)


class ExerciseLibraryPanel(QWidget):
    """Signals: exercise_activated(int) — an exercise was double-clicked (its id)."""

    exercise_activated = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exerciseLibraryPanel")
        self._store = store
        self.model = ExerciseTableModel(self)
        self.proxy = ExerciseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_views(), 1)
        layout.addLayout(self._build_buttons())
        self.refresh()
        store.exercises_changed.connect(self.refresh)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    def sizeHint(self) -> QSize:
        """A dock's first width comes from here: enough for names and muscles, the calendar
        gets the rest (the user's own width is kept in the saved layout)."""
        return QSize(340, 600)

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.search_edit = QLineEdit(objectName="librarySearch", clearButtonEnabled=True,
                                     accessibleName=self.tr("Search the exercise library"),
                                     placeholderText=self.tr("Search exercises and aliases…"))
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.group_combo = self._filter_combo("groupFilter", self.tr("All muscle groups"),
                                              [(group_name(g), g) for g in MUSCLE_GROUPS])
        self.group_combo.setToolTip(self.tr("Matches the primary or a secondary group"))
        self.group_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_group(self.group_combo.currentData()))
        self.equipment_combo = self._filter_combo("equipmentFilter", self.tr("All equipment"),
                                                  [(equipment_name(e), e) for e in EQUIPMENT])
        self.equipment_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_equipment(self.equipment_combo.currentData()))
        self.pattern_combo = self._filter_combo("patternFilter", self.tr("All patterns"),
                                                [(pattern_name(p), p) for p in PATTERNS])
        self.pattern_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_pattern(self.pattern_combo.currentData()))
        # After the proxy has refiltered: the count and empty state follow every change, also
        # when no rows appear or vanish (e.g. refining a search that already matches nothing).
        for signal in (self.search_edit.textChanged, self.group_combo.currentIndexChanged,
                       self.equipment_combo.currentIndexChanged,
                       self.pattern_combo.currentIndexChanged):
            signal.connect(self._update_count)
        grid.addWidget(self.search_edit, 0, 0, 1, 3)
        grid.addWidget(self.group_combo, 1, 0)
        grid.addWidget(self.equipment_combo, 1, 1)
        grid.addWidget(self.pattern_combo, 1, 2)
        return grid

    def _filter_combo(self, name: str, all_text: str,
                      items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name,
                          accessibleName=self.tr("Filter: {what}").format(what=all_text.lower()))
        # Narrow docks: the combos may shrink below their longest entry (the popup still
        # shows it whole).
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.addItem(all_text, "")
        for text, key in items:
            combo.addItem(text, key)
        return combo

    def _build_views(self) -> QStackedWidget:
        self.table = QTableView(objectName="libraryTable", tabKeyNavigation=False,
                                accessibleName=self.tr("Exercise library"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that asks the model for every row's
        # text on each layout (12,000 data() calls at start for 225 exercises).
        metrics = self.fontMetrics()
        widths = {COL_PRIMARY: metrics.horizontalAdvance(group_name("hamstrings")) + 16,
                  COL_SECONDARY: 120,
                  COL_PATTERN: metrics.horizontalAdvance(pattern_name("horizontal_pull")) + 16,
                  COL_EQUIPMENT: metrics.horizontalAdvance(equipment_name("smith_machine")) + 16}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # A dock is narrow: the name and muscles matter most; pattern and equipment are one
        # right-click on the header away (and always in the filters and the tooltip).
        for column in (COL_PATTERN, COL_EQUIPMENT):
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.no_match = QLabel(objectName="libraryNoMatch",
                               alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.no_match.setStyleSheet("color: palette(placeholder-text); padding: 20px;")
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.no_match)
        return self.views

    def _header_menu(self, position) -> None:
        menu = QMenu(self)
        for column in (COL_SECONDARY, COL_PATTERN, COL_EQUIPMENT):
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(
                lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count_label = QLabel(objectName="libraryCount")
        self.new_button = QPushButton(self.tr("New…"), objectName="newExerciseButton")
        self.new_button.setToolTip(self.tr("Create your own exercise"))
        self.new_button.clicked.connect(self.new_exercise)
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="editExerciseButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"), objectName="deleteExerciseButton")
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.count_label, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        self._update_buttons()
        return row

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(list_exercises())
        if selected is not None:
            self.select_exercise(selected)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("{total} exercises").format(total=total) if shown == total
            else self.tr("{shown} of {total} exercises").format(shown=shown, total=total))
        query = self.search_edit.text().strip()
        self.no_match.setText(
            self.tr("No exercise matches “{query}” with these filters.").format(query=query)
            if query else self.tr("No exercise matches these filters."))
        self.views.setCurrentWidget(self.table if shown else self.no_match)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = self.selected_id() is not None
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ExerciseIdRole) if rows else None

    def select_exercise(self, exercise_id: int) -> None:
        source_row = self.model.row_of(exercise_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        self.exercise_activated.emit(index.data(ExerciseIdRole))

    def new_exercise(self) -> None:
        dialog = ExerciseDialog(parent=self)
        if dialog.exec() == ExerciseDialog.DialogCode.Accepted:
            command = CreateExerciseCommand(self._store, dialog.result_info())
            self._store.push(command)
            self.select_exercise(command.exercise_id)

    def edit_selected(self) -> None:
        exercise_id = self.selected_id()
        if exercise_id is None:
            return
        before = get_exercise(exercise_id)
        dialog = ExerciseDialog(before, parent=self)
        if dialog.exec() == ExerciseDialog.DialogCode.Accepted and dialog.result_info() != before:
            self._store.push(EditExerciseCommand(self._store, before, dialog.result_info()))

    def delete_selected(self) -> None:
        exercise_id = self.selected_id()
        if exercise_id is None:
            return
        info = get_exercise(exercise_id)
        uses = exercise_use_count(exercise_id)
        if uses:
            QMessageBox.information(
                self, self.tr("Exercise in use"),
                self.tr("“{name}” is used in %n session exercise(s), so its history would be "
                        "lost. It cannot be deleted.", "", uses).format(name=info.name))

            return
        self._store.push(DeleteExerciseCommand(self._store, exercise_id))
