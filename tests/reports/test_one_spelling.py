"""An organisation is named once, in its most careful spelling, however a phone typed it.

Audit M: Erik Johansson, registered from "PRO Hageby", signed up again on a friend's
phone as "erik johanson / PRO hageby" with another e-mail. The two sign-ups stay two (the
names differ), but the letter listed the theme's organisations as "PRO hageby; …": the
quick phone spelling, not the list's.
"""

from __future__ import annotations

from pathlib import Path

from cafe.core.participants import PersonInput
from cafe.reports.model import build_model, one_spelling_each
from tests.meetings import new_meeting


def test_each_organisation_once_in_its_most_careful_spelling() -> None:
    assert one_spelling_each(["PRO hageby", "Röda Korset", "PRO Hageby", "röda korset"]) == (
        "PRO Hageby",
        "Röda Korset",
    )
    assert one_spelling_each(["Svenska kyrkan", "svenska kyrkan"]) == ("Svenska kyrkan",)
    assert one_spelling_each(["Abf", "ABF"]) == ("ABF",), "a short word in capitals is care"


def test_the_letter_names_pro_hageby_as_the_list_does(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    (erik,) = service.add_participants(
        [PersonInput("Erik Johansson", organisation="PRO Hageby", email="erik.j@pro.se")]
    )
    service.set_present(erik.id, True)
    theme = service.create_theme("Mötesplatser", signup=True)
    for name, organisation, email in (
        ("erik johanson", "PRO hageby", "erik.johansson@example.org"),  # a friend's phone
        ("Erik Johansson", "PRO Hageby", "erik.j@pro.se"),
    ):
        service.sign_up(
            name=name,
            organisation=organisation,
            email=email,
            themes=[theme.id],
            consent=True,
            source="web",
        )
    model = build_model(service, "sv")
    (shown,) = [th for th in model.themes if th.name == "Mötesplatser"]
    assert shown.organisations == ("PRO Hageby",)
    assert [o for o in model.organisations if o.casefold() == "pro hageby"] == ["PRO Hageby"]
