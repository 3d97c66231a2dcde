"""`python -m bench` (`make bench`): build the benchmark databases, measure each, print one
table and write it as JSON under bench/results/.

Environment:
  DATABASE_URL   PostgreSQL server and base name (default
                 postgres://postgres@127.0.0.1:5432/foreignaffairs_bench); the sizes go into
                 <name>_10k, <name>_100k and <name>_1m, all copied from <name>_template (migrated,
                 published figures loaded) with CREATE DATABASE ... TEMPLATE.
  BENCH_SIZES    e.g. "10k,100k" (default: all three)
  BENCH_REUSE=1  keep a size's database when it is already seeded (only migrate it)
  BENCH_HTTP=0   skip the measurements over HTTP (bench.http: gunicorn on loopback against a
                 bare psycopg2 + JSON view; BENCH_HTTP_PORT, BENCH_HTTP_CONNECTIONS,
                 BENCH_HTTP_SECONDS)
  REDIS_URL      the cache to measure the cached path with (default: per-process memory; the
                 HTTP measurements need it to measure the first dashboards after a write)
"""

import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/foreignaffairs_bench"
# Label, seed_demo --scale: about 10,000, 100,000 and 1,000,000 delegations.
SIZES = [("10k", 5), ("100k", 46), ("1m", 460)]
IMPORT_ROWS = 10_000


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def server(url: str):
    connection = psycopg2.connect(with_database(url, "postgres"))
    connection.autocommit = True
    return connection


def django_env(url: str, **extra) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-not-a-secret"),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_STATS_CACHE_SECONDS": "3600",
        "DJANGO_SETTINGS_MODULE": "foreignaffairs.settings",
    }
    env.update(extra)
    return env


def manage(url: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "--verbosity", "0"],
        cwd=ROOT,
        env=django_env(url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def seeded(url: str) -> bool:
    try:
        with psycopg2.connect(url) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM delegations_delegation)")
            return cursor.fetchone()[0]
    except psycopg2.Error:
        return False


def build(url: str, sizes, reuse: bool) -> dict[str, float]:
    """Every size's database, seeded and vacuumed; returns the seconds each build took."""
    base = urlsplit(url).path.lstrip("/")
    template = f"{base}_template"
    admin = server(url)
    cursor = admin.cursor()
    timings = {}
    todo = [
        (label, scale)
        for label, scale in sizes
        if not (reuse and seeded(with_database(url, f"{base}_{label}")))
    ]
    if todo:
        started = time.perf_counter()
        log(f"template {template}: migrate, load the published figures")
        cursor.execute(f'DROP DATABASE IF EXISTS "{template}"')
        cursor.execute(f'CREATE DATABASE "{template}"')
        template_url = with_database(url, template)
        manage(template_url, "migrate", "--noinput")
        fixtures = sorted(str(path) for path in (ROOT / "fixtures").glob("*.json"))
        manage(template_url, "loaddata", *fixtures)
        timings["template"] = round(time.perf_counter() - started, 1)
    for label, scale in sizes:
        name = f"{base}_{label}"
        size_url = with_database(url, name)
        started = time.perf_counter()
        if (label, scale) in todo:
            log(f"{name}: copy the template, seed_demo --scale {scale}")
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            manage(size_url, "seed_demo", "--scale", str(scale), "--force")
        else:
            log(f"{name}: already seeded, migrate only")
            manage(size_url, "migrate", "--noinput")
        manage(size_url, "recount")  # what the first read after a migration would do
        # What autovacuum does after a bulk load: statistics and the visibility map (without
        # it PostgreSQL cannot count from an index alone).
        connection = psycopg2.connect(size_url)
        connection.autocommit = True
        connection.cursor().execute("VACUUM (ANALYZE)")
        connection.close()
        timings[label] = round(time.perf_counter() - started, 1)
    admin.close()
    return timings


def measure(url: str, out: Path, *args: str, module: str = "bench.measure") -> dict:
    subprocess.run(
        [sys.executable, "-m", module, "--out", str(out), *args],
        cwd=ROOT,
        env=django_env(url),
        check=True,
    )
    return json.loads(out.read_text())


def versions(url: str) -> dict:
    import django

    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "machine": f"{platform.node()}: {cpu}, {os.cpu_count()} cores",
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
        "git": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
    }


# The table ----------------------------------------------------------------------------------


def table(results: dict) -> str:
    labels = list(results["sizes"])
    by_size = {
        label: {(r["group"], r["name"], r.get("cache")): r for r in results["sizes"][label]["rows"]}
        for label in labels
    }
    keys = list(by_size[labels[-1]])
    width = max(len(f"{group} {name} [{cache}]") for group, name, cache in keys) + 2
    lines = []
    header = f"{'measurement':<{width}}" + "".join(f"{label:>24}" for label in labels)
    lines.append(header)
    lines.append(f"{'':<{width}}" + "".join(f"{'median ms  q  ratio':>24}" for _ in labels))
    lines.append("-" * len(header))
    group_before = None
    for key in keys:
        group, name, cache = key
        if group != group_before and group_before is not None:
            lines.append("")
        group_before = group
        title = f"{group} {name}" + (f" [cache {cache}]" if cache else "")
        cells = []
        for label in labels:
            row = by_size[label].get(key)
            if row is None:
                cells.append(f"{'-':>24}")
                continue
            ratio = f"{row['ratio']:.2f}x" if "ratio" in row else ""
            cells.append(f"{row['median_ms']:>11.1f} {row['queries']:>3} {ratio:>7}  ")
        lines.append(f"{title:<{width}}" + "".join(f"{cell:>24}" for cell in cells))
    lines.append("")
    for label in labels:
        counts = results["sizes"][label]["counts"]
        lines.append(f"{label}: " + ", ".join(f"{model} {n:,}" for model, n in counts.items()))
    if "xlsx_import" in results:
        x = results["xlsx_import"]
        lines.append(
            f"XLSX import of {x['rows']:,} delegations into the {x['into']} database: "
            f"{x['seconds']} s, peak memory {x['peak_rss_mib']} MiB "
            f"(+{x['peak_rss_increase_mib']} MiB for the import), {x['new']:,} new, "
            f"{x['errors']} errors; via {x['via']}"
        )
    if len(labels) >= 2 and "100k" in labels and "1m" in labels:
        for name in ("dashboard (one year)",):
            for cache in ("off", "on"):
                small = by_size["100k"][("stats", name, cache)]["median_ms"]
                large = by_size["1m"][("stats", name, cache)]["median_ms"]
                lines.append(f"growth 100k -> 1m, {name} [cache {cache}]: x{large / small:.2f}")
    return "\n".join(lines)


def http_table(results: dict) -> str:
    """The measurements over HTTP, and the ratios of issue 17's table."""
    labels = [label for label in results["sizes"] if "http" in results["sizes"][label]]
    if not labels:
        return ""
    by_size = {
        label: {row["name"]: row for row in results["sizes"][label]["http"]["rows"]}
        for label in labels
    }
    first = results["sizes"][labels[0]]["http"]["rows"]
    load = first[0]["load"]
    lines = [
        "",
        f"Over HTTP: gunicorn (gunicorn.conf.py, 2 sync workers) on loopback; alone = median "
        f"of requests one at a time; load = {load['connections']} connections for "
        f"{os.environ.get('BENCH_HTTP_SECONDS', '5')} s.",
    ]
    width = max(len(row["name"]) for row in first) + 2
    header = f"{'request':<{width}}" + "".join(
        f"{label + ': alone ms  req/s  p95 ms':>36}" for label in labels
    )
    lines += [header, "-" * len(header)]
    for row in first:
        cells = []
        for label in labels:
            measured = by_size[label][row["name"]]
            if "error" in measured:
                cells.append(f"{'not measured (' + measured['error'][-30:] + ')':>36}")
            elif "after_write" in measured and not measured["after_write"]:
                cells.append(f"{'not measured':>36}")
            elif "after_write" in measured:
                slowest = max(run["slowest_ms"] for run in measured["after_write"])
                cells.append(f"{'slowest ' + format(slowest, '.1f'):>36}")
            else:
                alone, loaded = measured["alone"], measured["load"]
                cells.append(
                    f"{alone['median_ms']:>17.1f} {loaded['per_second']:>7.1f} "
                    f"{loaded['p95_ms']:>8.1f}  "
                )
        lines.append(f"{row['name']:<{width}}" + "".join(cells))
    lines.append("")
    lines.append("Issue 17's targets at each size:")
    for label in labels:
        rows = by_size[label]
        api, bare = rows["API list, page of 50"], rows["bare psycopg2 + JSON view, 50 rows"]
        loadavg = results["sizes"][label]["http"]["load_average"]
        lines.append(
            f"{label} (load average {loadavg[0]:.1f} at the start): API list "
            f"{api['alone']['median_ms'] / bare['alone']['median_ms']:.2f}x the bare view alone, "
            f"{bare['load']['per_second'] / api['load']['per_second']:.2f}x in throughput "
            f"(target <= 2x)"
        )
        for name in ('admin search "ho chi minh"', "admin search, no match", "admin first page"):
            target = 100 if name == "admin first page" else 200
            if "error" in rows[name]:
                lines.append(f"  {name}: not measured over HTTP ({rows[name]['error']})")
                continue
            lines.append(
                f"  {name}: {rows[name]['alone']['median_ms']:.1f} ms alone, p95 "
                f"{rows[name]['load']['p95_ms']:.1f} ms under load (target < {target} ms)"
            )
        after = next((row for key, row in rows.items() if key.startswith("first dashboards")), None)
        if after and after["after_write"]:
            slowest = max(run["slowest_ms"] for run in after["after_write"])
            lines.append(
                f"  first dashboards after a write: slowest {slowest:.1f} ms (target < 100 ms)"
            )
            fresh = [run.get("new_figures_after_ms") for run in after["after_write"]]
            if None not in fresh:
                lines.append(
                    "  the write shown to the others after: "
                    + ", ".join(f"{ms:.0f} ms" for ms in fresh)
                )
    if "100k" in labels and "1m" in labels and "alone" in by_size["1m"]["admin first page"]:
        small = by_size["100k"]["admin first page"]["alone"]["median_ms"]
        large = by_size["1m"]["admin first page"]["alone"]["median_ms"]
        lines.append(
            f"growth 100k -> 1m, admin first page over HTTP: x{large / small:.2f} (target < 1.5)"
        )
    return "\n".join(lines)


def main():
    started = time.perf_counter()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("make bench needs PostgreSQL: set DATABASE_URL=postgres://...")
    wanted = os.environ.get("BENCH_SIZES")
    sizes = [(label, scale) for label, scale in SIZES if not wanted or label in wanted.split(",")]
    reuse = os.environ.get("BENCH_REUSE") == "1"
    base = urlsplit(url).path.lstrip("/")
    RESULTS.mkdir(parents=True, exist_ok=True)
    build_seconds = build(url, sizes, reuse)
    results = {
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "client": "Django test client, in process (no network); medians after one warm-up",
        **versions(with_database(url, f"{base}_{sizes[0][0]}")),
        "build_seconds": build_seconds,
        "sizes": {},
    }
    for label, _scale in sizes:
        log(f"measure {label}")
        size_url = with_database(url, f"{base}_{label}")
        measured = measure(size_url, RESULTS / f"raw-{label}.json")
        results["cache_backend"] = measured["cache_backend"]
        results["year"] = measured["year"]
        results["sizes"][label] = {"counts": measured["sizes"], "rows": measured["rows"]}
        if os.environ.get("BENCH_HTTP") != "0":
            log(f"measure {label} over HTTP")
            load = os.getloadavg()
            over_http = measure(size_url, RESULTS / f"raw-http-{label}.json", module="bench.http")
            results["sizes"][label]["http"] = {**over_http, "load_average": load}
    largest = sizes[-1][0]
    log(f"XLSX import of {IMPORT_ROWS} delegations into {largest}")
    imported = measure(
        with_database(url, f"{base}_{largest}"),
        RESULTS / "raw-import.json",
        "--import-rows",
        str(IMPORT_ROWS),
    )
    results["xlsx_import"] = {**imported["xlsx_import"], "into": largest}
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    text = table(results) + http_table(results)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({**results, "table": text}, indent=1, default=str))
    print(
        f"\n{results['machine']}; Python {results['python']}, Django {results['django']}, "
        f"PostgreSQL {results['postgresql']}; cache {results['cache_backend']}; "
        f"year {results['year']}; commit {results['git']}\n{results['client']}.\n"
    )
    print(text)
    print(f"\nWritten to {out.relative_to(ROOT)}; total {results['total_seconds']} s.")


if __name__ == "__main__":
    main()
