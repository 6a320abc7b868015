"""满意率, 回访率 and the Pareto cut, each worked by hand (app/rates.py; no Qt, no database)."""

import pytest

from app import rates
from app.rates import ParetoRow


def test_satisfaction_rate_counts_satisfied_and_better_over_every_rated_visit():
    # 很满意 3 + 满意 4 = 7 of 3 + 4 + 2 + 1 = 10 rated → 70 %.
    levels = {"很满意": 3, "满意": 4, "一般": 2, "不满意": 1, "很不满意": 0}
    assert rates.rated(levels) == 10
    assert rates.satisfied(levels) == 7
    assert rates.satisfaction_rate(levels) == pytest.approx(0.7)
    assert rates.percent(rates.satisfaction_rate(levels)) == "70.0%"


def test_satisfaction_rate_ignores_levels_outside_the_scale():
    # An empty or old value is no rating: 1 满意 of 2 rated (一般 1) → 50 %, "" not counted.
    assert rates.satisfaction_rate({"满意": 1, "一般": 1, "": 5, "还行": 2}) == 0.5


def test_nothing_rated_has_no_satisfaction_rate():
    assert rates.satisfaction_rate({}) is None
    assert rates.satisfaction_rate(dict.fromkeys(["很满意", "满意", "一般", "不满意", "很不满意"], 0)) is None
    assert rates.percent(None) == "—"


def test_visit_rate_is_visited_over_due():
    # 29 visited of 30 due → 96.7 %.
    assert rates.visit_rate(29, 30) == pytest.approx(29 / 30)
    assert rates.percent(rates.visit_rate(29, 30)) == "96.7%"
    # Nothing due yet: no rate (not 0 %), and the target is neither met nor missed.
    assert rates.visit_rate(0, 0) is None
    assert rates.target_met(0, 0, 0.3) is None


def test_target_met_at_the_target_itself_and_not_below():
    assert rates.target_met(3, 10, 0.3) is True  # 30 % of a 30 % target
    assert rates.target_met(2, 3, 2 / 3) is True  # 0.666… reaches 0.666… despite float rounding
    assert rates.target_met(2, 10, 0.3) is False  # 20 %
    assert rates.target_met(5, 5, 0.0) is None  # a kind with no target is never "met"
    assert rates.reaches(0.3, 0.3) and not rates.reaches(0.29, 0.3)


def test_share_of_nothing_is_none():
    assert rates.share(1, 4) == 0.25
    assert rates.share(0, 0) is None


def test_percent_digits():
    assert rates.percent(0.3, 0) == "30%"
    assert rates.percent(1.0) == "100.0%"
    assert rates.percent(0.0) == "0.0%"  # a real zero is shown as one


def test_change_from_the_previous_period():
    assert rates.change(12, 9) == 3
    assert rates.change(9, 12) == -3
    # A rate's change in 百分点: 37.6 % → 31.2 % is 6.4 points down, to one decimal.
    assert rates.change(100 * 48 / 154, 100 * 0.376, 1) == -6.4
    assert rates.change(0.1004, 0.1, 2) == 0  # the same to the digits shown: 持平
    assert rates.change(None, 3) is None and rates.change(3, None) is None  # nothing to compare


def test_pareto_orders_largest_first_and_marks_the_vital_few():
    # 5 + 3 + 1 + 1 = 10. Running: 5 (50 %), 8 (80 %: the cut reached), 9, 10.
    rows = rates.pareto([("停车", 1), ("环境卫生", 5), ("噪音", 0), ("安保", 3), ("绿化", 1)])
    assert [(r.name, r.count, r.cumulative_count) for r in rows] == [
        ("环境卫生", 5, 5),
        ("安保", 3, 8),
        ("停车", 1, 9),  # ties by name: 停 (U+505C) before 绿 (U+7EFF)
        ("绿化", 1, 10),
    ]  # 噪音 with 0 is left out
    assert [r.share for r in rows] == [0.5, 0.3, 0.1, 0.1]
    assert [r.cumulative for r in rows] == [0.5, 0.8, 0.9, 1.0]
    assert [r.name for r in rates.vital_few(rows)] == ["环境卫生", "安保"]


def test_the_category_that_crosses_the_cut_is_vital():
    # 4 + 3 + 3 = 10: 4 (40 %), 7 (70 %), 10 (100 %): all three are needed to reach 80 %.
    rows = rates.pareto([("甲", 4), ("乙", 3), ("丙", 3)])
    assert [r.vital for r in rows] == [True, True, True]
    # One category alone is the whole.
    assert rates.vital_few(rates.pareto([("甲", 7)])) == [ParetoRow("甲", 7, 1.0, 7, 1.0, True)]


def test_pareto_of_nothing_is_empty():
    assert rates.pareto([]) == []
    assert rates.pareto([("甲", 0)]) == []
    assert rates.vital_few([]) == []


def test_pareto_bars_gather_the_smallest_into_other():
    rows = rates.pareto([("甲", 6), ("乙", 2), ("丙", 1), ("丁", 1)])  # total 10
    bars = rates.pareto_bars(rows, 3)
    assert [(b.name, b.count, b.cumulative_count) for b in bars] == [
        ("甲", 6, 6),
        ("乙", 2, 8),
        ("其他(2类)", 2, 10),
    ]
    assert bars[-1].cumulative == 1.0 and bars[-1].share == 0.2
    assert rates.pareto_bars(rows, 4) == rows  # room for every category


# Nothing to rate: an empty quarter through the services, the PDF and the notice -------------
def test_an_empty_quarter_rates_nothing_and_divides_by_nothing(office, admin):
    """A new office's quarter: no visits, no cases. Every rate is "nothing to rate", shown as
    "—", never 0 % and never a ZeroDivisionError, in the numbers, the PDF and the notice."""
    from app.periods import Period
    from app.permissions import acting
    from reports.notice import MonthlyNotice
    from reports.quarterly import QuarterlyReport
    from tests.test_reports import pdf_text

    with acting(admin):
        data = office.quarterly(Period.quarter(2026, 2))
    s = data.current
    assert rates.satisfaction_rate(s.satisfaction) is None
    for k in s.visit_stats.values():
        assert (k.handled, k.due, k.met) == (0, 0, None)
        assert rates.visit_rate(k.visited, k.due) is None
    assert rates.pareto(s.complaints_by_category) == []

    text = "".join(pdf_text(QuarterlyReport(office.name, data).generate()).split())
    assert "回访满意率—上期—" in text  # the headline box: nothing rated either quarter
    # 投诉: eight counts of 0, no rate, target 100 %, no verdict, no rate last quarter; no total rate.
    assert "投诉00000000—100%——报修" in text and "合计00000000—应访未访" in text
    notice = "".join(pdf_text(MonthlyNotice(office.name, s, []).generate()).split())
    assert "满意及以上" not in notice  # no visits: the notice does not claim a share
