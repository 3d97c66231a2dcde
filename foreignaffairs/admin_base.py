"""What every admin page for the department's records shares."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from foreignaffairs.roles import can_delete


class DomainAdmin(SimpleHistoryAdmin):
    """Base admin for the domain records: history (who changed what, when) and authorship.

    Search fields should use the `__unaccent` lookup (e.g. "title__unaccent") so that staff
    typing "da nang" find "Đà Nẵng" on PostgreSQL and SQLite alike.
    """

    list_per_page = 50
    show_full_result_count = False  # no second COUNT(*) over the whole table on each page

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            # The list's bulk delete: only for those allowed to delete anything.
            return super().has_delete_permission(request)
        return can_delete(request.user, obj)

    def revert_disabled(self, request, obj=None):
        """Restoring a deleted record from its history is for those who may delete (managers)."""
        if obj is not None and not self.model._default_manager.filter(pk=obj.pk).exists():
            return not super().has_delete_permission(request)
        return super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            history = self.model.history.filter(pk=version_id, id=object_id).first()
            if history is None or self.revert_disabled(request, history.instance):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if not change and getattr(obj, "created_by_id", None) is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


def unaccent_search(*fields: str) -> list[str]:
    """Admin search fields that ignore Vietnamese diacritics and case."""
    return [f"{field}__unaccent" for field in fields]
