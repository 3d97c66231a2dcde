"""Pagination of the API lists: `{count, next, previous, results}`, `?page=` and `?page_size=`.

In its own module because REST_FRAMEWORK settings name it, and DRF imports it while building
its generic views (a module importing the viewsets would be circular).
"""

import hashlib
from functools import cached_property

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from foreignaffairs.core import stats_cache


class CachedCountPaginator(Paginator):
    """The exact count, computed once per query and data version (see `stats_cache`).

    At a million delegations the COUNT(*) behind `count` costs more than reading a page, and
    a department's script paging through a list asks the same count on every page.
    """

    @cached_property
    def count(self) -> int:
        sql, params = self.object_list.query.sql_with_params()
        query = hashlib.sha256(f"{sql} {params!r}".encode()).hexdigest()
        return stats_cache.cached("count", query, compute=self.object_list.count)


class Pagination(PageNumberPagination):
    django_paginator_class = CachedCountPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    page_query_description = _("Số trang, bắt đầu từ 1.")
    page_size_query_description = _("Số bản ghi mỗi trang: mặc định 50, tối đa 500.")

    def get_page_size(self, request):
        """`page_size` a positive integer (above 500 reads as 500), else a 400: DRF would
        silently fall back to 50 on `page_size=abc`."""
        value = request.query_params.get(self.page_size_query_param, "")
        if value and not (value.isascii() and value.isdigit() and int(value) > 0):
            raise ValidationError(
                {self.page_size_query_param: [_("Cần một số nguyên dương, ví dụ 100.")]}
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters
