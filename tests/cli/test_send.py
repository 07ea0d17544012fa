"""`cafe send` against a real SMTP server (aiosmtpd) on 127.0.0.1: one message per
recipient, only that recipient in the headers, UTF-8 throughout; a 451 at the 6th message
stops it with exit 1, and a rerun sends to each of the rest exactly once."""

from __future__ import annotations

import socket
from collections import Counter
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from cafe.cli import main
from cafe.core.contact_rule import address_key
from cafe.core.events import EventKind
from cafe.core.participants import PersonInput
from cafe.i18n import Translator
from cafe.storage.folder import open_meeting
from tests.reports.support import report_meeting
from tests.reports.thirty_one import ThirtyOne, thirty_one

sv = Translator("sv")
SENDER = "anna.lindqvist@hageby.se"


class Inbox:
    """An aiosmtpd handler that keeps what it accepts and can refuse the n-th message."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.fail_at = fail_at
        self.seen = 0
        self.accepted: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.seen += 1
        if self.seen == self.fail_at:
            return "451 4.3.0 Prova igen senare"
        self.accepted.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, handler: Inbox, **kwargs: Any) -> None:
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> Server:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@pytest.fixture
def meeting(tmp_path: Path) -> ThirtyOne:
    return thirty_one(tmp_path / "m")


def send(folder: Path, port: int, *extra: str) -> int:
    argv = ["send", str(folder), "--smtp", f"127.0.0.1:{port}", "--from", SENDER, "--yes"]
    return main([*argv, *extra])


def parsed(raw: bytes) -> EmailMessage:
    return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def recorded(folder: Path) -> list[str]:
    service = open_meeting(folder)
    try:
        return [e.data["to"] for e in service.events() if e.kind is EventKind.FEEDBACK_SENT]
    finally:
        service.log.close()


def test_a_451_part_way_then_a_rerun_sends_each_exactly_once(
    meeting: ThirtyOne, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    first = Inbox(fail_at=6)
    with Server(first) as server:
        assert send(meeting.folder, server.port) == 1
    out = capsys.readouterr()
    assert len(first.accepted) == 5
    assert "451" in out.err and "Prova igen senare" in out.err
    assert sv("cli.send.partial", count=5, sent=5, total=30, left=25) in out.err
    assert "Traceback" not in out.err
    assert len(recorded(meeting.folder)) == 5, "recorded only what the server accepted"

    second = Inbox()
    with Server(second) as server:
        assert send(meeting.folder, server.port) == 0
    assert sv("cli.send.done", count=25, total=30) in capsys.readouterr().out
    everything = first.accepted + second.accepted
    per_address = Counter(to for tos, _ in everything for to in tos)
    expected = set(meeting.registered) - set(meeting.absent) | {meeting.walk_in}
    assert set(per_address) == expected and set(per_address.values()) == {1}
    assert len(recorded(meeting.folder)) == 30

    with Server(Inbox()) as server:
        assert send(meeting.folder, server.port) == 0
    assert sv("cli.send.nothing_left", count=30) in capsys.readouterr().out


def test_each_message_names_only_its_recipient_in_utf8(
    meeting: ThirtyOne, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = Inbox()
    with Server(inbox) as server:
        assert send(meeting.folder, server.port) == 0
    assert len(inbox.accepted) == 30
    everyone = set(meeting.registered) | {meeting.walk_in, meeting.consent_other}
    for tos, raw in inbox.accepted:
        assert len(tos) == 1
        message = parsed(raw)
        to = message["To"].addresses
        assert [a.addr_spec for a in to] == tos
        assert message["Cc"] is None and message["Bcc"] is None
        assert message["Subject"] == "Tack för att du var med på idémötet om ensamhet bland äldre"
        assert message.get_content_type() == "multipart/mixed"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "Det här kom fram" in text and "å" in text and "ä" in text and "ö" in text
        assert "<h2" in html and "Vill du vara med senare?" in html
        attachments = list(message.iter_attachments())
        assert [a.get_filename() for a in attachments] == ["sammanfattning.html"]
        summary = attachments[0].get_content()
        assert "Röda Korset har besöksvänner" in summary
        decoded = "\n".join(
            [str(message["To"]), text, html, summary, raw.decode("utf-8", "replace")]
        )
        for other in everyone - set(tos):
            assert other not in decoded, f"{other} appears in the message to {tos[0]}"


def test_dry_run_and_eml_send_nothing(
    meeting: ThirtyOne, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["send", str(meeting.folder), "--dry-run"]) == 0
    listing = capsys.readouterr().out
    assert sv("cli.send.list_heading", count=30, already=0) in listing
    assert meeting.walk_in in listing and meeting.absent[0] not in listing
    out = tmp_path / "eml"
    assert main(["send", str(meeting.folder), "--from", SENDER, "--eml", str(out)]) == 0
    files = sorted(out.glob("*.eml"))
    assert len(files) == 30
    for path in files:
        message = parsed(path.read_bytes())
        assert len(message["To"].addresses) == 1
        assert message["To"].addresses[0].addr_spec in path.name
        assert message["X-Unsent"] == "1", "opened as a draft to send (Outlook)"
    assert recorded(meeting.folder) == []


def test_login_takes_the_password_from_the_environment_and_never_prints_it(
    meeting: ThirtyOne, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    logins: list[tuple[bytes, bytes]] = []

    def check(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> AuthResult:
        assert isinstance(auth, LoginPassword)
        logins.append((auth.login, auth.password))
        if auth.password == "hemlig-ö-123".encode():
            return AuthResult(success=True)
        return AuthResult(success=False, message="535 5.7.8 Wrong user name or password")

    monkeypatch.setenv("CAFE_SMTP_PASSWORD", "hemlig-ö-123")
    inbox = Inbox()
    with Server(inbox, authenticator=check, auth_require_tls=False) as server:
        assert send(meeting.folder, server.port, "--user", "anna") == 0
    assert logins == [(b"anna", "hemlig-ö-123".encode())], "UTF-8 password, AUTH PLAIN"
    assert len(inbox.accepted) == 30
    out = capsys.readouterr()
    assert "hemlig" not in out.out + out.err


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("127.0.0.1", '--smtp: "127.0.0.1" ska vara VÄRD:PORT'),
        ("127.0.0.1:99999", '--smtp: "127.0.0.1:99999" ska vara VÄRD:PORT'),
        ("127.0.0.1:notaport", "ska vara VÄRD:PORT"),
        ("CLOSED", "Kunde inte skicka via e-postservern 127.0.0.1:"),
    ],
)
def test_bad_targets_are_named_and_nothing_is_recorded(
    meeting: ThirtyOne, capsys: pytest.CaptureFixture[str], target: str, message: str
) -> None:
    if target == "CLOSED":
        target = f"127.0.0.1:{free_port()}"
    capsys.readouterr()
    argv = ["send", str(meeting.folder), "--smtp", target, "--from", SENDER, "--yes"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert recorded(meeting.folder) == []


def test_what_was_sent_survives_export_and_import(
    meeting: ThirtyOne, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Server(Inbox(fail_at=4)) as server:
        assert send(meeting.folder, server.port) == 1
    exported = tmp_path / "meeting.toml"
    assert main(["export", str(meeting.folder), "--out", str(exported)]) == 0
    assert main(["import", str(exported), str(tmp_path / "copy")]) == 0
    capsys.readouterr()
    assert main(["send", str(tmp_path / "copy"), "--dry-run"]) == 0
    assert sv("cli.send.list_heading", count=27, already=3) in capsys.readouterr().out
    raw = exported.read_text(encoding="utf-8")
    assert "feedback_sent" in raw
    assert "bjorn.2@hageby.se" not in raw.split("feedback_sent")[1][:200], "a hash, not the address"


JOSE = "josé@example.org"


def test_an_address_with_letters_like_e_acute_gets_its_letter_over_smtputf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """José registered as josé@example.org (RFC 6531): his letter goes out, or he is named."""
    built = report_meeting(tmp_path / "m")
    built.service.add_participant(
        PersonInput("José García-Núñez", "", "annat", email=JOSE, present=True)
    )
    built.service.log.close()
    folder = tmp_path / "m"

    out = tmp_path / "eml"
    assert main(["send", str(folder), "--from", SENDER, "--eml", str(out)]) == 0
    (jose,) = [p for p in out.glob("*.eml") if "jos" in p.name]
    assert "To: José García-Núñez <josé@example.org>" in jose.read_bytes().decode("utf-8")
    total = len(list(out.glob("*.eml")))

    # A mail server without SMTPUTF8 cannot take it: the others go, José is named, exit 1.
    plain = Inbox()
    with Server(plain, enable_SMTPUTF8=False) as server:  # aiosmtpd's Controller offers it
        assert send(folder, server.port) == 1
    err = capsys.readouterr().err
    assert "José García-Núñez" in err and "SMTPUTF8" in err and JOSE in err
    assert sv("cli.send.skipped", count=1) in err
    assert len(plain.accepted) == total - 1 and address_key(JOSE) not in recorded(folder)

    # One that offers SMTPUTF8 gets it, with only José in the envelope and the header.
    international = Inbox()
    with Server(international) as server:
        assert send(folder, server.port) == 0
    ((tos, raw),) = international.accepted
    assert tos == [JOSE]
    assert "To: José García-Núñez <josé@example.org>" in raw.decode("utf-8")
    assert "Tack för att du var med" in raw.decode("utf-8")
    assert address_key(JOSE) in recorded(folder)
