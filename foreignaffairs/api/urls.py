"""The REST API for other city departments: `/api/v1/` (see README, "API for departments").

Four record endpoints on one router (their viewsets live in the domain apps), and two
statistics endpoints (`statistics.py`).
"""

from django.urls import path
from rest_framework import routers

from agreements.views import AgreementViewSet
from delegations.views import DelegationViewSet, EventViewSet
from foreignaffairs.api.statistics import BreakdownStatsView, PeriodStatsView, YearlyStatsView
from foreignaffairs.deadlines.api import DeadlineViewSet
from partners.views import PartnerLocalityViewSet
from plans.views import AnnualPlanViewSet, PlanItemViewSet

router = routers.DefaultRouter()
router.register("partners", PartnerLocalityViewSet, basename="partners")
router.register("delegations", DelegationViewSet, basename="delegations")
router.register("events", EventViewSet, basename="events")
router.register("agreements", AgreementViewSet, basename="agreements")
router.register("deadlines", DeadlineViewSet, basename="deadlines")
router.register("plans", AnnualPlanViewSet, basename="plans")
router.register("plan-items", PlanItemViewSet, basename="plan-items")

app_name = "api"
urlpatterns = [
    path("stats/yearly/", YearlyStatsView.as_view(), name="stats-yearly"),
    path("stats/breakdown/", BreakdownStatsView.as_view(), name="stats-breakdown"),
    path("stats/period/", PeriodStatsView.as_view(), name="stats-period"),
    *router.urls,
]
