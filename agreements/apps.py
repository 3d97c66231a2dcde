from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Văn bản hợp tác")

    def ready(self):
        from agreements.models import LAST_ACTIVITY
        from foreignaffairs.core import daily_counts

        daily_counts.keep_latest_date(LAST_ACTIVITY)
