"""Where Django looks for the `foreignaffairs` app's models: they live in the sub-packages
that use them (published figures in `reports`, department keys in `api`, background imports
in `core.spreadsheets.jobs`, per-day counts in `core.daily_counts`)."""

from foreignaffairs.api.models import ApiClient, ApiClientQuerySet
from foreignaffairs.core.daily_counts import ChangedDay, DailyCount
from foreignaffairs.core.spreadsheets.jobs import ImportJob
from foreignaffairs.reports.models import (
    Metric,
    Qualifier,
    ReportedFigure,
    ReportedFigureQuerySet,
    Scope,
)

__all__ = [
    "ApiClient",
    "ApiClientQuerySet",
    "ChangedDay",
    "DailyCount",
    "ImportJob",
    "Metric",
    "Qualifier",
    "ReportedFigure",
    "ReportedFigureQuerySet",
    "Scope",
]
