"""What the four record endpoints share: access, exports, writes, schema summaries."""

from collections.abc import Iterator

from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings

from foreignaffairs.core import stats_cache
from foreignaffairs.core.rest.compiled_rows import compiled_rows
from foreignaffairs.core.rest.permissions import DepartmentReadStaffWrite, ModelPermissions
from foreignaffairs.core.rest.renderers import (
    EXPORT_FORMATS,
    HEADER_CHOICES,
    CSVRenderer,
    XLSXRenderer,
)
from foreignaffairs.core.spreadsheets.large_files import chunks

EXPORT_PARAMETERS = [
    OpenApiParameter(
        "format",
        str,
        enum=["json", *EXPORT_FORMATS],
        description=_(
            "`csv` (UTF-8 có BOM, mở được bằng Excel) hoặc `xlsx`: tải về MỌI bản ghi khớp "
            "bộ lọc, không phân trang, cùng các cột như JSON."
        ),
    ),
    OpenApiParameter(
        "headers",
        str,
        enum=list(HEADER_CHOICES),
        description=_(
            "Tệp xuất cho chương trình hay cho người đọc: `code` (mặc định: tên trường và mã "
            "như JSON) hoặc `vi` (tên trường, nhãn giá trị, tên quốc gia, Có/Không bằng tiếng "
            "Việt)."
        ),
    ),
]


ID_PARAMETER = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description=_("Id của bản ghi (số nguyên).")
)


def document_records(singular, plural):
    """The OpenAPI summaries of a record endpoint, e.g. ("đoàn", "đoàn vào, đoàn ra")."""
    return extend_schema_view(
        list=extend_schema(
            summary=format_lazy(_("Danh sách {}"), plural),
            description=_(
                "Phân trang `{count, next, previous, results}` (`page`, `page_size` tối đa "
                "500); `?format=csv` hoặc `?format=xlsx` tải về mọi bản ghi khớp bộ lọc."
            ),
            parameters=EXPORT_PARAMETERS,
        ),
        retrieve=extend_schema(
            summary=format_lazy(_("Một {} theo id"), singular),
            description=_("Cùng các trường như một dòng của danh sách."),
            parameters=[ID_PARAMETER],
        ),
        create=extend_schema(
            summary=format_lazy(_("Thêm {}"), singular),
            description=_("Chỉ cán bộ có quyền thêm; kiểm tra như trang quản trị."),
        ),
        update=extend_schema(
            summary=format_lazy(_("Sửa {} (toàn bộ)"), singular),
            description=_("Chỉ cán bộ có quyền sửa; kiểm tra như trang quản trị."),
            parameters=[ID_PARAMETER],
        ),
        partial_update=extend_schema(
            summary=format_lazy(_("Sửa {} (một phần)"), singular),
            description=_("Chỉ cán bộ có quyền sửa; kiểm tra như trang quản trị."),
            parameters=[ID_PARAMETER],
        ),
    )


class RecordViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """List, detail, create and update. No delete through the API: records are removed in
    the admin, which keeps their history."""

    permission_classes = [DepartmentReadStaffWrite, ModelPermissions]
    # Ids are integers: `/delegations/abc/` is no address (a JSON 404, core.views.not_found).
    lookup_value_regex = "[0-9]+"
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer, XLSXRenderer]
    # Exports read the records in chunks of this size (bounded memory, one query per chunk
    # and per prefetched relation).
    export_chunk_size = 500

    def is_export(self) -> bool:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format in EXPORT_FORMATS

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Checked on every request, as the schema says (an empty value means the default).
        if (request.query_params.get("headers") or "code") not in HEADER_CHOICES:
            raise ValidationError(
                {"headers": [_("Chọn `code` hoặc `vi` cho dòng tiêu đề của tệp xuất.")]}
            )

    def list(self, request, *args, **kwargs):
        if not self.is_export():
            return self.list_page(request, *args, **kwargs)
        # Every matching record, not one page, streamed: the rows are read a chunk at a time
        # while the file is written and sent.
        queryset = self.filter_queryset(self.get_queryset())
        return request.accepted_renderer.streaming_response(
            self, request, self.export_rows(queryset)
        )

    def export_rows(self, queryset) -> Iterator[dict]:
        """Every record of `queryset` as the JSON gives it: from plain rows when the serializer
        reads them (`row_columns`), else through the serializer, a chunk at a time."""
        serializer_class = self.get_serializer_class()
        if serializer_class.row_columns:
            rows = serializer_class.rows(queryset.prefetch_related(None))
            for chunk in chunks(rows.iterator(self.export_chunk_size), self.export_chunk_size):
                yield from serializer_class.represent_rows(chunk)
            return
        serializer = self.get_serializer()
        for record in queryset.iterator(chunk_size=self.export_chunk_size):
            yield serializer.to_representation(record)

    def list_page(self, request, *args, **kwargs):
        """One page of JSON; as plain rows when the serializer can read them (`row_columns`),
        from the list's query compiled once (`compiled_rows`)."""
        serializer_class = self.get_serializer_class()
        if not serializer_class.row_columns or self.paginator is None:
            return super().list(request, *args, **kwargs)
        queryset = self.get_queryset()  # always: it may bring stored figures up to date
        key = (self.paginator.list_key(request), translation.get_language())
        rows = compiled_rows(
            key,
            lambda: serializer_class.rows(self.filter_queryset(queryset).prefetch_related(None)),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializer_class.represent_rows(page))

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are answered in JSON, even to `?format=csv`: a spreadsheet of error messages
        # would hide the error from a department's script.
        if response.status_code >= 400 and self.is_export():
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user)
        stats_cache.data_changed()  # many-to-many links are set after the record's save()
        self.reload(serializer)

    def perform_update(self, serializer):
        serializer.save()
        stats_cache.data_changed()
        self.reload(serializer)

    def reload(self, serializer):
        """Read the saved record back through the list's queryset, so that the answer has the
        computed fields (last exchange, dormant, effective status) too."""
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)
