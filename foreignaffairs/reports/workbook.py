"""The dashboard's figures for one year as an Excel workbook: the yearly figures beside last
year's and the published ones, then the published figures with the recorded counts. On the
basis the dashboard shows (`?origin=`), which the title states."""

from io import BytesIO

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from foreignaffairs.core.origins import basis_label
from foreignaffairs.core.roles import role_required
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE, formula_safe
from foreignaffairs.reports import basis
from foreignaffairs.reports.dashboard import figure_cards, select_year, year_report
from foreignaffairs.reports.models import ReportedFigure

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="9B1C1C")


def _write_table(sheet, headers: list[str], rows: list[list], widths: list[int]) -> None:
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        # Sources and quotes are typed by staff: never let one run as a formula.
        sheet.append([formula_safe(v) if isinstance(v, str) else v for v in row])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def year_workbook(report: dict) -> Workbook:
    year, figures, previous = report["year"], report["figures"], report["previous"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Số liệu năm %(year)s") % {"year": year}
    sheet.append(
        [
            _("Số liệu hoạt động đối ngoại năm %(year)s — cơ sở tính: %(basis)s")
            % {"year": year, "basis": basis_label(report["origin"])}
        ]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Sở Ngoại vụ TP. Hồ Chí Minh, xuất ngày %(day)s. %(note)s")
            % {
                "day": formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
                "note": basis.basis_note(report["origin"]),
            }
        ]
    )
    sheet.append([report["summary"]])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=7)
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[3].height = 90
    sheet.append([])
    rows = []
    cards = figure_cards(
        year,
        figures,
        previous,
        report["reported_beside"],
        running=report["running"],
        no_data=report["no_data"],
        origin=report["origin"],
    )
    for card in cards:
        published = card["reported"]
        rows.append(
            [
                str(card["label"]),
                _("chưa có số liệu") if card["no_data"] else card["value"],
                card["previous"],
                card["change"]["difference"],
                card["change"]["percent"],
                "; ".join(_published_text(row, card["key"]) for row in published) or None,
                "; ".join(row["citation"] for row in published) or None,
            ]
        )
    _write_table(
        sheet,
        [
            _("Chỉ tiêu"),
            (
                _("Năm %(year)s đến %(day)s")
                % {
                    "year": year,
                    "day": formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
                }
                if report["running"]
                else _("Năm %(year)s") % {"year": year}
            ),
            str(cards[0]["previous_label"]).capitalize() if cards else "",
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
                row["citation"],
                row["figure"].quote,
            ]
            for row in report["reported"]
        ],
        [36, 24, 14, 14, 14, 14, 40, 60],
    )
    return workbook


def _published_text(row: dict, key: str) -> str:
    """ "155"; "21 (Đoàn lãnh đạo Thành phố đi nước ngoài: định nghĩa khác)" when the
    published metric is not the recorded figure it stands beside; a figure over another
    period than the year carries that period and the count recorded over it:
    "47 (01/01/2012 – 30/06/2012; ghi nhận cùng kỳ 47)"."""
    figure: ReportedFigure = row["figure"]
    notes = []
    if figure.metric != key:
        notes.append(_("%(metric)s: định nghĩa khác") % {"metric": figure.get_metric_display()})
    if not row["whole_year"]:
        notes.append(figure.period_label)
        if row["recorded"] is not None:
            notes.append(_("ghi nhận cùng kỳ %(n)s") % {"n": row["recorded"]})
    text = str(figure.display_value)
    return f"{text} ({'; '.join(str(note) for note in notes)})" if notes else text


@require_GET
@role_required
def dashboard_xlsx(request):
    chosen = basis.BasisForm(request.GET)
    if not chosen.is_valid():
        return HttpResponseBadRequest(
            " ".join(chosen.errors["origin"]), content_type="text/plain; charset=utf-8"
        )
    origin = chosen.cleaned_data["origin"]
    today = timezone.localdate()
    report = year_report(select_year(request, today), today, origin)
    buffer = BytesIO()
    year_workbook(report).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    suffix = f"-{origin.replace('_', '-')}" if origin else ""
    response["Content-Disposition"] = (
        f'attachment; filename="so-lieu-doi-ngoai-{report["year"]}{suffix}.xlsx"'
    )
    return response
