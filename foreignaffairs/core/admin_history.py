"""A record's history in the admin (django-simple-history): who may revert or restore, and
what a revert brings back with the record's fields: its links (core.links).

Reverting to a version shows the version's own links in the form (a visit's agreements, an
event's partners, …) and saves them; a version that holds none says so on the page before
anything is saved, and the links then stay as they are. Restoring a deleted record also brings
back the links other records had to it (both ways, as when it was deleted).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from foreignaffairs.core import links, stats_cache


class HistoryAdminMixin(SimpleHistoryAdmin):
    def revert_disabled(self, request, obj=None):
        """Reverting a record to an older version, or restoring a deleted one, is for those
        who may delete anything (managers)."""
        return not super().has_delete_permission(request) or super().revert_disabled(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """On the revert page, the version's own links in place of the current ones."""
        form = super().get_form(request, obj, change, **kwargs)
        version_links = getattr(request, "version_links", None)
        if not version_links:
            return form
        initial = {name: ids for name, ids in version_links.items() if name in form.base_fields}

        class VersionForm(form):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        VersionForm.__name__ = form.__name__
        return VersionForm

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        version = self.model.history.filter(pk=version_id, id=object_id).first()
        if version is None:  # simple-history answers 404
            return super().history_form_view(request, object_id, version_id, extra_context)
        request.version_links = links.version_links(version)
        records = self.model._default_manager.filter(pk=version.instance.pk)
        was_deleted = not records.exists()
        if request.method != "POST":
            self.say_what_comes_back(request, request.version_links, was_deleted)
            return super().history_form_view(request, object_id, version_id, extra_context)
        if self.revert_disabled(request, version.instance):
            raise PermissionDenied
        request.restoring_version = True  # response_change says "đã được khôi phục"
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if response.status_code == 302 and records.exists():
                self.bring_back_links(request, records.get(), was_deleted)
        return response

    def say_what_comes_back(self, request, version_links, was_deleted: bool) -> None:
        """Warn, before the revert, of the links the version cannot bring back."""
        relations = links.own_relations(self.model)
        if not (relations and links.keeps_links(self.model)):
            return
        names = ", ".join(str(field.verbose_name) for field in relations)
        if version_links is None and was_deleted:
            message = _(
                "Phiên bản này không lưu liên kết (%(relations)s): khi khôi phục, bản ghi lấy "
                "lại các liên kết nó có lúc bị xóa."
            )
        elif version_links is None:
            message = _(
                "Phiên bản này không lưu liên kết (%(relations)s): khi khôi phục, các liên kết "
                "hiện có được giữ nguyên."
            )
        elif missing := links.missing_links(self.model, version_links):
            names = ", ".join(missing)
            message = _(
                "Một số bản ghi liên kết trong phiên bản này (%(relations)s) đã bị xóa, không "
                "thể liên kết lại."
            )
        else:
            return
        messages.warning(request, message % {"relations": names})

    def bring_back_links(self, request, record, was_deleted: bool) -> None:
        """After the version is saved: the links it holds that its form did not show, those of
        other records to a restored record, and the links in the new version."""
        version_links = request.version_links
        if was_deleted:
            links.restore_links(record, own=version_links is None)
        if version_links is not None:
            shown = set(self.get_form(request, record, change=True).base_fields)
            links.set_own_links(record, version_links, skip=shown)
        links.keep_links(record)
        stats_cache.data_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        links.keep_links(form.instance)  # the version just saved holds its links

    def delete_model(self, request, obj):
        links.delete_keeping_links(obj)

    def delete_queryset(self, request, queryset):
        # One by one, so that each deletion keeps its links for a restore (core.links).
        with transaction.atomic():
            for record in queryset:
                links.delete_keeping_links(record)
        stats_cache.data_changed()

    def response_change(self, request, obj):
        if not getattr(request, "restoring_version", False) or "_save" not in request.POST:
            return super().response_change(request, obj)
        # simple-history's "Khôi phục" button would get the admin's "Đã sửa … thành công".
        self.message_user(
            request,
            _("%(name)s “%(obj)s” đã được khôi phục về phiên bản đã chọn.")
            % {"name": capfirst(self.model._meta.verbose_name), "obj": obj},
            messages.SUCCESS,
        )
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
