"""Notices about one thing: a newer word on it, or the thing done, takes the old one down.

A toast stays its full time whatever happens meanwhile: "Tryck r för att placera om" sat
beside "Placering klar för runda 3", and "the co-host opened the list, press l again to
close it" stayed after l had closed it. A notice said ``about`` a subject replaces the
earlier one on that subject, and ``withdraw`` takes it down once it no longer holds.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel

SEATING = "seating"
"""Who sits where: the hint to press r, the new plan, the plan made on entering a round."""

_UP: WeakKeyDictionary[App[Any], dict[str, Notification]] = WeakKeyDictionary()


def say(
    app: App[Any],
    message: str,
    *,
    about: str,
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Show ``message`` (plain text, as every toast here), first taking down the notice
    still up ``about`` the same subject."""
    withdraw(app, about)
    notification = Notification(
        message,
        severity=severity,
        timeout=app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
        markup=False,
    )
    _UP.setdefault(app, {})[about] = notification
    app.post_message(Notify(notification))


def withdraw(app: App[Any], about: str) -> None:
    """Take down the notice ``about`` a subject, if one is up or on its way."""
    notification = _UP.get(app, {}).pop(about, None)
    if notification is None:
        return
    # Expired, it is dropped even if its Notify message is still in the queue; shown, it
    # leaves the screen now. Textual (pinned) has no public call for one notice.
    notification.timeout = 0
    if notification in app._notifications:
        app._unnotify(notification)
