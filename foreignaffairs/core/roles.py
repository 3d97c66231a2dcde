"""The department's roles as Django groups, and the rules the admin applies to them.

`python manage.py setup_roles` (run by `make run` and on every deploy) makes the groups match
this module exactly; give a person a role by adding their account to the group (and ticking
"staff status" so they can open the admin).
"""

import datetime
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STAFF = "Chuyên viên"
MANAGER = "Lãnh đạo phòng"
LEADER = "Lãnh đạo"

# The records staff enter every week.
DOMAIN_MODELS = [
    "partners.partnerlocality",
    "delegations.delegation",
    "delegations.delegationmember",
    "delegations.event",
    "agreements.agreement",
    "agreements.implementationactivity",
    "deadlines.consultation",
    "deadlines.deadline",
    "plans.annualplan",
    "plans.planitem",
]
REFERENCE_MODELS = [
    "agreements.cooperationfield",
    "delegations.pillar",
    "foreignaffairs.reportedfigure",
    # Managers adjust the deadline rules and enter the days off and make-up working days.
    "deadlines.rule",
    "deadlines.calendarday",
]

ROLE_PERMISSIONS = {
    # Add and change records; delete only their own within a day (see can_delete).
    STAFF: [f"{model}:{action}" for model in DOMAIN_MODELS for action in ("add", "change", "view")]
    + [f"{model}:view" for model in REFERENCE_MODELS],
    # Everything staff do, plus delete, plus the reference data and the published figures.
    MANAGER: [
        f"{model}:{action}"
        for model in DOMAIN_MODELS + REFERENCE_MODELS
        for action in ("add", "change", "delete", "view")
    ],
    # Dashboard, read-only admin and exports.
    LEADER: [f"{model}:view" for model in DOMAIN_MODELS + REFERENCE_MODELS],
}

ROLE_DESCRIPTIONS = {
    STAFF: _(
        "Nhập và sửa đoàn, sự kiện, văn bản, hoạt động, đối tác; nhập/xuất Excel; "
        "chỉ xóa bản ghi mình tạo trong 24 giờ."
    ),
    MANAGER: _("Mọi quyền của chuyên viên, thêm quyền xóa và quản lý số liệu công bố."),
    LEADER: _("Xem tổng quan, xem dữ liệu và xuất báo cáo; không sửa."),
}

# How long staff may delete what they created themselves (a typo, a double entry).
OWN_DELETE_WINDOW = datetime.timedelta(hours=24)


def _permission(spec: str) -> Permission:
    model_label, action = spec.split(":")
    app_label, model = model_label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")


@transaction.atomic
def setup_roles() -> dict[str, int]:
    """Create or update the role groups so their permissions are exactly ROLE_PERMISSIONS."""
    counts = {}
    for name, specs in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(spec) for spec in specs])
        counts[name] = len(specs)
    return counts


def has_role(user) -> bool:
    """Whether an active account holds one of the roles above (or is a superuser): what the
    dashboard, its workbook, the statistics and the change log ask. Ticking "staff status"
    alone gives none."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_has_role"):
        user._has_role = user.groups.filter(name__in=ROLE_PERMISSIONS).exists()
    return user._has_role


def role_required(view):
    """The view asks anonymous visitors to log in and refuses (403) an account with no role."""

    @wraps(view)
    @login_required
    def checked(request, *args, **kwargs):
        if not has_role(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def can_delete(user, obj) -> bool:
    """Managers (with the delete permission) delete anything; other editors only what they
    created themselves in the last 24 hours."""
    opts = obj._meta
    if user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
        return True
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    created_at = getattr(obj, "created_at", None)
    return (
        getattr(obj, "created_by_id", None) == user.pk
        and created_at is not None
        and timezone.now() - created_at <= OWN_DELETE_WINDOW
    )
