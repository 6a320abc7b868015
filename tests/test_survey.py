"""The satisfaction survey's service: plan, approval, sample, sheets printed, scans read back,
review, interviews typed in, results (四分图), corrective actions, migration 8."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image, ImageDraw

from app import omr, rates, survey
from app.domain import SATISFACTION
from app.errors import UserError, ValidationError
from app.models import Room
from app.permissions import acting
from bench import survey_bench as sb
from reports import survey_form


@pytest.fixture
def service(office, admin):
    with acting(admin):
        yield survey.SurveyService(office.clock)


@pytest.fixture
def rooms(office):
    made = []
    for building in ("1", "2", "3"):
        for unit in ("1", "2"):
            for floor in range(1, 6):
                made.append(Room.create(building=building, unit=unit, number=f"{floor}01"))
    return made


def _plan(service, **fields):
    values = dict(
        title="2026年年中顾客满意度调查",
        starts=dt.date(2026, 10, 1),
        ends=dt.date(2026, 10, 15),
        sample_rate=20,
        leader="李组长",
        members="王、张",
        recovery_target=80,
    )
    values.update(fields)
    return service.create_plan(survey.PlanInput(**values))


def test_a_plan_is_checked_in_words(service):
    with pytest.raises(ValidationError) as caught:
        service.create_plan(
            survey.PlanInput(title="", starts=dt.date(2026, 10, 5), ends=dt.date(2026, 10, 1), sample_rate=0)
        )
    problems = caught.value.problems
    assert "调查名称" in problems and "调查时间" in problems and "样本" in problems


def test_approval_freezes_the_questionnaire_and_sheets_need_it(service, rooms):
    plan = _plan(service)
    assert plan.state == survey.DRAFT
    with pytest.raises(UserError, match="批准后才能打印"):
        service.make_sheets(plan)
    form = plan.form()
    form.subjects = form.subjects[:3] + [form.subjects[-1]]
    service.set_questionnaire(plan, form)
    service.approve(plan)
    plan = service.get(plan.id)
    assert plan.state == survey.APPROVED and plan.approved_by
    with pytest.raises(UserError, match="冻结"):
        service.set_questionnaire(plan, survey.default_questionnaire())
    with pytest.raises(UserError, match="不能再修改"):
        service.update_plan(plan, survey.PlanInput(title="改名", sample_rate=10))
    assert len(plan.form().subjects) == 4


def test_the_sample_takes_complainers_first_then_draws_by_building(service, rooms, make_case):
    for _ in range(3):
        make_case(kind="投诉", room="2-1-301", validity="一类")
    make_case(kind="投诉", room="3-2-101", validity="一类")
    plan = _plan(service, sample_size=9, sample_rate=0, complainers=2)
    sample = service.choose_sample(plan)
    assert len(sample) == 9
    reasons = {room.label: why for room, why in sample}
    assert reasons["2-1-301"].startswith("意见较多(近一年投诉 3 次)")
    assert reasons["3-2-101"].startswith("意见较多")
    drawn = [room.building for room, why in sample if why == "随机抽样"]
    assert sorted(set(drawn)) == ["1", "2", "3"]  # every building has its share
    assert service.choose_sample(plan) == sample  # the same plan draws the same sample


def _approved(service, **fields):
    plan = _plan(service, **fields)
    service.approve(plan)
    return service.get(plan.id)


def test_sheets_are_numbered_once_and_printed_with_their_codes(service, rooms):
    plan = _approved(service, sample_size=4, sample_rate=0)
    sheets = service.make_sheets(plan)
    assert [s.number for s in sheets] == [1, 2, 3, 4] and all(s.room_label for s in sheets)
    with pytest.raises(UserError, match="已经编号"):
        service.make_sheets(plan)
    spare = service.make_sheets(plan, blank=2, building="3")
    assert [s.number for s in spare] == [5, 6] and spare[0].building == "3" and not spare[0].room_label
    pdf = survey_form.generate(survey_form.content_for("阳光花园", plan, sheets[:1] + spare[:1]))
    pages = sb.render(pdf, 150)
    assert len(pages) == 2 * len(survey.sheet_pages(plan.form()))
    codes = [omr.find_codes(p)[0].text for p in pages]
    tag = survey.office_tag()
    assert len(tag) == 8
    assert codes[0] == f"HYS1-{tag}-{plan.id}-1-1" and codes[-1] == f"HYS1-{tag}-{plan.id}-5-2"
    assert service.progress(plan).rate == 0


def _scanned_pdf(tmp_path, plan, sheets, marks, name="scan.pdf", upside=(), seed=1):
    """The plan's sheets printed, marked (row key → box index, or kind tuples), scanned to one PDF."""
    pdf = survey_form.generate(survey_form.content_for("阳光花园", plan, sheets))
    per = len(survey.sheet_pages(plan.form()))
    layout = survey.sheet_pages(plan.form())
    rng = random.Random(seed)
    images = []
    for n, sheet in enumerate(sheets):
        for page in range(per):
            (image,) = sb.render(pdf, 150, [n * per + page])
            draw = ImageDraw.Draw(image)
            rows = {r.key: r for r in layout[page].geometry.rows}
            for key, wanted in marks.get(sheet.number, {}).items():
                if key not in rows:
                    continue
                for index, kind in wanted:
                    sb.draw_mark(draw, rows[key].boxes[index], kind, 150 / 25.4, rng)
            if page == 1 and sheet.number in marks and "advice" in marks[sheet.number]:
                x0, y0, _, _ = layout[1].geometry.texts[0].area
                px = 150 / 25.4
                for i in range(6):
                    draw.rectangle(
                        [(x0 + 4 + 6 * i) * px, (y0 + 3) * px, (x0 + 8 + 6 * i) * px, (y0 + 6) * px],
                        outline=20,
                        width=2,
                    )
            if sheet.number in upside:
                image = image.rotate(180)
            images.append(image.convert("RGB"))
    path = tmp_path / name
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path


def test_scans_are_read_matched_reviewed_and_counted(service, rooms, tmp_path):
    plan = _approved(service, sample_size=3, sample_rate=0)
    sheets = service.make_sheets(plan)
    marks = {
        1: {"staff": [(0, "tick")], "security": [(1, "cross")], "overall": [(0, "fill")], "advice": []},
        2: {"staff": [(3, "tick"), (4, "tick")], "overall": [(2, "light")], "security": [(1, "tick")]},
    }
    path = _scanned_pdf(tmp_path, plan, sheets[:2], marks, upside=(2,))
    seen = []
    outcomes = service.read_file(plan, path, progress=lambda done, total: seen.append((done, total)))
    assert [o.status for o in outcomes] == [
        survey.PAGE_READ,
        survey.PAGE_REVIEW,
        survey.PAGE_REVIEW,
        survey.PAGE_READ,
    ]
    assert seen[-1] == (4, 4)
    one = {a.question: a for a in service.sheet(plan, 1).answers}
    assert one["staff"].value == "0" and one["security"].value == "1" and one["overall"].value == "0"
    assert one["water"].value == "" and one["water"].state == survey.ANSWER_READ
    two = {a.question: a for a in service.sheet(plan, 2).answers}
    assert two["staff"].state == two["overall"].state == survey.ANSWER_REVIEW
    assert two["security"].value == "1"  # read although the page was upside down
    progress = service.progress(plan)
    assert (progress.returned, progress.sheets) == (2, 3) and not progress.met

    queue = service.review_queue(plan)
    assert [(a.sheet.number, a.question) for a in queue] == [(1, "advice"), (2, "staff"), (2, "overall")]
    assert all(Image.open(io.BytesIO(bytes(a.image))).width > 100 for a in queue)
    with pytest.raises(UserError, match="1 到 5"):
        service.decide(queue[1], "7")
    service.decide(queue[0], "电梯经常坏,希望尽快修好")
    service.decide(queue[1], "3")
    service.decide(queue[2], "")
    assert service.review_queue(plan) == []

    # the same file again: every page kept once
    again = service.read_file(plan, path)
    assert {o.status for o in again} == {survey.PAGE_DUPLICATE}
    results = service.results(plan)
    staff = next(s for s in results.subjects if s.key == "staff")
    assert staff.counts == [1, 0, 0, 1, 0] and staff.average == 3.5 and staff.satisfied == 50.0
    assert results.open_answers == {
        "设备设施": [("您对我们的工作有哪些意见和建议?", "电梯经常坏,希望尽快修好")]
    }
    assert results.pending_review == 0


def test_bad_pages_are_refused_in_words_and_kept(service, rooms, tmp_path):
    plan = _approved(service, sample_size=2, sample_rate=0)
    sheets = service.make_sheets(plan)
    other = _approved(service, title="另一次调查", sample_size=2, sample_rate=0)
    foreign = service.make_sheets(other)
    path = _scanned_pdf(tmp_path, other, foreign[:1], {}, "other.pdf")
    outcomes = service.read_file(plan, path)
    assert outcomes[0].status == survey.PAGE_REFUSED and "另一次调查" in outcomes[0].message
    # a sheet number not in the plan (its sheet voided)
    sheets[1].state = survey.SHEET_VOID
    sheets[1].save()
    path = _scanned_pdf(tmp_path, plan, sheets[1:2], {}, "void.pdf")
    assert service.read_file(plan, path)[0].status == survey.PAGE_REFUSED
    # an unreadable page: kept, matched by hand, then typed in
    pdf = survey_form.generate(survey_form.content_for("阳光花园", plan, sheets[:1]))
    (torn,) = sb.render(pdf, 150, [0])
    left, top, side = survey.QR
    px = 150 / 25.4
    ImageDraw.Draw(torn).rectangle(
        [(left - 3) * px, (top - 3) * px, (left + side + 3) * px, (top + side + 3) * px], fill=255
    )
    photo = tmp_path / "photo.jpg"
    torn.save(photo, quality=60)  # the code torn off
    outcome = service.read_file(plan, photo)[0]
    assert outcome.status == survey.PAGE_UNREAD and "读不出二维码" in outcome.message
    (kept,) = service.unmatched_pages(plan)
    with pytest.raises(UserError, match="没有第 9 号"):
        service.match_page(kept, 9)
    sheet = service.match_page(kept, 1)
    service.enter_answers(sheet, {"staff": "1", "needs": "0,2", "advice": "门口太吵"}, method="手工")
    assert service.sheet(plan, 1).state == survey.SHEET_RETURNED
    with pytest.raises(ValidationError):
        service.enter_answers(sheet, {"staff": "0,1"})
    with pytest.raises(ValidationError):
        service.enter_answers(sheet, {"nope": "1"})


def _answers(service, plan, rows):
    sheets = service.make_sheets(plan, blank=len(rows), building="1")
    for sheet, values in zip(sheets, rows, strict=True):
        service.enter_answers(sheet, values)


def test_results_quadrant_comparison_and_actions(service, rooms):
    previous = _approved(service, title="2025年年终调查", kind=survey.CENSUS)
    _answers(service, previous, [{"staff": "1", "security": "1", "cleaning": "1", "overall": "1"}] * 3)
    plan = _approved(service, previous_id=previous.id, kind=survey.CENSUS)
    # security moves with overall (important) and is low; cleaning is high and unrelated
    rows = []
    for level in (0, 1, 2, 3, 4, 0, 1, 3):
        rows.append({"staff": str(min(4, level + 1) if level % 2 else 0), "security": str(level),
                     "cleaning": "0" if level % 3 else "1", "power": str(4 - level),
                     "overall": str(level), "rebuy": "0", "needs": "1,2"})  # fmt: skip
    _answers(service, plan, rows)
    results = service.results(plan)
    assert results.importance_source == "derived"
    security = next(s for s in results.subjects if s.key == "security")
    assert security.importance == pytest.approx(1.0)
    assert security.previous == 4.0  # 满意 = 4 points last time
    zones = {q.key: q.zone for q in results.quadrant}
    assert zones["security"] in (survey.ZONE_FIX, survey.ZONE_ADVANTAGE)
    assert zones["power"] in (survey.ZONE_MAINTAIN, survey.ZONE_OPPORTUNITY)
    assert results.recovery == 100.0 and results.returned == 8
    assert results.choices[1][1][1] == ("维修服务", 8)
    actions = service.make_actions(plan, results)
    fix = [q.key for q in results.quadrant if q.zone == survey.ZONE_FIX]
    assert sorted(a.subject for a in actions) == sorted(fix)
    assert service.make_actions(plan, results) == []  # once per subject
    if actions:
        with pytest.raises(ValidationError):
            service.finish_action(actions[0], " ")
        service.finish_action(actions[0], "增加夜间巡逻")
        assert actions[0].id not in [a.id for a in service.open_actions()]


def test_stated_importance_is_used_when_asked(service, rooms):
    plan = _approved(service, kind=survey.CENSUS, importance=True)
    assert plan.form().importance
    _answers(service, plan, [{"staff": "0", "staff.imp": "0", "security": "3", "security.imp": "1"}] * 2)
    results = service.results(plan)
    assert results.importance_source == "stated"
    assert {s.key: s.importance for s in results.subjects if s.importance}["security"] == 4.0


def test_a_subjects_satisfied_share_is_the_offices_satisfaction_rate(service, rooms):
    """The survey's 满意 share per subject is app.rates' 满意率 (很满意 + 满意 over rated), in
    per cent to one decimal; unanswered rows are not rated."""
    plan = _approved(service, kind=survey.CENSUS)
    levels = ["0", "1", "1", "2", "3", "4", ""]  # 很满意, 满意 ×2, 一般, 不满意, 很不满意, no answer
    _answers(service, plan, [{"staff": v, "security": "3"} for v in levels])
    subjects = {s.key: s for s in service.results(plan).subjects}
    staff = subjects["staff"]
    rate = rates.satisfaction_rate(dict(zip(SATISFACTION, staff.counts, strict=True)))
    assert staff.counts == [1, 2, 1, 1, 1] and staff.answered == 6
    assert rate is not None and staff.satisfied == round(100 * rate, 1) == 50.0
    assert staff.dissatisfied == 2
    assert subjects["security"].satisfied == 0.0 and subjects["security"].dissatisfied == 7
    assert subjects["power"].satisfied is None  # nobody rated it: no rate, not 0 %


def test_migration_8_adds_the_survey_tables_to_an_older_folder(tmp_path):
    from app import db as dbmod
    from app.models import Setting, db

    key = bytes(range(32))
    path = tmp_path / "x.sqlite3"
    dbmod.open_database(path, key)
    for model in reversed(survey.SURVEY_MODELS):
        db.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    Setting.replace(key="schema_version", value="1").execute()  # every step after the first runs again
    db.close()
    dbmod.open_database(path, key)
    try:
        assert dbmod.schema_version() == dbmod.SCHEMA_VERSION >= 8
        assert set(db.get_tables()) >= {m._meta.table_name for m in survey.SURVEY_MODELS}
    finally:
        db.close()


def test_the_report_pdf_and_workbook(service, rooms, tmp_path):
    import pypdfium2
    from openpyxl import load_workbook

    from reports import survey_report

    previous = _approved(service, title="2025年年终调查", kind=survey.CENSUS)
    _answers(service, previous, [{"staff": "1", "security": "2", "overall": "1"}] * 2)
    plan = _approved(service, previous_id=previous.id, kind=survey.CENSUS)
    rows = [{"staff": str(i % 5), "security": str((i * 2) % 5), "cleaning": str(i % 2), "overall": str(i % 5),
             "advice": ["保安晚上不巡逻", "垃圾清运不及时", "很好"][i % 3], "needs": "0,1"} for i in range(30)]  # fmt: skip
    _answers(service, plan, rows)
    results = service.results(plan)
    actions = service.make_actions(plan, results)
    pdf = survey_report.SurveyReport("阳光花园物业服务中心", plan, results, actions).generate()
    document = pypdfium2.PdfDocument(pdf)
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert len(document) >= 3
    for part in ("调查情况简介", "调查分析方法", "公司总体情况分析", "各单项服务满意度分析", "横向对比", "四分图",
                 "开放性问题统计", "调查总结", "相关系数", "与上次调查对比", "安全管理(3 条)".replace("安全管理", "安全管理")):  # fmt: skip
        assert part.split("(")[0] in text, part
    assert "回收率 100.0%" in survey_report.summary_text(results)
    book = load_workbook(io.BytesIO(survey_report.workbook(plan, results)))
    assert book.sheetnames == ["汇总", "明细", "楼栋", "四分图", "开放意见"]
    assert book["明细"].max_row == 31
    assert book["明细"]["E2"].value == "很满意"  # sheet 1: staff box 0
    assert {r[0].value for r in book["开放意见"].iter_rows(min_row=2)} >= {"安全管理", "环境(清洁、绿化)"}
    (tmp_path / "report.pdf").write_bytes(pdf)


def test_unknown_numbers_blank_pages_and_typed_answers_first(service, rooms, tmp_path):
    plan = _approved(service, sample_size=2, sample_rate=0)
    sheets = service.make_sheets(plan)
    content = survey_form.content_for("阳光花园", plan, sheets[:1])
    content.sheets = [survey_form.SheetLabel(99), survey_form.SheetLabel(1)]  # 99 was never handed out
    (stray, _, first, _) = sb.render(survey_form.generate(content), 150)
    blank = Image.new("L", stray.size, 252)
    path = tmp_path / "mixed.pdf"
    stray.convert("RGB").save(
        path, "PDF", resolution=150, save_all=True, append_images=[blank.convert("RGB"), first.convert("RGB")]
    )
    # sheet 1 was typed in from an interview before its paper came back
    service.enter_answers(sheets[0], {"staff": "4"})
    outcomes = service.read_file(plan, path)
    assert [o.status for o in outcomes] == [survey.PAGE_REFUSED, survey.PAGE_BLANK, survey.PAGE_READ]
    assert "99" in outcomes[0].message and "不在本次调查的计划里" in outcomes[0].message
    answers = {a.question: a for a in service.sheet(plan, 1).answers}
    assert answers["staff"].value == "4" and answers["staff"].state == survey.ANSWER_TYPED  # kept
    assert answers["security"].state == survey.ANSWER_READ


def test_who_may_do_what(office, admin, rooms):
    from app.models import Staff

    steward = Staff.create(name="赵物管", role="steward")
    manager = Staff.create(name="钱经理", role="office_manager")
    clerk = Staff.create(name="孙客服", role="clerk")
    service = survey.SurveyService(office.clock)
    with acting(steward), pytest.raises(UserError, match="没有.*权限"):
        service.create_plan(survey.PlanInput(title="年中调查", sample_rate=10))
    with acting(manager):
        plan = service.create_plan(survey.PlanInput(title="年中调查", sample_rate=10))
    with acting(clerk), pytest.raises(UserError, match="没有.*权限"):
        service.approve(plan)
    with acting(manager):
        service.approve(plan)
        sheet = service.make_sheets(plan, blank=1)[0]
    with acting(clerk):
        service.enter_answers(sheet, {"staff": "0"})  # the front desk types in the answers
    with acting(steward), pytest.raises(UserError, match="没有.*权限"):
        service.enter_answers(sheet, {"staff": "1"})
