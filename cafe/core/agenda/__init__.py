"""The agenda: what the meeting is about and the steps it walks through.

A package by job: ``model`` (the values), ``reader`` (TOML to a checked agenda, with
``checker``, ``keys`` for line numbers and ``toml_errors``), ``writer``, ``substitution``
(``{challenge}``) and ``shipped`` (the agendas that come with ``cafe``). Everything
callers use is importable from here.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cafe.core.agenda.model import (
    MAX_CIRCLE_BELOW,
    MAX_FILE_BYTES,
    MAX_MINUTES,
    MAX_NESTING,
    MAX_RETENTION_DAYS,
    MAX_TABLE_SIZE,
    NEEDS_QUESTION,
    Agenda,
    AgendaMeta,
    CoHost,
    Privacy,
    Step,
    StepKind,
    TableRules,
    TimedStep,
    WebSettings,
)
from cafe.core.agenda.reader import (
    agenda_from_bytes,
    agenda_from_dict,
    is_email_address,
    load_agenda,
    parse_agenda,
    parse_clock,
)
from cafe.core.agenda.substitution import (
    PLACEHOLDER,
    challenge_in_sentence,
    fill_challenge,
    one_question_mark,
)

if TYPE_CHECKING:
    from cafe.core.agenda.shipped import ShippedAgenda, list_shipped, resolve_agenda
    from cafe.core.agenda.writer import agenda_to_dict, dump_agenda

_LATER = {
    "ShippedAgenda": "shipped",
    "list_shipped": "shipped",
    "resolve_agenda": "shipped",
    "agenda_to_dict": "writer",
    "dump_agenda": "writer",
}
"""Imported when first asked for: a meeting that is opened (``cafe run``) neither writes
its agenda nor looks at the shipped ones, and their modules (with the TOML writer) were
start-up time before the first frame."""


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(import_module(f"cafe.core.agenda.{_LATER[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_CIRCLE_BELOW",
    "MAX_FILE_BYTES",
    "MAX_MINUTES",
    "MAX_NESTING",
    "MAX_RETENTION_DAYS",
    "MAX_TABLE_SIZE",
    "NEEDS_QUESTION",
    "PLACEHOLDER",
    "Agenda",
    "AgendaMeta",
    "CoHost",
    "Privacy",
    "ShippedAgenda",
    "Step",
    "StepKind",
    "TableRules",
    "TimedStep",
    "WebSettings",
    "agenda_from_bytes",
    "agenda_from_dict",
    "agenda_to_dict",
    "challenge_in_sentence",
    "dump_agenda",
    "fill_challenge",
    "is_email_address",
    "list_shipped",
    "load_agenda",
    "one_question_mark",
    "parse_agenda",
    "parse_clock",
    "resolve_agenda",
]
