"""The leaders' dashboard: the year's figures beside the published ones, trends, breakdowns,
what needs attention, and the same figures as an Excel file.

Every count comes from `foreignaffairs.reports.stats`; this module only arranges it. The page runs a
fixed number of queries whatever the number of records (see tests/dashboard).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, QuerySet, Window
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core import stats_cache
from foreignaffairs.reports import stats
from foreignaffairs.reports.exchanges import dormant_partners
from foreignaffairs.reports.models import ReportedFigure
from foreignaffairs.reports.summary import annual_summary
from partners.models import PartnerLocality

# Links from each number to the admin list of the records behind it -----------------------
# The admin implements these list filters; this is the one place that knows their names.

FIGURE_FILTERS = {
    "incoming_delegations": (Delegation, {"received_in": "{year}"}),
    "high_level_delegations": (Delegation, {"received_in": "{year}", "high_level": "yes"}),
    "outgoing_delegations": (Delegation, {"sent_in": "{year}"}),
    "hosted_events": (Event, {"hosted_in": "{year}"}),
    "agreements_signed": (Agreement, {"signed_in": "{year}"}),
    "new_relationship_agreements": (
        Agreement,
        {"signed_in": "{year}", "establishes_relationship__exact": "1"},
    ),
    "partner_localities_total": (PartnerLocality, {"active_at_end_of": "{year}"}),
    "new_partner_localities": (PartnerLocality, {"established_in": "{year}"}),
}


def admin_list_url(model, params: dict | None = None) -> str:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def admin_change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def figure_url(key: str, year: int) -> str | None:
    """The admin list behind a yearly figure, or None for a figure with no such list."""
    if key not in FIGURE_FILTERS:
        return None
    model, params = FIGURE_FILTERS[key]
    return admin_list_url(model, {name: value.format(year=year) for name, value in params.items()})


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
    form: YearForm


def select_year(request, today: datetime.date) -> YearSelection:
    """The year asked for, else the latest year with data (never after the current year)."""
    bounds = stats_cache.cached("data_years", compute=stats.data_years)
    if bounds is None:
        first = last = None
        years = [today.year]
    else:
        first, last = min(bounds[0], today.year), min(bounds[1], today.year)
        years = list(range(first, today.year + 1))
    asked = YearForm(request.GET, years=years)
    year = asked.cleaned_data["year"] if asked.is_valid() else (last or today.year)
    form = YearForm(years=years, initial={"year": year})
    return YearSelection(year, years, first, last, form)


# The page ----------------------------------------------------------------------------------


def figure_cards(year, figures, previous, reported_rows) -> list[dict]:
    """One card per yearly figure: value, last year's, the change, the published figures."""
    cards = []
    for figure in stats.FIGURES:
        value = figures[figure.key]
        before = previous[figure.key] if previous is not None else None
        cards.append(
            {
                "key": figure.key,
                "label": figure.label,
                "value": value,
                "url": figure_url(figure.key, year),
                "previous": before,
                "previous_url": figure_url(figure.key, year - 1) if before is not None else None,
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
    if figure.period_start is not None or key == "partner_localities_total":
        return figure_url(key, year)
    return None  # a cumulative total of something counted per year has no admin list


def reported_table(reported_rows, year) -> list[dict]:
    """`stats.reported_for_year` rows with their links, and whether they cover the year."""
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


TREND_KEYS = ("incoming_delegations", "outgoing_delegations", "agreements_signed")


def chart_data(year, by_year, trend_years, reported_by_year) -> dict:
    """Everything the charts draw, handed to static/js/dashboard.js through json_script."""
    labels = {figure.key: str(figure.label) for figure in stats.FIGURES}
    reported_suffix = _("công bố")
    # Delegations and agreements are drawn from the first year any of them has a record
    # (partner relationships often go back decades before the first recorded visit).
    active = [
        y
        for y in trend_years
        if any(by_year[y][key] for key in TREND_KEYS) or reported_by_year.get(y)
    ]
    activity_years = [y for y in trend_years if active and y >= active[0]]
    breakdowns = {
        "continent": stats.breakdown(year, "continent"),
        "country": stats.breakdown(year, "country", limit=10),
        "month": stats.breakdown(year, "month"),
        "level": stats.breakdown(year, "level"),
    }
    return {
        "year": year,
        "text": {"empty": _("Chưa có số liệu")},
        "trend": {
            "labels": activity_years,
            "series": [
                {
                    "key": key,
                    "label": labels[key],
                    "recorded": _series(by_year, activity_years, key),
                    "reported": _reported_series(reported_by_year, activity_years, key),
                    "reportedLabel": f"{labels[key]} ({reported_suffix})",
                }
                for key in TREND_KEYS
            ],
        },
        "partners": {
            "labels": trend_years,
            "series": [
                {
                    "key": key,
                    "label": labels[key],
                    "recorded": _series(by_year, trend_years, key),
                    "reported": _reported_series(reported_by_year, trend_years, key),
                    "reportedLabel": f"{labels[key]} ({reported_suffix})",
                }
                for key in ("partner_localities_total", "new_partner_localities")
            ],
        },
        "breakdowns": {
            name: {
                "labels": [row["label"] for row in rows],
                "counts": [row["count"] for row in rows],
                "label": _("Đoàn quốc tế đến Thành phố"),
                "axisTitle": _("Tháng") if name == "month" else None,
            }
            for name, rows in breakdowns.items()
        },
    }


def _day(day: datetime.date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""


@dataclass(frozen=True)
class AttentionList:
    """A list of records someone should look at, with the admin filter that lists them all."""

    key: str
    title: str
    model: type
    admin_filter: dict
    queryset: Callable[[datetime.date], QuerySet]
    detail: Callable[[object], str]


def _visit_detail(delegation: Delegation) -> str:
    # The title already carries the date (Delegation.__str__).
    parts = [delegation.get_direction_display()]
    if delegation.country:
        parts.append(delegation.country.name)
    parts.append(delegation.get_status_display())
    return " · ".join(str(part) for part in parts)


def _agreement_activity(agreement: Agreement) -> str:
    if agreement.last_activity_on:
        return _("Ký %(signed)s · hoạt động gần nhất %(last)s") % {
            "signed": _day(agreement.signed_on),
            "last": _day(agreement.last_activity_on),
        }
    return _("Ký %(signed)s · chưa có hoạt động triển khai") % {"signed": _day(agreement.signed_on)}


def _partner_exchange(partner: PartnerLocality) -> str:
    # The name already carries the country (PartnerLocality.__str__).
    if partner.last_exchange_on:
        return _("Trao đổi gần nhất %(last)s") % {"last": _day(partner.last_exchange_on)}
    return _("Chưa ghi nhận trao đổi nào")


ATTENTION_LISTS = [
    AttentionList(
        "upcoming",
        gettext_lazy("Đoàn sắp diễn ra (60 ngày tới)"),
        Delegation,
        {"upcoming": "yes"},
        lambda today: Delegation.objects.upcoming(today, days=60).order_by("start_date", "pk"),
        _visit_detail,
    ),
    AttentionList(
        "needs_update",
        gettext_lazy("Đoàn đã qua ngày nhưng chưa cập nhật kết quả"),
        Delegation,
        {"needs_update": "yes"},
        lambda today: Delegation.objects.needs_update(today).order_by("start_date", "pk"),
        _visit_detail,
    ),
    AttentionList(
        "dormant_agreements",
        gettext_lazy("Văn bản ký xong chưa triển khai (12 tháng)"),
        Agreement,
        {"dormant": "yes"},
        lambda today: Agreement.objects.dormant(today).order_by(
            F("last_activity_on").asc(nulls_first=True), "signed_on", "pk"
        ),
        _agreement_activity,
    ),
    AttentionList(
        "expiring_agreements",
        gettext_lazy("Văn bản sắp hết hạn (180 ngày tới)"),
        Agreement,
        {"expiring": "yes"},
        lambda today: Agreement.objects.expiring(today, days=180).order_by("expires_on", "pk"),
        lambda agreement: _("Hết hạn %(day)s") % {"day": _day(agreement.expires_on)},
    ),
    AttentionList(
        "dormant_partners",
        gettext_lazy("Quan hệ đối tác ít hoạt động (3 năm)"),
        PartnerLocality,
        {"dormant": "yes"},
        lambda today: dormant_partners(today).order_by(
            F("last_exchange_on").asc(nulls_first=True), "established_on", "name", "pk"
        ),
        _partner_exchange,
    ),
]
ATTENTION_SHOWN = 10


def attention(today: datetime.date) -> list[dict]:
    """Each list's first records and how many there are in all: one query per list (the total
    is a window count over the same rows, so the filter runs once)."""
    sections = []
    for spec in ATTENTION_LISTS:
        shown = list(spec.queryset(today).annotate(total=Window(Count("*")))[:ATTENTION_SHOWN])
        sections.append(
            {
                "key": spec.key,
                "title": spec.title,
                "count": shown[0].total if shown else 0,
                "url": admin_list_url(spec.model, spec.admin_filter),
                "items": [
                    {"title": str(obj), "detail": spec.detail(obj), "url": admin_change_url(obj)}
                    for obj in shown
                ],
            }
        )
    return sections


def year_report(selection: YearSelection, today: datetime.date) -> dict:
    """The selected year's figures, last year's, and the published ones (what the page and
    the Excel file share)."""
    year = selection.year
    first = min(selection.first_with_data or year, year - 1)
    last = max(selection.last_with_data or year, year)
    by_year = stats.yearly_figures(first, last)
    has_previous = selection.first_with_data is not None and year > selection.first_with_data
    previous = by_year[year - 1] if has_previous else None
    running = year == today.year
    return {
        "year": year,
        "by_year": by_year,
        "figures": by_year[year],
        "previous": previous,
        "reported": reported_table(stats.reported_for_year(year), year),
        "running": running,
        "summary": annual_summary(year, by_year[year], previous, as_of=today if running else None),
    }


def dashboard_context(selection: YearSelection, today: datetime.date) -> dict:
    """Everything the page shows but the year selector (cached as a whole)."""
    report = year_report(selection, today)
    year = report["year"]
    trend_years = (
        list(range(selection.first_with_data, selection.last_with_data + 1))
        if selection.first_with_data is not None
        else []
    )
    reported_by_year = (
        stats.reported_by_year(trend_years[0], trend_years[-1]) if trend_years else {}
    )
    return {
        "year": year,
        "running": report["running"],
        "today": today,
        "summary": report["summary"],
        "cards": figure_cards(year, report["figures"], report["previous"], report["reported"]),
        "reported": report["reported"],
        "charts": chart_data(year, report["by_year"], trend_years, reported_by_year),
        "attention": attention(today),
    }


@require_GET
@login_required
def dashboard(request):
    today = timezone.localdate()
    selection = select_year(request, today)
    # Computed once per year, day (the attention lists look ahead from today) and data version.
    context = stats_cache.cached(
        "dashboard", selection.year, today, compute=lambda: dashboard_context(selection, today)
    )
    return render(request, "dashboard/dashboard.html", {**context, "form": selection.form})


# Excel export ------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="9B1C1C")


def _write_table(sheet, headers: list[str], rows: list[list], widths: list[int]) -> None:
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def year_workbook(report: dict) -> Workbook:
    year, figures, previous = report["year"], report["figures"], report["previous"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Số liệu năm %(year)s") % {"year": year}
    sheet.append([_("Số liệu hoạt động đối ngoại năm %(year)s") % {"year": year}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [_("Sở Ngoại vụ TP. Hồ Chí Minh, xuất ngày %(day)s") % {"day": _day(timezone.localdate())}]
    )
    sheet.append([report["summary"]])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=7)
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[3].height = 90
    sheet.append([])
    rows = []
    for card in figure_cards(year, figures, previous, report["reported"]):
        published = [row["figure"] for row in card["reported"]]
        rows.append(
            [
                str(card["label"]),
                card["value"],
                card["previous"],
                card["change"]["difference"],
                card["change"]["percent"],
                "; ".join(_published_text(figure, card["key"]) for figure in published) or None,
                "; ".join(figure.source for figure in published) or None,
            ]
        )
    _write_table(
        sheet,
        [
            _("Chỉ tiêu"),
            _("Năm %(year)s") % {"year": year},
            _("Năm %(year)s") % {"year": year - 1},
            _("Tăng/giảm"),
            _("Tăng/giảm (%)"),
            _("Số liệu công bố"),
            _("Nguồn"),
        ],
        rows,
        [36, 12, 12, 12, 14, 30, 40],
    )

    published = workbook.create_sheet(_("Số liệu công bố"))
    _write_table(
        published,
        [
            _("Chỉ tiêu công bố"),
            _("Kỳ"),
            _("Giá trị công bố"),
            _("Mức chính xác"),
            _("Ghi nhận cùng kỳ"),
            _("Mức đầy đủ (%)"),
            _("Nguồn"),
            _("Trích dẫn"),
        ],
        [
            [
                row["figure"].get_metric_display(),
                row["figure"].period_label,
                float(row["figure"].value),
                row["figure"].get_qualifier_display(),
                row["recorded"],
                row["completeness"],
                row["figure"].source,
                row["figure"].quote,
            ]
            for row in report["reported"]
        ],
        [36, 24, 14, 14, 14, 14, 40, 60],
    )
    return workbook


def _published_text(figure: ReportedFigure, key: str) -> str:
    """ "155", or "21 (Đoàn lãnh đạo Thành phố đi nước ngoài)" when the published metric is
    narrower than the recorded figure it stands beside."""
    if figure.metric == key:
        return str(figure.display_value)
    return f"{figure.display_value} ({figure.get_metric_display()})"


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@login_required
def dashboard_xlsx(request):
    today = timezone.localdate()
    report = year_report(select_year(request, today), today)
    buffer = BytesIO()
    year_workbook(report).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="so-lieu-doi-ngoai-{report["year"]}.xlsx"'
    )
    return response
