"""The floor for `GET /api/v1/delegations/`: the same rows, filters and order, straight from
`.values()` into JSON, with no authentication, serializer, count or pagination links."""

from django.http import JsonResponse

from delegations.models import Delegation

# The API's plain columns (its computed ones, `high_level`, `country_name` and `pillars`, are
# left out: they are what the API adds).
FIELDS = [
    "id",
    "title",
    "direction",
    "level",
    "country",
    "partner_id",
    "organization",
    "head_name",
    "head_title",
    "member_count",
    "start_date",
    "end_date",
    "status",
    "host_role",
    "purpose",
]


def bare_delegations(request):
    rows = Delegation.objects.order_by("-start_date", "-id")
    if year := request.GET.get("year"):
        rows = rows.started_in_years(int(year), int(year))
    for field in ("direction", "status"):
        if value := request.GET.get(field):
            rows = rows.filter(**{field: value})
    size = int(request.GET.get("page_size", 50))
    return JsonResponse({"results": list(rows.values(*FIELDS)[:size])})
