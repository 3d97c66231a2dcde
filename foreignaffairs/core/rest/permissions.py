"""Who may read and who may write through the API (the default permission of every view).

A department's key authenticates as a user with `is_department_key` (api.access); such users
read only.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from foreignaffairs.core.roles import has_role


def is_department_key(user) -> bool:
    return getattr(user, "is_department_key", False)


class DepartmentReadStaffWrite(permissions.BasePermission):
    """Departments' keys read only; otherwise only active staff accounts get in.

    Writing further needs the model permissions (`DjangoModelPermissions`, listed after this).
    """

    message = _("Khóa API của sở, ngành chỉ được đọc dữ liệu, không được thêm hay sửa.")

    def has_permission(self, request, view):
        if is_department_key(request.user):
            return request.method in permissions.SAFE_METHODS
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401 with the WWW-Authenticate header
        if not (user.is_active and user.is_staff):
            self.message = _("Chỉ cán bộ của Sở hoặc sở, ngành có khóa API mới dùng được API.")
            return False
        return True


class ModelPermissions(permissions.DjangoModelPermissions):
    """Staff read a record endpoint with the model's view permission and write with its add or
    change permission: "staff status" alone reads nothing. Department keys read every record
    endpoint (`DepartmentReadStaffWrite` keeps them to reading)."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }
    message = _("Tài khoản của bạn không có quyền này đối với loại dữ liệu này.")

    def has_permission(self, request, view):
        if is_department_key(request.user):
            return True
        return super().has_permission(request, view)


class HoldsRole(permissions.BasePermission):
    """The statistics, as the dashboard: department keys, or staff holding a role."""

    message = _(
        "Tài khoản của bạn chưa được giao vai trò nào (chuyên viên, lãnh đạo phòng, lãnh đạo)."
    )

    def has_permission(self, request, view):
        return is_department_key(request.user) or has_role(request.user)
