from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from foreignaffairs import audit, views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("media/<path:path>", views.private_media, name="private_media"),
    path("admin/recent-changes/", audit.recent_changes_view, name="recent_changes"),
    path("admin/", admin.site.urls),
]
