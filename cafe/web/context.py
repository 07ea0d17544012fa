"""What every request handler needs, built once per server and kept on the application."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from aiohttp import web

from cafe.core.agenda import Agenda, StepKind
from cafe.core.service import MeetingService
from cafe.web.budgets import RequestBudgets
from cafe.web.connections import DEFAULT_LIMITS, ConnectionGate
from cafe.web.group_commit import GroupCommit
from cafe.web.live import LiveHub
from cafe.web.pacing import Pacer
from cafe.web.pages import Pages
from cafe.web.security import CsrfGuard
from cafe.web.tokens import TableTokens

T = TypeVar("T")

CONSENT_VERSION = "consent-v1"
"""Stored with each sign-up, so the text a person agreed to can be shown later."""

DEFAULT_RETENTION_DAYS = 365


@dataclass
class WebContext:
    """The meeting, its secrets and the server's shared helpers."""

    service: MeetingService
    public_base: Callable[[], str]
    """The address phones use (LAN address or ``--public-url``), without a trailing slash."""
    lang: str | None
    """The pages' default language; ``None`` follows the meeting's agenda."""
    meeting_token: str
    tables: TableTokens
    csrf: CsrfGuard
    budgets: RequestBudgets
    """What each phone and each address may still ask for."""
    pacer: Pacer
    """Spreads a burst of requests over turns of the loop the TUI shares."""
    pages: Pages
    hub: LiveHub
    gate: ConnectionGate = field(default_factory=ConnectionGate)
    """Open connections per address (counted once ``LanServer`` installs it)."""
    body_seconds: float = DEFAULT_LIMITS.body_seconds
    """How long a form's body may take to arrive."""
    group_commit: GroupCommit | None = None
    """Phones' submissions arriving together share one transaction (made on first use)."""
    nav_links: dict[bool, dict[str, str]] = field(default_factory=dict)
    """The links between the phone pages, without and with "where do I sit?" (``views.phone_nav``)."""

    @property
    def agenda(self) -> Agenda:
        return self.service.agenda

    @property
    def default_language(self) -> str:
        return self.lang or self.agenda.meta.language

    def public_url(self, path: str) -> str:
        return self.public_base().rstrip("/") + path

    async def write(self, command: Callable[[], T]) -> T:
        """Run a phone's command in the current group commit; its result once durable."""
        if self.group_commit is None:
            self.group_commit = GroupCommit(self.service, lambda: self.pacer.waiting)
        return await self.group_commit.run(command)


CONTEXT: web.AppKey[WebContext] = web.AppKey("cafe_web", WebContext)


def retention_days(agenda: Agenda) -> int:
    """How many days sign-ups are kept (the agenda's ``[privacy]``; a year by default)."""
    return agenda.privacy.retention_days or DEFAULT_RETENTION_DAYS


def seat_page_enabled(agenda: Agenda) -> bool:
    """The agenda may turn "where do I sit?" off (``[web] where_do_i_sit = false``)."""
    return agenda.web.where_do_i_sit


def round_question(agenda: Agenda, round_number: int) -> str:
    for step in agenda.steps:
        if step.kind is StepKind.CAFE_ROUND and step.round == round_number:
            return step.question or ""
    return ""


def checkout_question(agenda: Agenda) -> str:
    for step in agenda.steps:
        if step.kind is StepKind.CHECKOUT and step.question:
            return step.question
    return ""
