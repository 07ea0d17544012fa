"""The shipped agendas and templates are found in the checkout and in the built wheel.

The wheel is built offline by the build backend ``pyproject.toml`` names (hatchling, from
the test extras, no build isolation), unpacked to a folder, and ``cafe`` imported from
there in a fresh interpreter; the checkout's own folders are kept out of its path, so only
the wheel's ``cafe/_data`` can answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cafe.core.agenda import list_shipped, resolve_agenda
from cafe.resources import agendas_dir, data_resource, templates_dir

ROOT = Path(__file__).resolve().parents[1]

BUILD_WHEEL = """
import importlib, sys, tomllib
with open("pyproject.toml", "rb") as file:
    backend = tomllib.load(file)["build-system"]["build-backend"]
print(importlib.import_module(backend).build_wheel(sys.argv[1]))
"""
"""What a build front end such as ``pip wheel --no-build-isolation`` does in the checkout:
the build backend ``pyproject.toml`` names (hatchling) writes the wheel. Asked directly,
without pip's own start and its metadata pass, it takes a fraction of the time."""

PROBE = """
import json, cafe
from cafe.resources import agendas_dir, templates_dir
from cafe.core.agenda import list_shipped, resolve_agenda
from cafe.web.pages import web_templates_dir
print(json.dumps({
    "package": cafe.__file__,
    "agendas": str(agendas_dir()),
    "templates": str(templates_dir()),
    "web": str(web_templates_dir()),
    "shipped": [a.name for a in list_shipped()],
    "resolved": str(resolve_agenda("idemote.sv")),
    "summary": (templates_dir() / "reports" / "summary.html.j2").is_file(),
}))
"""


def test_the_checkout_reads_the_repository_folders() -> None:
    assert agendas_dir() == ROOT / "agendas"
    assert templates_dir() == ROOT / "templates"
    assert data_resource("agendas").is_dir()
    assert (templates_dir() / "web" / "signup.html").is_file()
    names = {a.name for a in list_shipped()}
    assert {"idemote.sv", "idea-meeting.en"} <= names
    assert resolve_agenda("idemote.sv") == ROOT / "agendas" / "idemote.sv.toml"


@pytest.mark.slow
def test_the_built_wheel_carries_and_finds_its_agendas_and_templates(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-c", BUILD_WHEEL, str(tmp_path / "dist")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("cafe-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "cafe/_data/agendas/idemote.sv.toml" in names
    assert "cafe/_data/templates/web/signup.html" in names

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(tmp_path / "site")
    probe = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r})\n{PROBE}"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    data = tmp_path / "site" / "cafe" / "_data"
    assert found["package"] == str(tmp_path / "site" / "cafe" / "__init__.py")
    assert found["agendas"] == str(data / "agendas")
    assert found["templates"] == str(data / "templates")
    assert found["web"] == str(data / "templates" / "web")
    assert found["resolved"] == str(data / "agendas" / "idemote.sv.toml")
    assert {"idemote.sv", "idea-meeting.en"} <= set(found["shipped"])
    assert found["summary"] is True
