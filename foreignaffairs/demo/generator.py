"""Generate the demo: a department's year after year, calibrated to the published figures.

Records are inserted with `bulk_create` in batches, so a million delegations take minutes, not
hours. That skips two things `save()` would do, which is acceptable for generated data:
django-simple-history records no history for them (they were never edited by anyone), and
`DomainModel.save()` does not run, so the text is NFC-normalised here and each partner's
`name_key` is set here.
"""

import bisect
import dataclasses
import datetime
import itertools
import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import reset_queries
from django.db.models import Q
from django.test.utils import override_settings

from agreements.models import Agreement, CooperationField, ImplementationActivity
from agreements.models import Status as AgreementStatus
from delegations.models import (
    HIGH_LEVELS,
    Delegation,
    Direction,
    Event,
    EventStatus,
    Level,
    Pillar,
    Status,
)
from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from partners.models import PartnerLocality, Relationship

DEMO_SOURCE = "Dữ liệu minh họa do lệnh seed_demo tạo ra, không phải số liệu thật"
BATCH = 2000
DAY = datetime.timedelta(days=1)

# Fewer visits in the month of Tết, more in autumn.
MONTH_WEIGHTS = {
    1: 0.55,
    2: 0.6,
    3: 1.0,
    4: 1.0,
    5: 1.0,
    6: 0.9,
    7: 0.85,
    8: 0.95,
    9: 1.2,
    10: 1.3,
    11: 1.3,
    12: 1.05,
}
# Levels of the heads of incoming delegations: high-level about 7 %.
LEVEL_WEIGHTS = {
    Level.HEAD_OF_STATE: 1.5,
    Level.VICE_HEAD_OF_STATE: 0.8,
    Level.HEAD_OF_GOVERNMENT: 1.5,
    Level.DEPUTY_HEAD_OF_GOVERNMENT: 1.5,
    Level.PARLIAMENT_LEADER: 1.2,
    Level.ROYALTY: 0.5,
    Level.MINISTER: 9,
    Level.LOCAL_LEADER: 20,
    Level.DIPLOMATIC: 14,
    Level.INTERNATIONAL_ORGANIZATION: 7,
    Level.BUSINESS: 24,
    Level.OTHER: 19,
}
DEMO_MODELS = (ImplementationActivity, Agreement, Event, Delegation, PartnerLocality)


# Small helpers -----------------------------------------------------------------------------


def chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def years_after(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def allocate(total: int, weights: dict) -> dict:
    """Split `total` in proportion to `weights`, exactly (largest remainder, ties in order)."""
    weight_sum = sum(weights.values())
    if total <= 0 or weight_sum <= 0:
        return dict.fromkeys(weights, 0)
    shares = {key: total * w / weight_sum for key, w in weights.items()}
    counts = {key: int(share) for key, share in shares.items()}
    by_remainder = sorted(weights, key=lambda key: counts[key] - shares[key])
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


class Progress:
    """A one-line textual progress bar on stderr (none when `stream` is None)."""

    def __init__(self, stream, label: str, total: int):
        self.stream, self.label, self.total, self.done = stream, label, total, 0
        self.started = self.shown = time.monotonic()
        self._show()

    def advance(self, count: int):
        self.done += count
        # With DEBUG on, Django keeps the last 9000 queries; the large INSERTs would take
        # gigabytes at benchmark volumes.
        reset_queries()
        if time.monotonic() - self.shown > 0.5:
            self._show()

    def finish(self):
        self._show()
        if self.stream:
            self.stream.write("\n")

    def _show(self):
        if not self.stream:
            return
        self.shown = time.monotonic()
        percent = 100 * self.done // self.total if self.total else 100
        bar = "#" * (percent // 4)
        self.stream.write(
            f"\r{self.label:<22} [{bar:<25}] {self.done:>9}/{self.total} "
            f"{percent:>3}% {self.shown - self.started:6.1f}s"
        )
        self.stream.flush()


@dataclass
class Window:
    """`count` records to spread over the days from `start` to `end`."""

    start: datetime.date
    end: datetime.date
    count: int


@dataclass
class DemoPartner:
    pk: int
    place: words.Place
    established_on: datetime.date | None
    ended_on: datetime.date | None


# What the real records already contribute -------------------------------------------------


class RealRecords:
    """Dates of the real (non-demo) records that the counting rules count."""

    def __init__(self):
        real = Q(is_demo=False)
        self.incoming = sorted(
            Delegation.objects.filter(real).received().values_list("start_date", flat=True)
        )
        self.outgoing = sorted(
            Delegation.objects.filter(real).sent().values_list("start_date", flat=True)
        )
        self.events = sorted(
            Event.objects.filter(real).hosted().values_list("start_date", flat=True)
        )
        self.agreements = sorted(
            Agreement.objects.filter(real).signed().values_list("signed_on", flat=True)
        )
        self.partners = list(
            PartnerLocality.objects.filter(real, established_on__isnull=False).values_list(
                "established_on", "ended_on"
            )
        )

    @staticmethod
    def count(dates: list, start: datetime.date | None, end: datetime.date) -> int:
        low = bisect.bisect_left(dates, start) if start else 0
        return bisect.bisect_right(dates, end) - low

    def partners_active_on(self, day: datetime.date) -> int:
        return sum(
            1
            for established, ended in self.partners
            if established <= day and not (ended and ended <= day)
        )

    def partners_established(self, start: datetime.date, end: datetime.date) -> int:
        return sum(1 for established, _ in self.partners if start <= established <= end)


# The generator ----------------------------------------------------------------------------


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
        self.progress_stream = progress
        self.years = range(plan.FIRST_YEAR, self.horizon.year + 1)
        self.created = dict.fromkeys(
            ["partners", "agreements", "activities", "delegations", "events"], 0
        )

    def run(self) -> dict[str, int]:
        self.real = RealRecords()
        self.fields = list(CooperationField.objects.order_by("order", "pk"))
        self.pillars = {pillar.code: pillar for pillar in Pillar.objects.all()}
        self._prepare_choices()
        self.create_partners()
        self.create_agreements()
        self.create_delegations()
        self.create_events()
        return self.created

    # Random choices -------------------------------------------------------------------------

    def _prepare_choices(self):
        def weighted(codes):
            codes = list(codes)
            weights = [words.COUNTRIES[code][1] for code in codes]
            return codes, list(itertools.accumulate(weights))

        everyone = list(words.COUNTRIES)
        self.countries_for_level = {
            Level.HEAD_OF_STATE: weighted(everyone),
            Level.VICE_HEAD_OF_STATE: weighted(words.VICE_HEAD_OF_STATE),
            Level.HEAD_OF_GOVERNMENT: weighted(words.PRIME_MINISTER),
            Level.DEPUTY_HEAD_OF_GOVERNMENT: weighted(words.PRIME_MINISTER),
            Level.PARLIAMENT_LEADER: weighted(everyone),
            Level.ROYALTY: weighted(words.ROYALTY),
            None: weighted(everyone),
        }
        self.levels = list(LEVEL_WEIGHTS)
        self.level_weights = list(itertools.accumulate(LEVEL_WEIGHTS.values()))
        self.place_weights = list(
            itertools.accumulate(words.COUNTRIES[p.country][1] for p in words.PLACES)
        )
        self.agreement_kinds = (
            list(words.AGREEMENT_KIND_WEIGHTS),
            list(itertools.accumulate(words.AGREEMENT_KIND_WEIGHTS.values())),
        )
        self.leaders = [role for role, _ in words.CITY_LEADERS]
        self.leader_weights = list(itertools.accumulate(w for _, w in words.CITY_LEADERS))

    def pick(self, population, cum_weights):
        return self.rng.choices(population, cum_weights=cum_weights)[0]

    def country(self, level=None) -> str:
        return self.pick(*self.countries_for_level[level])

    def place(self) -> words.Place:
        return self.pick(words.PLACES, self.place_weights)

    def field_phrase(self, field: CooperationField | None = None) -> str:
        """A cooperation field as written inside a sentence: 'khoa học và công nghệ'."""
        field = field or (self.rng.choice(self.fields) if self.fields else None)
        name = field.name if field else "Kinh tế"
        return name[0].lower() + name[1:]

    def dates(self, window: Window, seasonal: bool = True) -> list[datetime.date]:
        """`window.count` dates in the window, by month with the seasonal weights."""
        months = {}
        day = window.start
        while day <= window.end:
            month_end = min(
                (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - DAY,
                window.end,
            )
            days = (month_end - day).days + 1
            months[(day, month_end)] = (MONTH_WEIGHTS[day.month] if seasonal else 1) * days
            day = month_end + DAY
        result = []
        for (first, last), count in allocate(window.count, months).items():
            span = (last - first).days
            result.extend(
                first + datetime.timedelta(days=self.rng.randint(0, span)) for _ in range(count)
            )
        return sorted(result)

    # Partners --------------------------------------------------------------------------------

    def partner_windows(self) -> tuple[int, dict[int, list[Window]]]:
        """How many demo partners predate 2012, and the windows of the new ones after.

        Calibrated so that, with the real partners, 48 are active at the end of 2017 and 54 on
        30 April 2023 (one demo relationship ends in between).
        """
        new = {}
        for year in self.years:
            start, end = year_bounds(year)
            real_new = self.real.partners_established(start, end)
            new[year] = max(0, plan.year_plan(year).new_partners - real_new)
        end_2017 = datetime.date(2017, 12, 31)
        founded_to_2017 = sum(new[y] for y in range(plan.FIRST_YEAR, 2018))
        before = plan.PARTNERS_END_2017 - self.real.partners_active_on(end_2017) - founded_to_2017
        windows = {year: [Window(*year_bounds(year), count)] for year, count in new.items()}
        if 2023 in new:
            active_without_2023 = (
                self.real.partners_active_on(plan.APRIL_2023)
                + before
                - 1  # the demo relationship that ends in 2019
                + sum(new[y] for y in range(plan.FIRST_YEAR, 2023))
            )
            by_april = plan.PARTNERS_APRIL_2023 - active_without_2023
            if not 0 <= by_april <= new[2023] or before < 1:
                raise ValueError("the partner plan cannot meet the published partner counts")
            windows[2023] = [
                Window(datetime.date(2023, 1, 1), plan.APRIL_2023, by_april),
                Window(plan.APRIL_2023 + DAY, datetime.date(2023, 12, 31), new[2023] - by_april),
            ]
        return before, windows

    def create_partners(self):
        before, windows = self.partner_windows()
        cooperation = plan.COOPERATION_ONLY_PARTNERS
        factor = 1.0
        if self.scale > 1:
            base = before + cooperation + sum(w.count for ws in windows.values() for w in ws)
            factor = min(self.scale, plan.MAX_PARTNERS / base)

        def scaled(count):
            return round(count * factor) if factor != 1 else count

        # Real places in a random order weighted towards Asia (Efraimidis–Spirakis keys).
        places = sorted(
            words.PLACES,
            key=lambda p: self.rng.random() ** (1 / words.COUNTRIES[p.country][1]),
            reverse=True,
        )
        taken = set(
            PartnerLocality.objects.filter(is_demo=False).values_list("country", "name_key")
        )
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
            established = datetime.date.fromordinal(self.rng.randint(oldest, latest))
            ended = plan.ENDED_PARTNER_ON if index == 0 else None
            specs.append((established, ended, self.relationship()))
        for year in self.years:
            for window in windows[year]:
                window = Window(window.start, window.end, scaled(window.count))
                for day in self.dates(window, seasonal=False):
                    if day <= self.today:
                        specs.append((day, None, self.relationship()))
        specs.extend((None, None, Relationship.COOPERATION) for _ in range(scaled(cooperation)))

        self.partners: list[DemoPartner] = []
        progress = Progress(self.progress_stream, "Địa phương đối tác", len(specs))
        for chunk in chunked(enumerate(specs), BATCH):
            records = []
            for index, (established, ended, relationship) in chunk:
                place, name, name_en = place_for(index)
                notes = ""
                if ended:
                    notes = "Quan hệ chấm dứt theo thỏa thuận của hai bên."
                elif relationship == Relationship.COOPERATION:
                    notes = "Hợp tác theo từng dự án, chưa ký văn bản thiết lập quan hệ."
                records.append(
                    PartnerLocality(
                        name=nfc(name),
                        name_en=name_en,
                        name_key=fold(name),
                        country=place.country,
                        kind=place.kind,
                        relationship=relationship,
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
                self.partners.append(DemoPartner(record.pk, place, established, ended))
            progress.advance(len(records))
        progress.finish()
        self.created["partners"] = len(self.partners)
        # Partners that can sign an agreement on a day: established by then and not ended,
        # or cooperating without an establishing document.
        self.established = sorted(
            (p for p in self.partners if p.established_on), key=lambda p: p.established_on
        )
        self.established_days = [p.established_on for p in self.established]
        self.cooperating = [p for p in self.partners if not p.established_on]

    def relationship(self) -> str:
        return Relationship.SISTER_CITY if self.rng.random() < 0.3 else Relationship.FRIENDSHIP

    def partner_on(self, day: datetime.date) -> DemoPartner | None:
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

    # Agreements ------------------------------------------------------------------------------

    def agreement_windows(self) -> dict[int, list[Window]]:
        """Agreements signed per window, the relationship-founding ones included: 12 in 2017
        and 66 signed on or before 30 April 2023, with the real ones."""
        windows = {}
        for year in self.years:
            start, end = year_bounds(year)
            year_plan = plan.year_plan(year)
            if self.scale == 1:
                demo = year_plan.agreements - self.real.count(self.real.agreements, start, end)
            else:  # benchmarks: about one agreement for ten delegations
                visits = (year_plan.incoming + year_plan.outgoing) * self.scale
                demo = round(visits * plan.AGREEMENTS_PER_DELEGATION)
            windows[year] = [Window(start, end, max(0, demo))]
        if 2023 in windows and self.scale == 1:
            before_2023 = sum(windows[y][0].count for y in range(plan.FIRST_YEAR, 2023))
            real_by_april = self.real.count(self.real.agreements, None, plan.APRIL_2023)
            by_april = plan.AGREEMENTS_BY_APRIL_2023 - real_by_april - before_2023
            total = windows[2023][0].count
            if not 0 <= by_april <= total:
                raise ValueError("the agreement plan cannot meet the published agreement count")
            windows[2023] = [
                Window(datetime.date(2023, 1, 1), plan.APRIL_2023, by_april),
                Window(plan.APRIL_2023 + DAY, datetime.date(2023, 12, 31), total - by_april),
            ]
        return windows

    def create_agreements(self):
        founding = {}  # window start -> partners founded in that window
        for partner in self.established:
            if partner.established_on.year >= plan.FIRST_YEAR:
                founding.setdefault(partner.established_on.year, []).append(partner)
        specs = []  # (signed_on, founded partner or None)
        for year, year_windows in self.agreement_windows().items():
            founded = founding.get(year, [])
            for window in year_windows:
                in_window = [p for p in founded if window.start <= p.established_on <= window.end]
                specs.extend((p.established_on, p) for p in in_window)
                if len(in_window) > window.count and self.scale == 1:
                    raise ValueError("more relationships founded than agreements planned")
                others = Window(window.start, window.end, max(0, window.count - len(in_window)))
                specs.extend((day, None) for day in self.dates(others) if day <= self.today)
        specs.sort(key=lambda spec: spec[0])
        negotiating = [(None, None)] * (plan.NEGOTIATING_AGREEMENTS * self.scale)
        expiring_year = self.today.year - 3
        self.expiring_left = plan.EXPIRING_AGREEMENTS * self.scale

        partner_links = Agreement.partners.through
        field_links = Agreement.fields.through
        progress = Progress(self.progress_stream, "Văn bản hợp tác", len(specs) + len(negotiating))
        for chunk in chunked(specs + negotiating, BATCH):
            records, partners, fields = [], [], []
            for signed_on, founded in chunk:
                agreement, partner, agreement_fields = self.agreement(
                    signed_on, founded, expiring_year
                )
                records.append(agreement)
                partners.append(partner)
                fields.append(agreement_fields)
            Agreement.objects.bulk_create(records, batch_size=BATCH)
            partner_links.objects.bulk_create(
                [
                    partner_links(agreement_id=a.pk, partnerlocality_id=p.pk)
                    for a, p in zip(records, partners, strict=True)
                    if p
                ],
                batch_size=BATCH,
            )
            field_links.objects.bulk_create(
                [
                    field_links(agreement_id=a.pk, cooperationfield_id=f.pk)
                    for a, fs in zip(records, fields, strict=True)
                    for f in fs
                ],
                batch_size=BATCH,
            )
            activities = [a for record in records for a in self.activities(record)]
            ImplementationActivity.objects.bulk_create(activities, batch_size=BATCH)
            self.created["activities"] += len(activities)
            progress.advance(len(records))
        progress.finish()
        self.created["agreements"] = progress.done

    def agreement(self, signed_on, founded: DemoPartner | None, expiring_year: int):
        rng = self.rng
        fields = rng.sample(self.fields, k=min(len(self.fields), rng.randint(1, 3)))
        field = self.field_phrase(fields[0]) if fields else self.field_phrase()
        agreement = Agreement(
            signed_on=signed_on,
            status=AgreementStatus.IN_FORCE,
            city_signatory=rng.choice(["Chủ tịch UBND Thành phố", "Phó Chủ tịch UBND Thành phố"]),
            signed_place="TP. Hồ Chí Minh",
            is_demo=True,
            source=DEMO_SOURCE,
        )
        if founded:
            kind = "relationship" if rng.random() < 0.4 else "mou"
            agreement.kind = kind
            agreement.title = words.FOUNDING_AGREEMENTS[kind].format(
                counterpart=founded.place.called_in
            )
            agreement.establishes_relationship = True
            agreement.partner_signatory = founded.place.leader_title
            agreement.city_signatory = "Chủ tịch UBND Thành phố"
            partner = founded
        else:
            partner = self.partner_on(signed_on or self.today) if rng.random() < 0.75 else None
            if partner:
                counterpart = partner.place.called_in
                agreement.partner_signatory = partner.place.leader_title
            else:
                counterpart = rng.choice(words.PARTNER_ORGANIZATIONS)
                agreement.partner_organization = counterpart
            kind = self.pick(*self.agreement_kinds)
            agreement.kind = kind
            year = (signed_on or self.today).year
            agreement.title = words.AGREEMENTS[kind].format(
                year=year, until=year + 2, field=field, counterpart=counterpart
            )
            if signed_on is None:
                agreement.status = AgreementStatus.NEGOTIATING
                agreement.signed_place = ""
                agreement.city_signatory = ""
                agreement.notes = "Dự thảo đang trao đổi với phía đối tác."
            else:
                self.set_term(agreement, kind, expiring_year)
        agreement.title = nfc(agreement.title)
        return agreement, partner, fields

    def set_term(self, agreement: Agreement, kind: str, expiring_year: int):
        rng = self.rng
        signed_on = agreement.signed_on
        if signed_on.year == expiring_year and self.expiring_left > 0 and kind != "action_plan":
            # Some agreements run out within the next 180 days, for the follow-up panel.
            self.expiring_left -= 1
            agreement.expires_on = self.today + datetime.timedelta(days=rng.randint(15, 170))
            return
        draw = rng.random()
        if kind == "action_plan":
            agreement.expires_on = years_after(signed_on, 3) - DAY
        elif draw < 0.4:
            years = rng.choice([3, 5])
            agreement.expires_on = years_after(signed_on, years)
            agreement.auto_renew = draw < 0.15
        if rng.random() < 0.03:  # a few are ended early by one side
            ended = signed_on + datetime.timedelta(days=rng.randint(365, 3 * 365))
            if ended <= self.today and not (agreement.expires_on and agreement.expires_on < ended):
                agreement.status = AgreementStatus.TERMINATED
                agreement.terminated_on = ended

    def activities(self, agreement: Agreement) -> list[ImplementationActivity]:
        """What was done under an agreement; some stall after the first months (dormant)."""
        rng = self.rng
        if agreement.signed_on is None:
            return []
        start = agreement.signed_on + datetime.timedelta(days=20)
        end = min(
            self.today, agreement.terminated_on or self.today, agreement.expires_on or self.today
        )
        stalled = rng.random() < plan.STALLED_SHARE
        if stalled:
            end = min(end, agreement.signed_on + datetime.timedelta(days=180))
        if end < start:
            return []
        count = rng.choices(range(9), weights=[4, 6, 10, 14, 16, 16, 14, 12, 8])[0]
        days = [rng.randint(start.toordinal(), end.toordinal()) for _ in range(count)]
        if days and not stalled:
            # Work still going on: something done in the last months before `end`.
            days[0] = max(start.toordinal(), end.toordinal() - rng.randint(0, 240))
        days.sort()
        result = []
        for ordinal in days:
            day = datetime.date.fromordinal(ordinal)
            kind, template = rng.choice(words.ACTIVITY_DESCRIPTIONS)
            result.append(
                ImplementationActivity(
                    agreement_id=agreement.pk,
                    date=day,
                    kind=kind,
                    description=nfc(template.format(field=self.field_phrase(), year=day.year)),
                    responsible_unit=rng.choice(words.RESPONSIBLE_UNITS),
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
        return result

    # Delegations -----------------------------------------------------------------------------

    def delegation_windows(self, direction: str) -> list[Window]:
        """Completed visits per window, the real ones subtracted: 47 incoming in the first half
        of 2012, the 2017 totals, and the rest of the plan."""
        real = self.real.incoming if direction == Direction.INCOMING else self.real.outgoing
        windows = []
        for year in self.years:
            year_plan = plan.year_plan(year)
            total = year_plan.incoming if direction == Direction.INCOMING else year_plan.outgoing
            start, end = year_bounds(year)
            if year == 2012 and direction == Direction.INCOMING:
                parts = [
                    (start, plan.FIRST_HALF_2012_END, plan.INCOMING_FIRST_HALF_2012),
                    (plan.FIRST_HALF_2012_END + DAY, end, total - plan.INCOMING_FIRST_HALF_2012),
                ]
            else:
                parts = [(start, end, total)]
            for first, last, count in parts:
                demo = max(0, count - self.real.count(real, first, last))
                windows.append(Window(first, last, demo * self.scale))
        return windows

    def status(self, day: datetime.date, done: str, pending: tuple[str, ...]) -> str:
        """Done in the past; pending ahead; some recent ones of this year not yet closed out."""
        if day > self.today:
            return self.rng.choice(pending)
        recent = (self.today - day).days <= plan.NOT_CLOSED_DAYS and day.year == self.today.year
        if recent and self.rng.random() < plan.NOT_CLOSED_SHARE:
            return self.rng.choice(pending)
        return done

    def visit_days(self, windows: list[Window]) -> Iterator[tuple[datetime.date, bool]]:
        """(day, cancelled) for each visit or event: the counted ones, then a few cancelled."""
        for window in windows:
            for day in self.dates(window):
                if day <= self.horizon:
                    yield day, False
            cancelled = Window(window.start, window.end, round(window.count * plan.CANCELLED_SHARE))
            for day in self.dates(cancelled):
                if day <= self.horizon:
                    yield day, True

    def create_delegations(self):
        incoming = self.delegation_windows(Direction.INCOMING)
        outgoing = self.delegation_windows(Direction.OUTGOING)
        total = sum(round(w.count * (1 + plan.CANCELLED_SHARE)) for w in incoming + outgoing)
        progress = Progress(self.progress_stream, "Đoàn vào, đoàn ra", total)
        pillar_links = Delegation.pillars.through
        days = itertools.chain(
            ((Direction.INCOMING, day, cancelled) for day, cancelled in self.visit_days(incoming)),
            ((Direction.OUTGOING, day, cancelled) for day, cancelled in self.visit_days(outgoing)),
        )
        for chunk in chunked(days, BATCH):
            records, pillars = [], []
            for direction, day, cancelled in chunk:
                build = self.incoming if direction == Direction.INCOMING else self.outgoing
                delegation, codes = build(day)
                if cancelled:
                    delegation.status = Status.CANCELLED
                    delegation.outcome = ""
                else:
                    delegation.status = self.status(
                        day, Status.COMPLETED, (Status.PLANNED, Status.CONFIRMED)
                    )
                records.append(delegation)
                pillars.append(codes)
            Delegation.objects.bulk_create(records, batch_size=BATCH)
            pillar_links.objects.bulk_create(
                [
                    pillar_links(delegation_id=d.pk, pillar_id=code)
                    for d, codes in zip(records, pillars, strict=True)
                    for code in codes
                    if code in self.pillars
                ],
                batch_size=BATCH,
            )
            self.created["delegations"] += len(records)
            progress.advance(len(records))
        progress.total = progress.done
        progress.finish()

    def incoming(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        rng = self.rng
        level = self.pick(self.levels, self.level_weights)
        country, partner, organization, pillars = "", None, "", ["political"]
        if level in HIGH_LEVELS:
            country = self.country(level)
            name = words.country_name(country)
            office = {
                Level.HEAD_OF_STATE: words.HEAD_OF_STATE.get(country, "Tổng thống"),
                Level.VICE_HEAD_OF_STATE: words.VICE_HEAD_OF_STATE.get(country, ""),
                Level.HEAD_OF_GOVERNMENT: "Thủ tướng",
                Level.DEPUTY_HEAD_OF_GOVERNMENT: "Phó Thủ tướng",
                Level.PARLIAMENT_LEADER: words.PARLIAMENT_LEADER.get(country, "Chủ tịch Quốc hội"),
                Level.ROYALTY: words.ROYALTY.get(country, ""),
            }[level]
            head = f"{office} {name}"
        elif level == Level.MINISTER:
            country = self.country()
            head = f"Bộ trưởng {rng.choice(words.MINISTRIES)} {words.country_name(country)}"
            pillars = ["political", "economic"]
        elif level == Level.LOCAL_LEADER:
            place = self.place()
            country, head = place.country, place.leader_title
            partner = self.partner_by_place.get((place.country, place.name))
        elif level == Level.INTERNATIONAL_ORGANIZATION:
            organization = rng.choice(words.INTERNATIONAL_ORGANIZATIONS)
            head, pillars = "", ["economic"]
        else:
            country = self.country()
            template = rng.choice(
                {
                    Level.DIPLOMATIC: words.DIPLOMATIC_DELEGATIONS,
                    Level.BUSINESS: words.BUSINESS_DELEGATIONS,
                    Level.OTHER: words.OTHER_DELEGATIONS,
                }[level]
            )
            head = ""
            title = template.format(country=words.country_name(country))
            pillars = {
                Level.DIPLOMATIC: ["political"],
                Level.BUSINESS: ["economic"],
                Level.OTHER: [rng.choice(["cultural", "people_to_people", "overseas_vietnamese"])],
            }[level]
        if level == Level.INTERNATIONAL_ORGANIZATION:
            title = f"Đoàn {organization}"
        elif head:
            title = f"Đoàn {head}"
        high = level in HIGH_LEVELS
        delegation = Delegation(
            direction=Direction.INCOMING,
            title=nfc(title),
            level=level,
            country=country,
            partner_id=partner.pk if partner else None,
            organization=organization,
            head_title=nfc(head),
            member_count=rng.randint(15, 60) if high else rng.randint(2, 15),
            start_date=day,
            end_date=day + datetime.timedelta(days=rng.randint(0, 3)),
            host_role="coordinate" if rng.random() < (0.7 if high else 0.25) else "lead",
            city_leader=rng.choice(["Chủ tịch UBND Thành phố", "Bí thư Thành ủy"]) if high else "",
            purpose=nfc(rng.choice(words.PURPOSES).format(field=self.field_phrase())),
            is_demo=True,
            source=DEMO_SOURCE,
        )
        if partner and rng.random() < 0.4:
            delegation.outcome = nfc(
                f"Hai bên thống nhất thúc đẩy hợp tác về {self.field_phrase()} trong thời gian tới."
            )
        return delegation, pillars

    def outgoing(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        rng = self.rng
        role = self.pick(self.leaders, self.leader_weights)
        draw = rng.random()
        partner = None
        if draw < 0.5 and self.partners:
            partner = rng.choice(self.partners)
            place = partner.place
            title = f"Đoàn {role} thăm và làm việc tại {place.called_in}"
            country = place.country
        elif draw < 0.75:
            country = self.country()
            title = f"Đoàn {role} thăm và làm việc tại {words.country_name(country)}"
        else:
            place = self.place()
            country = place.country
            title = (
                f"Đoàn {role} dự {rng.choice(words.FORUMS_ABROAD)} tại {place.name} "
                f"({words.country_name(country)})"
            )
        delegation = Delegation(
            direction=Direction.OUTGOING,
            title=nfc(title),
            level=Level.LOCAL_LEADER,
            country=country,
            partner_id=partner.pk if partner else None,
            head_title=f"{role} TP. Hồ Chí Minh",
            city_leader=role,
            member_count=rng.randint(5, 15),
            start_date=day,
            end_date=day + datetime.timedelta(days=rng.randint(3, 8)),
            host_role="lead",
            purpose=nfc(rng.choice(words.PURPOSES).format(field=self.field_phrase())),
            is_demo=True,
            source=DEMO_SOURCE,
        )
        return delegation, ["political", "economic"] if rng.random() < 0.6 else ["economic"]

    @property
    def partner_by_place(self) -> dict:
        if not hasattr(self, "_partner_by_place"):
            self._partner_by_place = {}
            for partner in self.partners:
                self._partner_by_place.setdefault(
                    (partner.place.country, partner.place.name), partner
                )
        return self._partner_by_place

    # Events ----------------------------------------------------------------------------------

    def event_windows(self) -> list[Window]:
        windows = []
        for year in self.years:
            start, end = year_bounds(year)
            demo = plan.year_plan(year).events - self.real.count(self.real.events, start, end)
            windows.append(Window(start, end, max(0, demo) * self.scale))
        return windows

    def create_events(self):
        windows = self.event_windows()
        total = sum(round(w.count * (1 + plan.CANCELLED_SHARE)) for w in windows)
        progress = Progress(self.progress_stream, "Sự kiện đối ngoại", total)
        partner_links = Event.partners.through
        recurring_done = set()
        for chunk in chunked(self.visit_days(windows), BATCH):
            records, partners = [], []
            for day, cancelled in chunk:
                event, partner = self.event(day, recurring_done)
                if cancelled:
                    event.status = EventStatus.CANCELLED
                else:
                    event.status = self.status(day, EventStatus.HELD, (EventStatus.PLANNED,))
                records.append(event)
                partners.append(partner)
            Event.objects.bulk_create(records, batch_size=BATCH)
            partner_links.objects.bulk_create(
                [
                    partner_links(event_id=e.pk, partnerlocality_id=p.pk)
                    for e, p in zip(records, partners, strict=True)
                    if p
                ],
                batch_size=BATCH,
            )
            self.created["events"] += len(records)
            progress.advance(len(records))
        progress.total = progress.done
        progress.finish()

    def event(self, day: datetime.date, recurring_done: set) -> tuple[Event, DemoPartner | None]:
        rng = self.rng
        partner, countries = None, []
        recurring = words.RECURRING_EVENTS.get(day.month)
        if recurring and (day.year, day.month) not in recurring_done:
            recurring_done.add((day.year, day.month))
            kind, template = recurring
            title = template.format(year=day.year)
        elif rng.random() < 0.12 and (anniversary := self.anniversary(day)):
            kind, title, partner, countries = anniversary
        else:
            kind, template = rng.choice(words.EVENT_TITLES)
            country = self.country()
            place = self.place()
            title = template.format(
                country=words.country_name(country),
                place=place.called,
                field=self.field_phrase(),
            )
            if "{country}" in template:
                countries = [country]
            elif "{place}" in template:
                countries = [place.country]
                partner = self.partner_by_place.get((place.country, place.name))
        event = Event(
            title=nfc(title),
            kind=kind,
            start_date=day,
            end_date=day + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2])),
            venue=rng.choice(words.VENUES),
            role="co_host" if rng.random() < 0.3 else "host",
            foreign_participants=rng.randint(20, 400),
            countries=countries,
            is_demo=True,
            source=DEMO_SOURCE,
        )
        return event, partner

    def anniversary(self, day: datetime.date):
        """A round anniversary that falls in the event's year, if any."""
        year = day.year
        diplomatic = [
            (code, since)
            for code, since in words.DIPLOMATIC_RELATIONS.items()
            if (year - since.year) % 5 == 0
        ]
        sample = self.rng.sample(self.established, k=min(30, len(self.established)))
        friendly = [
            p
            for p in sample
            if p.established_on < day
            and (year - p.established_on.year) % 5 == 0
            and year > p.established_on.year
            and not p.ended_on
        ]
        if friendly and (not diplomatic or self.rng.random() < 0.5):
            partner = self.rng.choice(friendly)
            years = year - partner.established_on.year
            title = (
                f"Lễ kỷ niệm {years} năm thiết lập quan hệ hữu nghị hợp tác giữa "
                f"TP. Hồ Chí Minh và {partner.place.called_in}"
            )
            return "anniversary", title, partner, [partner.place.country]
        if diplomatic:
            code, since = self.rng.choice(diplomatic)
            title = (
                f"Lễ kỷ niệm {year - since.year} năm Ngày thiết lập quan hệ ngoại giao "
                f"Việt Nam – {words.country_name(code)} ({since:%d/%m/%Y})"
            )
            return "anniversary", title, None, [code]
        return None


# Entry points ------------------------------------------------------------------------------


def has_demo_data() -> bool:
    return any(model.objects.filter(is_demo=True).exists() for model in DEMO_MODELS)


def seed(*, seed: int = 1, today: datetime.date, scale: int = 1, progress=None) -> dict[str, int]:
    """Generate the demo records; call inside a transaction."""
    return DemoGenerator(seed=seed, today=today, scale=scale, progress=progress).run()


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
