"""Run every benchmark in bench/ and write the results table to bench/RESULTS.md.

    python bench/run_all.py [--only volume,startup]

A benchmark is a `bench_*.py` module with a top-level `run()` returning rows made by
bench.harness.result(name, value, unit, budget, note). A `bench_*.py` without `run()` (e.g. a
script that only prints its timings) is listed as skipped, not imported: give it a `run()` to
bring it into the table. Modules are found by reading their source, so a script that does its work
at import time is never started by accident.

The same table also goes into README.md between the lines `<!-- bench-results:start -->` and
`<!-- bench-results:end -->` when the README has them (a full run only: --only would show part of
the table as if it were all of it).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT, markdown_table, result

BENCH_DIR = REPO_ROOT / "bench"
RESULTS = BENCH_DIR / "RESULTS.md"
README = REPO_ROOT / "README.md"
README_START, README_END = "<!-- bench-results:start -->", "<!-- bench-results:end -->"


def has_run(path: Path) -> bool:
    """True when the module defines `run()` at top level."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return any(isinstance(node, ast.FunctionDef) and node.name == "run" for node in tree.body)


def discover(only: set[str] | None = None) -> tuple[list[Path], list[Path]]:
    """(benchmarks to run, bench_*.py files skipped for lack of run()), by name."""
    found = sorted(BENCH_DIR.glob("bench_*.py"))
    if only:
        found = [p for p in found if p.stem.removeprefix("bench_") in only]
    return [p for p in found if has_run(p)], [p for p in found if not has_run(p)]


def run_module(path: Path) -> list[dict]:
    """The module's rows; a crash becomes one failing row so the other benchmarks still run."""
    print(f"== {path.name}", flush=True)
    try:
        return importlib.import_module(f"bench.{path.stem}").run()
    except Exception as exc:  # report and go on: one broken benchmark must not hide the rest
        traceback.print_exc()
        return [result(f"{path.stem} crashed", f"{type(exc).__name__}: {exc}", "", "runs")]


def results_page(table: str, skipped: list[Path]) -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now():%Y-%m-%d %H:%M} with `python bench/run_all.py` on "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load} at the end. Data: a generated 10-year "
        "history (bench/make_history.py, seed 1). Timings are medians; the shared machine's "
        "load makes them noisy, so compare runs on one machine only.",
        "",
        table,
        "",
    ]
    if skipped:
        names = ", ".join(f"`{p.name}`" for p in skipped)
        lines += [f"Not in the table (no `run()` yet): {names}.", ""]
    return "\n".join(lines)


def update_readme(table: str, readme: Path = README) -> bool:
    """Put the table between the README's markers; False (README unchanged) without them."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return False
    stamp = f"_{datetime.now():%Y-%m-%d}, `make bench`; details in bench/RESULTS.md._"
    block = f"{README_START}\n{table}\n\n{stamp}\n"
    readme.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated names, e.g. volume,startup")
    args = parser.parse_args(argv)
    benchmarks, skipped = discover(set(args.only.split(",")) if args.only else None)
    for path in skipped:
        print(f"skipping {path.name}: no run() (see run_all.py's docstring)", file=sys.stderr)
    rows = [row for path in benchmarks for row in run_module(path)]
    table = markdown_table(rows)
    print(table)
    RESULTS.write_text(results_page(table, skipped), encoding="utf-8")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")
    if not args.only and update_readme(table):
        print(f"and to {README.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
