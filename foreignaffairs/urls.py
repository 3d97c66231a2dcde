from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from foreignaffairs.core import audit, views
from foreignaffairs.reports import comparison, dashboard, period_report, workbook

urlpatterns = [
    # The dashboard asks anonymous visitors to log in, then brings them back to it.
    path("", RedirectView.as_view(pattern_name="dashboard", permanent=False), name="home"),
    # The leaders' own login and logout (django-axes guards this login like the admin's).
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # For pages without an icon link (the admin, the API docs); looked up per request, so
    # the hashed name is read from the static manifest only once it exists.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/xlsx/", workbook.dashboard_xlsx, name="dashboard_xlsx"),
    path("dashboard/period/", comparison.period_page, name="dashboard_period"),
    path("reports/period.docx", period_report.period_docx_view, name="period_docx"),
    path("reports/period.xlsx", period_report.period_xlsx_view, name="period_xlsx"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("media/<path:path>", views.private_media, name="private_media"),
    path("admin/recent-changes/", audit.recent_changes_view, name="recent_changes"),
    path("admin/viec-can-lam/", include("foreignaffairs.deadlines.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("foreignaffairs.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

# Under /api/, a JSON error like every other API answer.
handler404 = "foreignaffairs.core.views.not_found"
