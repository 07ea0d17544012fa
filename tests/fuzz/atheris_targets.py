"""Coverage-guided fuzzing (atheris, libFuzzer) of everything that reads outside input.

Run one target for a bounded time; ``tests/fuzz/test_atheris.py`` does so in CI:

    .venv/bin/python tests/fuzz/atheris_targets.py agenda CORPUS_DIR -max_total_time=60

Hypothesis (``test_fuzz_inputs.py``) draws inputs from shapes we describe; atheris grows
its own inputs from the real files in the corpus, keeping each mutation that reaches new
lines of cafe's code or of ``csv`` (the TOML parser, tomli, is compiled, so its lines are
not seen; the agenda corpus holds real agendas). The property is the same: a result or a
``CafeError`` with a message, never another exception. An exception ends the run with
libFuzzer's crash report and a non-zero exit, and the input is written to disk.

Targets:
- ``agenda``: file bytes to an agenda; what is accepted must also be written back
  (``dump_agenda``) and read again, as ``cafe new`` does;
- ``people``: the participant-list importer and its duplicate check;
- ``seating``: the seating planner's CSV reader;
- ``forms``: the phones' three forms, and what a form accepts the service must store
  (in a real meeting folder).
"""

from __future__ import annotations

import functools
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMS = sys.argv[1:2] == ["forms"]
"""Only the forms target needs the service, the store and the web forms: importing them
(instrumented) took the other three targets about 2 s each, half their start."""

with atheris.instrument_imports(include=["cafe", "csv"]):
    import csv  # noqa: F401  (instrumented for coverage)

    from cafe.core.agenda import agenda_from_bytes, dump_agenda, parse_agenda
    from cafe.core.errors import CafeError
    from cafe.core.people_csv import find_duplicates, read_people_csv
    from cafe.core.seating.csvfile import read_seating_csv
    from cafe.i18n import Translator

    if FORMS:
        from cafe.core.service import MeetingService
        from tests.fuzz.store_forms import send_checkout, send_ideas, send_signup
        from tests.meetings import new_meeting  # the service and the store, instrumented too


def agenda(data: bytes) -> None:
    try:
        parsed = agenda_from_bytes(data, "fuzz.toml")
    except CafeError as error:
        _check_messages(error, "fuzz.toml")
        return
    filled = parsed.filled()
    again = parse_agenda(dump_agenda(filled), "dumped.toml")
    assert len(again.steps) == len(filled.steps), "dump_agenda lost a step"


def people(data: bytes) -> None:
    try:
        parsed = read_people_csv(data, "fuzz.csv")
        problems = find_duplicates(parsed, [], "fuzz.csv").problems
    except CafeError as error:
        _check_messages(error, "fuzz.csv")
        return
    assert all(person.name.strip() for person in parsed.people), "a person without a name"
    assert all(problem.place().startswith("fuzz.csv") for problem in problems)


def seating(data: bytes) -> None:
    try:
        read_seating_csv(data, "fuzz.csv")
    except CafeError as error:
        _check_messages(error, "fuzz.csv")


def _check_messages(error: CafeError, source: str) -> None:
    assert error.problems, "an error without a message"
    for problem in error.problems:
        assert problem.text().strip(), f"an empty message at {problem.place()}"


TR = Translator("sv")


@functools.cache
def _meeting() -> MeetingService:
    """One real meeting folder for every input (a fresh one each would be slow)."""
    service = new_meeting(Path(tempfile.mkdtemp(prefix="cafe-atheris-")) / "m")
    service.next_step()
    return service


def forms(data: bytes) -> None:
    service, tr = _meeting(), TR
    fdp = atheris.FuzzedDataProvider(data)
    fields = {
        name: fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 200))
        for name in ("name", "organisation", "email", "phone", "ideas", "thought")
    }
    fields["consent"] = "yes" if fdp.ConsumeBool() else ""
    send_signup(service, fields, tr)
    send_ideas(service, fields, tr)
    send_checkout(service, fields, tr)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "agenda": agenda,
    "people": people,
    "seating": seating,
    "forms": forms,
}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()
