"""The agenda down the left side: every step, planned and actual minutes, the meeting clock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Label

from cafe.i18n import t
from cafe.tui.meeting_clock import MeetingClock, RailRow, clock_time


def _minutes(seconds: float) -> int:
    return round(seconds / 60)


class AgendaRail(Vertical):
    """A row per step (classes ``-done``/``-current``/``-todo``) and the meeting clock."""

    DEFAULT_CSS = """
    AgendaRail { height: 100%; }
    AgendaRail .rail-row { height: 1; }
    AgendaRail .rail-title { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    AgendaRail .rail-time { width: auto; }
    AgendaRail #rail-steps { height: 1fr; }
    AgendaRail #rail-clock { height: auto; }
    AgendaRail #rail-projector {
        width: 100%; height: auto; margin-top: 1; color: $text-muted; text-overflow: fold;
    }
    AgendaRail #rail-projector.-empty { display: none; }
    """

    rows: reactive[tuple[RailRow, ...]] = reactive((), always_update=False)
    """The steps as the parent computed them (``meeting_clock.rail_rows``)."""
    clock: reactive[MeetingClock | None] = reactive(None)
    """Planned and projected end, or ``None`` before anything is known."""
    projector_url: reactive[str] = reactive("")
    """The projector page's address ("" when the phones' server is off)."""

    def compose(self) -> ComposeResult:
        yield Label(t("tui.rail.title"), id="rail-heading")
        yield Vertical(id="rail-steps")
        with Vertical(id="rail-clock"):
            yield Label("", id="rail-planned")
            yield Label("", id="rail-projected")
        yield Label("", id="rail-projector", markup=False)

    def watch_rows(self, rows: tuple[RailRow, ...]) -> None:
        if not self.is_mounted:
            return
        holder = self.query_one("#rail-steps", Vertical)
        lines = list(holder.query(".rail-row").results(Horizontal))
        if len(lines) != len(rows):
            holder.remove_children()
            holder.mount_all(self._line(row) for row in rows)
            return
        for line, row in zip(lines, rows, strict=True):
            self._style(line, row)
            title, shown = self._texts(row)
            line.query_one(".rail-title", Label).update(title)
            line.query_one(".rail-time", Label).update(shown)

    def on_mount(self) -> None:
        self.watch_rows(self.rows)
        self.watch_clock(self.clock)
        self.watch_projector_url(self.projector_url)

    def watch_projector_url(self, url: str) -> None:
        if not self.is_mounted:
            return
        label = self.query_one("#rail-projector", Label)
        label.update(t("tui.rail.projector", url=url) if url else "")
        label.set_class(not url, "-empty")  # a class, so the narrow screen's CSS still hides it

    def _line(self, row: RailRow) -> Horizontal:
        title, shown = self._texts(row)
        line = Horizontal(
            Label(title, classes="rail-title", markup=False),
            Label(shown, classes="rail-time", markup=False),
            classes="rail-row",
        )
        self._style(line, row)
        return line

    @staticmethod
    def _style(line: Horizontal, row: RailRow) -> None:
        for status in ("done", "current", "todo"):
            line.set_class(row.status == status, f"-{status}")

    @staticmethod
    def _texts(row: RailRow) -> tuple[str, str]:
        mark = {"done": "✓", "current": "▶", "todo": " "}[row.status]
        title = f"{mark} {row.index + 1}. {row.title}"
        planned = row.planned_minutes
        if row.actual_seconds is None:
            shown = t("tui.rail.planned", planned=planned) if planned else ""
        else:
            shown = t("tui.rail.actual", actual=_minutes(row.actual_seconds), planned=planned)
        return title, shown

    def watch_clock(self, clock: MeetingClock | None) -> None:
        if not self.is_mounted or clock is None:
            return
        self.query_one("#rail-planned", Label).update(
            t("tui.rail.planned_end", time=clock_time(clock.planned_end))
        )
        late = clock.late_minutes
        projected = self.query_one("#rail-projected", Label)
        projected.update(
            t("tui.rail.projected_end", time=clock_time(clock.projected_end))
            + (f" ({late:+d})" if late else "")
        )
        projected.set_class(late > 0, "-late")
