from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeignAffairsConfig(AppConfig):
    name = "foreignaffairs"
    verbose_name = _("Số liệu và báo cáo")

    def ready(self):
        from foreignaffairs.core import db  # noqa: F401 - registers the SQLite UNACCENT function
        from foreignaffairs.core.stats_cache import connect_signals

        connect_signals()
