"""The admin site's titles, and the user and group pages in Vietnamese; the project's own
model admins live beside their models (`reports.admin`, `api.admin`) and are registered by
importing them here."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from foreignaffairs.api import admin as api_admin  # noqa: F401 - registers ApiClient
from foreignaffairs.core.admin_site import ADMINISTRATOR_APPS
from foreignaffairs.reports import admin as reports_admin  # noqa: F401 - ReportedFigure

admin.site.site_header = _("Sở Ngoại vụ TP. Hồ Chí Minh")
admin.site.site_title = _("Quản lý hoạt động đối ngoại")
admin.site.index_title = _("Quản lý hoạt động đối ngoại")
# The lists have many columns; the app list is one click away on the admin home page.
admin.site.enable_nav_sidebar = False
# The header links to the leaders' dashboard as "Tổng quan" (templates/admin/base_site.html)
# instead of Django's "View site".
admin.site.site_url = None

# The four permissions Django makes for every model, named in the database in English.
PERMISSION_ACTIONS = {"add": _("Thêm"), "change": _("Sửa"), "delete": _("Xóa"), "view": _("Xem")}


def permission_label(permission) -> str:
    """ "Đoàn và sự kiện | Thêm đoàn" rather than the stored "… | Can add delegation"."""
    action, _sep, _model = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action not in PERMISSION_ACTIONS or model is None:
        return str(permission)
    app = ADMINISTRATOR_APPS.get(model._meta.app_label, model._meta.app_config.verbose_name)
    return f"{capfirst(app)} | {PERMISSION_ACTIONS[action]} {model._meta.verbose_name}"


class VietnamesePermissions:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class ProjectGroupAdmin(VietnamesePermissions, GroupAdmin):
    pass


@admin.register(get_user_model())
class ProjectUserAdmin(VietnamesePermissions, UserAdmin):
    pass
