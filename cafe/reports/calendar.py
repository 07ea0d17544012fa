"""invitation.ics: the meeting as a calendar event (RFC 5545) that Outlook opens.

Written by hand, it is short: one event with a Stockholm time zone (Outlook wants the
VTIMEZONE spelt out), text escaped (backslash, comma, semicolon, line breaks), lines
folded at 75 octets without splitting a UTF-8 character, CRLF line ends. The UID is
derived from the meeting, so a second invitation updates the first in a calendar.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

TZID = "Europe/Stockholm"
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (3.1)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # continuation byte
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space
    return "\r\n ".join(parts)


PRODID = "-//cafe//NONSGML cafe//EN"
"""Which program made the file (RFC 5545 3.7.3), the same for every meeting: it named the
Swedish meeting ("Idémöte", "SV") in an English meeting's file. The final field is the
language of this identifier's own text (the program's name), not of the meeting."""


def build_ics(
    *,
    day: str,
    start: str,
    end: str,
    minutes: float,
    summary: str,
    location: str,
    description: str,
    uid_seed: str,
    stamp: float,
) -> bytes:
    """The calendar file; ``day`` is an ISO date, ``start``/``end`` ``HH:MM`` or ""."""
    meeting_day = date.fromisoformat(day)
    uid = hashlib.sha256(uid_seed.encode("utf-8")).hexdigest()[:32] + "@cafe"
    stamped = datetime.fromtimestamp(stamp, tz=UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if start:
        begins = datetime.combine(meeting_day, datetime.strptime(start, "%H:%M").time())
        if end:
            ends = datetime.combine(meeting_day, datetime.strptime(end, "%H:%M").time())
        else:
            ends = begins + timedelta(minutes=max(30.0, minutes or 120.0))
        lines += _VTIMEZONE
        when = [
            f"DTSTART;TZID={TZID}:{begins:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={TZID}:{ends:%Y%m%dT%H%M%S}",
        ]
    else:
        when = [
            f"DTSTART;VALUE=DATE:{meeting_day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{meeting_day + timedelta(days=1):%Y%m%d}",
        ]
    lines += [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamped}",
        *when,
        f"SUMMARY:{escape_text(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
