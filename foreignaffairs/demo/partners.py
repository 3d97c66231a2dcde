"""Demo partner localities: who they are, when each relationship was established (or ended),
and which of them can sign or visit on a given day."""

import bisect
import dataclasses
import datetime
import random
from dataclasses import dataclass
from functools import cached_property

from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import Window
from foreignaffairs.demo.draws import Draws
from foreignaffairs.demo.writing import BATCH, DEMO_SOURCE, Progress, chunked
from partners.models import PartnerLocality, Relationship


@dataclass
class DemoPartner:
    pk: int
    place: words.Place
    established_on: datetime.date | None
    ended_on: datetime.date | None


class DemoPartners:
    """The demo partners once written, and lookups for the other writers."""

    def __init__(self, partners: list[DemoPartner], rng: random.Random):
        self.all = partners
        self.rng = rng
        # Partners that can sign an agreement on a day: established by then and not ended,
        # or cooperating without an establishing document.
        self.established = sorted(
            (p for p in partners if p.established_on), key=lambda p: p.established_on
        )
        self.established_days = [p.established_on for p in self.established]
        self.cooperating = [p for p in partners if not p.established_on]

    def on(self, day: datetime.date) -> DemoPartner | None:
        """A partner with a relationship on `day`, at random (None after five misses)."""
        count = bisect.bisect_right(self.established_days, day)
        candidates = count + len(self.cooperating)
        for _ in range(5):
            if not candidates:
                return None
            index = self.rng.randrange(candidates)
            partner = self.established[index] if index < count else self.cooperating[index - count]
            if not (partner.ended_on and partner.ended_on <= day):
                return partner
        return None

    @cached_property
    def by_place(self) -> dict[tuple[str, str], DemoPartner]:
        """The first partner of each (country, name), for visits and events at a place."""
        result = {}
        for partner in self.all:
            result.setdefault((partner.place.country, partner.place.name), partner)
        return result


def relationship(rng: random.Random) -> str:
    return Relationship.SISTER_CITY if rng.random() < 0.3 else Relationship.FRIENDSHIP


def write_partners(
    draws: Draws, before: int, windows: dict[int, list[Window]], *, scale: int, progress
) -> DemoPartners:
    """Write `before` partners established before the demo years, those founded in the
    `windows` (up to today), and the cooperation-only ones; all scaled up to a ceiling."""
    rng = draws.rng
    cooperation = plan.COOPERATION_ONLY_PARTNERS
    factor = 1.0
    if scale > 1:
        base = before + cooperation + sum(w.count for ws in windows.values() for w in ws)
        factor = min(scale, plan.MAX_PARTNERS / base)

    def scaled(count):
        return round(count * factor) if factor != 1 else count

    # Real places in a random order weighted towards Asia (Efraimidis–Spirakis keys).
    places = sorted(
        words.PLACES,
        key=lambda p: rng.random() ** (1 / words.COUNTRIES[p.country][1]),
        reverse=True,
    )
    taken = set(PartnerLocality.objects.filter(is_demo=False).values_list("country", "name_key"))
    places = [p for p in places if (p.country, fold(p.name)) not in taken]

    def place_for(index: int) -> tuple[words.Place, str, str]:
        """The place, name and English name of the index-th partner."""
        place = places[index % len(places)]
        number = index // len(places) + 1
        if number == 1:
            return place, place.name, place.name_en
        # Beyond the list of real places (benchmarks only), names get a number.
        return place, f"{place.name} {number}", f"{place.name_en} {number}"

    specs = []  # (established_on, ended_on, relationship)
    oldest = datetime.date(plan.OLDEST_PARTNER_YEAR, 1, 1).toordinal()
    latest = datetime.date(plan.FIRST_YEAR - 1, 12, 31).toordinal()
    for index in range(scaled(before)):
        established = datetime.date.fromordinal(rng.randint(oldest, latest))
        ended = plan.ENDED_PARTNER_ON if index == 0 else None
        specs.append((established, ended, relationship(rng)))
    for year_windows in windows.values():  # in year order
        for window in year_windows:
            window = Window(window.start, window.end, scaled(window.count))
            for day in draws.dates(window, seasonal=False):
                if day <= draws.today:
                    specs.append((day, None, relationship(rng)))
    specs.extend((None, None, Relationship.COOPERATION) for _ in range(scaled(cooperation)))

    partners: list[DemoPartner] = []
    bar = Progress(progress, "Địa phương đối tác", len(specs))
    for chunk in chunked(enumerate(specs), BATCH):
        records = []
        for index, (established, ended, relation) in chunk:
            place, name, name_en = place_for(index)
            notes = ""
            if ended:
                notes = "Quan hệ chấm dứt theo thỏa thuận của hai bên."
            elif relation == Relationship.COOPERATION:
                notes = "Hợp tác theo từng dự án, chưa ký văn bản thiết lập quan hệ."
            records.append(
                PartnerLocality(
                    name=nfc(name),
                    name_en=name_en,
                    country=place.country,
                    kind=place.kind,
                    relationship=relation,
                    established_on=established,
                    ended_on=ended,
                    notes=notes,
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
        PartnerLocality.objects.bulk_create(records, batch_size=BATCH)
        for (index, (established, ended, _)), record in zip(chunk, records, strict=True):
            # Titles name the partner as stored, numbered names included.
            place = dataclasses.replace(place_for(index)[0], name=record.name)
            partners.append(DemoPartner(record.pk, place, established, ended))
        bar.advance(len(records))
    bar.finish()
    return DemoPartners(partners, rng)
