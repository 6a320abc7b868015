"""The printed papers in the chosen language (issue 16 item 4): the quarterly report, the monthly
notice, the survey form and the visit form, made with the process's language (app/i18n.py) and
read back with pdftotext. In English no fixed word is Chinese: every Chinese run left on the page
is data (a name, a room, what was typed), found in the database; in 繁體 the headers are
Traditional."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from typing import Any

import pytest

from app import i18n, omr, survey
from app.models import ALL_MODELS, Case, Room
from app.permissions import acting
from bench import survey_bench as sb
from reports import survey_form, survey_report
from reports.notice import MonthlyNotice
from reports.printing import Printouts
from reports.quarterly import QuarterlyReport
from tests.test_quarterly_pdf import comparison
from tests.test_reports import done_visit  # noqa: F401
from tests.test_stats import q3  # noqa: F401

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@pytest.fixture
def language():
    """Set the process's language for one test and put the source back after."""
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def pdftotext(pdf: bytes, tmp_path, name: str) -> str:
    """The PDF's text as poppler reads it (the file stays, to look at: pytest --basetemp=DIR)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def embedded_fonts(pdf: bytes, tmp_path, name: str) -> list[str]:
    """pdffonts' `emb` column for every font of the file."""
    path = tmp_path / f"{name}-fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split()[-5] for line in out.splitlines()[2:] if line.strip()]


def stored_text(*extra: str) -> str:
    """Every text value in the database (names, rooms, accounts, categories, the office's words)."""
    values: list[str] = list(extra)
    for model in ALL_MODELS:
        rows: Any = model.select().tuples()
        for row in rows:
            values += [v for v in row if isinstance(v, str)]
    return "\n".join(values)


def chinese_not_in(text: str, data: str) -> list[str]:
    """The Chinese runs of `text` that are not data: words the report made and nobody translated."""
    return sorted({run for run in CJK.findall(text) if run not in data})


def test_the_quarterly_report_in_english_and_traditional(office, q3, language, tmp_path):  # noqa: F811
    language("en")
    pdf = QuarterlyReport(office.name, comparison(office)).generate()
    text = pdftotext(pdf, tmp_path, "quarterly-en")
    flat = " ".join(text.split())
    for heading in (
        "Q3 2026 Complaints and Follow-up Visits Report",
        "1. Overview",
        "2. Follow-up visit statistics",
        "3. Complaint analysis",
        "4. Handling",
        "5. Nonconformities: corrective and preventive actions",
        "6. Visitors",
        "7. Improvement measures",
        "8. Notes",
        "Received · total",
        "Satisfaction this period",
        "Page 1 of",
        "Resolution rate: the share of the cases received",
    ):
        assert heading in flat, heading
    assert "Very satisfied" in flat and "Complaint" in flat  # the levels and kinds: stored words
    assert chinese_not_in(text, stored_text(office.name)) == []
    assert set(embedded_fonts(pdf, tmp_path, "quarterly-en")) == {"yes"}

    language("zh_TW")
    text = pdftotext(QuarterlyReport(office.name, comparison(office)).generate(), tmp_path, "quarterly-tw")
    flat = re.sub(r"\s+", "", text)
    for heading in (
        "一、概況",
        "二、回訪統計表",
        "三、投訴分析",
        "八、說明",
        "客戶投訴與回訪分析報告",
        "滿意度分佈",
    ):
        assert heading in flat, heading
    for simplified in ("回访统计表", "投诉分析", "说明", "客户投诉与回访分析报告"):
        assert simplified not in flat, simplified


def test_the_monthly_notice_in_english_and_traditional(office, q3, language, tmp_path):  # noqa: F811
    from app.periods import Period
    from app.stats import Statistics

    def notice() -> bytes:
        stats = Statistics(office.policies.load(), dt.date(2026, 9, 30)).compute(Period.month(2026, 9))
        examples = [("环境卫生", "楼道垃圾没人清", "已安排保洁每日清运")]
        return MonthlyNotice(office.name, stats, examples, generated=dt.date(2026, 9, 30)).generate()

    language("en")
    text = pdftotext(notice(), tmp_path, "notice-en")
    flat = " ".join(text.split())
    for words in ("NOTICE", "To all owners:", "This month (", "the customer service centre received",
                  "This month's common issues and how they were handled:", "What owners raised",
                  "Thank you for your understanding and support.", "2026-9-30"):  # fmt: skip
        assert words in flat, words
    examples = "楼道垃圾没人清 已安排保洁每日清运 环境卫生"
    assert chinese_not_in(text, stored_text(office.name, examples)) == []

    language("zh_TW")
    flat = re.sub(r"\s+", "", pdftotext(notice(), tmp_path, "notice-tw"))
    assert "公告" in flat and "致全體業主" in flat and "客戶意見處理情況" in flat
    assert "致全体业主" not in flat and "处理情况" not in flat


def test_the_survey_form_in_english_and_traditional(office, admin, language, tmp_path):
    for building in ("1", "2"):
        Room.create(building=building, unit="1", number="101")
    with acting(admin):
        service = survey.SurveyService(office.clock)
        plan = service.create_plan(
            survey.PlanInput(
                title="2026年年中顾客满意度调查",
                starts=dt.date(2026, 10, 1),
                ends=dt.date(2026, 10, 15),
                sample_size=2,
                recovery_target=80,
            )
        )
        service.approve(plan)
        plan = service.get(plan.id)
        sheets = service.make_sheets(plan) + service.make_sheets(plan, blank=1, building="2")
    form = plan.form()

    language("en")
    pdf = survey_form.generate(survey_form.content_for(office.name, plan, sheets))
    text = pdftotext(pdf, tmp_path, "survey-form-en")
    flat = " ".join(text.split())
    for words in ("No. 000001 page 1 of", "Household:", "Chosen", "Cancelled", "Dear owner / resident:",
                  "Building: 2", "Very satisfied", "Very dissatisfied"):  # fmt: skip
        assert words in flat, words
    # What the office wrote on its questionnaire (titles, choices, the notice) is data: it may be
    # Chinese where nobody gave it English; the form's own words are not.
    words = [form.title, plan.notice, survey.HOW_TO_MARK]
    for question in [*form.subjects, *form.choices, *form.open]:
        words += [str(v) for v in vars(question).values() if isinstance(v, str)]
        words += [str(x) for v in vars(question).values() if isinstance(v, (list, tuple)) for x in v]
    assert chinese_not_in(text, stored_text(office.name, *words)) == []
    # The English words change nothing the reader measures: the codes still read back.
    pages = sb.render(pdf, 150)
    assert [omr.find_codes(p)[0].text.split("-")[-2:] for p in pages[:2]] == [["1", "1"], ["1", "2"]]

    language("zh_TW")
    flat = re.sub(r"\s+", "", pdftotext(survey_form.generate(survey_form.content_for(office.name, plan, sheets)),
                                       tmp_path, "survey-form-tw"))  # fmt: skip
    assert "編號000001" in flat and "住戶" in flat and "改選作廢" in flat and "調查項目" in flat
    assert "编号" not in flat and "调查项目" not in flat


def test_the_survey_report_in_english(office, admin, language, tmp_path):
    for building in ("1", "2"):
        Room.create(building=building, unit="1", number="101")
    with acting(admin):
        service = survey.SurveyService(office.clock)
        plan = service.create_plan(
            survey.PlanInput(
                title="年中调查", starts=dt.date(2026, 10, 1), ends=dt.date(2026, 10, 15),
                kind=survey.CENSUS, recovery_target=80,
            )
        )  # fmt: skip
        service.approve(plan)
        plan = service.get(plan.id)
        rows = [{"staff": str(i % 5), "security": str((i * 2) % 5), "overall": str(i % 5)} for i in range(6)]
        for sheet, values in zip(service.make_sheets(plan, blank=6, building="1"), rows, strict=True):
            service.enter_answers(sheet, values)
        results = service.results(plan)
    language("en")
    pdf = survey_report.SurveyReport(office.name, plan, results).generate()
    flat = " ".join(pdftotext(pdf, tmp_path, "survey-report-en").split())
    for words in ("Customer Satisfaction Survey Report", "1. The survey", "2. Method of analysis",
                  "4. Satisfaction by item", "6. Importance–satisfaction quadrant", "9. Summary",
                  "Return rate target", "Page 1 of"):  # fmt: skip
        assert words in flat, words


def test_a_visit_form_and_a_complaint_record_in_traditional_and_english(
    office,
    admin,
    done_visit,  # noqa: F811
    make_case,
    language,
    tmp_path,
):
    case = make_case(kind="投诉", category="环境卫生", account="楼道有垃圾", severity="重要")
    language("zh_TW")
    printouts = Printouts(office, admin)  # no language given: the process's
    flat = re.sub(r"\s+", "", pdftotext(printouts.visit_form_preview(done_visit), tmp_path, "visit-tw"))
    for words in ("回訪記錄表", "客戶姓名", "滿意程度", "很滿意", "回訪人簽名", "總經理意見", "項目經理意見"):
        assert words in flat, words
    assert "回访记录表" not in flat and "总经理意见" not in flat
    flat = re.sub(
        r"\s+", "", pdftotext(printouts.complaint_record(Case.get_by_id(case.id)), tmp_path, "record-tw")
    )
    assert "顧客投訴處理記錄表" in flat and "受理渠道電話" in flat and "類別環境衛生" in flat

    language("en")
    printouts = Printouts(office, admin)
    text = pdftotext(printouts.visit_form_preview(done_visit), tmp_path, "visit-en")
    flat = " ".join(text.split())
    for words in (
        "Follow-up visit record",
        "Customer",
        "Satisfaction",
        "Very satisfied",
        "Repair",
        "GM's opinion",
    ):
        assert words in flat, words
    assert chinese_not_in(text, stored_text(office.name)) == []
    text = pdftotext(printouts.complaint_record(Case.get_by_id(case.id)), tmp_path, "record-en")
    flat = " ".join(text.split())
    for words in ("Customer complaint record", "Complaint", "Serious", "To dispatch", "Received"):
        assert words in flat, words
    assert chinese_not_in(text, stored_text(office.name)) == []
