"""The admin's export page sends its file as it is written (`DomainAdmin`).

import-export builds the whole file in memory (a tablib dataset, then the file's bytes) before
sending it; here the records are read a chunk at a time and the file is sent in pieces, so
memory stays bounded whatever the number of records: CSV a few hundred rows at a time, XLSX
written row by row to a temporary file, then sent from it.
"""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from import_export.formats.base_formats import CSV
from import_export.signals import post_export

from foreignaffairs.core.spreadsheets.formats import XLSX, csv_pieces


class StreamingExportMixin:
    def _do_file_export(self, file_format, request, queryset, export_form=None):
        if not self.has_export_permission(request):
            raise PermissionDenied
        resource_class = self.choose_export_resource_class(export_form, request)
        resource = resource_class(
            **self.get_export_resource_kwargs(request, export_form=export_form)
        )
        fields = self.get_export_resource_fields_from_form(export_form)
        headers = resource.get_export_headers(selected_fields=fields)
        rows = resource.export_rows(
            queryset,
            export_fields=fields,
            export_form=export_form,
            force_native_type=file_format.is_binary(),  # dates as date cells in Excel
        )
        if isinstance(file_format, XLSX):
            pieces = file_format.stream(resource.sheet_title(), headers, rows)
        elif isinstance(file_format, CSV):
            pieces = csv_pieces(headers, rows, self.to_encoding)
        else:
            raise ValueError(f"No streamed export for {file_format!r}")  # see DomainAdmin.formats
        response = StreamingHttpResponse(pieces, content_type=file_format.get_content_type())
        filename = self.get_export_filename(request, queryset, file_format)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        post_export.send(sender=None, model=self.model)
        return response
