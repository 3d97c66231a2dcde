"""Admin for the departments' API keys."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from foreignaffairs.api.models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(SimpleHistoryAdmin):
    """Keys of the departments using the API. A new key is shown once, on the page that
    follows its creation; only its hash is stored."""

    list_display = ["name", "key_prefix", "contact", "created_at", "last_used_at", "active"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "contact", "key_prefix"]
    readonly_fields = ["key_prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    @admin.display(description=_("đang dùng"), boolean=True)
    def active(self, obj):
        return obj.is_active

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "contact"]
        return ["name", "contact", *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.new_key = obj.set_new_key()
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        # The key is rendered into this one page and never stored or put in a message
        # (messages may be kept in a cookie).
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "client": obj,
            "key": obj.new_key,
            "title": _("Khóa API mới"),
        }
        return TemplateResponse(request, "admin/foreignaffairs/apiclient/key_created.html", context)

    @admin.action(description=_("Thu hồi các khóa đã chọn"), permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for client in queryset.active():
            client._history_user = request.user
            client.revoke()
            revoked += 1
        self.message_user(request, _("Đã thu hồi %(n)s khóa.") % {"n": revoked}, messages.SUCCESS)
