"""The project's URLs plus the bare view the API list is compared with; mounted only by the
benchmark (`override_settings(ROOT_URLCONF="bench.urls")`)."""

from django.urls import path

from bench.views import bare_delegations
from foreignaffairs.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("bench/bare/delegations/", bare_delegations),
    *project_urlpatterns,
]
