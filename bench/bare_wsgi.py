"""The floor of the HTTP benchmark: a WSGI app with nothing but psycopg2 and json, answering
`GET /` with the 50 newest delegations and the fields of the API's page (pillars aggregated
in the query, the country name from a dict), served by gunicorn like the app:

    DATABASE_URL=postgres://... gunicorn -c gunicorn.conf.py bench.bare_wsgi:application

Django is loaded once at start, only to look up the country names in Vietnamese as the API
does; requests go through no Django: no middleware, authentication, throttle, count,
pagination links or serializer.
"""

import json
import os

import django
import psycopg2
from django.utils import translation

django.setup()

from foreignaffairs.core.country_names import country_names  # noqa: E402

HIGH_LEVELS = (
    "head_of_state",
    "vice_head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "parliament_leader",
    "royalty",
)
COLUMNS = [
    "id",
    "title",
    "direction",
    "level",
    "country",
    "partner",
    "organization",
    "head_name",
    "head_title",
    "member_count",
    "start_date",
    "end_date",
    "status",
    "host_role",
    "purpose",
    "pillars",
    "origin",
]
PAGE = """
    SELECT d.id, d.title, d.direction, d.level, d.country, d.partner_id, d.organization,
           d.head_name, d.head_title, d.member_count, d.start_date::text, d.end_date::text,
           d.status, d.host_role, d.purpose,
           ARRAY(SELECT p.pillar_id FROM delegations_delegation_pillars p
                 JOIN delegations_pillar pi ON pi.code = p.pillar_id
                 WHERE p.delegation_id = d.id ORDER BY pi."order", pi.code),
           d.origin
    FROM delegations_delegation d
    ORDER BY d.start_date DESC, d.id DESC
    LIMIT %s
"""
with translation.override("vi"):
    NAMES = dict(country_names())
_connection = None


def connection():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg2.connect(os.environ["DATABASE_URL"])
        _connection.autocommit = True
    return _connection


def application(environ, start_response):
    with connection().cursor() as cursor:
        cursor.execute(PAGE, [50])
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(COLUMNS, values, strict=True))
            row["high_level"] = row["level"] in HIGH_LEVELS
            row["country_name"] = NAMES.get(row["country"], "")
            rows.append(row)
    body = json.dumps({"results": rows}, ensure_ascii=False, separators=(",", ":")).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
