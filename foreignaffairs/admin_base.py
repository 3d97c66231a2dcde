"""What every admin page for the department's records shares."""

from simple_history.admin import SimpleHistoryAdmin


class DomainAdmin(SimpleHistoryAdmin):
    """Base admin for the domain records: history (who changed what, when) and authorship.

    Search fields should use the `__unaccent` lookup (e.g. "title__unaccent") so that staff
    typing "da nang" find "Đà Nẵng" on PostgreSQL and SQLite alike.
    """

    list_per_page = 50
    show_full_result_count = False  # no second COUNT(*) over the whole table on each page

    def save_model(self, request, obj, form, change):
        if not change and getattr(obj, "created_by_id", None) is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


def unaccent_search(*fields: str) -> list[str]:
    """Admin search fields that ignore Vietnamese diacritics and case."""
    return [f"{field}__unaccent" for field in fields]
