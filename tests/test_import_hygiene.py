"""The domain core imports nothing of the UI, HTTP or document libraries."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def _printed(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (a clean ``sys.modules``)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_core_and_storage_load_without_front_end_libraries() -> None:
    code = (
        "import sys, pkgutil, importlib, cafe.core, cafe.storage\n"
        "for pkg in (cafe.core, cafe.storage):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
        "bad = [m for m in ('textual', 'aiohttp', 'pptx', 'jinja2', 'qrcode') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    assert _printed(code) == ""


def test_no_sql_outside_storage() -> None:
    """One storage boundary: only ``cafe/storage`` talks SQL or holds the connection."""
    root = Path(__file__).resolve().parents[1] / "cafe"
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if "storage" not in path.relative_to(root).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".connection()" in line or ".execute(" in line or "sqlite3" in line
    ]
    assert found == []


def test_cafe_run_does_not_load_the_harvest_engine_at_start() -> None:
    """Stemmers, stop words and the lexicon load when suggestions or a cloud are asked for."""
    code = (
        "import sys, cafe.cli.run_cmd, cafe.tui.app, cafe.web.server\n"
        "print(','.join(m for m in ('snowballstemmer', 'stop_words', 'cafe.core.harvest')"
        " if m in sys.modules))\n"
    )
    assert _printed(code) == ""


def _meeting_mid_round(folder: Path) -> None:
    from tests.tui.helpers import five_minutes_into_round_1

    service, _clock = five_minutes_into_round_1(folder, registered=30)
    service.log.close()


def _new_meeting(folder: Path) -> None:
    from tests.meetings import new_meeting

    new_meeting(folder).log.close()


@pytest.mark.parametrize(
    ("make", "view"),
    [(_new_meeting, "welcome_step"), (_meeting_mid_round, "cafe_round_step")],
    ids=["new", "mid-round"],
)
def test_cafe_run_loads_neither_the_web_nor_the_document_stacks_before_its_first_frame(
    tmp_path: Path, make: Callable[[Path], None], view: str
) -> None:
    """aiohttp, Jinja, qrcode, smtplib, the harvest engine, the seating planner and its
    model, the modals and the views of steps not on the screen load after the first frame
    (the server) or when asked for: ``cafe run`` reaches ``App.run`` without them, also
    in a round whose seating plan it shows."""
    folder = tmp_path / "möte"
    make(folder)
    code = (
        "import sys\n"
        "import cafe.tui.app\n"
        "def run(self, *args, **kwargs):\n"
        "    late = ('aiohttp', 'jinja2', 'qrcode', 'smtplib', 'snowballstemmer', 'pptx', 'docx')\n"
        "    late += tuple(f'cafe.core.seating.{m}' for m in ('planner', 'model', 'bound', 'people'))\n"
        "    late += tuple(m for m in sys.modules if m.startswith('cafe.tui.screens.')"
        " and m.endswith(('_modal', 'help_screen')))\n"
        "    late += tuple(m for m in sys.modules if m.startswith('cafe.tui.widgets.steps.')"
        f" and not m.endswith('.{view}'))\n"
        "    print(','.join(m for m in late if m in sys.modules))\n"
        "cafe.tui.app.CafeApp.run = run\n"
        "from cafe.cli import main\n"
        f"main(['run', {str(folder)!r}, '--lang', 'sv'])\n"
    )
    assert _printed(code) == ""


def test_cafe_run_reads_only_the_catalogues_its_console_needs(tmp_path: Path) -> None:
    """Catalogue areas load when first looked up: the web pages', the reports' and the
    others' TOML is not parsed before ``cafe run`` reaches ``App.run``."""
    from tests.meetings import new_meeting

    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    code = (
        "import sys, tomli\n"
        "from pathlib import Path\n"
        "read = []\n"
        "load = tomli.load\n"
        "def recording(handle, **kwargs):\n"
        "    path = Path(handle.name)\n"
        "    if path.parent.parent.name == 'i18n':\n"
        "        read.append(path.parent.name + '/' + path.name)\n"
        "    return load(handle, **kwargs)\n"
        "tomli.load = recording\n"
        "import cafe.tui.app\n"
        "def run(self, *args, **kwargs):\n"
        "    from cafe.i18n import t\n"
        "    t('tui.timer.phase.running')\n"
        "    print(','.join(sorted(set(read))))\n"
        "cafe.tui.app.CafeApp.run = run\n"
        "from cafe.cli import main\n"
        f"main(['run', {str(folder)!r}, '--lang', 'sv'])\n"
    )
    assert _printed(code) == "sv/argparse.toml,sv/cli.toml,sv/tui.toml"
