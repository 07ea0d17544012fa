"""`cafe themes suggest`: theme suggestions from a file of ideas or from a meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cafe.cli import main
from tests.meetings import new_meeting

FOOD = [
    "Äta lunch tillsammans i skolans matsal",
    "Soppkök i kyrkan varje torsdag",
    "Gemensamma middagar i kvarteret",
    "Laga mat tillsammans i föreningens kök",
    "Grötfrukost på lördagar",
    "Matlåda och någon att äta med",
]
DIGITAL = [
    "Hjälp med BankID och Swish",
    "Lära sig använda surfplatta",
    "Wifi på äldreboendet",
    "Seniorsurf varje vecka",
    "Kurser i videosamtal med mobilen",
    "Datorhjälp hemma",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_of_ideas_gives_json_with_every_line_in_exactly_one_theme(tmp_path, capsys):
    lines = [*FOOD, *DIGITAL, "", "Dagis besöker äldreboendet", "Förskolan på besök hos de äldre"]
    ideas = tmp_path / "ideer.txt"
    ideas.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "themes", "suggest", "--ideas", str(ideas), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"themes", "duplicates"}
    placed = sorted(i for theme in data["themes"] for i in theme["ideas"])
    assert placed == list(range(len(lines)))
    assert all(isinstance(theme["name"], str) and theme["name"] for theme in data["themes"])
    groups = [set(theme["ideas"]) for theme in data["themes"]]
    assert any(set(range(6)) <= g for g in groups)
    assert any(set(range(6, 12)) <= g for g in groups)
    assert [13, 14] in data["duplicates"]


def test_plain_text_names_each_theme_and_its_ideas(tmp_path, capsys):
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("\n".join(FOOD + DIGITAL), encoding="utf-8")
    code, out, _ = run(capsys, "themes", "suggest", "--ideas", str(ideas), "--lang", "sv")
    assert code == 0
    assert out.startswith("Förslag på teman för 12 idéer:")
    assert "(6 idéer)" in out
    assert "Soppkök i kyrkan varje torsdag" in out


def test_a_meeting_folder_gives_the_ids_of_ideas_without_a_theme(tmp_path, capsys):
    service = new_meeting(tmp_path / "m")
    themed = service.capture_idea("Redan med tema: fler bänkar", table=1)
    service.create_theme("Bänkar", ideas=[themed.id])
    ids = [service.capture_idea(text, table=2).id for text in FOOD + DIGITAL]
    service.log.close()
    code, out, err = run(capsys, "themes", "suggest", str(tmp_path / "m"), "--json")
    assert code == 0, err
    data = json.loads(out)
    placed = sorted(i for theme in data["themes"] for i in theme["ideas"])
    assert placed == sorted(ids)
    assert themed.id not in placed


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (None, "saknas.txt", "filen finns inte"),
        (b"en rad\n\xff\xfe trasig\n", "trasig.txt:2", "UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_is_named_without_a_traceback(
    tmp_path, capsys, content, where, message
):
    path = tmp_path / where.split(":")[0]
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "themes", "suggest", "--ideas", str(path))
    assert code == 1
    assert out == ""
    assert f"{tmp_path / where}: " in err and message in err
    assert "Traceback" not in err


def test_a_folder_given_as_the_ideas_file_is_named(tmp_path, capsys):
    code, _, err = run(capsys, "themes", "suggest", "--ideas", str(tmp_path))
    assert code == 1
    assert str(tmp_path) in err and "mapp" in err


def test_both_or_neither_source_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as neither:
        main(["themes", "suggest"])
    assert neither.value.code == 2
    assert "--ideas" in capsys.readouterr().err
    with pytest.raises(SystemExit) as both:
        main(["themes", "suggest", str(tmp_path), "--ideas", str(Path(tmp_path, "x.txt"))])
    assert both.value.code == 2


def test_a_meeting_folders_suggestions_are_not_named_after_its_challenge(tmp_path, capsys):
    service = new_meeting(tmp_path / "m", challenge="ensamhet bland äldre")
    lonely = [
        "Ensamma äldre behöver fika varje vardag",
        "Fika för ensamma på träffpunkten",
        "Ensamhet bryts med fika tillsammans",
    ]
    for text in lonely + FOOD:
        service.capture_idea(text, table=1)
    service.log.close()
    code, out, err = run(capsys, "themes", "suggest", str(tmp_path / "m"), "--json")
    assert code == 0, err
    names = [theme["name"].casefold() for theme in json.loads(out)["themes"]]
    assert names and not any(name.startswith("ensam") for name in names), names
