"""1,000 phones on 127.0.0.1 while the TUI runs a round: nothing lost, the timer on time.

The harness (``tests/reliability/tui_load.py``) runs the app with its LAN server in one
event loop, as ``cafe run`` does, and the phones in another process. The figures are
printed; ``tests/benchmarks/bench_tui_load.py`` runs the same with other sizes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.tui_load import PhonePlan, run_load

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

DRIFT_LIMIT = 5.0
"""A generous bound that holds on a loaded 2-core machine: a timer frozen for longer is a
defect, not load. The real figures (0.25-0.3 s here) are measured and compared with an
idle baseline by tests/benchmarks/bench_tui_load.py, not asserted, so load cannot flake
this test."""


async def test_a_thousand_phones_lose_nothing_while_the_timer_keeps_time(tmp_path: Path) -> None:
    # 200 at once, then 800 over 7.5 s (the benchmark's default spreads them over 15 s):
    # the same 1,000 phones, arriving twice as fast, so the round is under more load, not
    # less, and the test is not waiting out a quiet window.
    plan = PhonePlan(burst=200, steady=800, window=7.5)
    # The idle baseline is only printed here (the benchmark compares with it, over 3 s):
    # a second of it is four timer ticks, enough to show it next to the load figures.
    report = await run_load(tmp_path / "möte", plan, baseline_seconds=1.0)
    print("\n".join(report.lines()))

    phones = report.phones
    assert phones.failures == []
    assert len(phones.signups) + len(phones.idea_sends) == plan.phones
    assert len(phones.signups) == report.stored_signups == report.reopened_signups
    assert report.distinct_signup_keys == report.stored_signups, "a double tap stored twice"
    assert report.acknowledged_ideas == report.stored_ideas == report.reopened_ideas
    assert report.lost == 0
    assert report.tui_revision == report.store_revision, "the TUI missed a change"

    load = report.load.summary()
    assert load["samples"] > 200, "the watch thread hardly ran; nothing was measured"
    assert load["max_lag"] < DRIFT_LIMIT
    assert load["min_lag"] > -0.05, "the TUI showed less time left than there was"
    assert load["max_digits_behind"] <= DRIFT_LIMIT, "the seconds shown fell far behind"
    assert load["max_redraw_gap"] < DRIFT_LIMIT, "the timer stood still under load"
