"""Laptop edits that never overwrite the co-host's change unseen.

A dialog opens on an idea's text or a theme's name; the co-host may change it on the
console before Enter. The first Enter then refuses and says what it is now, keeping what
was typed; the second Enter replaces it, knowingly (the console does the same the other
way round, through the same ``seen`` check in the service).
"""

from __future__ import annotations

from cafe.core.errors import CafeError, ChangedMeanwhile
from cafe.core.service import MeetingService
from cafe.i18n import t


class SeenText:
    """The text the user is replacing, as they last saw it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def edit_idea(self, service: MeetingService, idea_id: str, text: str, table: int) -> str:
        """Change the idea; returns the text it replaced."""
        replaced = self.text
        try:
            service.edit_idea(idea_id, text=text, table=table, seen=replaced)
        except ChangedMeanwhile as error:
            self.text = error.now
            raise CafeError(t("tui.changed_meanwhile.idea", text=error.now)) from None
        return replaced

    def rename_theme(self, service: MeetingService, theme_id: str, name: str) -> str:
        """Rename the theme; returns the name it replaced."""
        replaced = self.text
        try:
            service.rename_theme(theme_id, name, seen=replaced)
        except ChangedMeanwhile as error:
            self.text = error.now
            raise CafeError(t("tui.changed_meanwhile.theme", name=error.now)) from None
        return replaced
