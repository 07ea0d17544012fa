"""The feedback letter as one e-mail to one person (``cafe send``, ``--eml``).

Each message names its one recipient in To: and nobody else anywhere: no Cc, no Bcc, and
the attached summary is the participants' copy (``for_participants``): it counts who
signed up for each theme and names none of them. HTML with a plain-text alternative,
UTF-8 throughout, so "å ä ö" arrive as typed.

An address with letters such as é before the @ (``josé@example.org``) is a valid
internationalised address (RFC 6531/6532): its message is written with UTF-8 headers
(``policy.SMTPUTF8``), and smtplib sends it with SMTPUTF8 to a server that offers it.
"""

from __future__ import annotations

from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from cafe.i18n import Translator
from cafe.reports.documents import render
from cafe.reports.letters import feedback_blocks, feedback_subject, joined, signature
from cafe.reports.mail_out import build_html, build_text
from cafe.reports.model import Recipient, ReportModel, for_participants


class Letter:
    """What every message shares: rendered once, addressed many times."""

    def __init__(self, model: ReportModel) -> None:
        self.lang = model.lang
        self.subject = feedback_subject(model)
        blocks = feedback_blocks(model, attachment=True)
        self.html = build_html(blocks, lang=model.lang, title=self.subject)
        self.text = build_text(blocks)
        self.summary = render("summary.html", for_participants(model))
        self.summary_name = Translator(model.lang)("reports.letters.summary_file")
        names = [n for n in signature(model).split("\n") if n]
        self.sender_name = joined(names, Translator(model.lang))

    def message(
        self, recipient: Recipient, sender: str, *, at: float | None = None
    ) -> EmailMessage:
        """The letter to ``recipient`` alone."""
        international = not (sender.isascii() and recipient.email.isascii())
        message = EmailMessage(policy=policy.SMTPUTF8 if international else policy.default)
        message["Subject"] = self.subject
        message["From"] = _address(self.sender_name, sender)
        message["To"] = _address(recipient.name, recipient.email)
        message["Date"] = formatdate(at, localtime=True)
        message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
        message["Content-Language"] = "sv-SE" if self.lang == "sv" else "en-GB"
        message.set_content(self.text)
        message.add_alternative(self.html, subtype="html")
        message.add_attachment(
            self.summary, subtype="html", charset="utf-8", filename=self.summary_name
        )
        return message


def _address(name: str, email: str) -> Address:
    """``name <email>``; an address with letters such as é before the @ is taken as typed
    (``Address(addr_spec=…)`` refuses it, though RFC 6531 allows it)."""
    if email.isascii():
        return Address(display_name=name, addr_spec=email)
    local, _, domain = email.rpartition("@")
    if not local or not domain:
        raise ValueError(email)
    return Address(display_name=name, username=local, domain=domain)
