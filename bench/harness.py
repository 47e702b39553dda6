"""What every benchmark shares: timing a call, a result row, the verdict and the markdown table.

A benchmark module's `run()` returns rows made with `result()`; run_all.py collects them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def timed_startup(command: list[str], env: dict[str, str], cwd: Path = REPO_ROOT
                  ) -> dict[str, float]:
    """Run one start-up with the OVERLOAD_STARTUP_TRACE probe: milliseconds from just before
    the spawn to each traced event ("window shown", "data loaded") and to the exit. The probe
    prints time.monotonic(), which is system-wide on Linux, so the two clocks compare."""
    started = time.monotonic()
    done = subprocess.run(command, env={**env, "OVERLOAD_STARTUP_TRACE": "1"}, cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    ended = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    events = {"exit": (ended - started) * 1000}
    for line in done.stderr.splitlines():
        if line.startswith("startup: "):
            name, stamp = line[len("startup: "):].rsplit(" ", 1)
            events[name] = (float(stamp) - started) * 1000
    return events


def alternate_startups(bare: list[str], app: list[str], env: dict[str, str], runs: int
                       ) -> tuple[list[dict], list[dict]]:
    """One untimed run of each (bytecode, disk cache; the app creates its database), then
    `runs` timed rounds of each in turn, so background load hits both alike."""
    timed_startup(bare, env)
    timed_startup(app, env)
    bare_runs, app_runs = [], []
    for _ in range(runs):
        bare_runs.append(timed_startup(bare, env))
        app_runs.append(timed_startup(app, env))
    return bare_runs, app_runs


def child_env(scratch: Path) -> dict[str, str]:
    """The environment for a timed child process: offscreen, settings and data folder in the
    scratch folder (not the home), and bytecode cached there: users run from compiled bytecode,
    and with PYTHONDONTWRITEBYTECODE set (as on this machine) every run would recompile."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"),
               PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p95_ms: float
    runs: int
    # CPU time of this process: barely moved by other programs competing for the CPUs, so it
    # tells "our code got slower" apart from "the machine was busy".
    cpu_median_ms: float | None = None


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was really measured, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[rank - 1]


def summarise(samples_ms: list[float], cpu_ms: list[float] | None = None) -> Timing:
    return Timing(statistics.median(samples_ms), percentile(samples_ms, 0.95), len(samples_ms),
                  statistics.median(cpu_ms) if cpu_ms else None)


def time_calls(call: Callable[[], object], *, runs: int = 30, warmup: int = 3) -> Timing:
    """Median and p95 of `runs` calls, after `warmup` untimed ones (caches, first-use imports)."""
    for _ in range(warmup):
        call()
    samples, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return summarise(samples, cpu)


def result(name: str, value: float | str, unit: str, budget: float | str | None,
           note: str = "") -> dict:
    """One row of a benchmark's report. A numeric budget is a ceiling; a text budget is the
    expected value; None means the row is information only."""
    return {"name": name, "value": value, "unit": unit, "budget": budget, "note": note}


def verdict(row: dict) -> str:
    budget, value = row["budget"], row["value"]
    if budget is None:
        return "info"
    if isinstance(budget, int | float):
        return "pass" if value <= budget else "**FAIL**"
    return "pass" if value == budget else "**FAIL**"


def _show(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        value = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return f"{value} {unit}".strip()


def markdown_table(rows: list[dict]) -> str:
    lines = ["| Benchmark | Measured | Budget | Verdict |", "|---|---|---|---|"]
    for row in rows:
        name = f"{row['name']} ({row['note']})" if row["note"] else row["name"]
        budget = row["budget"]
        shown_budget = f"≤ {_show(budget, row['unit'])}" \
            if isinstance(budget, int | float) else _show(budget, row["unit"])
        lines.append(f"| {name} | {_show(row['value'], row['unit'])} | {shown_budget} "
                     f"| {verdict(row)} |")
    return "\n".join(lines)
