"""`cafe send`: the feedback letter by e-mail, one message per person (rule 1).

Each message is recorded in the meeting's log only after the mail server accepted it, so
when the server stops part-way, running the same command again sends only to the rest.
The password comes from ``CAFE_SMTP_PASSWORD`` or a prompt: never an argument (it would
show in the shell's history and the process list) and never printed.
"""

from __future__ import annotations

import argparse
import base64
import copy
import getpass
import os
import smtplib
import socket
import ssl
import sys
from email.errors import HeaderParseError
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, folder_to_change, open_folder, say, warn
from cafe.core.agenda import is_email_address
from cafe.core.contact_rule import address_key
from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.storage.output import write_files

if TYPE_CHECKING:
    from cafe.reports.mail_message import Letter
    from cafe.reports.model import Recipient

PASSWORD_VARIABLE = "CAFE_SMTP_PASSWORD"
TIMEOUT = 30.0
"""Seconds to wait for the mail server before saying it cannot be reached."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("send", help=t("cli.send.help"), description=t("cli.send.description"))
    add_folder_argument(parser)
    parser.add_argument("--smtp", metavar="HOST:PORT", help=t("cli.send.smtp"))
    parser.add_argument("--from", dest="sender", metavar="ADDR", help=t("cli.send.sender"))
    parser.add_argument("--starttls", action="store_true", help=t("cli.send.starttls"))
    parser.add_argument("--user", metavar="U", help=t("cli.send.user"))
    parser.add_argument("--yes", action="store_true", help=t("cli.send.yes"))
    parser.add_argument("--dry-run", action="store_true", help=t("cli.send.dry_run"))
    parser.add_argument("--eml", type=Path, metavar="OUTDIR", help=t("cli.send.eml"))
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def parse_target(value: str) -> tuple[str, int]:
    """``smtp.hageby.se:587`` or ``[::1]:25`` -> (host, port); a clear message otherwise."""
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CafeError(t("cli.send.bad_target", value=value))
    return host, int(port)


def _sender(args: argparse.Namespace, service: MeetingService) -> str:
    sender = args.sender or next((h.email for h in service.agenda.meta.cohosts if h.email), "")
    if not sender:
        raise CafeError(t("cli.send.no_sender"))
    if not is_email_address(sender):
        raise CafeError(t("cli.send.bad_sender", value=sender))
    return sender


Messages = list[tuple["Recipient", EmailMessage]]


def _messages(letter: Letter, recipients: list[Recipient], sender: str) -> Messages:
    """One message per recipient; an address the mail library cannot use is named, skipped."""
    made = []
    for recipient in recipients:
        try:
            made.append((recipient, letter.message(recipient, sender)))
        except (ValueError, IndexError, HeaderParseError):
            warn(t("cli.send.bad_address", name=recipient.name, address=recipient.email))
    return made


def _write_eml(out: Path, messages: Messages) -> None:
    """One .eml per message, all or none (a half-written folder would be sent twice)."""
    files = {}
    for number, (recipient, message) in enumerate(messages, start=1):
        safe = "".join(c if c.isalnum() or c in "._-@" else "_" for c in recipient.email)
        # A draft to send, not a message received: Outlook opened the files without a
        # Send button. The header goes only into the files, never over SMTP.
        draft = copy.deepcopy(message)
        draft["X-Unsent"] = "1"
        files[f"{number:03d}-{safe}.eml"] = bytes(draft)
    write_files(out, files, option="--eml")
    say(t("cli.send.eml_written", count=len(messages), path=out))


def _confirm(count: int) -> bool:
    if not sys.stdin.isatty():
        raise CafeError(t("cli.send.need_yes"))
    answer = input(t("cli.send.confirm", count=count) + " ")
    return answer.strip().casefold() in {"j", "ja", "y", "yes"}


def _password(user: str) -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CafeError(t("cli.send.no_password", variable=PASSWORD_VARIABLE))
    return getpass.getpass(t("cli.send.password_prompt", user=user))


def _connect(host: str, port: int, args: argparse.Namespace) -> smtplib.SMTP:
    password = _password(args.user) if args.user else ""
    try:
        server = smtplib.SMTP(host, port, timeout=TIMEOUT)
    except (OSError, smtplib.SMTPException) as error:
        raise CafeError(
            t("cli.send.unreachable", target=f"{host}:{port}", reason=_reason(error))
        ) from None
    try:
        server.ehlo_or_helo_if_needed()
        if args.starttls:
            server.starttls(context=ssl.create_default_context())
            server.ehlo()
        if args.user:
            _login(server, args.user, password)
    except smtplib.SMTPAuthenticationError:
        server.close()
        raise CafeError(t("cli.send.login_failed", user=args.user)) from None
    except (OSError, smtplib.SMTPException) as error:
        server.close()
        raise CafeError(
            t("cli.send.unreachable", target=f"{host}:{port}", reason=_reason(error))
        ) from None
    return server


def _login(server: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login, and AUTH PLAIN in UTF-8 (RFC 4616) for a user name or password
    with letters such as å, ä, ö, which smtplib can only send as ASCII."""
    try:
        server.login(user, password)
        return
    except UnicodeEncodeError:
        if "plain" not in server.esmtp_features.get("auth", "").casefold().split():
            raise smtplib.SMTPAuthenticationError(535, b"non-ASCII login") from None
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8"))
    code, answer = server.docmd("AUTH", "PLAIN " + token.decode("ascii"))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def _reason(error: BaseException) -> str:
    """The server's answer or the network's error, on one line, without the password."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = (
            error.smtp_error.decode("utf-8", "replace")
            if isinstance(error.smtp_error, bytes)
            else str(error.smtp_error)
        )
        return f"{error.smtp_code} {' '.join(text.split())}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return f"{code} {' '.join(text.decode('utf-8', 'replace').split())}"
    if isinstance(error, socket.gaierror):
        return t("cli.send.unknown_host")
    return " ".join(
        (getattr(error, "strerror", None) or str(error) or type(error).__name__).split()
    )


def run(args: argparse.Namespace) -> int:
    from cafe.reports.mail_message import Letter  # jinja and the reports load only when used
    from cafe.reports.model import build_model

    reader = open_folder(args)
    try:
        if not reader.state.took_place():  # no thank-you letter for a meeting not held
            raise CafeError(t("cli.send.not_held", folder=args.folder))
        model = build_model(reader, args.lang or reader.agenda.meta.language)
        sent = set(reader.state.feedback_sent)
        sender = _sender(args, reader) if not args.dry_run else ""
    finally:
        reader.log.close()
    recipients = list(model.recipients)
    waiting = [r for r in recipients if address_key(r.email) not in sent]
    done = len(recipients) - len(waiting)
    if args.dry_run or not args.yes:
        say(t("cli.send.list_heading", count=len(waiting), already=done))
        for recipient in waiting:
            say(f"  {recipient.name} <{recipient.email}>")
    if not waiting:
        say(t("cli.send.nothing_left", count=len(recipients)))
        return 0
    if args.dry_run:
        return 0
    letter = Letter(model)
    messages = _messages(letter, waiting, sender)
    skipped = len(waiting) - len(messages)
    if args.eml is not None:
        _write_eml(args.eml, messages)
        if skipped:  # named above, one line each; never a quiet exit 0
            warn(t("cli.send.skipped", count=skipped))
            return 1
        return 0
    if not args.smtp:
        raise CafeError(t("cli.send.no_target"))
    host, port = parse_target(args.smtp)
    if not args.yes and not _confirm(len(messages)):
        say(t("cli.send.cancelled"))
        return 1
    server = _connect(host, port, args)
    accepted = 0
    failure = ""
    try:
        with folder_to_change(args) as service:
            for recipient, message in messages:
                try:
                    server.send_message(message, from_addr=sender, to_addrs=[recipient.email])
                except smtplib.SMTPNotSupportedError:  # josé@…: the server lacks SMTPUTF8
                    warn(t("cli.send.no_smtputf8", name=recipient.name, address=recipient.email))
                    skipped += 1
                    continue
                except (OSError, smtplib.SMTPException) as error:
                    failure = t(
                        "cli.send.failed_at",
                        name=recipient.name,
                        address=recipient.email,
                        reason=_reason(error),
                    )
                    break
                service.record_feedback_sent(address_key(recipient.email))
                accepted += 1
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()
    total = len(recipients)
    if skipped:
        warn(t("cli.send.skipped", count=skipped))
    if failure:
        warn(failure)
        warn(
            t(
                "cli.send.partial",
                count=accepted,
                sent=done + accepted,
                total=total,
                left=total - done - accepted,
            )
        )
        return 1
    if skipped:
        return 1
    say(t("cli.send.done", count=accepted, total=total))
    return 0
