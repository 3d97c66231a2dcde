from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from delegations.scheduling import (
    ScheduledActivity,
    ScheduledActivityQuerySet,
)
from foreignaffairs.core import daily_counts
from foreignaffairs.core.continents import continent_expression, countries_in
from foreignaffairs.core.links import LinkedHistory
from foreignaffairs.core.natural_keys import folded_key_field
from foreignaffairs.core.search import search_text_field


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Đoàn vào")
    OUTGOING = "outgoing", _("Đoàn ra")


class Level(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", _("Nguyên thủ quốc gia")
    VICE_HEAD_OF_STATE = "vice_head_of_state", _("Phó nguyên thủ quốc gia")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Người đứng đầu Chính phủ")
    DEPUTY_HEAD_OF_GOVERNMENT = "deputy_head_of_government", _("Phó người đứng đầu Chính phủ")
    PARLIAMENT_LEADER = "parliament_leader", _("Lãnh đạo Quốc hội")
    ROYALTY = "royalty", _("Hoàng gia")
    MINISTER = "minister", _("Bộ trưởng")
    LOCAL_LEADER = "local_leader", _("Lãnh đạo địa phương")
    DIPLOMATIC = "diplomatic", _("Ngoại giao")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("Tổ chức quốc tế")
    BUSINESS = "business", _("Doanh nghiệp")
    OTHER = "other", _("Khác")


# Counting rule 2: the levels that make a delegation high-level (đoàn cấp cao).
HIGH_LEVELS = (
    Level.HEAD_OF_STATE,
    Level.VICE_HEAD_OF_STATE,
    Level.HEAD_OF_GOVERNMENT,
    Level.DEPUTY_HEAD_OF_GOVERNMENT,
    Level.PARLIAMENT_LEADER,
    Level.ROYALTY,
)


class Status(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    COMPLETED = "completed", _("Đã thực hiện")
    CANCELLED = "cancelled", _("Đã hủy")


class HostRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COORDINATE = "coordinate", _("Phối hợp")


class Pillar(models.Model):
    """The pillars of foreign affairs a visit serves; several may apply."""

    code = models.SlugField(_("mã"), max_length=30, primary_key=True)
    name = models.CharField(_("tên"), max_length=100)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("trụ cột đối ngoại")
        verbose_name_plural = _("trụ cột đối ngoại")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


# The counting rules as plain column predicates: the QuerySet methods below filter with them,
# and `foreignaffairs.reports.stats` counts with them (conditional counts need a `Q`, not a
# QuerySet).


def received_q() -> Q:
    """Counting rule 1 without the year: incoming and completed."""
    return Q(direction=Direction.INCOMING, status=Status.COMPLETED)


def sent_q() -> Q:
    """Counting rule 3 without the year: outgoing and completed."""
    return Q(direction=Direction.OUTGOING, status=Status.COMPLETED)


def high_level_q() -> Q:
    """Counting rule 2 (with rule 1): the head's level is in the high-level set."""
    return Q(level__in=HIGH_LEVELS)


class DelegationQuerySet(ScheduledActivityQuerySet):
    pending_statuses = (Status.PLANNED, Status.CONFIRMED)

    def incoming(self):
        return self.filter(direction=Direction.INCOMING)

    def outgoing(self):
        return self.filter(direction=Direction.OUTGOING)

    def completed(self):
        return self.filter(status=Status.COMPLETED)

    def received(self):
        """Counting rule 1 without the year: incoming and completed."""
        return self.filter(received_q())

    def sent(self):
        """Counting rule 3 without the year: outgoing and completed."""
        return self.filter(sent_q())

    def received_in(self, year: int):
        """Counting rule 1: incoming, completed, starting in `year`."""
        return self.received().started_in_years(year, year)

    def sent_in(self, year: int):
        """Counting rule 3: outgoing, completed, starting in `year`."""
        return self.sent().started_in_years(year, year)

    def high_level(self):
        """Counting rule 2 (with received_in): the head's level is in the high-level set."""
        return self.filter(high_level_q())

    def in_continent(self, continent: str):
        return self.filter(country__in=countries_in(continent))

    def with_continent(self):
        return self.annotate(continent=continent_expression("country"))

    def daily_counts(self):
        """Rules 1 to 3 and the person-trips per day and origin (core.daily_counts keeps
        them)."""
        return (
            self.order_by()
            .values("origin", day=F("start_date"))
            .annotate(
                incoming_delegations=Count("pk", filter=received_q()),
                high_level_delegations=Count("pk", filter=received_q() & high_level_q()),
                outgoing_delegations=Count("pk", filter=sent_q()),
                incoming_persons=Sum(persons_expression(), filter=received_q(), default=0),
                outgoing_persons=Sum(persons_expression(), filter=sent_q(), default=0),
            )
        )


def persons_expression():
    """A delegation's size: its stated number of members, else the members listed by name.

    Staff either type the head count (`member_count`) or list the members in the inline
    (`DelegationMember`); a delegation with neither adds nothing.
    """
    listed = (
        DelegationMember.objects.filter(delegation=OuterRef("pk"))
        .order_by()
        .values("delegation")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(F("member_count"), Subquery(listed, output_field=IntegerField()), Value(0))


class Delegation(ScheduledActivity):
    direction = models.CharField(
        _("chiều đoàn"), max_length=10, choices=Direction, default=Direction.INCOMING
    )
    title = models.CharField(
        _("tên đoàn"), max_length=300, help_text=_("Ví dụ: Đoàn Tổng thống Chile.")
    )
    level = models.CharField(
        _("cấp đoàn"),
        max_length=30,
        choices=Level,
        default=Level.OTHER,
        help_text=_("Cấp của trưởng đoàn. Đoàn cấp cao được suy ra từ cấp đoàn."),
    )
    country = CountryField(
        _("quốc gia"),
        blank=True,
        help_text=_("Quốc gia của đoàn (đoàn vào) hoặc nước đến (đoàn ra)."),
    )
    partner = models.ForeignKey(
        "partners.PartnerLocality",
        verbose_name=_("địa phương đối tác"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    organization = models.CharField(
        _("tổ chức"),
        max_length=300,
        blank=True,
        help_text=_("Tổ chức quốc tế, doanh nghiệp hoặc cơ quan của đoàn, nếu có."),
    )
    head_name = models.CharField(_("trưởng đoàn"), max_length=200, blank=True)
    head_title = models.CharField(_("chức vụ trưởng đoàn"), max_length=300, blank=True)
    member_count = models.IntegerField(_("số thành viên"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=Status, default=Status.PLANNED
    )
    host_role = models.CharField(
        _("vai trò của Sở"), max_length=10, choices=HostRole, default=HostRole.LEAD
    )
    city_leader = models.CharField(
        _("lãnh đạo Thành phố"),
        max_length=200,
        blank=True,
        help_text=_("Lãnh đạo Thành phố tiếp đoàn (đoàn vào) hoặc dẫn đoàn (đoàn ra)."),
    )
    purpose = models.TextField(_("mục đích"), blank=True)
    pillars = models.ManyToManyField(
        Pillar, verbose_name=_("trụ cột đối ngoại"), blank=True, related_name="delegations"
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        verbose_name=_("văn bản hợp tác liên quan"),
        blank=True,
        related_name="delegations",
        help_text=_("Văn bản hợp tác mà chuyến thăm này triển khai."),
    )
    outcome = models.TextField(_("kết quả"), blank=True)
    search_text = search_text_field()
    title_key = folded_key_field()

    searchable_fields = ("title", "head_name", "head_title", "organization")
    folded_fields = {"title_key": "title"}
    objects = DelegationQuerySet.as_manager()

    counted_date_field = "start_date"
    counted_figures = (
        "incoming_delegations",
        "high_level_delegations",
        "outgoing_delegations",
        "incoming_persons",
        "outgoing_persons",
    )
    history = HistoricalRecords(excluded_fields=["search_text", "title_key"], bases=[LinkedHistory])

    class Meta(ScheduledActivity.Meta):
        verbose_name = _("đoàn")
        verbose_name_plural = _("đoàn vào, đoàn ra")
        constraints = [
            *ScheduledActivity.Meta.constraints,  # delegations_delegation_end_after_start
            models.CheckConstraint(
                condition=Q(member_count__isnull=True) | Q(member_count__gte=0),
                name="delegations_delegation_member_count_non_negative",
                violation_error_message=_("Số thành viên không được âm."),
            ),
            # The natural key the imports match on (core.natural_keys).
            models.UniqueConstraint(
                fields=["direction", "title_key", "start_date"],
                name="delegations_delegation_unique_direction_title_start",
                violation_error_message=_(
                    "Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu (không phân "
                    "biệt chữ hoa, chữ thường và dấu)."
                ),
            ),
        ]
        indexes = [
            # Rules 1-3 by year, and the breakdowns of one year: level and country are in the
            # key so that PostgreSQL counts from the index alone (index-only scan).
            models.Index(
                fields=["direction", "status", "start_date", "level", "country"],
                name="delegations_counting_idx",
            ),
            # Rule 2 by year: the high-level visits are a few percent of the rows.
            models.Index(
                fields=["start_date"],
                condition=Q(
                    direction=Direction.INCOMING, status=Status.COMPLETED, level__in=HIGH_LEVELS
                ),
                name="delegations_high_level_idx",
            ),
            # The lists' order (newest first), the first and last dates (data years, year
            # filters, date hierarchy).
            models.Index(fields=["start_date", "id"], name="delegations_start_idx"),
            # Planned and confirmed visits (needs update, upcoming): a few among millions.
            models.Index(
                fields=["start_date"],
                condition=Q(status__in=[Status.PLANNED, Status.CONFIRMED]),
                name="delegations_pending_idx",
            ),
            models.Index(fields=["country", "start_date"], name="delegations_country_idx"),
            # A partner's last completed visit, and whether it had one since a day (dormant).
            models.Index(
                fields=["partner", "start_date", "status"], name="delegations_partner_idx"
            ),
            models.Index(fields=["level", "start_date"], name="delegations_level_idx"),
        ]

    @property
    def is_high_level(self) -> bool:
        return self.level in HIGH_LEVELS

    def clean(self):
        if self.partner_id and not self.country:
            self.country = self.partner.country
        super().clean()

    def validation_errors(self) -> dict:
        errors = super().validation_errors()
        if self.member_count is not None and self.member_count < 0:
            errors["member_count"] = _("Số thành viên không được âm.")
        if self.partner_id and self.country and self.partner.country != self.country:
            errors["partner"] = _(
                "Địa phương đối tác %(partner)s thuộc %(partner_country)s, không thuộc %(country)s."
            ) % {
                "partner": self.partner.name,
                "partner_country": self.partner.country.name,
                "country": self.country.name,
            }
        if (
            self.status == Status.COMPLETED
            and self.start_date
            and self.start_date > timezone.localdate()
        ):
            errors["status"] = _(
                "Chuyến thăm chưa diễn ra (ngày bắt đầu ở tương lai) không thể ở tình trạng "
                "“Đã thực hiện”."
            )
        if not self.country and self.level != Level.INTERNATIONAL_ORGANIZATION:
            errors["country"] = _("Cần chọn quốc gia (chỉ đoàn tổ chức quốc tế mới được để trống).")
        return errors


class DelegationMember(models.Model):
    delegation = models.ForeignKey(
        Delegation, verbose_name=_("đoàn"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("họ tên"), max_length=200)
    title = models.CharField(_("chức vụ"), max_length=300, blank=True)
    organization = models.CharField(_("cơ quan"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên đoàn")
        verbose_name_plural = _("thành viên đoàn")
        ordering = ["delegation", "order", "id"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._note_delegation_day()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self._note_delegation_day()
        return deleted

    def _note_delegation_day(self):
        """The members listed are the person-trips of a delegation without a head count."""
        daily_counts.days_changed(Delegation, [self.delegation.start_date], self._state.db)


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị, diễn đàn")
    RECEPTION = "reception", _("Tiếp khách, chiêu đãi")
    CULTURAL = "cultural", _("Sự kiện văn hóa, quảng bá")
    ANNIVERSARY = "anniversary", _("Lễ kỷ niệm")
    OTHER = "other", _("Khác")


class EventRole(models.TextChoices):
    HOST = "host", _("Chủ trì")
    CO_HOST = "co_host", _("Đồng chủ trì")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    HELD = "held", _("Đã tổ chức")
    CANCELLED = "cancelled", _("Đã hủy")


def hosted_q() -> Q:
    """Counting rule 6 without the year: hosted or co-hosted by the city, not cancelled."""
    return ~Q(status=EventStatus.CANCELLED) & Q(role__in=[EventRole.HOST, EventRole.CO_HOST])


class EventQuerySet(ScheduledActivityQuerySet):
    pending_statuses = (EventStatus.PLANNED,)

    def held(self):
        return self.filter(status=EventStatus.HELD)

    def not_cancelled(self):
        return self.exclude(status=EventStatus.CANCELLED)

    def hosted(self):
        """Counting rule 6 without the year: hosted or co-hosted by the city, not cancelled."""
        return self.filter(hosted_q())

    def hosted_in(self, year: int):
        """Counting rule 6: hosted or co-hosted, not cancelled, starting in `year`."""
        return self.hosted().started_in_years(year, year)

    def daily_counts(self):
        """Rule 6 per day and origin (core.daily_counts keeps it)."""
        return (
            self.order_by()
            .values("origin", day=F("start_date"))
            .annotate(hosted_events=Count("pk", filter=hosted_q()))
        )


class Event(ScheduledActivity):
    title = models.CharField(_("tên sự kiện"), max_length=300)
    kind = models.CharField(
        _("loại sự kiện"), max_length=20, choices=EventKind, default=EventKind.CONFERENCE
    )
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    role = models.CharField(
        _("vai trò của Thành phố"), max_length=10, choices=EventRole, default=EventRole.HOST
    )
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=EventStatus, default=EventStatus.PLANNED
    )
    needs_prime_minister_approval = models.BooleanField(
        _("do Thủ tướng cho phép tổ chức"),
        default=False,
        help_text=_(
            "Đánh dấu khi hội nghị, hội thảo quốc tế thuộc thẩm quyền cho phép của Thủ tướng "
            "(Quyết định 06/2020/QĐ-TTg), ví dụ có lãnh đạo cấp cao tham dự hoặc có nội dung "
            "về chính trị, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, biên giới, lãnh "
            "thổ. Hồ sơ xin phép khi đó phải gửi trước 40 ngày thay vì 30 ngày."
        ),
    )
    foreign_participants = models.IntegerField(_("số khách quốc tế"), null=True, blank=True)
    countries = CountryField(
        _("các quốc gia tham gia"),
        multiple=True,
        blank=True,
        # Fixed, not derived from django-countries' list (which changes between its versions
        # and would ask for a migration): 250 codes and their commas fit.
        max_length=747,
    )
    partners = models.ManyToManyField(
        "partners.PartnerLocality",
        verbose_name=_("địa phương đối tác"),
        blank=True,
        related_name="events",
    )
    delegations = models.ManyToManyField(
        Delegation, verbose_name=_("đoàn liên quan"), blank=True, related_name="events"
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        verbose_name=_("văn bản hợp tác liên quan"),
        blank=True,
        related_name="events",
        help_text=_("Văn bản hợp tác mà sự kiện này triển khai."),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    search_text = search_text_field()
    title_key = folded_key_field()

    searchable_fields = ("title", "venue", "notes")
    folded_fields = {"title_key": "title"}
    objects = EventQuerySet.as_manager()

    counted_date_field = "start_date"
    counted_figures = ("hosted_events",)
    history = HistoricalRecords(excluded_fields=["search_text", "title_key"], bases=[LinkedHistory])

    class Meta(ScheduledActivity.Meta):
        verbose_name = _("sự kiện đối ngoại")
        verbose_name_plural = _("sự kiện đối ngoại")
        constraints = [
            *ScheduledActivity.Meta.constraints,  # delegations_event_end_after_start
            models.CheckConstraint(
                condition=Q(foreign_participants__isnull=True) | Q(foreign_participants__gte=0),
                name="delegations_event_participants_non_negative",
                violation_error_message=_("Số khách quốc tế không được âm."),
            ),
            # The natural key the imports match on (core.natural_keys).
            models.UniqueConstraint(
                fields=["title_key", "start_date"],
                name="delegations_event_unique_title_start",
                violation_error_message=_(
                    "Đã có một sự kiện cùng tên và cùng ngày bắt đầu (không phân biệt chữ hoa, "
                    "chữ thường và dấu)."
                ),
            ),
        ]
        indexes = [
            # The lists' order (newest first), and rule 6 by year counted from the index alone
            # (status and role in the key).
            models.Index(fields=["start_date", "id", "status", "role"], name="events_start_idx"),
            # Planned events (needs update, upcoming): a few among many.
            models.Index(
                fields=["start_date"],
                condition=Q(status=EventStatus.PLANNED),
                name="events_planned_idx",
            ),
        ]

    def validation_errors(self) -> dict:
        errors = super().validation_errors()
        if self.foreign_participants is not None and self.foreign_participants < 0:
            errors["foreign_participants"] = _("Số khách quốc tế không được âm.")
        if (
            self.status == EventStatus.HELD
            and self.start_date
            and self.start_date > timezone.localdate()
        ):
            errors["status"] = _(
                "Sự kiện chưa diễn ra (ngày bắt đầu ở tương lai) không thể ở tình trạng "
                "“Đã tổ chức”."
            )
        return errors
