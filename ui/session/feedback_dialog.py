"""After a session: how each muscle trained recovered (DOMAIN §5), and a swap for joint pain.

The dialogs only collect answers; FeedbackFlow stores them through undoable commands.

Keyboard: Tab walks the ratings row by row; in a rating, typing its digit (0–3) picks it and
arrows step through; Space ticks joint pain; Return saves, Escape skips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import adaptation as fs
from models.library import planning_library
from models.rules.autoregulation import Feedback, swap_candidates
from models.rules.domain import ExerciseInfo
from models.sessions import SessionError, session_detail
from ui.domain_text import (
    PERFORMANCE_NAMES,
    PUMP_NAMES,
    SORENESS_NAMES,
    equipment_name,
    feedback_name,
    group_name,
    pattern_name,
)
from ui.locale_text import QT_TRANSLATE_NOOP
from ui.session.autoregulation_commands import SaveFeedbackCommand, SwapExerciseCommand
from ui.sizing import fit_to_screen

NOT_RATED = QT_TRANSLATE_NOOP("FeedbackDialog", "— not rated")
RATINGS = {  # field -> (column title, labels, tooltip), translated where they are shown
    "soreness": (QT_TRANSLATE_NOOP("FeedbackDialog", "Soreness before"), SORENESS_NAMES,
                 QT_TRANSLATE_NOOP("FeedbackDialog",
                                   "How sore the muscle was before this session, from the last "
                                   "time you trained it: 0 never sore or healed early … 3 still "
                                   "sore")),
    "pump": (QT_TRANSLATE_NOOP("FeedbackDialog", "Pump"), PUMP_NAMES,
             QT_TRANSLATE_NOOP("FeedbackDialog",
                               "The pump during this session: 0 none … 3 huge")),
    "performance": (QT_TRANSLATE_NOOP("FeedbackDialog", "Performance"), PERFORMANCE_NAMES,
                    QT_TRANSLATE_NOOP("FeedbackDialog", "Reps and load against last time: 0 "
                                                        "beat it … 3 could not match it")),
}
_HINT_STYLE = "color: palette(placeholder-text);"


class FeedbackDialog(QDialog):
    """Ratings per muscle group trained: soreness, pump, performance (0–3, or not rated) and
    joint pain. Save accepts, Skip rejects; result_feedback() is what to store.

    Signals: those of QDialog (accepted, rejected, finished).
    """

    def __init__(self, groups: Sequence[str], existing: Iterable[Feedback] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackDialog")
        self.setWindowTitle(self.tr("How did it go?"))
        self.groups = tuple(groups)
        self.combos: dict[tuple[str, str], QComboBox] = {}
        self.pain_boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Rate each muscle you trained; next week's sets follow from it. "
                               "Rows left unrated are not stored."), wordWrap=True)
        intro.setStyleSheet(_HINT_STYLE)
        layout.addWidget(intro)
        layout.addLayout(self._build_grid())
        layout.addWidget(self._build_buttons())
        self.set_feedback(existing or ())
        fit_to_screen(self)
        if self.combos:
            self.combos[self.groups[0], "soreness"].setFocus()

    def _build_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        titles = [self.tr("Muscle"), *(self.tr(title) for title, _, _ in RATINGS.values()),
                  self.tr("Joint pain")]
        for column, title in enumerate(titles):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, group in enumerate(self.groups, start=1):
            label = QLabel(group_name(group))
            grid.addWidget(label, row, 0)
            for column, (field, (_, labels, tip)) in enumerate(RATINGS.items(), start=1):
                combo = self._rating_combo(labels, tip)
                combo.setObjectName(f"{field}_{group}")
                grid.addWidget(combo, row, column)
                self.combos[group, field] = combo
                if column == 1:
                    label.setBuddy(combo)
            pain = QCheckBox(self.tr("hurt"), objectName=f"jointPain_{group}")
            pain.setToolTip(self.tr("A joint hurt during an exercise for this muscle: you will "
                                    "be offered an exercise of the same pattern instead"))
            grid.addWidget(pain, row, len(titles) - 1)
            self.pain_boxes[group] = pain
        grid.setColumnStretch(len(titles), 1)
        return grid

    def _rating_combo(self, labels: dict[int, str], tip: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr(NOT_RATED), None)
        for value in labels:
            # The digit first: typing it in the combo picks the rating.
            combo.addItem(f"{value} · {feedback_name(labels, value)}", value)
        combo.setToolTip(self.tr(tip))
        return combo

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveFeedback")
        self.save_button.setDefault(True)
        self.skip_button = box.addButton(self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("skipFeedback")
        self.skip_button.setToolTip(self.tr("Store nothing; rate it later with Feedback… in the "
                                            "session"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box

    def set_feedback(self, feedbacks: Iterable[Feedback]) -> None:
        """Show stored ratings (groups not trained any more are ignored)."""
        for feedback in feedbacks:
            if feedback.group not in self.pain_boxes:
                continue
            for field in RATINGS:
                combo = self.combos[feedback.group, field]
                combo.setCurrentIndex(max(0, combo.findData(getattr(feedback, field))))
            self.pain_boxes[feedback.group].setChecked(feedback.joint_pain)

    def result_feedback(self) -> tuple[Feedback, ...]:
        """One Feedback per group with any rating or joint pain, in the groups' order."""
        result = []
        for group in self.groups:
            values = {field: self.combos[group, field].currentData() for field in RATINGS}
            pain = self.pain_boxes[group].isChecked()
            if pain or any(value is not None for value in values.values()):
                result.append(Feedback(group, joint_pain=pain, **values))
        return tuple(result)


class SwapProposalDialog(QDialog):
    """Joint pain on an exercise: pick one of the same pattern and group to do instead in the
    upcoming sessions. Swap accepts (chosen() is the pick), Keep rejects.

    Signals: those of QDialog (accepted, rejected, finished).
    """

    def __init__(self, exercise: ExerciseInfo, candidates: Sequence[ExerciseInfo], uses: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("swapDialog")
        self.setWindowTitle(self.tr("Swap for joint pain"))
        self.setMinimumWidth(62 * self.fontMetrics().averageCharWidth())
        self.exercise = exercise
        layout = QVBoxLayout(self)
        if uses == 1:
            text = self.tr("Joint pain on {group}: do something else instead of <b>{exercise}</b> "
                           "in the next planned session? Same movement pattern ({pattern}), same "
                           "muscle; targets stay.")
        else:
            text = self.tr("Joint pain on {group}: do something else instead of <b>{exercise}</b> "
                           "in the next {uses} planned sessions? Same movement pattern "
                           "({pattern}), same muscle; targets stay.")
        self.message = QLabel(
            text.format(group=group_name(exercise.primary or "").lower(), exercise=exercise.name,
                        uses=uses, pattern=pattern_name(exercise.pattern).lower()),
            wordWrap=True, objectName="swapMessage")
        layout.addWidget(self.message)
        self.list = QListWidget(objectName="swapCandidates")
        for candidate in candidates:
            equipment = equipment_name(candidate.equipment).lower() if candidate.equipment else ""
            item = QListWidgetItem(f"{candidate.name} · {equipment}")
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list)
        box = QDialogButtonBox()
        self.swap_button = box.addButton(self.tr("Swap"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.swap_button.setObjectName("acceptSwap")
        self.swap_button.setDefault(True)
        self.keep_button = box.addButton(self.tr("Keep"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepExercise")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.list.setFocus()

    def chosen(self) -> ExerciseInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class FeedbackFlow(QObject):
    """What happens after a session: the feedback dialog, stored as one undoable command, then
    for each exercise of a muscle whose joint hurt, a swap proposal for its upcoming sessions.

    Dialogs open window-modal without blocking (QDialog.open), one after the other; `dialog`
    and `swap_dialog` are the ones showing.

    Signals:
        message(str) — something to tell the user (e.g. why no swap was proposed).
        error(str) — a change models/ refused.
    """

    message = Signal(str)
    error = Signal(str)

    def __init__(self, store, parent: QWidget):
        super().__init__(parent)
        self._store = store
        self._parent = parent
        self.dialog: FeedbackDialog | None = None
        self.swap_dialog: SwapProposalDialog | None = None
        self._proposals: list[tuple[ExerciseInfo, list[ExerciseInfo], list[int]]] = []

    def ask(self, session_id: int) -> FeedbackDialog | None:
        """Open the feedback dialog for a session, showing what was stored; None when the
        session trains no muscle group."""
        groups = fs.trained_groups(session_id)
        if not groups:
            return None
        self._close_open_dialogs()
        self.dialog = FeedbackDialog(groups, fs.load_feedback(session_id), self._parent)
        dialog = self.dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._answered(dialog, session_id, result))
        dialog.open()
        return dialog

    def _answered(self, dialog: FeedbackDialog, session_id: int, result: int) -> None:
        self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self._save(session_id, dialog.result_feedback())

    def _close_open_dialogs(self) -> None:
        self._proposals.clear()
        for dialog in (self.dialog, self.swap_dialog):
            if dialog is not None:
                dialog.reject()

    def _save(self, session_id: int, feedbacks: tuple[Feedback, ...]) -> None:
        try:
            self._store.push(SaveFeedbackCommand(self._store, session_id, feedbacks),
                             raise_refusal=True)
        except SessionError as exc:
            self.error.emit(str(exc))
            return
        hurt = [f.group for f in feedbacks if f.joint_pain]
        if hurt:
            self.propose_swaps(session_id, hurt)

    def propose_swaps(self, session_id: int, groups: Sequence[str]) -> None:
        """Queue a swap proposal for each exercise of `groups` in the session that has an
        alternative and upcoming sessions to change, and show the first."""
        detail = session_detail(session_id)
        library = planning_library()
        in_session = {e.exercise.id for e in detail.exercises}
        not_offered = []
        for entry in detail.exercises:
            exercise = entry.exercise
            if exercise.primary not in groups:
                continue
            uses = fs.upcoming_uses(session_id, exercise.id)
            candidates = swap_candidates(exercise, library, exclude=in_session)
            if uses and candidates:
                self._proposals.append((exercise, candidates, uses))
            else:
                not_offered.append(exercise.name)
        if not_offered:
            self.message.emit(self.tr("Joint pain noted. No swap offered for {exercises}: no "
                                      "upcoming planned session uses it, or the library has no "
                                      "other exercise of its pattern.").format(
                exercises=", ".join(not_offered)))
        self._next_proposal()

    def _next_proposal(self) -> None:
        self.swap_dialog = None
        if not self._proposals:
            return
        exercise, candidates, uses = self._proposals.pop(0)
        dialog = SwapProposalDialog(exercise, candidates, len(uses), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._swap_answered(dialog, uses, result))
        self.swap_dialog = dialog
        dialog.open()

    def _swap_answered(self, dialog: SwapProposalDialog, uses: list[int], result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self._swap(dialog, uses)
        self._next_proposal()

    def _swap(self, dialog: SwapProposalDialog, uses: list[int]) -> None:
        chosen = dialog.chosen()
        if chosen is None:
            return
        text = self.tr("Swap {exercise} for {other}").format(exercise=dialog.exercise.name,
                                                            other=chosen.name)
        try:
            self._store.push(SwapExerciseCommand(self._store, uses, chosen.id, text),
                             raise_refusal=True)
        except SessionError as exc:
            self.error.emit(str(exc))
            return
        if len(uses) == 1:
            done = self.tr("{change} in 1 upcoming session (Ctrl+Z undoes).")
        else:
            done = self.tr("{change} in {count} upcoming sessions (Ctrl+Z undoes).")
        self.message.emit(done.format(change=text, count=len(uses)))

