"""The year's figures written as the paragraph of the department's annual reports.

    Năm 2017, Thành phố đã đón 155 đoàn khách quốc tế (tăng 12,3% so với năm 2016), trong đó
    có 9 đoàn cấp cao; ...; ký 12 văn bản hợp tác quốc tế, trong đó có 4 văn bản thiết lập quan
    hệ hữu nghị hợp tác mới, nâng tổng số địa phương nước ngoài có quan hệ với Thành phố lên 48.

The paragraph is Vietnamese only, like the reports it imitates: its grammar (nothing signed,
equal to last year, up, down) does not translate fragment by fragment. It is a pure function
of the figures from `stats.year_figures`, so each case is easy to pin in a test.
"""

import datetime
from collections.abc import Mapping

from django.utils import translation

from foreignaffairs.core.text import number_text, percent_text
from foreignaffairs.reports.models import Metric
from foreignaffairs.reports.stats import change


def _comparison(current: int, previous: int | None, last_year: str, unit: str) -> str:
    """The bracket comparing a figure with the previous period (`last_year`: "năm 2016",
    "cùng kỳ năm trước"), empty when nothing to compare."""
    if previous is None:
        return ""
    if current == previous:
        return f" (bằng {last_year})"
    if current == 0:
        return f" ({last_year}: {number_text(previous)} {unit})"
    percent = change(current, previous)["percent"]
    direction = "tăng" if current > previous else "giảm"
    amount = (
        f"{percent_text(percent)}%"
        if percent is not None
        else f"{number_text(current - previous)} {unit}"
    )
    return f" ({direction} {amount} so với {last_year})"


# Who the paragraph speaks of: the city, or a former province on its own basis
# ("tỉnh Bình Dương (cũ)", see reports.basis.subject).
CITY = "Thành phố"


def _partner_clause(
    total: int, before: int | None, new: int, subject: str = CITY
) -> tuple[str, bool]:
    """What happened to the partner relationships, and whether the clause ("nâng tổng số …
    lên N") may continue the agreements clause. "Nâng … lên" only when the total rose and
    nothing ended; one added and one ended leaves the total as it was, and says so."""
    total_of = f"tổng số địa phương nước ngoài có quan hệ với {subject}"
    if before is None:
        if not total:
            return "chưa có quan hệ với địa phương nước ngoài nào", False
        if new:
            return f"thiết lập quan hệ với {number_text(new)} địa phương mới; {total_of} là " + (
                f"{number_text(total)}"
            ), False
        return f"{total_of} là {number_text(total)}", False
    ended = max(0, before + new - total)
    changes = []
    if new:
        changes.append(f"thiết lập quan hệ với {number_text(new)} địa phương mới")
    if ended:
        changes.append(f"{number_text(ended)} quan hệ chấm dứt")
    if total > before and not ended:
        return f"nâng {total_of} lên {number_text(total)}", True
    if total > before:
        return ", ".join(changes) + f", nâng {total_of} lên {number_text(total)}", False
    if total == before:
        if changes:
            return ", ".join(changes) + f"; {total_of} vẫn là {number_text(total)}", False
        if not total:
            return "chưa có quan hệ với địa phương nước ngoài nào", False
        return f"{total_of} là {number_text(total)}", False
    return ", ".join(changes) + (
        f"; {total_of} còn {number_text(total)} (trước đó: {number_text(before)})"
    ), False


# The paragraph is Vietnamese whatever the page's language (templates/dashboard/_summary.html
# marks it lang="vi"): its numbers too ("16,7%", never "16.7%").
@translation.override("vi")
def annual_summary(
    year: int,
    figures: Mapping[str, int],
    previous: Mapping[str, int] | None = None,
    as_of: datetime.date | None = None,
    records_from: int | None = None,
    subject: str = CITY,
) -> str:
    """The paragraph for `year`.

    `previous` holds the figures of the year before, or None when there are no records to
    compare with. `as_of` is given while the year is still running: the paragraph then says
    "so far", and `previous` must then be the same part of last year ("cùng kỳ năm trước"),
    never the whole of it. A year before `records_from` (the first year with records) has no
    data: it says so rather than "nothing happened".
    """
    if records_from is not None and year < records_from:
        return (
            f"Năm {year}, chưa có số liệu về hoạt động đối ngoại của {subject} (hồ sơ bắt đầu "
            f"từ năm {records_from})."
        )
    if as_of is not None:
        return period_summary(
            f"Từ đầu năm {year} đến ngày {as_of:%d/%m/%Y}",
            figures,
            previous,
            "cùng kỳ năm trước",
            subject,
        )
    return period_summary(f"Năm {year}", figures, previous, f"năm {year - 1}", subject)


@translation.override("vi")
def period_summary(
    opening: str,
    figures: Mapping[str, int],
    previous: Mapping[str, int] | None,
    against: str,
    subject: str = CITY,
) -> str:
    """The paragraph for any period: `opening` names it ("Trong 6 tháng đầu năm 2012"),
    `previous` holds the figures of the period compared with, which `against` names
    ("cùng kỳ năm 2011"), or is None when there is nothing to compare with."""
    if not any(figures.values()):
        return f"{opening}, chưa ghi nhận hoạt động đối ngoại nào của {subject}."

    def compared(key: str, unit: str) -> str:
        before = previous.get(key) if previous is not None else None
        return _comparison(figures[key], before, against, unit)

    # Each clause: its text, and whether it starts with a verb that takes the leading "đã".
    clauses: list[tuple[str, bool]] = []

    incoming, high_level = (
        figures[Metric.INCOMING_DELEGATIONS],
        figures[Metric.HIGH_LEVEL_DELEGATIONS],
    )
    if incoming:
        text = f"đón {number_text(incoming)} đoàn khách quốc tế" + compared(
            Metric.INCOMING_DELEGATIONS, "đoàn"
        )
        if high_level:
            text += f", trong đó có {number_text(high_level)} đoàn cấp cao"
        clauses.append((text, True))
    else:
        clauses.append(
            (
                "chưa đón đoàn khách quốc tế nào" + compared(Metric.INCOMING_DELEGATIONS, "đoàn"),
                False,
            )
        )

    outgoing = figures[Metric.OUTGOING_DELEGATIONS]
    if outgoing:
        text = f"tổ chức {number_text(outgoing)} đoàn đi nước ngoài"
        clauses.append((text + compared(Metric.OUTGOING_DELEGATIONS, "đoàn"), True))
    else:
        text = "chưa tổ chức đoàn đi nước ngoài nào"
        clauses.append((text + compared(Metric.OUTGOING_DELEGATIONS, "đoàn"), False))

    events = figures[Metric.HOSTED_EVENTS]
    if events:
        text = f"chủ trì, đồng chủ trì {number_text(events)} sự kiện đối ngoại"
        clauses.append((text + compared(Metric.HOSTED_EVENTS, "sự kiện"), True))
    else:
        text = "chưa chủ trì sự kiện đối ngoại nào"
        clauses.append((text + compared(Metric.HOSTED_EVENTS, "sự kiện"), False))

    signed, founding = (
        figures[Metric.AGREEMENTS_SIGNED],
        figures[Metric.NEW_RELATIONSHIP_AGREEMENTS],
    )
    if signed:
        text = f"ký {number_text(signed)} văn bản hợp tác quốc tế" + compared(
            Metric.AGREEMENTS_SIGNED, "văn bản"
        )
        if founding:
            text += (
                f", trong đó có {number_text(founding)} văn bản thiết lập quan hệ hữu nghị hợp "
                "tác mới"
            )
        clauses.append((text, True))
    else:
        text = "chưa ký văn bản hợp tác quốc tế nào"
        clauses.append((text + compared(Metric.AGREEMENTS_SIGNED, "văn bản"), False))

    partners = figures[Metric.PARTNER_LOCALITIES_TOTAL]
    partners_before = (
        previous.get(Metric.PARTNER_LOCALITIES_TOTAL) if previous is not None else None
    )
    partner_clause, continues = _partner_clause(
        partners, partners_before, figures[Metric.NEW_PARTNER_LOCALITIES], subject
    )

    # "đã" once, before the first thing that was done, as the reports write it.
    for index, (text, takes_da) in enumerate(clauses):
        if takes_da:
            clauses[index] = (f"đã {text}", takes_da)
            break
    body = "; ".join(text for text, _ in clauses)
    # "..., nâng tổng số ... lên 48" continues the agreements clause; otherwise a new clause.
    separator = ", " if continues and signed else "; "
    return f"{opening}, {subject} {body}{separator}{partner_clause}."
