"""The wizard's priorities page: every muscle in rank order with grow, maintain or skip, and the
week's budget beside it (DOMAIN §10).

The ranking is the list's order: drag a muscle, or move it with Up/Down (Alt+Up, Alt+Down).
Grow, Maintain and Skip set the selected muscle's priority (Alt+G, Alt+M, Alt+S). After each
plan the rows say what the plan did with each muscle, the bar shows the peak week against the
budget, and the budget's own words say what more days would let grow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.rules.domain import MUSCLE_GROUPS
from models.rules.generator import DEFAULT_RANK, Plan, plan_budget
from models.rules.limits import PRIORITIES
from ui.domain_text import group_name
from ui.locale_text import QT_TRANSLATE_NOOP, number, translate
from ui.sizing import scrolling
from ui.theme import Tone, follow_theme, tone

GroupRole = Qt.ItemDataRole.UserRole
PriorityRole = Qt.ItemDataRole.UserRole + 1
PRIORITY_TEXT = {"grow": QT_TRANSLATE_NOOP("PriorityRanking", "Grow"),
                 "maintain": QT_TRANSLATE_NOOP("PriorityRanking", "Maintain"),
                 "skip": QT_TRANSLATE_NOOP("PriorityRanking", "Skip")}
PRIORITY_KEYS = {"grow": "G", "maintain": "M", "skip": "S"}


class PriorityRanking(QWidget):
    """The ranked muscle list, its priority buttons, the budget bar and the budget's advice.

    Signals: changed() — the order or a priority changed (not emitted by set_state)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorityRanking")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        budget = self._build_budget()
        layout.addLayout(budget, 0, 0, 1, 2)
        layout.addWidget(self._build_list(), 1, 0)
        # The advice can be long: with a large font the column scrolls rather than cut it.
        controls = QWidget(objectName="rankingControls")
        controls.setLayout(self._build_controls())
        layout.addWidget(scrolling(controls, "rankingControlsScroll"), 1, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        self.set_state({}, DEFAULT_RANK)
        follow_theme(self, lambda: self._relabel({}))  # the rows' colours

    def _build_list(self) -> QListWidget:
        self.list = QListWidget(objectName="rankList")
        self.list.setAccessibleName(self.tr("Muscles in priority order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.model().rowsMoved.connect(self._after_move)
        self.list.currentItemChanged.connect(self._show_current)
        return self.list

    def _build_controls(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.selected = QLabel(objectName="selectedMuscle")
        column.addWidget(self.selected)
        self.priority_group = QButtonGroup(self)
        for index, priority in enumerate(PRIORITIES):
            radio = QRadioButton(f"&{self.tr(PRIORITY_TEXT[priority])}",
                                 objectName=f"priority_{priority}")
            self.priority_group.addButton(radio, index)
            column.addWidget(radio)
        self.priority_group.idClicked.connect(
            lambda index: self.set_priority(self.current_group(), PRIORITIES[index]))
        moves = QHBoxLayout()
        for text, tip, name, offset in (
                (self.tr("Up"), self.tr("Move the selected muscle up the ranking (Alt+Up)"),
                 "rankUp", -1),
                (self.tr("Down"), self.tr("Move the selected muscle down the ranking (Alt+Down)"),
                 "rankDown", 1)):
            button = QPushButton(text, objectName=name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, o=offset: self.move(self.current_group(), o))
            moves.addWidget(button)
        self.list.installEventFilter(self)
        column.addLayout(moves)
        hint = QLabel(self.tr("Drag a muscle, or use Up and Down (Alt+↑, Alt+↓): grown muscles "
                              "get the budget in this order."), wordWrap=True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        column.addWidget(hint)
        column.addSpacing(8)
        column.addWidget(self.advice)
        column.addStretch()
        return column

    def _build_budget(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(self.tr("<b>Budget</b>"))
        self.budget_bar = QProgressBar(objectName="budgetBar")
        self.budget_bar.setAccessibleName(self.tr("Peak week against the budget"))
        self.budget_bar.setTextVisible(True)
        caption.setBuddy(self.budget_bar)
        row.addWidget(caption)
        row.addWidget(self.budget_bar, 1)
        # Filled here, shown beside the controls (_build_controls) where the user acts on it.
        self.advice = QLabel(objectName="budgetAdvice", wordWrap=True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        return row

    def eventFilter(self, watched, event) -> bool:
        """Alt+Up and Alt+Down on the list move the selected muscle (keyboard-only ranking)."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress and \
                event.modifiers() == Qt.KeyboardModifier.AltModifier and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move(self.current_group(), -1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    # Reading and setting the state.

    def groups(self) -> list[str]:
        return [self.list.item(i).data(GroupRole) for i in range(self.list.count())]

    def priorities(self) -> dict[str, str]:
        return {self.list.item(i).data(GroupRole): self.list.item(i).data(PriorityRole)
                for i in range(self.list.count())}

    def rank(self) -> tuple[str, ...]:
        """The muscles to grow, highest priority first."""
        return tuple(g for g, p in self.priorities().items() if p == "grow")

    def current_group(self) -> str | None:
        item = self.list.currentItem()
        return item.data(GroupRole) if item is not None else None

    def set_state(self, priorities: Mapping[str, str], order: Iterable[str]) -> None:
        """Every muscle with its priority (grow when not given), in `order` (muscles it leaves
        out follow in the default ranking)."""
        ordered = list(dict.fromkeys(g for g in order if g in MUSCLE_GROUPS))
        ordered += [g for g in DEFAULT_RANK if g not in ordered]
        current = self.current_group()
        with QSignalBlocker(self.list):
            self.list.clear()
            for group in ordered:
                item = QListWidgetItem()
                item.setData(GroupRole, group)
                item.setData(PriorityRole, priorities.get(group, "grow"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                self.list.addItem(item)
        self._relabel({})
        self._select(current or ordered[0])

    def set_priority(self, group: str | None, priority: str) -> None:
        item = self._item(group)
        if item is None or item.data(PriorityRole) == priority:
            return
        item.setData(PriorityRole, priority)
        self._relabel({})
        self._show_current(item)
        self.changed.emit()

    def move(self, group: str | None, offset: int) -> None:
        item = self._item(group)
        if item is None:
            return
        row = self.list.row(item)
        target = row + offset
        if not 0 <= target < self.list.count():
            return
        with QSignalBlocker(self.list):
            taken = self.list.takeItem(row)
            self.list.insertItem(target, taken)
        self._select(group)
        self._after_move()

    # Showing a plan.

    def show_plan(self, plan: Plan) -> None:
        """Rows say what the plan does with each muscle; the bar and the advice show the
        budget (peak week against days × 25 sets, or days × the longest session)."""
        self._relabel(_outcomes(plan))
        budget = plan_budget(plan)
        self.budget_bar.setRange(0, max(1, budget.available))
        self.budget_bar.setValue(min(budget.used, budget.available))
        self.budget_bar.setFormat(budget.text)
        self.budget_bar.setToolTip(budget.text)
        advice = [_sentence(w.message.removeprefix("Budget: "))
                  for w in plan.warnings if w.rule == "budget"]
        self.advice.setText("\n\n".join(advice) if advice else
                            self.tr("Every muscle you chose to grow fits with its full ramp."))

    # Internals.

    def _item(self, group: str | None) -> QListWidgetItem | None:
        return next((self.list.item(i) for i in range(self.list.count())
                     if self.list.item(i).data(GroupRole) == group), None)

    def _select(self, group: str) -> None:
        item = self._item(group)
        if item is not None:
            self.list.setCurrentItem(item)

    def _after_move(self, *_args) -> None:
        self._relabel({})
        self.changed.emit()

    def _relabel(self, outcomes: Mapping[str, tuple[str, str]]) -> None:
        if outcomes:
            self._outcomes = dict(outcomes)
        outcomes = getattr(self, "_outcomes", {})
        rank = 0
        for i in range(self.list.count()):
            item = self.list.item(i)
            group, priority = item.data(GroupRole), item.data(PriorityRole)
            rank += priority == "grow"
            place = f"{rank}." if priority == "grow" else "–"
            chosen = self.tr(PRIORITY_TEXT[priority])
            did, outcome = outcomes.get(group, (priority, chosen.lower()))
            squeezed = priority == "grow" and did != "grow"
            if squeezed:
                outcome = self.tr("no room to grow: {outcome}").format(outcome=outcome)
            item.setText(f"{place:>3}  {group_name(group)} — {outcome}")
            if squeezed:
                tip = self.tr("{group}: you chose {priority}; the budget maintains it")
            else:
                tip = self.tr("{group}: you chose {priority}")
            item.setToolTip(tip.format(group=group_name(group), priority=chosen))
            item.setForeground(_outcome_brush(did if not squeezed else "squeezed"))

    def _show_current(self, item: QListWidgetItem | None, *_args) -> None:
        if item is None:
            return
        group, priority = item.data(GroupRole), item.data(PriorityRole)
        self.selected.setText(f"<b>{group_name(group)}</b>")
        with QSignalBlocker(self.priority_group):
            self.priority_group.button(PRIORITIES.index(priority)).setChecked(True)


# Row colours: grown, wanted but over the budget, skipped; maintained rows keep the palette's
# text colour.
_OUTCOME_TONES = {"grow": Tone.SUCCESS, "squeezed": Tone.WARNING, "skip": Tone.MUTED}


def _outcome_brush(outcome: str) -> QBrush:
    which = _OUTCOME_TONES.get(outcome)
    return QBrush(tone(which)) if which else QBrush()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sets(count: float) -> str:
    if count == 1:
        return translate("PriorityRanking", "1 set")
    return translate("PriorityRanking", "{count} sets").format(count=number(count))


def _outcomes(plan: Plan) -> dict[str, tuple[str, str]]:
    """What the plan does with each muscle, and how a row says it: ('grow', 'grows 10 → 21
    sets'), ('maintain', 'maintain · 6 sets'), ('skip', 'skip')."""
    first, peak = plan.weeks[0], plan.peak_week
    text = {}
    for group in MUSCLE_GROUPS:
        start, end = first.counted_per_muscle.get(group, 0), peak.counted_per_muscle.get(group, 0)
        did = plan.priorities.get(group, "skip")
        if did == "grow":
            text[group] = (did, translate("PriorityRanking", "grows {start} → {sets}").format(
                start=number(start), sets=_sets(end)))
        elif did == "maintain":
            text[group] = (did, translate("PriorityRanking", "maintained at {sets}").format(
                sets=_sets(start)) if start
                else translate("PriorityRanking", "maintained, no sets needed"))
        else:
            text[group] = (did, translate("PriorityRanking", "skip"))

    return text
