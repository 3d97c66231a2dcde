"""Demo agreements and what was done under them: the relationship-founding ones signed on the
day each partner was established, the others spread over the calibrated windows, a few still
being negotiated, some expiring soon, some stalled (dormant)."""

import datetime
import itertools

from agreements.models import Agreement, ImplementationActivity
from agreements.models import Status as AgreementStatus
from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import DAY, Window, years_after
from foreignaffairs.demo.draws import Draws
from foreignaffairs.demo.partners import DemoPartner, DemoPartners
from foreignaffairs.demo.writing import BATCH, DEMO_SOURCE, DistinctTitles, Progress, chunked

KINDS = list(words.AGREEMENT_KIND_WEIGHTS)
KIND_WEIGHTS = list(itertools.accumulate(words.AGREEMENT_KIND_WEIGHTS.values()))


class AgreementWriter:
    """Writes the agreements, their partners and fields, and their activities."""

    def __init__(self, draws: Draws, partners: DemoPartners, *, scale: int, progress):
        self.draws, self.rng, self.today = draws, draws.rng, draws.today
        self.partners, self.scale, self.progress = partners, scale, progress
        self.expiring_left = 0  # set by write(): agreements still to make expire soon
        real = Agreement.objects.filter(is_demo=False).values_list("signed_on", "title")
        self.titles = DistinctTitles("văn bản thứ {n}", ((d, fold(t)) for d, t in real))

    def write(self, windows: dict[int, list[Window]]) -> tuple[int, int]:
        """Write the agreements signed in `windows`; returns (agreements, activities)."""
        founding = {}  # year -> partners founded that year
        for partner in self.partners.established:
            if partner.established_on.year >= plan.FIRST_YEAR:
                founding.setdefault(partner.established_on.year, []).append(partner)
        specs = []  # (signed_on, founded partner or None)
        for year, year_windows in windows.items():
            founded = founding.get(year, [])
            for window in year_windows:
                in_window = [p for p in founded if window.start <= p.established_on <= window.end]
                specs.extend((p.established_on, p) for p in in_window)
                if len(in_window) > window.count and self.scale == 1:
                    raise ValueError("more relationships founded than agreements planned")
                others = Window(window.start, window.end, max(0, window.count - len(in_window)))
                specs.extend((day, None) for day in self.draws.dates(others) if day <= self.today)
        specs.sort(key=lambda spec: spec[0])
        negotiating = [(None, None)] * (plan.NEGOTIATING_AGREEMENTS * self.scale)
        expiring_year = self.today.year - 3
        self.expiring_left = plan.EXPIRING_AGREEMENTS * self.scale

        partner_links = Agreement.partners.through
        field_links = Agreement.fields.through
        bar = Progress(self.progress, "Văn bản hợp tác", len(specs) + len(negotiating))
        activity_count = 0
        for chunk in chunked(specs + negotiating, BATCH):
            records, partners, fields = [], [], []
            for signed_on, founded in chunk:
                agreement, partner, agreement_fields = self.agreement(
                    signed_on, founded, expiring_year
                )
                agreement.title = self.titles(agreement.title, signed_on)
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
            activity_count += len(activities)
            bar.advance(len(records))
        bar.finish()
        return bar.done, activity_count

    def agreement(self, signed_on, founded: DemoPartner | None, expiring_year: int):
        """An unsaved agreement, its partner (or None) and its cooperation fields."""
        rng, draws = self.rng, self.draws
        fields = rng.sample(draws.fields, k=min(len(draws.fields), rng.randint(1, 3)))
        field = draws.field_phrase(fields[0]) if fields else draws.field_phrase()
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
            partner = self.partners.on(signed_on or self.today) if rng.random() < 0.75 else None
            if partner:
                counterpart = partner.place.called_in
                agreement.partner_signatory = partner.place.leader_title
            else:
                counterpart = rng.choice(words.PARTNER_ORGANIZATIONS)
                agreement.partner_organization = counterpart
            kind = draws.pick(KINDS, KIND_WEIGHTS)
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
        """Expiry, automatic renewal and early termination of a signed agreement."""
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
            description = template.format(field=self.draws.field_phrase(), year=day.year)
            result.append(
                ImplementationActivity(
                    agreement_id=agreement.pk,
                    date=day,
                    kind=kind,
                    description=nfc(description),
                    responsible_unit=rng.choice(words.RESPONSIBLE_UNITS),
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
        return result
