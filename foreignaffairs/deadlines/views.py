""" "Việc cần làm" (each person's open and overdue deadlines), marking one done, and the
private calendar feed with its secret address."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from foreignaffairs.core.date_input import DayFirstDateField
from foreignaffairs.deadlines import calendar_feed, services
from foreignaffairs.deadlines.models import CalendarFeed, Deadline, State

# The page lists at most this many deadlines of each state (the most urgent first).
PAGE_ROWS = 200


class DoneForm(forms.Form):
    done_on = DayFirstDateField(label=gettext_lazy("ngày hoàn thành"))


def todo_rows(user, today):
    rows = list(
        Deadline.objects.pending()
        .assigned_to(user)
        .with_records()
        .with_state(today)
        .order_by("due_on", "id")[: PAGE_ROWS * 2]
    )
    return (
        [row for row in rows if row.state == State.OVERDUE][:PAGE_ROWS],
        [row for row in rows if row.state == State.OPEN][:PAGE_ROWS],
    )


@staff_member_required
def todo(request):
    today = timezone.localdate()
    overdue, upcoming = todo_rows(request.user, today)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    context = {
        **admin.site.each_context(request),
        "title": _("Việc cần làm"),
        "today": today,
        "overdue": overdue,
        "upcoming": upcoming,
        "form": DoneForm(initial={"done_on": today}),
        "feed_url": request.build_absolute_uri(reverse("deadlines:feed", args=[feed.token]))
        if feed
        else None,
    }
    return render(request, "deadlines/todo.html", context)


@staff_member_required
@require_POST
def mark_done(request, pk):
    deadline = get_object_or_404(Deadline, pk=pk, assignee=request.user)
    form = DoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày hoàn thành không hợp lệ (dd/mm/yyyy)."))
        return redirect("deadlines:todo")
    try:
        services.mark_done(deadline, form.cleaned_data["done_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã đánh dấu hoàn thành: %(deadline)s.") % {"deadline": deadline}
        )
    return redirect("deadlines:todo")


@staff_member_required
@require_POST
def new_feed(request):
    """A new secret calendar address; the old one, if any, stops working at once."""
    CalendarFeed.objects.update_or_create(
        user=request.user, defaults={"token": secrets.token_urlsafe(32)}
    )
    messages.success(
        request, _("Đã tạo địa chỉ lịch mới; địa chỉ cũ (nếu có) không còn dùng được.")
    )
    return redirect("deadlines:todo")


@staff_member_required
@require_POST
def revoke_feed(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, _("Đã thu hồi địa chỉ lịch."))
    return redirect("deadlines:todo")


def feed(request, token):
    """The calendar (ICS) of the person whose secret token this is; 404 for any other."""
    subscription = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True, user__is_staff=True)
        .first()
    )
    if subscription is None:
        raise Http404
    with translation.override("vi"):  # calendar apps send their own language, if any
        body = calendar_feed.build(subscription.user, timezone.localdate())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="viec-can-lam.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
