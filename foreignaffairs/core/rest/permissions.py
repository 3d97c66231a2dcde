"""Who may read and who may write through the API (the default permission of every view).

A department's key authenticates as a user with `is_department_key` (api.access); such users
read only.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions


class DepartmentReadStaffWrite(permissions.BasePermission):
    """Departments' keys read only; otherwise only active staff accounts get in.

    Writing further needs the model permissions (`DjangoModelPermissions`, listed after this).
    """

    message = _("Khóa API của sở, ngành chỉ được đọc dữ liệu, không được thêm hay sửa.")

    def has_permission(self, request, view):
        if getattr(request.user, "is_department_key", False):
            return request.method in permissions.SAFE_METHODS
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401 with the WWW-Authenticate header
        if not (user.is_active and user.is_staff):
            self.message = _("Chỉ cán bộ của Sở hoặc sở, ngành có khóa API mới dùng được API.")
            return False
        return True
