"""Measure one benchmark database: `python -m bench.measure --out result.json` with
DATABASE_URL set (run by `python -m bench`, which sets up the environment).

Requests go through Django's test client, in this process: the whole request (middleware,
session, view, template or serializer) without a network hop. Each figure is the median of
repeated requests after one warm-up request; queries are counted on one more request.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from agreements.models import Agreement, ImplementationActivity  # noqa: E402
from bench import sql, xlsx_import  # noqa: E402
from delegations.models import Delegation, Event  # noqa: E402
from partners.models import PartnerLocality  # noqa: E402

UNCACHED = override_settings(STATS_CACHE_SECONDS=0)


def timed(function, repeat: int, budget: float) -> dict:
    """Median and minimum of up to `repeat` runs (at least 3; fewer than `repeat` when the
    runs would take longer than `budget` seconds), after one warm-up run."""
    started = time.perf_counter()
    function()
    first = time.perf_counter() - started
    runs = max(3, min(repeat, int(budget / max(first, 1e-6))))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return {
        "median_ms": round(statistics.median(times) * 1000, 2),
        "min_ms": round(min(times) * 1000, 2),
        "runs": runs,
    }


class Bench:
    def __init__(self, repeat: int, budget: float):
        self.repeat, self.budget = repeat, budget
        user, _ = get_user_model().objects.get_or_create(
            username="bench", defaults={"is_staff": True, "is_superuser": True}
        )
        self.client = Client()
        self.client.force_login(user)
        self.rows: list[dict] = []

    def get(self, url: str) -> None:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:  # an export: read the whole file, as a download would
            for _piece in response.streaming_content:
                pass

    def request(self, group: str, name: str, url: str, *, uncached: bool = False) -> dict:
        def run():
            self.get(url)

        if uncached:
            with UNCACHED:
                row = self._measure(group, name, url, run)
        else:
            row = self._measure(group, name, url, run)
        row["cache"] = "off" if uncached else "on"
        return row

    def sql(self, group: str, name: str, function) -> dict:
        def run():
            with connection.cursor() as cursor:
                function(cursor)

        return self._measure(group, name, "(hand-written SQL)", run)

    def _measure(self, group, name, url, run) -> dict:
        row = {"group": group, "name": name, "url": url, **timed(run, self.repeat, self.budget)}
        with CaptureQueriesContext(connection) as queries:
            run()
        row["queries"] = len(queries.captured_queries)
        self.rows.append(row)
        return row


def sizes() -> dict:
    return {
        model._meta.label: model.objects.count()
        for model in (Delegation, Event, Agreement, ImplementationActivity, PartnerLocality)
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--budget", type=float, default=4.0, help="seconds per measurement")
    parser.add_argument("--import-rows", type=int, default=0)
    args = parser.parse_args()
    result = {"sizes": sizes(), "rows": []}
    if args.import_rows:
        result["xlsx_import"] = xlsx_import.measure(args.import_rows, args.out.parent / "files")
        args.out.write_text(json.dumps(result, indent=1, default=str))
        return

    today = timezone.localdate()
    year = today.year - 1  # the last whole year
    bench = Bench(args.repeat, args.budget)
    cache.clear()
    with override_settings(ROOT_URLCONF="bench.urls"):
        # 1-2. Statistics: the app uncached, from the cache, and the hand-written SQL floor.
        dashboard = f"/dashboard/?year={year}"
        yearly = "/api/v1/stats/yearly/"
        app_dashboard = bench.request("stats", "dashboard (one year)", dashboard, uncached=True)
        bench.request("stats", "dashboard (one year)", dashboard)
        app_yearly = bench.request("stats", "stats/yearly (all years)", yearly, uncached=True)
        bench.request("stats", "stats/yearly (all years)", yearly)
        floor_dashboard = bench.sql(
            "stats", "dashboard figures", lambda c: sql.dashboard(c, year, today)
        )
        floor_yearly = bench.sql("stats", "stats/yearly figures", sql.stats_yearly)
        floor_dashboard["ratio"] = round(
            app_dashboard["median_ms"] / floor_dashboard["median_ms"], 2
        )
        floor_yearly["ratio"] = round(app_yearly["median_ms"] / floor_yearly["median_ms"], 2)

        # 3. The API list against the bare `.values()` view, with and without filters.
        filters = f"year={year}&direction=incoming&status=completed"
        for size in (50, 500):
            for query in ("", filters):
                suffix = f"page_size={size}" + (f"&{query}" if query else "")
                label = f"page_size={size}" + (" filtered" if query else "")
                api = bench.request("api", f"delegations {label}", f"/api/v1/delegations/?{suffix}")
                bare = bench.request(
                    "api", f"bare .values() {label}", f"/bench/bare/delegations/?{suffix}"
                )
                api["ratio"] = round(api["median_ms"] / bare["median_ms"], 2)
            bench.request(
                "api",
                f"delegations page_size={size} (count not cached)",
                f"/api/v1/delegations/?page_size={size}",
                uncached=True,
            )

        # 4. A year's incoming delegations exported to Excel (streamed), against the same
        # rows written by psycopg2 + openpyxl.
        export = bench.request(
            "export",
            "delegations xlsx (a year, incoming)",
            f"/api/v1/delegations/?format=xlsx&year={year}&direction=incoming",
        )
        floor_export = bench.sql(
            "export", "psycopg2 + openpyxl", lambda c: sql.export_delegations_xlsx(c, year)
        )
        export["ratio"] = round(export["median_ms"] / floor_export["median_ms"], 2)

        # 5. Admin changelists: first page, and filtered by year.
        for name, url in [
            ("delegations", "/admin/delegations/delegation/"),
            ("delegations ?year=", f"/admin/delegations/delegation/?year={year}"),
            ("agreements", "/admin/agreements/agreement/"),
            ("agreements ?signed_in=", f"/admin/agreements/agreement/?signed_in={year}"),
        ]:
            bench.request("admin", name, url)

    result["rows"] = bench.rows
    result["year"] = year
    result["cache_backend"] = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    args.out.write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
