"""The presentation round: who speaks in which order, ticked off as they speak."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from cafe.core import meeting_seating
from cafe.core.service import MeetingService
from cafe.core.timer import format_seconds
from cafe.i18n import t
from cafe.tui.messages import SpeakerToggled
from cafe.tui.widgets.step_view import StepView


def stopwatch(seconds: float) -> str:
    """``mm:ss`` of time used, rounded down (a stopwatch, not a countdown)."""
    whole = int(max(0.0, seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class PresentationView(StepView):
    """The speaking order (by table or round the circle), a soft timer per speaker."""

    def __init__(self, service: MeetingService, index: int) -> None:
        super().__init__(service, index)
        self._spoken_count = -1
        self._speaker_since = 0.0

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        yield Label(step.title, classes="step-title", markup=False)
        if step.question or step.text:
            yield Static(step.question or step.text, classes="question big", markup=False)
        with Horizontal(classes="columns"):
            yield OptionList(id="speakers", classes="speakers", markup=False)
            with Vertical(classes="side"):
                if self.timed:
                    yield self.round_timer()
                yield Label("", id="speaker-now", classes="speaker-now", markup=False)
                yield Label("", id="speaker-count", classes="caption")
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def order(self) -> list[tuple[int, list[str]]]:
        return meeting_seating.speaking_order(self.service)

    def next_speaker(self) -> str | None:
        """The first person in the order who has not spoken yet."""
        return meeting_seating.next_speaker(self.service)

    def refresh_view(self) -> None:
        state = self.service.state
        people = state.participants
        options: list[Option | None] = []
        groups = self.order()
        appointed = {pid for pid, _ in meeting_seating.appointed_hosts(self.service)}
        for table, ids in groups:
            if table:
                options.append(Option(t("tui.seating.table", table=table), disabled=True))
            for pid in ids:
                person = people[pid]
                mark = "✓" if pid in state.spoken else "·"
                org = f" — {person.organisation}" if person.organisation else ""
                star = "☆ " if pid in appointed else ""  # the hosts notice points here
                options.append(Option(f"{mark} {star}{person.name}{org}", id=pid))
        speakers = self.query_one("#speakers", OptionList)
        highlighted = speakers.highlighted
        speakers.clear_options()
        speakers.add_options([o for o in options if o is not None])
        if highlighted is not None and highlighted < speakers.option_count:
            speakers.highlighted = highlighted
        total = sum(len(ids) for _, ids in groups)
        done = sum(1 for _, ids in groups for pid in ids if pid in state.spoken)
        if done != self._spoken_count:
            visits = [v.at for v in state.visits if v.index == self.index]
            since = self.service.clock.now() if self._spoken_count >= 0 else 0.0
            self._speaker_since = since or (visits[-1] if visits else self.service.clock.now())
            self._spoken_count = done
        self.query_one("#speaker-count", Label).update(
            t("tui.presentation.count", count=total, done=done, total=total)
        )
        self.on_time(self.now or self.service.clock.now())

    def on_time(self, now: float) -> None:
        label = self.query_one("#speaker-now", Label)
        speaker = self.next_speaker()
        if speaker is None:
            label.update(t("tui.presentation.all_done"))
            return
        total = max(1, sum(len(ids) for _, ids in self.order()))
        each = (self.step.minutes * 60 / total) if self.step and self.step.minutes else 60.0
        used = max(0.0, now - self._speaker_since)
        timer = self.service.timer(self.index)
        if timer is not None:  # the first speaker starts with the step's clock, not before
            used = min(used, timer.elapsed_at(now)) if timer.started else 0.0
        label.update(
            t(
                "tui.presentation.now",
                name=self.service.state.participants[speaker].name,
                used=stopwatch(used),
                each=format_seconds(each),
            )
        )
        label.set_class(used > each, "-over")

    @on(OptionList.OptionSelected, "#speakers")
    def toggle_speaker(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        pid = event.option.id
        if pid:
            self.post_message(SpeakerToggled(pid, pid not in self.service.state.spoken))
