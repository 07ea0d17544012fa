"""What each Office file says about itself (File > Properties): title, authors, dates,
language and the program that made it.

python-pptx and python-docx start every file from their own template, which says it was
made in 2013 by "Steve Canny" or "python-docx", "generated using python-pptx", by
"Microsoft Macintosh PowerPoint" as a 4:3 show. An officer who passes a deck on passes
those on too, and a Swedish deck was spell-checked as American English; so every file
gets the meeting's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pptx.enum.lang import MSO_LANGUAGE_ID

from cafe.reports.model import ReportModel
from cafe.reports.safe import safe_text

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
LANGUAGE_IDS = {"sv": MSO_LANGUAGE_ID.SWEDISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
APP_PART = "/docProps/app.xml"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties">{fields}</Properties>'
)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A file's properties: what it is, about what, by whom, when, in which language."""

    title: str = ""
    subject: str = ""
    author: str = ""
    """The co-hosts, "; "-separated as Office lists authors; "" when the agenda names none."""
    lang: str = "sv"
    at: float | None = None
    """When it was made (a Unix time from the meeting's clock); ``None``: now."""

    @property
    def tag(self) -> str:
        """ "sv-SE" or "en-GB": what Word and PowerPoint spell-check the text as."""
        return LANGUAGE_TAGS.get(self.lang, "sv-SE")

    @property
    def language_id(self) -> MSO_LANGUAGE_ID:
        return LANGUAGE_IDS.get(self.lang, MSO_LANGUAGE_ID.SWEDISH)

    @property
    def when(self) -> datetime:
        """In UTC without a zone: both libraries write it as it is, with a "Z"."""
        moment = datetime.now(UTC) if self.at is None else datetime.fromtimestamp(self.at, UTC)
        return moment.replace(tzinfo=None, microsecond=0)


def document_info(model: ReportModel, title: str) -> DocumentInfo:
    """The properties of one of ``model``'s files called ``title``."""
    hosts = [h.name for h in model.hosts] or list(model.cohosts)
    return DocumentInfo(
        title=safe_text(title),
        subject=model.challenge,
        author="; ".join(hosts),
        lang=model.lang,
        at=model.made_at,
    )


def stamp(core: Any, package: Any, info: DocumentInfo, **counts: int) -> None:
    """Write ``info`` into a file's core properties (``core``, python-pptx's or
    python-docx's) and replace the template's app.xml in ``package`` with one that names
    cafe, with ``counts`` such as ``Slides=12``."""
    core.title = info.title
    core.subject = info.subject
    core.author = info.author
    core.last_modified_by = ""
    core.comments = ""
    core.keywords = ""
    core.language = info.tag
    core.revision = 1
    core.created = core.modified = info.when
    fields = "<Application>cafe</Application>" + "".join(
        f"<{name}>{value}</{name}>" for name, value in counts.items()
    )
    for part in package.iter_parts():
        if str(part.partname) == APP_PART:
            part._blob = _APP_XML.format(fields=fields).encode("utf-8")
