"""Checks of repeated values are remembered; contacts (personal data) never are."""

from __future__ import annotations

from cafe.core import people_checks
from cafe.core.people_checks import checked


def test_a_contact_is_checked_every_time_and_never_kept_in_memory() -> None:
    people_checks._remembered.cache_clear()
    assert checked("email", "anna.berg@example.se")[0] == "anna.berg@example.se"
    assert checked("phone", "070-123 45 67")[1] == ()
    _, bad = checked("email", "anna@example")
    assert bad and bad[0].field == "email"
    assert people_checks._remembered.cache_info().currsize == 0, "no contact is remembered"

    assert checked("email", "") == checked("email", "")
    assert checked("organisation", "Röda Korset") == checked("organisation", "Röda Korset")
    info = people_checks._remembered.cache_info()
    assert info.currsize == 2 and info.hits == 2, "an empty contact and an organisation are"
