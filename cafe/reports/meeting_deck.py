"""The meeting deck, for co-hosts who would rather project PowerPoint than run ``cafe``.

One slide per agenda step, in order, with the step's own text and question large enough
to read from the back, the facilitator notes as speaker notes, and the QR codes where
phones are used: the opening (join), the sign-up and harvest (sign up), the check-out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx.enum.text import MSO_ANCHOR

from cafe.core.agenda import Step, StepKind
from cafe.i18n import Translator
from cafe.reports.fitting import Box, Para, fit_list, typeface
from cafe.reports.letters import long_date
from cafe.reports.model import ReportModel
from cafe.reports.pptx_kit import PALETTE, Deck, LayoutKind
from cafe.reports.properties import document_info
from cafe.reports.safe import safe_text
from cafe.reports.working_deck import hosts_line, when_where

QUESTION_SHAPE = "Question"
"""Name of the text box holding a step's question or text."""
BIG = (54, 48, 44, 40, 36, 32, 28, 24, 20)


def build_meeting_deck(
    model: ReportModel,
    steps: Sequence[Step],
    *,
    join_url: str,
    join_png: bytes,
    checkout_url: str,
    checkout_png: bytes,
    template: Path | None = None,
    circle: bool = False,
) -> bytes:
    """The meeting deck as .pptx bytes (``circle``: seated as one circle, no tables to
    move between: the round slides said "move to another table")."""
    tr = Translator(model.lang)
    title = tr("reports.properties.meeting", title=model.title)
    deck = Deck(template, info=document_info(model, title))
    with typeface(deck.body_font):
        _opening(deck, model, tr, join_url, join_png)
        rounds = [step for step in steps if step.kind is StepKind.CAFE_ROUND]
        after = _what_comes_after(model, tr)
        for step in steps:
            last = bool(rounds) and step is rounds[-1]
            _step(
                deck, step, tr, join_url, join_png, checkout_url, checkout_png, circle, last, after
            )
    return deck.to_bytes()


def _what_comes_after(model: ReportModel, tr: Translator) -> tuple[str, ...]:
    """The closing slide's promise, as the projector's closing says it: feedback (by
    when) and whom to ask. Whoever projected the deck lost both."""
    feedback = (
        tr("reports.meeting.closing_feedback_by", date=long_date(model.feedback_by, tr))
        if model.feedback_by
        else tr("reports.meeting.closing_feedback")
    )
    contact = model.contact or f" {tr('reports.and')} ".join(model.cohosts)
    if not contact:
        return (feedback,)
    return feedback, tr("reports.meeting.closing_contact", contact=contact)


def _when(model: ReportModel, tr: Translator) -> str:
    """Date, time and place: the title slide had the date but not the time."""
    place = when_where(model, tr)
    if not model.start:
        return place
    hours = f"{model.start}–{model.end}" if model.end else model.start
    return tr("reports.meeting.when", where=place, hours=hours) if place else hours


def _opening(deck: Deck, model: ReportModel, tr: Translator, url: str, png: bytes) -> None:
    slide = deck.slide(LayoutKind.TITLE_ONLY, model.title)
    left, right = _split(deck, slide)
    paras = [Para(model.challenge, bold=True, color=PALETTE.accent)]
    for line in (_when(model, tr), hosts_line(model, tr)):
        if line:
            paras.append(Para(line, scale=0.6, space_before=0.5, color=PALETTE.muted))
    fitted, size = fit_list(paras, left, BIG, lambda n: "", keep=1)
    deck.text(slide, left, fitted, size, anchor=MSO_ANCHOR.MIDDLE).name = QUESTION_SHAPE
    _qr(deck, slide, right, png, tr("reports.meeting.join"), url)


def _split(deck: Deck, slide: object) -> tuple[Box, Box]:
    area = deck.content_box(slide)
    qr_width = int(area.width * 0.42)
    gap = int(area.width * 0.04)
    left = Box(area.left, area.top, area.width - qr_width - gap, area.height)
    right = Box(area.left + left.width + gap, area.top, qr_width, area.height)
    return left, right


def _qr(deck: Deck, slide: object, box: Box, png: bytes, caption: str, url: str) -> None:
    """A QR code filling the top of ``box``, with a caption and the address below it."""
    text_h = int(box.height * 0.2)
    side = min(box.width, box.height - text_h)
    deck.picture(slide, png, Box(box.left, box.top, box.width, side))
    below = Box(box.left, box.top + side, box.width, box.height - side)
    paras = [
        Para(caption, bold=True, align="center", color=PALETTE.title),
        Para(url, scale=0.6, align="center", color=PALETTE.muted),
    ]
    fitted, size = fit_list(paras, below, (24, 22, 20, 18, 16, 14, 12), lambda n: "", keep=2)
    deck.text(slide, below, fitted, size)


def _step(
    deck: Deck,
    step: Step,
    tr: Translator,
    join_url: str,
    join_png: bytes,
    checkout_url: str,
    checkout_png: bytes,
    circle: bool = False,
    last_round: bool = False,
    after: tuple[str, ...] = (),
) -> None:
    """``last_round``: the agenda's last café round, after which nobody moves; ``after``:
    what the closing promises (feedback, whom to ask)."""
    title = safe_text(step.title)
    minutes = int(step.minutes) if float(step.minutes).is_integer() else step.minutes
    slide = deck.slide(LayoutKind.TITLE_ONLY, title, notes=step.notes)
    question = safe_text(step.question, multiline=True)
    text = safe_text(step.text, multiline=True)
    shown = _Shown(
        step,
        tr,
        minutes,
        question,
        text,
        (join_png, join_url),
        (checkout_png, checkout_url),
        circle,
        last_round,
        after,
    )
    paras, qr = SLIDES[step.kind](shown)
    if step.kind is StepKind.CAFE_ROUND and not step.notes:
        deck.notes(
            slide,
            tr("reports.meeting.notes_round_circle" if circle else "reports.meeting.notes_round"),
        )
    if qr is not None:
        box, right = _split(deck, slide)
        _qr(deck, slide, right, qr[0], qr[1], qr[2])
    else:
        box = deck.content_box(slide)
    keep = 2 if step.kind is StepKind.CAFE_ROUND else 1
    fitted, size = fit_list(paras, box, BIG, lambda n: "", keep=keep)
    deck.text(slide, box, fitted, size, anchor=MSO_ANCHOR.MIDDLE).name = QUESTION_SHAPE


_QR = tuple[bytes, str, str]
"""A QR code's picture, the line that says what it is for, and its address."""


@dataclass(frozen=True, slots=True)
class _Shown:
    """What a step's slide is made from."""

    step: Step
    tr: Translator
    minutes: float
    question: str
    text: str
    join: tuple[bytes, str]
    checkout: tuple[bytes, str]
    circle: bool = False
    last_round: bool = False
    """The agenda's last café round: the slide said "move to another table" though the
    harvest came next."""
    after: tuple[str, ...] = ()
    """The closing's promise: feedback and whom to ask."""


def _round_slide(s: _Shown) -> tuple[list[Para], _QR | None]:
    """The round and its length small, the question large, "move on" (or, in the last
    round, "stay") below."""
    tr = s.tr
    return [
        Para(
            tr("reports.meeting.round", count=s.minutes, round=s.step.round, minutes=s.minutes),
            scale=0.5,
            bold=True,
            color=PALETTE.accent,
        ),
        Para(s.question or s.text, bold=True, space_before=0.3),
        Para(
            tr(_round_move(s)),
            scale=0.4,
            space_before=1.0,
            color=PALETTE.muted,
        ),
    ], None


def _round_move(s: _Shown) -> str:
    """What the room does when the round ends: move on, stay (the last round), or, in a
    circle, nothing to move: how the word goes round."""
    if s.circle:
        return "reports.meeting.round_move_circle"
    return "reports.meeting.round_last" if s.last_round else "reports.meeting.round_move"


def _checkout_slide(s: _Shown) -> tuple[list[Para], _QR | None]:
    png, url = s.checkout
    return [Para(s.question or s.text, bold=True)], (
        png,
        s.tr("reports.meeting.checkout_hint"),
        url,
    )


def _signup_slide(s: _Shown) -> tuple[list[Para], _QR | None]:
    png, url = s.join
    paras = [Para(s.text or s.question or s.tr("reports.meeting.signup"), bold=True)]
    return paras, (png, s.tr("reports.meeting.signup_hint"), url)


def _text_slide(s: _Shown) -> tuple[list[Para], _QR | None]:
    """The question or text large; the length below when there is no text, or in a break."""
    main = s.question or s.text
    paras = [Para(main, bold=True)] if main else []
    if s.step.kind is StepKind.BREAK or not main:
        paras.append(
            Para(
                s.tr("reports.meeting.minutes", count=s.minutes, minutes=s.minutes),
                scale=0.6,
                space_before=0.5 if main else 0.0,
                color=PALETTE.muted,
            )
        )
    if s.step.kind is StepKind.PRESENTATION_ROUND and s.question and s.text:
        paras.append(Para(s.text, scale=0.6, space_before=0.5))
    if s.step.kind is StepKind.CLOSING:
        if not main:
            paras = [Para(s.tr("reports.meeting.thanks"), bold=True)]
        paras.extend(
            Para(line, scale=0.5, space_before=0.5, color=PALETTE.muted) for line in s.after
        )
    return paras, None


SLIDES: dict[StepKind, Callable[[_Shown], tuple[list[Para], _QR | None]]] = {
    StepKind.OPENING: _text_slide,
    StepKind.PURPOSE: _text_slide,
    StepKind.PRESENTATION_ROUND: _text_slide,
    StepKind.CAFE_ROUND: _round_slide,
    StepKind.BREAK: _text_slide,
    StepKind.HARVEST: _signup_slide,
    StepKind.SIGNUP: _signup_slide,
    StepKind.CHECKOUT: _checkout_slide,
    StepKind.CLOSING: _text_slide,
    StepKind.CUSTOM: _text_slide,
}
"""How each kind of step's slide is laid out; a new kind must be added here."""
