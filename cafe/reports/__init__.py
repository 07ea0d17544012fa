"""What the meeting leaves behind: decks, documents, lists and printouts (``build.py``)."""
