"""Durable storage of meetings: the SQLite event log and the meeting folder."""
