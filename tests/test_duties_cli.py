"""`python -m huiyin --user U duties [--json FILE]`: the dashboard's due and late things, in words.

Run through the command line as a person logs in (tests/helpers/cli.py), on the office's own
dates: a fresh folder has nothing due; a small office with a case past its deadline, a first
reply never given (办结 is not a reply), a major complaint without its report, a night-log entry
not carried over and a monthly notice not printed lists each of them, with the case numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from app.cases import CaseInput
from app.clock import FixedClock, SystemClock
from app.dashboard import DashboardData
from app.office import Office
from huiyin.duties_cli import NOT_DUTIES, SECTIONS
from tests.helpers import cli


@pytest.fixture
def wall(monkeypatch):
    """The command line's clock (the office's SystemClock), set where the test wants it."""
    clock = FixedClock(dt.datetime(2026, 9, 28, 9, 30))
    monkeypatch.setattr(SystemClock, "now", lambda self: clock.now())
    return clock


def _case(office: Office, admin, **fields):
    values = dict(
        account="楼道灯不亮",
        kind="报修",
        room="3-2-501",
        customer_name="张伟",
        customer_phone="13812345678",
        category="设施设备维护",
    )
    values.update(fields)
    return office.cases.create(CaseInput(**values), admin)


def test_every_dashboard_field_has_a_section():
    """A field the dashboard gains is one entry in SECTIONS, or named in NOT_DUTIES with why."""
    names = {f.name for f in dataclasses.fields(DashboardData)}
    covered = {s.field for s in SECTIONS} | set(NOT_DUTIES)
    assert names - covered == set(), "add a Section to huiyin/duties_cli.py"
    assert {s.field for s in SECTIONS} <= names


def test_a_fresh_office_has_nothing_due(tmp_path, wall, capsys):
    data = tmp_path / "data"
    assert cli.init(data) == 0
    capsys.readouterr()
    assert cli.run(data, "duties") == 0
    out = capsys.readouterr().out
    assert "工作台待办 · 2026-09-28" in out
    assert "今天没有到期或逾期的事项。" in out
    assert "【" not in out
    path = tmp_path / "duties.json"
    assert cli.run(data, "duties", "--json", str(path)) == 0
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["today"] == "2026-09-28" and written["duties"] == []


def test_a_small_office_with_late_things(tmp_path, wall, capsys):
    data = tmp_path / "data"
    assert cli.init(data) == 0
    office = Office.login(data, "admin", "secret1", wall)
    try:
        admin = office.user
        # Mon 28 Sep 09:30: a repair due by the end of the day, handled without a first reply;
        # a major complaint (report due the same day); a complaint never answered.
        repair = _case(office, admin)
        major = _case(office, admin, kind="投诉", severity="重大", category="服务质量", room="1-1-101")
        silent = _case(office, admin, kind="投诉", category="服务态度", room="2-1-301")
        wall.at = dt.datetime(2026, 9, 29, 15, 0)
        office.cases.resolve(repair, "已更换灯管", admin)  # 办结 without a reply: not a first reply
    finally:
        office.close()
    capsys.readouterr()
    # Thu 1 Oct (国庆): the complaint is past its deadline, the replies late, the report overdue.
    wall.at = dt.datetime(2026, 10, 1, 10, 0)
    assert cli.run(data, "duties") == 0
    out = capsys.readouterr().out
    assert "工作台待办 · 2026-10-01" in out
    assert "【逾期案件】" in out and silent.number in out.split("【逾期案件】")[1].split("【")[0]
    assert "【重大投诉报告】" in out and f"{major.number} 的重大投诉报告已逾期" in out
    # The late replies are the month's (October's, as the statistics count them): none yet.
    assert "【首次回复超时、明确答复超时】" not in out
    # September's notice and summary were never printed: late since 09-28 / 09-30.
    monthly = out.split("【每月汇总与公告】")[1].split("【")[0]
    assert "2026年9月的投诉、建议处理结果汇总" in monthly and "已逾期,期限 2026-09-28" in monthly
    assert "2026年9月的客户意见处理情况公告" in monthly and "期限 2026-09-30" in monthly
    assert "今天没有到期或逾期的事项" not in out

    path = tmp_path / "duties.json"
    assert cli.run(data, "duties", "--json", str(path)) == 0
    assert "已写入" in capsys.readouterr().out
    written = json.loads(path.read_text(encoding="utf-8"))
    keys = [d["key"] for d in written["duties"]]
    assert "overdue_cases" in keys and "major_reports" in keys and "monthly_duties" in keys
    reports = next(d for d in written["duties"] if d["key"] == "major_reports")
    assert reports["data"][0]["case_number"] == major.number and reports["data"][0]["overdue"] is True
    assert reports["title"] == "重大投诉报告"


def test_late_first_replies_of_the_month_are_listed(tmp_path, wall, capsys):
    """The month's late first replies (办结 is not a first reply) and late 明确答复 by number."""
    data = tmp_path / "data"
    assert cli.init(data) == 0
    wall.at = dt.datetime(2026, 10, 12, 9, 0)  # Mon, after 国庆
    office = Office.login(data, "admin", "secret1", wall)
    try:
        admin = office.user
        repair = _case(office, admin)  # first reply due Tue 13 Oct 09:00 (1 working day)
        answered = _case(office, admin, room="1-1-102")
        major = _case(office, admin, kind="投诉", severity="重大", category="服务质量", room="1-1-101")
        wall.at = dt.datetime(2026, 10, 12, 11, 0)
        office.cases.add_note(answered, "已电话告知业主", admin, response=True)
        wall.at = dt.datetime(2026, 10, 13, 8, 0)
        office.cases.resolve(repair, "已更换灯管", admin)  # before the deadline, but no reply
    finally:
        office.close()
    capsys.readouterr()
    wall.at = dt.datetime(2026, 10, 20, 9, 0)
    assert cli.run(data, "duties") == 0
    out = capsys.readouterr().out
    late = out.split("【首次回复超时、明确答复超时】")[1].split("【")[0]
    assert f"本月首次回复超时 2 件:{repair.number}、{major.number}" in late
    assert answered.number not in late
    assert f"本月重大投诉明确答复超时 1 件:{major.number}" in late


def test_wrong_user_and_no_login_are_told_in_words(tmp_path, wall, capsys):
    data = tmp_path / "data"
    assert cli.init(data) == 0
    capsys.readouterr()
    assert cli.run(data, "duties", user="nobody") == 2
    assert "登录名或密码不对" in capsys.readouterr().err
    assert cli.run(data, "duties", password="wrong1") == 2
    assert "登录名或密码不对" in capsys.readouterr().err
    from huiyin.cli import main

    assert main(["--data-dir", str(data), "duties"]) == 2
    assert "请先登录" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "none"), "--user", "admin", "duties"]) == 2
    assert "还没有初始化" in capsys.readouterr().err
