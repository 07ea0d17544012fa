"""Load test with the TUI: phones on 127.0.0.1 while the app's round timer runs.

Not collected by pytest (the suite's own run is tests/reliability/test_tui_load.py).

    .venv/bin/python tests/benchmarks/bench_tui_load.py                  # 1,000 phones
    .venv/bin/python tests/benchmarks/bench_tui_load.py --burst 1000 --steady 0

The app (Textual, headless, 120×40) and its LAN server share one event loop, as under
``cafe run``; the phones run in a second process. A thread samples the drawn timer every
10 ms against ``Timer.remaining(time.time())``, first with no phones (the baseline, same
run) and then under load. Exit status 0 only if nothing was lost and the drift stayed
under one second.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.reliability.tui_load import PhonePlan, run_load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=200, help="phones starting at once")
    parser.add_argument("--steady", type=int, default=800, help="phones arriving evenly")
    parser.add_argument("--window", type=float, default=15.0, help="seconds for --steady")
    parser.add_argument("--baseline", type=float, default=5.0, help="idle seconds measured")
    parser.add_argument("--dir", type=Path, help="where to make the meeting (default: temp)")
    args = parser.parse_args(argv)
    plan = PhonePlan(burst=args.burst, steady=args.steady, window=args.window)
    with tempfile.TemporaryDirectory(dir=args.dir) as temp:
        report = asyncio.run(run_load(Path(temp) / "meeting", plan, baseline_seconds=args.baseline))
    for line in report.lines():
        print(line)
    for failure in report.phones.failures[:5]:
        print(f"  failure: {failure}")
    ok = (
        report.lost == 0
        and not report.phones.failures
        and report.distinct_signup_keys == report.stored_signups
        and report.load.summary()["max_lag"] < 1.0
    )
    print("RESULT: " + ("nothing lost, drift under 1 s" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
