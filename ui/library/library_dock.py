"""The exercise library panel (inside the main window's dock): search, filters, and a drag
source of exercise ids."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from ui.sizing import text_width

CELL_PADDING = 8  # each side of a cell's text
FILTER_SPACING = 6


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
        layout.addWidget(self._build_search())
        self.filter_rows = QVBoxLayout()
        layout.addLayout(self.filter_rows)
        self._build_filters()
        layout.addWidget(self._build_views(), 1)
        layout.addLayout(self._build_buttons())
        self.refresh()
        store.exercises_changed.connect(self.refresh)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    def sizeHint(self) -> QSize:
        """A dock's first width comes from here: every name and its muscles whole (the main
        window caps it at a share of its width; the user's own width is kept in the saved
        layout)."""
        return QSize(self.preferred_width(), 600)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest of its rows alone: the filters wrap onto more rows (see
        _arrange_filters) and the table elides its longest names (the tooltip has them)."""
        margins = self.layout().contentsMargins()
        widest = max([self._buttons_row.minimumSize().width(),
                      self.search_edit.minimumSizeHint().width(),
                      *(combo.minimumSizeHint().width() for combo in self.filters)])
        return QSize(widest + margins.left() + margins.right(),
                     super().minimumSizeHint().height())

    def preferred_width(self) -> int:
        """The width that shows every exercise's name, its muscles and the shown columns
        whole."""
        header = self.table.horizontalHeader()
        shown = [column for column in range(self.model.columnCount())
                 if not self.table.isColumnHidden(column)]
        columns = sum(self._widest(column) if column in (COL_NAME, COL_SECONDARY)
                      else header.sectionSize(column) for column in shown)
        margins = self.layout().contentsMargins()
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        return (columns + scroll_bar + 2 * self.table.frameWidth()
                + margins.left() + margins.right())

    def _widest(self, column: int) -> int:
        """The width every row's text in `column` needs (kept until the rows change)."""
        if column not in self._widest_texts:
            metrics = self.table.fontMetrics()
            texts = self.model.column_texts(column)
            self._widest_texts[column] = max(
                max(map(metrics.horizontalAdvance, texts), default=0) + 2 * CELL_PADDING,
                self.table.horizontalHeader().sectionSizeHint(column))
        return self._widest_texts[column]

    def _fit_secondary(self) -> None:
        """The secondary muscles whole where the table has the room besides every name
        (a wide dock); else two of them, the rest elided (the tooltip lists them)."""
        if self.table.isColumnHidden(COL_SECONDARY):
            return
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(self.model.columnCount())
                     if column not in (COL_NAME, COL_SECONDARY)
                     and not self.table.isColumnHidden(column))
        spare = self.table.viewport().width() - self._widest(COL_NAME) - others
        width = max(self._secondary_base, min(self._widest(COL_SECONDARY), spare))
        if width != header.sectionSize(COL_SECONDARY):
            header.resizeSection(COL_SECONDARY, width)

    def _build_search(self) -> QLineEdit:
        self.search_edit = QLineEdit(objectName="librarySearch", clearButtonEnabled=True,
                                     accessibleName=self.tr("Search the exercise library"),
                                     placeholderText=self.tr("Search exercises and aliases…"))
        self.search_edit.textChanged.connect(self.proxy.set_search)
        return self.search_edit

    def _build_filters(self) -> None:
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
        self.filters = [self.group_combo, self.equipment_combo, self.pattern_combo]
        self._filter_arrangement: list[list[int]] = []
        self._arrange_filters(sum(combo.sizeHint().width() for combo in self.filters)
                              + FILTER_SPACING * len(self.filters))

    def _filter_combo(self, name: str, all_text: str,
                      items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name,
                          accessibleName=self.tr("Filter: {what}").format(what=all_text.lower()))
        # Each as wide as its longest choice: a narrow dock puts the filters on more rows
        # rather than cut "All muscle groups".
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(all_text, "")
        for text, key in items:
            combo.addItem(text, key)
        return combo

    def resizeEvent(self, event) -> None:
        margins = self.layout().contentsMargins()
        self._arrange_filters(event.size().width() - margins.left() - margins.right())
        super().resizeEvent(event)
        self._fit_secondary()

    def _arrange_filters(self, width: int) -> None:
        """The filters in as few rows as `width` holds them whole, in order."""
        arrangement: list[list[int]] = [[]]
        used = 0
        for index, combo in enumerate(self.filters):
            needed = combo.sizeHint().width()
            if arrangement[-1] and used + FILTER_SPACING + needed > width:
                arrangement.append([])
                used = 0
            used += needed + (FILTER_SPACING if arrangement[-1] else 0)
            arrangement[-1].append(index)
        if arrangement == self._filter_arrangement:
            return
        self._filter_arrangement = arrangement
        while self.filter_rows.count():
            row = self.filter_rows.takeAt(0)
            while row.layout().count():
                row.layout().takeAt(0)
            row.layout().deleteLater()
        for indices in arrangement:
            row = QHBoxLayout()
            row.setSpacing(FILTER_SPACING)
            for index in indices:
                row.addWidget(self.filters[index], 1)
            self.filter_rows.addLayout(row)

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
        # text on each layout (12,000 data() calls at start for 225 exercises), measured on
        # the translated names. Secondary muscles are often two; a third is elided where the
        # dock is narrow (the tooltip lists them).
        font = self.table.font()
        padding = 2 * CELL_PADDING
        widths = {COL_PRIMARY: text_width(font, group_name("hamstrings"),
                                          group_name("front_delts"), padding=padding),
                  COL_SECONDARY: text_width(
                      font, f"{group_name('triceps')}, {group_name('front_delts')}",
                      padding=padding),
                  COL_PATTERN: text_width(font, pattern_name("horizontal_pull"),
                                          padding=padding),
                  COL_EQUIPMENT: text_width(font, equipment_name("smith_machine"),
                                            padding=padding)}
        for column, width in widths.items():
            widths[column] = max(width, header.sectionSizeHint(column))
        self._secondary_base = widths[COL_SECONDARY]
        self._widest_texts: dict[int, int] = {}
        # The names' column shrinks as the dock narrows, never below its header's text (the
        # table scrolls sideways then).
        header.setMinimumSectionSize(max(header.minimumSectionSize(),
                                         header.sectionSizeHint(COL_NAME)))
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
        row = self._buttons_row = QHBoxLayout()
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
        self._widest_texts.clear()
        self._fit_secondary()
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
