"""The departments' read-only API keys. The model belongs to the `foreignaffairs` app."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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

    @classmethod
    def active_with_key(cls, key: str) -> "ApiClient | None":
        """The active client whose key is `key`, if any, with its use recorded
        (`last_used_at`, written at most once per LAST_USED_RESOLUTION).

        One query written in SQL: it is asked on every request of a department, and the ORM
        compiling it, then building the instance, took a tenth of an API page. The client
        holds its id, name and key prefix; its other fields are read if asked for."""
        unrecorded_since = connection.ops.adapt_datetimefield_value(
            timezone.now() - cls.LAST_USED_RESOLUTION
        )
        with connection.cursor() as cursor:
            # "revoked_at IS NULL" is `ApiClientQuerySet.active()`: change them together.
            cursor.execute(
                "SELECT id, name, key_prefix, "
                "(last_used_at IS NULL OR last_used_at <= %s) AS use_unrecorded "
                f"FROM {connection.ops.quote_name(cls._meta.db_table)} "
                "WHERE key_hash = %s AND revoked_at IS NULL",
                [unrecorded_since, cls.hash_key(key)],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        *values, use_unrecorded = row
        client = cls.from_db(connection.alias, ["id", "name", "key_prefix"], values)
        if use_unrecorded:
            cls.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        return client

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
