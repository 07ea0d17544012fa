"""Group commit: phones posting together share one transaction, and each is answered
only once its sign-up is durable."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.errors import StoreError, ValidationError
from cafe.core.events import Event
from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token, open_meeting
from cafe.web.group_commit import GroupCommit
from cafe.web.security import RateLimit
from cafe.web.server import build_app
from tests.meetings import new_meeting
from tests.web.support import PUBLIC, open_form

ROOT = Path(__file__).resolve().parents[2]
LIMITLESS = RateLimit(burst=100_000, per_second=100_000)


def count_transactions(service: MeetingService) -> list[int]:
    """Counts the log's appends (each is one transaction and one fsync) from now on."""
    sizes: list[int] = []
    append: Callable[..., list[Event]] = service.log.append

    def counted(events: Any, **kwargs: Any) -> list[Event]:
        stored = append(events, **kwargs)
        sizes.append(len(stored))
        return stored

    service.log.append = counted  # type: ignore[method-assign]
    return sizes


async def test_two_hundred_phones_at_once_take_few_transactions_and_all_are_stored(
    aiohttp_client: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    token = meeting_token(service)
    client: TestClient = await aiohttp_client(
        build_app(service, public_base=PUBLIC, rate_limit=LIMITLESS)
    )
    forms = [await open_form(client, f"/m/{token}/") for _ in range(200)]
    transactions = count_transactions(service)

    async def post(n: int) -> int:
        fields = {"name": f"Deltagare {n}", "organisation": "", "email": "", "phone": ""}
        response = await client.post(f"/m/{token}/", data={**forms[n], **fields, "consent": "yes"})
        await response.read()
        return response.status

    statuses = await asyncio.gather(*(post(n) for n in range(200)))
    assert statuses == [200] * 200
    assert len(service.state.signups) == 200
    assert sum(transactions) == 200, "every sign-up went through a transaction"
    assert len(transactions) < 50, f"{len(transactions)} transactions for 200 sign-ups"

    reopened = open_meeting(folder)
    names = {s.name for s in reopened.state.signups.values()}
    assert names == {f"Deltagare {n}" for n in range(200)}


async def test_one_wrong_form_in_a_group_does_not_spoil_the_others(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    group = GroupCommit(service)

    def sign(name: str, email: str, key: str) -> Any:
        return lambda: service.sign_up(name=name, email=email, consent=True, key=key)

    results = await asyncio.gather(
        group.run(sign("Åsa", "asa@example.org", "a")),
        group.run(sign("Bo", "inte en adress", "b")),
        group.run(sign("Cilla", "", "c")),
        group.run(sign("Åsa", "asa@example.org", "a")),  # a double tap in the same group
        return_exceptions=True,
    )
    assert isinstance(results[1], ValidationError)
    assert results[0].id == results[3].id, "the double tap is the same sign-up"
    assert group.commits == 1
    stored = open_meeting(tmp_path / "m").state.signups.values()
    assert sorted(s.name for s in stored) == ["Cilla", "Åsa"]


async def test_a_failed_commit_stores_nothing_and_shows_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    heard: list[list[Event]] = []
    service.subscribe(heard.append)
    group = GroupCommit(service)

    def full_disk(*_args: Any, **_kwargs: Any) -> list[Event]:
        raise StoreError("disk full")

    service.log.append = full_disk  # type: ignore[method-assign]
    results = await asyncio.gather(
        group.run(lambda: service.sign_up(name="Åsa", consent=True, key="a")),
        group.run(lambda: service.sign_up(name="Bo", consent=True, key="b")),
        return_exceptions=True,
    )
    assert all(isinstance(r, StoreError) for r in results)
    assert service.state.signups == {}, "the state is read back from the log"
    assert heard == [], "nobody was told of what was not stored"


def test_every_acknowledged_sign_up_survives_kill_9(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    new_meeting(folder).log.close()
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.web.group_commit_worker", str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    acked: set[str] = set()
    assert worker.stdout is not None
    try:
        for line in worker.stdout:
            acked.add(f"signup:{line.split()[1]}")
            if len(acked) >= 300:
                os.kill(worker.pid, signal.SIGKILL)
                break
    finally:
        worker.kill()
        worker.wait(timeout=30)
    assert len(acked) >= 300
    stored = {e.key for e in open_meeting(folder).events() if e.kind == "signed_up"}
    assert acked <= stored, f"lost: {sorted(acked - stored)[:5]}"


@pytest.mark.parametrize("size", [1, 7])
async def test_a_group_of_any_size_stores_in_order(tmp_path: Path, size: int) -> None:
    service = new_meeting(tmp_path / "m")
    group = GroupCommit(service)
    names = [f"P{n}" for n in range(size)]
    await asyncio.gather(*(group.run(lambda n=n: service.sign_up(name=n, key=n)) for n in names))
    stored = [e.data["name"] for e in open_meeting(tmp_path / "m").events() if e.key in names]
    assert stored == names


async def _waves(service: MeetingService, group: GroupCommit, waves: list[int]) -> None:
    """Hand ``waves[i]`` sign-ups to ``group`` in the i-th turn of the loop; wait for all."""
    tasks: list[asyncio.Task[Any]] = []
    for number, size in enumerate(waves):
        names = [f"W{number}-{n}" for n in range(size)]
        tasks += [
            asyncio.create_task(group.run(lambda n=n: service.sign_up(name=n, key=n)))
            for n in names
        ]
        await asyncio.sleep(0)  # the tasks made above hand their commands over
    await asyncio.gather(*tasks)


@pytest.mark.parametrize(
    ("backlog", "waves", "transactions"),
    [
        (0, [3, 3], [3, 3]),  # nobody waiting: each turn's commands commit at once
        (5, [3, 3], [6]),  # requests waiting: the next turn's commands join the group
        (5, [3, 3, 3], [6, 3]),  # but a group waits one turn at most
        (5, [64, 3], [64, 3]),  # and not at all once it is large
    ],
)
async def test_in_a_burst_a_group_waits_one_turn_for_more(
    tmp_path: Path, backlog: int, waves: list[int], transactions: list[int]
) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    sizes = count_transactions(service)
    group = GroupCommit(service, lambda: backlog)
    await _waves(service, group, waves)
    assert sizes == transactions
    assert group.commits == len(transactions)
    stored = [e.key for e in open_meeting(folder).events() if e.kind == "signed_up"]
    assert stored == [f"W{w}-{n}" for w, size in enumerate(waves) for n in range(size)]


async def test_a_snapshot_due_in_a_burst_waits_until_nobody_is_waiting(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    service._snapshot_every = 5  # type: ignore[attr-defined]
    log: Any = service.log
    before = log.latest_snapshot()
    backlog = [40]
    group = GroupCommit(service, lambda: backlog[0])
    await _waves(service, group, [4, 4])
    await asyncio.sleep(0)
    assert log.latest_snapshot() == before, "no snapshot while phones wait"
    backlog[0] = 0
    await group.run(lambda: service.sign_up(name="Last", key="last"))
    assert log.latest_snapshot() == before, "the phones are answered first"
    await asyncio.sleep(0)
    seq, state = log.latest_snapshot()
    assert seq == service.state.last_seq and len(state["signups"]) == 9

    with service.group():
        for n in range(5):
            service.sign_up(name=f"Inside {n}", key=f"inside{n}")
        service.snapshot_if_due()
        assert log.latest_snapshot()[0] == seq, "never a snapshot of events not stored"
    assert log.latest_snapshot()[0] == service.state.last_seq == seq + 5
    assert open_meeting(folder).state.to_dict() == service.state.to_dict()
