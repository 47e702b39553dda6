"""Training ▸ New program…: the program-builder wizard over the mesocycle generator.

Every change on any page regenerates the plan (models.rules.generator) and redraws the side gauges,
the review table and the warnings at once. Finish saves the whole mesocycle in one transaction,
as one undoable command; Cancel saves nothing.

`prefill()` fills the pages from a mesocycle that ended and moves groups' start volumes (Training
▸ Next mesocycle…, ui.wizard.next_mesocycle); the reasons show on the first and the last page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.library import planning_library
from models.plans import default_name, first_free_start, overlap_text, planned_in_the_way
from models.rules.domain import WEEKDAYS
from models.rules.generator import (
    DEFAULT_RANK,
    ExerciseChoices,
    Plan,
    PlanRequest,
    choose_split,
    generate_plan,
)
from models.rules.limits import FIRST_DATE, LEVELS, MAX_NAME_LENGTH
from models.rules.plan_types import (
    LAST_PLAN_START,
    MAX_SESSION_MINUTES,
    MIN_SESSION_MINUTES,
)
from models.rules.search import matches, search_text
from ui.commands import SavePlanCommand
from ui.domain_text import group_name
from ui.flow import WrappingTabs
from ui.locale_text import QT_TRANSLATE_NOOP, short_day_name, translate, weekday_date
from ui.sizing import fit_to_screen
from ui.wizard.day_exercise_list import (
    DayExerciseList,
    ExerciseIdRole,
    ExercisePickerList,
    NameRole,
    SearchRole,
)
from ui.wizard.plan_preview import PlanGauges, PlanTable, PlanWarnings
from ui.wizard.priority_ranking import PriorityRanking

# Translated where they are shown (context "ProgramWizard").
LEVEL_NAMES = {"beginner": QT_TRANSLATE_NOOP("ProgramWizard", "Beginner"),
               "intermediate": QT_TRANSLATE_NOOP("ProgramWizard", "Intermediate"),
               "advanced": QT_TRANSLATE_NOOP("ProgramWizard", "Advanced")}
LEVEL_TEXT = {
    "beginner": QT_TRANSLATE_NOOP(
        "ProgramWizard",
        "Starts at MEV and ends about halfway to MRV: plenty of room to progress."),
    "intermediate": QT_TRANSLATE_NOOP(
        "ProgramWizard", "Starts at MEV and ends about three quarters of the way to MRV."),
    "advanced": QT_TRANSLATE_NOOP(
        "ProgramWizard", "Starts a little above MEV and ends at or just below MRV."),
}
SPLIT_TEXT = {"full_body": QT_TRANSLATE_NOOP("ProgramWizard", "Full body"),
              "upper_lower": QT_TRANSLATE_NOOP("ProgramWizard", "Upper / lower"),
              "push_pull_legs": QT_TRANSLATE_NOOP("ProgramWizard", "Push / pull / legs")}
# Presses, rows and deadlifts already train these hard: most programs maintain them so the big
# groups have room to grow.
DEFAULT_PRIORITIES = {"front_delts": "maintain", "traps": "maintain", "forearms": "maintain"}


def day_name(day: str) -> str:
    """'Mon' for "mon": a training day as the locale names it."""
    return short_day_name(WEEKDAYS.index(day) + 1)


def start_note_label() -> QLabel:
    """Where the wizard says why start volumes moved; hidden until prefill() fills it."""
    label = QLabel(objectName="startAdjustments", wordWrap=True)
    label.setStyleSheet("background: palette(alternate-base); padding: 6px;")
    label.hide()
    return label


class GoalPage(QWizardPage):
    def __init__(self, wizard: ProgramWizard):
        super().__init__()
        self.setTitle(self.tr("Goal and experience"))
        self.setSubTitle(self.tr("Overload plans a hypertrophy mesocycle: weekly sets ramp up "
                                 "per muscle, then a deload."))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(objectName="programName", maxLength=MAX_NAME_LENGTH,
                                   placeholderText=self.tr("e.g. Winter hypertrophy block"))
        form.addRow(self.tr("Program &name"), self.name_edit)
        self.level_group = QButtonGroup(self)
        for index, level in enumerate(LEVELS):
            radio = QRadioButton(translate("ProgramWizard", LEVEL_NAMES[level]),
                                 objectName=f"level_{level}")
            radio.setChecked(level == "intermediate")
            self.level_group.addButton(radio, index)
            hint = QLabel(translate("ProgramWizard", LEVEL_TEXT[level]), wordWrap=True)
            hint.setStyleSheet("color: palette(placeholder-text);")
            form.addRow(radio, hint)
        self.level_group.idToggled.connect(lambda _id, on: on and wizard.recompute())
        self.start_note = start_note_label()
        form.addRow(self.start_note)

    def level(self) -> str:
        return LEVELS[max(0, self.level_group.checkedId())]


class SchedulePage(QWizardPage):
    def __init__(self, wizard: ProgramWizard):
        super().__init__()
        self.setTitle(self.tr("Schedule"))
        self.setSubTitle(self.tr("Pick your training days. At least 48 hours between two "
                                 "sessions for the same muscle needs days with a rest day "
                                 "between them."))
        self._wizard = wizard
        layout = QFormLayout(self)
        days_row = QHBoxLayout()
        self.day_boxes: dict[str, QCheckBox] = {}
        for day in WEEKDAYS:
            box = QCheckBox(day_name(day), objectName=f"day_{day}")
            box.setChecked(day in ("mon", "tue", "thu", "fri"))
            box.toggled.connect(self._days_changed)
            self.day_boxes[day] = box
            days_row.addWidget(box)
        # A label for a row of boxes has no buddy by itself: its & would show as is.
        days_label = QLabel(self.tr("Training &days"))
        days_label.setBuddy(self.day_boxes[WEEKDAYS[0]])
        layout.addRow(days_label, days_row)
        self.weeks_spin = QSpinBox(objectName="weeksSpin", suffix=self.tr(" weeks"), minimum=3,
                                   maximum=12)
        self.weeks_spin.setValue(5)
        self.weeks_spin.valueChanged.connect(wizard.recompute)
        layout.addRow(self.tr("&Accumulation"), self.weeks_spin)
        self.deload_box = QCheckBox(self.tr("Finish with a deload week (about half the sets, "
                                            "RIR 4–5)"),
                                    objectName="deloadCheck", checked=True)
        self.deload_box.toggled.connect(wizard.recompute)
        layout.addRow("", self.deload_box)
        self.start_edit = QDateEdit(objectName="startDate", calendarPopup=True)
        self.start_edit.setDateRange(QDate(FIRST_DATE), QDate(LAST_PLAN_START))
        self.start_edit.setDate(QDate(first_free_start(date.today())))
        #: Qt date format: short weekday, day, short month, year (Mon 2 Dec 2024)
        self.start_edit.setDisplayFormat(translate("DateFormat", "ddd d MMM yyyy"))
        self.start_edit.dateChanged.connect(wizard.recompute)
        layout.addRow(self.tr("&Start"), self.start_edit)
        self.split_combo = QComboBox(objectName="splitCombo")
        self.split_combo.addItem(self.tr("Automatic"), "auto")
        for key, text in SPLIT_TEXT.items():
            self.split_combo.addItem(translate("ProgramWizard", text), key)
        self.split_combo.currentIndexChanged.connect(wizard.recompute)
        layout.addRow(self.tr("S&plit"), self.split_combo)
        self.split_hint = QLabel(objectName="splitHint")
        self.split_hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addRow("", self.split_hint)
        length = QHBoxLayout()
        self.limit_box = QCheckBox(self.tr("At most"), objectName="limitMinutes")
        self.minutes_spin = QSpinBox(objectName="maxMinutes",
                                     suffix=self.tr(" minutes a session"),
                                     minimum=MIN_SESSION_MINUTES, maximum=MAX_SESSION_MINUTES,
                                     singleStep=5, value=75, enabled=False)
        self.minutes_spin.setAccessibleName(self.tr("Longest session, minutes"))
        self.limit_box.toggled.connect(self.minutes_spin.setEnabled)
        self.limit_box.toggled.connect(wizard.recompute)
        self.minutes_spin.valueChanged.connect(wizard.recompute)
        length.addWidget(self.limit_box)
        length.addWidget(self.minutes_spin)
        length.addStretch()
        length_label = QLabel(self.tr("Session &length"))
        length_label.setBuddy(self.limit_box)
        layout.addRow(length_label, length)
        self.limit_box.setToolTip(self.tr("Leave it off for up to 25 working sets a session; "
                                          "on, every session fits this many minutes (warm-ups "
                                          "and rests included)."))

    def days(self) -> tuple[str, ...]:
        return tuple(day for day, box in self.day_boxes.items() if box.isChecked())

    def max_minutes(self) -> int | None:
        return self.minutes_spin.value() if self.limit_box.isChecked() else None

    def start(self) -> date:
        return self.start_edit.date().toPython()

    def _days_changed(self) -> None:
        self.completeChanged.emit()
        self._wizard.recompute()

    def isComplete(self) -> bool:
        return bool(self.days())

    def show_split(self, split: str) -> None:
        days = self.days()
        automatic = self.split_combo.currentData() == "auto"
        if not days:
            self.split_hint.setText(self.tr("Pick at least one day."))
            return
        if len(days) == 1:
            text = self.tr("{split} for 1 day a week")
        else:
            text = self.tr("{split} for {days} days a week")
        text = text.format(split=translate("ProgramWizard", SPLIT_TEXT[split]), days=len(days))
        self.split_hint.setText(text + (self.tr(" (chosen for you)") if automatic else ""))


class PrioritiesPage(QWizardPage):
    """The ranked muscles with grow, maintain or skip, and the budget they share."""

    def __init__(self, wizard: ProgramWizard):
        super().__init__()
        self.setTitle(self.tr("Muscle priorities"))
        self.setSubTitle(self.tr("Grow: ramp up from MEV. Maintain: hold the maintenance dose. "
                                 "Skip: no direct work. The week's budget goes to maintenance "
                                 "first, then to the muscles you grow, in the order of this "
                                 "list."))
        layout = QVBoxLayout(self)
        self.ranking = PriorityRanking()
        self.ranking.set_state(DEFAULT_PRIORITIES, DEFAULT_RANK)
        self.ranking.changed.connect(wizard.recompute)
        layout.addWidget(self.ranking)

    def priorities(self) -> dict[str, str]:
        return {g: p for g, p in self.ranking.priorities().items() if p != "grow"}

    def rank(self) -> tuple[str, ...]:
        return self.ranking.rank()


class ExercisesPage(QWizardPage):
    """Each day's exercises, pre-filled by the generator; the user's edits become choices."""

    def __init__(self, wizard: ProgramWizard):
        super().__init__()
        self.setTitle(self.tr("Exercises"))
        self.setSubTitle(self.tr("Drag to reorder; drag exercises in from the list on the left "
                                 "or the exercise library; Swap offers alternatives for the same "
                                 "muscle."))
        self._wizard = wizard
        self.lists: dict[str, DayExerciseList] = {}
        layout = QHBoxLayout(self)
        layout.addLayout(self._build_picker(), 2)
        right = QVBoxLayout()
        # Its tabs wrap onto two rows rather than scroll a day out of sight.
        self.tabs = WrappingTabs(name="dayTabs")
        right.addWidget(self.tabs, 1)
        right.addLayout(self._build_buttons())
        layout.addLayout(right, 3)

    def _build_picker(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.search = QLineEdit(objectName="pickerSearch", clearButtonEnabled=True,
                                placeholderText=self.tr("Find an exercise…"))
        self.picker = ExercisePickerList()
        self.picker.setObjectName("exercisePicker")
        for exercise in self._wizard.library:
            item = QListWidgetItem(f"{exercise.name}  ·  {group_name(exercise.primary or '')}")
            item.setData(ExerciseIdRole, exercise.id)
            item.setData(NameRole, exercise.name)
            item.setData(SearchRole, search_text(exercise))
            self.picker.addItem(item)
        self.search.textChanged.connect(self._filter_picker)
        self.picker.itemDoubleClicked.connect(
            lambda item: self.add_to_current(item.data(NameRole)))
        column.addWidget(self.search)
        column.addWidget(self.picker, 1)
        return column

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = ((self.tr("Add"), "addExercise", self._add_picked),
                 (self.tr("Swap…"), "swapExercise", self._swap),
                 (self.tr("Remove"), "removeExercise",
                  lambda: self._current_list_call("remove_current")),
                 (self.tr("Up"), "moveUp", lambda: self._current_list_call("move_current", -1)),
                 (self.tr("Down"), "moveDown", lambda: self._current_list_call("move_current", 1)),
                 (self.tr("Suggested"), "resetDay", self._reset_day))
        for text, name, slot in specs:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        return row

    def _filter_picker(self, text: str) -> None:
        for i in range(self.picker.count()):
            item = self.picker.item(i)
            item.setHidden(not matches(text, item.data(SearchRole)))

    def current_day(self) -> str | None:
        widget = self.tabs.currentWidget()
        return next((day for day, lst in self.lists.items() if lst is widget), None)

    def _current_list_call(self, method: str, *args) -> None:
        day = self.current_day()
        if day:
            getattr(self.lists[day], method)(*args)

    def _add_picked(self) -> None:
        item = self.picker.currentItem()
        if item is not None:
            self.add_to_current(item.data(NameRole))

    def add_to_current(self, name: str) -> None:
        day = self.current_day()
        if day:
            self.lists[day].insert_names([name])

    def _reset_day(self) -> None:
        day = self.current_day()
        if day:
            self._wizard.day_choices.pop(day, None)
            self._wizard.recompute()

    def _swap(self) -> None:
        day = self.current_day()
        lst = self.lists.get(day) if day else None
        if lst is None or lst.currentRow() < 0:
            return
        menu = QMenu(self)
        for name in self._wizard.alternatives(lst.names()[lst.currentRow()]):
            menu.addAction(name, lambda n=name: lst.replace_current(n))
        button = self.findChild(QPushButton, "swapExercise")
        menu.exec(button.mapToGlobal(button.rect().bottomLeft()))

    def show_plan(self, plan: Plan) -> None:
        week = plan.weeks[0]
        sessions = {s.weekday: s for s in week.sessions}
        self._sync_tabs(plan)
        for day, lst in self.lists.items():
            session = sessions.get(day)
            rows = [(e.name, self.tr("{exercise} — {sets} × {low}–{high} @ RIR {rir}, {tempo}")
                     .format(exercise=e.name, sets=e.sets, low=e.rep_low, high=e.rep_high,
                             rir=e.rir, tempo=e.tempo))
                    for e in (session.exercises if session else ())]
            lst.set_rows(rows)
            index = self.tabs.indexOf(lst)
            name = self.tr("{session} · {minutes} min").format(
                session=session.name, minutes=session.minutes) if session else self.tr("Rest")
            self.tabs.setTabText(index, f"{day_name(day)} · {name}")

    def _sync_tabs(self, plan: Plan) -> None:
        if tuple(self.lists) == plan.days:
            return
        current = self.current_day()
        self.tabs.clear()
        for old in self.lists.values():
            old.deleteLater()  # clear() leaves the pages alive; they are not coming back
        self.lists = {}
        for day in plan.days:
            lst = DayExerciseList(self._wizard.names_for_ids)
            lst.setObjectName(f"dayList_{day}")
            lst.edited.connect(partial(self._wizard.day_edited, day))
            self.lists[day] = lst
            self.tabs.addTab(lst, day_name(day))
        if current in self.lists:
            self.tabs.setCurrentWidget(self.lists[current])


class ReviewPage(QWizardPage):
    def __init__(self, wizard: ProgramWizard):
        super().__init__()
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Weekly sets per muscle, coloured by where they sit against "
                                 "your landmarks. Finish saves every session to the calendar."))
        layout = QVBoxLayout(self)
        self.table = PlanTable()
        self.warnings = PlanWarnings()
        self.warnings.setMaximumHeight(7 * self.warnings.fontMetrics().lineSpacing())
        self.summary = QLabel(objectName="planSummary", wordWrap=True)
        self.start_note = start_note_label()
        layout.addWidget(self.summary)
        layout.addWidget(self.start_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("<b>Rules</b>")))
        layout.addWidget(self.warnings)

    def show_plan(self, plan: Plan, landmarks) -> None:
        self.table.show_plan(plan, landmarks)
        self.warnings.show_plan(plan)
        sessions = sum(len(w.sessions) for w in plan.weeks)
        end = plan.weeks[-1].sessions[-1].date if plan.weeks[-1].sessions else plan.start
        peak = plan.peak_week
        longest = max(peak.sessions, key=lambda s: s.minutes, default=None)
        grows = ", ".join(group_name(g).lower() for g in plan.rank) or self.tr("no muscle")
        longest_text = self.tr("{sets} sets, about {minutes} minutes").format(
            sets=longest.total_sets, minutes=longest.minutes) if longest else "–"
        counted = self.tr("Sets counted fractional.") if plan.rule == "fractional" else \
            self.tr("Sets counted direct.")
        self.summary.setText(
            self.tr("{weeks} weeks, {sessions} sessions, {split}, from {start} to {end}. Grows "
                    "{grows}. Week {week}, the biggest, has {sets} working sets; its longest "
                    "session {longest}.").format(
                weeks=len(plan.weeks), sessions=sessions,
                split=translate("ProgramWizard", SPLIT_TEXT[plan.split]).lower(),
                start=weekday_date(plan.start), end=weekday_date(end), grows=grows,
                week=peak.number, sets=sum(s.total_sets for s in peak.sessions),
                longest=longest_text)
            + " " + counted)


class ProgramWizard(QWizard):
    """Builds a PlanRequest from its pages, shows the generated plan live, saves on Finish."""

    def __init__(self, store, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("programWizard")
        self.setWindowTitle(self.tr("New program"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self._store = store
        self.library = planning_library()
        self._by_id = {e.id: e for e in self.library}
        self.landmarks = store.landmarks()
        self.day_choices: dict[str, tuple[str, ...]] = {}
        self.start_offsets: dict[str, int] = {}  # group -> sets above the level's usual start
        self.plan: Plan | None = None
        self.saved_mesocycle_id: int | None = None
        self._ready = False
        self.gauges = PlanGauges()
        self.setSideWidget(self.gauges)
        self.goal = GoalPage(self)
        self.schedule = SchedulePage(self)
        self.priorities = PrioritiesPage(self)
        self.exercises = ExercisesPage(self)
        self.review = ReviewPage(self)
        for page in (self.goal, self.schedule, self.priorities, self.exercises, self.review):
            self.addPage(page)
        self._ready = True
        self._stale: set[QWizardPage] = set()
        self.currentIdChanged.connect(self._show_current_page)
        fit_to_screen(self, 1100, 720)
        self.recompute()

    def names_for_ids(self, ids: list[int]) -> list[str]:
        """The names of dropped library exercises. An id the wizard has not seen (an exercise
        created in the library since it opened) reloads its library first; an id that is in no
        library any more (deleted meanwhile) is left out."""
        if any(i not in self._by_id for i in ids):
            self.library = planning_library()
            self._by_id = {e.id: e for e in self.library}
        return [self._by_id[i].name for i in ids if i in self._by_id]

    def alternatives(self, name: str) -> list[str]:
        """Exercises for the same primary muscle, the same movement pattern first."""
        from models.rules.autoregulation import exercise_alternatives

        current = next((e for e in self.library if e.name == name), None)
        if current is None:
            return []
        return [e.name for e in exercise_alternatives(current, self.library)]

    def request(self) -> PlanRequest:
        days = self.schedule.days()
        return PlanRequest(
            level=self.goal.level(), days=days, weeks=self.schedule.weeks_spin.value(),
            start=self.schedule.start(), deload=self.schedule.deload_box.isChecked(),
            priorities=self.priorities.priorities(), rank=self.priorities.rank(),
            rule=self._store.settings.secondary_rule,
            max_minutes=self.schedule.max_minutes(),
            split=self.schedule.split_combo.currentData(),
            exercise_choices=ExerciseChoices(
                by_day={d: n for d, n in self.day_choices.items() if d in days}),
            landmarks=self.landmarks, library=self.library, start_offsets=self.start_offsets)

    def prefill(self, request_like, start_adjustments: Mapping | None = None) -> None:
        """Fill the pages from anything with level, days, weeks, deload, split, priorities and
        start (a PlanRequest, a stored mesocycle…); `start_adjustments` ({group:
        StartAdjustment}) move the groups' first-week sets, and their reasons are shown."""
        self._ready = False  # one regeneration at the end, not one per widget changed
        try:
            self.goal.level_group.button(LEVELS.index(request_like.level)).setChecked(True)
            for day, box in self.schedule.day_boxes.items():
                box.setChecked(day in request_like.days)
            self.schedule.weeks_spin.setValue(request_like.weeks)
            self.schedule.deload_box.setChecked(bool(request_like.deload))
            self.schedule.start_edit.setDate(QDate(request_like.start))
            split = self.schedule.split_combo.findData(request_like.split)
            self.schedule.split_combo.setCurrentIndex(max(0, split))
            # Stored priorities list the grown groups first, in rank order; a mesocycle saved
            # before the ranking existed stored them by name, and starts from the default order.
            stored = list(request_like.priorities)
            order = DEFAULT_RANK if len(stored) > 2 and stored == sorted(stored) else stored
            self.priorities.ranking.set_state(request_like.priorities, order)
        finally:
            self._ready = True
        adjustments = dict(start_adjustments or {})
        self.start_offsets = {g: a.offset for g, a in adjustments.items() if a.offset}
        self._show_start_note([a.reason for a in adjustments.values() if a.offset])
        self.day_choices.clear()
        self.schedule.completeChanged.emit()
        self.recompute()

    def _show_start_note(self, reasons: list[str]) -> None:
        text = (self.tr("<b>Start volumes from your last mesocycle</b>") + "<br>"
                + "<br>".join(reasons) if reasons
                else self.tr("<b>Start volumes as usual</b>: your last mesocycle's feedback moved "
                             "none of them."))
        for label in (self.goal.start_note, self.review.start_note):
            label.setText(text)
            label.show()

    def day_edited(self, day: str) -> None:
        self.day_choices[day] = tuple(self.exercises.lists[day].names())
        self.recompute()

    def recompute(self) -> None:
        """Regenerate the plan and redraw every view of it (called on any change)."""
        if not self._ready:
            return
        days = self.schedule.days()
        split = self.schedule.split_combo.currentData()
        self.schedule.show_split(choose_split(days) if split == "auto" else split)
        if not days:
            return
        self.plan = generate_plan(self.request())
        self.gauges.show_plan(self.plan, self.landmarks)
        # Only the page on screen is redrawn now; the others catch up when shown.
        self._stale = {self.priorities, self.exercises, self.review}
        self._show_current_page()

    def _show_current_page(self, *_args) -> None:
        page = self.currentPage()
        if self.plan is None or page not in self._stale:
            return
        self._stale.discard(page)
        if page is self.priorities:
            self.priorities.ranking.show_plan(self.plan)
        elif page is self.exercises:
            self.exercises.show_plan(self.plan)
        elif page is self.review:
            self.review.show_plan(self.plan, self.landmarks)

    def program_name(self) -> str:
        return self.goal.name_edit.text().strip() or default_name(self.plan)

    def accept(self) -> None:
        """Save the plan. When its dates overlap sessions still only planned, ask first:
        replace them (one undo step with the plan) or move the start after them."""
        in_the_way = planned_in_the_way(self.plan)
        if in_the_way and not self._replace_or_move(in_the_way):
            return
        command = SavePlanCommand(self._store, self.plan, self.program_name(),
                                  replace=bool(in_the_way))
        if not self._store.push(command):  # refused (disk full, read-only): keep the plan open
            return
        self.saved_mesocycle_id = command.mesocycle_id
        super().accept()

    def _replace_or_move(self, in_the_way: list) -> bool:
        """True to replace the sessions in the way; otherwise the start moved after them (or
        the user cancelled) and the wizard stays open on its schedule."""
        after = first_free_start(in_the_way[-1][1])
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sessions already planned"),
                          self.tr("This program's dates overlap {sessions}.").format(
                              sessions=overlap_text(in_the_way)),
                          parent=self)
        box.setObjectName("overlapBox")
        box.setInformativeText(self.tr("Replace them with this program (Undo brings them back), "
                                       "or start this program after them, on {day}?").format(
            day=weekday_date(after)))
        replace = box.addButton(self.tr("&Replace them"), QMessageBox.ButtonRole.DestructiveRole)
        move = box.addButton(self.tr("&Start after them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move)
        box.exec()
        if box.clickedButton() is move:
            self.schedule.start_edit.setDate(QDate(after))
            self.setCurrentId(self.pageIds()[1])  # the schedule, showing the new start
        return box.clickedButton() is replace
