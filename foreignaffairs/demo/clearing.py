"""Which models hold demo records, whether there are any, and deleting them all (and only them)."""

from django.test.utils import override_settings

from agreements.models import Agreement, ImplementationActivity
from delegations.models import Delegation, Event
from foreignaffairs.demo.writing import Progress, chunked
from partners.models import PartnerLocality
from plans.models import AnnualPlan, PlanItem

# In the order they are deleted: records before the records they point to.
DEMO_MODELS = (
    PlanItem,
    AnnualPlan,
    ImplementationActivity,
    Agreement,
    Event,
    Delegation,
    PartnerLocality,
)


def has_demo_data() -> bool:
    return any(model.objects.filter(is_demo=True).exists() for model in DEMO_MODELS)


def clear(*, progress=None) -> dict[str, int]:
    """Delete every demo record and nothing else; call inside a transaction.

    History is switched off while deleting: the demo records never had any, and a "deleted"
    entry for each of them would only bury the real history.
    """
    removed = {}
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in DEMO_MODELS:
            pks = list(model.objects.filter(is_demo=True).values_list("pk", flat=True))
            bar = Progress(progress, str(model._meta.verbose_name_plural)[:22], len(pks))
            for chunk in chunked(pks, 5000):
                model.objects.filter(pk__in=chunk).delete()
                bar.advance(len(chunk))
            bar.finish()
            removed[model._meta.label] = len(pks)
    return removed
