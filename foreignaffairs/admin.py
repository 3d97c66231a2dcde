"""The admin site's titles; the project's own model admins live beside their models
(`reports.admin`, `api.admin`) and are registered by importing them here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from foreignaffairs.api import admin as api_admin  # noqa: F401 - registers ApiClient
from foreignaffairs.reports import admin as reports_admin  # noqa: F401 - ReportedFigure

admin.site.site_header = _("Sở Ngoại vụ TP. Hồ Chí Minh")
admin.site.site_title = _("Quản lý hoạt động đối ngoại")
admin.site.index_title = _("Quản lý hoạt động đối ngoại")
# The lists have many columns; the app list is one click away on the admin home page.
admin.site.enable_nav_sidebar = False
# The header links to the leaders' dashboard as "Tổng quan" (templates/admin/base_site.html)
# instead of Django's "View site".
admin.site.site_url = None
