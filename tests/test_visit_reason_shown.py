"""A visit's stored plan line shown in the chosen language (app/visits/shown.py); the stored
line itself stays the source (the demo's lines are read back in tests/test_pseudo_translation.py)."""

from __future__ import annotations

import pytest

from app import i18n
from app.visits.shown import shown_visit_reason

LINES = [
    "投诉·轻微 → 物管员,办结后3天内",
    "报修·轻微(漏水/渗漏) → 物管员,闭水试验后3天内",
    "特约服务·轻微 → 物管员,合同中期回访,合同中期及期满后7天内",
    "第2次回访:返工后复访:投诉·轻微 → 物管员,办结后3天内,可电话回访",
    "投诉·重大 → 管理处经理,办结后3个工作日内;重大投诉,管理处经理、客服主任两人同时回访",
    "手工加入:报修·重要 → 物管员,办结后3天内(王五是维修/办结人,请另派回访人);"
    "业主损失较大,管理处经理、客服主任两人同时回访,请指派客服主任",
]


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def test_source_language_shows_the_line_as_stored():
    assert [shown_visit_reason(line) for line in LINES] == LINES


def test_every_planner_line_reads_in_english_with_only_names_left_in_chinese(english):
    shown = [shown_visit_reason(line) for line in LINES]
    assert shown[0] == "Complaint · Minor → Steward, within 3 days after resolution"
    assert shown[3].startswith("Visit no. 2: Visit again after rework: Complaint · Minor")
    assert "the Office manager and the Customer service director visit together" in shown[4]
    assert "王五 did the repair or resolved it" in shown[5] and shown[5].endswith(
        "assign a Customer service director"
    )
    for line in shown:
        assert not [ch for ch in line.replace("王五", "") if "\u4e00" <= ch <= "\u9fff"], line


def test_a_line_a_person_wrote_stays_as_written(english):
    assert shown_visit_reason("业主出差,下周再约") == "业主出差,下周再约"


def test_the_samples_reasons_read_in_english(english):
    from app.visits.shown import shown_decision_reason

    assert shown_decision_reason("投诉回访率100%,全部回访") == "Complaint: visit rate 100%, every one visited"
    drawn = shown_decision_reason("2026-Q3 报修第4件(已抽1件,目标30%须2件):按77%的机会随机抽中")
    assert drawn == "2026-Q3 Repair no. 4 (1 drawn; target 30% needs 2): drawn at random with a 77% chance"
    replaced = shown_decision_reason("替换 BX-2025-00233,因 重复报事(随机抽取,王五取消后)")
    assert replaced == "Replaces BX-2025-00233, because 重复报事 (drawn at random after 王五 cancelled it)"
    short = shown_decision_reason("王五手工取消:重复报事;无可替换案件,本季度抽样不足2件")
    assert (
        short
        == "Cancelled by hand by 王五: 重复报事; no case to replace it: this quarter's sample is 2 short"
    )


def test_an_activitys_draw_reads_in_english(english):
    from app.visits.shown import shown_activity_reason

    assert shown_activity_reason("40户参与,回访率10%须至少4户:随机抽中") == (
        "40 households took part; a 10% visit rate needs at least 4: drawn at random"
    )
    assert shown_activity_reason("40户参与,已随机抽足4户(10%),本户未抽中").endswith("this one not drawn")
