"""Atheris (libFuzzer) on the input readers, a fixed number of inputs each, seeded with real
files.

Each target runs in its own process (libFuzzer owns the process); a crash is an uncaught
exception, reported with its input, and fails the test. See ``atheris_targets.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "fuzz" / "atheris_targets.py"
RUNS = 3000
"""Inputs per target: a fixed amount of work, whatever else the machine is doing.

A time budget (12 s) gave 10,000 inputs on a quiet machine but about 2,500 beside other
test workers, so what a run proved depended on the load; 3,000 is what the loaded runs
did (coverage within a few edges of 10,000: 158 against 167 for ``people``), in about
4 s on a quiet machine."""
DEADLINE = 300
"""Seconds before libFuzzer stops anyway: far beyond 3,000 inputs on a busy machine."""

SEEDS = {
    "agenda": [
        *sorted((ROOT / "agendas").glob("*.toml")),
        *sorted((ROOT / "tests" / "data" / "agendas").glob("*")),
    ],
    "people": [ROOT / "tests" / "data" / "seating_people.csv"],
    "seating": [ROOT / "tests" / "data" / "seating_people.csv"],
    "forms": [],
}


@pytest.mark.parametrize("target", sorted(SEEDS))
def test_atheris_finds_no_crash(target: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS[target]:
        shutil.copy(seed, corpus / seed.name)
    if target == "people":  # a Swedish Excel export as co-hosts bring it
        (corpus / "anmalda.csv").write_bytes(
            "namn;organisation;sektor;e-post;telefon;värd\r\n"
            "Åsa Öberg;Röda Korset;förening;asa@example.se;070-123 45 67;ja\r\n"
            "Bo Ek;Kommunen;kommun;;;nej\r\n".encode("cp1252")
        )
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            target,
            str(corpus),
            f"-runs={RUNS}",
            f"-max_total_time={DEADLINE}",
            "-max_len=16384",
            f"-artifact_prefix={tmp_path}/",
            "-print_final_stats=1",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=DEADLINE + 120,
    )
    done = re.search(r"Done (\d+) runs", result.stderr)
    crash = list(tmp_path.glob("crash-*"))
    assert result.returncode == 0 and not crash, f"atheris found a crash:\n{result.stderr[-4000:]}"
    assert done is not None, result.stderr[-2000:]
    runs = int(done.group(1))
    coverage = re.findall(r"cov: (\d+)", result.stderr)
    print(f"\n[figure] atheris {target}: {runs} inputs, coverage {coverage[-1]} edges")
    assert runs == RUNS, f"atheris stopped after {runs} of {RUNS} inputs"
