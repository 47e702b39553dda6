"""Overload's entry point: parse arguments, open the database, start the GUI or run a command.

Commands print human text, or JSON with --json, and import no Qt: they start in milliseconds.
The GUI path imports as little as possible before its window is up, so modules that only
commands need (json, datetime, the ORM) are imported inside the command functions.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from models import __version__
from models.rules import limits

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command-line value that parses but makes no sense; exit 2 with the message."""


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the command; the command's copy must not reset the
    # top-level value to its default, hence SUPPRESS there.
    top_db = argparse.ArgumentParser(add_help=False)
    top_db.add_argument("--db", type=Path, metavar="PATH",
                        help="database file (default: the per-user data folder)")
    sub_db = argparse.ArgumentParser(add_help=False)
    sub_db.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: the per-user data folder)")

    parser = argparse.ArgumentParser(
        prog="overload", parents=[top_db],
        description="Overload: plan and log resistance training for muscle growth, offline.")
    parser.add_argument("--version", action="version", version=f"Overload {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="open the main window, run the event loop once, exit 0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    exercises = commands.add_parser("exercises", parents=[sub_db],
                                    help="list the exercise library")
    exercises.add_argument("--json", action="store_true", help="print JSON")

    volume = commands.add_parser("volume", parents=[sub_db],
                                 help="sets per muscle group for one week")
    volume.add_argument("--week", metavar="YYYY-Www", help="ISO week (default: this week)")
    volume.add_argument("--rule", choices=limits.SETTING_CHOICES["secondary_rule"],
                        help="secondary-set counting rule (default: the user's setting)")
    volume.add_argument("--json", action="store_true", help="print JSON")
    _add_plan_parser(commands, sub_db)
    _add_transfer_parsers(commands, sub_db)
    return parser


def _add_plan_parser(commands, sub_db) -> None:
    plan = commands.add_parser(
        "plan", parents=[sub_db], help="generate a mesocycle (and --save it)",
        description="Generate a hypertrophy mesocycle. Without --grow, --maintain or --skip "
                    "every muscle group is a candidate to grow, big muscles first (the back on "
                    "top); the week's budget (days × 25 sets, or days × --max-minutes) decides "
                    "how many grow, and the rest are maintained. --grow lists the groups to "
                    "grow in rank order, highest first; with any of the three options the "
                    "groups not listed are maintained.")
    plan.add_argument("--level", required=True, choices=limits.LEVELS)
    plan.add_argument("--days", required=True, metavar="mon,tue,...",
                      help="training weekdays, e.g. mon,tue,thu,fri")
    plan.add_argument("--weeks", required=True, type=int, metavar="N",
                      help="accumulation weeks, 3–12")
    plan.add_argument("--no-deload", action="store_true", help="no deload week at the end")
    plan.add_argument("--start", metavar="YYYY-MM-DD",
                      help="first day (default: the Monday after the last planned session, or "
                           "next Monday)")
    plan.add_argument("--split", default="auto",
                      choices=limits.SPLITS)
    for priority in limits.PRIORITIES:
        plan.add_argument(f"--{priority}", metavar="GROUPS", default="",
                          help=f"comma-separated muscle groups to {priority}"
                               + (", highest priority first" if priority == "grow" else ""))
    plan.add_argument("--max-minutes", type=int, metavar="N",
                      help="longest session to plan, in minutes (20–240)")
    plan.add_argument("--rule", choices=limits.SETTING_CHOICES["secondary_rule"],
                      help="how secondary muscles count (default: your saved preference)")
    plan.add_argument("--name", default="", help="name of the saved mesocycle")
    plan.add_argument("--save", action="store_true", help="write the mesocycle to the database")
    plan.add_argument("--replace", action="store_true",
                      help="with --save: replace the planned (never trained) sessions in the "
                           "plan's dates instead of refusing")
    plan.add_argument("--json", action="store_true", help="print JSON")


def _add_transfer_parsers(commands, sub_db) -> None:
    imports = commands.add_parser(
        "import", parents=[sub_db], help="import history from Strong, Hevy or FitNotes",
        description="Import a Strong, Hevy or FitNotes CSV export (or restore an Overload JSON "
                    "export into an empty database). Workouts already imported are skipped; "
                    "exercise names not in the library become custom exercises with no muscle "
                    "group (assign one in the library). A backup is written first.")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--format", default="auto", choices=("auto", *limits.IMPORT_FORMATS),
                         help="insist on a format (default: detected from the header)")
    imports.add_argument("--unit", choices=limits.SETTING_CHOICES["units"],
                         help="unit of the weights, for files that do not say (required then)")
    imports.add_argument("--json", action="store_true", help="print a JSON summary")
    exports = commands.add_parser(
        "export", parents=[sub_db], help="export sets as CSV, or everything as JSON")
    exports.add_argument("file", type=Path, metavar="FILE")
    exports.add_argument("--format", choices=limits.EXPORT_FORMATS,
                         help="default: json for a .json FILE, else csv")
    exports.add_argument("--force", action="store_true",
                         help="replace FILE if it exists (never the database or a backup)")
    exports.add_argument("--json", action="store_true", help="print a JSON summary")


def main(argv: list[str] | None = None) -> int:
    # A file name that is not valid UTF-8 (kept by Python as surrogates) must not crash a print.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()  # ~5 ms, even before the window: the start-up benchmark counts it
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return int(exc.code or 0)
    if args.command is None:
        from ui.app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args.db, smoke=args.smoke)
    try:
        return _run_command(args)
    except BrokenPipeError:  # `overload exercises | head`: the reader left; not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — keeps the interpreter's final flush quiet
        return EXIT_OK
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"overload: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run_command(args: argparse.Namespace) -> int:
    import tempfile

    from models.storage.paths import default_database_path

    if args.command == "plan":  # arguments are checked before any database is touched
        args.request_parts = _plan_parts(args)
    if args.command == "export" and not args.file.name:
        raise UsageError(f"FILE: {str(args.file)!r} names no file")
    if args.command == "import":  # a file that cannot be read changes nothing, not even --db
        problem = _unreadable(args.file)
        if problem:
            print(f"overload: cannot read {args.file}: {problem}", file=sys.stderr)
            return EXIT_FAILURE
    path = args.db or default_database_path()
    if not _writes(args) and _not_created_yet(path):
        # A command that only reads must not create the database: it reads an empty one.
        with tempfile.TemporaryDirectory(prefix="overload-") as folder:
            return _run_command_on(args, Path(folder) / path.name)
    lock = _lock_for_writing(path) if _writes(args) else True
    if lock is None:
        return EXIT_FAILURE
    try:
        return _run_command_on(args, path)
    finally:
        if lock is not True:
            lock.unlock()  # now, not whenever the object is collected: the file goes with it


def _run_command_on(args: argparse.Namespace, path: Path) -> int:
    import sqlite3

    import peewee

    from models.opening import open_database
    from models.storage.db import DatabaseOpenError, close_database, describe_write_error

    try:
        open_database(path)
    except DatabaseOpenError as exc:
        print(f"overload: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    handler = {"exercises": _cmd_exercises, "volume": _cmd_volume, "plan": _cmd_plan,
               "import": _cmd_import, "export": _cmd_export}
    try:
        return handler[args.command](args)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:  # read-only, disk full…
        print(f"overload: {describe_write_error(path, exc)} Nothing was changed.",
              file=sys.stderr)
        return EXIT_FAILURE
    finally:
        close_database()


def _unreadable(path: Path) -> str | None:
    """Why an import file cannot be read at all (missing, a device, a pipe…), or None."""
    from models.storage.files import read_head

    try:
        read_head(path, 1)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _not_created_yet(path: Path) -> bool:
    """No database file there yet, or an empty one (what a first start would fill)."""
    import stat

    try:
        info = path.expanduser().stat()
        return stat.S_ISREG(info.st_mode) and info.st_size == 0
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False  # a file where a folder should be, no permission…: opening says why


def _writes(args: argparse.Namespace) -> bool:
    return args.command == "import" or (args.command == "plan" and args.save)


def _lock_for_writing(path: Path):
    """The instance lock (ui/instance_lock.py) for a command that writes: the lock (or True
    where no lock file can be made: opening the database then says why); None, after saying
    so, when a running Overload has the database open. Only these commands import QtCore."""
    from ui.instance_lock import (
        LockPathBlockedError,
        LockUnavailableError,
        acquire_instance_lock,
        already_open_text,
    )

    try:
        lock = acquire_instance_lock(path)
    except LockPathBlockedError as exc:
        print(f"overload: {exc}", file=sys.stderr)
        return None
    except LockUnavailableError:
        return True
    if lock is None:
        print(f"overload: {already_open_text(path)}", file=sys.stderr)
    return lock


def _cmd_exercises(args: argparse.Namespace) -> int:
    import json

    from models.library import list_exercises

    rows = [{"name": e.name, "primary": e.primary, "secondary": list(e.secondary),
             "pattern": e.pattern, "equipment": e.equipment,
             "rep_range": [e.rep_low, e.rep_high], "tempo": e.tempo} for e in list_exercises()]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{'Exercise':<40} {'Primary':<12} {'Secondary':<30} {'Pattern':<16} Equipment")
    for row in rows:
        print(f"{row['name']:<40} {row['primary'] or '—':<12} "
              f"{', '.join(row['secondary']) or '—':<30} {row['pattern']:<16} "
              f"{row['equipment']}")
    print(f"{len(rows)} exercises")
    return EXIT_OK


def _cmd_volume(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from models.landmarks import load_landmarks
    from models.rules.limits import DATE_RANGE_TEXT, in_date_range
    from models.settings import load_settings
    from models.volume import iso_week_label, parse_iso_week, week_report, weekly_volume

    try:
        monday = parse_iso_week(args.week) if args.week is not None else parse_iso_week(
            iso_week_label(date.today()))
    except ValueError as exc:
        raise UsageError(f"--week: {exc}") from None
    if not in_date_range(monday):
        raise UsageError(f"--week: {args.week} is out of range ({DATE_RANGE_TEXT})")
    rule = args.rule or load_settings().secondary_rule
    done = weekly_volume(monday, rule)
    planned = weekly_volume(monday, rule, planned=True)
    report = week_report(done, load_landmarks())
    label = iso_week_label(monday)
    if args.json:
        groups = {g.group: {"sets": g.sets, "planned": planned[g.group], "mv": g.landmarks.mv,
                            "mev": g.landmarks.mev,
                            "mav": [g.landmarks.mav_low, g.landmarks.mav_high],
                            "mrv": g.landmarks.mrv, "status": g.status.value}
                  for g in report}
        print(json.dumps({"week": label, "rule": rule, "groups": groups}, indent=2))
        return EXIT_OK
    print(f"Week {label} (from {monday:%a %d %b %Y}), counting rule: {rule}")
    print(f"{'Group':<12} {'Sets':>6} {'Planned':>8}   MV  MEV    MAV    MRV  Status")
    for g in report:
        lm = g.landmarks
        print(f"{g.group:<12} {g.sets:>6g} {planned[g.group]:>8g}  {lm.mv:>3} {lm.mev:>4} "
              f"{lm.mav_low:>3}–{lm.mav_high:<3} {lm.mrv:>4}  {g.status.value}")
    return EXIT_OK


def _split_list(text: str, allowed: tuple[str, ...], option: str) -> list[str]:
    items = [item.strip().lower() for item in text.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise UsageError(
            f"{option}: unknown {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return items


def _plan_parts(args: argparse.Namespace) -> dict:
    """Validate the plan options into the pieces of a PlanRequest (UsageError when wrong)."""
    from datetime import date

    from models.rules.domain import MUSCLE_GROUPS, WEEKDAYS
    from models.rules.limits import FIRST_DATE
    from models.rules.plan_types import (
        LAST_PLAN_START,
        MAX_ACCUMULATION_WEEKS,
        MAX_SESSION_MINUTES,
        MIN_ACCUMULATION_WEEKS,
        MIN_SESSION_MINUTES,
    )

    days = _split_list(args.days, WEEKDAYS, "--days")
    if not days:
        raise UsageError("--days: name at least one weekday, e.g. mon,wed,fri")
    if not MIN_ACCUMULATION_WEEKS <= args.weeks <= MAX_ACCUMULATION_WEEKS:
        raise UsageError(f"--weeks: {args.weeks} is out of range "
                         f"({MIN_ACCUMULATION_WEEKS}–{MAX_ACCUMULATION_WEEKS})")
    priorities: dict[str, str] = {}
    for priority in limits.PRIORITIES:
        for group in _split_list(getattr(args, priority), MUSCLE_GROUPS, f"--{priority}"):
            if group in priorities:
                where = (f"both --{priorities[group]} and --{priority}"
                         if priorities[group] != priority else f"named twice in --{priority}")
                raise UsageError(f"{group} is {where}")
            priorities[group] = priority
    if args.max_minutes is not None and not (
            MIN_SESSION_MINUTES <= args.max_minutes <= MAX_SESSION_MINUTES):
        raise UsageError(f"--max-minutes: {args.max_minutes} is out of range "
                         f"({MIN_SESSION_MINUTES}–{MAX_SESSION_MINUTES})")
    if priorities:
        for group in MUSCLE_GROUPS:
            priorities.setdefault(group, "maintain")
    try:
        start = date.fromisoformat(args.start) if args.start is not None else None
    except ValueError:
        raise UsageError(f"--start: {args.start!r} is not a date like 2026-11-30") from None
    if start is not None and not FIRST_DATE <= start <= LAST_PLAN_START:
        raise UsageError(f"--start: {args.start} is out of range "
                         f"({FIRST_DATE}–{LAST_PLAN_START})")
    _check_name(args.name)
    rank = tuple(g for g, p in priorities.items() if p == "grow")
    return {"days": tuple(days), "priorities": priorities, "rank": rank, "start": start}


def _check_name(name: str) -> None:
    from models.rules.limits import MAX_NAME_LENGTH

    if len(name) > MAX_NAME_LENGTH:
        raise UsageError(f"--name: {len(name)} characters; at most {MAX_NAME_LENGTH}")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UsageError("--name: control characters (a newline, a tab…) are not allowed")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("--name: not valid text (undecodable bytes)") from None


def _cmd_plan(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from models import plans
    from models.landmarks import load_landmarks
    from models.library import planning_library
    from models.rules.generator import PlanRequest, generate_plan, plan_to_dict
    from models.settings import load_settings

    parts = args.request_parts
    start = parts["start"] or plans.first_free_start(date.today())
    plan = generate_plan(PlanRequest(
        level=args.level, days=parts["days"], weeks=args.weeks, start=start,
        deload=not args.no_deload, split=args.split, priorities=parts["priorities"],
        rank=parts["rank"], rule=args.rule or load_settings().secondary_rule,
        max_minutes=args.max_minutes, landmarks=load_landmarks(), library=planning_library()))
    in_the_way = plans.planned_in_the_way(plan) if args.save else []
    if in_the_way and not args.replace:
        after = plans.first_free_start(in_the_way[-1][1])
        print(f"overload: the plan's dates overlap {plans.overlap_text(in_the_way)}; add "
              f"--replace to replace them, or start after them (--start {after}). Nothing was "
              "saved.", file=sys.stderr)
        return EXIT_FAILURE
    saved = None
    if args.save:
        saved = plans.save_plan_replacing(plan, name=args.name)[0] if in_the_way else \
            plans.save_plan(plan, name=args.name)
    if args.json:
        data = plan_to_dict(plan)
        if saved is not None:
            data["mesocycle_id"] = saved
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    _print_plan(plan)
    if saved is not None:
        replaced = f", replacing {plans.overlap_text(in_the_way)}" if in_the_way else ""
        print(f"Saved as “{args.name or plans.default_name(plan)}” (mesocycle {saved}){replaced}.")
    return EXIT_OK


def _print_plan(plan) -> None:
    from models.rules.domain import MUSCLE_GROUPS
    from models.rules.generator import plan_budget

    print(f"{plan.level.capitalize()} mesocycle, {plan.split.replace('_', ' ')}, "
          f"days {', '.join(plan.days)}, from {plan.start:%a %d %b %Y}")
    print(f"Grows {', '.join(plan.rank) or 'nothing'} (highest priority first); "
          f"{plan_budget(plan).text}. Weekly sets counted {plan.rule}:")
    header = " ".join(f"{'D' if w.deload else 'W' + str(w.number):>5}" for w in plan.weeks)
    print(f"{'Group':<12} {'':<9}{header}")
    for group in MUSCLE_GROUPS:
        cells = " ".join(f"{w.counted_per_muscle.get(group, 0):>5g}" for w in plan.weeks)
        print(f"{group:<12} {plan.priorities.get(group, ''):<9}{cells}")
    print(f"{'RIR':<12} {'':<9}" + " ".join(f"{w.rir:>5}" for w in plan.weeks))
    for label, week in (("first", plan.weeks[0]), ("peak", plan.peak_week)):
        print(f"\nWeek {week.number} ({label}):")
        for session in week.sessions:
            print(f"{session.weekday.capitalize()} {session.date:%d %b} — {session.name}, "
                  f"{session.total_sets} sets, about {session.minutes} min")
            for e in session.exercises:
                print(f"  {e.name:<34} {e.sets} × {e.rep_low}–{e.rep_high} @ RIR {e.rir}, "
                      f"{e.tempo}")
    for warning in plan.warnings:
        print(f"warning [{warning.rule}]: {warning.message}")



def _cmd_import(args: argparse.Namespace) -> int:
    """Exit 1 with "overload: line 12: …" for a refused file; a file that needs --unit is a
    usage error (exit 2), like any other missing option."""
    import json

    from models.io.csv_parsers import ImportFileError, UnitRequiredError, parse_file
    from models.io.exporting import looks_like_json
    from models.io.import_writer import apply_import
    from models.storage.copies import BackupFolderError
    from models.storage.db import database

    if args.format == "auto" and looks_like_json(args.file):
        return _restore_json(args)
    try:
        parsed = parse_file(args.file, format=args.format, unit=args.unit)
        summary = apply_import(parsed, Path(database.obj.database), create_unassigned=True)
    except UnitRequiredError as exc:
        raise UsageError(f"{args.file.name}: {exc}") from None
    except ImportFileError as exc:
        print(f"overload: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BackupFolderError as exc:
        print(f"overload: {exc}; nothing was imported.", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:
        print(f"overload: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"Imported {summary.workouts} workouts, {summary.sets} sets ({summary.warmup_sets} "
          f"warm-up) from {summary.variant}; unit {summary.unit or 'kg and lb per row'}.")
    if summary.skipped_existing:
        print(f"Skipped {summary.skipped_existing} workouts imported before.")
    if summary.skipped_rows:
        print(f"{summary.skipped_rows} rows were not sets (notes, rest timers, cardio).")
    if summary.new_exercises:
        print("New custom exercises, muscle group unassigned (set it in the library): "
              + ", ".join(summary.new_exercises))
    print(f"Backup of the database before the import: {summary.backup}")
    return EXIT_OK


def _restore_json(args: argparse.Namespace) -> int:
    import json

    from models.io.exporting import ExportFileError, import_json

    try:
        counts = import_json(args.file)
    except ExportFileError as exc:
        print(f"overload: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps({"format": "overload-export", "tables": counts}, indent=2))
    else:
        print(f"Restored {args.file}: {counts['session']} sessions, {counts['logged_set']} sets.")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    import json

    from models.io.exporting import export_csv, export_json, export_target_problem
    from models.storage.db import database

    problem = export_target_problem(args.file, database.obj.database)
    if problem is None and os.path.lexists(args.file) and not args.force:
        problem = f"{args.file} exists; add --force to replace it"
    if problem is not None:
        print(f"overload: {problem}. Nothing was written.", file=sys.stderr)
        return EXIT_FAILURE
    fmt = args.format or ("json" if args.file.suffix.lower() == ".json" else "csv")
    try:
        if fmt == "json":
            summary = {"file": str(args.file), "format": fmt, "tables": export_json(args.file)}
            sets = summary["tables"]["logged_set"]
        else:
            sets = export_csv(args.file)
            summary = {"file": str(args.file), "format": fmt, "sets": sets}
    except OSError as exc:
        print(f"overload: cannot write {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(f"Exported {sets} sets to {args.file} ({fmt}).")
    return EXIT_OK


def _leave(code: int) -> None:
    """End the process. After the window closed, everything is already saved (settings synced,
    the database closed, the lock released): leaving without the interpreter's teardown makes
    quitting immediate — tearing down thousands of Qt objects is a pause the user sees — and
    safe while the idle pyqtgraph import still runs on its thread, which the teardown would
    pull the modules from under (a crash at exit)."""
    if "ui.app" not in sys.modules:  # a command: the normal exit
        sys.exit(code)
    import logging

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _leave(main())
