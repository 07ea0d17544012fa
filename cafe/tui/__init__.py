"""The live meeting on the projector: `cafe run DIR` (Textual).

Nothing here changes a meeting except through ``MeetingService``; the screens only show
the service's state and turn keys into service calls.
"""
