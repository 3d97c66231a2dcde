"""The statistics endpoints: exactly what `foreignaffairs.reports.stats` computes for the
dashboard, by year (`stats/yearly/`) and broken down (`stats/breakdown/`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from foreignaffairs.core import stats_cache
from foreignaffairs.core.dates import FIRST_YEAR, LAST_YEAR, years_before
from foreignaffairs.core.origins import Origin
from foreignaffairs.core.rest.permissions import DepartmentReadStaffWrite, HoldsRole
from foreignaffairs.reports import published, stats
from foreignaffairs.reports.citations import citation
from foreignaffairs.reports.models import Metric, Qualifier
from foreignaffairs.reports.periods import MAX_PERIOD_YEARS, Period

MAX_SPAN_YEARS = 100


def year_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


def origin_field() -> serializers.ChoiceField:
    """`?origin=hcmc`: the figures of one former province; left out, the merged city."""
    return serializers.ChoiceField(
        choices=Origin.choices,
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Cơ sở tính: bỏ trống là Thành phố sau hợp nhất (mọi đơn vị gốc); hcmc, binh_duong "
            "hoặc ba_ria_vung_tau là riêng một tỉnh, thành phố cũ (hcmc so sánh được với các "
            "năm trước 2025)."
        ),
    )


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
            "origin": origin_field(),
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
        origin = attrs.get("origin")
        if first is None and last is None:
            if data_years is None:
                return {"first": None, "last": None, "origin": origin}
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
        return {"first": first, "last": last, "origin": origin}


class ReportedValueSerializer(serializers.Serializer):
    """Một số liệu đã công bố: giá trị, mức chính xác (chính xác, khoảng, hơn) và nguồn."""

    value = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices)
    source = serializers.CharField(help_text=_("Trích dẫn nguồn: tiêu đề, nơi đăng, ngày đăng."))
    metric = serializers.ChoiceField(
        choices=Metric.choices, help_text=_("Chỉ tiêu đã công bố (có thể hẹp hơn số đếm).")
    )
    same_definition = serializers.BooleanField(
        help_text=_("Sai khi chỉ tiêu công bố không cùng định nghĩa với số đếm bên cạnh.")
    )
    definition_note = serializers.CharField(allow_blank=True)


def reported_value(figure) -> dict:
    return {
        "value": figure.value,
        "qualifier": figure.qualifier,
        "source": citation(figure.source),
        "metric": figure.metric,
        "same_definition": published.same_definition(figure.metric),
        "definition_note": str(published.DEFINITION_NOTES.get(figure.metric, "")),
    }


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
    by = serializers.ChoiceField(choices=stats.YEAR_BREAKDOWNS, help_text=_("Chia theo."))
    origin = origin_field()


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
    by = serializers.ChoiceField(choices=stats.YEAR_BREAKDOWNS)
    results = BreakdownRowSerializer(many=True)


class StatsView(APIView):
    """Read-only; departments' keys and staff alike. No CSV here: the figures are nested."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    # Staff as on the dashboard: only with a role.
    permission_classes = [DepartmentReadStaffWrite, HoldsRole]

    def query(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


def yearly_data(first: int, last: int, origin: str | None = None) -> dict:
    figures = stats.yearly_figures(first, last, origin)
    reported = published.reported_by_year(first, last)
    rows = [
        {
            "year": year,
            **values,
            "reported": {
                key: reported_value(figure) for key, figure in reported.get(year, {}).items()
            },
        }
        for year, values in figures.items()
    ]
    return YearlyStatsSerializer({"results": rows}).data


def breakdown_data(year: int, by: str, origin: str | None = None) -> dict:
    rows = stats.breakdown(year, by, origin=origin)
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
            "yearly",
            years["first"],
            years["last"],
            years["origin"],
            compute=lambda: yearly_data(**years),
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
            "breakdown",
            query["year"],
            query["by"],
            query["origin"],
            compute=lambda: breakdown_data(**query),
        )
        return Response(data)


# Any period ---------------------------------------------------------------------------------


class PeriodQuerySerializer(serializers.Serializer):
    """`?from=2012-01-01&to=2012-06-30&breakdown=continent&breakdown=level`."""

    def get_fields(self):
        return {
            "from": serializers.DateField(
                input_formats=["iso-8601"],
                help_text=_("Ngày đầu kỳ (YYYY-MM-DD), tính cả ngày này."),
            ),
            "to": serializers.DateField(
                input_formats=["iso-8601"],
                help_text=_("Ngày cuối kỳ (YYYY-MM-DD), tính cả ngày này."),
            ),
            "breakdown": serializers.MultipleChoiceField(
                choices=stats.BREAKDOWNS,
                required=False,
                default=set,
                help_text=_("Chia đoàn vào trong kỳ theo (lặp lại tham số để chia nhiều cách)."),
            ),
            "origin": origin_field(),
        }

    def validate(self, attrs):
        start, end = attrs["from"], attrs["to"]
        if start.year < FIRST_YEAR or end.year > LAST_YEAR:
            raise serializers.ValidationError(
                {
                    "from": [
                        _("Kỳ phải nằm trong các năm %(first)s–%(last)s.")
                        % {"first": FIRST_YEAR, "last": LAST_YEAR}
                    ]
                }
            )
        if end < start:
            raise serializers.ValidationError(
                {"to": [_("Ngày cuối kỳ không được trước ngày đầu kỳ.")]}
            )
        if end >= years_before(start, -MAX_PERIOD_YEARS):
            raise serializers.ValidationError(
                {"to": [_("Một kỳ dài tối đa %(n)s năm.") % {"n": MAX_PERIOD_YEARS}]}
            )
        return {
            "period": Period(start, end),
            "breakdowns": [by for by in stats.BREAKDOWNS if by in attrs["breakdown"]],
            "origin": attrs.get("origin"),
        }


class PeriodSerializer(serializers.Serializer):
    """Một kỳ: từ ngày, đến ngày (tính cả hai ngày) và tên kỳ như báo cáo gọi."""

    def get_fields(self):
        return {
            "from": serializers.DateField(source="start"),
            "to": serializers.DateField(source="end"),
            "label": serializers.CharField(),
        }


class PeriodFiguresSerializer(serializers.Serializer):
    """Số liệu đếm được trong kỳ theo các quy tắc đếm, kèm lượt người."""

    def get_fields(self):
        return {
            figure.key: serializers.IntegerField(help_text=figure.label)
            for figure in stats.PERIOD_FIGURES
        }


class ChangeSerializer(serializers.Serializer):
    difference = serializers.IntegerField(allow_null=True)
    percent = serializers.FloatField(allow_null=True)


class PreviousPeriodSerializer(serializers.Serializer):
    """Cùng kỳ năm trước."""

    period = PeriodSerializer()
    figures = PeriodFiguresSerializer()
    change = serializers.DictField(
        child=ChangeSerializer(), help_text=_("Tăng/giảm so với cùng kỳ năm trước, theo chỉ tiêu.")
    )


class ReportedPeriodSerializer(serializers.Serializer):
    """Kỳ của số liệu công bố; `from` là null khi số liệu tính đến một ngày (lũy kế)."""

    def get_fields(self):
        return {
            "from": serializers.DateField(source="start", allow_null=True),
            "to": serializers.DateField(source="end"),
            "label": serializers.CharField(),
        }


class PeriodReportedSerializer(ReportedValueSerializer):
    """Một số liệu công bố trong kỳ, với kỳ của chính nó và số ghi nhận cùng kỳ đó."""

    period = ReportedPeriodSerializer()
    recorded_metric = serializers.CharField(allow_null=True)
    recorded = serializers.IntegerField(
        allow_null=True, help_text=_("Số ghi nhận trong đúng kỳ của số liệu công bố.")
    )
    completeness = serializers.IntegerField(allow_null=True)
    quote = serializers.CharField(allow_blank=True)


class PeriodBreakdownRowSerializer(BreakdownRowSerializer):
    agreements = serializers.IntegerField(
        required=False,
        help_text=_("Chỉ khi chia theo lĩnh vực: số văn bản ký trong kỳ thuộc lĩnh vực này."),
    )


class PeriodStatsSerializer(serializers.Serializer):
    """Số liệu một kỳ bất kỳ, cùng kỳ năm trước và số liệu công bố trong kỳ."""

    period = PeriodSerializer()
    counted_until = serializers.DateField(
        help_text=_("Ngày cuối đã đếm: hôm nay khi kỳ chưa kết thúc (so với cùng kỳ năm trước).")
    )
    records_begin = serializers.DateField(
        allow_null=True,
        help_text=_("Ngày đầu năm có hồ sơ đầu tiên; trước ngày này là chưa có số liệu."),
    )
    figures = PeriodFiguresSerializer()
    previous = PreviousPeriodSerializer(
        allow_null=True, help_text=_("Không có (null) khi cùng kỳ năm trước chưa có số liệu.")
    )
    reported = PeriodReportedSerializer(many=True)
    breakdowns = serializers.DictField(child=PeriodBreakdownRowSerializer(many=True))


def period_data(period: Period, breakdowns: list[str], today, origin=None) -> dict:
    comparison = stats.period_comparison(period, today=today, origin=origin)
    reported = [
        reported_value(row["figure"])
        | {
            "period": {
                "start": row["figure"].period_start,
                "end": row["figure"].period_end,
                "label": row["figure"].period_label,
            },
            "recorded_metric": row["recorded_key"],
            "recorded": row["recorded"],
            "completeness": row["completeness"],
            "quote": row["figure"].quote,
        }
        for row in published.reported_in_period(period)
    ]
    previous = None
    if comparison["previous"] is not None:
        previous = {
            "period": comparison["previous_period"],
            "figures": comparison["previous"],
            "change": comparison["change"],
        }
    return PeriodStatsSerializer(
        {
            "period": period,
            "counted_until": comparison["period"].end,
            "records_begin": comparison["records_begin"],
            "figures": comparison["figures"],
            "previous": previous,
            "reported": reported,
            "breakdowns": {
                by: stats.period_breakdown(period, by, origin=origin) for by in breakdowns
            },
        }
    ).data


class PeriodStatsView(StatsView):
    @extend_schema(
        summary=_("Số liệu một kỳ bất kỳ, so với cùng kỳ năm trước"),
        description=_(
            "Các chỉ tiêu theo quy tắc đếm trong kỳ từ `from` đến `to` (tính cả hai ngày; đoàn "
            "tính vào kỳ có ngày bắt đầu), lượt người (tổng thành viên các đoàn được đếm), "
            "cùng kỳ năm trước (`previous`), số liệu công bố trong kỳ và các cách chia đoàn "
            "vào. Kỳ chưa kết thúc được đếm đến hôm nay và so với cùng kỳ năm trước đến cùng "
            "ngày. Kỳ dài tối đa 20 năm."
        ),
        parameters=[PeriodQuerySerializer],
        responses=PeriodStatsSerializer,
    )
    def get(self, request):
        query = self.query(PeriodQuerySerializer)
        period, breakdowns, origin = query["period"], query["breakdowns"], query["origin"]
        today = timezone.localdate()
        data = stats_cache.cached(
            "period",
            period.slug,
            ",".join(breakdowns),
            today,
            origin,
            compute=lambda: period_data(period, breakdowns, today, origin),
        )
        return Response(data)
