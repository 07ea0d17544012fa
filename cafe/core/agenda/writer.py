"""Writing an agenda: the file's shape, so that ``parse_agenda(dump_agenda(a)) == a``."""

from __future__ import annotations

from typing import Any

import tomli_w
from msgspec.structs import asdict

from cafe.core.agenda.model import Agenda
from cafe.i18n import t


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The agenda as plain data in the file's shape (what ``dump_agenda`` writes)."""
    meta = agenda.meta
    steps = []
    for step in agenda.steps:
        entry: dict[str, Any] = {
            "kind": step.kind.value,
            "title": step.title,
            "minutes": step.minutes,
        }
        for key in ("question", "text", "notes"):
            value = getattr(step, key)
            if value:
                entry[key] = value
        steps.append(entry)
    return {
        "meeting": {
            "title": meta.title,
            "challenge": meta.challenge,
            "date": meta.date,
            "place": meta.place,
            "language": meta.language,
            "cohosts": [
                {
                    "name": h.name,
                    "organisation": h.organisation,
                    "sector": h.sector.value,
                    **({"email": h.email} if h.email else {}),
                }
                for h in meta.cohosts
            ],
            "feedback_by": meta.feedback_by,
            "contact": meta.contact,
            **{k: getattr(meta, k) for k in ("start", "end", "register_by") if getattr(meta, k)},
        },
        "tables": asdict(agenda.tables),
        "privacy": {"retention_days": agenda.privacy.retention_days},
        "web": {"where_do_i_sit": agenda.web.where_do_i_sit},
        "steps": steps,
    }


def dump_agenda(agenda: Agenda) -> str:
    """The agenda as TOML text, with a header comment for whoever opens the file."""
    header = "".join(
        f"# {line}\n" for line in t("agenda.dump.header", agenda.meta.language).splitlines()
    )
    return header + "\n" + tomli_w.dumps(agenda_to_dict(agenda), multiline_strings=True)
