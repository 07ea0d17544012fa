"""Fixtures for the web tests: a real meeting folder and the app in a test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token
from cafe.web.server import build_app
from tests.meetings import new_meeting
from tests.web.support import PUBLIC


@pytest.fixture
def service(tmp_path: Path) -> MeetingService:
    return new_meeting(tmp_path / "m")


@pytest.fixture
def token(service: MeetingService) -> str:
    return meeting_token(service)


@pytest.fixture
async def client(aiohttp_client, service: MeetingService) -> TestClient:  # type: ignore[no-untyped-def]
    return await aiohttp_client(build_app(service, public_base=PUBLIC))
