"""The job alerts section of the account dashboard."""

from candidates.dashboard import is_job_seeker
from fairsite.accounts.dashboard import register_section

from .selectors import alerts_of


def dashboard_context(user) -> dict:
    alerts = alerts_of(user)
    return {"count": alerts.count(), "paused": alerts.filter(is_paused=True).count()}


def has_alerts_section(user) -> bool:
    return is_job_seeker(user) or alerts_of(user).exists()


def register() -> None:
    register_section(
        template="alerts/includes/dashboard.html",
        context=dashboard_context,
        applies=has_alerts_section,
    )
