"""Programme items in Excel/CSV (see foreignaffairs.core.spreadsheets)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets
from import_export.fields import Field

from delegations.models import Level
from foreignaffairs.core.spreadsheets.resources import DomainResource, column_label, model_column
from partners.widgets import PartnerWidget
from plans.models import AnnualPlan, ItemKind, PlanItem

FIRST_PLAN_YEAR = 1975


class PlanYearWidget(widgets.Widget):
    """The programme by its year: a year with no programme yet gets one (not approved), so a
    whole programme is imported from one sheet of items."""

    def clean(self, value, row=None, **kwargs):
        try:
            year = int(str(value).strip().split(".")[0])
        except (TypeError, ValueError):
            raise ValueError(_("Năm phải là một số, ví dụ 2026.")) from None
        if not FIRST_PLAN_YEAR <= year <= 2100:
            raise ValueError(_("Năm %(year)s không hợp lệ.") % {"year": year})
        plan, _created = AnnualPlan.objects.get_or_create(year=year)
        return plan

    def render(self, value, obj=None, **kwargs):
        return value.year if value else ""


class PlanItemResource(DomainResource):
    """Natural key: the programme's year + kind + content."""

    plan = Field(
        attribute="plan",
        column_name=gettext_lazy("Năm của chương trình"),
        widget=PlanYearWidget(),
    )
    partner = model_column(
        PlanItem, "partner", PartnerWidget(country_column=column_label(PlanItem, "country"))
    )
    example = {
        "plan": 2031,
        "kind": ItemKind.OUTGOING.label,
        "title": "Đoàn lãnh đạo Thành phố thăm và làm việc tại một địa phương đối tác (ví dụ)",
        "country": "Nhật Bản",
        "level": Level.LOCAL_LEADER.label,
        "quarter": 2,
        "purpose": "Thúc đẩy hợp tác giáo dục, đào tạo nguồn nhân lực",
        "responsible_unit": "Sở Ngoại vụ",
    }

    class Meta:
        model = PlanItem
        fields = (
            "plan",
            "kind",
            "title",
            "country",
            "partner",
            "level",
            "month",
            "quarter",
            "purpose",
            "responsible_unit",
            "cancelled",
            "source",
        )
        import_id_fields = ("plan", "kind", "title")

    # The programme is a record; its key part is its id, as the loader reads it from the table.
    def natural_key_of_row(self, row: dict) -> tuple | None:
        key = super().natural_key_of_row(row)
        return None if key is None else tuple(_plan_id(part) for part in key)

    def natural_key_of_instance(self, instance) -> tuple:
        return tuple(_plan_id(part) for part in super().natural_key_of_instance(instance))


def _plan_id(part):
    return part.pk if isinstance(part, AnnualPlan) else part
