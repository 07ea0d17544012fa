"""A TOML syntax error as a co-host can act on it: where, the line, and what to look for.

Only the parser's position is used (tomli's ``lineno``/``colno``, or the stable
``(at line N, column M)`` suffix of its message); the wording is ours, in the user's
language, and the hint comes from looking at the text at that position, so a change in
the parser's English sentences changes nothing here.
"""

from __future__ import annotations

import re

import tomli

from cafe.core.agenda.keys import KeyLocator
from cafe.core.errors import Message, Problem

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")
_KEY_CHARS = re.compile(r"[A-Za-z0-9_-]")
_DATE_LIKE = re.compile(r"\d{4}-|\d{1,2}:\d")
_CURLY_QUOTES = frozenset("”“„«»‘’")
_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d+\s*$")
_COMPLETE_VALUE = re.compile(
    r'\s*(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|true|false|[+-]?[0-9][0-9_.eE+-]*)\s*'
)


def toml_position(error: tomli.TOMLDecodeError, text: str) -> tuple[int, int]:
    """The 1-based line and column the parser stopped at; the end of the text if it ran out."""
    position = getattr(error, "pos", None)
    ran_out = isinstance(position, int) and position >= len(text.rstrip("\r\n"))
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if not ran_out and isinstance(line, int) and isinstance(column, int):
        return line, column
    if not ran_out and (match := _POSITION.search(str(error))):
        return int(match.group(1)), int(match.group(2))
    lines = text.rstrip("\r\n").split("\n")  # "at end of document": after the last thing
    return len(lines), len(lines[-1].rstrip("\r")) + 1


def syntax_problem(error: tomli.TOMLDecodeError, text: str, source: str) -> Problem:
    """``agenda.toml:12:5``, the line with a caret under the column, and a hint."""
    line, column = toml_position(error, text)
    lines = text.split("\n")
    shown = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    hint = _hint(text, lines, line, column)
    caret = " " * _width(shown[: column - 1]) + "^"
    return Problem.coded(
        "agenda.toml_error.here",
        where=f"{source}:{line}:{column}",
        hint=hint,
        line=shown.expandtabs(1),
        caret=caret,
    )


def _width(text: str) -> int:
    return len(text.expandtabs(1))


def _hint(text: str, lines: list[str], line: int, column: int) -> Message:
    """What is wrong, judged from the text at and before the position."""
    twice = KeyLocator(text).twice.get(line)
    if twice is not None:
        path, first = twice
        return Message("agenda.toml_error.twice", {"key": path, "line": first})
    if _open_multiline(lines[:line]):
        return Message("agenda.toml_error.unterminated_string")
    here = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    index = column - 1
    code = _code(here)
    if _in_string(here, index):
        return Message("agenda.toml_error.unterminated_string")
    unclosed = _unclosed(lines, line, index)
    if unclosed == "[":
        return Message("agenda.toml_error.unclosed_array")
    if unclosed == "{":
        return Message("agenda.toml_error.unclosed_inline_table")
    stripped = code.strip()
    if stripped.startswith("[["):
        closed = "]]" in stripped
        return Message(f"agenda.toml_error.{'after_heading' if closed else 'expected_brackets'}")
    if stripped.startswith("["):
        closed = "]" in stripped
        return Message(f"agenda.toml_error.{'after_heading' if closed else 'expected_bracket'}")
    equals = code.find("=")
    if equals < 0 or index <= equals:
        found = here[index : index + 1]
        if found and not found.isascii():
            return Message("agenda.toml_error.non_ascii_key", {"char": found})
        if index == len(here) - len(here.lstrip()) and found and not _KEY_CHARS.match(found):
            return Message("agenda.toml_error.bad_key", {"char": found})
        return Message("agenda.toml_error.expected_equals")
    value = code[equals + 1 :]
    if value.strip()[:1] in _CURLY_QUOTES:  # Word's ”Fika”: "text in quotes" read as nonsense
        return Message("agenda.toml_error.curly_quotes")
    if _DECIMAL_COMMA.match(value):
        return Message(
            "agenda.toml_error.decimal_comma", {"value": value.strip().replace(",", ".")}
        )
    if _DATE_LIKE.match(value.strip()):
        return Message("agenda.toml_error.bad_datetime")
    complete = _COMPLETE_VALUE.match(value)
    if complete and equals + 1 + complete.end() <= index:
        if value.strip().startswith('"') and '"' in value[complete.end() :]:
            return Message("agenda.toml_error.inner_quotes")  # "Vad har "samhället" …"
        return Message("agenda.toml_error.expected_newline")
    return Message("agenda.toml_error.invalid_value")


def _code(line: str) -> str:
    """The line without its comment (a ``#`` outside quotes)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == "\\" and quote == '"':
                continue
            if char == quote and not (quote == '"' and line[i - 1 : i] == "\\"):
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:i]
    return line


def _in_string(line: str, index: int) -> bool:
    """Whether ``index`` is inside a one-line string opened earlier on the line."""
    quote = ""
    i = 0
    while i < min(index, len(line)):
        char = line[i]
        if quote:
            if quote == '"' and char == "\\":
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            if line[i : i + 3] in ('"""', "'''"):
                return False  # a multi-line string; judged by _open_multiline
            quote = char
        elif char == "#":
            return False
        i += 1
    return bool(quote)


def _open_multiline(lines: list[str]) -> bool:
    """Whether a ``\"\"\"`` or ``'''`` string is still open after these lines."""
    joined = "\n".join(lines)
    return any(joined.count(quote) % 2 == 1 for quote in ('"""', "'''"))


def _unclosed(lines: list[str], line: int, index: int) -> str:
    """``[`` or ``{`` if a value's list or inline table is still open at the position.

    One pass from the top: brackets count only inside values (after a ``=``, or on the
    lines of a value still open), never in ``[table]`` headings, strings or comments.
    """
    stack: list[str] = []
    for number in range(1, line + 1):
        full = lines[number - 1].rstrip("\r")
        code = _code(full)
        if number == line:
            code = code[:index]
        if not stack:
            if code.lstrip().startswith("[") or "=" not in code:
                continue
            code = code[code.index("=") + 1 :]
        quote = ""
        for char in code:
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char in "[{":
                stack.append(char)
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else ""
