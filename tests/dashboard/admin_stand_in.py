"""Plain admin pages for the models the dashboard links to, until their real admin exists.

The dashboard links every number to an admin list and every record to its change page, so
rendering it needs those admin URLs. The admin for delegations, events, agreements and
partners is built on another branch; until it is merged, tests register a bare ModelAdmin for
each missing model and rebuild the URLconf. Once the real admin is registered this does
nothing, and the tests run against it unchanged.
"""

import contextlib
import importlib

from django.conf import settings
from django.contrib import admin
from django.urls import clear_url_caches

from agreements.models import Agreement
from delegations.models import Delegation, Event
from partners.models import PartnerLocality

LINKED_MODELS = (Delegation, Event, Agreement, PartnerLocality)


def _rebuild_urls():
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))
    clear_url_caches()


@contextlib.contextmanager
def admin_for_linked_models():
    missing = [model for model in LINKED_MODELS if not admin.site.is_registered(model)]
    if not missing:
        yield
        return
    for model in missing:
        admin.site.register(model)
    _rebuild_urls()
    try:
        yield
    finally:
        for model in missing:
            admin.site.unregister(model)
        _rebuild_urls()
