"""The service's refusals are codes: each reads in the language of whoever shows it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.errors import CafeError, DamagedEvent, Message, Problem, deeper, row_of, row_where
from cafe.core.event_rules import checked_events
from cafe.core.events import Event, EventKind
from cafe.core.participants import PersonInput, Sector
from cafe.core.people_csv import read_people_csv
from cafe.core.seating.csvfile import read_seating_csv
from cafe.core.seating.model import SeatingPerson
from cafe.core.seating.plan import SeatingPlan, read_table_plan
from cafe.core.seating.planner import plan_seating
from cafe.core.seating.replanner import replan
from cafe.core.service import MeetingService
from cafe.i18n import Translator, catalogue, set_language
from cafe.storage.exchange import events_from_export, loads
from tests.meetings import new_meeting


def _refusals(service: MeetingService) -> list[CafeError]:
    theme = service.create_theme("Mötesplatser", signup=True)
    service.add_participant(PersonInput("Åsa Öberg", "PRO"))
    commands: list[Callable[[], Any]] = [
        lambda: service.sign_up(name="", email="nope", phone="ring mig", themes=["t9"]),
        lambda: service.sign_up(name="Per", email="per@example.org", themes=[theme.id]),
        lambda: service.sign_up(name="Per", theme_required=True),
        lambda: service.sign_up(name="x" * 121, themes=[theme.id]),
        lambda: service.capture_ideas([]),
        lambda: service.capture_ideas(["Fika"] * 21, at_most=20),
        lambda: service.capture_ideas(["Fika", "y" * 2001], table=-1),
        lambda: service.note_checkout(" "),
        lambda: service.add_participant(PersonInput("Åsa Öberg", "PRO")),
        lambda: service.add_participant(PersonInput("Bo", sector="rymden")),
        lambda: service.remove_participant("p99"),
        lambda: service.delete_idea("i99"),
        lambda: service.rename_theme("t99", "Nytt"),
        lambda: service.withdraw_signup("s99"),
        lambda: service.remove_checkout("c99"),
        lambda: service.start_step(99),
        lambda: service.timer_start(),
    ]
    refused = []
    for command in commands:
        with pytest.raises(CafeError) as caught:
            command()
        refused.append(caught.value)
    return refused


def test_every_refusal_is_a_code_in_both_catalogues(tmp_path: Path) -> None:
    errors = _refusals(new_meeting(tmp_path / "m"))
    codes = [problem.code for error in errors for problem in error.problems]
    assert all(codes), "a refusal translated where it was raised"
    for lang in ("sv", "en"):
        missing = sorted({code for code in codes if code not in catalogue(lang)})
        assert not missing, f"not in the {lang} catalogue: {missing}"
    assert {
        "text.required", "text.too_long", "text.bad_email", "text.bad_phone",
        "service.no_such_theme", "service.consent_needed", "service.themes_needed",
        "service.no_ideas", "service.too_many_ideas", "service.bad_table",
        "service.already_here", "service.bad_sector", "service.no_such_participant",
    } <= set(codes)  # fmt: skip


def test_one_error_reads_in_the_language_it_is_shown_in(tmp_path: Path) -> None:
    """The CLI and TUI show ``str(error)`` in the laptop's language at that moment; a
    phone page translates the same error with its own translator."""
    [error, *_] = _refusals(new_meeting(tmp_path / "m"))
    set_language("sv")
    swedish = str(error)
    assert "namn måste fyllas i" in swedish and "ser inte ut som en e-postadress" in swedish
    set_language("en")
    english = str(error)
    assert "name is required" in english and "does not look like an e-mail" in english
    assert "måste" not in english and "is required" not in swedish
    assert error.text(Translator("sv")) == swedish
    assert [p.field for p in error.problems] == ["name", "email", "phone", "themes", "consent"]


# The file readers: every problem they find is a code too, chosen in words when shown.


def _problems(read: Callable[[], Any]) -> tuple[Problem, ...]:
    with pytest.raises(CafeError) as caught:
        read()
    return caught.value.problems


def _seating_csv(tmp_path: Path, text: str, name: str = "bord.csv") -> tuple[Problem, ...]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _problems(lambda: read_seating_csv(path.read_bytes(), str(path)))


def _reads_in_both_languages(problems: tuple[Problem, ...]) -> None:
    assert problems
    for problem in problems:
        assert problem.code, f"translated where it was raised: {problem}"
        swedish, english = problem.text(Translator("sv")), problem.text(Translator("en"))
        assert swedish != english, problem.code


def test_a_bad_row_in_a_seating_csv_reads_in_both_languages(tmp_path: Path) -> None:
    problems = _seating_csv(
        tmp_path,
        "id,name,organisation,sector,host\n"
        "a1,Åsa,PRO,kommun,ja\n"
        "a2,Bo,ABF,rymden,kanske\n"
        ",,ABF,kommun,nej\n",
    )
    assert [p.place(Translator("sv")) for p in problems] == [
        f"{tmp_path / 'bord.csv'} rad {n}" for n in (3, 3, 4, 4)
    ]
    assert [p.code for p in problems] == [
        "seating.csv.bad_sector", "seating.csv.bad_host", "seating.csv.no_id",
        "seating.csv.no_name",
    ]  # fmt: skip
    _reads_in_both_languages(problems)
    assert "rymden" in problems[0].text(Translator("en"))


def test_a_bad_row_in_a_people_csv_reads_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "anmalda.csv"
    path.write_bytes(
        "Namn;Organisation;Sektor;E-post;Värd\n"
        "Åsa Öberg;PRO;kommun;asa@example.org;ja\n"
        "Bo;ABF;rymden;bo-at-abf;kanske\n".encode("cp1252")
    )
    problems = _problems(lambda: read_people_csv(path.read_bytes(), str(path)))
    assert [p.code for p in problems] == ["csv.bad_sector", "text.bad_email", "csv.bad_yes_no"]
    _reads_in_both_languages(problems)
    sector = problems[0]
    # The sector words are chosen in the language shown, English ones only in English.
    assert "municipality" in sector.text(Translator("en"))
    assert "municipality" not in sector.text(Translator("sv"))
    assert "kommun" in sector.text(Translator("sv"))


def test_a_bad_row_in_a_people_csv_has_its_place_in_words_when_shown(tmp_path: Path) -> None:
    """One problem reads "rad 7" in Swedish and "row 7" in English: the position, like the
    message, is put into words by whoever shows it, not where the file was read."""
    path = tmp_path / "anmalda.csv"
    good = "".join(f"Person {n};PRO;kommun;p{n}@example.org\n" for n in range(2, 7))
    path.write_text(f"Namn;Organisation;Sektor;E-post\n{good}Bo;ABF;kommun;bo-at-abf\n")
    [problem] = _problems(lambda: read_people_csv(path.read_bytes(), str(path)))
    swedish = Translator("sv")("csv.row_where", source=path, row=7)
    english = Translator("en")("csv.row_where", source=path, row=7)
    assert swedish.endswith("rad 7") and english.endswith("row 7")
    assert problem.place(Translator("sv")) == f'{swedish}, kolumn "E-post"'
    assert problem.place(Translator("en")) == f'{english}, column "E-post"'
    assert row_of(problem.where) == 7
    error = CafeError([problem])
    assert error.text(Translator("en")) == f'{english}, column "E-post": ' + problem.text(
        Translator("en")
    )
    set_language("en")
    assert str(error) == error.text(Translator("en"))
    set_language("sv")
    assert str(error).startswith(f'{swedish}, kolumn "E-post": ')


def test_a_person_given_with_its_row_is_placed_in_that_row(tmp_path: Path) -> None:
    """A row's person the service refuses names the row's cell, in the reader's words."""
    service = new_meeting(tmp_path / "m")
    with pytest.raises(CafeError) as caught:
        service.add_participants(
            [PersonInput("Åsa"), PersonInput("", email="nej")],
            wheres=[row_where("x.csv", 2), row_where("x.csv", 3)],
        )
    places = [(p.place(Translator("sv")), p.place(Translator("en"))) for p in caught.value.problems]
    assert places == [
        ('x.csv rad 3, kolumn "name"', 'x.csv row 3, column "name"'),
        ('x.csv rad 3, kolumn "email"', 'x.csv row 3, column "email"'),
    ]
    assert service.state.participants == {}


def test_a_bad_event_in_an_export_has_its_place_in_words_when_shown() -> None:
    problems = _problems(
        lambda: events_from_export({"events": [{"kind": "ufo", "seq": 4}]}, "m.json")
    )
    [problem] = problems
    assert problem.place(Translator("sv")) == "m.json: events[0] (händelse nummer 4)"
    assert problem.place(Translator("en")) == "m.json: events[0] (event number 4)"


def test_a_place_inside_an_events_data_is_put_into_words_when_shown() -> None:
    """A plan inside an imported event: its round and table follow the event's field, and
    the whole position reads in the language it is shown in."""
    event = Message(
        "exchange.event_where", {"source": "m.json", "index": 2, "field": ".data.plan", "seq": 3}
    )
    [problem] = _problems(lambda: SeatingPlan.from_stored({"rounds": [{"tables": [5]}]}, event))
    inside = "m.json: events[2].data.plan: rounds[0].tables[0]"
    assert problem.place(Translator("sv")) == f"{inside} (händelse nummer 3)"
    assert problem.place(Translator("en")) == f"{inside} (event number 3)"
    row = deeper(row_where("people.csv", 7), "[2]")
    assert row_of(row) == 7
    assert row.text(Translator("sv")) != row.text(Translator("en"))
    assert deeper("plan.json", ": order") == "plan.json: order"


AGENDA_WITH_MISTAKES = """\
[meeting]
title = "Ensamhet"
start = "18:00"
end = "17:00"

[[steps]]
kind = "cafe_round"
title = "Runda 1"
minutes = "tjugo"
question = "Vad kan vi göra?"
colour = "blå"
"""


def test_an_agenda_with_mistakes_reads_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(AGENDA_WITH_MISTAKES, encoding="utf-8")
    problems = _problems(lambda: load_agenda(path))
    assert [p.where for p in problems] == [
        f"{path}:4:1: meeting.end", f"{path}:9:1: steps[1].minutes", f"{path}:11:1: steps[1].colour"
    ]  # fmt: skip
    _reads_in_both_languages(problems)
    minutes = problems[1]
    # "the text" is a nested value: it follows the language the problem is shown in.
    assert minutes.text(Translator("sv")).endswith('texten "tjugo"')
    assert minutes.text(Translator("en")).endswith('the text "tjugo"')


def test_a_toml_mistake_reads_in_both_languages_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text("[meeting]\ntitle = Ensamhet\n", encoding="utf-8")
    [problem] = _problems(lambda: load_agenda(path))
    assert problem.where == f"{path}:2:9"
    _reads_in_both_languages((problem,))
    assert problem.text(Translator("en")).splitlines()[1:] == [
        "    title = Ensamhet",
        "            ^",
    ]


def _agenda_file(tmp_path: Path, name: str, content: str | bytes) -> Callable[[], Any]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return lambda: load_agenda(path)


def _csv_file(
    tmp_path: Path, name: str, content: bytes, read: Callable[..., Any]
) -> Callable[[], Any]:
    path = tmp_path / name
    path.write_bytes(content)
    return lambda: read(path.read_bytes(), str(path))


def _bad_inputs(tmp_path: Path) -> list[Callable[[], Any]]:
    """One of each kind of mistake the readers, the planner and the service refuse."""
    (tmp_path / "mapp").mkdir()
    people = [SeatingPerson(f"p{i}", f"org{i}", Sector.PUBLIC) for i in range(8)]
    plan = plan_seating(people, 2)
    export = tmp_path / "export.json"
    export.write_text('{"format": "nej"', encoding="utf-8")
    bad_events = [
        Event(EventKind.SIGNED_UP, {"id": "s1", "name": "", "email": "nej", "sector": "rymden"}, at=1.0, seq=1),
        Event(EventKind.THEME_CREATED, {"id": 7, "name": "Fika", "signup": "ja"}, at=float("nan"), seq=2),
    ]  # fmt: skip
    return [
        _agenda_file(tmp_path, "syntax.toml", "[meeting\ntitle = 'x'\n"),
        _agenda_file(tmp_path, "twice.toml", "[meeting]\ntitle = 'a'\ntitle = 'b'\n"),
        _agenda_file(tmp_path, "types.toml", AGENDA_WITH_MISTAKES),
        _agenda_file(
            tmp_path,
            "more.toml",
            "[meeting]\ntitle = ''\nlanguage = 'sw'\ndate = 'igår'\nstart = 7\n"
            "cohosts = [{ name = 'Eva', sector = 'rymden', email = 'nej' }, 3]\n"
            "[tables]\nsize_min = 'tre'\nsize_max = 99\ncircle_below = true\n"
            "[privacy]\nretention_days = 0\n[web]\nwhere_do_i_sit = 'ja'\n"
            "[[steps]]\nkind = 'cafe_rond'\ntitle = 3\nminutes = -1\n"
            "[[steps]]\nkind = 'discussion'\ntitel = 'x'\nminutes = 100000\n",
        ),
        _agenda_file(tmp_path, "no_steps.toml", "[meeting]\ntitle = 'x'\n"),
        _agenda_file(tmp_path, "deep.toml", "x = " + "[" * 200 + "]" * 200 + "\n"),
        _agenda_file(tmp_path, "binary.toml", b"\x00\x01"),
        _agenda_file(tmp_path, "latin1.toml", "title = 'Åsa'\n".encode("latin-1")),
        lambda: load_agenda(tmp_path / "mapp"),
        lambda: load_agenda(tmp_path / "saknas.toml"),
        lambda: resolve_agenda("finns-inte"),
        _csv_file(tmp_path, "binary.csv", b"\x00\x01\x02", read_people_csv),
        _csv_file(tmp_path, "empty.csv", b"\n\n", read_people_csv),
        _csv_file(tmp_path, "noname.csv", b"Org;Sektor\nPRO;kommun\n", read_people_csv),
        _csv_file(
            tmp_path, "twocols.csv", b"Namn;E-post;Mejl\nBo;a@b.se;c@d.se\n", read_people_csv
        ),
        _csv_file(tmp_path, "quote.csv", b'Namn;Org\n"Bo;PRO\nEva;ABF\n', read_people_csv),
        _csv_file(
            tmp_path,
            "rows.csv",
            "Namn;Org;Sektor;Telefon;Närvarande\nBo;PRO;kommun;ring;kanske\n"
            ";ABF;;;\nEva;ABF;;;;;x\n".encode(),
            read_people_csv,
        ),
        _csv_file(tmp_path, "seat_empty.csv", b"", read_seating_csv),
        _csv_file(tmp_path, "seat_cols.csv", b"id,name\n1,Bo\n", read_seating_csv),
        _csv_file(
            tmp_path,
            "seat_twice.csv",
            b"id,name,org,sector\n1,Bo,PRO,kommun\n1,Eva,ABF,civil\n",
            read_seating_csv,
        ),
        _csv_file(tmp_path, "seat_nobody.csv", b"id,name,org,sector\n", read_seating_csv),
        lambda: plan_seating([], 2),
        lambda: plan_seating(people, 0),
        lambda: plan_seating(people, 2, size_target=9),
        lambda: plan_seating(people, 2, tables=20),
        lambda: plan_seating(people, 2, tables=1),
        lambda: plan_seating([*people, people[0]], 2),
        lambda: replan(plan, people, from_round=5),
        lambda: replan(plan, [], from_round=2),
        lambda: read_table_plan({"rounds": [3, {"tables": [{"table": 1}]}]}, "plan.json"),
        lambda: read_table_plan([], "plan.json"),
        lambda: loads(export.read_text(encoding="utf-8"), str(export)),
        lambda: loads('format = "nej"\n', "export.toml"),
        lambda: events_from_export({"events": [{"kind": "ufo"}, 3]}, "export.json"),
        lambda: checked_events(bad_events, 3, lambda i, e, f: f"events[{i}]{f}"),
        lambda: (_ for _ in ()).throw(DamagedEvent(7, "json", "möte")),
        lambda: (_ for _ in ()).throw(CafeError("ett fel från operativsystemet")),
    ]


def test_every_problem_from_bad_input_is_a_message(tmp_path: Path) -> None:
    """Not one of them was put into words where it was raised: each reads in both
    languages, from codes both catalogues have."""
    problems = [p for read in _bad_inputs(tmp_path) for p in _problems(read)]
    problems += [p for error in _refusals(new_meeting(tmp_path / "m")) for p in error.problems]
    assert len(problems) > 80
    for problem in problems:
        assert isinstance(problem.message, Message), problem
        for value in problem.values.values():
            assert not isinstance(value, Problem)
        for lang in ("sv", "en"):
            assert problem.code in catalogue(lang), problem.code
            assert problem.text(Translator(lang)).strip()
            if isinstance(problem.where, Message):  # a position in words, also when shown
                assert problem.where.code in catalogue(lang), problem.where.code
                assert problem.place(Translator(lang)).strip()
    verbatim = [p for p in problems if p.code == "text.verbatim"]
    # Only words from outside the catalogue: Python's json module's, a plain CafeError's.
    assert len(verbatim) == 2, verbatim


CODE_LITERAL = re.compile(
    r"""(?:Message|\.coded|fail|check\.add\([^,]+,|self\.add\([^,]+,)\(?\s*f?["']([a-z_]+\.[a-z0-9_.]+)["']"""
)


def test_every_code_written_in_the_code_is_in_both_catalogues() -> None:
    """A code is looked up only when an error is shown; a typo must fail here, not then."""
    root = Path(__file__).resolve().parents[2] / "cafe"
    used = {
        code
        for path in root.rglob("*.py")
        for code in CODE_LITERAL.findall(path.read_text(encoding="utf-8"))
        if not code.endswith(".")
    }
    assert len(used) > 100
    for lang in ("sv", "en"):
        assert sorted(used - set(catalogue(lang))) == []
