"""Addresses that work: every URL printed, drawn or encoded is one the server answers.

Real parts throughout: a real meeting folder, the real ``LanServer`` on 127.0.0.1 and the
real CLI. Where a LAN address is needed it is a documentation address, never contacted.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from cafe import links
from cafe.cli import main
from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token, table_token
from cafe.storage.lock import meeting_lock
from cafe.storage.printed_address import printed_base, record_printed_base
from cafe.storage.running_server import SERVER_FILE, running_server
from cafe.web.addresses import same_address
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.support import LAN, PUBLIC

ROOT = Path(__file__).resolve().parents[2]


def lan() -> str:
    return LAN


@pytest.fixture
def folder(service: MeetingService) -> Path:
    return Path(service.folder)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _pinned_lan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lan)
    monkeypatch.setattr("cafe.cli.report_cmd.detect_lan_address", lan)


def qr_url(capsys: pytest.CaptureFixture[str], folder: Path, *options: str) -> str:
    assert main(["qr", str(folder), "--url", *options]) == 0
    return capsys.readouterr().out.strip()


async def status(url: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status


# -- 1. a server on one address hands out that address ----------------------------------


async def test_a_server_on_loopback_hands_out_loopback_urls_that_open(
    service: MeetingService,
) -> None:
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        assert server.public_base == base
        urls = [server.participant_url(), server.screen_url(), server.table_url(2)]
        assert urls == [
            f"{base}/m/{meeting_token(service)}/",
            f"{base}/screen/{meeting_token(service)}",
            f"{base}/t/{table_token(service, 2)}/",
        ]
        for url in urls:
            assert await status(url) == 200, url
    finally:
        await server.stop()


def test_only_a_server_listening_everywhere_hands_out_the_lan_address(
    service: MeetingService,
) -> None:
    """Not started: these only build URLs (nothing binds to 0.0.0.0 in a test)."""
    for everywhere in ("0.0.0.0", "::", ""):
        server = LanServer(service, host=everywhere, port=8765, lan_address=lan)
        assert server.public_base == PUBLIC, everywhere
    assert LanServer(service, host="::1", port=8765, lan_address=lan).public_base == (
        "http://[::1]:8765"
    )
    assert LanServer(service, host="192.0.2.77", port=9000, lan_address=lan).public_base == (
        "http://192.0.2.77:9000"
    )
    named = LanServer(
        service, host="127.0.0.1", port=0, public_url="http://cafe.local:80", lan_address=lan
    )
    assert named.public_base == "http://cafe.local:80", "--public-url still wins"


# -- 2. `cafe qr` follows the running server --------------------------------------------


async def test_qr_prints_the_running_servers_address_then_the_default_again(
    service: MeetingService, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = meeting_token(service)
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        assert server.port != links.DEFAULT_PORT
        record = json.loads((folder / SERVER_FILE).read_text(encoding="utf-8"))
        assert record == {"base": base, "host": "127.0.0.1", "port": server.port,
                          "pid": os.getpid()}  # fmt: skip
        with meeting_lock(folder):  # as while `cafe run` holds the folder
            meeting = qr_url(capsys, folder)
            projector = qr_url(capsys, folder, "--projector")
            table = qr_url(capsys, folder, "--table", "2")
        assert meeting == f"{base}/m/{token}/"
        assert projector == f"{base}/screen/{token}"
        assert table == f"{base}/t/{table_token(service, 2)}/"
        for url in (meeting, projector, table):
            assert await status(url) == 200, url
        assert qr_url(capsys, folder, "--port", "9000") == f"http://{LAN}:9000/m/{token}/"
        assert qr_url(capsys, folder, "--projector", "--public-url", "cafe.local:8080/") == (
            f"http://cafe.local:8080/screen/{token}"
        ), "an explicit --port or --public-url still wins"
    finally:
        await server.stop()
    assert not (folder / SERVER_FILE).exists()
    assert qr_url(capsys, folder) == f"{PUBLIC}/m/{token}/"
    assert qr_url(capsys, folder, "--projector") == f"{PUBLIC}/screen/{token}"


def test_a_record_left_by_a_crash_is_ignored(
    service: MeetingService, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = {"base": "http://127.0.0.1:9", "host": "127.0.0.1", "port": 9, "pid": gone.pid}
    (folder / SERVER_FILE).write_text(json.dumps(stale), encoding="utf-8")
    assert running_server(folder) is None
    token = meeting_token(service)
    assert qr_url(capsys, folder) == f"{PUBLIC}/m/{token}/"
    for garbage in ("{", "[]", '{"base": "file:///etc", "host": "", "port": 1, "pid": 1}'):
        (folder / SERVER_FILE).write_text(garbage, encoding="utf-8")
        assert running_server(folder) is None, garbage
        assert qr_url(capsys, folder) == f"{PUBLIC}/m/{token}/"


def test_qr_projector_writes_a_file_and_draws_in_the_terminal(
    service: MeetingService, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", str(folder), "--projector"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == (
        f"{PUBLIC}/screen/{meeting_token(service)}"
    )
    svg = tmp_path / "projektor.svg"
    assert main(["qr", str(folder), "--projector", "--out", str(svg)]) == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


# -- 3. the address on printouts, and the warning when the server moves -----------------


async def test_qr_out_records_the_printed_address_and_the_server_warns(
    service: MeetingService, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert printed_base(service) is None
    assert main(["qr", str(folder), "--url"]) == 0, "only showing an address records nothing"
    assert printed_base(service) is None
    assert main(["qr", str(folder), "--table", "1", "--out", str(tmp_path / "bord-1.png")]) == 0
    capsys.readouterr()
    assert printed_base(service) == PUBLIC
    for lang, says in (("sv", "De utskrivna bordskorten pekar på"), ("en", "The printed")):
        server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan, lang=lang)
        await server.start()
        try:
            here = f"http://127.0.0.1:{server.port}"
            warning = server.address_warning()
            assert warning is not None and warning.startswith(says)
            assert PUBLIC in warning and here in warning
            assert f"--public-url {PUBLIC}" in warning
        finally:
            await server.stop()
    assert warning == (
        f"The printed table cards point to {PUBLIC}, but this laptop is now {here}, so "
        f"their codes open nothing. Reprint them, or give the laptop the address {PUBLIC} "
        "again (the same network or phone hotspot as when you printed). --public-url "
        f"{PUBLIC} helps only if that address still reaches this laptop."
    )
    log = (folder / "server.log").read_text(encoding="utf-8")
    assert re.search(rf"WARNING cafe\.web .*{re.escape(PUBLIC)}.*{re.escape(here)}", log), log


async def test_report_before_records_the_address_and_the_same_address_is_quiet(
    service: MeetingService, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(folder), "--before", "--out", str(tmp_path / "print")]) == 0
    capsys.readouterr()
    assert printed_base(service) == PUBLIC
    same = LanServer(service, host="127.0.0.1", port=0, public_url=f"{PUBLIC}/", lan_address=lan)
    await same.start()
    try:
        assert same.address_warning() is None
    finally:
        await same.stop()
    log = (folder / "server.log").read_text(encoding="utf-8")
    assert "WARNING" not in log
    record_printed_base(service, f"http://{LAN.upper()}:8765/")
    assert LanServer(service, public_url=PUBLIC, lan_address=lan).address_warning() is None


def test_nothing_printed_means_no_warning(service: MeetingService) -> None:
    assert LanServer(service, host="127.0.0.1", port=0, lan_address=lan).address_warning() is None


def test_same_address() -> None:
    assert same_address("HTTP://Cafe.Local", "http://cafe.local:80/")
    assert same_address("cafe.local:8765", "http://cafe.local:8765")
    assert not same_address("http://cafe.local:8765", "http://cafe.local:8766")
    assert not same_address("http://192.0.2.10:8765", "http://127.0.0.1:8765")
    assert not same_address("https://cafe.local", "http://cafe.local")


def test_serve_on_loopback_prints_links_that_open_and_the_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real `cafe serve` in its own process; `cafe qr` beside it follows its address."""
    service = new_meeting(tmp_path / "m")
    folder = tmp_path / "m"
    token = meeting_token(service)
    record_printed_base(service, PUBLIC)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "cafe", "serve", str(folder), "--host", "127.0.0.1",
               "--port", "0", "--lang", "en"]  # fmt: skip
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        try:
            lines = []
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line)
                if "Ctrl+C" in line:
                    break
            out = "".join(lines)
            found = re.search(r"Participants \(sign-up\): (http://127\.0\.0\.1:(\d+)/m/\S+)", out)
            assert found is not None, out
            url, port = found.group(1), found.group(2)
            here = f"http://127.0.0.1:{port}"
            assert url == f"{here}/m/{token}/"
            assert (
                f"The printed table cards point to {PUBLIC}, but this laptop is now {here}, so "
                f"their codes open nothing. Reprint them, or give the laptop the address {PUBLIC} "
                "again (the same network or phone hotspot as when you printed). --public-url "
                f"{PUBLIC} helps only if that address still reaches this laptop."
            ) in out
            with urllib.request.urlopen(url, timeout=10) as page:
                assert page.status == 200
            assert qr_url(capsys, folder, "--projector") == f"{here}/screen/{token}"
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert not (folder / SERVER_FILE).exists(), "a clean stop removes the record"
    assert qr_url(capsys, folder) == f"{PUBLIC}/m/{token}/"


# -- 4. bad input ----------------------------------------------------------------------------


def test_projector_and_table_together_is_a_clear_refusal(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", str(folder), "--projector", "--table", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--projector och --table går inte att kombinera" in captured.err
    assert "Traceback" not in captured.err
    assert main(["qr", str(folder), "--projector", "--table", "2", "--lang", "en"]) == 2
    assert "--projector and --table cannot be combined" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["qr", str(folder), "--port", "hög"])
    assert exited.value.code == 2
    assert "--port" in capsys.readouterr().err
