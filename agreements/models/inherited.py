"""The inherited-agreements register (Decree 177/2025/NĐ-CP): the agreements of a former
province or district in force when the provinces merged, and the follow-up of each."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Agreement
from foreignaffairs.core.dates import validate_plausible_date
from foreignaffairs.core.models import DomainModel


class Decision(models.TextChoices):
    """What Decree 177/2025/NĐ-CP lets the city decide about an inherited agreement."""

    KEEP = "keep", _("Tiếp tục thực hiện")
    AMEND = "amend", _("Sửa đổi, bổ sung")
    SUSPEND = "suspend", _("Tạm đình chỉ thực hiện")
    TERMINATE = "terminate", _("Chấm dứt hiệu lực")
    REPLACE = "replace", _("Ký văn bản thay thế")


class FollowUpQuerySet(models.QuerySet):
    def awaiting_decision(self):
        return self.filter(decision="")


class InheritedAgreementFollowUp(DomainModel):
    """The follow-up Decree 177/2025/NĐ-CP asks for an agreement inherited from a former province
    or district (the inherited-agreements register, `Agreement.objects.inherited()`)."""

    agreement = models.OneToOneField(
        Agreement,
        verbose_name=_("văn bản kế thừa"),
        on_delete=models.CASCADE,
        related_name="follow_up",
    )
    inherited_from = models.CharField(
        _("kế thừa từ"),
        max_length=200,
        blank=True,
        help_text=_(
            "Đơn vị đã ký khi văn bản do một quận, huyện cũ ký, ví dụ: UBND Quận 1 (cũ). Để "
            "trống khi đơn vị gốc của văn bản đã nói đủ."
        ),
    )
    names_updated_on = models.DateField(
        _("ngày cập nhật tên đơn vị hành chính"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
    )
    decision = models.CharField(
        _("quyết định"), max_length=20, choices=Decision, blank=True, default=""
    )
    decided_on = models.DateField(
        _("ngày quyết định"), null=True, blank=True, validators=[validate_plausible_date]
    )
    partner_informed_on = models.DateField(
        _("ngày thông báo cho đối tác"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
    )
    replaced_by = models.ForeignKey(
        Agreement,
        verbose_name=_("văn bản thay thế"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = FollowUpQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theo dõi văn bản kế thừa")
        verbose_name_plural = _("theo dõi văn bản kế thừa")
        ordering = ["agreement"]
        constraints = [
            models.CheckConstraint(
                condition=Q(replaced_by__isnull=True) | Q(decision=Decision.REPLACE),
                name="agreements_inheritedagreementfollowup_replaced_only_when_replacing",
                violation_error_message=_(
                    "Chỉ ghi văn bản thay thế khi quyết định là “Ký văn bản thay thế”."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(replaced_by=F("agreement")),
                name="agreements_inheritedagreementfollowup_not_replaced_by_itself",
                violation_error_message=_("Văn bản không thể thay thế chính nó."),
            ),
        ]

    def __str__(self):
        return str(self.agreement)

    def clean(self):
        super().clean()
        errors = {}
        if self.replaced_by_id and self.decision != Decision.REPLACE:
            errors["replaced_by"] = _(
                "Chỉ ghi văn bản thay thế khi quyết định là “Ký văn bản thay thế”."
            )
        if self.replaced_by_id and self.replaced_by_id == self.agreement_id:
            errors["replaced_by"] = _("Văn bản không thể thay thế chính nó.")
        if self.decided_on and not self.decision:
            errors["decision"] = _("Có ngày quyết định thì phải chọn quyết định.")
        if errors:
            raise ValidationError(errors)


class InheritedAgreement(Agreement):
    """The inherited-agreements register: the agreements of a former province (or district)
    in force when the provinces merged, each with its follow-up."""

    class Meta:
        proxy = True
        verbose_name = _("văn bản kế thừa (Nghị định 177/2025)")
        verbose_name_plural = _("sổ theo dõi văn bản kế thừa (Nghị định 177/2025)")
