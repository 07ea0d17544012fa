"""The working group's deck: what the meeting found, and the planning sheets to go on with.

Order follows how a working group would present it at its first meeting: the challenge,
who came, the questions, the ideas by theme, who wants to continue, what people took with
them, then the two planning sheets (source appendices 1-2) and the six principles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pptx.enum.text import MSO_ANCHOR

from cafe.core.agenda import challenge_in_sentence
from cafe.i18n import Translator
from cafe.reports.fitting import Box, Para, fit_list, fit_size, typeface
from cafe.reports.model import IdeaView, ReportModel, SignupView
from cafe.reports.planning import Prompt, planning_sheets, principles
from cafe.reports.pptx_kit import PALETTE, Deck, LayoutKind, page_titles
from cafe.reports.properties import document_info

IDEAS_SHAPE = "Ideas"
"""Name of every text box that lists ideas, so tests and tools can find them."""
SIGNUPS_SHAPE = "Signups"
CELLS_PER_SLIDE = 4
"""Planning-sheet boxes per slide: few enough to read, with room under each prompt."""


def build_working_deck(model: ReportModel, *, template: Path | None = None) -> bytes:
    """The whole deck as .pptx bytes."""
    tr = Translator(model.lang)
    title = tr("reports.properties.working_group", title=model.title)
    deck = Deck(template, info=document_info(model, title))
    deck.footer = " · ".join(x for x in (model.title, model.date) if x)
    with typeface(deck.body_font):
        _title_slide(deck, model, tr)
        _who_came(deck, model, tr)
        _questions(deck, model, tr)
        _ideas(deck, model, tr)
        _signups(deck, model, tr)
        _checkout(deck, model, tr)
        _sheets(deck, model, tr)
        _principles(deck, tr)
    return deck.to_bytes()


def hosts_line(model: ReportModel, tr: Callable[..., str]) -> str:
    """ "Värdar: A och B" (or empty when the agenda names no co-hosts)."""
    if not model.cohosts:
        return ""
    names = model.cohosts
    joined = (
        f"{', '.join(names[:-1])} {tr('reports.and')} {names[-1]}" if len(names) > 1 else names[0]
    )
    return tr("reports.cohost" if len(names) == 1 else "reports.cohosts", names=joined)


def when_where(model: ReportModel, tr: Callable[..., str]) -> str:
    if model.date and model.place:
        return tr("reports.date_place", date=model.date, place=model.place)
    return model.date or model.place


def _title_slide(deck: Deck, model: ReportModel, tr: Translator) -> None:
    slide = deck.slide(
        LayoutKind.TITLE,
        model.title,
        notes=tr(
            "reports.deck.notes_title",
            challenge=challenge_in_sentence(model.challenge, model.lang),
        ),
    )
    paras = [Para(model.challenge, scale=1.25, bold=True, color=PALETTE.accent)]
    for line in (when_where(model, tr), hosts_line(model, tr), tr("reports.deck.working_title")):
        if line:
            paras.append(Para(line, space_before=0.4, color=PALETTE.muted))
    shape = deck.subtitle_shape(slide)
    box = (
        Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))
        if shape is not None
        else deck.content_box(slide)
    )
    paras = [replace(p, align="center") for p in paras]
    fitted, size = fit_list(paras, box, (24, 22, 20, 18, 16, 14), lambda n: "", keep=1)
    if shape is None:
        deck.text(slide, box, fitted, size)
    else:
        deck.write(shape.text_frame, fitted, size, anchor=MSO_ANCHOR.TOP)
    deck.band(
        slide,
        Box(0, deck.height - deck.height // 40, deck.width, deck.height // 40),
        PALETTE.accent,
    )


def _who_came(deck: Deck, model: ReportModel, tr: Translator) -> None:
    title = tr("reports.deck.who_came")
    slide = deck.slide(LayoutKind.TITLE_ONLY, title, notes=tr("reports.deck.notes_who_came"))
    left, right = deck.content_box(slide).split_columns(2)
    total = (
        tr(
            "reports.deck.present_total",
            count=model.registered,
            present=model.present,
            registered=model.registered,
        )
        if model.present
        else tr(
            "reports.deck.registered_total", count=model.registered, registered=model.registered
        )
    )
    counts = [Para(tr("reports.deck.by_sector"), bold=True, color=PALETTE.title)]
    counts += [
        Para(
            tr("reports.deck.sector_count", sector=tr(f"reports.sector.{sector}"), count=count),
            bullet=True,
            space_before=0.3,
        )
        for sector, count in model.sector_counts
    ]
    counts.append(Para(total, space_before=0.8, color=PALETTE.muted))
    count_size = fit_size(counts, left, (24, 22, 20, 18, 16, 14)) or 14

    heading = Para(
        tr("reports.deck.organisations", count=len(model.organisations)),
        bold=True,
        color=PALETTE.title,
    )
    orgs = [Para(o, bullet=True) for o in model.organisations] or [
        Para(tr("reports.deck.no_organisations"), italic=True)
    ]
    org_size = fit_size([heading, *orgs], right, (24, 22, 20, 18, 16))
    if org_size is not None:
        size = min(count_size, org_size)
        deck.text(slide, left, counts, size)
        deck.text(slide, right, [heading, *orgs], size)
        return
    deck.text(slide, left, counts, count_size)
    deck.text(
        slide,
        right,
        [heading, Para(tr("reports.deck.organisations_next"), italic=True)],
        count_size,
    )
    deck.list_slides(
        tr("reports.deck.organisations_list"),
        orgs,
        tr,
        columns=2,
        size=18,
        notes=tr("reports.deck.notes_who_came"),
    )


def _questions(deck: Deck, model: ReportModel, tr: Translator) -> None:
    if not model.questions:
        return
    paras = []
    for question in model.questions:
        paras.append(
            Para(
                tr("reports.deck.round", round=question.round),
                bold=True,
                scale=0.75,
                color=PALETTE.accent,
                space_before=0.6 if paras else 0.0,
                keep_with_next=True,
            )
        )
        paras.append(Para(question.text))
    title = tr("reports.deck.questions")
    slide = deck.slide(LayoutKind.CONTENT, title)
    size = fit_size(paras, deck.content_box(slide), (28, 26, 24, 22, 20, 18))
    if size is not None:
        deck.body_text(slide, paras, size)
        return
    deck.drop_last_slide()
    deck.list_slides(title, paras, tr, size=20, min_size=14)


def _idea_text(idea: IdeaView, tr: Translator) -> str:
    """The idea, and where else it came up when duplicates were merged into it."""
    tables, rounds = idea.came_up()
    if tables > 1:
        return tr("reports.deck.idea_tables", text=idea.text, count=tables)
    if rounds > 1:
        return tr("reports.deck.idea_rounds", text=idea.text, count=rounds)
    return idea.text


def _idea_paras(ideas: tuple[IdeaView, ...], tr: Translator) -> list[Para]:
    return [Para(_idea_text(idea, tr), bullet=True, space_before=0.35) for idea in ideas]


def _ideas(deck: Deck, model: ReportModel, tr: Translator) -> None:
    if not model.ideas:
        slide = deck.slide(LayoutKind.TITLE_ONLY, tr("reports.deck.ideas_unthemed"))
        deck.text(slide, deck.content_box(slide), [Para(tr("reports.deck.no_ideas"))], 20)
        return
    for theme in model.themes:
        paras = _idea_paras(theme.ideas, tr) or [
            Para(tr("reports.deck.theme_empty"), italic=True, color=PALETTE.muted)
        ]
        deck.list_slides(
            tr("reports.deck.ideas_theme", theme=theme.name),
            paras,
            tr,
            notes=tr("reports.deck.notes_ideas", count=len(theme.ideas)),
            shape_name=IDEAS_SHAPE if theme.ideas else "",
        )
    if model.unthemed:
        deck.list_slides(
            tr("reports.deck.ideas_unthemed"),
            _idea_paras(model.unthemed, tr),
            tr,
            notes=tr("reports.deck.notes_unthemed"),
            shape_name=IDEAS_SHAPE,
        )


def _signup_paras(signups: tuple[SignupView, ...], tr: Translator) -> list[Para]:
    return [
        Para(
            tr("reports.deck.signup_line", name=s.name, organisation=s.organisation)
            if s.organisation
            else s.name,
            bullet=True,
            space_before=0.2,
        )
        for s in signups
    ]


def _signups(deck: Deck, model: ReportModel, tr: Translator) -> None:
    lists: list[tuple[str, tuple[SignupView, ...]]] = [
        (tr("reports.deck.signups_theme", theme=th.name), th.signups)
        for th in model.themes
        if th.signup or th.signups
    ]
    if model.general_signups:
        lists.append((tr("reports.deck.signups_general"), model.general_signups))
    if not any(signups for _, signups in lists):
        slide = deck.slide(LayoutKind.TITLE_ONLY, tr("reports.summary.signups"))
        deck.text(slide, deck.content_box(slide), [Para(tr("reports.deck.no_signups"))], 24)
        return
    for title, signups in lists:
        paras = _signup_paras(signups, tr) or [
            Para(tr("reports.deck.no_signups_theme"), italic=True, color=PALETTE.muted)
        ]
        deck.list_slides(
            title,
            paras,
            tr,
            columns=2,
            size=20,
            notes=tr("reports.deck.notes_signups"),
            shape_name=SIGNUPS_SHAPE if signups else "",
        )


def _checkout(deck: Deck, model: ReportModel, tr: Translator) -> None:
    title = tr("reports.deck.checkout")
    chosen = model.checkout_selection()
    slide = deck.slide(
        LayoutKind.CONTENT,
        title,
        notes=tr(
            "reports.deck.notes_checkout",
            count=len(model.checkout),
            shown=len(chosen),
            total=len(model.checkout),
        ),
    )
    if not chosen:
        deck.body_text(slide, [Para(tr("reports.deck.no_checkout"), italic=True)], 24)
        return
    paras = [
        Para(tr("reports.deck.quoted", text=text), italic=True, space_before=0.5 if i else 0.0)
        for i, text in enumerate(chosen)
    ]
    box = deck.content_box(slide)
    fitted, size = fit_list(paras, box, (26, 24, 22, 20, 18, 16), lambda n: "")
    deck.body_text(slide, fitted, size)


def _cell(prompt: Prompt, tr: Translator) -> list[Para]:
    """A planning-sheet box: the source's prompt, then what the meeting already answered."""
    cell = [Para(prompt.prompt, bold=True, color=PALETTE.title)]
    if prompt.hint:
        cell.append(Para(prompt.hint, italic=True, scale=0.9, color=PALETTE.muted))
    cell += [Para(a, bullet=len(prompt.answers) > 1) for a in prompt.answers] or [
        Para(tr("reports.to_fill"), color=PALETTE.muted)
    ]
    return cell


def _sheets(deck: Deck, model: ReportModel, tr: Translator) -> None:
    more = lambda n: tr("reports.more", count=n)  # noqa: E731
    sheet1, sheet2 = planning_sheets(model, tr)
    for sheet, title in ((sheet1, tr("reports.deck.sheet1")), (sheet2, tr("reports.deck.sheet2"))):
        prompts = sheet.prompts
        count = -(-len(prompts) // CELLS_PER_SLIDE)
        per_slide = -(-len(prompts) // count)
        chunks = [prompts[i : i + per_slide] for i in range(0, len(prompts), per_slide)]
        for chunk, heading in zip(chunks, page_titles(title, len(chunks), tr), strict=True):
            slide = deck.slide(LayoutKind.TITLE_ONLY, heading, notes=_sheet_notes(tr, chunk))
            cells = [_cell(p, tr) for p in chunk]
            keeps = [2 if p.hint else 1 for p in chunk]
            area = _sheet_area(deck, slide, tr)
            deck.grid(
                slide, cells, 2, keeps=keeps, sizes=(20, 18, 16, 14, 12), more=more, area=area
            )


def _sheet_notes(tr: Translator, prompts: tuple[Prompt, ...]) -> str:
    """The notes: how to use the sheet, and every pre-filled answer in full."""
    lines = [tr("reports.deck.notes_sheet"), tr("reports.deck.sheet_credit")]
    for prompt in prompts:
        if prompt.answers:
            lines += ["", prompt.prompt, *(f"- {a}" for a in prompt.answers)]
    return "\n".join(lines)


def _sheet_area(deck: Deck, slide: object, tr: Translator) -> Box:
    """The grid area, leaving a line at the bottom for the credit to the method."""
    area = deck.content_box(slide)
    credit_h = int(area.height * 0.08)
    credit = Box(area.left, area.bottom - credit_h, area.width, credit_h)
    paras, size = fit_list(
        [Para(tr("reports.deck.sheet_credit"), italic=True, color=PALETTE.muted)],
        credit,
        (12, 11, 10, 9),
        lambda n: "",
    )
    deck.text(slide, credit, paras, size)
    return Box(area.left, area.top, area.width, area.height - credit_h - int(area.height * 0.02))


def _principles(deck: Deck, tr: Translator) -> None:
    slide = deck.slide(
        LayoutKind.TITLE_ONLY,
        tr("reports.deck.principles"),
        notes=tr("reports.deck.notes_principles"),
    )
    area = deck.content_box(slide)
    source_h = int(area.height * 0.1)
    cells = [
        [Para(f"{n}. {p.name}", bold=True, color=PALETTE.title), Para(p.text, space_before=0.3)]
        for n, p in enumerate(principles(tr), start=1)
    ]
    grid_area = Box(area.left, area.top, area.width, area.height - source_h)
    deck.grid(slide, cells, 3, sizes=(22, 20, 18, 16, 14, 12), area=grid_area)
    source = Box(area.left, area.bottom - source_h, area.width, source_h)
    paras, size = fit_list(
        [Para(tr("reports.deck.principles_source"), italic=True, color=PALETTE.muted)],
        source,
        (14, 12, 11, 10),
        lambda n: "",
    )
    deck.text(slide, source, paras, size)
