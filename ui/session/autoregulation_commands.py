"""Undoable autoregulation changes: feedback, next week's targets, an early deload, a swap.

Built like ui.session.session_commands: each redo/undo is one models.adaptation call (one
transaction) and tells the store `sessions_changed`. Store.push() runs each first, so a
FeedbackError (a SessionError) reaches the caller and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models import adaptation as fs
from models.rules.autoregulation import Feedback, GroupAdjustment
from ui.locale_text import translate
from ui.session.session_commands import _SessionCommand


class SaveFeedbackCommand(_SessionCommand):
    """Replace a session's feedback; undo puts the previous feedback (or none) back."""

    def __init__(self, store, session_id: int, feedbacks: Iterable[Feedback]):
        super().__init__(store, translate("AutoregulationCommands", "Save session feedback"))
        self._session_id = session_id
        self._feedbacks = tuple(feedbacks)
        self._old: tuple[Feedback, ...] = ()

    def _apply(self) -> None:
        self._old = fs.save_feedback(self._session_id, self._feedbacks)

    def _revert(self) -> None:
        fs.save_feedback(self._session_id, self._old)


class _TargetsCommand(_SessionCommand):
    """A change of many session exercises' targets, undone from the snapshot it returns."""

    def __init__(self, store, text: str):
        super().__init__(store, text)
        self._snapshot: fs.TargetsSnapshot | None = None

    def _revert(self) -> None:
        kept = fs.restore_targets(self._snapshot)
        if kept:
            if kept == 1:
                text = translate("AutoregulationCommands",
                                 "Undone: {change} — except 1 exercise of sessions logged "
                                 "since, which keep the targets they were trained with.")
            else:
                text = translate("AutoregulationCommands",
                                 "Undone: {change} — except {kept} exercises of sessions "
                                 "logged since, which keep the targets they were trained with.")
            self._store.notice.emit(text.format(change=self.text(), kept=kept))


class ApplyNextWeekCommand(_TargetsCommand):
    def __init__(self, store, mesocycle_id: int, week_number: int,
                 adjustments: Sequence[GroupAdjustment]):
        super().__init__(store, translate("AutoregulationCommands",
                                          "Adapt week {week} to feedback").format(
            week=week_number))

        self._args = (mesocycle_id, week_number, tuple(adjustments))

    def _apply(self) -> None:
        self._snapshot = fs.apply_next_week(*self._args)


class AcceptDeloadCommand(_TargetsCommand):
    def __init__(self, store, mesocycle_id: int, week_number: int):
        super().__init__(store, translate("AutoregulationCommands", "Deload in week {week}").format(
            week=week_number))
        self._args = (mesocycle_id, week_number)

    def _apply(self) -> None:
        self._snapshot = fs.accept_early_deload(*self._args)


class SwapExerciseCommand(_SessionCommand):
    """Put another exercise in the place of one or more session exercises (e.g. every upcoming
    use of an exercise that hurt), keeping their targets: one undo step."""

    def __init__(self, store, se_ids: int | Sequence[int], exercise_id: int,
                 text: str | None = None):
        super().__init__(store, text or translate("AutoregulationCommands", "Swap exercise"))
        self._se_ids = (se_ids,) if isinstance(se_ids, int) else tuple(se_ids)
        self._exercise_id = exercise_id
        self._old: dict[int, int] = {}

    def _apply(self) -> None:
        self._old = fs.swap_session_exercises(self._se_ids, self._exercise_id)

    def _revert(self) -> None:
        fs.restore_session_exercises(self._old)
