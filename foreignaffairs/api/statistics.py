"""The statistics endpoints: exactly what `foreignaffairs.reports.stats` computes for the
dashboard, by year (`stats/yearly/`) and broken down (`stats/breakdown/`)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from foreignaffairs.core import stats_cache
from foreignaffairs.core.dates import FIRST_YEAR, LAST_YEAR
from foreignaffairs.reports import stats
from foreignaffairs.reports.models import Qualifier

MAX_SPAN_YEARS = 100


def year_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


class YearRangeSerializer(serializers.Serializer):
    """`?from=2012&to=2025`; either or both may be left out (see `validate`)."""

    def get_fields(self):
        # `from` is a Python keyword, so the fields cannot be class attributes.
        return {
            "from": year_field(
                required=False,
                help_text=_(
                    "Năm đầu; mặc định là năm đầu tiên có dữ liệu (không quá %(n)s năm trước "
                    "năm cuối)."
                )
                % {"n": MAX_SPAN_YEARS},
            ),
            "to": year_field(
                required=False,
                help_text=_("Năm cuối; mặc định là năm cuối cùng có dữ liệu."),
            ),
        }

    def validate(self, attrs):
        """Years left out are those of the recorded data (`stats.data_years()`); a range given
        by one end only reaches the other end of the data, and never more than MAX_SPAN_YEARS
        from the end given, so that the default never refuses because of one old record.
        No data and no years: no rows."""
        first, last = attrs.get("from"), attrs.get("to")
        data_years = (
            stats_cache.cached("data_years", compute=stats.data_years)
            if first is None or last is None
            else None
        )
        if first is None and last is None:
            if data_years is None:
                return {"first": None, "last": None}
            first, last = data_years
            first = max(first, last - MAX_SPAN_YEARS)
        elif first is None:
            first = max(min(data_years[0], last), last - MAX_SPAN_YEARS) if data_years else last
        elif last is None:
            last = min(max(data_years[1], first), first + MAX_SPAN_YEARS) if data_years else first
        if first > last:
            raise serializers.ValidationError(
                {"from": [_("Năm đầu phải trước hoặc bằng năm cuối.")]}
            )
        if last - first > MAX_SPAN_YEARS:
            raise serializers.ValidationError(
                {"to": [_("Mỗi lần hỏi tối đa %(n)s năm.") % {"n": MAX_SPAN_YEARS}]}
            )
        return {"first": first, "last": last}


class ReportedValueSerializer(serializers.Serializer):
    """Một số liệu đã công bố: giá trị, mức chính xác (chính xác, khoảng, hơn) và nguồn."""

    value = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices)
    source = serializers.CharField()


class YearFiguresSerializer(serializers.Serializer):
    """Số liệu một năm, đếm từ hồ sơ theo các quy tắc đếm."""

    def get_fields(self):
        fields = {"year": serializers.IntegerField()}
        for figure in stats.FIGURES:
            fields[figure.key] = serializers.IntegerField(help_text=figure.label)
        fields["reported"] = serializers.DictField(
            child=ReportedValueSerializer(),
            help_text=_(
                "Số liệu đã công bố cho cả năm, theo mã chỉ tiêu ở trên: để đối chiếu, không "
                "cộng vào số đếm."
            ),
        )
        return fields


class YearlyStatsSerializer(serializers.Serializer):
    """Số liệu từng năm, theo thứ tự năm."""

    results = YearFiguresSerializer(many=True)


class BreakdownQuerySerializer(serializers.Serializer):
    year = year_field(help_text=_("Năm (đoàn vào đã thực hiện, bắt đầu trong năm này)."))
    by = serializers.ChoiceField(choices=stats.BREAKDOWNS, help_text=_("Chia theo."))


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class BreakdownKeyField(serializers.Field):
    """A continent, country or level code, or a month number."""

    def to_representation(self, value):
        return value


class BreakdownRowSerializer(serializers.Serializer):
    """Một nhóm: mã (châu lục, quốc gia, cấp đoàn hoặc số tháng), tên và số đoàn."""

    key = BreakdownKeyField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class BreakdownSerializer(serializers.Serializer):
    """Đoàn vào đã thực hiện trong năm, chia nhóm."""

    year = serializers.IntegerField()
    by = serializers.ChoiceField(choices=stats.BREAKDOWNS)
    results = BreakdownRowSerializer(many=True)


class StatsView(APIView):
    """Read-only; departments' keys and staff alike. No CSV here: the figures are nested."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def query(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


def yearly_data(first: int, last: int) -> dict:
    figures = stats.yearly_figures(first, last)
    reported = stats.reported_by_year(first, last)
    rows = [
        {
            "year": year,
            **values,
            "reported": {
                key: {"value": f.value, "qualifier": f.qualifier, "source": f.source}
                for key, f in reported.get(year, {}).items()
            },
        }
        for year, values in figures.items()
    ]
    return YearlyStatsSerializer({"results": rows}).data


def breakdown_data(year: int, by: str) -> dict:
    rows = stats.breakdown(year, by)
    return BreakdownSerializer({"year": year, "by": by, "results": rows}).data


class YearlyStatsView(StatsView):
    @extend_schema(
        summary=_("Số liệu theo năm"),
        description=_(
            "Tám chỉ tiêu của mỗi năm theo các quy tắc đếm (cùng số liệu với trang tổng hợp), "
            "kèm số liệu đã công bố. Tối đa 100 năm mỗi lần."
        ),
        parameters=[YearRangeSerializer],
        responses=YearlyStatsSerializer,
    )
    def get(self, request):
        years = self.query(YearRangeSerializer)
        if years["first"] is None:
            return Response({"results": []})
        data = stats_cache.cached(
            "yearly", years["first"], years["last"], compute=lambda: yearly_data(**years)
        )
        return Response(data)


class BreakdownStatsView(StatsView):
    @extend_schema(
        summary=_("Đoàn vào trong một năm, chia theo châu lục, quốc gia, cấp đoàn hoặc tháng"),
        description=_(
            "Đoàn vào đã thực hiện, bắt đầu trong năm (quy tắc 1), nhiều nhất trước; theo "
            "tháng thì đủ 12 tháng theo thứ tự."
        ),
        parameters=[BreakdownQuerySerializer],
        responses=BreakdownSerializer,
    )
    def get(self, request):
        query = self.query(BreakdownQuerySerializer)
        data = stats_cache.cached(
            "breakdown", query["year"], query["by"], compute=lambda: breakdown_data(**query)
        )
        return Response(data)
