"""Demo foreign-affairs events hosted in the city: the yearly recurring ones, anniversaries of
relationships, and the rest drawn from the vocabulary; held in the past, planned ahead."""

import datetime

from delegations.models import Event, EventStatus
from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import Window
from foreignaffairs.demo.draws import Draws
from foreignaffairs.demo.partners import DemoPartner, DemoPartners
from foreignaffairs.demo.writing import BATCH, DEMO_SOURCE, DistinctTitles, Progress, chunked


class EventWriter:
    """Writes the events and the partners taking part."""

    def __init__(self, draws: Draws, partners: DemoPartners, *, progress):
        self.draws, self.rng = draws, draws.rng
        self.partners, self.progress = partners, progress
        self.recurring_done = set()  # (year, month) whose recurring event is written
        real = Event.objects.filter(is_demo=False).values_list("start_date", "title")
        self.titles = DistinctTitles("lần {n}", ((day, fold(title)) for day, title in real))

    def write(self, windows: list[Window]) -> int:
        """Write the events of the windows; returns how many."""
        total = sum(round(w.count * (1 + plan.CANCELLED_SHARE)) for w in windows)
        bar = Progress(self.progress, "Sự kiện đối ngoại", total)
        partner_links = Event.partners.through
        written = 0
        for chunk in chunked(self.draws.visit_days(windows), BATCH):
            records, partners = [], []
            for day, cancelled in chunk:
                event, partner = self.event(day)
                event.title = self.titles(event.title, day)
                if cancelled:
                    event.status = EventStatus.CANCELLED
                else:
                    event.status = self.draws.status(day, EventStatus.HELD, (EventStatus.PLANNED,))
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
            written += len(records)
            bar.advance(len(records))
        bar.total = bar.done
        bar.finish()
        return written

    def event(self, day: datetime.date) -> tuple[Event, DemoPartner | None]:
        """An unsaved event starting on `day`, and the partner taking part (or None)."""
        rng, draws = self.rng, self.draws
        partner, countries = None, []
        recurring = words.RECURRING_EVENTS.get(day.month)
        if recurring and (day.year, day.month) not in self.recurring_done:
            self.recurring_done.add((day.year, day.month))
            kind, template = recurring
            title = template.format(year=day.year)
        elif rng.random() < 0.12 and (anniversary := self.anniversary(day)):
            kind, title, partner, countries = anniversary
        else:
            kind, template = rng.choice(words.EVENT_TITLES)
            country = draws.country()
            place = draws.place()
            title = template.format(
                country=words.country_name(country),
                place=place.called,
                field=draws.field_phrase(),
            )
            if "{country}" in template:
                countries = [country]
            elif "{place}" in template:
                countries = [place.country]
                partner = self.partners.by_place.get((place.country, place.name))
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
        """A round anniversary that falls in the event's year, if any: (kind, title, partner,
        countries), or None."""
        year = day.year
        diplomatic = [
            (code, since)
            for code, since in words.DIPLOMATIC_RELATIONS.items()
            if (year - since.year) % 5 == 0
        ]
        established = self.partners.established
        sample = self.rng.sample(established, k=min(30, len(established)))
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
