"""Issue 16 items 4 and 5 for files, storage and the command line: what app/ledger, the storage
errors, the backups and `python -m huiyin` say is in the chosen language, through the real paths
(an Excel file imported, a folder that cannot be written, the command line run in-process)."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import sys
from pathlib import Path

import openpyxl
import pytest

from app import i18n
from app.errors import UserError, describe_storage_error, save_file
from app.ledger.case_import import import_ledger
from app.ledger.owner_import import import_owners
from huiyin.cli import main
from tests.helpers import cli

HEADERS = ["受理时间", "渠道", "性质", "类别", "楼栋", "单元", "房号", "客户姓名", "联系电话", "内容"]


@pytest.fixture
def language():
    """Set the process's language for one test (the command line sets it too) and put the
    source language back after."""
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def ledger(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --help and its refusals
        code = int(exc.code or 0)
    finally:
        sys.stdin = saved
    out = capsys.readouterr()
    return code, out.out, out.err


# An import refused row by row: the row, the column and the reason in English --------------------
def test_a_refused_ledger_row_names_its_row_and_column_in_english(office, tmp_path, language):
    language("en")
    path = ledger(
        tmp_path / "台账.xlsx",
        [
            [
                "2026-09-01 09:15",
                "电话",
                "报修",
                "设施设备维护",
                "3",
                "2",
                "501",
                "张伟",
                "13812345678",
                "楼道灯不亮",
            ],
            ["昨天下午", "电话", "报修", "设施设备维护", "3", "2", "502", "李四", "13812345679", "水管漏水"],
            [
                "2026-09-02 10:00",
                "飞鸽传书",
                "报修",
                "设施设备维护",
                "3",
                "2",
                "503",
                "王五",
                "13812345670",
                "门坏了",
            ],
        ],
    )
    report = import_ledger(office, path)
    assert report.imported == 0
    assert any(
        p.startswith("Row 3, column “受理时间”: “昨天下午” is not a date and time") for p in report.problems
    ), report.problems
    # the choices are named as the file must write them, with their English beside
    assert any(
        p.startswith("Row 4, column “渠道”: “飞鸽传书” is not one of the choices:") and "电话" in p
        for p in report.problems
    ), report.problems
    assert report.summary().startswith("2 errors found; nothing was imported.")
    assert not any("第" in p or "行" in p for p in report.problems)


def test_an_office_header_is_named_as_the_file_has_it_with_the_field_in_english(office, tmp_path, language):
    language("en")
    path = ledger(
        tmp_path / "登记表.xlsx",
        [["2026.9.5", "3-2-501", "张伟", "138 1234 5678", "楼道灯不亮", "报修"]],
        ["日期", "房号", "投诉人", "联系方式", "投诉事由", "性质"],
    )
    path2 = ledger(
        tmp_path / "登记表2.xlsx",
        [["2026.9.5", "3-2-501", "张伟", "1381234", "楼道灯不亮", "报修"]],
        ["日期", "房号", "投诉人", "联系方式", "投诉事由", "性质"],
    )
    assert import_ledger(office, path).imported == 1
    report = import_ledger(office, path2)
    assert report.imported == 0 and len(report.problems) == 1
    assert report.problems[0].startswith(f"Row 2, column “联系方式” ({i18n.term('联系电话')}): "), (
        report.problems
    )


def test_an_owners_list_skipped_row_in_traditional_chinese(office, tmp_path, language):
    language("zh_TW")
    path = ledger(
        tmp_path / "花名册.xlsx",
        [["1", "1", "101", "张三", "业主"], ["1", "", "", "李四", "业主"]],
        ["楼栋", "单元", "房号", "姓名", "类型"],
    )
    report = import_owners(office, path, skip_invalid=True)
    assert report.imported == 1
    assert report.summary().startswith("匯入 1 人;跳過 1 行,已寫入"), report.summary()
    assert report.problems == ["第3行 列“房号”:填寫了樓棟,必須同時填寫房號"]


# Storage errors ----------------------------------------------------------------------------------
def test_storage_errors_in_english(language):
    language("en")
    assert describe_storage_error(sqlite3.OperationalError("database or disk is full")).startswith(
        "The disk is full"
    )
    words = describe_storage_error(sqlite3.OperationalError("something nobody foresaw"))
    assert "something nobody foresaw" not in words  # Python's text goes to the log
    assert words.startswith("The data could not be saved")


def test_a_file_that_cannot_be_written_is_refused_in_english(tmp_path, language):
    language("en")
    folder = tmp_path / "usb"
    with pytest.raises(UserError) as caught:
        save_file(folder / "台账.xlsx", lambda partial: partial.write_bytes(b"x"))
    assert str(caught.value).startswith("Cannot save “台账.xlsx”: the folder “")
    assert "does not exist (USB stick pulled out?)" in str(caught.value)


def test_the_backup_status_words_in_english(office, language):
    language("en")
    status = office.backups.status()
    assert "No successful backup yet" in status.warnings
    result = office.backups.backup_now(office.data_dir / "nowhere")
    assert not result.ok and result.message.startswith("The backup folder ")
    assert "does not exist: is the USB stick plugged in?" in result.message


# The command line --------------------------------------------------------------------------------
def test_the_command_line_with_lang_en_on_a_fresh_folder(tmp_path, capsys, language):
    data = tmp_path / "fresh"
    code, out, err = run_cli(["--data-dir", str(data), "--lang", "en", "--user", "admin", "--password-stdin", "check"],
                             capsys, "secret1\n")  # fmt: skip
    assert code == 2
    assert err.startswith(f"Error: The data folder {data} is not set up yet. Run first: python -m huiyin")
    assert "错误" not in err and "数据" not in err


def test_the_command_line_speaks_the_language_chosen_in_window_ini(tmp_path, capsys, language):
    data = tmp_path / "office"
    assert cli.init(data) == 0
    capsys.readouterr()
    (data / "window.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert cli.run(data, "export-cases", str(tmp_path / "cases.xlsx")) == 0
    assert capsys.readouterr().out.strip() == f"0 cases exported to {tmp_path / 'cases.xlsx'}"
    code = cli.run(data, "check", password="wrong!")
    assert code == 2
    assert (
        capsys.readouterr().err.strip()
        == "Error: Wrong login name or password (4 more wrong tries lock the account)"
    )


def test_the_command_line_in_traditional_chinese_and_its_refused_arguments(tmp_path, capsys, language):
    data = tmp_path / "office"
    assert cli.init(data) == 0
    capsys.readouterr()
    (data / "window.ini").write_text("[ui]\nlanguage=zh_TW\n", encoding="utf-8")
    assert cli.run(data, "report", "quarterly", "--year", "2026", "--quarter", "5") == 2
    assert capsys.readouterr().err.strip() == "錯誤:季度只能是 1 到 4,收到 5"
    code, _out, err = run_cli(
        ["--data-dir", str(data), "form", "ledger", "--pdf", "x.pdf", "--from", "昨天"], capsys
    )
    assert code == 2
    assert "錯誤:命令引數不對" in err and "日期“昨天”看不懂" in err


def test_the_help_of_the_command_line_in_english(tmp_path, capsys, language):
    code, out, _ = run_cli(["--data-dir", str(tmp_path), "--lang", "en", "--help"], capsys)
    assert code == 0
    assert "import an Excel case ledger" in out and "check the data: integrity" in out
    code, out, _ = run_cli(["--data-dir", str(tmp_path), "--lang", "en", "form", "destroy", "--help"], capsys)
    assert code == 0 and "record only these numbers (comma-separated" in out
    # argparse's own words too: Chinese when the language is (they are English at the source)
    code, out, _ = run_cli(["--data-dir", str(tmp_path), "--lang", "zh_CN", "form", "--help"], capsys)
    assert code == 0 and out.startswith("用法:python -m huiyin form") and "\n选项:\n" in out
    code, _out, err = run_cli(["--data-dir", str(tmp_path), "--lang", "zh_CN", "check", "--nonsense"], capsys)
    assert code == 2 and "错误:命令参数不对(不认识的参数:--nonsense)" in err


def test_an_os_error_in_the_command_line_is_said_in_words(tmp_path, capsys, language):
    data = tmp_path / "office"
    assert cli.init(data) == 0
    capsys.readouterr()
    target = tmp_path / "no such folder" / "cases.xlsx"
    code = cli.run(data, "--lang", "en", "export-cases", str(target))
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.startswith("Error: Cannot save “cases.xlsx”"), err
    assert "No such file" not in err and "Errno" not in err


def test_foreign_key_findings_are_told_apart_from_damage_in_any_language(language):
    """app/health.py tells a foreign-key finding from a damaged file by its first words."""
    from app.i18n import tr

    for lang in ("zh_CN", "zh_TW", "en"):
        language(lang)
        finding = tr(
            "外键不符:{table} 第 {rowid} 行指向不存在的 {parent}", table="visit", rowid=3, parent="case"
        )
        assert finding.startswith(tr("外键不符"))


def test_a_date_in_the_future_is_refused_in_english_with_its_row(office, tmp_path, language):
    language("en")
    path = ledger(
        tmp_path / "l.xlsx",
        [
            [
                dt.datetime(2099, 9, 1, 9, 15),
                "电话",
                "报修",
                "设施设备维护",
                "3",
                "2",
                "501",
                "张伟",
                "13812345678",
                "灯",
            ]
        ],
    )
    report = import_ledger(office, path)
    assert report.problems == [f"Row 2, column “受理时间”: {i18n.tr('不能晚于现在')}"]
    assert i18n.tr("不能晚于现在") != "不能晚于现在"


def test_the_quarterly_workbook_in_english(office, make_case, tmp_path, language):
    from openpyxl import load_workbook

    from app.periods import Period
    from app.stats_export import write_xlsx

    make_case()
    now = office.clock.now()
    language("en")
    path = tmp_path / "q.xlsx"
    write_xlsx(office.quarterly(Period.quarter(now.year, (now.month - 1) // 3 + 1)), path)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Visit statistics", "Previous visit statistics", "Satisfaction"]
    assert all(len(name) <= 31 for name in wb.sheetnames)  # Excel's limit on a sheet's name
    header = [c.value for c in wb["Visit statistics"][1]]
    assert header[:3] == ["Kind", "Handled", "Anonymous"] and header[-1] == "Cases due but not visited"
    kinds = [r[0] for r in wb["Visit statistics"].iter_rows(min_row=2, values_only=True)]
    assert "Complaint" in kinds and "Repair" in kinds


def test_a_case_edited_past_the_program_is_found_in_english(office, make_case, admin, language):
    """The audit trail's findings (health.check) in English: the record, the field and both
    values in words, the stored words (states) in English, what people typed as typed."""
    from app import health
    from app.db import connect_file
    from app.paths import DB_FILENAME

    case = make_case()
    office.cases.resolve(case, "已更换灯泡", admin)
    conn = connect_file(office.data_dir / DB_FILENAME)
    with conn:
        conn.execute("UPDATE \"case\" SET result = '业主自行修好', state = '已关闭' WHERE id = ?", (case.id,))
    conn.close()
    language("en")
    problems = health.check(office)
    assert (
        f"{i18n.term('状态')} of {i18n.term('案件')} {case.number} differs from the audit trail: "
        "the trail says “Resolved”, the data “Closed”"
    ) in problems, problems
    assert any("the trail says “已更换灯泡”, the data “业主自行修好”" in p for p in problems), problems
