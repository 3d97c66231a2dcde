"""Recent changes across the app: who created, changed or deleted which record, and when.

Each domain model keeps its own history table (django-simple-history); this page reads the
latest rows of each (one query per table, whatever their size) and merges them.
"""

import datetime
import heapq

from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.date_input import DayFirstDateField
from foreignaffairs.core.roles import role_required

AUDITED_MODELS = [
    "partners.PartnerLocality",
    "delegations.Delegation",
    "delegations.DelegationMember",
    "delegations.Event",
    "agreements.Agreement",
    "agreements.ImplementationActivity",
    "foreignaffairs.ReportedFigure",
]
CHANGE_TYPES = {"+": _("Tạo mới"), "~": _("Sửa"), "-": _("Xóa")}
PAGE_SIZE = 100


def _history_url(model, object_id):
    try:
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[object_id]
        )
    except NoReverseMatch:  # a model without its own admin page (e.g. an inline)
        return None


def recent_changes(user_id=None, since=None, until=None, limit=PAGE_SIZE):
    """The latest `limit` history rows across the audited models, newest first."""
    streams = []
    for label in AUDITED_MODELS:
        model = apps.get_model(label)
        history = model.history.select_related("history_user").order_by("-history_date")
        if user_id:
            history = history.filter(history_user_id=user_id)
        if since:
            history = history.filter(history_date__date__gte=since)
        if until:
            history = history.filter(history_date__date__lte=until)
        streams.append([(record, model) for record in history[:limit]])
    merged = heapq.merge(*streams, key=lambda pair: pair[0].history_date, reverse=True)
    return [
        {
            "record": record,
            "model_name": model._meta.verbose_name,
            "change": CHANGE_TYPES.get(record.history_type, record.history_type),
            "history_type": record.history_type,
            "url": _history_url(model, record.id),
        }
        for record, model in list(merged)[:limit]
    ]


class RecentChangesFilter(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Người thực hiện"),
        queryset=get_user_model().objects.filter(is_staff=True).order_by("username"),
        required=False,
        empty_label=_("Tất cả"),
    )
    since = DayFirstDateField(label=_("Từ ngày"), required=False)
    until = DayFirstDateField(label=_("Đến ngày"), required=False)


@staff_member_required
@role_required
def recent_changes_view(request):
    form = RecentChangesFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    since = filters.get("since") or timezone.localdate() - datetime.timedelta(days=30)
    user = filters.get("user")
    context = {
        **admin.site.each_context(request),
        "title": _("Nhật ký thay đổi"),
        "form": form,
        "changes": recent_changes(
            user_id=user.pk if user else None, since=since, until=filters.get("until")
        ),
        "since": since,
        "page_size": PAGE_SIZE,
    }
    return render(request, "admin/recent_changes.html", context)
