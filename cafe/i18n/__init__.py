"""Swedish and English string catalogues.

Every string a user sees is looked up here by a dotted key such as ``cli.new.created``.
Catalogues are TOML files, one per area (``cli.toml``, ``tui.toml`` ...) in ``sv/`` and
``en/``, so that areas can grow independently; ``[section]`` tables nest into the key.
Swedish is the default language, as the product's users are Swedish.

A value that agrees with a number is a plural table, ``{ one = "1 idé", other = "{count}
idéer" }``: ``t()`` picks ``one`` when the ``count`` value is 1 and ``other`` otherwise
(Swedish and English both have just these two forms).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple

import tomli

LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

_current = DEFAULT_LANGUAGE


PLURAL_FORMS = frozenset({"one", "other"})


class Plural(NamedTuple):
    """A catalogue value whose wording depends on the ``count`` passed to ``t()``."""

    one: str
    other: str

    def choose(self, count: object) -> str:
        return self.one if count == 1 else self.other


Entry = str | Plural


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, Entry]) -> None:
    for key, value in table.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict) and set(value) == PLURAL_FORMS:
            into[full] = Plural(str(value["one"]), str(value["other"]))
        elif isinstance(value, dict):
            _flatten(full, value, into)
        else:
            into[full] = str(value)


def forms(entry: Entry) -> tuple[str, ...]:
    """Every wording of a catalogue entry: one string, or a plural table's forms."""
    return tuple(entry) if isinstance(entry, Plural) else (entry,)


@cache
def area(lang: str, name: str) -> dict[str, Entry]:
    """One area's entries (``cli.toml`` for ``cli.*`` keys), keyed by the whole key.

    Areas load when first looked up: ``cafe run`` needs three of the sixteen before its
    first frame, and reading the rest (pure-Python TOML) cost about 20 ms of start-up.
    """
    strings: dict[str, Entry] = {}
    shipped = files(__name__) / lang / f"{name}.toml"  # the package's own data
    if shipped.is_file():
        with shipped.open("rb") as handle:
            _flatten(name, tomli.load(handle), strings)
    return strings


@cache
def catalogue(lang: str) -> dict[str, Entry]:
    """All entries of one language, keyed by ``area.section.key``."""
    strings: dict[str, Entry] = {}
    shipped = files(__name__) / lang
    for path in sorted(shipped.iterdir(), key=lambda item: item.name):
        if path.name.endswith(".toml"):
            strings.update(area(lang, path.name.removesuffix(".toml")))
    return strings


def lookup(key: str, lang: str) -> Entry:
    """The entry for ``key``; a missing key raises ``KeyError``, as a bug should."""
    return area(lang, key.partition(".")[0])[key]


def normalise_language(lang: str | None) -> str:
    """Map ``sv``/``sv_SE``/``en-GB``/``None`` to a catalogue language."""
    if not lang:
        return DEFAULT_LANGUAGE
    base = lang.replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Set the process-wide language (the CLI and TUI have one user at a time)."""
    global _current
    _current = normalise_language(lang)
    return _current


def current_language() -> str:
    """The process-wide language."""
    return _current


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The string for ``key`` in ``lang`` (or the current language), formatted.

    A missing key is a bug, not a user error: it raises ``KeyError`` so tests catch it,
    and so does a plural entry looked up without a ``count``.
    """
    found = lookup(key, normalise_language(lang) if lang else _current)
    text = found.choose(values["count"]) if isinstance(found, Plural) else found
    return text.format(**values) if values else text


class Translator:
    """A language bound to one user: a web request, a report, a screen."""

    def __init__(self, lang: str | None) -> None:
        self.lang = normalise_language(lang)

    def __call__(self, key: str, /, **values: object) -> str:
        return t(key, self.lang, **values)


def number(value: float, decimals: int, lang: str | None = None) -> str:
    """``value`` with ``decimals`` digits, and a decimal comma in Swedish ("90,5")."""
    text = f"{value:.{decimals}f}"
    language = normalise_language(lang) if lang else current_language()
    return text.replace(".", ",") if language == "sv" else text
