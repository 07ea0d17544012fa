"""The harvest in minutes: offline theme suggestions, likely duplicates, a word cloud.

Pure domain code (no UI, no network, no model): words are stemmed with Snowball, stop
words come from a maintained list, and a hand-made concept lexicon (``lexicon.toml``)
lets "dagis" and "förskolan" meet. The same input always gives the same output.
"""

from cafe.core.harvest.suggest import Settings, SuggestedTheme, Suggestions, suggest

__all__ = ["Settings", "SuggestedTheme", "Suggestions", "suggest"]
