"""The exercise library dock: search as you type, filters, drag payload, model checks."""

from PySide6.QtCore import QModelIndex, Qt

from models.library import list_exercises
from models.storage.schema import Exercise
from ui.library.exercise_model import (
    COL_NAME,
    COL_SECONDARY,
    ExerciseFilterProxy,
    ExerciseIdRole,
    ExerciseTableModel,
)
from ui.library.library_dock import ExerciseLibraryPanel
from ui.mime import EXERCISE_MIME, exercise_ids_from_mime, exercise_mime


def shown_names(dock) -> list[str]:
    proxy = dock.proxy
    return [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]


def test_models_pass_the_model_tester(db, qtmodeltester):
    model = ExerciseTableModel()
    model.set_rows(list_exercises())
    qtmodeltester.check(model)
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("row")
    proxy.set_group("back")
    qtmodeltester.check(proxy)


def test_search_as_you_type_matches_names_and_aliases(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    total = dock.model.rowCount()
    assert dock.count_label.text() == f"{total} exercises"
    qtbot.keyClicks(dock.search_edit, "pulldown")
    names = shown_names(dock)
    assert "Lat Pulldown" in names and "Machine Pulldown" in names
    assert all("pulldown" in n.lower() or "pulldown" in
               " ".join(list_aliases(n)).lower() for n in names)
    dock.search_edit.clear()
    qtbot.keyClicks(dock.search_edit, "bent over row (barbell)")  # Strong's name: an alias
    names = shown_names(dock)
    assert "Barbell Row" in names and len(names) <= 3
    assert dock.count_label.text() == f"{len(names)} of {total} exercises"


def list_aliases(name):
    return next(e.aliases for e in list_exercises() if e.name == name)


def test_filters_by_group_equipment_and_pattern(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    dock.group_combo.setCurrentIndex(dock.group_combo.findData("back"))
    dock.pattern_combo.setCurrentIndex(dock.pattern_combo.findData("vertical_pull"))
    names = shown_names(dock)
    assert {"Lat Pulldown", "Dumbbell Pullover", "Machine Pulldown", "Cable Pulldown"} <= set(names)
    assert "Barbell Row" not in names
    dock.pattern_combo.setCurrentIndex(0)
    dock.equipment_combo.setCurrentIndex(dock.equipment_combo.findData("barbell"))
    assert "Barbell Row" in shown_names(dock) and "Cable Row" not in shown_names(dock)
    # A group filter also finds exercises where the group is secondary (rows work biceps).
    dock.group_combo.setCurrentIndex(dock.group_combo.findData("biceps"))
    assert "Barbell Row" in shown_names(dock)


def test_no_match_shows_an_empty_state(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    qtbot.keyClicks(dock.search_edit, "zzzz")
    assert dock.proxy.rowCount() == 0
    assert dock.views.currentWidget() is dock.no_match
    assert "zzzz" in dock.no_match.text()


def test_primary_and_secondary_muscles_are_shown(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    qtbot.keyClicks(dock.search_edit, "barbell row")
    row = next(r for r in range(dock.proxy.rowCount())
               if dock.proxy.index(r, 0).data() == "Barbell Row")
    assert dock.proxy.index(row, 1).data() == "Back"
    assert dock.proxy.index(row, 2).data() == "Biceps, Rear delts"


def test_drag_payload_carries_exercise_ids(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    qtbot.keyClicks(dock.search_edit, "lat pulldown")
    index = dock.proxy.index(0, 0)
    mime = dock.proxy.mimeData([index, dock.proxy.index(0, 1)])
    expected = Exercise.get(Exercise.name == index.data()).id
    assert mime.hasFormat(EXERCISE_MIME)
    assert exercise_ids_from_mime(mime) == [expected]
    assert index.data(ExerciseIdRole) == expected
    assert dock.model.flags(dock.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not dock.model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDragEnabled


def test_mime_round_trip_and_garbage(qapp):
    assert exercise_ids_from_mime(exercise_mime([3, 5])) == [3, 5]
    junk = exercise_mime([])
    junk.setData(EXERCISE_MIME, b"{not json")
    assert exercise_ids_from_mime(junk) == []
    junk.setData(EXERCISE_MIME, b'["a", 2, true]')
    assert exercise_ids_from_mime(junk) == [2]


# --- sizes from the text (issue 18.16) ---------------------------------------------------------

def filter_rows(dock) -> list[list[str]]:
    return [[dock.filters[i].objectName() for i in row] for row in dock._filter_arrangement]


def test_the_filters_wrap_onto_rows_rather_than_cut_all_muscle_groups(store, qtbot):
    """In a 400-px dock the three filters shared one row: "All muscle grou"."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.ui.clipping import clipped_texts

    host = QWidget()  # a dock's place: the panel is not a window
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    dock = ExerciseLibraryPanel(store)
    layout.addWidget(dock)
    qtbot.addWidget(host)
    host.show()
    wide = sum(combo.sizeHint().width() for combo in dock.filters) + 60
    host.resize(wide, 600)
    qtbot.wait(10)
    assert filter_rows(dock) == [["groupFilter", "equipmentFilter", "patternFilter"]]
    for width in (380, dock.minimumSizeHint().width()):
        host.resize(width, 600)
        qtbot.wait(10)
        assert dock.width() == width
        assert len(filter_rows(dock)) > 1
        assert [str(cut) for cut in clipped_texts(host)
                if "Filter" in str(cut)] == [], width
    # The dock may be as narrow as its widest row alone: one filter a row at worst.
    assert dock.minimumSizeHint().width() < sum(combo.minimumSizeHint().width()
                                                for combo in dock.filters)


def test_the_preferred_width_shows_every_name_whole(store, qtbot):
    dock = ExerciseLibraryPanel(store)
    qtbot.addWidget(dock)
    dock.show()
    dock.resize(dock.preferred_width(), 600)
    qtbot.wait(10)
    metrics = dock.table.fontMetrics()
    for column in (COL_NAME, COL_SECONDARY):  # "Back, Glutes, Traps" too
        widest = max(map(metrics.horizontalAdvance, dock.model.column_texts(column)))
        assert dock.table.columnWidth(column) >= widest, column
    assert dock.table.horizontalScrollBar().maximum() == 0  # nothing beyond the right edge
    # In a laptop's narrower dock the names keep the room; the muscles elide a third group.
    dock.resize(380, 600)
    qtbot.wait(10)
    assert dock.table.columnWidth(COL_SECONDARY) < widest
