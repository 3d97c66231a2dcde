from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "foreignaffairs.deadlines"
    label = "deadlines"
    verbose_name = _("Thời hạn và nhắc việc")
