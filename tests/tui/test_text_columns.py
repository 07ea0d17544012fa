"""Laying text out in columns: a line that fits is kept as it is, without Rich's wrapping,
and shows exactly what wrapping it would have shown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style
from rich.text import Text

from cafe.tui.widgets.text_columns import wrapped

CONSOLE = Console(width=200, color_system="truecolor", force_terminal=True)

names = st.text(
    alphabet=st.sampled_from([*"abcåäöÅÄÖ -'.", "é", "ß", "漢", "字", "★", "\t", "\n"]),
    max_size=30,
)


def cells(lines: list[Text], width: int) -> list[list[tuple[str, Style | None]]]:
    """Each line as the cells a terminal shows: character and style, padded to ``width``."""
    shown = []
    for line in lines:
        row = []
        for segment in line.render(CONSOLE, end=""):
            for character in segment.text:
                row.append((character, segment.style))
        row += [(" ", None)] * (width - line.cell_len)
        shown.append(row)
    return shown


@settings(max_examples=300, deadline=None)
@given(name=names, width=st.integers(min_value=1, max_value=40), bold=st.booleans())
def test_wrapped_shows_what_rich_wrapping_shows(name: str, width: int, bold: bool) -> None:
    text = Text(name, style=Style(bold=bold))
    fast = list(wrapped(text, CONSOLE, width))
    slow = list(text.wrap(CONSOLE, width))
    assert [line.plain.rstrip() for line in fast] == [line.plain.rstrip() for line in slow]
    assert [[cell for cell in row if cell[0] != " "] for row in cells(fast, width)] == [
        [cell for cell in row if cell[0] != " "] for row in cells(slow, width)
    ]


def test_a_name_that_fits_is_kept_and_a_long_one_is_wrapped() -> None:
    assert [line.plain for line in wrapped(Text("Åsa Nyström"), CONSOLE, 15)] == ["Åsa Nyström"]
    assert [line.plain.rstrip() for line in wrapped(Text("Birgitta Yilmaz"), CONSOLE, 10)] == [
        "Birgitta",
        "Yilmaz",
    ]
