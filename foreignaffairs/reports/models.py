"""Published figures (số liệu công bố): shown beside the recorded counts, never added to them.

The models belong to the `foreignaffairs` app (its migrations, its tables).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreignaffairs.core import stats_cache
from foreignaffairs.core.dates import plausible_date_constraint, validate_plausible_date


class Metric(models.TextChoices):
    """Figures that are published; the first eight are also counted from the records."""

    INCOMING_DELEGATIONS = "incoming_delegations", _("Đoàn quốc tế đến Thành phố")
    HIGH_LEVEL_DELEGATIONS = "high_level_delegations", _("Đoàn cấp cao")
    OUTGOING_DELEGATIONS = "outgoing_delegations", _("Đoàn Thành phố đi nước ngoài")
    OUTGOING_LEADER_DELEGATIONS = (
        "outgoing_leader_delegations",
        _("Đoàn lãnh đạo Thành phố đi nước ngoài"),
    )
    HOSTED_EVENTS = "hosted_events", _("Sự kiện đối ngoại do Thành phố tổ chức")
    RECEPTIONS_AND_EVENTS = "receptions_and_events", _("Cuộc tiếp khách quốc tế và sự kiện")
    AGREEMENTS_SIGNED = "agreements_signed", _("Văn bản hợp tác ký kết")
    NEW_RELATIONSHIP_AGREEMENTS = (
        "new_relationship_agreements",
        _("Văn bản thiết lập quan hệ mới"),
    )
    PARTNER_LOCALITIES_TOTAL = "partner_localities_total", _("Tổng số địa phương đối tác")
    NEW_PARTNER_LOCALITIES = "new_partner_localities", _("Địa phương đối tác mới")
    AGREEMENTS_TOTAL = "agreements_total", _("Tổng số văn bản hợp tác")
    AGREEMENTS_SIGNED_BY_LOCALITIES = (
        "agreements_signed_by_localities",
        _("Thỏa thuận quốc tế do các địa phương ký"),
    )
    MOFA_LEADER_VISITS_TO_LOCALITIES = (
        "mofa_leader_visits_to_localities",
        _("Đoàn lãnh đạo Bộ Ngoại giao làm việc tại địa phương"),
    )
    FDI_BILLION_USD = "fdi_billion_usd", _("Vốn FDI (tỷ USD)")
    INCOMING_PERSONS = "incoming_persons", _("Lượt người đến Thành phố")
    OUTGOING_PERSONS = "outgoing_persons", _("Lượt người đi nước ngoài")


class Scope(models.TextChoices):
    HCMC = "hcmc", _("TP. Hồ Chí Minh")
    NATIONAL = "national", _("Toàn quốc")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("chính xác")
    APPROXIMATE = "approximate", _("khoảng")
    AT_LEAST = "at_least", _("hơn / ít nhất")


class ReportedFigureQuerySet(models.QuerySet):
    def for_city(self):
        return self.filter(scope=Scope.HCMC)

    def for_year(self, year: int):
        """Figures whose period is that calendar year, or stated as of a day in that year."""
        return self.filter(period_end__year=year).filter(
            models.Q(period_start__isnull=True) | models.Q(period_start__year=year)
        )


class ReportedFigure(models.Model):
    """An official published figure, shown beside the recorded counts and never added to them."""

    scope = models.CharField(_("phạm vi"), max_length=20, choices=Scope, default=Scope.HCMC)
    metric = models.CharField(_("chỉ tiêu"), max_length=50, choices=Metric)
    period_start = models.DateField(
        _("từ ngày"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Để trống khi số liệu tính đến một ngày (lũy kế)."),
    )
    period_end = models.DateField(
        _("đến ngày / tính đến ngày"), validators=[validate_plausible_date]
    )
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2)
    qualifier = models.CharField(
        _("mức chính xác"), max_length=20, choices=Qualifier, default=Qualifier.EXACT
    )
    change_vs_previous = models.CharField(_("so với kỳ trước"), max_length=200, blank=True)
    source = models.CharField(_("nguồn"), max_length=300)
    quote = models.TextField(_("trích dẫn"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = ReportedFigureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu công bố")
        verbose_name_plural = _("số liệu công bố")
        ordering = ["-period_end", "scope", "metric"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_start__lte=models.F("period_end")),
                name="foreignaffairs_reportedfigure_period_ordered",
                violation_error_message=_("Ngày bắt đầu kỳ phải trước ngày kết thúc kỳ."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="foreignaffairs_reportedfigure_value_non_negative",
                violation_error_message=_("Giá trị không được âm."),
            ),
            plausible_date_constraint(
                "period_start", "foreignaffairs_reportedfigure_period_start_plausible"
            ),
            plausible_date_constraint(
                "period_end", "foreignaffairs_reportedfigure_period_end_plausible"
            ),
        ]

    def __str__(self):
        return f"{self.get_metric_display()}: {self.display_value} ({self.period_label})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        stats_cache.data_changed(using=self._state.db)  # the dashboard shows them

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        stats_cache.data_changed(using=self._state.db)
        return deleted

    @property
    def display_value(self) -> str:
        number = f"{self.value.normalize():f}"
        if self.qualifier == Qualifier.APPROXIMATE:
            return _("khoảng %(n)s") % {"n": number}
        if self.qualifier == Qualifier.AT_LEAST:
            return _("hơn %(n)s") % {"n": number}
        return number

    @property
    def period_label(self) -> str:
        end = self.period_end.strftime("%d/%m/%Y")
        if self.period_start is None:
            return _("tính đến %(end)s") % {"end": end}
        return f"{self.period_start.strftime('%d/%m/%Y')} – {end}"
