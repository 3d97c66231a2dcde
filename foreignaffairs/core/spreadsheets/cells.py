"""What every spreadsheet the app writes shares: its content type, and cells that a
spreadsheet cannot run as formulas and that never hold a control character."""

from foreignaffairs.core.text import without_control_characters

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """`text` as every export writes it: without control characters (stored before input
    refused them; an XLSX file cannot hold them), and with a leading apostrophe if a
    spreadsheet would run it as a formula ("=HYPERLINK(...)" typed into a record); Excel
    and LibreOffice do not show it, and the import removes it again."""
    text = without_control_characters(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
