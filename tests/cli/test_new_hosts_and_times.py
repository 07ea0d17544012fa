"""`cafe new --start --end --register-by --host-municipality --host-civil`: the invitation's
facts go into agenda.toml, `agenda show` reads them back, and bad values are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core.agenda import load_agenda, parse_agenda
from cafe.core.errors import ValidationError
from cafe.i18n import set_language

NEW = [
    "new",
    "--challenge",
    "ensamhet bland äldre",
    "--date",
    "2026-12-03",
    "--start",
    "18",
    "--end",
    "21:00",
    "--register-by",
    "2026-11-26",
    "--host-municipality",
    "Anna Lindqvist, Socialförvaltningen <anna.lindqvist@hageby.se>",
    "--host-civil",
    "Kalle Öberg <kalle@rodakorset.se>",
]


def test_new_stores_times_and_hosts_and_show_prints_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "m"
    assert main([NEW[0], str(folder), *NEW[1:]]) == 0
    meta = load_agenda(folder / "agenda.toml").meta
    assert (meta.start, meta.end, meta.register_by) == ("18:00", "21:00", "2026-11-26")
    hosts = {h.sector.value: h for h in meta.cohosts}
    assert len(meta.cohosts) == 2
    assert hosts["public"].name == "Anna Lindqvist"
    assert hosts["public"].organisation == "Socialförvaltningen"
    assert hosts["public"].email == "anna.lindqvist@hageby.se"
    assert (hosts["civil"].name, hosts["civil"].email) == ("Kalle Öberg", "kalle@rodakorset.se")
    capsys.readouterr()
    assert main(["agenda", "show", str(folder / "agenda.toml")]) == 0
    shown = capsys.readouterr().out
    assert "18:00–21:00" in shown and "<kalle@rodakorset.se>" in shown
    assert "(namn ej ifyllt)" not in shown
    assert " 18:00–18:" in shown, "the step clock starts at the meeting's start"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--start", "25:00", '--start: "25:00" är inget klockslag'),
        ("--end", "kväll", '--end: "kväll" är inget klockslag'),
        ("--host-civil", "Kalle", '--host-civil: "Kalle" ska vara "Namn <e-post>"'),
        ("--host-municipality", "Anna <anna@>", '--host-municipality: "Anna <anna@>"'),
    ],
)
def test_bad_values_are_named_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    folder = tmp_path / "m"
    assert main(["new", str(folder), "--challenge", "x", option, value]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not folder.exists()


def test_end_before_start_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["new", str(tmp_path / "m"), "--challenge", "x", "--start", "20:00", "--end", "19:00"]
    assert main(argv) == 1
    assert "--end 19:00 är inte senare än --start 20:00" in capsys.readouterr().err


def test_agenda_file_with_a_bad_time_or_address_names_the_line() -> None:
    set_language("sv")
    text = (
        '[meeting]\ntitle = "Möte"\nstart = "18:70"\n\n'
        '[[meeting.cohosts]]\nname = "Kalle"\nemail = "kalle at rk"\n\n'
        '[[steps]]\nkind = "opening"\ntitle = "Öppning"\nminutes = 5\n'
    )
    with pytest.raises(ValidationError) as raised:
        parse_agenda(text)
    found = [str(p) for p in raised.value.problems]
    assert any(p.startswith("agenda.toml:3:") and "meeting.start" in p for p in found), found
    assert any("meeting.cohosts[1].email" in p and "kalle at rk" in p for p in found), found
