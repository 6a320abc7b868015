"""The quarterly analysis report, the monthly notice and the charts, on the `q3` data of test_stats."""

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF

from app.cases import CaseInput
from app.models import Case
from app.periods import Period
from app.stats import DEFINITIONS, Comparison, Statistics
from reports import charts
from reports.notice import MonthlyNotice, scrub
from reports.quarterly import QuarterlyReport
from tests.test_reports import fonts_of, page_image, pdf_text
from tests.test_stats import q3  # noqa: F401

SECTIONS = [
    "一、概况",
    "二、回访统计表",
    "三、投诉分析",
    "四、处理情况",
    "五、不合格项纠正和预防措施",
    "六、回访人员",
    "七、改进措施",
    "八、说明",
]


def comparison(office, period=None, measures=""):
    stats = Statistics(office.policies.load(), office.clock.now().date())
    period = period or Period.quarter(2026, 3)
    return Comparison(stats.compute(period), stats.compute(period.previous()), measures=measures)


def flat(value: str) -> str:
    """Extracted text without the spaces and line breaks that layout puts in."""
    return re.sub(r"\s+", "", value)


def chart_pixels(pdf: bytes, rgb=(0x2F, 0x5D, 0x8A)) -> list[int]:
    """Per page, how many pixels have the bar colour (the page is not blank where a chart is)."""
    counts = []
    for i in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        image = page_image(pdf, i, scale=1.0).convert("RGB")
        counts.append(
            sum(
                n
                for n, c in image.getcolors(1 << 20)
                if all(abs(a - b) <= 6 for a, b in zip(c, rgb, strict=True))
            )
        )
    return counts


def test_quarterly_report_content(office, q3, tmp_path):  # noqa: F811
    data = comparison(office)
    pdf = QuarterlyReport(office.name, data).generate()  # its time is measured in bench/
    (tmp_path / "quarterly.pdf").write_bytes(pdf)  # to look at: pytest --basetemp=DIR

    raw = pdf_text(pdf)
    text = flat(raw)
    assert "阳光花园物业服务中心" in text and "2026年第3季度客户投诉与回访分析报告" in text
    for section in SECTIONS:
        assert section in text, section
    assert "第 1 页 / 共" in raw
    # The previous quarter's column is there.
    assert "2026年第2季度" in text
    # 《回访统计表》: 投诉 handled 3, 1 anonymous, none 书面/拒访/未到期/取消, 2 due, 2 visited: 100%, met;
    # 报修 3 handled, all due, none visited (no target in this data).
    assert "投诉31000022100.0%100%达标" in text
    assert "报修300000300.0%" in text
    assert "应访未访:无,应回访的案件均已回访。" in text
    for kind in ["投诉", "报修", "建议", "咨询", "求助", "特约服务", "表扬"]:
        assert kind in text
    # Key figures: 8 received this quarter against 1, resolution rate 75%.
    assert "受理件数·合计81+7" in text and "办结率75.0%0.0%+75.0个百分点" in text
    # Satisfaction spread and the unsatisfied visit.
    assert "不满意1" in text and q3["C2"] in text
    # Complaint analysis: categories, severity, buildings.
    assert "环境卫生3" in text and "停车1" in text and "轻微3" in text
    # Overdue cases and the flags: repeat complaint 3-2-501, repeat repair 3-2-502 给排水 ×3.
    assert q3["C7"] in text
    assert "3-2-501环境卫生2" in text
    assert "3-2-502给排水·(细类未填)3" in text  # the repaired item: room, category, sub-category (H25)
    for key in ("C4", "C5", "C6", "C1"):
        assert q3[key] in text, key
    # No measures written yet: ruled lines for the manager.
    assert "由管理处经理填写" in text and "经理签名" in text
    for definition in DEFINITIONS:
        assert flat(definition)[:12] in text, definition

    fonts = fonts_of(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert not any("Helvetica" in name for name, _ in fonts)
    # At least one chart is drawn in the bar colour.
    assert sum(1 for n in chart_pixels(pdf) if n > 200) >= 1


def test_quarterly_report_with_measures_and_typical_case(office, q3):  # noqa: F811
    case = Case.get(Case.number == q3["C2"])
    case.typical, case.typical_note = True, "一次处理不到位引起返工,已列入培训案例。"
    case.save()
    measures = "1. 保洁部增加 3 栋垃圾清运频次。\n2. 工程部更换 3-2-502 给水立管。"
    pdf = QuarterlyReport(office.name, comparison(office, measures=measures)).generate()
    text = flat(pdf_text(pdf))
    assert "保洁部增加3栋垃圾清运频次" in text and "更换3-2-502给水立管" in text
    assert "由管理处经理填写" not in text
    assert "典型案例(1件)" in text and "已列入培训案例" in text


def test_quarterly_report_without_data(office):
    pdf = QuarterlyReport(office.name, comparison(office, Period.quarter(2025, 1))).generate()
    text = flat(pdf_text(pdf))
    assert "本期无数据" in text and "本期无逾期案件" in text
    for section in SECTIONS:
        assert section in text, section
    assert all(embedded for _, embedded in fonts_of(pdf))


def test_monthly_notice_has_no_personal_data(office, admin, q3):  # noqa: F811
    # A complaint whose text names the owner, the phone and the room, handled in October.
    case = office.cases.create(
        CaseInput(
            account="业主张伟(电话 13812345678)反映 3-2-501 门口楼道堆放杂物,要求清理。",
            kind="投诉",
            room="3-2-501",
            customer_name="张伟",
            customer_phone="13812345678",
            category="环境卫生",
        ),
        admin,
    )
    office.cases.resolve(case, "已于当日清理完毕,并电话告知张伟。", admin)
    period = Period.month(2026, 10)
    stats = Statistics(office.policies.load(), office.clock.now().date()).compute(period)
    handled = (
        Case.select()
        .where(
            Case.received_at >= period.start_at,
            Case.received_at < period.end_at,
            Case.resolved_at.is_null(False),
        )
        .order_by(Case.received_at)
    )
    examples = [(c.category, c.account, c.result) for c in handled]
    names = [c.customer_name for c in handled]
    pdf = MonthlyNotice(office.name, stats, examples, redact=names).generate()
    raw = pdf_text(pdf)
    text = flat(raw)
    assert "致全体业主" in text and "本月(2026年10月)" in text and "共受理" in text and "办结率" in text
    assert "环境卫生" in text and "楼道堆放杂物" in text and "清理完毕" in text
    assert "张伟" not in text
    assert not re.search(r"1[3-9]\d{9}", text)
    assert "3-2-501" not in text
    assert "第 1 页 / 共 1 页" in raw
    assert all(embedded for _, embedded in fonts_of(pdf))


def test_scrub():
    assert scrub("李四 139-1234-5678 住 5-1-101,座机 0755-86001234") == "李四 *** 住 某户,座机 ***"
    assert scrub("李四反映", ["李四"]) == "某业主反映"
    assert scrub("12栋2单元1203室漏水") == "某户漏水"
    assert scrub("身份证 44030119900101123X") == "身份证 ***"
    assert scrub("TS-2026-00012 于 2026-07-06 办结") == "TS-2026-00012 于 2026-07-06 办结"


@pytest.mark.parametrize(
    "drawing",
    [
        charts.pareto([], "空"),
        charts.bar([], "空"),
        charts.grouped_bars([], {}, "空"),
        charts.pie([], "空"),
        charts.line([], "空"),
        charts.pie([("满意", 0)], "全为零"),
        charts.bar([("1栋", 0)], "全为零"),
        charts.grouped_bars(["投诉"], {"本期": [0.0]}, "全为零"),
    ],
)
def test_empty_charts_draw_a_box(drawing):
    pdf = renderPDF.drawToString(drawing)
    assert "本期无数据" in pdf_text(pdf)


def test_charts_label_values_and_use_the_cjk_font():
    drawings = [
        charts.pareto([(f"类别{i}", 30 - i) for i in range(14)], "排列图"),
        charts.bar([("1栋", 3), ("2栋", 5)], "楼栋"),
        charts.grouped_bars(["投诉", "报修"], {"本期": [4, 9], "上期": [2, 7]}, "对比"),
        charts.pie([("很满意", 6), ("满意", 3), ("不满意", 1)], "满意度"),
        charts.line([("7月", 92.5), ("8月", 88.0)], "满意率", fmt=charts.percent_format, value_max=100),
    ]
    for d in drawings:
        pdf = renderPDF.drawToString(d)
        assert not any("Helvetica" in name for name, _ in fonts_of(pdf)), d
    texts = [flat(pdf_text(renderPDF.drawToString(d))) for d in drawings]
    assert "其他(5类)" in texts[0] and "累计100%" in texts[0] and "80%" in texts[0]
    assert "3" in texts[1] and "5" in texts[1]
    assert "本期" in texts[2] and "上期" in texts[2]
    assert "很满意6件(60.0%)" in texts[3] and "不满意1件(10.0%)" in texts[3]
    assert "92.5%" in texts[4]
    with pytest.raises(ValueError):
        charts.grouped_bars(["投诉", "报修"], {"本期": [1]}, "不一致")
