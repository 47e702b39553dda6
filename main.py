"""Overload's entry point: parse arguments, open the database, start the GUI or run a command.

Commands print human text, or JSON with --json, and import no Qt: they start in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from models import __version__

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
    volume.add_argument("--rule", choices=("direct", "fractional"),
                        help="secondary-set counting rule (default: the user's setting)")
    volume.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return int(exc.code or 0)
    if args.command is None:
        from ui.app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args.db, smoke=args.smoke)
    try:
        return _run_command(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"overload: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run_command(args: argparse.Namespace) -> int:
    from models.db import DatabaseOpenError, open_database
    from models.paths import default_database_path

    try:
        open_database(args.db or default_database_path())
    except DatabaseOpenError as exc:
        print(f"overload: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    handler = {"exercises": _cmd_exercises, "volume": _cmd_volume}[args.command]
    return handler(args)


def _cmd_exercises(args: argparse.Namespace) -> int:
    from models.library import list_exercises

    rows = [{"name": e.name, "primary": e.primary, "secondary": list(e.secondary),
             "pattern": e.pattern, "equipment": e.equipment} for e in list_exercises()]
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
    from models.landmarks import load_landmarks
    from models.settings import load_settings
    from models.volume import iso_week_label, parse_iso_week, week_report, weekly_volume

    try:
        monday = parse_iso_week(args.week) if args.week else parse_iso_week(
            iso_week_label(date.today()))
    except ValueError as exc:
        raise UsageError(f"--week: {exc}") from None
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


if __name__ == "__main__":
    sys.exit(main())
