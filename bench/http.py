"""Measure one benchmark database over HTTP: `python -m bench.http --out result.json` with
DATABASE_URL set (run by `python -m bench`, which sets up the environment).

Two gunicorn servers on loopback, configured by gunicorn.conf.py as deployed (2 sync workers
each): the app on BENCH_HTTP_PORT (8018), and the floor, bench.bare_wsgi (psycopg2 + json, the
API page's 50 rows and fields), on the next port. For each request: its median time alone
(one request at a time for a few seconds, after a warm-up), then a fixed-duration load with
several connections at once (BENCH_HTTP_CONNECTIONS, 4; BENCH_HTTP_SECONDS, 5): requests per
second, median and 95th percentile. Clients are separate processes (no shared GIL).
"""

import argparse
import http.client
import json
import multiprocessing
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from delegations.models import Delegation  # noqa: E402
from foreignaffairs.api.models import ApiClient  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_HTTP_PORT", "8018"))
CONNECTIONS = int(os.environ.get("BENCH_HTTP_CONNECTIONS", "4"))
LOAD_SECONDS = float(os.environ.get("BENCH_HTTP_SECONDS", "5"))
ALONE_SECONDS = 3.0


def get(port: int, path: str, headers: dict) -> float:
    """One request on a new connection (gunicorn's sync workers close it after the answer);
    its time in seconds."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status} {response.getheader('Location')}")
    return time.perf_counter() - started


def page(port: int, path: str, headers: dict) -> str:
    """A page's HTML without its CSRF tokens (different in each answer)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    html = connection.getresponse().read().decode()
    connection.close()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def until_changed(port: int, path: str, headers: dict, before: str) -> float:
    """How long until the page differs from `before` (30 s at most), in seconds."""
    started = time.perf_counter()
    while page(port, path, headers) == before and time.perf_counter() - started < 30:
        time.sleep(0.05)
    return time.perf_counter() - started


def alone(port: int, path: str, headers: dict) -> dict:
    get(port, path, headers)
    get(port, path, headers)
    times, until = [], time.perf_counter() + ALONE_SECONDS
    while time.perf_counter() < until or len(times) < 5:
        times.append(get(port, path, headers))
    return {"median_ms": round(statistics.median(times) * 1000, 2), "runs": len(times)}


def _client(args) -> list[float]:
    port, path, headers, seconds = args
    times, until = [], time.perf_counter() + seconds
    while time.perf_counter() < until:
        times.append(get(port, path, headers))
    return times


def loaded(port: int, path: str, headers: dict) -> dict:
    with multiprocessing.get_context("fork").Pool(CONNECTIONS) as pool:
        started = time.perf_counter()
        results = pool.map(_client, [(port, path, headers, LOAD_SECONDS)] * CONNECTIONS)
        elapsed = time.perf_counter() - started
    times = sorted(t for result in results for t in result)
    return {
        "connections": CONNECTIONS,
        "requests": len(times),
        "per_second": round(len(times) / elapsed, 1),
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 2),
    }


def at_once(port: int, path: str, headers: dict) -> dict:
    """CONNECTIONS identical requests sent together: the slowest one's time."""
    with multiprocessing.get_context("fork").Pool(CONNECTIONS) as pool:
        times = pool.map(_one, [(port, path, headers)] * CONNECTIONS)
    return {
        "slowest_ms": round(max(times) * 1000, 2),
        "median_ms": round(statistics.median(times) * 1000, 2),
    }


def _one(args) -> float:
    return get(*args)


def serve(app: str, port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"{HOST}:{port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": "",
            "PYTHONPATH": str(ROOT),  # this checkout, not an installed copy
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    until = time.monotonic() + 60
    while time.monotonic() < until:
        if process.poll() is not None:  # e.g. the port is taken: never measure another server
            raise RuntimeError(f"{app} exited (is port {port} free?)")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/healthz" if app.startswith("foreignaffairs") else "/")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{app} did not start on port {port}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def credentials() -> tuple[dict, dict]:
    """A department key for the API, a staff session for the admin and the dashboard."""
    _client, key = ApiClient.issue(f"bench-http-{uuid.uuid4().hex[:6]}", contact="bench")
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (
        {"Authorization": f"Token {key}"},
        {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    year = timezone.localdate().year - 1
    token, session = credentials()
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": HOST, "API_THROTTLE_RATE": "100000000/hour"}
    cache.clear()
    app = serve("foreignaffairs.wsgi", PORT, env)
    try:
        bare = serve("bench.bare_wsgi:application", PORT + 1, env)
    except RuntimeError:
        stop(app)
        raise
    rows = []
    try:
        requests = [
            ("API list, page of 50", PORT, "/api/v1/delegations/", token),
            ("bare psycopg2 + JSON view, 50 rows", PORT + 1, "/", {}),
            ("admin first page", PORT, "/admin/delegations/delegation/", session),
            (
                'admin search "ho chi minh"',
                PORT,
                "/admin/delegations/delegation/?q=ho+chi+minh",
                session,
            ),
            (
                "admin search, no match",
                PORT,
                "/admin/delegations/delegation/?q=khong+tim+thay+xyzw",
                session,
            ),
            ("dashboard (one year, cached)", PORT, f"/dashboard/?year={year}", session),
        ]
        for name, port, path, headers in requests:
            if headers is session:
                headers = credentials()[1]  # a fresh session for each page
            try:
                row = {"name": name, "path": path, "alone": alone(port, path, headers)}
                row["load"] = loaded(port, path, headers)
            except RuntimeError as error:  # e.g. the staff session redirected to the login
                row = {"name": name, "path": path, "error": str(error)}
            rows.append(row)
        # The first dashboards after a write: CONNECTIONS of them at once, three times (the
        # write must reach the servers' cache: a shared one, REDIS_URL), then how long until
        # the page shows the write (the others see the previous figures until it is
        # recomputed). The write is what staff do: a completed visit of the year saved as
        # cancelled, or back (one fewer or one more in the year's figures).
        dashboard = f"/dashboard/?year={year}"
        visit = (
            Delegation.objects.filter(start_date__year=year, status="completed")
            .order_by("pk")
            .first()
        )
        after_write = []
        for round_ in range(3 if settings.REDIS_URL and visit else 0):
            try:
                get(PORT, dashboard, session)
            except RuntimeError:
                break
            before = page(PORT, dashboard, session)
            visit.status = "cancelled" if round_ % 2 == 0 else "completed"
            visit.save()
            run = at_once(PORT, dashboard, session)
            run["new_figures_after_ms"] = round(
                until_changed(PORT, dashboard, session, before) * 1000, 1
            )
            after_write.append(run)
        if visit and visit.status != "completed":
            visit.status = "completed"
            visit.save()
        rows.append(
            {
                "name": f"first dashboards after a write ({CONNECTIONS} at once)",
                "path": dashboard,
                "after_write": after_write,
            }
        )
    finally:
        stop(app)
        stop(bare)
    args.out.write_text(json.dumps({"rows": rows, "year": year}, indent=1))


if __name__ == "__main__":
    main()
