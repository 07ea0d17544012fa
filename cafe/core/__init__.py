"""The domain core: agenda, participants, seating, timer, events and meeting state.

Nothing here imports Textual, aiohttp, python-pptx or Jinja2 (checked by import-linter).
"""
