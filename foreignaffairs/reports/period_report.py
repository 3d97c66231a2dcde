"""The report to send: a period's figures as a Vietnamese administrative report (DOCX) that
staff finish in Word or LibreOffice, and the same figures as a workbook that prints on A4.

`GET /reports/period.docx?from=2012-01-01&to=2012-06-30` and `/reports/period.xlsx?…`. The
document follows the layout of an administrative report (Nghị định 30/2020/NĐ-CP): issuing
body and national title side by side, number and date left blank for the clerk, the title,
the generated paragraph, the tables, the recipients and the signature block. Every figure
comes from `stats`; this module only arranges it.
"""

import datetime
from dataclasses import dataclass
from io import BytesIO

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from agreements.models import Agreement
from delegations.models import Delegation
from foreignaffairs.core import stats_cache
from foreignaffairs.core.dates import FIRST_YEAR, LAST_YEAR, years_before
from foreignaffairs.core.roles import role_required
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE, formula_safe
from foreignaffairs.core.text import number_text, percent_text
from foreignaffairs.reports import basis, published, stats
from foreignaffairs.reports.periods import MAX_PERIOD_YEARS, Period
from foreignaffairs.reports.summary import period_summary

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ISSUING_BODY = ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ NGOẠI VỤ")
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# The lists in the report show at most this many rows each ("… và N văn bản khác").
LISTED = 50


class PeriodForm(forms.Form):
    """`?from=2012-01-01&to=2012-06-30` (dd/mm/yyyy also read), and the basis
    (`&origin=hcmc`; absent or empty: the merged city)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["from"] = forms.DateField(label=_("Từ ngày"), input_formats=formats)
        self.fields["to"] = forms.DateField(label=_("Đến ngày"), input_formats=formats)
        self.fields["origin"] = basis.origin_field()

    def clean_origin(self) -> str | None:
        return self.cleaned_data["origin"] or None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start is None or end is None:
            return cleaned
        if start.year < FIRST_YEAR or end.year > LAST_YEAR:
            raise forms.ValidationError(
                _("Kỳ phải nằm trong các năm %(first)s–%(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        if end < start:
            raise forms.ValidationError(_("Ngày cuối kỳ không được trước ngày đầu kỳ."))
        if end >= years_before(start, -MAX_PERIOD_YEARS):
            raise forms.ValidationError(_("Một kỳ dài tối đa %(n)s năm.") % {"n": MAX_PERIOD_YEARS})
        cleaned["period"] = Period(start, end)
        return cleaned


@dataclass
class PeriodReport:
    period: Period
    origin: str | None
    title: str
    comparison: dict
    summary: str
    continents: list[dict]
    levels: list[dict]
    agreements: list[Agreement]
    agreements_total: int
    visits: list[Delegation]
    visits_total: int
    reported: list[dict]


def _against(previous: Period, running: bool) -> str:
    if running:
        return "cùng kỳ năm trước"
    if previous.is_calendar_year:
        return f"năm {previous.end.year}"
    return f"cùng kỳ năm {previous.end.year}"


def build_report(period: Period, today: datetime.date, origin: str | None = None) -> PeriodReport:
    """Everything the two documents show, on the basis `origin` (None: the merged city; a
    fixed number of queries)."""
    comparison = stats.period_comparison(period, today=today, origin=origin)
    subject = basis.subject(origin)
    counted = comparison["period"]
    opening = f"Năm {period.end.year}" if period.is_calendar_year else f"Trong {period.label}"
    if comparison["running"]:
        opening += f" (tính đến ngày {counted.end:%d/%m/%Y})"
    begin = comparison["records_begin"]
    if begin is None or period.end < begin:
        summary = f"{opening}, chưa có số liệu về hoạt động đối ngoại của {subject}" + (
            f" (hồ sơ bắt đầu từ năm {begin.year})." if begin else "."
        )
    else:
        summary = period_summary(
            opening,
            comparison["figures"],
            comparison["previous"],
            _against(comparison["previous_period"], comparison["running"]),
            subject,
        )
    start, end = counted.start, counted.end
    agreements = (
        Agreement.objects.of_origin(origin)
        .signed()
        .filter(signed_on__gte=start, signed_on__lte=end)
        .prefetch_related("partners")
        .order_by("signed_on", "pk")
    )
    visits = (
        Delegation.objects.of_origin(origin)
        .received()
        .high_level()
        .filter(start_date__gte=start, start_date__lte=end)
        .order_by("start_date", "pk")
    )
    figures = comparison["figures"]
    title = f"Kết quả công tác đối ngoại {period.label}"
    if origin is not None:
        title += f" của {basis.named(origin)}"
    return PeriodReport(
        period=period,
        origin=origin,
        title=title,
        comparison=comparison,
        summary=summary,
        continents=stats.period_breakdown(counted, "continent", origin=origin),
        levels=stats.period_breakdown(counted, "level", origin=origin),
        agreements=list(agreements[:LISTED]),
        agreements_total=figures["agreements_signed"],
        visits=list(visits[:LISTED]),
        visits_total=figures["high_level_delegations"],
        reported=published.reported_in_period(period),
    )


# What both documents write -----------------------------------------------------------------


def figure_rows(report: PeriodReport) -> list[list[str]]:
    """Chỉ tiêu | kỳ này | cùng kỳ | tăng/giảm, as text."""
    comparison = report.comparison
    previous, changes = comparison["previous"], comparison["change"]
    rows = []
    for figure in stats.PERIOD_FIGURES:
        key = figure.key
        value = number_text(comparison["figures"][key])
        if previous is None:
            rows.append([figure.label_on(report.origin), value, "chưa có số liệu", "—"])
            continue
        difference, percent = changes[key]["difference"], changes[key]["percent"]
        if difference == 0:
            changed = "bằng"
        else:
            sign = "tăng" if difference > 0 else "giảm"
            changed = f"{sign} {number_text(abs(difference))}"
            if percent is not None:
                changed += f" ({percent_text(percent)}%)"
        rows.append([figure.label_on(report.origin), value, number_text(previous[key]), changed])
    return rows


def figure_headers(report: PeriodReport) -> list[str]:
    comparison = report.comparison
    previous = comparison["previous_period"]
    return [
        "Chỉ tiêu",
        comparison["period"].dates,
        f"Cùng kỳ {previous.dates}",
        "Tăng/giảm",
    ]


def breakdown_rows(rows: list[dict]) -> list[list[str]]:
    total = sum(row["count"] for row in rows)
    return [[row["label"], number_text(row["count"])] for row in rows] + [
        ["Tổng cộng", number_text(total)]
    ]


def agreement_rows(report: PeriodReport) -> list[list[str]]:
    return [
        [
            f"{agreement.signed_on:%d/%m/%Y}",
            agreement.title,
            str(agreement.get_kind_display()),
            ", ".join(partner.name for partner in agreement.partners.all())
            or agreement.partner_organization,
        ]
        for agreement in report.agreements
    ]


def visit_rows(report: PeriodReport) -> list[list[str]]:
    return [
        [
            f"{visit.start_date:%d/%m/%Y}",
            visit.title,
            str(visit.country.name) if visit.country else "",
            str(visit.get_level_display()),
        ]
        for visit in report.visits
    ]


def reported_rows(report: PeriodReport) -> list[list[str]]:
    rows = []
    for row in report.reported:
        figure = row["figure"]
        recorded = "—" if row["recorded"] is None else number_text(row["recorded"])
        note = str(row["definition_note"]) if not row["same_definition"] else ""
        rows.append(
            [
                str(figure.get_metric_display()),
                figure.period_label,
                str(figure.display_value),
                recorded,
                row["citation"] + (f". {note}" if note else ""),
            ]
        )
    return rows


def more_text(shown: int, total: int, unit: str) -> str | None:
    return f"… và {number_text(total - shown)} {unit} khác." if total > shown else None


# DOCX --------------------------------------------------------------------------------------

FONT = "Times New Roman"


def _paragraph(document, text="", *, bold=False, italic=False, size=13, align=None, space=6):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space)
    return paragraph


def _cell_text(cell, lines, *, bold=False, italic=False, size=13):
    cell.text = ""
    for index, (text, line_bold, line_italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = line_bold or bold, line_italic or italic, Pt(size)


def _table(document, headers, rows, widths):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, [(header, True, False)], size=12)
    for values in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.text = value
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                if index and index < len(values) and value[:1].isdigit():
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    run.font.size = Pt(12)
    _widths(table, widths)
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def _widths(table, widths):
    """Column widths that Word and LibreOffice both keep (the grid and every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def period_docx(report: PeriodReport) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", FONT
    )
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    # Issuing body and national title side by side; number and date left for the clerk.
    head = document.add_table(rows=2, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_text(
        head.cell(0, 0),
        [
            (ISSUING_BODY[0], False, False),
            (ISSUING_BODY[1], False, False),
            (ISSUING_BODY[2], True, False),
        ],
        size=12,
    )
    _cell_text(head.cell(0, 1), [(NATIONAL_TITLE, True, False), (MOTTO, True, False)], size=12)
    _cell_text(head.cell(1, 0), [("Số:        /BC-SNV", False, False)], size=13)
    _cell_text(
        head.cell(1, 1),
        [("Thành phố Hồ Chí Minh, ngày     tháng     năm", False, True)],
        size=13,
    )
    _widths(head, [6.5, 9.5])

    _paragraph(document, "", space=6)
    _paragraph(document, "BÁO CÁO", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space=0)
    _paragraph(document, report.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(
        document,
        f"(Kỳ báo cáo: {report.period.dates}; {basis.document_basis(report.origin)})",
        italic=True,
        size=12,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space=12,
    )

    _paragraph(document, "I. KẾT QUẢ CHUNG", bold=True)
    _paragraph(document, report.summary, align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    _paragraph(document, "II. SỐ LIỆU CHỦ YẾU", bold=True)
    _table(document, figure_headers(report), figure_rows(report), [6, 3.5, 3.5, 3])
    if report.reported:
        _paragraph(
            document,
            "Số liệu đã công bố trong kỳ (để đối chiếu, không cộng vào số liệu ghi nhận):",
            italic=True,
        )
        _table(
            document,
            ["Chỉ tiêu công bố", "Kỳ", "Công bố", "Ghi nhận cùng kỳ", "Nguồn"],
            reported_rows(report),
            [4, 3, 2, 2, 5.5],
        )

    _paragraph(document, "III. ĐOÀN QUỐC TẾ ĐẾN THÀNH PHỐ", bold=True)
    _paragraph(document, "1. Theo châu lục", italic=True)
    _table(document, ["Châu lục", "Số đoàn"], breakdown_rows(report.continents), [10, 4])
    _paragraph(document, "2. Theo cấp đoàn", italic=True)
    _table(document, ["Cấp đoàn", "Số đoàn"], breakdown_rows(report.levels), [10, 4])
    _paragraph(document, "3. Các đoàn cấp cao tiêu biểu", italic=True)
    if report.visits:
        _table(
            document, ["Ngày", "Đoàn", "Quốc gia", "Cấp đoàn"], visit_rows(report), [2.5, 8, 3, 3]
        )
        more = more_text(len(report.visits), report.visits_total, "đoàn")
        if more:
            _paragraph(document, more, italic=True)
    else:
        _paragraph(document, "Trong kỳ không có đoàn cấp cao.")

    _paragraph(document, "IV. VĂN BẢN HỢP TÁC ĐÃ KÝ KẾT", bold=True)
    if report.agreements:
        _table(
            document,
            ["Ngày ký", "Văn bản", "Loại", "Đối tác"],
            agreement_rows(report),
            [2.5, 7.5, 3, 3.5],
        )
        more = more_text(len(report.agreements), report.agreements_total, "văn bản")
        if more:
            _paragraph(document, more, italic=True)
    else:
        _paragraph(document, "Trong kỳ không ký văn bản hợp tác quốc tế nào.")

    _paragraph(document, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", bold=True)
    _paragraph(document, "(Chuyên viên bổ sung.)", italic=True)

    # Recipients and signature, as the clerk finishes them.
    closing = document.add_table(rows=1, cols=2)
    _cell_text(
        closing.cell(0, 0),
        [
            ("Nơi nhận:", True, True),
            ("- Ủy ban nhân dân Thành phố;", False, False),
            ("- Bộ Ngoại giao;", False, False),
            ("- Lưu: VT.", False, False),
        ],
        size=11,
    )
    for paragraph in closing.cell(0, 0).paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _cell_text(closing.cell(0, 1), [("GIÁM ĐỐC", True, False)], size=13)
    _widths(closing, [8, 8])
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# XLSX --------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def period_xlsx(report: PeriodReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Báo cáo"
    widths = [32, 14, 16, 14, 26]  # about 100 characters: one A4 page wide at full size
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    def line(text, *, bold=False, italic=False, size=12, merge=True):
        sheet.append([formula_safe(text)])
        row = sheet.max_row
        cell = sheet.cell(row, 1)
        cell.font = Font(name=FONT, bold=bold, italic=italic, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if merge:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        return row

    def fit_height(values):
        """Row height for wrapped text (spreadsheets do not recompute it when printing)."""
        lines = max(
            (
                -(-len(str(value)) // max(1, int(widths[i] * 0.95)))
                for i, value in enumerate(values)
            ),
            default=1,
        )
        sheet.row_dimensions[sheet.max_row].height = 15 * max(1, lines)

    def table(headers, rows):
        sheet.append(headers)
        fit_height(headers)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(name=FONT, bold=True)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for values in rows:
            sheet.append([formula_safe(value) for value in values])
            fit_height(values)
            for cell in sheet[sheet.max_row]:
                if cell.column <= len(values):
                    cell.font = Font(name=FONT)
                    cell.border = BORDER
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([])

    line(f"{ISSUING_BODY[0]} {ISSUING_BODY[1]} — {ISSUING_BODY[2]}", bold=True)
    line(f"{NATIONAL_TITLE} — {MOTTO}", bold=True)
    line("BÁO CÁO", bold=True, size=14)
    line(report.title, bold=True, size=14)
    line(f"Kỳ báo cáo: {report.period.dates}; {basis.document_basis(report.origin)}", italic=True)
    summary_row = line(report.summary)
    sheet.row_dimensions[summary_row].height = 15 * (len(report.summary) // int(sum(widths)) + 2)
    sheet.append([])
    table(figure_headers(report), figure_rows(report))
    if report.reported:
        line("Số liệu đã công bố trong kỳ (để đối chiếu, không cộng vào)", italic=True)
        table(
            ["Chỉ tiêu công bố", "Kỳ", "Công bố", "Ghi nhận cùng kỳ", "Nguồn"],
            reported_rows(report),
        )
    line("Đoàn quốc tế đến Thành phố theo châu lục", bold=True)
    table(["Châu lục", "Số đoàn"], breakdown_rows(report.continents))
    line("Đoàn quốc tế đến Thành phố theo cấp đoàn", bold=True)
    table(["Cấp đoàn", "Số đoàn"], breakdown_rows(report.levels))
    line("Các đoàn cấp cao tiêu biểu", bold=True)
    table(["Ngày", "Đoàn", "Quốc gia", "Cấp đoàn"], visit_rows(report))
    line("Văn bản hợp tác đã ký kết", bold=True)
    table(["Ngày ký", "Văn bản", "Loại", "Đối tác"], agreement_rows(report))

    # Prints on A4: portrait, one page wide, the margins of an administrative document.
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 1.18, 0.79  # 3 cm, 2 cm
    sheet.page_margins.top, sheet.page_margins.bottom = 0.79, 0.79
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P / &N"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Views -------------------------------------------------------------------------------------


def _period_or_400(request):
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages = [str(m) for errors in form.errors.values() for m in errors]
        return None, HttpResponseBadRequest(
            " ".join(messages), content_type="text/plain; charset=utf-8"
        )
    return form.cleaned_data, None


def _download(request, render, extension: str, content_type: str):
    query, error = _period_or_400(request)
    if error:
        return error
    period, origin = query["period"], query["origin"]
    today = timezone.localdate()
    # A Vietnamese administrative report whatever the page's language: its labels and numbers
    # too.
    with translation.override("vi"):
        content = stats_cache.cached(
            f"period_{extension}",
            period.slug,
            origin or "",
            today,
            compute=lambda: render(build_report(period, today, origin)),
        )
    response = HttpResponse(content, content_type=content_type)
    suffix = f"-{origin.replace('_', '-')}" if origin else ""
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-doi-ngoai-{period.slug}{suffix}.{extension}"'
    )
    return response


@require_GET
@role_required
def period_docx_view(request):
    return _download(request, period_docx, "docx", DOCX_CONTENT_TYPE)


@require_GET
@role_required
def period_xlsx_view(request):
    return _download(request, period_xlsx, "xlsx", XLSX_CONTENT_TYPE)
