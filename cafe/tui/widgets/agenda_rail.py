"""The agenda down the left side: every step, planned and actual minutes, the meeting clock."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from cafe.i18n import t
from cafe.tui.meeting_clock import MeetingClock, RailRow, clock_time
from cafe.tui.widgets.line_drawn import LineDrawn

NARROW_WIDTH = 28
"""Below this many cells the minutes give way to the step names (an 80-column screen)."""

_MARKS = {"done": "✓", "current": "▶", "todo": " "}
"""A skipped step's mark is a word's worth, so it comes from the catalogue."""


def _minutes(seconds: float) -> int:
    return round(seconds / 60)


def row_texts(row: RailRow) -> tuple[str, str]:
    """A step's line: the mark, number and title, and its minutes (planned or actual)."""
    mark = t("tui.rail.skipped_mark") if row.status == "skipped" else _MARKS[row.status]
    title = f"{mark} {row.index + 1}. {row.title}"
    planned = row.planned_minutes
    if row.status == "skipped":  # not "0/20′" beside a tick, as if held
        return title, t("tui.rail.skipped")
    if row.actual_seconds is None:
        shown = t("tui.rail.planned", planned=planned) if planned else ""
    else:
        shown = t("tui.rail.actual", actual=_minutes(row.actual_seconds), planned=planned)
    return title, shown


class RailSteps(LineDrawn):
    """The rail's heading and every step, a line each, drawn by one widget.

    A line used to be three widgets (a row and two labels): forty widgets to mount and
    style before the first frame, for text that only changes when a step does.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rail-steps--heading",
        "rail-steps--done",
        "rail-steps--skipped",
        "rail-steps--current",
    }
    DEFAULT_CSS = """
    RailSteps { height: 1fr; }
    RailSteps > .rail-steps--heading { text-style: bold; color: $text-muted; }
    RailSteps > .rail-steps--done { color: $text-muted; }
    RailSteps > .rail-steps--skipped { color: $text-muted; text-style: italic; }
    RailSteps > .rail-steps--current { background: $primary; color: $text; text-style: bold; }
    """

    rows: reactive[tuple[RailRow, ...]] = reactive((), always_update=False)

    def render(self) -> Text:
        width = self.size.width
        lines = Text(no_wrap=True, overflow="crop", end="")
        lines.append(
            t("tui.rail.title"), style=self.get_component_rich_style("rail-steps--heading")
        )
        for row in self.rows:
            title, shown = row_texts(row)
            minutes = f" {shown}" if shown and width >= NARROW_WIDTH else ""
            room = max(width - cell_len(minutes), 1)
            if cell_len(title) > room:
                title = set_cell_size(title, room - 1) + "…"
            line = set_cell_size(title, room) + minutes
            style = (
                self.get_component_rich_style(f"rail-steps--{row.status}")
                if row.status in ("done", "skipped", "current")
                else ""
            )
            lines.append("\n")
            lines.append(line, style=style)
        return lines


class RailClock(Widget):
    """The meeting's planned end and the end it is heading for (marked when late)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rail-clock--late"}
    DEFAULT_CSS = """
    RailClock { height: auto; }
    RailClock > .rail-clock--late { color: $warning; text-style: bold; }
    """

    clock: reactive[MeetingClock | None] = reactive(None)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2

    def render(self) -> Text:
        planned, projected, late = _clock_lines(self.clock)
        width = self.size.width
        style = self.get_component_rich_style("rail-clock--late") if late else ""
        lines = [
            Text(_fitting(planned, width), end=""),
            Text(_fitting(projected, width), style=style, end=""),
        ]
        for line in lines:  # narrower than the shortest form: cut, never wrapped
            line.truncate(width, overflow="crop")
        return Text("\n", end="").join(lines)


class AgendaRail(Vertical):
    """The steps (``RailSteps``), the planned and projected end (``RailClock``), the
    projector's address."""

    DEFAULT_CSS = """
    AgendaRail { height: 100%; }
    AgendaRail #rail-projector {
        width: 100%; height: auto; margin-top: 1; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    AgendaRail #rail-projector.-empty { display: none; }
    """

    rows: reactive[tuple[RailRow, ...]] = reactive((), always_update=False)
    """The steps as the parent computed them (``meeting_clock.rail_rows``)."""
    clock: reactive[MeetingClock | None] = reactive(None)
    """Planned and projected end, or ``None`` before anything is known."""
    projector_url: reactive[str] = reactive("")
    """The projector page's address ("" when the phones' server is off)."""
    narrow: reactive[bool] = reactive(False)
    """An 80-column screen: the address gives way to the key that shows it (v)."""

    def compose(self) -> ComposeResult:
        # Composed with what the rail shows now (the parent sets rows, clock and address
        # first): filled in after mounting, the labels were restyled and laid out again
        # before the first frame.
        steps = RailSteps(id="rail-steps")
        steps.set_reactive(RailSteps.rows, self.rows)
        yield steps.data_bind(AgendaRail.rows)
        clock = RailClock(id="rail-clock")
        clock.set_reactive(RailClock.clock, self.clock)
        yield clock.data_bind(AgendaRail.clock)
        url = self.projector_url
        yield Label(
            _projector_line(url, narrow=self.narrow),
            id="rail-projector",
            markup=False,
            classes="" if url else "-empty",
        )

    def watch_projector_url(self, url: str) -> None:
        self._show_projector()

    def watch_narrow(self) -> None:
        self._show_projector()

    def _show_projector(self) -> None:
        if not self.is_mounted:
            return
        url = self.projector_url
        label = self.query_one("#rail-projector", Label)
        label.update(_projector_line(url, narrow=self.narrow))
        label.set_class(not url, "-empty")


def _clock_lines(clock: MeetingClock | None) -> tuple[list[str], list[str], bool]:
    """The planned and the projected end, each in its forms from longest to shortest, and
    whether the meeting runs late.

    The projected end says how far off the plan it is in words ("12 min sent"), then ever
    shorter: "(+371)" was a bare number, and at 80 columns "(+12)" was cut to "(+1", one
    minute late where it was twelve. Every form keeps the whole figure and its unit.
    """
    if clock is None:
        return [""], [""], False
    late = clock.late_minutes
    planned, projected = clock_time(clock.planned_end), clock_time(clock.projected_end)
    full = t("tui.rail.projected_end", time=projected)
    short = t("tui.rail.projected_end_short", time=projected)
    if late:
        words = t("tui.rail.late" if late > 0 else "tui.rail.early", amount=_amount(abs(late)))
        sign = "+" if late > 0 else "−"
        minutes = t("tui.rail.amount_minutes", minutes=abs(late))
        projections = [
            f"{full} ({words})",
            f"{short} ({words})",
            f"{short} ({sign}{_amount(abs(late))})",
            f"{short} {sign}{minutes}",
            f"{short} {sign}{abs(late)}′",  # the rail's own minute mark, as in "25′"
        ]
    else:
        projections = [full, short]
    plan = "tryout_end" if clock.tryout else "planned_end"
    return (
        [t(f"tui.rail.{plan}{form}", time=planned) for form in ("", "_short")],
        projections,
        late > 0,
    )


def _amount(minutes: int) -> str:
    """``12 min``, ``1 h``, ``6 h 11 min``: an hour late reads as hours, not "+371"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("tui.rail.amount_minutes", minutes=rest)
    if not rest:
        return t("tui.rail.amount_hours", hours=hours)
    return t("tui.rail.amount_hours_minutes", hours=hours, minutes=rest)


def _fitting(forms: list[str], width: int) -> str:
    """The first (longest) form that fits ``width`` cells, else the shortest."""
    return next((form for form in forms if cell_len(form) <= width), forms[-1])


def _projector_line(url: str, *, narrow: bool = False) -> str:
    """Where the projector page is, on lines that are never broken inside the address.

    The token is longer than the rail is wide: folded, it was split mid-token, and at 80
    columns the line was dropped. The rail names the computer and port, and leaves the
    whole address and its QR code to v; at 80 columns it names the key.
    """
    if not url:
        return ""
    if narrow:
        return t("tui.rail.projector_narrow")
    parts = urlsplit(url)
    return t("tui.rail.projector", url=f"{parts.scheme}://{parts.netloc}/…")
