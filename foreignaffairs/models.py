"""Where Django looks for the `foreignaffairs` app's models: they live in the sub-packages
that use them (published figures in `reports`, department keys in `api`)."""

from foreignaffairs.api.models import ApiClient, ApiClientQuerySet
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
    "Metric",
    "Qualifier",
    "ReportedFigure",
    "ReportedFigureQuerySet",
    "Scope",
]
