"""Report benchmark: the full report of a 200-person meeting with 400 ideas.

Not part of the test run (pytest collects only ``test_*.py``). Run it with:

    .venv/bin/python tests/benchmarks/bench_report.py            # median of 5
    .venv/bin/python tests/benchmarks/bench_report.py --runs 9 --keep /tmp/bench-out

It builds a meeting folder (200 participants from 80 organisations, a 50-table seating
plan, 400 ideas over four rounds, 8 themes holding two thirds of the ideas, 60 sign-ups,
150 check-out thoughts), then times ``build_report`` (working-group.pptx, summary.md and
.html, the CSVs, feedback.md) and ``build_before`` (invitation, 50 table cards with QR
codes, sign-up sheets, meeting deck), each from a fresh output folder, and prints the
median and spread in seconds. It exits 1 if a median exceeds 10 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.reports.build import build_before, build_report
from tests.meetings import new_meeting

PEOPLE = 200
IDEAS = 400
TABLES = 50
LIMIT_SECONDS = 10.0
WORDS = [
    "mötesplats",
    "biblioteket",
    "föreningar",
    "kommunen",
    "äldre",
    "grannar",
    "skjuts",
    "landsbygd",
    "fika",
    "språkcafé",
    "besöksvänner",
    "lokaler",
    "digitalt",
    "stöd",
    "generationer",
    "trygghet",
    "gemenskap",
    "kontaktpunkt",
    "volontärer",
    "hembesök",
    "promenader",
    "kultur",
    "musik",
    "mat",
    "lunch",
    "samverkan",
]


def build_meeting(folder: Path, seed: int = 1) -> MeetingService:
    rng = random.Random(seed)
    service = new_meeting(folder)
    orgs = [f"Förening {n} för Ålder & Öppenhet" for n in range(70)] + [
        f"Kommunens förvaltning {n}" for n in range(10)
    ]
    people = service.add_participants(
        [
            PersonInput(
                f"Deltagare {n} Åström",
                rng.choice(orgs),
                rng.choice(["civil", "civil", "kommun", "företag", "annat"]),
                email=f"person{n}@example.se",
                present=n % 10 != 0,
                host=n < TABLES,
            )
            for n in range(PEOPLE)
        ]
    )
    ids = [p.id for p in people]
    hosts, others = ids[:TABLES], ids[TABLES:]
    service.store_seating(
        {
            "tables": TABLES,
            "rounds": [
                {
                    "round": r,
                    "tables": [
                        {"table": t + 1, "host": hosts[t], "members": others[t::TABLES]}
                        for t in range(TABLES)
                    ],
                }
                for r in range(1, 5)
            ],
        }
    )
    ideas = []
    per_batch = IDEAS // (4 * TABLES)
    for round_number in range(1, 5):
        for table in range(1, TABLES + 1):
            texts = [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30))).capitalize()
                + f" ({round_number}.{table}.{k})"
                for k in range(per_batch)
            ]
            ideas += service.capture_ideas(texts, table=table, round=round_number)
    themes = [
        service.create_theme(
            f"Tema {n}: {rng.choice(WORDS)} och {rng.choice(WORDS)}",
            signup=n < 6,
            ideas=[i.id for i in ideas[n::12]],
        )
        for n in range(8)
    ]
    open_themes = [t.id for t in themes[:6]]
    for n in range(60):
        person = people[rng.randrange(PEOPLE)]
        consent = n % 3 != 0
        service.sign_up(
            name=person.name,
            organisation=person.organisation,
            email=person.email if consent else "",
            themes=rng.sample(open_themes, rng.randint(0, 2)),
            consent=consent,
        )
    for _ in range(150):
        service.note_checkout(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25))))
    return service


def timed(runs: int, action: Callable[[], None]) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also write one report here to look at")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        start = time.perf_counter()
        service = build_meeting(work / "m")
        state = service.state
        print(
            f"meeting: {len(state.participants)} people, {len(state.visible_ideas())} ideas, "
            f"{len(state.live_themes())} themes, {len(state.live_signups())} sign-ups, "
            f"{len(state.checkout)} check-out notes (built in {time.perf_counter() - start:.1f} s)"
        )
        out = work / "out"

        def report() -> None:
            shutil.rmtree(out, ignore_errors=True)
            build_report(service, out)

        def before() -> None:
            shutil.rmtree(out, ignore_errors=True)
            build_before(service, out, public_base="http://192.0.2.10:8765")

        failed = False
        for name, action in (("build_report", report), ("build_before", before)):
            seconds = timed(args.runs, action)
            median = statistics.median(seconds)
            failed |= median > LIMIT_SECONDS
            print(
                f"{name}: median {median:.2f} s over {args.runs} runs "
                f"(min {min(seconds):.2f}, max {max(seconds):.2f})"
            )
        if args.keep:
            build_report(service, args.keep)
            build_before(service, args.keep, public_base="http://192.0.2.10:8765")
            print(f"files in {args.keep}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
