"""Putting the challenge into a sentence, so that the sentence still reads well.

A challenge is often a topic ("ofrivillig ensamhet bland äldre") and sometimes a whole
question ("Hur minskar vi ofrivillig ensamhet bland äldre?"). Dropped as it is into
"Vad betyder samhällsutmaningen … för mig?" a question reads as two sentences run
together, so one that ends like a sentence is quoted, the way the language quotes.
"""

from __future__ import annotations

PLACEHOLDER = "{challenge}"
"""Replaced by the meeting's challenge in every text of the agenda (see ``Agenda.filled``)."""

_QUOTES = {"sv": ("\u201d", "\u201d"), "en": ("\u201c", "\u201d")}
"""Swedish quotes with ” on both sides; English with “ and ”."""
_SENTENCE_END = ("?", "!", ".", "…")


def challenge_in_sentence(challenge: str, language: str = "sv") -> str:
    """The challenge as it goes inside a sentence: quoted if it is a sentence itself.

    ``Hur minskar vi ensamhet?`` -> ``”Hur minskar vi ensamhet?”`` (``“…”`` in English);
    ``ensamhet bland äldre`` stays as it is, and so does an already quoted challenge.
    """
    text = challenge.strip()
    if not text.endswith(_SENTENCE_END):
        return text
    opening, closing = _QUOTES.get(language, _QUOTES["en"])
    if text[:1] in "\"'\u201c\u201d\u00ab\u00bb":
        return text
    return f"{opening}{text}{closing}"


def one_question_mark(text: str) -> str:
    """``text`` without the second question mark a quoted question gets when a sentence
    asks about it: "Vill du fortsätta arbeta med ”Hur når vi Åsbro?”?" ends on "?”"."""
    for closing in ("\u201d", '"'):
        text = text.replace(f"?{closing}?", f"?{closing}")
    return text


def fill_challenge(text: str, challenge: str, language: str = "sv") -> str:
    """``text`` with ``{challenge}`` replaced, quoted where it sits inside a sentence.

    A text that is nothing but the placeholder gets the challenge as it is: it stands alone.
    """
    if text.strip() == PLACEHOLDER:
        return text.replace(PLACEHOLDER, challenge.strip())
    return text.replace(PLACEHOLDER, challenge_in_sentence(challenge, language))
