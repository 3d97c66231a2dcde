import datetime

from django.utils import translation

from foreignaffairs.core.text import number_text, percent_text
from foreignaffairs.reports.summary import annual_summary

FIGURES_2017 = {
    "incoming_delegations": 155,
    "high_level_delegations": 9,
    "outgoing_delegations": 21,
    "hosted_events": 30,
    "agreements_signed": 12,
    "new_relationship_agreements": 4,
    "partner_localities_total": 48,
    "new_partner_localities": 4,
}
FIGURES_2016 = {
    "incoming_delegations": 124,
    "high_level_delegations": 7,
    "outgoing_delegations": 21,
    "hosted_events": 33,
    "agreements_signed": 9,
    "new_relationship_agreements": 2,
    "partner_localities_total": 44,
    "new_partner_localities": 2,
}
NOTHING = dict.fromkeys(FIGURES_2017, 0)


def test_a_year_with_a_previous_year_reads_like_the_annual_report():
    assert annual_summary(2017, FIGURES_2017, FIGURES_2016) == (
        "Năm 2017, Thành phố đã đón 155 đoàn khách quốc tế (tăng 25% so với năm 2016), "
        "trong đó có 9 đoàn cấp cao; tổ chức 21 đoàn đi nước ngoài (bằng năm 2016); "
        "chủ trì, đồng chủ trì 30 sự kiện đối ngoại (giảm 9,1% so với năm 2016); "
        "ký 12 văn bản hợp tác quốc tế (tăng 33,3% so với năm 2016), trong đó có 4 văn bản "
        "thiết lập quan hệ hữu nghị hợp tác mới, nâng tổng số địa phương nước ngoài có quan "
        "hệ với Thành phố lên 48."
    )


def test_a_year_without_a_previous_year_makes_no_comparison():
    text = annual_summary(2017, FIGURES_2017, previous=None)
    assert "so với" not in text
    assert "bằng" not in text
    assert text.startswith("Năm 2017, Thành phố đã đón 155 đoàn khách quốc tế, trong đó có 9")


def test_nothing_signed_says_so_without_in_which_zero():
    figures = FIGURES_2017 | {"agreements_signed": 0, "new_relationship_agreements": 0}
    text = annual_summary(2017, figures, FIGURES_2016)
    assert "chưa ký văn bản hợp tác quốc tế nào" in text
    assert "trong đó có 0" not in text
    # With no agreement clause to continue, the partner total starts a clause of its own.
    assert text.endswith("; nâng tổng số địa phương nước ngoài có quan hệ với Thành phố lên 48.")


def test_no_high_level_delegation_leaves_out_in_which_zero():
    text = annual_summary(2017, FIGURES_2017 | {"high_level_delegations": 0})
    assert "đón 155 đoàn khách quốc tế;" in text
    assert "trong đó có 0" not in text


def test_signed_agreements_without_new_relationships_leave_out_in_which_zero():
    text = annual_summary(2017, FIGURES_2017 | {"new_relationship_agreements": 0}, FIGURES_2016)
    assert "ký 12 văn bản hợp tác quốc tế (tăng 33,3% so với năm 2016), nâng tổng số" in text


def test_no_incoming_delegation_moves_the_leading_da_to_the_first_thing_done():
    figures = FIGURES_2017 | {"incoming_delegations": 0, "high_level_delegations": 0}
    text = annual_summary(2017, figures)
    assert text.startswith(
        "Năm 2017, Thành phố chưa đón đoàn khách quốc tế nào; đã tổ chức 21 đoàn đi nước ngoài;"
    )


def test_a_figure_that_fell_to_zero_states_last_years_number():
    figures = FIGURES_2017 | {"hosted_events": 0}
    text = annual_summary(2017, figures, FIGURES_2016)
    assert "chưa chủ trì sự kiện đối ngoại nào (năm 2016: 33 sự kiện)" in text


def test_a_figure_up_from_zero_gives_the_difference_not_a_percent():
    text = annual_summary(2017, FIGURES_2017, FIGURES_2016 | {"outgoing_delegations": 0})
    assert "tổ chức 21 đoàn đi nước ngoài (tăng 21 đoàn so với năm 2016)" in text


def test_a_decrease_says_giam():
    text = annual_summary(2017, FIGURES_2017, FIGURES_2016 | {"incoming_delegations": 200})
    assert "đón 155 đoàn khách quốc tế (giảm 22,5% so với năm 2016)" in text


def test_an_unchanged_partner_total_is_stated_not_raised():
    figures = FIGURES_2017 | {"new_partner_localities": 0, "partner_localities_total": 44}
    text = annual_summary(2017, figures, FIGURES_2016)
    assert text.endswith("; tổng số địa phương nước ngoài có quan hệ với Thành phố là 44.")
    assert "nâng" not in text


def test_a_year_with_only_zero_figures_says_nothing_was_recorded():
    assert annual_summary(2030, NOTHING, NOTHING) == (
        "Năm 2030, chưa ghi nhận hoạt động đối ngoại nào của Thành phố."
    )


def test_a_running_year_compares_with_the_same_period_of_last_year():
    text = annual_summary(2026, FIGURES_2017, FIGURES_2016, as_of=datetime.date(2026, 3, 5))
    assert text.startswith(
        "Từ đầu năm 2026 đến ngày 05/03/2026, Thành phố đã đón 155 đoàn khách quốc tế "
        "(tăng 25% so với cùng kỳ năm trước)"
    )
    assert "so với năm 2025" not in text


def test_a_year_before_the_records_begin_has_no_data_and_no_comparison():
    text = annual_summary(1995, NOTHING, NOTHING, records_from=2012)
    assert text == (
        "Năm 1995, chưa có số liệu về hoạt động đối ngoại của Thành phố (hồ sơ bắt đầu từ năm "
        "2012)."
    )
    assert "chưa đón" not in text


def test_one_partner_added_and_one_ended_does_not_raise_the_total():
    figures = FIGURES_2017 | {"new_partner_localities": 1, "partner_localities_total": 5}
    text = annual_summary(2017, figures, FIGURES_2016 | {"partner_localities_total": 5})
    assert "nâng" not in text
    assert text.endswith(
        "thiết lập quan hệ với 1 địa phương mới, 1 quan hệ chấm dứt; tổng số địa phương nước "
        "ngoài có quan hệ với Thành phố vẫn là 5."
    )


def test_a_total_that_fell_says_what_ended():
    figures = FIGURES_2017 | {"new_partner_localities": 0, "partner_localities_total": 43}
    text = annual_summary(2017, figures, FIGURES_2016)
    assert text.endswith(
        "1 quan hệ chấm dứt; tổng số địa phương nước ngoài có quan hệ với Thành phố còn 43 "
        "(trước đó: 44)."
    )


def test_numbers_are_written_the_vietnamese_way():
    assert number_text(1234567) == "1.234.567"
    assert percent_text(1234.5) == "1.234,5"
    assert percent_text(-6.3) == "6,3"
    assert percent_text(20.0) == "20"


def test_numbers_on_an_english_page_are_written_the_english_way():
    with translation.override("en"):
        assert number_text(1234567) == "1,234,567"
        assert percent_text(1234.5) == "1,234.5"
        assert percent_text(20.0) == "20"


def test_the_paragraph_writes_its_numbers_the_vietnamese_way_on_an_english_page_too():
    with translation.override("en"):
        text = annual_summary(2017, {**FIGURES_2017, "incoming_delegations": 1550}, FIGURES_2016)
    assert "đã đón 1.550 đoàn khách quốc tế (tăng 1.150% so với năm 2016)" in text
    assert "(giảm 9,1% so với năm 2016)" in text
