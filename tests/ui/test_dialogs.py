"""The landmarks editor and the exercise dialog refuse bad values, saying which; undo works."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.landmarks import load_landmarks
from models.library import get_exercise, list_exercises
from models.rules.domain import DEFAULT_LANDMARKS
from models.storage.schema import Exercise
from ui.commands import CreateExerciseCommand, SetLandmarksCommand
from ui.library.exercise_dialog import ExerciseDialog
from ui.settings.landmarks_dialog import LandmarksEditor


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_landmarks_editor_refuses_values_out_of_order(db, qtbot):
    editor = LandmarksEditor(load_landmarks())
    qtbot.addWidget(editor)
    assert editor.objectName() == "landmarksEditor"
    assert editor.message.text() == "" and ok_button(editor).isEnabled()
    mev = editor.spin("back", "mev")
    mev.selectAll()
    qtbot.keyClicks(mev, "15")
    assert mev.value() == 15
    assert "Back: MEV (15) must not be above MAV low (14)" in editor.message.text()
    assert not ok_button(editor).isEnabled()
    editor.accept()  # refused even when forced
    assert editor.result() != LandmarksEditor.DialogCode.Accepted
    assert load_landmarks()["back"].mev == 10
    editor.spin("back", "mav_low").setValue(16)
    assert editor.message.text() == "" and ok_button(editor).isEnabled()


def test_landmarks_editor_names_every_broken_group(db, qtbot):
    editor = LandmarksEditor(load_landmarks())
    qtbot.addWidget(editor)
    editor.spin("calves", "mrv").setValue(10)
    editor.spin("side_delts", "mv").setValue(9)
    text = editor.message.text()
    assert "Calves: MAV high (16) must not be above MRV (10)" in text
    assert "Side delts: MV (9) must not be above MEV (8)" in text


def test_reset_buttons_put_defaults_back(db, qtbot):
    editor = LandmarksEditor(load_landmarks())
    qtbot.addWidget(editor)
    editor.spin("chest", "mrv").setValue(30)
    qtbot.mouseClick(editor.findChild(type(editor.buttons.buttons()[0]), "reset_chest"),
                     Qt.MouseButton.LeftButton)
    assert editor.values()["chest"] == DEFAULT_LANDMARKS["chest"]
    editor.spin("back", "mrv").setValue(30)
    editor.reset_all()
    assert editor.values() == DEFAULT_LANDMARKS


def test_landmark_edits_are_undoable(store, qtbot):
    before = load_landmarks()
    after = {"back": before["back"].__class__(6, 9, 12, 20, 24, 2, 4)}
    with qtbot.waitSignal(store.landmarks_changed):
        store.push(SetLandmarksCommand(store, before, after))
    assert load_landmarks()["back"].mrv == 24
    store.undo_stack.undo()
    assert load_landmarks() == before
    store.undo_stack.redo()
    assert load_landmarks()["back"].mev == 9


def fill_new_exercise(dialog, qtbot, name="Kayak Row"):
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.aliases_edit, "Kayak Row (Cable), Paddle Row")
    dialog.primary_combo.setCurrentIndex(dialog.primary_combo.findData("back"))
    dialog.secondary_list.item(5).setCheckState(Qt.CheckState.Checked)  # biceps
    dialog.equipment_combo.setCurrentIndex(dialog.equipment_combo.findData("cable"))
    dialog.tempo_edit.setText("3-1-1-0")


def test_exercise_dialog_validates_every_field(db, qtbot):
    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    assert "Name: enter a name" in dialog.message.text() and not ok_button(dialog).isEnabled()
    fill_new_exercise(dialog, qtbot)
    assert dialog.message.text() == "" and ok_button(dialog).isEnabled()
    dialog.rep_low_spin.setValue(20)
    dialog.rep_high_spin.setValue(10)
    assert "Rep range" in dialog.message.text()
    dialog.rep_low_spin.setValue(8)
    dialog.tempo_edit.setText("fast")
    assert "Tempo" in dialog.message.text()
    dialog.tempo_edit.setText("3-1-1-0")
    dialog.name_edit.setText("lat pulldown")
    assert "already an exercise" in dialog.message.text()
    dialog.accept()
    assert dialog.result() != ExerciseDialog.DialogCode.Accepted


def test_exercise_dialog_equipment_sets_the_load_step(db, qtbot):
    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    dialog.equipment_combo.setCurrentIndex(dialog.equipment_combo.findData("barbell"))
    assert (dialog.step_kg_spin.value(), dialog.step_lb_spin.value()) == (2.5, 5.0)
    dialog.equipment_combo.setCurrentIndex(dialog.equipment_combo.findData("machine"))
    assert (dialog.step_kg_spin.value(), dialog.step_lb_spin.value()) == (5.0, 10.0)


def test_creating_a_custom_exercise_is_one_undoable_command(store, qtbot):
    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    fill_new_exercise(dialog, qtbot)
    info = dialog.result_info()
    assert info.secondary == ("biceps",) and info.aliases == ("Kayak Row (Cable)", "Paddle Row")
    count = len(list_exercises())
    command = CreateExerciseCommand(store, info)
    with qtbot.waitSignal(store.exercises_changed):
        store.push(command)
    stored = get_exercise(command.exercise_id)
    assert stored.name == "Kayak Row" and Exercise.get_by_id(stored.id).is_custom
    store.undo_stack.undo()
    assert len(list_exercises()) == count
    store.undo_stack.redo()
    assert get_exercise(command.exercise_id) == stored


def test_editing_an_exercise_loads_its_values(db, qtbot):
    row = next(e for e in list_exercises() if e.name == "Barbell Row")
    dialog = ExerciseDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit “Barbell Row”"
    assert dialog.message.text() == ""  # its own name and aliases are not "taken"
    assert dialog.result_info() == row


def test_changing_preferences_does_not_pile_up_connections(store):
    """Each settings change used to connect the landmark cache's reset once more: after three
    changes one landmarks_changed ran it four times."""
    from dataclasses import replace

    from PySide6.QtCore import SIGNAL

    from ui.commands import SetSettingsCommand

    before = store.receivers(SIGNAL("landmarks_changed()"))
    for units in ("lb", "kg", "lb"):
        store.push(SetSettingsCommand(store, store.settings, replace(store.settings, units=units)))
    store.undo_stack.undo()
    assert store.settings.units == "kg"
    assert store.receivers(SIGNAL("landmarks_changed()")) == before


# --- sizes from the text (issue 18.16 and 18.19) -----------------------------------------------

def shown_whole(dialog, qtbot) -> list[str]:
    from tests.ui.clipping import clipped_texts

    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(10)
    return [str(cut) for cut in clipped_texts(dialog)]


def test_preferences_combos_show_their_longest_choice_with_large_text(db, qtbot, larger_font):
    from PySide6.QtWidgets import QComboBox

    from models.settings import Settings
    from ui.settings.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Settings("kg", "mon", "fractional"))
    qtbot.addWidget(dialog)
    for combo in (dialog.units_combo, dialog.week_combo, dialog.rule_combo):
        assert combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContents
    assert shown_whole(dialog, qtbot) == []
    for index in range(dialog.rule_combo.count()):  # whichever is chosen
        dialog.rule_combo.setCurrentIndex(index)
        assert shown_whole(dialog, qtbot) == []


def test_the_landmarks_editor_fits_the_screen_and_scrolls_rather_than_squeeze(db, qtbot,
                                                                             larger_font):
    from ui.sizing import TITLE_BAR

    editor = LandmarksEditor(load_landmarks())
    qtbot.addWidget(editor)
    assert shown_whole(editor, qtbot) == []
    screen = editor.screen().availableGeometry()
    assert editor.height() <= screen.height() - TITLE_BAR
