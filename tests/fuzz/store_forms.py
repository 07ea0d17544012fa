"""What the sign-up view does with a form it accepted, for the fuzzers (no HTTP)."""

from __future__ import annotations

from cafe.core.service import MeetingService
from cafe.core.state import Signup
from cafe.web.forms import Form


def store_signup(service: MeetingService, form: Form) -> Signup:
    """Store an accepted sign-up form as ``views.signup_submit`` does."""
    return service.sign_up(
        name=form.values["name"],
        organisation=form.values["organisation"],
        email=form.values["email"],
        phone=form.values["phone"],
        consent=form.values["consent"],
        source="web",
    )
