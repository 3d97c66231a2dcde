"""The floor: the figures of the dashboard and of `/api/v1/stats/yearly/` by hand-written SQL,
one aggregate query per figure (and per breakdown and attention list), run on a bare cursor.

Each function returns the rows, so that a test or a reader can compare them with the app's.
"""

import datetime

from delegations.models import HIGH_LEVELS

HIGH = tuple(str(level) for level in HIGH_LEVELS)

DATA_YEARS = [
    "SELECT min(start_date), max(start_date) FROM delegations_delegation"
    " WHERE status = 'completed'",
    "SELECT min(signed_on), max(signed_on) FROM agreements_agreement"
    " WHERE status <> 'negotiating' AND signed_on IS NOT NULL",
    "SELECT min(established_on), max(established_on) FROM partners_partnerlocality",
]

# One per figure, each grouped by year over [%(start)s, %(stop)s).
FIGURES = {
    "incoming_delegations": """
        SELECT date_part('year', start_date)::int, count(*) FROM delegations_delegation
        WHERE direction = 'incoming' AND status = 'completed'
          AND start_date >= %(start)s AND start_date < %(stop)s GROUP BY 1""",
    "high_level_delegations": """
        SELECT date_part('year', start_date)::int, count(*) FROM delegations_delegation
        WHERE direction = 'incoming' AND status = 'completed' AND level IN %(high)s
          AND start_date >= %(start)s AND start_date < %(stop)s GROUP BY 1""",
    "outgoing_delegations": """
        SELECT date_part('year', start_date)::int, count(*) FROM delegations_delegation
        WHERE direction = 'outgoing' AND status = 'completed'
          AND start_date >= %(start)s AND start_date < %(stop)s GROUP BY 1""",
    "hosted_events": """
        SELECT date_part('year', start_date)::int, count(*) FROM delegations_event
        WHERE status <> 'cancelled' AND role IN ('host', 'co_host')
          AND start_date >= %(start)s AND start_date < %(stop)s GROUP BY 1""",
    "agreements_signed": """
        SELECT date_part('year', signed_on)::int, count(*) FROM agreements_agreement
        WHERE status <> 'negotiating'
          AND signed_on >= %(start)s AND signed_on < %(stop)s GROUP BY 1""",
    "new_relationship_agreements": """
        SELECT date_part('year', signed_on)::int, count(*) FROM agreements_agreement
        WHERE status <> 'negotiating' AND establishes_relationship
          AND signed_on >= %(start)s AND signed_on < %(stop)s GROUP BY 1""",
    "new_partner_localities": """
        SELECT date_part('year', established_on)::int, count(*) FROM partners_partnerlocality
        WHERE established_on >= %(start)s AND established_on < %(stop)s GROUP BY 1""",
}

PUBLISHED = """
    SELECT id, metric, period_start, period_end, value, qualifier, source
    FROM foreignaffairs_reportedfigure
    WHERE scope = 'hcmc' AND period_end >= %(start)s AND period_end < %(stop)s"""

BREAKDOWN_WHERE = """
    FROM delegations_delegation WHERE direction = 'incoming' AND status = 'completed'
      AND start_date >= %(year_start)s AND start_date < %(year_stop)s"""
BREAKDOWNS = {
    "country": f"SELECT country, count(*) {BREAKDOWN_WHERE} GROUP BY 1",
    "level": f"SELECT level, count(*) {BREAKDOWN_WHERE} GROUP BY 1",
    "month": f"SELECT date_part('month', start_date)::int, count(*) {BREAKDOWN_WHERE} GROUP BY 1",
    # The continent is the country's, mapped in Python (as the app's CASE does in SQL).
}

# The first ten of each list, with the size of the whole list (window count).
ATTENTION = {
    "upcoming": """
        SELECT id, title, start_date, count(*) OVER () FROM delegations_delegation
        WHERE status IN ('planned', 'confirmed')
          AND start_date >= %(today)s AND start_date <= %(today)s + 60
        ORDER BY start_date, id LIMIT 10""",
    "needs_update": """
        SELECT id, title, start_date, count(*) OVER () FROM delegations_delegation
        WHERE status IN ('planned', 'confirmed') AND start_date < %(today)s
        ORDER BY start_date, id LIMIT 10""",
    "events_needs_update": """
        SELECT id, title, start_date, count(*) OVER () FROM delegations_event
        WHERE status = 'planned' AND start_date < %(today)s
        ORDER BY start_date, id LIMIT 10""",
    # The two "gone quiet" lists read the last dates stored on the record (kept with the
    # per-day counts, as the app reads them), the agreements' through their partial index.
    "dormant_agreements": """
        SELECT id, title, signed_on, stored_last_activity_on, count(*) OVER ()
        FROM agreements_agreement
        WHERE status = 'in_force' AND signed_on IS NOT NULL
          AND (auto_renew OR expires_on IS NULL OR expires_on >= %(today)s)
          AND COALESCE(stored_last_activity_on, signed_on) < %(agreement_cutoff)s
        ORDER BY stored_last_activity_on NULLS FIRST, signed_on, id LIMIT 10""",
    "expiring_agreements": """
        SELECT id, title, expires_on, count(*) OVER () FROM agreements_agreement
        WHERE status = 'in_force' AND NOT auto_renew
          AND expires_on >= %(today)s AND expires_on <= %(today)s + 180
        ORDER BY expires_on, id LIMIT 10""",
    "dormant_partners": """
        SELECT id, name, stored_last_exchange_on, count(*) OVER ()
        FROM partners_partnerlocality
        WHERE ended_on IS NULL
          AND (stored_last_exchange_on < %(partner_cutoff)s
               OR (stored_last_exchange_on IS NULL AND established_on < %(partner_cutoff)s))
        ORDER BY stored_last_exchange_on NULLS FIRST, established_on, name, id LIMIT 10""",
}


def _years_back(day: datetime.date, years: int = 0, months: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - years * 12 - months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def data_years(cursor) -> tuple[int, int] | None:
    bounds = []
    for sql in DATA_YEARS:
        cursor.execute(sql)
        bounds.append(cursor.fetchone())
    firsts = [first.year for first, _last in bounds if first]
    lasts = [last.year for _first, last in bounds if last]
    return (min(firsts), max(lasts)) if firsts else None


def yearly_figures(cursor, first: int, last: int) -> dict:
    """The eight figures for every year: seven GROUP BY queries and one for the partners at
    each 31 December."""
    span = {"start": datetime.date(first, 1, 1), "stop": datetime.date(last + 1, 1, 1)}
    figures = {}
    for key, sql in FIGURES.items():
        cursor.execute(sql, {**span, "high": HIGH})
        figures[key] = dict(cursor.fetchall())
    year_ends = [datetime.date(year, 12, 31) for year in range(first, last + 1)]
    counts = ", ".join(
        f"count(*) FILTER (WHERE established_on <= %(d{n})s"
        f" AND (ended_on IS NULL OR ended_on > %(d{n})s))"
        for n in range(len(year_ends))
    )
    cursor.execute(
        f"SELECT {counts} FROM partners_partnerlocality",
        {f"d{n}": day for n, day in enumerate(year_ends)},
    )
    figures["partner_localities_total"] = dict(
        zip(range(first, last + 1), cursor.fetchone(), strict=True)
    )
    cursor.execute(PUBLISHED, span)
    figures["published"] = cursor.fetchall()
    return figures


def stats_yearly(cursor) -> dict:
    """What `GET /api/v1/stats/yearly/` returns: every year with data."""
    years = data_years(cursor)
    return yearly_figures(cursor, *years) if years else {}


def dashboard(cursor, year: int, today: datetime.date) -> dict:
    """What the dashboard shows for `year`: the figures of every year with data (trends,
    last year), the year's breakdowns and the six attention lists."""
    years = data_years(cursor)
    first, last = (min(years[0], year - 1), max(years[1], year)) if years else (year - 1, year)
    result = {"figures": yearly_figures(cursor, first, last)}
    span = {"year_start": datetime.date(year, 1, 1), "year_stop": datetime.date(year + 1, 1, 1)}
    for key, sql in BREAKDOWNS.items():
        cursor.execute(sql, span)
        result[key] = cursor.fetchall()
    cutoffs = {
        "today": today,
        "agreement_cutoff": _years_back(today, months=12),
        "partner_cutoff": _years_back(today, years=3),
    }
    for key, sql in ATTENTION.items():
        cursor.execute(sql, cutoffs)
        result[key] = cursor.fetchall()
    return result


EXPORT_DELEGATIONS = """
    SELECT d.id, d.title, d.direction, d.level, d.country, d.partner_id, d.organization,
           d.head_name, d.head_title, d.member_count, d.start_date, d.end_date, d.status,
           d.host_role, d.purpose, d.origin,
           (SELECT string_agg(l.pillar_id, '; ') FROM delegations_delegation_pillars l
             WHERE l.delegation_id = d.id) AS pillars
    FROM delegations_delegation d
    WHERE d.start_date >= %(start)s AND d.start_date < %(stop)s AND d.direction = 'incoming'
    ORDER BY d.start_date DESC, d.id DESC"""


def export_delegations_xlsx(cursor, year: int) -> int:
    """The floor of `/api/v1/delegations/?format=xlsx&year=…&direction=incoming`: the same
    rows read with a server-side cursor and written by openpyxl in write-only mode, dates as
    dd/mm/yyyy date cells, into a temporary file. Returns the file's size."""
    import tempfile

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    cursor.execute(
        EXPORT_DELEGATIONS,
        {"start": datetime.date(year, 1, 1), "stop": datetime.date(year + 1, 1, 1)},
    )
    sheet.append([column.name for column in cursor.description])
    while rows := cursor.fetchmany(500):
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, datetime.date):
                    cell.number_format = "DD/MM/YYYY"
                cells.append(cell)
            sheet.append(cells)
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
        return output.tell()
