"""Generate the demo: a department's year after year, calibrated to the published figures.

The generator runs the writers in order, each on the windows the calibration gives it:
partners first (the others refer to them), then agreements, delegations and events. All of
them draw from one seeded random source (`draws.py`), so the order is part of the output.
"""

import datetime
import random

from agreements.models import CooperationField
from delegations.models import Direction, Pillar
from foreignaffairs.demo import plan
from foreignaffairs.demo.agreements import AgreementWriter
from foreignaffairs.demo.calibration import Calibration, RealRecords
from foreignaffairs.demo.delegations import DelegationWriter
from foreignaffairs.demo.draws import Draws
from foreignaffairs.demo.events import EventWriter
from foreignaffairs.demo.partners import write_partners
from foreignaffairs.demo.programmes import write_programmes
from foreignaffairs.demo.provinces import write_provinces


class DemoGenerator:
    """Creates the demo records; `run()` returns how many of each were created.

    Deterministic: the same seed, today, scale and real records give the same records.
    """

    def __init__(self, *, seed: int, today: datetime.date, scale: int = 1, progress=None):
        if scale < 1:
            raise ValueError("scale must be at least 1")
        self.rng = random.Random(seed)
        self.today = today
        self.horizon = today + datetime.timedelta(days=plan.UPCOMING_DAYS)
        self.scale = scale
        self.progress = progress
        self.years = range(plan.FIRST_YEAR, self.horizon.year + 1)

    def run(self) -> dict[str, int]:
        calibration = Calibration(RealRecords(), self.years, self.scale)
        fields = list(CooperationField.objects.order_by("order", "pk"))
        pillars = {pillar.code: pillar for pillar in Pillar.objects.all()}
        draws = Draws(self.rng, today=self.today, horizon=self.horizon, fields=fields)
        created = dict.fromkeys(
            ["partners", "agreements", "activities", "delegations", "events", "plan_items"]
        )

        before, partner_windows = calibration.partner_windows()
        partners = write_partners(
            draws, before, partner_windows, scale=self.scale, progress=self.progress
        )
        created["partners"] = len(partners.all)

        agreements = AgreementWriter(draws, partners, scale=self.scale, progress=self.progress)
        created["agreements"], created["activities"] = agreements.write(
            calibration.agreement_windows()
        )

        delegations = DelegationWriter(draws, partners, pillars, progress=self.progress)
        created["delegations"] = delegations.write(
            calibration.delegation_windows(Direction.INCOMING),
            calibration.delegation_windows(Direction.OUTGOING),
        )

        events = EventWriter(draws, partners, progress=self.progress)
        created["events"] = events.write(calibration.event_windows())

        # Last: the programmes link the records above, and draw after them.
        created["plan_items"] = write_programmes(self.rng, self.years, self.today)

        # The two former provinces' records draw after the city's, which stay as they were.
        for key, count in write_provinces(draws, partners, pillars).items():
            created[key] += count
        return created


def seed(*, seed: int = 1, today: datetime.date, scale: int = 1, progress=None) -> dict[str, int]:
    """Generate the demo records; call inside a transaction."""
    return DemoGenerator(seed=seed, today=today, scale=scale, progress=progress).run()
