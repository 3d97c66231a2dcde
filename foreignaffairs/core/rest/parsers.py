"""The API's request parser: DRF's JSON parser, refusing too deeply nested JSON with a 400.

Python's JSON decoder raises RecursionError on `[[[[…` a few thousand levels deep, which DRF
does not expect (it catches ValueError only): without this a 500.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("Dữ liệu JSON lồng nhau quá sâu.")) from error
