"""二类 cases leave the office in writing (helper H22, issue 14; seed 001: 涉及地产的投诉以书面
形式报送地产客户服务中心 … 及时跟进并了解进展情况): the 工作联系函, its number, when it was sent,
the developer's reply due on the office's working days, follow-ups, the overdue list, the
dashboard, the quarterly count and the printed letter."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from app import domain
from app.errors import UserError, ValidationError
from app.models import AuditEntry, CaseEvent, Referral, ReferralFollowUp, Setting
from app.periods import Period
from app.referrals import CLOSED, DRAFTED, OVERDUE, REPLIED, WAITING

# 2026-09-25 is a Friday and 中秋节 (a day off); 09-28..09-30 are working days, 10-01..10-07
# National Day, 10-08 and 10-09 working days: five working days after 09-25 end on 10-09.
FRIDAY = dt.datetime(2026, 9, 25, 10, 0)


@pytest.fixture
def developer_case(make_case, clock):
    clock.at = dt.datetime(2026, 9, 24, 9, 0)
    return make_case(
        kind="投诉",
        validity="二类",
        category="地产遗留",
        account="外墙渗水,卧室墙面发霉",
        request="请开发商维修外墙",
        received_at="2026-09-24 09:00",
    )


def refer_and_send(office, case, admin, clock, at=FRIDAY):
    clock.at = at
    referral = office.referrals.refer(case, "请贵司派人检修 3-2-501 外墙渗水,并书面答复维修安排", actor=admin)
    return office.referrals.record_sent(referral, "送达", actor=admin)


def test_reply_due_after_national_day_on_working_days(office, admin, clock, developer_case):
    referral = refer_and_send(office, developer_case, admin, clock)
    assert referral.number == "LXH-2026-0001"
    assert referral.to_whom == "开发商客户服务中心"  # the policy's text
    assert referral.sent_at == FRIDAY
    assert referral.reply_due == dt.date(2026, 10, 9)
    # Not overdue on its last day; overdue on Saturday 10-10 (a make-up working day).
    assert office.referrals.overdue(dt.date(2026, 10, 9)) == []
    assert [r.number for r in office.referrals.overdue(dt.date(2026, 10, 10))] == ["LXH-2026-0001"]
    clock.at = dt.datetime(2026, 10, 10, 9, 0)
    assert office.referrals.state(referral) == OVERDUE
    clock.at = dt.datetime(2026, 10, 9, 17, 0)
    assert office.referrals.state(referral) == WAITING


def test_calendar_days_are_an_office_choice(office, admin, clock, developer_case):
    policy = office.policies.copy()
    policy.referral.unit = "calendar"
    policy.referral.reply_days = 5
    office.policies.save(policy)
    referral = refer_and_send(office, developer_case, admin, clock)
    assert referral.reply_due == dt.date(2026, 9, 30)


def test_numbers_follow_each_other_and_the_timeline_says_each_step(office, admin, clock, developer_case):
    first = refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 9, 28, 9, 0)
    second = office.referrals.refer(developer_case, "补充:请一并检查阳台渗水", actor=admin)
    assert (first.number, second.number) == ("LXH-2026-0001", "LXH-2026-0002")
    assert office.referrals.state(second) == DRAFTED
    texts = [e.text for e in CaseEvent.select().where(CaseEvent.kind == "转交开发商").order_by(CaseEvent.id)]
    assert texts[0].startswith("工作联系函 LXH-2026-0001 致开发商客户服务中心:请贵司派人检修")
    assert "已送达至开发商客户服务中心(2026-09-25 10:00,王管理),请于 2026-10-09 前回复" in texts[1]
    assert texts[2].startswith("工作联系函 LXH-2026-0002")
    # audited: made and changed in the trail
    rows = AuditEntry.select().where(AuditEntry.table == "referral")
    assert {r.action for r in rows} == {"新建", "修改"}
    assert {r.field for r in rows if r.action == "修改"} >= {"sent_at", "reply_due", "method"}


def test_reply_follow_ups_and_close(office, admin, clock, developer_case):
    referral = refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 10, 8, 15, 0)
    follow = office.referrals.add_follow_up(
        referral, "电话询问开发商客服,答复本周内回函;已告知业主", next_date="2026-10-12", actor=admin
    )
    assert follow.next_date == dt.date(2026, 10, 12) and follow.by == "王管理"
    lines = office.referrals.open_lines(dt.date(2026, 10, 8))
    assert [(x.number, x.state, x.next_follow_up) for x in lines] == [
        ("LXH-2026-0001", WAITING, dt.date(2026, 10, 12))
    ]
    clock.at = dt.datetime(2026, 10, 12, 11, 0)
    office.referrals.record_reply(
        referral, "已安排施工单位 10 月 20 日前维修外墙", at="2026-10-12 10:30", actor=admin
    )
    referral = Referral.get_by_id(referral.id)
    assert referral.replied_at == dt.datetime(2026, 10, 12, 10, 30)
    assert office.referrals.state(referral) == REPLIED
    assert office.referrals.open_lines(dt.date(2026, 10, 12)) == []
    late = CaseEvent.select().where(CaseEvent.text.contains("开发商回复")).get()
    assert "超过回复期限 2026-10-09" in late.text
    office.referrals.close(referral, "开发商已维修完毕,业主确认不再渗水", actor=admin)
    assert office.referrals.state(Referral.get_by_id(referral.id)) == CLOSED
    with pytest.raises(UserError, match="已结束"):
        office.referrals.add_follow_up(referral, "再问一次", actor=admin)


def test_which_cases_may_be_referred(office, admin, clock, make_case):
    clock.at = dt.datetime(2026, 9, 28, 9, 30)
    ours = make_case(kind="投诉", validity="一类", category="服务态度", account="保安态度差")
    with pytest.raises(UserError, match="只有有效投诉·二类,或类别为地产遗留的案件"):
        office.referrals.refer(ours, "请处理", actor=admin)
    assert not office.referrals.can_refer(ours)
    # a repair of a house defect (地产遗留) may be referred, whatever its kind
    repair = make_case(kind="报修", category="地产遗留", account="入户门变形关不严")
    assert office.referrals.reason(repair) == "类别为地产遗留"
    assert office.referrals.refer(repair, "请维修入户门", actor=admin).number == "LXH-2026-0001"
    # 二类 of another category (outside causes) too
    outside = make_case(kind="投诉", validity="二类", category="公共事务", account="市政道路施工噪音")
    assert office.referrals.reason(outside) == "有效投诉·二类"
    # re-graded to 二类: the case may be referred from then on
    office.cases.regrade(ours, "核实为开发商遗留问题", admin, validity="二类")
    assert office.referrals.can_refer(office.cases.get(ours.id))


def test_bad_input_names_the_field_and_loses_nothing(office, admin, clock, developer_case):
    clock.at = FRIDAY
    with pytest.raises(ValidationError) as err:
        office.referrals.refer(developer_case, "  ", actor=admin)
    assert "转交事项" in err.value.problems
    referral = office.referrals.refer(developer_case, "请维修外墙", actor=admin)
    with pytest.raises(ValidationError) as err:
        office.referrals.record_sent(referral, "传真", at="2026-09-24 08:00", actor=admin)
    assert err.value.problems["发出方式"] == "只能是 送达、邮寄、电子邮件"
    assert err.value.problems["发出时间"].startswith("不能早于制函时间 2026-09-25 10:00")
    with pytest.raises(UserError, match="还没有登记发出"):
        office.referrals.record_reply(referral, "已维修", actor=admin)
    office.referrals.record_sent(referral, "邮寄", actor=admin)
    with pytest.raises(ValidationError) as err:
        office.referrals.add_follow_up(referral, "询问进展", next_date="2026-09-25", actor=admin)
    assert err.value.problems == {"下次跟进日期": "须晚于本次跟进日期 2026-09-25"}
    with pytest.raises(ValidationError) as err:
        office.referrals.add_follow_up(referral, "询问进展", next_date="十月", actor=admin)
    assert "不是日期时间" in err.value.problems["下次跟进日期"]
    assert ReferralFollowUp.select().count() == 0
    assert Referral.get_by_id(referral.id).method == "邮寄"


def test_case_may_be_resolved_with_the_referral_unanswered(office, admin, clock, developer_case):
    referral = refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 9, 28, 16, 0)
    office.cases.resolve(office.cases.get(developer_case.id), "已向业主说明由开发商维修,物业持续跟进", admin)
    assert office.cases.get(developer_case.id).state == domain.RESOLVED
    # still open on the dashboard, and still answered after the case is done
    from app.dashboard import dashboard

    clock.at = dt.datetime(2026, 10, 12, 9, 0)
    data = dashboard(office, dt.date(2026, 10, 12))
    assert [(x.number, x.case_number, x.overdue) for x in data.referrals_open] == [
        ("LXH-2026-0001", developer_case.number, True)
    ]
    office.referrals.record_reply(referral, "已安排维修", actor=admin)
    assert dashboard(office, dt.date(2026, 10, 12)).referrals_open == []


def test_only_the_front_desk_may_refer(office, admin, clock, developer_case):
    steward = office.staff.save_staff(name="李管家", role="steward", username="li", password="Secret-123")
    clock.at = FRIDAY
    with pytest.raises(UserError, match=re.escape("没有“向开发商发工作联系函”的权限")):
        office.referrals.refer(developer_case, "请维修", actor=steward)
    clerk = office.staff.save_staff(name="赵客服", role="clerk", username="zhao", password="Secret-123")
    assert office.referrals.refer(developer_case, "请维修", actor=clerk).made_by == "赵客服"


def test_quarter_counts(office, admin, clock, make_case, developer_case):
    answered = refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 9, 29, 9, 0)
    office.referrals.record_reply(answered, "已安排维修", actor=admin)
    clock.at = dt.datetime(2026, 9, 29, 9, 30)
    other = make_case(kind="投诉", validity="二类", category="地产遗留", account="车库顶板渗水")
    late = office.referrals.refer(other, "请处理车库渗水", actor=admin)
    late = office.referrals.record_sent(
        late, "电子邮件", actor=admin
    )  # 09-30, 10-08, 10-09, 10-10 (补班), 10-12
    assert late.reply_due == dt.date(2026, 10, 12)
    q3 = office.referrals.counts(Period.quarter_of(dt.date(2026, 9, 1)))
    assert q3.to_json() == {"referred": 2, "letters": 2, "sent": 2, "answered": 1, "overdue": 0}
    # Counted at the quarter's end nothing was overdue yet; no letter was made in Q4 (counted
    # by the day the letter was made); on 10-13 the unanswered one is on the overdue list.
    assert (
        office.referrals.counts(Period.quarter_of(dt.date(2026, 10, 1)), as_of=dt.date(2026, 10, 13)).referred
        == 0
    )
    assert [r.number for r in office.referrals.overdue(dt.date(2026, 10, 13))] == [late.number]


def test_letter_pdf_says_what_is_asked_and_masks_the_phone(office, admin, clock, developer_case, tmp_path):
    from reports.referral_letter import ReferralLetterReport

    referral = refer_and_send(office, developer_case, admin, clock)
    data = office.referrals.letter_data(referral)
    for language, words in (
        ("zh_CN", ["工作联系函", "开发商客户服务中心", "回复期限", "经办人", "服务中心(盖章)", "开发商回复"]),
        ("zh_TW", ["工作聯繫函", "回覆期限", "經辦人"]),
        ("en", ["Letter of referral", "Reply by", "Handled by"]),
    ):
        pdf = ReferralLetterReport(office.name, data, language).generate()
        path = tmp_path / f"letter-{language}.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        compact = text.replace(" ", "")
        for word in words:
            assert word.replace(" ", "") in compact, (language, word)
        assert "LXH-2026-0001" in text
        assert "2026-10-09" in text
        assert "3-2-501" in text
        assert "138****5678" in text and "13812345678" not in text
        assert "请贵司派人检修" in compact


def test_only_the_front_desk_prints_the_letter(office, admin, clock, developer_case):
    referral = refer_and_send(office, developer_case, admin, clock)
    steward = office.staff.save_staff(name="李管家", role="steward", username="li", password="Secret-123")
    with pytest.raises(UserError, match="李管家没有“向开发商发工作联系函"):
        office.referrals.letter_data(referral, steward)


def test_letter_carries_the_whole_phone_when_the_policy_says(office, admin, clock, developer_case):
    policy = office.policies.copy()
    policy.referral.show_phone = True
    office.policies.save(policy)
    referral = refer_and_send(office, developer_case, admin, clock)
    assert office.referrals.letter_data(referral).phone == "13812345678"


def test_policy_checks_the_referral_settings(office):
    policy = office.policies.copy()
    policy.referral.reply_days = 0
    policy.referral.to = ""
    with pytest.raises(ValidationError) as err:
        policy.validate()
    assert set(err.value.problems) >= {"开发商回复天数", "联系函收函单位"}


def test_an_office_of_the_schema_before_gets_the_tables(tmp_path, clock):
    from app.db import SCHEMA_VERSION
    from app.models import db
    from app.office import Office

    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("旧服务中心", "admin", "secret1")
    db.obj.execute_sql('DROP TABLE "referral_follow_up"')
    db.obj.execute_sql('DROP TABLE "referral"')
    Setting.replace(key="schema_version", value="12").execute()
    key = bytes.fromhex(office.ring.data.get("setup_key", "")) if "setup_key" in office.ring.data else None
    office.close()
    reopened = (
        Office.login(folder, "admin", "secret1", clock) if key is None else Office.open(folder, clock, key)
    )
    try:
        assert db.obj.table_exists("referral") and db.obj.table_exists("referral_follow_up")
        assert int(Setting.get_by_id("schema_version").value) == SCHEMA_VERSION
        assert Referral.select().count() == 0
    finally:
        reopened.close()


def test_quarterly_report_and_command_line_carry_the_counts(office, admin, clock, developer_case, tmp_path):
    import json

    from reports.quarterly import QuarterlyReport
    from tests.helpers import cli

    refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 10, 13, 9, 0)  # Q3 is over: counted at its end (nothing overdue yet)
    q3 = office.quarterly(Period.quarter(2026, 3))
    assert q3.current.referrals is not None
    assert q3.current.referrals.to_json() == {
        "referred": 1,
        "letters": 1,
        "sent": 1,
        "answered": 0,
        "overdue": 0,
    }
    path = tmp_path / "q3.pdf"
    path.write_bytes(QuarterlyReport(office.name, q3).generate())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    compact = "".join(text.split())
    assert (
        "转交开发商(工作联系函):本期1件(上期0件),联系函1份,已发出1份,开发商已回复0份,逾期未回复0份。"
        in compact
    )
    folder = office.data_dir
    office.close()
    out = tmp_path / "q3.json"
    assert cli.run(folder, "report", "quarterly", "--year", "2026", "--quarter", "3", "--json", str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["referrals"]["sent"] == 1


def test_the_quarterly_excel_carries_the_counts_and_the_late_replies(
    office, admin, clock, developer_case, tmp_path
):
    import openpyxl

    from app.stats_export import write_xlsx

    refer_and_send(office, developer_case, admin, clock)
    clock.at = dt.datetime(2026, 10, 13, 9, 0)
    q3 = office.quarterly(Period.quarter(2026, 3))
    write_xlsx(q3, tmp_path / "q3.xlsx")
    rows = {
        r[0]: r[1:]
        for r in openpyxl.load_workbook(tmp_path / "q3.xlsx")["处理情况"].iter_rows(values_only=True)
    }
    assert rows["转交开发商:案件"] == (1, 0) and rows["转交开发商:已发出"] == (1, 0)
    assert rows["转交开发商:开发商已回复"] == (0, 0) and rows["转交开发商:逾期未回复"] == (0, 0)
    late = q3.current.late_first_replies
    assert rows["首次回复超时件数"][0] == sum(late.values())
    assert rows["明确答复超时件数"][0] == len(q3.current.late_clear_answers)
