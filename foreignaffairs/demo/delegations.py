"""Demo delegations: incoming visits (heads drawn by level, about 7 % high-level) and outgoing
visits of the city's leaders, completed in the past, planned ahead, a few cancelled."""

import datetime
import itertools

from delegations.models import HIGH_LEVELS, Delegation, Direction, Level, Pillar, Status
from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import Window
from foreignaffairs.demo.draws import Draws
from foreignaffairs.demo.partners import DemoPartners
from foreignaffairs.demo.writing import BATCH, DEMO_SOURCE, DistinctTitles, Progress, chunked

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
LEVELS = list(LEVEL_WEIGHTS)
LEVEL_CUM_WEIGHTS = list(itertools.accumulate(LEVEL_WEIGHTS.values()))
LEADERS = [role for role, _ in words.CITY_LEADERS]
LEADER_CUM_WEIGHTS = list(itertools.accumulate(w for _, w in words.CITY_LEADERS))


class DelegationWriter:
    """Writes the delegations both ways and their pillars."""

    def __init__(
        self, draws: Draws, partners: DemoPartners, pillars: dict[str, Pillar], *, progress
    ):
        self.draws, self.rng = draws, draws.rng
        self.partners, self.pillars, self.progress = partners, pillars, progress
        # One per direction: the days of each are drawn in order (DistinctTitles).
        real = Delegation.objects.filter(is_demo=False)
        self.titles = {
            direction: DistinctTitles(
                "đoàn thứ {n}",
                (
                    (day, fold(title))
                    for day, title in real.filter(direction=direction).values_list(
                        "start_date", "title"
                    )
                ),
            )
            for direction in Direction
        }

    def write(self, incoming: list[Window], outgoing: list[Window]) -> int:
        """Write the visits of the windows, incoming first; returns how many."""
        total = sum(round(w.count * (1 + plan.CANCELLED_SHARE)) for w in incoming + outgoing)
        bar = Progress(self.progress, "Đoàn vào, đoàn ra", total)
        pillar_links = Delegation.pillars.through
        visit_days = self.draws.visit_days
        days = itertools.chain(
            ((Direction.INCOMING, day, cancelled) for day, cancelled in visit_days(incoming)),
            ((Direction.OUTGOING, day, cancelled) for day, cancelled in visit_days(outgoing)),
        )
        written = 0
        for chunk in chunked(days, BATCH):
            records, pillars = [], []
            for direction, day, cancelled in chunk:
                build = self.incoming if direction == Direction.INCOMING else self.outgoing
                delegation, codes = build(day)
                delegation.title = self.titles[direction](delegation.title, day)
                if cancelled:
                    delegation.status = Status.CANCELLED
                    delegation.outcome = ""
                else:
                    delegation.status = self.draws.status(
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
            written += len(records)
            bar.advance(len(records))
        bar.total = bar.done
        bar.finish()
        return written

    def incoming(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        """An unsaved incoming delegation starting on `day`, and its pillar codes."""
        rng, draws = self.rng, self.draws
        level = draws.pick(LEVELS, LEVEL_CUM_WEIGHTS)
        country, partner, organization, pillars = "", None, "", ["political"]
        if level in HIGH_LEVELS:
            country = draws.country(level)
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
            country = draws.country()
            head = f"Bộ trưởng {rng.choice(words.MINISTRIES)} {words.country_name(country)}"
            pillars = ["political", "economic"]
        elif level == Level.LOCAL_LEADER:
            place = draws.place()
            country, head = place.country, place.leader_title
            partner = self.partners.by_place.get((place.country, place.name))
        elif level == Level.INTERNATIONAL_ORGANIZATION:
            organization = rng.choice(words.INTERNATIONAL_ORGANIZATIONS)
            head, pillars = "", ["economic"]
        else:
            country = draws.country()
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
            purpose=nfc(rng.choice(words.PURPOSES).format(field=draws.field_phrase())),
            is_demo=True,
            source=DEMO_SOURCE,
        )
        if partner and rng.random() < 0.4:
            field = draws.field_phrase()
            delegation.outcome = nfc(
                f"Hai bên thống nhất thúc đẩy hợp tác về {field} trong thời gian tới."
            )
        return delegation, pillars

    def outgoing(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        """An unsaved outgoing delegation of a city leader starting on `day`, and its pillars."""
        rng, draws = self.rng, self.draws
        role = draws.pick(LEADERS, LEADER_CUM_WEIGHTS)
        draw = rng.random()
        partner = None
        if draw < 0.5 and self.partners.all:
            partner = rng.choice(self.partners.all)
            place = partner.place
            title = f"Đoàn {role} thăm và làm việc tại {place.called_in}"
            country = place.country
        elif draw < 0.75:
            country = draws.country()
            title = f"Đoàn {role} thăm và làm việc tại {words.country_name(country)}"
        else:
            place = draws.place()
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
            purpose=nfc(rng.choice(words.PURPOSES).format(field=draws.field_phrase())),
            is_demo=True,
            source=DEMO_SOURCE,
        )
        return delegation, ["political", "economic"] if rng.random() < 0.6 else ["economic"]
