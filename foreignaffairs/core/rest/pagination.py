"""Pagination of the API lists: `{count, next, previous, results}`, `?page=` and `?page_size=`.

In its own module because REST_FRAMEWORK settings name it, and DRF imports it while building
its generic views (a module importing the viewsets would be circular).
"""

import hashlib
from functools import cached_property, partial

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from foreignaffairs.core import stats_cache


class CachedCountPaginator(Paginator):
    """The exact count, computed once per list query and data version (see `stats_cache`).

    At a million delegations the COUNT(*) behind `count` costs more than reading a page, and
    a department's script paging through a list asks the same count on every page.
    `count_key` names the query (`Pagination.count_key`).
    """

    def __init__(self, object_list, per_page, *, count_key: str, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return stats_cache.cached("count", self.count_key, compute=self.object_list.count)


class Pagination(PageNumberPagination):
    django_paginator_class = Paginator
    # The count is cached (CachedCountPaginator) unless a subclass says otherwise.
    cache_count = True
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    page_query_description = _("Số trang, bắt đầu từ 1.")
    page_size_query_description = _("Số bản ghi mỗi trang: mặc định 50, tối đa 500.")
    # Query parameters that change the page or the file, not which records the list holds.
    NOT_FILTERS = ("page", "page_size", "format", "headers")

    def paginate_queryset(self, queryset, request, view=None):
        if self.cache_count:
            self.django_paginator_class = partial(
                CachedCountPaginator, count_key=self.count_key(request)
            )
        return super().paginate_queryset(queryset, request, view)

    @classmethod
    def list_key(cls, request) -> str:
        """What decides the records of a list: its address, its filters, and today (a filter
        such as "gone quiet" depends on the day). Read from the request rather than from the
        query's SQL, which would cost compiling the query on every page."""
        filters = sorted(
            (name, sorted(values))
            for name, values in request.query_params.lists()
            if name not in cls.NOT_FILTERS
        )
        return f"{request.path} {filters!r} {timezone.localdate().isoformat()}"

    def count_key(self, request) -> str:
        return hashlib.sha256(self.list_key(request).encode()).hexdigest()

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
