"""The feedback letter as one e-mail to one person (``cafe send``, ``--eml``).

Each message names its one recipient in To: and nobody else anywhere: no Cc, no Bcc, and
the attached summary is the participants' copy (``for_participants``): it counts who
signed up for each theme and names none of them. HTML with a plain-text alternative,
UTF-8 throughout, so "å ä ö" arrive as typed.
"""

from __future__ import annotations

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
        message = EmailMessage()
        message["Subject"] = self.subject
        message["From"] = Address(display_name=self.sender_name, addr_spec=sender)
        message["To"] = Address(display_name=recipient.name, addr_spec=recipient.email)
        message["Date"] = formatdate(at, localtime=True)
        message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
        message["Content-Language"] = "sv-SE" if self.lang == "sv" else "en-GB"
        message.set_content(self.text)
        message.add_alternative(self.html, subtype="html")
        message.add_attachment(
            self.summary, subtype="html", charset="utf-8", filename=self.summary_name
        )
        return message
