"""The LAN web server: phones in the room sign up, send ideas and check out.

Everything is served from the facilitator's laptop over the venue's network, with no
external resources; handlers only call ``MeetingService``, the meeting's one writer.
"""
