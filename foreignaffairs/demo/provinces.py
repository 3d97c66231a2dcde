"""Demo records of the two former provinces, Bình Dương and Bà Rịa – Vũng Tàu, up to the merger
(1 July 2025, Nghị quyết 202/2025/QH15): their partners, agreements (with the follow-up of
Decree 177/2025/NĐ-CP for some), incoming and outgoing visits and hosted events from 2019, at a
smaller scale than the former city's, and one of the city's partners shared with Bình Dương
(a relationship row per origin, `PartnerOrigin`).

Written after the city's demo, so the city's records, calibrated to the published figures, are
the same with or without them; the published figures are the former city's and are compared
with its records only (`reports.published`). After the merger new records are the merged
city's (origin `hcmc`, the default), so the provinces' records stop on 30 June 2025.
"""

import datetime
import itertools
from dataclasses import dataclass

from agreements.models import (
    Agreement,
    Decision,
    ImplementationActivity,
    InheritedAgreementFollowUp,
)
from agreements.models import Status as AgreementStatus
from delegations.models import Delegation, Direction, Event, EventKind, Level, Pillar
from foreignaffairs.core.origins import MERGER_DATE, Origin
from foreignaffairs.core.text import fold, nfc
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import DAY, Window
from foreignaffairs.demo.draws import Draws, weighted_countries
from foreignaffairs.demo.partners import DemoPartner, DemoPartners, relationship
from foreignaffairs.demo.writing import DEMO_SOURCE, DistinctTitles
from partners.models import PartnerLocality, PartnerOrigin

YEARS = range(2019, MERGER_DATE.year + 1)
LAST_DAY = MERGER_DATE - DAY  # the provinces' last day
OLDEST_RELATIONSHIP = datetime.date(1996, 1, 1)


@dataclass(frozen=True)
class Province:
    origin: str
    name: str  # as titles write it after "tỉnh"
    seat: str  # where its agreements were signed
    countries: dict[str, int]  # its partners' and visitors' countries, weighted
    partners_before: int  # relationships established before 2019
    new_partners: dict[int, int]  # founded in the year by an agreement signed that day
    incoming: dict[int, int]  # completed incoming visits (2025: first half)
    outgoing: dict[int, int]
    events: dict[int, int]
    agreements: dict[int, int]  # signed, the founding ones included
    decided: int  # inherited agreements whose decision is already recorded


# Bình Dương: industrial parks, investors from Korea, Japan, China and Singapore; Bà Rịa – Vũng
# Tàu: the port and the oil and gas industry (Russia, Korea, Japan, Australia, the Netherlands).
# The pandemic years dip as the city's do.
PROVINCES = [
    Province(
        origin=Origin.BINH_DUONG,
        name="Bình Dương",
        seat="Thủ Dầu Một",
        countries={
            **{"KR": 6, "JP": 5, "CN": 3, "SG": 3, "TH": 1, "MY": 1},
            **{"IN": 1, "DE": 1, "NL": 1, "FI": 1, "US": 1, "AU": 1},
        },
        partners_before=15,
        new_partners={2019: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1},
        incoming={2019: 24, 2020: 7, 2021: 3, 2022: 16, 2023: 22, 2024: 25, 2025: 13},
        outgoing={2019: 5, 2020: 1, 2021: 0, 2022: 3, 2023: 5, 2024: 6, 2025: 3},
        events={2019: 6, 2020: 2, 2021: 1, 2022: 5, 2023: 6, 2024: 7, 2025: 3},
        agreements={2019: 4, 2020: 1, 2021: 1, 2022: 3, 2023: 4, 2024: 4, 2025: 2},
        decided=4,
    ),
    Province(
        origin=Origin.BA_RIA_VUNG_TAU,
        name="Bà Rịa – Vũng Tàu",
        seat="Bà Rịa",
        countries={
            **{"KR": 3, "JP": 3, "RU": 3, "AU": 2, "NL": 2},
            **{"SG": 2, "US": 1, "FR": 1, "TH": 1, "CN": 1},
        },
        partners_before=8,
        new_partners={2019: 1, 2023: 1},
        incoming={2019: 12, 2020: 3, 2021: 1, 2022: 8, 2023: 11, 2024: 12, 2025: 6},
        outgoing={2019: 2, 2020: 0, 2021: 0, 2022: 1, 2023: 2, 2024: 3, 2025: 1},
        events={2019: 3, 2020: 1, 2021: 0, 2022: 2, 2023: 3, 2024: 3, 2025: 2},
        agreements={2019: 2, 2020: 0, 2021: 1, 2022: 1, 2023: 2, 2024: 2, 2025: 1},
        decided=1,
    ),
]

# The visitors a province receives, by level: mostly investors and partner localities.
LEVELS = {
    Level.BUSINESS: 36,
    Level.LOCAL_LEADER: 16,
    Level.DIPLOMATIC: 20,
    Level.OTHER: 14,
    Level.MINISTER: 6,
    Level.INTERNATIONAL_ORGANIZATION: 6,
    Level.HEAD_OF_GOVERNMENT: 1,
}
LEVEL_CODES, LEVEL_WEIGHTS = list(LEVELS), list(itertools.accumulate(LEVELS.values()))
EVENT_TITLES = [
    (EventKind.CONFERENCE, "Hội nghị xúc tiến đầu tư tỉnh {province} năm {year}"),
    (EventKind.CONFERENCE, "Hội thảo hợp tác về {field} giữa tỉnh {province} và {country}"),
    (
        EventKind.RECEPTION,
        "Tỉnh {province} gặp mặt các cơ quan đại diện nước ngoài nhân dịp năm mới {year}",
    ),
    (EventKind.RECEPTION, "Đối thoại với doanh nghiệp {country} tại tỉnh {province}"),
    (EventKind.CULTURAL, "Ngày hội văn hóa {country} tại tỉnh {province}"),
]


def _called(province: Province) -> str:
    return f"tỉnh {province.name}"


class ProvinceWriter:
    """Writes one former province's records; `write()` returns how many of each."""

    def __init__(self, province: Province, draws: Draws, pillars: dict[str, Pillar], titles):
        self.province, self.draws, self.rng = province, draws, draws.rng
        self.pillars, self.titles = pillars, titles
        self.countries = weighted_countries(province.countries)
        self.last_day = min(LAST_DAY, draws.today)
        self.partners: list[DemoPartner] = []

    def country(self) -> str:
        return self.draws.pick(*self.countries)

    def days(self, counts: dict[int, int]) -> list[datetime.date]:
        """The days of `counts` records a year, in order, seasonal, up to the merger."""
        days = []
        for year, count in counts.items():
            end = min(datetime.date(year, 12, 31), LAST_DAY)
            window = Window(datetime.date(year, 1, 1), end, count)
            days.extend(day for day in self.draws.dates(window) if day <= self.last_day)
        return days

    def write(self, places: list[words.Place]) -> dict[str, int]:
        founded = self.write_partners(places)
        agreements, activities = self.write_agreements(founded)
        return {
            "partners": len(self.partners),
            "agreements": agreements,
            "activities": activities,
            "delegations": self.write_visits(),
            "events": self.write_events(),
        }

    # Partners -------------------------------------------------------------------------

    def write_partners(self, places: list[words.Place]) -> list[DemoPartner]:
        """The province's partners, from `places` (untaken, in its countries first); returns
        the ones founded from 2019 (each by an agreement signed that day)."""
        province, rng = self.province, self.rng
        first, last = OLDEST_RELATIONSHIP.toordinal(), datetime.date(2018, 12, 31).toordinal()
        dates = sorted(
            datetime.date.fromordinal(rng.randint(first, last))
            for _ in range(province.partners_before)
        )
        founding_days = self.days(province.new_partners)
        records = []
        for place, established in zip(places, [*dates, *founding_days], strict=False):
            records.append(
                PartnerLocality(
                    name=nfc(place.name),
                    name_en=place.name_en,
                    country=place.country,
                    kind=place.kind,
                    relationship=relationship(rng),
                    established_on=established,
                    origin=province.origin,
                    notes=f"Đối tác của {_called(province)} trước hợp nhất.",
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
        PartnerLocality.objects.bulk_create(records)
        self.partners = [
            DemoPartner(record.pk, place, record.established_on, None)
            for record, place in zip(records, places, strict=False)
        ]
        return self.partners[len(dates) :]

    def partner_on(self, day: datetime.date) -> DemoPartner | None:
        known = [p for p in self.partners if p.established_on <= day]
        return self.rng.choice(known) if known else None

    # Agreements -----------------------------------------------------------------------

    def write_agreements(self, founded: list[DemoPartner]) -> tuple[int, int]:
        province, rng, draws = self.province, self.rng, self.draws
        others = {
            year: max(0, count - sum(1 for p in founded if p.established_on.year == year))
            for year, count in province.agreements.items()
        }
        specs = [(p.established_on, p) for p in founded]
        specs += [(day, None) for day in self.days(others)]
        specs.sort(key=lambda spec: spec[0])
        records, links, fields = [], [], []
        for signed_on, partner in specs:
            founding = partner is not None
            agreement_fields = rng.sample(draws.fields, k=min(len(draws.fields), rng.randint(1, 2)))
            field = draws.field_phrase(agreement_fields[0] if agreement_fields else None)
            if partner is not None:
                kind = "relationship" if rng.random() < 0.4 else "mou"
                template = words.FOUNDING_AGREEMENTS[kind]
            else:
                partner = self.partner_on(signed_on) if rng.random() < 0.8 else None
                kind = rng.choice(["mou", "cooperation", "action_plan"])
                template = words.AGREEMENTS[kind]
            counterpart = (
                partner.place.called_in if partner else rng.choice(words.PARTNER_ORGANIZATIONS)
            )
            title = template.replace("TP. Hồ Chí Minh", _called(province)).format(
                counterpart=counterpart, field=field, year=signed_on.year, until=signed_on.year + 2
            )
            records.append(
                Agreement(
                    title=self.titles["agreement"](nfc(title), signed_on),
                    kind=kind,
                    signed_on=signed_on,
                    status=AgreementStatus.IN_FORCE,
                    establishes_relationship=founding,
                    city_signatory=f"Chủ tịch UBND {_called(province)}",
                    partner_signatory=partner.place.leader_title if partner else "",
                    partner_organization="" if partner else counterpart,
                    signed_place=province.seat,
                    origin=province.origin,
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
            links.append(partner)
            fields.append(agreement_fields)
        Agreement.objects.bulk_create(records)
        Agreement.partners.through.objects.bulk_create(
            Agreement.partners.through(agreement_id=a.pk, partnerlocality_id=p.pk)
            for a, p in zip(records, links, strict=True)
            if p
        )
        Agreement.fields.through.objects.bulk_create(
            Agreement.fields.through(agreement_id=a.pk, cooperationfield_id=f.pk)
            for a, fs in zip(records, fields, strict=True)
            for f in fs
        )
        activities = [activity for record in records for activity in self.activities(record)]
        ImplementationActivity.objects.bulk_create(activities)
        self.follow_ups(records)
        return len(records), len(activities)

    def activities(self, agreement: Agreement) -> list[ImplementationActivity]:
        """One to three things done under it, up to the merger."""
        start, end = agreement.signed_on + datetime.timedelta(days=30), self.last_day
        if end < start:
            return []
        days = sorted(
            datetime.date.fromordinal(self.rng.randint(start.toordinal(), end.toordinal()))
            for _ in range(self.rng.randint(1, 3))
        )
        result = []
        for day in days:
            kind, template = self.rng.choice(words.ACTIVITY_DESCRIPTIONS)
            result.append(
                ImplementationActivity(
                    agreement_id=agreement.pk,
                    date=day,
                    kind=kind,
                    description=nfc(
                        template.format(field=self.draws.field_phrase(), year=day.year)
                    ).replace("Thành phố", _called(self.province)),
                    responsible_unit=f"Sở Ngoại vụ {_called(self.province)}",
                    is_demo=True,
                    source=DEMO_SOURCE,
                )
            )
        return result

    def follow_ups(self, agreements: list[Agreement]) -> None:
        """The register's follow-up for the province's oldest agreements: unit names updated
        and the decision recorded in the months after the merger (the rest await one, and
        have a deadline once `sync_deadlines` runs)."""
        today = self.draws.today
        decided_on = MERGER_DATE + datetime.timedelta(days=50)
        if decided_on > today:
            return
        rows = [
            InheritedAgreementFollowUp(
                agreement=agreement,
                names_updated_on=MERGER_DATE + datetime.timedelta(days=30),
                decision=Decision.AMEND if index % 3 == 2 else Decision.KEEP,
                decided_on=decided_on + datetime.timedelta(days=index),
                notes="Cập nhật tên đơn vị hành chính sau hợp nhất; báo đối tác bằng công hàm.",
                is_demo=True,
                source=DEMO_SOURCE,
            )
            for index, agreement in enumerate(agreements[: self.province.decided])
        ]
        InheritedAgreementFollowUp.objects.bulk_create(rows)

    # Visits and events ----------------------------------------------------------------

    def write_visits(self) -> int:
        specs = [(Direction.INCOMING, day) for day in self.days(self.province.incoming)]
        specs += [(Direction.OUTGOING, day) for day in self.days(self.province.outgoing)]
        records, pillars = [], []
        for direction, day in specs:
            build = self.incoming if direction == Direction.INCOMING else self.outgoing
            delegation, codes = build(day)
            delegation.title = self.titles[direction](nfc(delegation.title), day)
            records.append(delegation)
            pillars.append(codes)
        Delegation.objects.bulk_create(records)
        Delegation.pillars.through.objects.bulk_create(
            Delegation.pillars.through(delegation_id=d.pk, pillar_id=code)
            for d, codes in zip(records, pillars, strict=True)
            for code in codes
            if code in self.pillars
        )
        return len(records)

    def visit(self, direction: str, day: datetime.date, **fields) -> Delegation:
        return Delegation(
            direction=direction,
            start_date=day,
            end_date=day + datetime.timedelta(days=self.rng.randint(0, 3)),
            status="completed",
            host_role="lead",
            origin=self.province.origin,
            is_demo=True,
            source=DEMO_SOURCE,
            **fields,
        )

    def incoming(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        rng, province = self.rng, _called(self.province)
        level = self.draws.pick(LEVEL_CODES, LEVEL_WEIGHTS)
        country, partner, organization, head = self.country(), None, "", ""
        name = words.country_name(country)
        if level == Level.LOCAL_LEADER and (partner := self.partner_on(day)):
            country, head = partner.place.country, partner.place.leader_title
            title, pillars = f"Đoàn {head} thăm và làm việc tại {province}", ["political"]
        elif level == Level.LOCAL_LEADER or level == Level.DIPLOMATIC:
            level = Level.DIPLOMATIC
            title = (
                rng.choice(
                    [
                        f"Đoàn Tổng Lãnh sự {name} tại TP. Hồ Chí Minh",
                        f"Đoàn Đại sứ {name} tại Việt Nam",
                    ]
                )
                + f" thăm {province}"
            )
            pillars = ["political"]
        elif level == Level.INTERNATIONAL_ORGANIZATION:
            organization, country = rng.choice(words.INTERNATIONAL_ORGANIZATIONS), ""
            title, pillars = f"Đoàn {organization} làm việc với {province}", ["economic"]
        elif level in (Level.MINISTER, Level.HEAD_OF_GOVERNMENT):
            head = (
                f"Bộ trưởng {rng.choice(words.MINISTRIES)} {name}"
                if level == Level.MINISTER
                else f"Thủ tướng {name}"
            )
            title, pillars = f"Đoàn {head} thăm {province}", ["political", "economic"]
        elif level == Level.BUSINESS:
            team = rng.choice(words.BUSINESS_DELEGATIONS).format(country=name)
            title = f"{team} tìm hiểu cơ hội đầu tư tại {province}"
            pillars = ["economic"]
        else:
            title = f"{rng.choice(words.OTHER_DELEGATIONS).format(country=name)} thăm {province}"
            pillars = ["people_to_people"]
        high = level == Level.HEAD_OF_GOVERNMENT
        delegation = self.visit(
            Direction.INCOMING,
            day,
            title=title,
            level=level,
            country=country,
            partner_id=partner.pk if partner else None,
            organization=organization,
            head_title=head,
            member_count=rng.randint(15, 40) if high else rng.randint(3, 20),
            purpose=f"Tìm hiểu, thúc đẩy hợp tác về {self.draws.field_phrase()} với {province}.",
        )
        return delegation, pillars

    def outgoing(self, day: datetime.date) -> tuple[Delegation, list[str]]:
        province = _called(self.province)
        partner = self.partner_on(day)
        country = partner.place.country if partner else self.country()
        where = partner.place.called_in if partner else words.country_name(country)
        leader = self.rng.choice(["Chủ tịch UBND", "Phó Chủ tịch UBND", "Bí thư Tỉnh ủy"])
        delegation = self.visit(
            Direction.OUTGOING,
            day,
            title=f"Đoàn lãnh đạo {province} thăm và làm việc tại {where}",
            level=Level.LOCAL_LEADER,
            country=country,
            partner_id=partner.pk if partner else None,
            head_title=f"{leader} {province}",
            member_count=self.rng.randint(5, 12),
            purpose=f"Xúc tiến đầu tư, thúc đẩy hợp tác về {self.draws.field_phrase()}.",
        )
        return delegation, ["political", "economic"]

    def write_events(self) -> int:
        records = []
        for day in self.days(self.province.events):
            kind, template = self.rng.choice(EVENT_TITLES)
            country = self.country()
            title = template.format(
                province=self.province.name,
                year=day.year,
                country=words.country_name(country),
                field=self.draws.field_phrase(),
            )
            event = Event(
                title=self.titles["event"](nfc(title), day),
                kind=kind,
                start_date=day,
                end_date=day,
                venue=f"Trung tâm Hội nghị {_called(self.province)}",
                role="host",
                status="held",
                foreign_participants=self.rng.randint(20, 250),
                countries=[country],
                origin=self.province.origin,
                is_demo=True,
                source=DEMO_SOURCE,
            )
            records.append(event)
        Event.objects.bulk_create(records)
        return len(records)


def share_a_partner(draws: Draws, city: DemoPartners, province: Province) -> int | None:
    """One of the city's partners in the province's countries becomes a partner of both: a
    relationship row per origin, the province's established later than the city's (so the
    partner's own dates, the merged relationship, stay the city's)."""
    candidates = [
        p
        for p in city.established
        if p.place.country in province.countries
        and not p.ended_on
        and p.established_on.year < YEARS.start - 5
    ]
    if not candidates:
        return None
    partner = draws.rng.choice(candidates)
    later = partner.established_on + datetime.timedelta(days=draws.rng.randint(3 * 365, 5 * 365))
    PartnerOrigin.objects.bulk_create(
        PartnerOrigin(
            partner_id=partner.pk,
            origin=origin,
            established_on=established,
            is_demo=True,
            source=DEMO_SOURCE,
        )
        for origin, established in (
            (Origin.HCMC, partner.established_on),
            (province.origin, later),
        )
    )
    return partner.pk


def untaken_places(draws: Draws, countries: dict[str, int]) -> list[words.Place]:
    """Real places no partner holds yet: the province's countries first, in a random order
    weighted by country (Efraimidis–Spirakis keys), then the others."""
    taken = set(PartnerLocality.objects.values_list("country", "name_key"))
    free = [p for p in words.PLACES if (p.country, fold(p.name)) not in taken]
    preferred = sorted(
        (p for p in free if p.country in countries),
        key=lambda p: draws.rng.random() ** (1 / countries[p.country]),
        reverse=True,
    )
    return preferred + [p for p in free if p.country not in countries]


def real_titles() -> dict:
    """The real records' titles by natural key: a province's titles never repeat one (the
    city's demo titles never name a province, so they cannot)."""
    real = {"is_demo": False}
    delegations = Delegation.objects.filter(**real).values_list("direction", "start_date", "title")
    return {
        direction: DistinctTitles(
            "đoàn thứ {n}",
            ((day, fold(title)) for d, day, title in delegations if d == direction),
        )
        for direction in Direction
    } | {
        "event": DistinctTitles(
            "sự kiện thứ {n}",
            (
                (day, fold(t))
                for day, t in Event.objects.filter(**real).values_list("start_date", "title")
            ),
        ),
        "agreement": DistinctTitles(
            "văn bản thứ {n}",
            (
                (day, fold(t))
                for day, t in Agreement.objects.filter(**real).values_list("signed_on", "title")
            ),
        ),
    }


def write_provinces(draws: Draws, city: DemoPartners, pillars: dict[str, Pillar]) -> dict:
    """Every former province's records, then the shared partner; counts by kind."""
    totals: dict[str, int] = {}
    if draws.today < datetime.date(YEARS.start, 1, 1):
        return totals
    for province in PROVINCES:
        # Each province's days run in order (DistinctTitles forgets days two years back).
        writer = ProvinceWriter(province, draws, pillars, real_titles())
        counts = writer.write(untaken_places(draws, province.countries))
        for key, count in counts.items():
            totals[key] = totals.get(key, 0) + count
    share_a_partner(draws, city, PROVINCES[0])
    return totals
