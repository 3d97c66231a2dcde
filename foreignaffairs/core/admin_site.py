"""The admin site: its home lists the daily work first ("Đoàn và sự kiện"), and the lock-out
records of django-axes only to the site's administrators, under names they can read."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import axes_names

# The admin home's sections in the order staff use them; any other follows, by name.
APP_ORDER = ["delegations", "agreements", "partners", "foreignaffairs", "auth", "axes"]
# Within a section: the records entered every week before the reference lists.
MODEL_ORDER = [
    "Delegation",
    "Event",
    "Agreement",
    "ImplementationActivity",
    "PartnerLocality",
    "ReportedFigure",
    "ApiClient",
]
# Sections for superusers only, with the name they show.
ADMINISTRATOR_APPS = {"axes": _("Khóa đăng nhập (đăng nhập sai nhiều lần)")}


def _rank(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


class Site(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        apps = []
        for app in super().get_app_list(request, app_label):
            if app["app_label"] in ADMINISTRATOR_APPS:
                if not request.user.is_superuser:
                    continue
                app["name"] = ADMINISTRATOR_APPS[app["app_label"]]
            app["models"].sort(key=lambda model: (_rank(MODEL_ORDER, model["object_name"]),))
            apps.append(app)
        return sorted(apps, key=lambda app: (_rank(APP_ORDER, app["app_label"]), app["name"]))


class SiteConfig(AdminConfig):
    """`django.contrib.admin` with this project's Site as `admin.site`."""

    default_site = "foreignaffairs.core.admin_site.Site"

    def ready(self):
        super().ready()
        axes_names.install()
