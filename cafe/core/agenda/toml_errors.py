"""A TOML syntax error as a co-host can act on it: where, and what to look for."""

from __future__ import annotations

import re
import tomllib

from cafe.core.errors import Problem
from cafe.i18n import t

_TOML_MESSAGE = re.compile(
    r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)

_TOML_TRANSLATIONS: dict[str, str] = {
    "Invalid value": "invalid_value",
    "Invalid statement": "invalid_statement",
    "Unterminated string": "unterminated_string",
    "Unclosed array": "unclosed_array",
    "Unclosed inline table": "unclosed_inline_table",
    "Cannot overwrite a value": "overwrite",
    "Expected '=' after a key in a key/value pair": "expected_equals",
    "Expected newline or end of document after a statement": "expected_newline",
    "Expected ']' at the end of a table declaration": "expected_bracket",
    "Expected ']]' at the end of an array declaration": "expected_brackets",
    "Invalid initial character for a key part": "bad_key",
    "Invalid date or datetime": "bad_datetime",
}
_TWICE = re.compile(r"^Cannot declare (.*) twice$")


def syntax_problem(error: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    """``agenda.toml:12:5`` and the parser's message, in the user's language if known."""
    match = _TOML_MESSAGE.match(str(error))
    message = match.group("msg") if match else str(error)
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("col"))
    else:  # "at end of document": point after the last thing written
        lines = text.rstrip("\r\n").split("\n")
        line, column = len(lines), len(lines[-1].rstrip("\r")) + 1
    lines = text.split("\n")
    found = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if message.startswith("Expected '='") and found and not found.isascii():
        detail = t("agenda.toml_error.non_ascii_key", char=found)
    elif message in _TOML_TRANSLATIONS:
        detail = t(f"agenda.toml_error.{_TOML_TRANSLATIONS[message]}")
    elif twice := _TWICE.match(message):
        detail = t("agenda.toml_error.twice", key=twice.group(1))
    else:
        detail = message
    return Problem(f"{source}:{line}:{column}", t("agenda.problem.syntax", detail=detail))
