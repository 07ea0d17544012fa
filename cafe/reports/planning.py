"""The working group's next tools: planning sheets 1 and 2 and the six principles.

The sheets follow the source's appendices 1-2 ("Design & planeringsverktyg för
partnerskap", adapted from Design for Wiser Action, Möller et al. 2012), prompt by prompt.
Where the meeting already answers a prompt (the challenge, candidate themes, who came, who
signed up, what round 3 found civil society already doing) the answer is filled in, marked
as the meeting's raw material; the rest is left for the working group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cafe.reports.model import ReportModel

SHEET1 = ("challenge", "why", "direction", "actions", "timeline", "results", "intangible")
SHEET2 = (
    "stakeholders",
    "use",
    "core_team",
    "anchoring",
    "target",
    "involve",
    "who_does_what",
    "hard",
    "next_step",
)
PRINCIPLES = ("independence", "dialogue", "quality", "long_term", "openness", "diversity")


@dataclass(frozen=True, slots=True)
class Prompt:
    """One box of a planning sheet."""

    key: str
    prompt: str
    hint: str
    """What the pre-filled answers are (e.g. "Themes from the idea meeting:")."""
    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True, slots=True)
class Principle:
    name: str
    text: str


def planning_sheets(model: ReportModel, tr: Callable[..., str]) -> tuple[Sheet, Sheet]:
    """Sheets 1 and 2 with what the meeting already answered."""
    themes = tuple(th.name for th in model.themes)
    filled1 = {
        "challenge": ("", (model.challenge,) if model.challenge else ()),
        "actions": (tr("reports.sheet1.actions_hint") if themes else "", themes),
    }
    filled2 = {
        "stakeholders": (
            tr("reports.sheet2.stakeholders_hint") if model.organisations else "",
            model.organisations,
        ),
        "core_team": _core_team(model, tr),
        "who_does_what": resources(model, tr),
        "next_step": (
            "",
            (
                tr(
                    "reports.sheet2.next_step_hint"
                    if model.signups
                    else "reports.sheet2.next_step_nobody"
                ),
            ),
        ),
    }

    def sheet(name: str, keys: tuple[str, ...], filled: dict) -> tuple[Prompt, ...]:
        return tuple(
            Prompt(key, tr(f"reports.{name}.{key}"), *filled.get(key, ("", ()))) for key in keys
        )

    return (
        Sheet(tr("reports.summary.sheet1"), sheet("sheet1", SHEET1, filled1)),
        Sheet(tr("reports.summary.sheet2"), sheet("sheet2", SHEET2, filled2)),
    )


def _core_team(model: ReportModel, tr: Callable[..., str]) -> tuple[str, tuple[str, ...]]:
    """(hint, answers) for the core team: who signed up, by name for the working group,
    only how many in the participants' copy (the lists were promised to the hosts and the
    working group alone)."""
    if model.participants_copy:
        count = len(model.signups)
        return "", (tr("reports.sheet2.core_team_count", count=count),) if count else ()
    return (tr("reports.sheet2.core_team_hint") if model.core_team else "", model.core_team)


RESOURCE_ROUND = 3
"""The café round that asks what civil society already does, or could do, as a resource."""


def resources(model: ReportModel, tr: Callable[..., str]) -> tuple[str, tuple[str, ...]]:
    """(hint, answers) for sheet 2's resources box: round 3's ideas with table and round,
    marked as the meeting's raw material for the working group to edit."""
    ideas = [i for i in model.ideas if i.round == RESOURCE_ROUND]
    if not ideas:
        return "", ()
    ideas.sort(key=lambda i: (i.table, i.id))
    return (
        tr("reports.sheet2.resources_hint", round=RESOURCE_ROUND),
        tuple(
            tr("reports.sheet2.resource_line", text=i.text, table=i.table, round=i.round)
            if i.table
            else tr("reports.sheet2.resource_line_round", text=i.text, round=i.round)
            for i in ideas
        ),
    )


def principles(tr: Callable[..., str]) -> tuple[Principle, ...]:
    """The six principles of the national agreement, in its order."""
    return tuple(
        Principle(tr(f"reports.principles.{key}"), tr(f"reports.principles.{key}_text"))
        for key in PRINCIPLES
    )
