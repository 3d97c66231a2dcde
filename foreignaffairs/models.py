import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreignaffairs.text import nfc


class DomainModel(models.Model):
    """What every record staff enter carries: who made it, when, and whether it is demo data.

    Text is stored in Unicode NFC whatever was typed or pasted, so search and uniqueness
    see one spelling of each Vietnamese letter.
    """

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("dữ liệu minh họa"),
        default=False,
        db_index=True,
        help_text=_("Bản ghi do lệnh seed_demo tạo ra để trình diễn, không phải số liệu thật."),
    )
    source = models.CharField(
        _("nguồn"),
        max_length=300,
        blank=True,
        help_text=_("Văn bản, bài viết hoặc tệp mà thông tin này lấy từ đó."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text()
        super().save(*args, **kwargs)

    def normalize_text(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, nfc(value).strip())

    def clean(self):
        self.normalize_text()
        super().clean()


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
        help_text=_("Để trống khi số liệu tính đến một ngày (lũy kế)."),
    )
    period_end = models.DateField(_("đến ngày / tính đến ngày"))
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
        ]

    def __str__(self):
        return f"{self.get_metric_display()}: {self.display_value} ({self.period_label})"

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


class ApiClientQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def with_prefix(self, prefix: str):
        return self.filter(key_prefix=prefix.strip().lower())


class ApiClient(models.Model):
    """A city department reading the API with its own token (read-only).

    Only a SHA-256 hash of the key is stored, with its first characters for display: the key
    itself is shown once, when it is created, and cannot be recovered (issue a new one).
    """

    KEY_BYTES = 20  # 40 hexadecimal characters, 160 bits: no salt or slow hash is needed
    PREFIX_LENGTH = 8
    # `last_used_at` is written at most this often, not on every request.
    LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)

    name = models.CharField(
        _("sở, ngành"),
        max_length=200,
        help_text=_("Tên cơ quan dùng khóa, ví dụ: Sở Kế hoạch và Đầu tư."),
    )
    contact = models.CharField(
        _("người liên hệ"),
        max_length=300,
        blank=True,
        help_text=_("Họ tên, email, điện thoại của người phụ trách kỹ thuật bên sở, ngành."),
    )
    key_prefix = models.CharField(_("tiền tố khóa"), max_length=PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(_("mã băm của khóa"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)

    objects = ApiClientQuerySet.as_manager()
    # Who created or revoked a key; `last_used_at` is written with .update(), outside history.
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        verbose_name = _("khóa API của sở, ngành")
        verbose_name_plural = _("khóa API của sở, ngành")
        ordering = ["name", "-created_at"]
        indexes = [models.Index(fields=["key_prefix"], name="apiclient_key_prefix_idx")]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, name: str, contact: str = "", created_by=None) -> tuple["ApiClient", str]:
        """Create a client and return it with its key, the only time the key is known."""
        client = cls(name=name, contact=contact, created_by=created_by)
        key = client.set_new_key()
        client.full_clean()
        client.save()
        return client, key

    def set_new_key(self) -> str:
        key = secrets.token_hex(self.KEY_BYTES)
        self.key_prefix = key[: self.PREFIX_LENGTH]
        self.key_hash = self.hash_key(key)
        return key

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_use(self):
        """Remember when the key was last used, writing at most once a minute."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= self.LAST_USED_RESOLUTION:
            ApiClient.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
