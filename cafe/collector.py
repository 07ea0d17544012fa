"""Python's cyclic garbage collector, paused while ``cafe`` starts.

Importing Textual and the domain core, opening the meeting and building the first screen
allocate a few hundred thousand objects that live as long as the program. Meanwhile the
collector walks them again and again and finds next to nothing to free: about a sixth of
``cafe run``'s time to its first frame on a 2-core laptop. The command line pauses it
from process start until the console has drawn its first frame, or until a command
without a console begins its work; then it runs as usual.
"""

from __future__ import annotations

import gc

_paused_here = False


def pause_collection() -> None:
    """Pause the collector (at process start, before the heavy imports)."""
    global _paused_here
    if gc.isenabled():
        gc.disable()
        _paused_here = True


def resume_collection() -> None:
    """Resume what ``pause_collection`` paused; a collector turned off elsewhere stays off."""
    global _paused_here
    if _paused_here:
        _paused_here = False
        gc.enable()
