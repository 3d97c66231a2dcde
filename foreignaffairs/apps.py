from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Registers the SQLite UNACCENT function on every new connection.
from foreignaffairs.core import countries, db  # noqa: F401


class ForeignAffairsConfig(AppConfig):
    name = "foreignaffairs"
    verbose_name = _("Số liệu và báo cáo")

    def ready(self):
        countries.use_vietnamese_order()
        # A partner's last exchange counts records of every app: kept from here, above them.
        from foreignaffairs.core import daily_counts
        from foreignaffairs.reports.exchanges import LAST_EXCHANGE

        daily_counts.keep_latest_date(LAST_EXCHANGE)
