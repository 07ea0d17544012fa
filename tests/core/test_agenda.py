"""The agenda format: reading, every validation problem at once, filling, shipped agendas."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from cafe.core.agenda import (
    Agenda,
    AgendaMeta,
    CoHost,
    Step,
    StepKind,
    TableRules,
    agenda_from_dict,
    agenda_to_dict,
    dump_agenda,
    list_shipped,
    load_agenda,
    parse_agenda,
    resolve_agenda,
)
from cafe.core.errors import CafeError, ValidationError
from cafe.core.participants import Sector
from cafe.i18n import set_language
from cafe.resources import agendas_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "agendas"

MINIMAL = """\
[meeting]
title = "Möte"

[[steps]]
kind = "cafe_round"
title = "Runda 1"
minutes = 20
question = "Vad betyder {challenge} för mig?"
"""


def problems(text: str, source: str = "agenda.toml") -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_agenda(text, source)
    return [str(p) for p in caught.value.problems]


def load_problems(path: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load_agenda(path)
    return [str(p) for p in caught.value.problems]


# -- reading --------------------------------------------------------------------------


def test_minimal_agenda_gets_the_defaults() -> None:
    agenda = parse_agenda(MINIMAL)
    assert agenda.meta == AgendaMeta(title="Möte", language="sv")
    assert agenda.tables == TableRules(3, 4, 5, 10)
    assert agenda.privacy.retention_days == 365
    assert agenda.web.where_do_i_sit is True
    assert agenda.steps == (
        Step(
            StepKind.CAFE_ROUND, "Runda 1", 20, question="Vad betyder {challenge} för mig?", round=1
        ),
    )


def test_every_field_is_read() -> None:
    text = """
[meeting]
title = "Idémöte om {challenge}"
challenge = "ensamhet bland äldre"
date = 2026-12-03
place = "Stadsbiblioteket"
language = "en"
[[meeting.cohosts]]
name = "Åsa Öberg"
organisation = "Röda Korset"
sector = "förening"
[[meeting.cohosts]]
name = "Per Ek"
organisation = "Kommunen"
sector = "kommun"
[tables]
size_min = 2
size_target = 3
size_max = 6
circle_below = 8
[privacy]
retention_days = 90
[web]
where_do_i_sit = false
[[steps]]
kind = "opening"
title = "Inledning"
minutes = 7.5
text = "Välkommen"
notes = "Säg hej."
[[steps]]
kind = "cafe_round"
title = "R1"
minutes = 25
question = "Q1 {challenge}"
[[steps]]
kind = "break"
title = "Paus"
minutes = 15.0
[[steps]]
kind = "cafe_round"
title = "R2"
minutes = 20
question = "Q2"
"""
    agenda = parse_agenda(text)
    assert agenda.meta.date == "2026-12-03"  # a TOML date is accepted and kept as text
    assert agenda.meta.cohosts == (
        CoHost("Åsa Öberg", "Röda Korset", Sector.CIVIL),
        CoHost("Per Ek", "Kommunen", Sector.PUBLIC),
    )
    assert agenda.tables == TableRules(2, 3, 6, 8)
    assert agenda.privacy.retention_days == 90
    assert agenda.web.where_do_i_sit is False
    assert [s.round for s in agenda.steps] == [None, 1, None, 2]
    assert [s.minutes for s in agenda.steps] == [7.5, 25, 15, 20]
    assert isinstance(agenda.steps[2].minutes, int)  # 15.0 is kept as 15: prints as people write it
    assert agenda.cafe_rounds == (agenda.steps[1], agenda.steps[3])
    assert agenda.planned_minutes == 67.5
    assert [(p.index, p.start, p.end) for p in agenda.timed_steps] == [
        (0, 0.0, 7.5),
        (1, 7.5, 32.5),
        (2, 32.5, 47.5),
        (3, 47.5, 67.5),
    ]


def test_byte_order_mark_and_crlf_are_accepted() -> None:
    agenda = parse_agenda("\ufeff" + MINIMAL.replace("\n", "\r\n"))
    assert agenda.meta.title == "Möte"


# -- problems, with file, line, column and key path -------------------------------------


def test_syntax_error_has_line_and_column() -> None:
    text = MINIMAL.replace('title = "Runda 1"', "title = Runda 1")
    assert problems(text) == [
        "agenda.toml:6:9: filen är inte giltig TOML här: värdet går inte att läsa; text ska stå "
        'inom citattecken (title = "Runda 1")\n    title = Runda 1\n            ^'
    ]


def test_syntax_error_in_english() -> None:
    set_language("en")
    text = MINIMAL + 'title = "again"\n'
    assert problems(text) == [
        "agenda.toml:9:16: the file is not valid TOML here: steps[1].title is already set on "
        "line 6; each key or [heading] may appear only once\n"
        '    title = "again"\n'
        "                   ^"
    ]


def test_unterminated_string_points_at_the_end() -> None:
    assert load_problems(DATA / "truncated.toml") == [
        f"{DATA / 'truncated.toml'}:62:60: filen är inte giltig TOML här: texten tar aldrig slut; "
        "ett citattecken saknas\n"
        f"    {(DATA / 'truncated.toml').read_text().splitlines()[61]}\n"
        f"    {' ' * 59}^"
    ]


def test_wrong_type_names_what_was_found() -> None:
    assert load_problems(DATA / "wrong_type.toml") == [
        f'{DATA / "wrong_type.toml"}:13:1: steps[2].minutes: ska vara ett antal minuter (ett tal), inte texten "tjugo"'
    ]


def test_unknown_key_suggests_the_closest_valid_key() -> None:
    set_language("en")
    found = load_problems(DATA / "unknown_key.toml")
    # Not also "steps[2].minutes is missing": the misspelling is the one mistake.
    assert found == [
        f'{DATA / "unknown_key.toml"}:13:1: steps[2].minuts: unknown key "minuts"; did you mean "minutes"?',
    ]


def test_unknown_key_without_a_close_match_lists_the_valid_ones() -> None:
    text = MINIMAL.replace("[meeting]", '[meeting]\n"färg" = "blå"')  # non-ASCII keys need quotes
    assert problems(text) == [
        'agenda.toml:2:1: meeting.färg: okänd nyckel "färg"; giltiga nycklar här är '
        "title, challenge, date, place, language, cohosts, feedback_by, contact, start, end, "
        "register_by"
    ]


def test_unknown_table_is_an_error_too() -> None:
    text = MINIMAL + "\n[tabels]\nsize_min = 3\n"
    assert problems(text) == [
        'agenda.toml:10:1: tabels: okänd nyckel "tabels"; menade du "tables"?'
    ]


def test_several_problems_are_all_reported_in_line_order() -> None:
    source = DATA / "several_problems.toml"
    found = load_problems(source)
    stripped = [p.removeprefix(f"{source}:") for p in found]
    assert stripped == [
        '4:1: meeting.language: "fi" är inte tillåtet; välj ett av "sv", "en"',
        '5:1: meeting.date: "3 december" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. "2026-12-03", eller lämna tomt',
        '9:1: meeting.cohosts[1].sector: okänd sektor "kyrkan"; skriv public (kommun, region), '
        "civil (förening, idéburen), business (företag) eller other (annat)",
        "12:1: tables.size_min: ska vara ett heltal från 2 till 30, inte 1",
        "17:1: privacy.retention_days: ska vara ett heltal från 1 till 3650, inte 0",
        '20:1: web.where_do_i_sit: ska vara true eller false, inte texten "ja"',
        "25:1: steps[1].minutes: ska vara ett positivt antal minuter, inte 0",
        '28:1: steps[2].kind: "cafe_rund" är inte tillåtet; menade du "cafe_round"?',
        '38:1: steps[3].question: ett steg av typen "cafe_round" behöver en fråga: question = "..."',
        '40:1: steps[3].titel: okänd nyckel "titel"; menade du "title"?',
        "41:1: steps[3].minutes: 10000 minuter är för långt för ett steg; högst 600 minuter",
        '43:1: steps[4].question: ett steg av typen "checkout" behöver en fråga: question = "..."',
        '46:1: steps[4].minutes: ska vara ett antal minuter (ett tal), inte texten "tio"',
    ]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "minutes_zero.toml",
            ["7:1: steps[1].minutes: ska vara ett positivt antal minuter, inte 0"],
        ),
        (
            "minutes_huge.toml",
            ["7:1: steps[1].minutes: 10000 minuter är för långt för ett steg; högst 600 minuter"],
        ),
        (
            "missing_question.toml",
            [
                '4:1: steps[1].question: ett steg av typen "cafe_round" behöver en fråga: question = "..."',
                '13:1: steps[2].question: ett steg av typen "checkout" behöver en fråga: question = "..."',
            ],
        ),
        (
            "zero_rounds.toml",
            [
                '5:1: steps: agendan har inget cafésamtal; ett idémöte behöver minst ett steg med kind = "cafe_round"'
            ],
        ),
        (
            "latin1.toml",
            [
                "2:12: filen är inte sparad som UTF-8; spara den som UTF-8 i textredigeraren och försök igen"
            ],
        ),
    ],
)
def test_bad_fixtures(fixture: str, expected: list[str]) -> None:
    path = DATA / fixture
    assert [p.removeprefix(f"{path}:") for p in load_problems(path)] == expected


def test_no_steps_and_binary_have_no_line() -> None:
    assert load_problems(DATA / "no_steps.toml") == [
        f"{DATA / 'no_steps.toml'}: agendan har inga steg; lägg till minst ett [[steps]]"
    ]
    assert load_problems(DATA / "binary.toml") == [
        f"{DATA / 'binary.toml'}: filen är inte en textfil (den innehåller binära data); en agenda är TOML-text i UTF-8"
    ]


def test_missing_folder_and_unreadable_files_are_problems(tmp_path: Path) -> None:
    assert load_problems(tmp_path / "nej.toml") == [f"{tmp_path / 'nej.toml'}: filen finns inte"]
    assert load_problems(tmp_path) == [f"{tmp_path}: är en mapp, inte en agendafil"]
    if os.geteuid() != 0:  # root reads anything; the message is still covered below
        locked = tmp_path / "låst.toml"
        locked.write_text(MINIMAL, encoding="utf-8")
        locked.chmod(0)
        assert load_problems(locked)[0].startswith(f"{locked}: filen kan inte läsas: ")


def test_minutes_must_be_a_number_not_a_boolean_or_nan() -> None:
    for value, got in (("true", "värdet true"), ("nan", "0"), ("-5", "-5"), ("inf", "inf")):
        text = MINIMAL.replace("minutes = 20", f"minutes = {value}")
        (found,) = problems(text)
        assert found.startswith("agenda.toml:7:1: steps[1].minutes: "), found
        if value == "true":
            assert found.endswith(f"inte {got}")
    assert parse_agenda(MINIMAL.replace("minutes = 20", "minutes = 600")).steps[0].minutes == 600
    assert parse_agenda(MINIMAL.replace("minutes = 20", "minutes = 0.5")).steps[0].minutes == 0.5


def test_table_sizes_must_be_ordered() -> None:
    text = MINIMAL + "[tables]\nsize_min = 4\nsize_target = 3\nsize_max = 5\n"
    assert problems(text) == [
        "agenda.toml:9:1: tables: bordsstorlekarna måste uppfylla size_min ≤ size_target ≤ size_max, "
        "men är 4, 3 och 5"
    ]


def test_wrong_shapes_of_tables_and_lists() -> None:
    text = 'meeting = "Idémöte"\nsteps = "många"\n'
    assert problems(text) == [
        'agenda.toml:1:1: meeting: ska vara en tabell ([rubrik] eller { ... }), inte texten "Idémöte"',
        'agenda.toml:2:1: steps: ska vara en lista av tabeller ([[rubrik]]), inte texten "många"',
    ]  # and no "meeting.title is missing" on top: one mistake, one message


def test_inline_tables_fall_back_to_the_parent_line() -> None:
    text = MINIMAL.replace(
        '[meeting]\ntitle = "Möte"',
        '[meeting]\ntitle = "Möte"\ncohosts = [{ name = "A", sector = "kyrka" }]',
    )
    (found,) = problems(text)
    assert found.startswith('agenda.toml:3:1: meeting.cohosts[1].sector: okänd sektor "kyrka"')


def test_empty_title_and_unknown_kind() -> None:
    text = MINIMAL.replace('title = "Runda 1"', 'title = "  "').replace("cafe_round", "fika")
    assert problems(text) == [
        'agenda.toml:5:1: steps[1].kind: "fika" är inte tillåtet; välj ett av "opening", "purpose", '
        '"presentation_round", "cafe_round", "break", "harvest", "signup", "checkout", "closing", "custom"',
        "agenda.toml:6:1: steps[1].title: får inte vara tom",
    ]


def test_agenda_from_dict_reports_paths_without_lines() -> None:
    with pytest.raises(ValidationError) as caught:
        agenda_from_dict(
            {"meeting": {"title": "x"}, "steps": [{"kind": "cafe_round"}]}, "export.json: agenda"
        )
    assert [str(p) for p in caught.value.problems] == [
        "export.json: agenda: steps[1].title: saknas; den måste finnas med",
        "export.json: agenda: steps[1].minutes: saknas; den måste finnas med",
        'export.json: agenda: steps[1].question: ett steg av typen "cafe_round" behöver en fråga: question = "..."',
    ]
    with pytest.raises(ValidationError):
        agenda_from_dict(["not", "a", "table"])  # type: ignore[arg-type]


# -- filling in the challenge, changing the metadata ------------------------------------


def test_filled_replaces_the_placeholder_everywhere() -> None:
    agenda = parse_agenda(MINIMAL.replace('"Möte"', '"Möte om {challenge}"'))
    assert agenda.filled() is agenda  # no challenge yet: the placeholder stays visible
    filled = agenda.with_meta(challenge="ensamhet bland äldre").filled()
    assert filled.meta.title == "Möte om ensamhet bland äldre"
    assert filled.steps[0].question == "Vad betyder ensamhet bland äldre för mig?"
    assert filled.steps[0].round == 1
    shipped = load_agenda(resolve_agenda("idemote.sv")).with_meta(challenge="X").filled()
    assert (
        "{challenge}" not in dump_agenda(shipped).split("\n", 4)[-1]
    )  # the header comment explains it


def test_with_meta_validates_the_change() -> None:
    agenda = parse_agenda(MINIMAL)
    changed = agenda.with_meta(date="2026-12-03", place="Aulan", language="en")
    assert (changed.meta.date, changed.meta.place, changed.meta.language) == (
        "2026-12-03",
        "Aulan",
        "en",
    )
    assert changed.steps == agenda.steps
    with pytest.raises(ValidationError, match=r"meeting\.language"):
        agenda.with_meta(language="fi")
    with pytest.raises(ValidationError, match=r"meeting\.date"):
        agenda.with_meta(date="igår")


def test_records_are_frozen_and_coerce_kinds() -> None:
    step = Step("cafe_round", "R", 20.0, question="Q")  # type: ignore[arg-type]
    assert step.kind is StepKind.CAFE_ROUND and step.minutes == 20 and isinstance(step.minutes, int)
    assert CoHost("A", sector="civil").sector is Sector.CIVIL  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        step.title = "X"  # type: ignore[misc]
    agenda = Agenda(steps=(step, Step(StepKind.BREAK, "P", 5), step))
    assert [s.round for s in agenda.steps] == [1, None, 2]


def test_dump_writes_readable_toml_with_a_header() -> None:
    agenda = load_agenda(resolve_agenda("idemote.sv"))
    text = dump_agenda(agenda)
    assert text.startswith("# Agendan för idémötet.")
    assert 'notes = """\n' in text  # notes stay multi-line, as written
    assert "round" not in agenda_to_dict(agenda)["steps"][3]  # computed, never written
    assert parse_agenda(text) == agenda
    english = dump_agenda(load_agenda(resolve_agenda("idea-meeting.en")))
    assert english.startswith("# The idea meeting's agenda.")


# -- the shipped agendas ----------------------------------------------------------------

SOURCE_QUESTIONS = [
    "Vad betyder samhällsutmaningen {challenge} för mig personligen?",
    "Vad har samhällsutmaningen {challenge} för betydelse för vår plats/kommun/region?",
    "Vad pågår bland civilsamhällets organisationer som redan är, eller som skulle kunna vara "
    "en resurs i att lösa samhällsutmaningen?",
    "Vad skulle bli möjligt om vi kombinerade olika resurser i civilsamhället och kommunen?",
]


def test_every_shipped_agenda_is_valid_and_listed() -> None:
    files = sorted(agendas_dir().glob("*.toml"))
    assert {f.name for f in files} >= {
        "idemote.sv.toml",
        "idea-meeting.en.toml",
        "idemote-kort.sv.toml",
    }
    listed = {s.name: s for s in list_shipped()}
    assert sorted(listed) == sorted(f.name.removesuffix(".toml") for f in files)
    for path in files:
        agenda = load_agenda(path)
        assert agenda.meta.language == path.name.split(".")[-2]
        assert agenda.meta.challenge == "" and agenda.meta.date == ""
        assert [h.sector for h in agenda.meta.cohosts] == [Sector.PUBLIC, Sector.CIVIL]
        assert all(h.name == "" for h in agenda.meta.cohosts)
        assert all(s.notes.strip() for s in agenda.steps), path.name  # every step has notes
        kinds = [s.kind for s in agenda.steps]
        assert kinds[:3] == [StepKind.OPENING, StepKind.PURPOSE, StepKind.PRESENTATION_ROUND]
        assert kinds[-2:] == [StepKind.CHECKOUT, StepKind.CLOSING]
        assert StepKind.HARVEST in kinds and StepKind.SIGNUP in kinds
        assert listed[path.name.removesuffix(".toml")].planned_minutes == agenda.planned_minutes


def test_default_swedish_agenda_follows_the_source() -> None:
    agenda = load_agenda(resolve_agenda("idemote.sv"))
    rounds = agenda.cafe_rounds
    assert [s.question for s in rounds] == SOURCE_QUESTIONS
    assert [s.round for s in rounds] == [1, 2, 3, 4]
    assert rounds[0].minutes > rounds[1].minutes == rounds[2].minutes == rounds[3].minutes == 20
    checkout = next(s for s in agenda.steps if s.kind is StepKind.CHECKOUT)
    assert checkout.question == "Vilken tanke/förhoppning bär du med dig från mötet?"
    purpose = next(s for s in agenda.steps if s.kind is StepKind.PURPOSE)
    assert "större klarhet och fokus för samarbete" in purpose.text
    notes = " ".join(s.notes for s in agenda.steps)
    for must in (
        "Presentera INTE exempel på lösningar",
        "i form av frågor",
        "alla idéer kommer inte att leda fram till konkret partnerskapssamarbete",
        "Alla runt bordet ges möjlighet",
        "papper och pennor",
        "En person stannar kvar vid varje bord",
        "Färre än 10 deltagare",
        "Ta vara på alla idéer",
        "återkoppling till alla",
    ):
        assert must in notes, must
    assert agenda.tables == TableRules(3, 4, 5, 10)
    assert 150 <= agenda.planned_minutes <= 210


def test_english_agenda_mirrors_the_swedish_one() -> None:
    sv = load_agenda(resolve_agenda("idemote.sv"))
    en = load_agenda(resolve_agenda("idea-meeting.en"))
    assert [(s.kind, s.minutes) for s in en.steps] == [(s.kind, s.minutes) for s in sv.steps]
    assert (
        en.cafe_rounds[0].question
        == "What does the societal challenge {challenge} mean to me personally?"
    )
    assert all(re.search(r"[åäö]", s.question + s.text + s.title) is None for s in en.steps)


def test_short_agenda_fits_ninety_minutes_with_two_rounds() -> None:
    agenda = load_agenda(resolve_agenda("idemote-kort"))
    assert agenda.planned_minutes <= 90
    assert [s.question for s in agenda.cafe_rounds] == [SOURCE_QUESTIONS[0], SOURCE_QUESTIONS[3]]
    assert "Varför den här frågan" in agenda.cafe_rounds[0].notes


# -- finding agendas by name ------------------------------------------------------------


def test_resolve_accepts_names_suffixes_stems_paths_and_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = agendas_dir() / "idemote.sv.toml"
    assert resolve_agenda("idemote.sv") == default
    assert resolve_agenda("idemote.sv.toml") == default
    assert resolve_agenda("IDEMOTE") == default
    assert resolve_agenda("idea-meeting") == agendas_dir() / "idea-meeting.en.toml"
    own = tmp_path / "eget.toml"
    own.write_text(MINIMAL, encoding="utf-8")
    assert resolve_agenda(own) == own
    (tmp_path / "möte").mkdir()
    (tmp_path / "möte" / "agenda.toml").write_text(MINIMAL, encoding="utf-8")
    assert resolve_agenda(str(tmp_path / "möte")) == tmp_path / "möte" / "agenda.toml"
    monkeypatch.chdir(tmp_path)
    assert resolve_agenda("eget.toml") == Path("eget.toml")


def test_unknown_name_lists_the_shipped_agendas() -> None:
    with pytest.raises(CafeError) as caught:
        resolve_agenda("idémöte")
    message = str(caught.value)
    assert 'ingen medföljande agenda som heter "idémöte"' in message
    assert "idemote.sv" in message and "idea-meeting.en" in message and "idemote-kort.sv" in message
    with pytest.raises(CafeError, match="filen finns inte"):
        resolve_agenda("finns/inte.toml")


def test_swedish_letters_in_a_bare_key_get_a_helpful_syntax_message() -> None:
    assert problems('[[steps]]\nfråga = "Vad?"\n') == [
        "agenda.toml:2:3: filen är inte giltig TOML här: nycklar skrivs med a–z, 0–9, _ och - "
        "(agendans nycklar är engelska, t.ex. question i stället för fråga); "
        '"å" får bara stå i en nyckel inom citattecken\n    fråga = "Vad?"\n      ^'
    ]
