"""The app's two themes: a calm dark one for the laptop, a high-contrast one for projectors.

Projectors wash out dark greys and thin colours; the high-contrast theme is black on
white with saturated, dark accents. Styles use only theme variables, so switching
(key ``c``) recolours everything.
"""

from __future__ import annotations

from textual.theme import Theme

CAFE = Theme(
    name="cafe",
    primary="#3B82C4",
    secondary="#2E5E8C",
    accent="#F2B33D",
    warning="#F29B38",
    error="#E5484D",
    success="#46A758",
    foreground="#ECEDEE",
    background="#16181D",
    surface="#1E2128",
    panel="#23262E",
    dark=True,
)

HIGH_CONTRAST = Theme(
    name="cafe-contrast",
    primary="#003C9E",
    secondary="#002A6E",
    accent="#7A1FA2",
    warning="#B34700",
    error="#C00000",
    success="#006B1F",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#F0F0F0",
    dark=False,
    variables={"text-muted": "#333333", "footer-key-foreground": "#003C9E"},
)

THEMES = (CAFE, HIGH_CONTRAST)
