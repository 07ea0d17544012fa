"""The benchmark scripts still run: each once, at its smallest, as a user would start it.

They measure and print; their figures are not asserted here (a test whose pass depends on
the machine's load is a defect). What is asserted is that they get to their summary, so a
change elsewhere cannot leave a benchmark that only fails when someone needs its figures
(``bench_startup.py`` built its people with ``dataclasses.replace`` after the records had
become Structs, and nothing noticed). ``bench_tui_load.py`` is the same code as
``tests/reliability/test_tui_load.py``; ``bench_seating.py`` and ``bench_harvest.py`` have
no small size and take a minute each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent / "benchmarks"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("script", "args", "summary"),
    [
        ("bench_startup.py", ["--runs", "1"], "ratio cafe run / minimal app:"),
        ("bench_burst.py", ["--phones", "20", "--rounds", "1"], "stored 20 of 20"),
        (
            "bench_web_load.py",
            ["--burst", "10", "--steady", "2", "--window", "2"],
            "lost 0; extra 0",
        ),
        ("bench_report.py", ["--runs", "1"], "build_before: median"),
    ],
)
def test_a_benchmark_runs_to_its_summary(script: str, args: list[str], summary: str) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert summary in result.stdout, result.stdout + result.stderr
