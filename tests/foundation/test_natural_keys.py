"""Each record's natural key is unique in the database, compared as the imports compare it:
ignoring case, diacritics and spacing (issue 15, item 8; core.natural_keys)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from agreements.models import Agreement
from delegations.models import Delegation, Event
from plans.models import PlanItem
from tests.factories import (
    AgreementFactory,
    AnnualPlanFactory,
    DelegationFactory,
    EventFactory,
    PlanItemFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2023, 11, 25)
OTHER_DAY = datetime.date(2023, 11, 26)


def title_errors(record) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    return raised.value.message_dict["title"]


# What counts as the same key ----------------------------------------------------------------


def test_a_visit_spelt_differently_is_refused_naming_the_visit_already_there():
    DelegationFactory(title="Đoàn Tổng thống Chile", start_date=DAY, country="CL")

    messages = title_errors(
        Delegation(title="  ĐOÀN tổng thống   chile ", start_date=DAY, country="CL")
    )

    assert messages == [
        "Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu (không phân biệt chữ "
        "hoa, chữ thường và dấu). Bản ghi đã có: “Đoàn Tổng thống Chile (25/11/2023)”."
    ]


@pytest.mark.parametrize(
    "other",
    [
        {"direction": "outgoing"},
        {"start_date": OTHER_DAY},
        {"title": "Đoàn Tổng thống Chile lần hai"},
    ],
)
def test_a_visit_differing_in_direction_day_or_name_is_another_visit(other):
    DelegationFactory(title="Đoàn Tổng thống Chile", start_date=DAY, country="CL")
    values = {"title": "Đoàn Tổng thống Chile", "start_date": DAY, "country": "CL", **other}

    Delegation(**values).full_clean()  # does not raise


def test_changing_a_visit_keeps_its_own_key():
    visit = DelegationFactory(title="Đoàn Tổng thống Chile", start_date=DAY, country="CL")
    visit.purpose = "Thăm chính thức"

    visit.full_clean()  # does not raise: the visit is not its own duplicate


def test_an_event_of_the_same_name_and_day_is_refused():
    EventFactory(title="Diễn đàn Kinh tế", start_date=DAY)

    messages = title_errors(Event(title="dien dan kinh te", start_date=DAY))

    assert "Đã có một sự kiện cùng tên và cùng ngày bắt đầu" in messages[0]


def test_agreements_are_unique_by_name_and_signing_day_and_while_negotiated_by_name():
    AgreementFactory(title="Biên bản ghi nhớ về giáo dục", signed_on=DAY)
    AgreementFactory(title="Bản thỏa thuận về y tế", signed_on=None, status="negotiating")

    signed_twice = Agreement(title="BIÊN BẢN GHI NHỚ VỀ GIÁO DỤC", signed_on=DAY)
    negotiated_twice = Agreement(title="ban thoa thuan ve y te", status="negotiating")
    assert "cùng tên và cùng ngày ký" in title_errors(signed_twice)[0]
    assert "đang đàm phán cùng tên" in title_errors(negotiated_twice)[0]
    # The same name signed on another day, or signed at last, is another agreement.
    Agreement(title="Biên bản ghi nhớ về giáo dục", signed_on=OTHER_DAY).full_clean()
    Agreement(title="Bản thỏa thuận về y tế", signed_on=DAY).full_clean()


def test_a_programme_holds_one_item_of_a_kind_and_content():
    plan = AnnualPlanFactory(year=2026)
    PlanItemFactory(plan=plan, kind="incoming", title="Đón đoàn Thủ tướng Nhật Bản")

    messages = title_errors(
        PlanItem(plan=plan, kind="incoming", title="đón đoàn thủ tướng nhật bản")
    )

    assert "Chương trình này đã có một việc cùng loại và cùng nội dung" in messages[0]
    PlanItem(plan=plan, kind="event", title="Đón đoàn Thủ tướng Nhật Bản").full_clean()


# The database itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second",
    [
        (
            lambda: DelegationFactory(title="Đoàn Tổng thống Chile", start_date=DAY),
            lambda: Delegation.objects.create(title="doan tong thong CHILE", start_date=DAY),
        ),
        (
            lambda: EventFactory(title="Diễn đàn Kinh tế", start_date=DAY),
            lambda: Event.objects.create(title="Diễn  đàn kinh tế", start_date=DAY),
        ),
        (
            lambda: AgreementFactory(title="Biên bản ghi nhớ", signed_on=DAY),
            lambda: Agreement.objects.create(title="BIÊN BẢN GHI NHỚ", signed_on=DAY),
        ),
        (
            lambda: AgreementFactory(title="Dự thảo", signed_on=None, status="negotiating"),
            lambda: Agreement.objects.create(title="du thao", status="negotiating"),
        ),
        (
            lambda: PlanItemFactory(plan=AnnualPlanFactory(year=2026), title="Đón đoàn"),
            lambda: PlanItem.objects.create(
                plan=PlanItem.objects.get().plan, kind="incoming", title="ĐÓN ĐOÀN"
            ),
        ),
    ],
)
def test_the_database_refuses_a_duplicate_written_without_validation(first, second):
    first()
    with pytest.raises(IntegrityError), transaction.atomic():
        second()


def test_bulk_writes_fill_the_folded_key_and_are_refused_a_duplicate():
    (visit,) = Delegation.objects.bulk_create(
        [Delegation(title=" Đoàn  THỦ TƯỚNG Nhật Bản", start_date=DAY, country="JP")]
    )
    visit.refresh_from_db()
    assert (visit.title, visit.title_key) == ("Đoàn  THỦ TƯỚNG Nhật Bản", "doan thu tuong nhat ban")

    visit.title = "Đoàn Thủ tướng Hàn Quốc"
    Delegation.objects.bulk_update([visit], ["title"])
    visit.refresh_from_db()
    assert visit.title_key == "doan thu tuong han quoc"

    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.bulk_create(
            [Delegation(title="đoàn thủ tướng hàn quốc", start_date=DAY, country="KR")]
        )


def test_saving_only_the_title_saves_its_key_too():
    visit = DelegationFactory(title="Đoàn A", start_date=DAY)
    visit.title = "Đoàn Bê"
    visit.save(update_fields=["title"])
    visit.refresh_from_db()
    assert visit.title_key == "doan be"


# Rows already duplicated when the constraint arrives ----------------------------------------

BEFORE = [("delegations", "0009_event_prime_minister_approval")]


@pytest.fixture
def before_the_constraint(transactional_db):
    """The database as it was before the natural key's constraint, put back after the test."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_numbers_visits_already_duplicated_and_keeps_them(before_the_constraint):
    OldDelegation = before_the_constraint.get_model("delegations", "Delegation")
    values = {"direction": "incoming", "start_date": DAY, "country": "CL", "level": "other"}
    first = OldDelegation.objects.create(title="Đoàn Tổng thống Chile", **values)
    second = OldDelegation.objects.create(title="ĐOÀN TỔNG THỐNG CHILE", **values)
    other_day = OldDelegation.objects.create(
        title="Đoàn Tổng thống Chile", **{**values, "start_date": OTHER_DAY}
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    titles = dict(Delegation.objects.values_list("pk", "title"))
    assert titles == {
        first.pk: "Đoàn Tổng thống Chile",
        second.pk: f"ĐOÀN TỔNG THỐNG CHILE (bản ghi trùng, mã {second.pk})",
        other_day.pk: "Đoàn Tổng thống Chile",
    }
    renamed = Delegation.objects.get(pk=second.pk)
    assert renamed.title_key == f"doan tong thong chile (ban ghi trung, ma {second.pk})"
    assert "ban ghi trung" in renamed.search_text  # staff find them by searching
    change = renamed.history.get()
    assert change.history_change_reason.startswith("Đánh số bản ghi trùng khóa")
    assert change.title == renamed.title
    assert Delegation.objects.get(pk=first.pk).title_key == "doan tong thong chile"
