"""Periods side by side: the period page (a period picker, the figures beside the same period
of last year, the chosen years side by side, links to the report to send) and the five-year
view of the dashboard. Every count comes from `stats`."""

import datetime

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from foreignaffairs.core import stats_cache
from foreignaffairs.core.roles import role_required
from foreignaffairs.reports import basis, stats
from foreignaffairs.reports.period_report import PeriodForm
from foreignaffairs.reports.periods import Period

# The dashboard's view of several years, and the most years the period page compares.
FIVE_YEARS = 5
MAX_COMPARED = 10


def side_by_side(columns: list[dict], records_from: int | None, origin=None) -> list[dict]:
    """Rows of every figure across `columns` ({"label", "figures", "period"}) on the basis
    `origin`; a column before the records begin reads "chưa có số liệu" (None), never 0."""
    rows = []
    for figure in stats.PERIOD_FIGURES:
        values = []
        for column in columns:
            period = column["period"]
            before_records = records_from is None or period.start.year < records_from
            present = figure.key in column["figures"]
            values.append(None if before_records or not present else column["figures"][figure.key])
        rows.append({"key": figure.key, "label": figure.label_on(origin), "values": values})
    return rows


def five_years(year: int, by_year: dict, records_from: int | None, origin=None) -> dict:
    """The selected year and the four before it, every yearly figure side by side (from the
    yearly figures the dashboard already has: no query)."""
    years = [y for y in range(year - FIVE_YEARS + 1, year + 1) if y in by_year]
    columns = [{"label": str(y), "period": Period.year(y), "figures": by_year[y]} for y in years]
    rows = side_by_side(columns, records_from, origin)
    # Person-trips are not among the yearly figures: the period page has them.
    rows = [row for row in rows if any(key == row["key"] for key in stats.FIGURE_KEYS)]
    return {"years": years, "rows": rows}


class CompareForm(PeriodForm):
    """The period, and the years to set side by side (`years=2015,2016,2017`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["years"] = forms.CharField(
            label=_("So sánh các năm"),
            required=False,
            help_text=_("Các năm cách nhau bằng dấu phẩy, ví dụ 2015, 2016, 2017."),
        )

    def clean_years(self):
        text = self.cleaned_data.get("years", "").strip()
        if not text:
            return []
        try:
            years = sorted(
                {int(part) for part in text.replace(";", ",").split(",") if part.strip()}
            )
        except ValueError:
            raise forms.ValidationError(_("Nhập các năm là số, cách nhau bằng dấu phẩy.")) from None
        if len(years) > MAX_COMPARED:
            raise forms.ValidationError(_("So sánh tối đa %(n)s năm.") % {"n": MAX_COMPARED})
        return years


def period_context(period: Period, years: list[int], today: datetime.date, origin=None) -> dict:
    """The period page's figures on the basis `origin` (None: the merged city)."""
    comparison = stats.period_comparison(period, today=today, origin=origin)
    begin = comparison["records_begin"]
    records_from = begin.year if begin else None
    if not years:
        years = list(range(period.end.year - FIVE_YEARS + 1, period.end.year + 1))
    periods = [comparison["period"].moved(year - period.end.year) for year in years]
    figures = stats.figures_for_periods(periods, origin)
    columns = [
        {"label": str(year), "period": moved, "figures": values}
        for year, moved, values in zip(years, periods, figures, strict=True)
    ]
    return {
        "period": period,
        "comparison": comparison,
        "rows": [
            {
                "label": figure.label_on(origin),
                "value": comparison["figures"][figure.key],
                "previous": (
                    comparison["previous"][figure.key] if comparison["previous"] else None
                ),
                "change": comparison["change"][figure.key] if comparison["change"] else None,
            }
            for figure in stats.PERIOD_FIGURES
        ],
        "continents": stats.period_breakdown(comparison["period"], "continent", origin=origin),
        "levels": stats.period_breakdown(comparison["period"], "level", origin=origin),
        "columns": columns,
        "side_by_side": side_by_side(columns, records_from, origin),
    }


def presets(today: datetime.date) -> list[dict]:
    """The periods reports speak of, for this year and last: each one's label and the query
    string that asks for it (written here: two `date` filters per link took a tenth of a
    cached dashboard)."""
    choices = []
    for year in (today.year, today.year - 1):
        for period in (
            Period.quarter(year, 1),
            Period.first_months(year, 6),
            Period.first_months(year, 9),
            Period.year(year),
        ):
            if period.start <= today:
                query = f"from={period.start.isoformat()}&to={period.end.isoformat()}"
                choices.append({"label": period.label, "query": query})
    return choices


@require_GET
@role_required
def period_page(request):
    today = timezone.localdate()
    form = CompareForm(request.GET or None)
    context = {"form": form, "presets": presets(today), "today": today}
    status = 200
    origin = None
    if request.GET and form.is_valid():
        period, years = form.cleaned_data["period"], form.cleaned_data["years"]
        origin = form.cleaned_data["origin"]
        context |= stats_cache.cached(
            "period_page",
            period.slug,
            ",".join(map(str, years)),
            origin or "",
            today,
            compute=lambda: period_context(period, years, today, origin),
        )
        last_shown = max([period.end.year, *years])
    elif request.GET:
        status = 400
        last_shown = today.year
    else:
        last_shown = today.year
    context |= basis.basis_context(origin, offered=basis.offers_choice(last_shown, origin))
    return render(request, "dashboard/period.html", context, status=status)
