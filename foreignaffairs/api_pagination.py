"""Pagination of the API lists: `{count, next, previous, results}`, `?page=` and `?page_size=`.

In its own module because REST_FRAMEWORK settings name it, and DRF imports it while building
its generic views (a module importing the viewsets would be circular).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    page_query_description = _("Số trang, bắt đầu từ 1.")
    page_size_query_description = _("Số bản ghi mỗi trang: mặc định 50, tối đa 500.")
