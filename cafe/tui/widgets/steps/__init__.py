"""One view per kind of agenda step; ``step_panel.view_for`` picks it."""
