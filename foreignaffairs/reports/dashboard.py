"""The leaders' dashboard: the year's figures beside the published ones, trends, breakdowns
and what needs attention (`attention`); the same figures as an Excel file are in `workbook`.

Every count comes from `foreignaffairs.reports.stats`; this module only arranges it. The page runs a
fixed number of queries whatever the number of records (see tests/dashboard).
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from foreignaffairs.core import stats_cache
from foreignaffairs.core.roles import role_required
from foreignaffairs.reports import basis, published, stats
from foreignaffairs.reports.admin_links import admin_change_url, figure_url
from foreignaffairs.reports.attention import attention
from foreignaffairs.reports.comparison import five_years, presets
from foreignaffairs.reports.models import Metric, ReportedFigure
from foreignaffairs.reports.periods import Period
from foreignaffairs.reports.programme import programme_panel
from foreignaffairs.reports.summary import annual_summary

# Year selection ----------------------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Năm"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in reversed(years)]


@dataclass(frozen=True)
class YearSelection:
    year: int
    years: list[int]  # what the selector offers, oldest first
    first_with_data: int | None
    last_with_data: int | None  # clamped to the current year


def select_year(request, today: datetime.date) -> YearSelection:
    """The year asked for, else the latest year with data (never after the current year)."""
    # Like the dashboard, in the background after someone else's write: the years with data
    # seldom change, and their three MIN/MAX queries took half of a request that serves the
    # previous page.
    bounds = stats_cache.cached("data_years", compute=stats.data_years, background=True)
    if bounds is None:
        first = last = None
        years = [today.year]
    else:
        first, last = min(bounds[0], today.year), min(bounds[1], today.year)
        years = list(range(first, today.year + 1))
    asked = YearForm(request.GET, years=years)
    year = asked.cleaned_data["year"] if asked.is_valid() else (last or today.year)
    return YearSelection(year, years, first, last)


# The page ----------------------------------------------------------------------------------


def figure_cards(
    year, figures, previous, reported_rows, *, running=False, no_data=False, origin=None
) -> list[dict]:
    """One card per yearly figure: value, last year's (the same period of last year while
    the year runs), the change, the published figures. A year before the records begin has
    no data: its cards say so and compare nothing. The links open the admin lists of the
    basis's records (`origin`)."""
    cards = []
    previous_label = _("cùng kỳ năm trước") if running else _("năm %(year)s") % {"year": year - 1}
    for figure in stats.FIGURES:
        value = figures[figure.key]
        before = previous[figure.key] if previous is not None and not no_data else None
        cards.append(
            {
                "key": figure.key,
                "label": figure.label_on(origin),
                "value": value,
                "no_data": no_data,
                "url": figure_url(figure.key, year, origin),
                "previous": before,
                "previous_label": previous_label,
                "previous_url": (
                    figure_url(figure.key, year - 1, origin)
                    if before is not None and not running
                    else None
                ),
                "change": stats.change(value, before),
                "reported": [row for row in reported_rows if row["recorded_key"] == figure.key],
            }
        )
    return cards


def covers_year(figure: ReportedFigure, year: int) -> bool:
    """The published figure is for the whole calendar year, or as of its 31 December."""
    return figure.period_end == datetime.date(year, 12, 31) and figure.period_start in (
        None,
        datetime.date(year, 1, 1),
    )


def recorded_url(row: dict, year: int) -> str | None:
    """Link the recorded count beside a published figure when an admin list shows exactly
    those records: a calendar year's count, or the partners as of 31 December."""
    figure: ReportedFigure = row["figure"]
    key = row["recorded_key"]
    if not covers_year(figure, year):
        return None
    if figure.period_start is not None or key == Metric.PARTNER_LOCALITIES_TOTAL:
        return figure_url(key, year)
    return None  # a cumulative total of something counted per year has no admin list


def reported_table(reported_rows, year) -> list[dict]:
    """`published.reported_for_year` rows with their links, and whether they cover the year."""
    return [
        row
        | {
            "url": admin_change_url(row["figure"]),
            "recorded_url": recorded_url(row, year),
            "whole_year": covers_year(row["figure"], year),
        }
        for row in reported_rows
    ]


def _series(by_year: dict, years, key) -> list:
    return [by_year[year][key] for year in years]


def _reported_series(reported_by_year: dict, years, key) -> list:
    return [
        float(reported_by_year[year][key].value) if key in reported_by_year.get(year, {}) else None
        for year in years
    ]


# The country chart shows the countries that sent the most delegations, this many.
TOP_COUNTRIES = 10


def chart(
    key, group, title, category, labels, series, *, wide=False, horizontal=False, numbered=False
) -> dict:
    """One chart as the page draws it (static/js/dashboard.js) and tabulates it
    (dashboard/_charts.html): categories (years, continents, …) and one or more series. The
    `group` is "years" (a figure over the years) or "year" (the selected year broken down).

    A series is {"key": its figure (which sets its colour in every chart), "label", "values",
    "type": "line" or "bar", "axis": "y" or "y2" (a small series on its own right-hand axis),
    "published": True for the published figures, drawn as squares}. A `numbered` chart's axis
    reads 1, 2, … under the category's name (months), its table the full labels."""
    return {
        "key": key,
        "group": group,
        "title": title,
        "category": category,
        "labels": labels,
        "series": series,
        "wide": wide,
        "horizontal": horizontal,
        "numbered": numbered,
    }


def chart_table(spec: dict) -> dict:
    """The table behind a chart (screen readers, copying): a row per category, a column per
    series."""
    return {
        "key": spec["key"],
        "title": spec["title"],
        "wide": spec["wide"],
        "category": spec["category"],
        "headers": [series["label"] for series in spec["series"]],
        "rows": [
            (label, [series["values"][index] for series in spec["series"]])
            for index, label in enumerate(spec["labels"])
        ],
    }


def yearly_series(key, label, by_year, reported_by_year, years, *, kind="line", axis="y"):
    """A figure over the years, followed by its published values when there are any."""
    series = [
        {
            "key": key,
            "label": label,
            "values": _series(by_year, years, key),
            "type": kind,
            "axis": axis,
        }
    ]
    reported = _reported_series(reported_by_year, years, key)
    if any(value is not None for value in reported):
        series.append(
            {
                "key": key,
                "label": f"{label} ({_('công bố')})",
                "values": reported,
                "type": "line",
                "axis": axis,
                "published": True,
            }
        )
    return series


def chart_data(year, by_year, trend_years, reported_by_year, origin=None) -> dict:
    """Every chart on the page (on the basis `origin`), handed to static/js/dashboard.js
    through json_script and shown as tables beside the charts."""
    labels = {figure.key: figure.label_on(origin) for figure in stats.FIGURES}
    # Delegations and agreements are drawn from the first year any of them has a record
    # (partner relationships often go back decades before the first recorded visit).
    activity_keys = (
        Metric.INCOMING_DELEGATIONS,
        Metric.OUTGOING_DELEGATIONS,
        Metric.AGREEMENTS_SIGNED,
    )
    active = [
        y
        for y in trend_years
        if any(by_year[y][key] for key in activity_keys) or reported_by_year.get(y)
    ]
    activity_years = [y for y in trend_years if active and y >= active[0]]

    def yearly(key, years, **options):
        return yearly_series(key, labels[key], by_year, reported_by_year, years, **options)

    year_label = _("Năm")
    charts = [
        chart(
            "incoming",
            "years",
            _("Đoàn vào qua các năm (điểm vuông: số liệu công bố)"),
            year_label,
            activity_years,
            yearly(Metric.INCOMING_DELEGATIONS, activity_years),
            wide=True,
        ),
        # Tens beside hundreds would lie flat at the bottom of the first chart: their own.
        chart(
            "outgoing_agreements",
            "years",
            _("Đoàn ra và văn bản ký kết qua các năm (điểm vuông: số liệu công bố)"),
            year_label,
            activity_years,
            yearly(Metric.OUTGOING_DELEGATIONS, activity_years)
            + yearly(Metric.AGREEMENTS_SIGNED, activity_years),
            wide=True,
        ),
        chart(
            "partners",
            "years",
            _("Địa phương đối tác qua các năm (mới trong năm: trục bên phải)"),
            year_label,
            trend_years,
            yearly(Metric.PARTNER_LOCALITIES_TOTAL, trend_years, kind="bar")
            + yearly(Metric.NEW_PARTNER_LOCALITIES, trend_years, axis="y2"),
            wide=True,
        ),
    ]
    breakdowns = [
        ("continent", _("Đoàn vào năm %(year)s theo châu lục"), _("Châu lục"), {}, True),
        (
            "country",
            _("Đoàn vào năm %(year)s: %(top)s quốc gia nhiều đoàn nhất"),
            _("Quốc gia"),
            {"limit": TOP_COUNTRIES},
            True,
        ),
        ("month", _("Đoàn vào năm %(year)s theo tháng"), _("Tháng"), {}, False),
        ("level", _("Đoàn vào năm %(year)s theo cấp đoàn"), _("Cấp đoàn"), {}, True),
    ]
    for key, title, category, options, horizontal in breakdowns:
        numbered = key == "month"
        rows = stats.breakdown(year, key, origin=origin, **options)
        charts.append(
            chart(
                key,
                "year",
                title % {"year": year, "top": TOP_COUNTRIES},
                category,
                [row["label"] for row in rows],
                [
                    {
                        "key": Metric.INCOMING_DELEGATIONS,
                        "label": labels[Metric.INCOMING_DELEGATIONS],
                        "values": [row["count"] for row in rows],
                        "type": "bar",
                        "axis": "y",
                    }
                ],
                horizontal=horizontal,
                numbered=numbered,
            )
        )
    return {"year": year, "text": {"empty": _("Chưa có số liệu")}, "charts": charts}


def year_report(selection: YearSelection, today: datetime.date, origin=None) -> dict:
    """The selected year's figures on the basis `origin` (None: the merged city), last
    year's, and the published ones (what the page and the Excel file share). The published
    figures are the former city's: they stand beside the cards on its basis and the merged
    city's only (`basis.shows_published`), each with the count of the records it is compared
    with."""
    year = selection.year
    first = min(selection.first_with_data or year, year - 1)
    last = max(selection.last_with_data or year, year)
    by_year = stats.yearly_figures(first, last, origin)
    records_from = stats.first_activity_year(origin)
    no_data = records_from is None or year < records_from
    has_previous = not no_data and year - 1 >= records_from
    running = year == today.year
    figures = by_year[year]
    previous = by_year[year - 1] if has_previous else None
    if running:
        # The year so far beside the same days of last year ("cùng kỳ năm trước").
        so_far = Period(datetime.date(year, 1, 1), today)
        compared = stats.figures_for_periods([so_far, so_far.previous_year()], origin)
        figures = compared[0]
        previous = compared[1] if has_previous else None
    reported = reported_table(published.reported_for_year(year), year)
    return {
        "year": year,
        "origin": origin,
        "by_year": by_year,
        "figures": figures,
        "previous": previous,
        "no_data": no_data,
        "records_from": records_from,
        "reported": reported,
        "reported_beside": reported if basis.shows_published(origin) else [],
        "running": running,
        "summary": annual_summary(
            year,
            figures,
            previous,
            as_of=today if running else None,
            records_from=records_from,
            subject=basis.subject(origin),
        ),
    }


# The parts of the page (templates/dashboard/_<part>.html) that show nothing but what
# `dashboard_context` computes: rendered with it and cached with it, since rendering them took
# most of a cached page's time.
CACHED_PARTS = ("summary", "cards", "reported", "charts", "five_years", "programme", "attention")


def rendered_parts(context: dict) -> dict[str, str]:
    return {part: render_to_string(f"dashboard/_{part}.html", context) for part in CACHED_PARTS}


def dashboard_context(selection: YearSelection, today: datetime.date, origin=None) -> dict:
    """Everything the page shows but the year and basis selector (cached as a whole), with
    the parts of the page it fills already rendered (`parts`)."""
    report = year_report(selection, today, origin)
    year = report["year"]
    trend_years = (
        list(range(selection.first_with_data, selection.last_with_data + 1))
        if selection.first_with_data is not None
        else []
    )
    reported_by_year = (
        published.reported_by_year(trend_years[0], trend_years[-1])
        if trend_years and basis.shows_published(origin)
        else {}
    )
    charts = chart_data(year, report["by_year"], trend_years, reported_by_year, origin)
    context = {
        "year": year,
        "running": report["running"],
        "today": today,
        "summary": report["summary"],
        "cards": figure_cards(
            year,
            report["figures"],
            report["previous"],
            report["reported_beside"],
            running=report["running"],
            no_data=report["no_data"],
            origin=origin,
        ),
        "no_data": report["no_data"],
        "five_years": five_years(year, report["by_year"], report["records_from"], origin),
        "reported": report["reported"],
        "charts": charts,
        # The charts over the years, then the selected year's breakdowns (a page each on paper).
        "chart_groups": [
            {
                "key": group,
                "title": title,
                "tables": [
                    chart_table(spec) for spec in charts["charts"] if spec["group"] == group
                ],
            }
            for group, title in (
                ("years", _("Qua các năm")),
                ("year", _("Đoàn vào năm %(year)s") % {"year": year}),
            )
        ],
        "attention": attention(today),
        "programme": programme_panel(year, today),
    }
    return {**context, "parts": rendered_parts(context)}


@require_GET
@role_required
def dashboard(request):
    today = timezone.localdate()
    chosen = basis.BasisForm(request.GET)
    if not chosen.is_valid():
        return basis.unknown_basis_page(request, chosen)
    origin = chosen.cleaned_data["origin"]
    selection = select_year(request, today)
    # Computed once per year, basis, day (the attention lists look ahead from today) and
    # data version; after someone else's write, in the background while the previous figures
    # are shown for a moment.
    context = stats_cache.cached(
        "dashboard",
        selection.year,
        origin or "",
        today,
        compute=lambda: dashboard_context(selection, today, origin),
        background=True,
    )
    last_shown = max(selection.year, selection.last_with_data or selection.year)
    extra = {
        # Newest first. The selector is written in the template: Django's Select widget
        # renders each option through a template, a quarter of a cached page's time.
        "years_offered": selection.years[::-1],
        "presets": presets(today),
        "period_from": f"{selection.year:04d}-01-01",
        "period_to": f"{selection.year:04d}-12-31",
        **basis.basis_context(origin, offered=basis.offers_choice(last_shown, origin)),
    }
    return render(request, "dashboard/dashboard.html", {**context, **extra})
