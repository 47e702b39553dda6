"""The week's shape: which session each day is, which days each group trains, which exercises
each session holds and in which order (DOMAIN §3, §6, §10). Pure functions over plain data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, product

from models.rules.domain import MUSCLE_GROUPS, ExerciseInfo, is_compound
from models.rules.plan_types import (
    FREQUENCY_LIMITS,
    GROUP_SESSION_CAP,
    MAX_SETS_PER_EXERCISE,
    MIN_DAYS_APART,
    MIN_EXERCISES,
    MIN_SETS_PER_EXERCISE,
    day_index,
    group_index,
)

# The weekly rotation of session kinds for each split, and which groups each kind trains.
SPLIT_CYCLES: dict[str, tuple[str, ...]] = {
    "full_body": ("full_body",),
    "upper_lower": ("upper", "lower"),
    "push_pull_legs": ("push", "pull", "legs"),
}
_LOWER = ("quads", "hamstrings", "glutes", "calves", "abs")
SESSION_GROUPS: dict[str, tuple[str, ...]] = {
    "full_body": MUSCLE_GROUPS,
    "upper": ("back", "chest", "biceps", "triceps", "side_delts", "rear_delts", "front_delts",
              "traps", "forearms"),
    "lower": _LOWER,
    "push": ("chest", "triceps", "side_delts", "front_delts"),
    "pull": ("back", "biceps", "rear_delts", "traps", "forearms"),
    "legs": _LOWER,
}
SESSION_TITLES: dict[str, str] = {
    "full_body": "Full body", "upper": "Upper", "lower": "Lower",
    "push": "Push", "pull": "Pull", "legs": "Legs",
}

# Movement patterns a group's default exercises rotate through, most useful first (DOMAIN §6).
# Patterns not listed are used only when the library has none of these for the group.
PREFERRED_PATTERNS: dict[str, tuple[str, ...]] = {
    "back": ("horizontal_pull", "vertical_pull"),
    "chest": ("horizontal_push", "chest_fly"),
    "quads": ("squat", "knee_extension", "lunge"),
    "hamstrings": ("hinge", "knee_flexion"),
    "glutes": ("hip_extension", "lunge", "hip_abduction"),
    "biceps": ("elbow_flexion",),
    "triceps": ("elbow_extension", "horizontal_push"),
    "side_delts": ("lateral_raise",),
    "rear_delts": ("rear_delt_fly",),
    "front_delts": ("vertical_push", "front_raise"),
    "calves": ("calf_raise",),
    "abs": ("core_flexion", "core_stability", "core_rotation"),
    "traps": ("shrug",),
    "forearms": ("wrist_flexion", "wrist_extension"),
}
# Patterns a group must see every week (DOMAIN §6: rows and pulldowns for the back).
REQUIRED_PATTERNS: dict[str, tuple[str, ...]] = {"back": ("horizontal_pull", "vertical_pull")}
PATTERN_NAMES = {"horizontal_pull": "row", "vertical_pull": "pulldown/pullover"}
# The article's nine back exercises (seed, DOMAIN §6): the back's default picks come from them.
ARTICLE_BACK_EXERCISES: tuple[str, ...] = (
    "barbell_row", "cable_row", "machine_row", "dumbbell_row", "helms_row",
    "lat_pulldown", "dumbbell_pullover", "machine_pulldown", "cable_pulldown",
)
# Spinal load (DOMAIN §10): heavy axially loaded barbell lifts are squats, hinges and bent-over
# barbell rows; a chest-supported barbell row is not one of them.
AXIAL_EQUIPMENT = frozenset({"barbell", "trap_bar"})
AXIAL_PATTERNS = frozenset({"squat", "hinge", "horizontal_pull"})
SUPPORTED_BARBELL_ROWS = frozenset({"seal_row"})
MAX_AXIAL_PER_SESSION = 2
# Groups whose picks decide a day's spinal load come first, so the back's row can avoid it.
_PICK_ORDER = ("quads", "hamstrings", "glutes", "back")
MAX_EXERCISES_PER_GROUP = math.ceil(GROUP_SESSION_CAP / MAX_SETS_PER_EXERCISE)


def choose_split(days: Iterable[str]) -> str:
    """The split for a number of training days: up to 3 full body, 4–5 upper/lower, 6–7 PPL."""
    count = len(set(days))
    if count <= 3:
        return "full_body"
    if count <= 5:
        return "upper_lower"
    return "push_pull_legs"


def frequency_range(landmarks) -> tuple[int, int]:
    """Sessions per week for a group: its table range clipped to 2–4 (DOMAIN §3)."""
    low, high = FREQUENCY_LIMITS
    return (min(max(landmarks.freq_min, low), high), min(max(landmarks.freq_max, low), high))


def is_heavy_axial(exercise: ExerciseInfo) -> bool:
    return (exercise.equipment in AXIAL_EQUIPMENT and exercise.pattern in AXIAL_PATTERNS
            and exercise.key not in SUPPORTED_BARBELL_ROWS)


def is_lat_isolation(exercise: ExerciseInfo) -> bool:
    """A pullover-like vertical pull (no biceps): never the week's only vertical pull."""
    return exercise.pattern == "vertical_pull" and not is_compound(exercise.pattern,
                                                                   exercise.secondary)


def near_identical(a: ExerciseInfo, b: ExerciseInfo) -> bool:
    """Two variants of one movement for one muscle (e.g. two lateral raises)."""
    return a.primary == b.primary and a.pattern == b.pattern


# --- Days ------------------------------------------------------------------------------------

def session_kinds(days: tuple[str, ...], split: str) -> dict[str, str]:
    """Day -> session kind. Each kind comes about equally often; of those layouts, the one
    that keeps equal kinds furthest apart (across the week's end too: Push on Sunday and
    Monday is back to back), then the one closest to the split's own rotation (Upper, Lower,
    Upper, Lower)."""
    cycle = SPLIT_CYCLES[split]
    if len(cycle) == 1:
        return dict.fromkeys(days, cycle[0])
    most = -(-len(days) // len(cycle))

    def closest_repeat(kinds: tuple[str, ...]) -> int:
        return min((min(circular_gaps([d for d, k in zip(days, kinds, strict=True)
                                       if k == kind]))
                    for kind in set(kinds)), default=7)

    def rotation_misses(kinds: tuple[str, ...]) -> int:
        return min(sum(k != cycle[(i + offset) % len(cycle)] for i, k in enumerate(kinds))
                   for offset in range(len(cycle)))

    layouts = [kinds for kinds in product(cycle, repeat=len(days))
               if all(kinds.count(k) <= most for k in cycle)
               and len(set(kinds)) == min(len(days), len(cycle))]
    best = max(layouts, key=lambda k: (closest_repeat(k), -rotation_misses(k),
                                       [-cycle.index(kind) for kind in k]))
    return dict(zip(days, best, strict=True))


def session_names(days: tuple[str, ...], kinds: Mapping[str, str]) -> dict[str, str]:
    """'Upper A', 'Upper B'… when a kind repeats in the week, plain 'Push' when it does not."""
    seen: dict[str, int] = defaultdict(int)
    names = {}
    repeats = {kind: sum(1 for d in days if kinds[d] == kind) for kind in kinds.values()}
    for day in days:
        kind = kinds[day]
        title = SESSION_TITLES[kind]
        names[day] = f"{title} {chr(ord('A') + seen[kind])}" if repeats[kind] > 1 else title
        seen[kind] += 1
    return names


def home_days(group: str, days: Sequence[str], kinds: Mapping[str, str]) -> tuple[str, ...]:
    """The days whose session kind trains `group` (its split's days)."""
    return tuple(day for day in days if group in SESSION_GROUPS[kinds[day]])


def circular_gaps(days: Iterable[str]) -> list[int]:
    """Days between consecutive sessions, the last one wrapping to next week's first."""
    indexes = sorted(day_index(day) for day in days)
    return [(later - earlier) % 7 or 7
            for earlier, later in zip(indexes, indexes[1:] + indexes[:1], strict=True)]


@dataclass(frozen=True)
class DaySubset:
    days: tuple[str, ...]
    spaced: bool  # every two sessions at least MIN_DAYS_APART, across the week's end too
    min_gap: int
    day_set: frozenset[str]


def day_subsets(days: tuple[str, ...]) -> list[DaySubset]:
    subsets = []
    for size in range(1, min(len(days), FREQUENCY_LIMITS[1]) + 1):
        for chosen in combinations(days, size):
            gap = min(circular_gaps(chosen))
            subsets.append(DaySubset(chosen, gap >= MIN_DAYS_APART, gap, frozenset(chosen)))
    return subsets


@dataclass(frozen=True)
class GroupNeed:
    """What the day assignment knows of a group: its expected direct sets and constraints."""

    group: str
    grown: bool
    peak: int  # direct sets expected in the biggest week
    home: tuple[str, ...]
    frequency: tuple[int, int]
    pinned: frozenset[str] = frozenset()
    first: int | None = None  # direct sets expected in the first week (default: the peak)

    def most_sessions(self) -> int:
        """Never so many sessions that one gets fewer than two sets, even in the first week
        (every day the group has must have its sets every week)."""
        least = self.peak if self.first is None else min(self.first, self.peak)
        return max(1, min(self.frequency[1], least // MIN_SETS_PER_EXERCISE))

    def least_sessions(self) -> int:
        """A grown group trains at least twice a week (DOMAIN §3); maintenance may be once."""
        return min(self.frequency[0], self.most_sessions()) if self.grown else 1

    def wanted_sessions(self) -> int:
        """About six sets a session for a grown group; two sessions for a maintained group
        with four sets or more."""
        share = math.ceil(self.peak / 6) if self.grown else 1 + (self.peak >= 4)
        return min(max(share, self.least_sessions()), self.most_sessions())


@dataclass
class _DayLoad:
    """Expected sets and exercises per day of the groups placed so far."""

    sets: dict[str, float]
    exercises: dict[str, int]
    capacity: float

    def overflow(self, days: tuple[str, ...], weekly: int) -> float:
        share = weekly / len(days)
        return sum(max(0.0, self.sets[d] + share - self.capacity)
                   - max(0.0, self.sets[d] - self.capacity) for d in days)

    def thin(self, days: Iterable[str]) -> int:
        """How many of `days` still hold fewer than two exercises."""
        return sum(1 for d in days if self.exercises[d] < MIN_EXERCISES)

    def add(self, days: tuple[str, ...], weekly: int, sign: int = 1) -> None:
        exercises = menu_size(math.ceil(weekly / len(days)))
        for day in days:
            self.sets[day] += sign * weekly / len(days)
            self.exercises[day] += sign * exercises

    def remove(self, days: tuple[str, ...], weekly: int) -> None:
        self.add(days, weekly, -1)


def assign_days(days: tuple[str, ...], needs: Sequence[GroupNeed],
                capacity: float) -> dict[str, tuple[str, ...]]:
    """Group -> its training days, lightest first (the order the odd sets go in).

    Groups are placed in the order given (grown by rank, then maintained). What counts, in
    order: enough sessions for a grown group, 48 hours between them, the user's day choices,
    a session on every day, room under the session cap, the wanted number of sessions, the
    lighter days. A day left with fewer than two groups then takes a group from a day that
    can spare one."""
    subsets = day_subsets(days)
    load = _DayLoad(dict.fromkeys(days, 0.0), dict.fromkeys(days, 0), capacity)
    placed: dict[str, tuple[str, ...]] = {}
    by_group = {need.group: need for need in needs}
    # Two sessions 48 hours apart beat two back to back; only when the chosen days hold no
    # such pair at all (Mon and Tue) does twice a week come before the 48 hours.
    spacing_first = any(s.spaced and len(s.days) == 2 for s in subsets)
    for need in needs:
        placed[need.group] = _best_days(need, subsets, load, spacing_first=spacing_first)
        load.add(placed[need.group], need.peak)
    _fill_thin_days(days, placed, by_group, subsets, load)
    return {group: _lightest_first(chosen, load) for group, chosen in placed.items()}


def _options(need: GroupNeed, subsets: list[DaySubset],
             must: str | None = None) -> list[DaySubset]:
    allowed = set(need.home) | need.pinned
    return [s for s in subsets if s.day_set <= allowed and len(s.days) <= need.most_sessions()
            and (must is None or must in s.day_set)]


def _best_days(need: GroupNeed, subsets: list[DaySubset], load: _DayLoad,
               must: str | None = None, *, spacing_first: bool = True) -> tuple[str, ...]:
    least, wanted = need.least_sessions(), need.wanted_sessions()

    def score(subset: DaySubset) -> tuple:
        size, chosen = len(subset.days), subset.day_set
        twice = min(size, least, 2)  # more than once a week beats once (DOMAIN §3)
        # A maintained group does not overfill a session — not for a second session a week
        # (maintenance holds on one, DOMAIN §2), not for the day the user chose for it (the
        # plan says so) — only the 48 hours come first: the crowded day is where the grown
        # groups train.
        spill = not need.grown and load.overflow(subset.days, need.peak) > 0
        return (
            subset.spaced if spacing_first else twice,
            not spill,
            twice if spacing_first else subset.spaced,
            len(chosen & need.pinned),
            min(size, least),
            load.thin(subset.days),
            -load.overflow(subset.days, need.peak),
            -abs(size - wanted),
            -sum(load.sets[d] for d in subset.days),
            subset.min_gap,
        )

    options = _options(need, subsets, must)
    return max(options, key=score).days if options else ()


def _fill_thin_days(days: tuple[str, ...], placed: dict[str, tuple[str, ...]],
                    needs: Mapping[str, GroupNeed], subsets: list[DaySubset],
                    load: _DayLoad) -> None:
    """Give every day at least two groups where some group can move there without leaving
    another day thin or losing its 48 hours: the lowest-priority groups move first."""
    for day in days:
        for group in reversed(list(placed)):
            if load.exercises[day] >= MIN_EXERCISES:
                break
            current = placed[group]
            if day in current or any(load.exercises[d] <= MIN_EXERCISES for d in current):
                continue
            need = needs[group]
            load.remove(current, need.peak)
            moved = _best_days(need, subsets, load, must=day,
                               spacing_first=any(s.spaced and len(s.days) == 2
                                                 for s in subsets))
            spaced_before = min(circular_gaps(current)) >= MIN_DAYS_APART
            if moved and (min(circular_gaps(moved)) >= MIN_DAYS_APART or not spaced_before) \
                    and len(moved) >= need.least_sessions():
                placed[group] = moved
            load.add(placed[group], need.peak)


def _lightest_first(chosen: tuple[str, ...], load: _DayLoad) -> tuple[str, ...]:
    return tuple(sorted(chosen, key=lambda d: (load.sets[d], day_index(d))))


def spread(total: int, ranked_days: Sequence[str], *, least: int = MIN_SETS_PER_EXERCISE,
           most: int = GROUP_SESSION_CAP) -> dict[str, int]:
    """A group's week of sets over its days: as many days as keep `least` sets each (at least
    enough to stay under `most`), evenly, the first-ranked days taking the odd sets. With a
    fixed ranking a smaller total never gives any day more sets."""
    if total <= 0 or not ranked_days:
        return {}
    used = min(len(ranked_days), max(1, total // least, math.ceil(total / most)))
    each, extra = divmod(total, used)
    return {day: each + (rank < extra) for rank, day in enumerate(ranked_days[:used])}


# --- Exercises -------------------------------------------------------------------------------

def exercises_for_sets(menu: Sequence[ExerciseInfo], sets: int,
                       keep: int = 1) -> list[tuple[ExerciseInfo, int]]:
    """A group's sets in one session over its menu there (DOMAIN §10): one exercise holds up
    to five; a second movement pattern joins once each gets three sets; the first `keep`
    exercises stay while each keeps two (a week's only row and pulldown, a session's second
    exercise); near-identical variants share a session only when one cannot hold the sets.
    The first ones take the odd sets."""
    if sets <= 0 or not menu:
        return []
    distinct = len(_leading_distinct(menu))
    count = max(math.ceil(sets / MAX_SETS_PER_EXERCISE),
                min(distinct, sets // 3),
                min(keep, sets // MIN_SETS_PER_EXERCISE), 1)
    count = min(count, len(menu))
    if sets <= MAX_SETS_PER_EXERCISE:
        while count > 1 and _has_near_identical(menu[:count]):
            count -= 1
    each, extra = divmod(sets, count)
    return [(exercise, each + (index < extra)) for index, exercise in enumerate(menu[:count])]


def deload_exercises(used: Sequence[ExerciseInfo], sets: int) -> list[tuple[ExerciseInfo, int]]:
    """A group's deload sets in one session over the exercises it did there at the peak: two
    sets each where the sets allow (one at least), near-identical variants dropped when one
    can hold the sets."""
    if sets <= 0 or not used:
        return []
    # Two sets an exercise where the sets allow: a deload drops exercises before it gives
    # one-set prescriptions.
    menu = list(used[:max(1, sets // MIN_SETS_PER_EXERCISE)])
    if sets <= MAX_SETS_PER_EXERCISE:
        menu = [e for i, e in enumerate(menu)
                if not any(near_identical(e, other) for other in menu[:i])]
    each, extra = divmod(sets, len(menu))
    return [(exercise, each + (index < extra)) for index, exercise in enumerate(menu)]


def _leading_distinct(menu: Sequence[ExerciseInfo]) -> list[ExerciseInfo]:
    """The menu's first exercises up to the first one that repeats a movement pattern."""
    leading: list[ExerciseInfo] = []
    for exercise in menu:
        if any(near_identical(exercise, other) for other in leading):
            break
        leading.append(exercise)
    return leading


def _has_near_identical(exercises: Sequence[ExerciseInfo]) -> bool:
    return any(near_identical(a, b) for a, b in combinations(exercises, 2))


def menu_size(peak_sets: int) -> int:
    """How many exercises a group's session holds at its peak."""
    return min(MAX_EXERCISES_PER_GROUP, max(1, math.ceil(peak_sets / MAX_SETS_PER_EXERCISE)))


# Menus are picked from expected sets; the exact ones may come out a little higher.
MENU_MARGIN_SETS = 2


@dataclass
class _DayPicks:
    """What one day holds so far: its exercises and their spinal load."""

    exercises: list[ExerciseInfo] = field(default_factory=list)

    @property
    def axial(self) -> int:
        return sum(1 for e in self.exercises if is_heavy_axial(e))

    def squat_and_hinge(self) -> bool:
        heavy = {e.pattern for e in self.exercises if is_heavy_axial(e)}
        return {"squat", "hinge"} <= heavy

    def allows(self, exercise: ExerciseInfo) -> bool:
        """DOMAIN §10: at most two heavy axial lifts; a supported row beside squat and hinge."""
        if not is_heavy_axial(exercise):
            return True
        if exercise.pattern == "horizontal_pull" and self.squat_and_hinge():
            return False
        return self.axial < MAX_AXIAL_PER_SESSION


@dataclass(frozen=True)
class MenuRequest:
    """What picking a group's exercises needs to know."""

    group: str
    days: tuple[str, ...]  # the group's days, weekday order
    peak_sets: Mapping[str, int]  # day -> sets at the peak
    pool: tuple[ExerciseInfo, ...]
    user_pool: bool  # the user's own list for the group: rotated in the user's order
    pinned: Mapping[str, tuple[ExerciseInfo, ...]]  # day -> the user's picks for the group
    alone_on: frozenset[str] = frozenset()  # days where the group is the session's only one


@dataclass(frozen=True)
class Menu:
    """A group's exercises in one session, in the order to use them; the first `keep` are
    used every week that has two sets for each."""

    exercises: tuple[ExerciseInfo, ...]
    keep: int = 1


def pick_menus(requests: Sequence[MenuRequest], pinned_days: Mapping[str, Sequence[ExerciseInfo]]
               ) -> dict[tuple[str, str], Menu]:
    """(group, day) -> the exercises the group does there, in the order to use them.

    Groups whose lifts load the spine are picked first, so rows can make way for them."""
    days = {day: _DayPicks(list(exercises)) for day, exercises in pinned_days.items()}
    order = sorted(requests, key=lambda r: (r.group not in _PICK_ORDER,
                                            _PICK_ORDER.index(r.group) if r.group in _PICK_ORDER
                                            else group_index(r.group)))
    menus = {}
    for request in order:
        for day in request.days:
            days.setdefault(day, _DayPicks())
        for day, picks in _GroupPicker(request, days).pick().items():
            menus[request.group, day] = picks
    return menus


class _GroupPicker:
    """One group's exercises for the week: its sessions cycle through its movement patterns so
    they differ, every required pattern is covered, each pattern's exercises are used in turn
    (variety), and the day's spinal load is respected."""

    def __init__(self, request: MenuRequest, days: dict[str, _DayPicks]):
        self.request = request
        self.days = days
        self.queues = _pattern_queues(request)
        self.cursor = [0] * len(self.queues)
        self.week: list[ExerciseInfo] = [e for picks in request.pinned.values() for e in picks]

    def pick(self) -> dict[str, Menu]:
        request = self.request
        free = [day for day in request.days if not request.pinned.get(day)]
        keeps = self._keeps(free)
        menus = {day: Menu(tuple(chosen), len(chosen))
                 for day, chosen in request.pinned.items() if chosen and day in request.days}
        # The back's sessions alternate rows and pulldowns; other groups lead every session
        # with their main pattern (a squat, a press) and rotate the rest behind it.
        alternate = request.group in REQUIRED_PATTERNS
        sizes = {day: max(keeps[day], menu_size(request.peak_sets[day] + MENU_MARGIN_SETS))
                 for day in free}
        picks: dict[str, list[ExerciseInfo]] = {day: [] for day in free}
        # Every session's first exercise before any second one: the exercises each session
        # leads with differ across the week (variety), whatever the later ones do.
        for slot in range(max(sizes.values(), default=0)):
            for offset, day in enumerate(free):
                if slot >= sizes[day] or len(picks[day]) < slot:
                    continue
                exercise = self._next(day, (offset if alternate else 0) + slot, picks[day])
                if exercise is not None:
                    picks[day].append(exercise)
                    self.week.append(exercise)
                    self.days[day].exercises.append(exercise)
        for day in free:
            menus[day] = Menu(tuple(picks[day]), min(keeps[day], len(picks[day])))
        return menus

    def _keeps(self, free: list[str]) -> dict[str, int]:
        """Day -> exercises the session keeps every week: two where the group is the day's
        only one, and enough on the biggest days to cover every required pattern when the
        group has fewer sessions than patterns (a back trained once: a row and a pulldown)."""
        request = self.request
        keeps = dict.fromkeys(free, 1)
        distinct = len({e.pattern for queue in self.queues for e in queue}) > 1
        for day in request.alone_on & set(free):
            # A session's only group splits over two patterns (a row and a pulldown), never
            # over two variants of one.
            if distinct and request.peak_sets[day] >= 2 * MIN_SETS_PER_EXERCISE:
                keeps[day] = MIN_EXERCISES
        covered = {e.pattern for e in self.week}
        missing = [p for p in REQUIRED_PATTERNS.get(request.group, ()) if p not in covered]
        for day in sorted(free, key=lambda d: -request.peak_sets[d]):
            while sum(keeps.values()) < len(missing) and \
                    (keeps[day] + 1) * MIN_SETS_PER_EXERCISE <= request.peak_sets[day]:
                keeps[day] += 1
        return keeps

    def _next(self, day: str, turn: int, picks: list[ExerciseInfo]) -> ExerciseInfo | None:
        """The next exercise for `day`: the turn's pattern unless the day has it already, the
        next exercise of that pattern the day allows. An exercise the week has not used yet
        comes before a repeat (variety), a repeat before breaking the spinal-load rule."""
        patterns_used = {e.pattern for e in picks}
        order = [(turn + i) % len(self.queues) for i in range(len(self.queues))]
        fresh = [q for q in order if self.queues[q][0].pattern not in patterns_used]
        for strict, new in ((True, True), (True, False), (False, False)):
            for queue in (fresh + [q for q in order if q not in fresh]):
                exercise = self._from_queue(queue, day, picks, strict, new)
                if exercise is not None:
                    return exercise
        return None

    def _from_queue(self, queue: int, day: str, picks: list[ExerciseInfo], strict: bool,
                    new: bool) -> ExerciseInfo | None:
        exercises = self.queues[queue]
        for step in range(len(exercises)):
            exercise = exercises[(self.cursor[queue] + step) % len(exercises)]
            if exercise in picks or (new and exercise in self.week):
                continue
            if strict and not (self.days[day].allows(exercise) and self._lat_ok(exercise)):
                continue
            self.cursor[queue] += step + 1
            return exercise
        return None

    def _lat_ok(self, exercise: ExerciseInfo) -> bool:
        """A pullover only beside a real vertical pull already in the week."""
        return self.request.user_pool or not is_lat_isolation(exercise) or any(
            e.pattern == "vertical_pull" and not is_lat_isolation(e) for e in self.week)


def _pattern_queues(request: MenuRequest) -> list[tuple[ExerciseInfo, ...]]:
    """The group's exercises, one queue per movement pattern in the order to use them; the
    back's default picks come from the article's nine exercises when the library has them."""
    pool = request.pool
    if request.user_pool:
        return [pool]
    if request.group == "back":
        article = [e for e in pool if e.key in ARTICLE_BACK_EXERCISES]
        if {e.pattern for e in article} >= set(REQUIRED_PATTERNS["back"]):
            pool = tuple(article)
    by_pattern: dict[str, list[ExerciseInfo]] = defaultdict(list)
    # Pullovers queue behind the pulldowns they pair with.
    for exercise in sorted(pool, key=is_lat_isolation):
        by_pattern[exercise.pattern].append(exercise)
    patterns = [p for p in PREFERRED_PATTERNS.get(request.group, ()) if p in by_pattern]
    patterns = patterns or list(by_pattern)
    return [tuple(by_pattern[p]) for p in patterns]


def session_order(exercises: Sequence[ExerciseInfo], rank: Sequence[str],
                  pinned: Sequence[ExerciseInfo] = ()) -> list[ExerciseInfo]:
    """The order to train a session's exercises (DOMAIN §10): the user's own picks for the day
    first, in their order; then the exercises of the highest-ranked grown muscle they train
    (an overhead press counts for the side delts it also trains), compounds before isolation
    at the same rank; maintained muscles last, compounds first."""
    position = {group: index for index, group in enumerate(rank)}
    unranked = len(rank)

    def key(exercise: ExerciseInfo) -> tuple:
        trained = (exercise.primary, *exercise.secondary)
        best = min((position[g] for g in trained if g in position), default=unranked)
        return (best, not is_compound(exercise.pattern, exercise.secondary),
                position.get(exercise.primary or "", unranked),
                group_index(exercise.primary) if exercise.primary else 0)

    rest = [e for e in exercises if e not in pinned]
    return [e for e in pinned if e in exercises] + sorted(rest, key=key)
