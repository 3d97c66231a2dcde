"""Checks on uploaded documents: a real PDF (by content, not only by name), at most 20 MB."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def validate_pdf(file):
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size).1f MB); tối đa 20 MB."),
            params={"size": file.size / 1024 / 1024},
            code="file_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    header = file.read(5)
    file.seek(position)
    if header != b"%PDF-":
        raise ValidationError(
            _("Tệp không phải là PDF (nội dung tệp không có phần đầu của tệp PDF)."), code="not_pdf"
        )
