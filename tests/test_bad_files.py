"""Bad files refused in words (issue 13, item 7).

1. Every cell the program writes to Excel from typed text is text, never a formula, and
   comes back exactly through the program's own import.
2. Imports refuse oversized cells and sheets, and zip bombs, before loading them.
3. Malformed files (not a zip, an .xls renamed, a password, an empty file, bad XML) are
   explained in Chinese, never a traceback.
4. A full disk, a read-only folder, a folder without permission: words with the right advice,
   and no half-written file (real filesystems: a full tmpfs, a read-only mount, a folder owned
   by `nobody` with mode 0o500 written by a process running as `nobody`).
5. An import of owners never erases a column the file does not have.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app import xlsx_check
from app.clock import FixedClock
from app.errors import UserError, describe_file_error, describe_storage_error, save_file, write_bytes
from app.ledger.case_import import import_ledger
from app.ledger.export import export_cases
from app.ledger.owner_import import import_owners, read_owner_sheet
from app.ledger.preview import preview_file
from app.ledger.row import Row
from app.ledger.writing import new_sheet, save_workbook, write_cell
from app.models import Case, Owner
from app.office import Office
from app.owner_files import OwnerFiles, OwnerInput, apply_imported_details
from app.periods import Period

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
NOW = dt.datetime(2026, 9, 28, 9, 30)

# Typed text that a spreadsheet would take for a formula (DDE, links, arithmetic).
FORMULA_TEXTS = [
    '=HYPERLINK("http://example.invalid/x","点此查看")',
    "=cmd|' /C calc'!A0",
    "+86 物业费多收了",
    "-2 楼漏水",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
]


# Reading what was written ---------------------------------------------------------------
def formula_parts(path: Path) -> list[str]:
    """The sheets of an .xlsx that hold a formula element (<f>) anywhere."""
    with zipfile.ZipFile(path) as zf:
        return [
            n
            for n in zf.namelist()
            if n.startswith("xl/worksheets/") and re.search(rb"<(\w+:)?f[ >]", zf.read(n))
        ]


def cells_holding(path: Path, texts: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """For each text, every cell that holds exactly it: (data type, quote prefix)."""
    wb = openpyxl.load_workbook(path)  # not read-only: styles are read too
    found: dict[str, list[tuple[str, bool]]] = {t: [] for t in texts}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in found:
                    found[cell.value].append((cell.data_type, bool(cell.quotePrefix)))
    return found


def assert_text_cells(path: Path, texts: list[str]) -> None:
    assert formula_parts(path) == []
    for text, cells in cells_holding(path, texts).items():
        assert cells, f"{text!r} was not written as it is"
        assert all(kind == "s" and quoted for kind, quoted in cells), (text, cells)


def new_office(folder: Path) -> Office:
    office = Office.open(folder, FixedClock(NOW))
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    return office


# 1. Text stays text ---------------------------------------------------------------------
def test_quarterly_xlsx_writes_owners_words_as_text(office, tmp_path):
    from app.stats_export import write_xlsx

    period = Period.quarter(2026, 3)
    office.save_measures(period, FORMULA_TEXTS[5])
    data = office.quarterly(period)
    unsatisfied = {"case": "TS-2026-00001", "room": "3-2-501", "satisfaction": "不满意",
                   "opinion": FORMULA_TEXTS[0], "visitor": FORMULA_TEXTS[4], "date": "2026-09-01", "attempt": 1}  # fmt: skip
    typical = {"case": "TS-2026-00002", "kind": "投诉", "category": "其他", "account": FORMULA_TEXTS[1],
               "result": FORMULA_TEXTS[2], "note": FORMULA_TEXTS[3]}  # fmt: skip
    current = dataclasses.replace(data.current, unsatisfied=[unsatisfied], typical_cases=[typical])
    path = tmp_path / "q3.xlsx"
    write_xlsx(dataclasses.replace(data, current=current), path)
    assert_text_cells(path, FORMULA_TEXTS)
    # Numbers stay numbers beside them.
    wb = openpyxl.load_workbook(path)
    assert isinstance(wb["满意度"]["B2"].value, int)


def test_case_export_writes_text_as_text_and_it_comes_back_exactly(tmp_path):
    texts = {"account": FORMULA_TEXTS[1], "request": FORMULA_TEXTS[2], "customer_name": "@管理处",
             "event_place": FORMULA_TEXTS[3]}  # fmt: skip
    source = new_office(tmp_path / "a")
    try:
        from app.cases import CaseInput

        admin = source.staff.authenticate("admin", "secret1")
        case = source.cases.create(
            CaseInput(
                kind="报修", room="3-2-501", customer_phone="13812345678", category="设施设备维护", **texts
            ),
            admin,
        )
        number = case.number
        path = tmp_path / "cases.xlsx"
        export_cases(source, path)
    finally:
        source.close()
    assert_text_cells(path, list(texts.values()))
    target = new_office(tmp_path / "b")
    try:
        admin = target.staff.authenticate("admin", "secret1")
        report = import_ledger(target, path, actor=admin)
        assert report.problems == []
        back = Case.get(Case.number == number)
        assert {k: getattr(back, k) for k in texts} == texts
    finally:
        target.close()


def test_owners_export_writes_text_as_text_and_it_comes_back_exactly(tmp_path):
    note = FORMULA_TEXTS[0]
    source = new_office(tmp_path / "a")
    try:
        admin = source.staff.authenticate("admin", "secret1")
        OwnerFiles().save_owner(
            OwnerInput(room="3-2-501", name="=张三", note=note, phone="13812345678"), admin
        )
        path = tmp_path / "owners.xlsx"
        OwnerFiles().export_owners(path, admin)
    finally:
        source.close()
    assert_text_cells(path, [note, "=张三"])
    target = new_office(tmp_path / "b")
    try:
        report = import_owners(target, path)
        assert report.problems == [] and report.imported == 1
        back = Owner.get()
        assert (back.name, back.note, back.phone) == ("=张三", note, "13812345678")
    finally:
        target.close()


def test_only_text_that_would_be_a_formula_carries_the_quote(tmp_path):
    wb, ws = new_sheet(["内容", "编号"])
    ws.append([write_cell(ws, "内容", "楼道灯不亮"), write_cell(ws, "编号", "0801")])
    ws.append([write_cell(ws, "内容", "\t=1+1"), write_cell(ws, "编号", "＝1+1")])
    save_workbook(wb, tmp_path / "w.xlsx")
    cells = cells_holding(tmp_path / "w.xlsx", ["楼道灯不亮", "0801", "\t=1+1", "＝1+1"])
    assert cells == {"楼道灯不亮": [("s", False)], "0801": [("s", False)], "\t=1+1": [("s", True)],
                     "＝1+1": [("s", True)]}  # fmt: skip


# Files made by hand, as another program (or an attacker) would write them -----------------
def handmade_xlsx(
    path: Path,
    rows: list[list[str]],
    sheet_xml: bytes | None = None,
    shared: bool = True,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A minimal workbook of one sheet 业主名册, texts as shared strings (as Excel writes them)
    or inline; `sheet_xml` replaces the sheet's XML, `extra` adds or replaces parts."""
    strings: list[str] = []
    cells = []
    for r, values in enumerate(rows, start=1):
        row = []
        for c, value in enumerate(values):
            ref = f"{openpyxl.utils.get_column_letter(c + 1)}{r}"
            text = value.replace("&", "&amp;").replace("<", "&lt;")
            if shared:
                strings.append(text)
                row.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                row.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
        cells.append(f'<row r="{r}">{"".join(row)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            b"</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="业主名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_xml
        or (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
        ).encode(),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(strings)}">'
            + "".join(f"<si><t>{s}</t></si>" for s in strings)
            + "</sst>"
        ).encode(),
    }
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


HEADER = ["楼栋", "单元", "房号", "姓名", "联系电话", "备注"]
GOOD_ROW = ["1", "1", "101", "张三", "13800138000", "老住户"]


def refused(path: Path, office: Office) -> list[str]:
    """The words every import path gives for `path`: all must refuse it with a UserError."""
    messages = []
    for read in (
        lambda: import_owners(office, path),
        lambda: import_ledger(office, path),
        lambda: preview_file(office, "owners", path),
    ):
        with pytest.raises(UserError) as caught:
            read()
        messages.append(str(caught.value))
    return messages


def assert_in_words(message: str, *phrases: str) -> None:
    for phrase in phrases:
        assert phrase in message, message
    assert "Traceback" not in message and "Error" not in message and "<" not in message, message


def test_a_handmade_workbook_is_read(office, tmp_path):
    """The two writers below are real workbooks: the same file, sound, imports."""
    for shared in (True, False):
        path = handmade_xlsx(tmp_path / f"ok{shared}.xlsx", [HEADER, GOOD_ROW], shared=shared)
        report = import_owners(office, path)
        assert report.problems == [] and report.imported == 1


# 2. Oversized cells and sheets, zip bombs -------------------------------------------------
@pytest.mark.parametrize("shared", [True, False], ids=["shared-string", "inline-string"])
def test_a_cell_of_a_million_and_a_half_characters_is_refused_in_words(office, tmp_path, shared):
    path = handmade_xlsx(tmp_path / "big.xlsx", [HEADER, [*GOOD_ROW[:5], "长" * 1_500_000]], shared=shared)
    for message in refused(path, office):
        assert_in_words(
            message, "第 1 张工作表“业主名册”的单元格 F2 有 150 万字", "超过上限 32767 字", "请检查文件"
        )
    assert Owner.select().count() == 0


def test_a_long_text_no_cell_uses_is_refused_too(office, tmp_path):
    path = handmade_xlsx(tmp_path / "big.xlsx", [HEADER, GOOD_ROW])
    with zipfile.ZipFile(path) as zf:
        strings = zf.read("xl/sharedStrings.xml").replace(
            b"</sst>", b"<si><t>" + "长".encode() * 40_000 + b"</t></si></sst>"
        )
    handmade_xlsx(path, [HEADER, GOOD_ROW], extra={"xl/sharedStrings.xml": strings})
    assert_in_words(refused(path, office)[0], "4 万字", "超过一个单元格的上限")


def test_zip_bomb_refused_by_the_sizes_in_the_zip_directory(office, tmp_path, monkeypatch):
    # A real bomb for a lowered limit: 40 MB of blanks inside the sheet, packed to ~40 KB.
    monkeypatch.setattr(xlsx_check, "MAX_TOTAL_BYTES", 32 * 2**20)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<worksheet xmlns="{main}"><sheetData>'.encode() + b" " * (40 * 2**20) + b"</sheetData></worksheet>"
    )
    path = handmade_xlsx(tmp_path / "bomb.xlsx", [HEADER], sheet_xml=sheet)
    assert path.stat().st_size < 200_000
    assert_in_words(refused(path, office)[0], "解压后有 40 MB", "超过上限 32 MB", "不要导入来历不明的表格")


def test_a_zip_directory_declaring_gigabytes_is_refused_without_unpacking(office, tmp_path):
    """The sizes come from the zip's directory: a part declaring 3 GB is refused before one
    byte of it is unpacked (the file itself is a few KB)."""
    path = handmade_xlsx(tmp_path / "bomb.xlsx", [HEADER, GOOD_ROW])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    # Patch the declared size of the sheet in the central directory (offset 24 of its entry).
    start, patched = 0, 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == info.filename.encode():
            data[start + 24 : start + 28] = (3 * 2**30).to_bytes(4, "little")
            patched += 1
        start += 4
    assert patched == 1
    path.write_bytes(bytes(data))
    assert_in_words(refused(path, office)[0], "解压后有 3.0 GB", "超过上限 1.0 GB")


def test_a_part_unpacking_to_more_than_it_declares_is_cut_there_and_refused(office, tmp_path):
    """A zip directory that understates a part's size: zipfile stops at the declared size
    and the part's checksum fails, said as a damaged file (no more is ever unpacked)."""
    path = handmade_xlsx(
        tmp_path / "liar.xlsx", [HEADER, GOOD_ROW, *[GOOD_ROW[:3] + [f"住户{i}"] for i in range(200)]]
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    name = info.filename.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(name)] == name:
                data[start + size_at : start + size_at + 4] = (info.file_size // 4).to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(data))
    assert_in_words(refused(path, office)[0], "liar.xlsx", "已损坏")


def test_too_many_rows_or_columns_refused_in_words(office, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_check, "MAX_ROWS", 50)
    rows = [HEADER] + [["1", "1", str(100 + i), f"住户{i}", "", ""] for i in range(60)]
    path = handmade_xlsx(tmp_path / "rows.xlsx", rows)
    assert_in_words(refused(path, office)[0], "第 1 张工作表“业主名册”超过 50 行", "分成几个文件")
    monkeypatch.setattr(xlsx_check, "MAX_ROWS", 500_000)
    monkeypatch.setattr(xlsx_check, "MAX_COLUMNS", 20)
    path = handmade_xlsx(tmp_path / "cols.xlsx", [HEADER, GOOD_ROW + ["多余"] * 21])
    assert_in_words(refused(path, office)[0], "单元格 U2 在第 21 列", "超过上限 20 列")


# 3. Malformed files ---------------------------------------------------------------------
def test_malformed_files_are_explained_in_chinese(office, tmp_path):
    cases: dict[str, tuple[bytes | Path, tuple[str, ...]]] = {
        "empty": (b"", ("空文件",)),
        "csv": ("楼栋,房号,姓名\n1,101,张三\n".encode(), ("不是有效的 Excel 文件", "文本文件", "另存为")),
        "html": (b"<html><table><tr><td>1</td></tr></table></html>", ("网页", "另存为")),
        "random": (bytes(range(256)) * 4, ("不是有效的 Excel 文件", "另存为")),
        "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", ("不是有效的 Excel 文件", "PDF 文件", "选对了文件")),
        "photo": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", ("图片(JPEG)",)),
        "xls": (DATA / "old_format.xls", ("旧的 .xls 格式", "另存为")),
        "password": (DATA / "password_protected.xlsx", ("设了打开密码", "清空密码")),
    }
    for name, (content, phrases) in cases.items():
        path = tmp_path / f"{name}.xlsx"
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_bytes(content)
        for message in refused(path, office):
            assert_in_words(message, path.name, *phrases)


def test_damaged_workbooks_are_explained_in_chinese(office, tmp_path):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    good = handmade_xlsx(tmp_path / "good.xlsx", [HEADER, GOOD_ROW])
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    bad_sheet = handmade_xlsx(
        tmp_path / "bad_sheet.xlsx",
        [HEADER],
        sheet_xml=f'<worksheet xmlns="{main}"><sheetData><row r="1">'.encode(),
    )
    bad_book = handmade_xlsx(
        tmp_path / "bad_book.xlsx", [HEADER, GOOD_ROW], extra={"xl/workbook.xml": b"<workbook"}
    )
    bad_styles = handmade_xlsx(
        tmp_path / "bad_styles.xlsx",
        [HEADER, GOOD_ROW],
        extra={"xl/styles.xml": b"<styleSheet><fonts></styleSheet>"},
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        + f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c>'.encode()
        + b"</row></sheetData></worksheet>"
    )
    entities = handmade_xlsx(tmp_path / "entities.xlsx", [HEADER], sheet_xml=laughs)
    # Well-formed XML that openpyxl cannot make sense of (a number cell holding words): it
    # fails only while the rows are read, and is said in words there too.
    nonsense = handmade_xlsx(
        tmp_path / "nonsense.xlsx",
        [HEADER],
        sheet_xml=f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="n"><v>楼栋</v></c></row></sheetData></worksheet>'.encode(),
    )
    not_excel = tmp_path / "document.xlsx"
    with zipfile.ZipFile(not_excel, "w") as zf:
        zf.writestr("word/document.xml", "<document/>")
    expected = {
        truncated: ("已损坏",),
        bad_sheet: ("已损坏", "第 1 张工作表“业主名册”不是完好的 XML", "另存为"),
        bad_book: ("已损坏", "workbook.xml", "不是完好的 XML"),
        bad_styles: ("已损坏", "xl/styles.xml", "不是完好的 XML"),
        entities: ("DTD", "不导入"),
        nonsense: ("已损坏", "另存为"),
        not_excel: ("不是有效的 Excel 文件",),
    }
    for path, phrases in expected.items():
        for message in refused(path, office):
            assert_in_words(message, path.name, *phrases)
    assert Owner.select().count() == 0


# 4. Full disks, read-only folders ---------------------------------------------------------
@contextlib.contextmanager
def mounted(folder: Path, options: str) -> Iterator[Path]:
    """A real tmpfs at `folder` (the tests run as root, as CI does)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def _exports(office: Office, admin: Any) -> dict[str, Any]:
    from app.stats_export import write_xlsx

    quarterly = office.quarterly(Period.quarter(2026, 3))
    return {
        "cases.xlsx": lambda p: export_cases(office, p),
        "owners.xlsx": lambda p: OwnerFiles().export_owners(p, admin),
        "quarterly.xlsx": lambda p: write_xlsx(quarterly, p),
        "report.pdf": lambda p: write_bytes(p, b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n"),
    }


def test_a_full_disk_is_said_in_words_and_leaves_no_half_file(office, admin, make_case, tmp_path):
    make_case()
    OwnerFiles().save_owner(OwnerInput(room="3-2-501", name="张三", note="长" * 1000), admin)
    with mounted(tmp_path / "usb", "size=64k") as usb:
        old = b"the export of last week"
        for name, export in _exports(office, admin).items():
            target = usb / name
            target.write_bytes(old)
            filler = usb / "filler"
            with contextlib.suppress(OSError), filler.open("wb") as f:
                f.write(b"\0" * 2**20)  # the stick is full, to its last block
            with pytest.raises(UserError) as caught:
                export(target)
            message = str(caught.value)
            assert_in_words(message, f"无法保存“{name}”", "磁盘已满", "清理磁盘空间")
            assert "备份" not in message
            assert target.read_bytes() == old  # the last good file is untouched
            assert sorted(p.name for p in usb.iterdir()) == sorted(["filler", name])  # no .partial
            filler.unlink()
            target.unlink()


def test_a_read_only_disk_is_said_in_words_never_restore_a_backup(office, admin, make_case, tmp_path):
    make_case()
    folder = tmp_path / "ro"
    with mounted(folder, "size=1m,ro"):
        for name, export in _exports(office, admin).items():
            with pytest.raises(UserError) as caught:
                export(folder / name)
            message = str(caught.value)
            assert_in_words(message, "只读", "换一个")
            assert "备份" not in message and "恢复" not in message
            assert list(folder.iterdir()) == []
        # A database on it (a data folder on a write-protected stick) gets the same advice.
        with pytest.raises(sqlite3.Error) as caught_db:
            sqlite3.connect(folder / "huiyin.sqlite3").execute("CREATE TABLE t (x)")
        words = describe_storage_error(caught_db.value)
        assert "只读" in words and "恢复" not in words and "备份" not in words, words


def test_rejected_rows_that_cannot_be_written_beside_the_list_import_nothing(office, tmp_path):
    """--skip-invalid writes the refused rows beside the list; on a write-protected stick that
    fails in words and the good rows are not imported either (nothing half done)."""
    with mounted(tmp_path / "stick", "size=1m") as stick:
        handmade_xlsx(stick / "名册.xlsx", [HEADER, GOOD_ROW, ["1", "1", "", "无房号", "", ""]])
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        with pytest.raises(UserError) as caught:
            import_owners(office, stick / "名册.xlsx", skip_invalid=True)
        assert_in_words(str(caught.value), "无法保存“名册.rejected.xlsx”", "只读", "换一个")
        assert Owner.select().count() == 0


WRITER = """
import io, os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from app.errors import UserError, write_bytes
from app.ledger.writing import new_sheet, save_workbook, write_cell
wb, ws = new_sheet(["内容"]); wb.save(io.BytesIO())  # openpyxl's writer loaded while Python's files are readable
os.setgid(65534); os.setuid(65534)  # then no longer root: modes apply
folder = Path(sys.argv[2])
for name in ("report.pdf", "cases.xlsx"):
    try:
        if name.endswith(".pdf"):
            write_bytes(folder / name, b"%PDF-1.4")
        else:
            wb, ws = new_sheet(["内容"]); ws.append([write_cell(ws, "内容", "x")]); save_workbook(wb, folder / name)
        print("written")
    except UserError as exc:
        print(exc)
"""


def test_a_folder_without_write_permission_is_said_in_words():
    """A folder its user may read but not write (0o500), written by a process that is not
    root (root ignores modes): the words say to choose another folder."""
    base = Path(tempfile.mkdtemp(prefix="huiyin-perm-"))  # pytest's own folders are root's only
    try:
        base.chmod(0o755)
        folder = base / "readonly"
        folder.mkdir()
        os.chown(folder, 65534, 65534)
        folder.chmod(0o500)
        out = subprocess.run(
            [sys.executable, "-c", WRITER, str(ROOT), str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        lines = out.stdout.strip().splitlines()
        assert len(lines) == 2, out.stdout
        for line, name in zip(lines, ("report.pdf", "cases.xlsx"), strict=True):
            assert_in_words(line, f"无法保存“{name}”", "只读的或没有写入权限", "换一个文件夹")
        assert list(folder.iterdir()) == []
    finally:
        shutil.rmtree(base)


def test_a_file_open_in_excel_on_windows_is_said_in_words(tmp_path):
    """Windows refuses to replace a file Excel holds open (PermissionError, winerror 32)."""
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")

    class SharingViolation(PermissionError):
        winerror = 32

    words = describe_file_error(SharingViolation(13, "The process cannot access the file"), target)
    assert_in_words(words, "无法保存“台账.xlsx”", "正在 Excel", "关闭")
    words = describe_file_error(PermissionError(13, "Permission denied"), target)
    assert_in_words(words, "Excel", "换一个文件夹")

    def write(partial: Path) -> None:
        partial.write_bytes(b"new")
        raise SharingViolation(13, "The process cannot access the file")

    with pytest.raises(UserError, match="正在 Excel"):
        save_file(target, write)
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


@pytest.mark.parametrize(
    ("error", "phrases"),
    [
        (OSError(28, "No space left on device"), ("磁盘已满", "清理磁盘空间")),
        (OSError(27, "File too large"), ("FAT32", "4 GB")),
        (OSError(30, "Read-only file system"), ("只读", "换一个")),
        (PermissionError(13, "Permission denied"), ("没有写入权限", "换一个")),
        (OSError(5, "Input/output error"), ("读写磁盘时出错", "U 盘")),
        (sqlite3.OperationalError("unable to open database file"), ("只读的或没有写入权限", "换一个")),
    ],
)
def test_storage_errors_say_what_to_do(error, phrases):
    words = describe_storage_error(error)
    assert_in_words(words, *phrases)
    assert "备份" not in words and "恢复" not in words


# 5. An owners list never erases what it does not mention -----------------------------------
def _owner_on_file(office: Office, admin: Any) -> Owner:
    return OwnerFiles().save_owner(
        OwnerInput(room="1-1-101", name="张三", occupant_type="租户", phone="13800138000",
                   id_number="11010519491231002X", move_in=dt.date(2019, 5, 1), note="轮椅出入"),
        admin,
    )  # fmt: skip


def _details(owner: Owner) -> tuple[Any, ...]:
    owner = Owner.get_by_id(owner.id)
    return owner.occupant_type, owner.phone, owner.id_number, owner.move_in, owner.note


def _rows(path: Path) -> list[Row]:
    sheet = read_owner_sheet(path)
    return [Row.of(sheet, n, v, f) for n, v, f in sheet.rows]


def _values(row: Row) -> dict[str, Any]:
    move_in = row.when("入住日期")
    return {"类型": row.choice("类型", ["业主", "租户", "商户"], "业主"), "联系电话": row.phone("联系电话"),
            "身份证号": row.id_number("身份证号"), "入住日期": move_in.date() if move_in else None,
            "备注": row.text("备注")}  # fmt: skip


def test_a_roster_without_columns_changes_only_what_it_has(office, admin, tmp_path):
    owner = _owner_on_file(office, admin)
    before = _details(owner)
    path = handmade_xlsx(
        tmp_path / "roster.xlsx", [["楼栋", "单元", "房号", "姓名"], ["1", "1", "101", "张三"]]
    )
    for row in _rows(path):
        assert apply_imported_details(owner, row, _values(row)) == []
        owner.save()
    assert _details(owner) == before
    # The phone column is there and filled: the phone changes, nothing else does.
    path = handmade_xlsx(
        tmp_path / "phones.xlsx",
        [["楼栋", "单元", "房号", "姓名", "手机"], ["1", "1", "101", "张三", "13900139000"]],
    )
    for row in _rows(path):
        assert apply_imported_details(owner, row, _values(row)) == []
        owner.save()
    assert _details(owner) == ("租户", "13900139000", *before[2:])


def test_a_blank_cell_keeps_the_value_on_file_and_says_so(office, admin, tmp_path):
    owner = _owner_on_file(office, admin)
    before = _details(owner)
    path = handmade_xlsx(
        tmp_path / "roster.xlsx",
        [["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"],
         ["1", "1", "101", "张三", "", "", "", "", ""]],
    )  # fmt: skip
    for row in _rows(path):
        kept = apply_imported_details(owner, row, _values(row))
        owner.save()
    assert _details(owner) == before
    assert len(kept) == 5 and all(k.startswith("第2行 列“") and "保留了原来的" in k for k in kept)
    assert not any("13800138000" in k or "002X" in k for k in kept)  # the words never show the values


def test_a_new_owner_takes_every_value(office, admin, tmp_path):
    path = handmade_xlsx(
        tmp_path / "roster.xlsx",
        [["楼栋", "单元", "房号", "姓名", "手机"], ["1", "1", "102", "李四", "13700137000"]],
    )
    (row,) = _rows(path)
    owner = Owner(name="李四")
    assert apply_imported_details(owner, row, _values(row)) == []
    assert (owner.phone, owner.occupant_type) == ("13700137000", "业主")


def test_import_owners_never_erases_a_column_the_file_does_not_have(office, admin, tmp_path):
    owner = _owner_on_file(office, admin)
    before = _details(owner)
    path = handmade_xlsx(
        tmp_path / "roster.xlsx", [["楼栋", "单元", "房号", "姓名"], ["1", "1", "101", "张三"]]
    )
    report = import_owners(office, path)
    assert report.problems == [] and report.updated == 1
    assert _details(owner) == before


# The command line says the same words (its login is the lead's: tests/helpers/cli.py) ------
def test_the_command_line_explains_bad_files_and_full_disks(tmp_path, capsys):
    from tests.helpers import cli

    data = tmp_path / "data"
    assert cli.init(data) == 0
    files = {
        "password.xlsx": DATA / "password_protected.xlsx",
        "old.xlsx": DATA / "old_format.xls",
        "big.xlsx": handmade_xlsx(tmp_path / "b.xlsx", [HEADER, [*GOOD_ROW[:5], "长" * 1_500_000]]),
        "bad.xlsx": handmade_xlsx(tmp_path / "x.xlsx", [HEADER], extra={"xl/workbook.xml": b"<workbook"}),
    }
    words = {"password.xlsx": "设了打开密码", "old.xlsx": "旧的 .xls 格式", "big.xlsx": "150 万字",
             "bad.xlsx": "已损坏"}  # fmt: skip
    for name, source in files.items():
        path = tmp_path / name
        shutil.copyfile(source, path)
        for command in ("import-owners", "import-ledger"):
            capsys.readouterr()
            assert cli.run(data, command, str(path)) != 0
            err = capsys.readouterr().err
            assert err.startswith("错误:") and words[name] in err and "Traceback" not in err, err
    with mounted(tmp_path / "usb", "size=16k") as usb:
        for command, name in (("export-cases", "cases.xlsx"), ("export-owners", "owners.xlsx")):
            filler = usb / "filler"
            with contextlib.suppress(OSError), filler.open("wb") as f:
                f.write(b"\0" * 2**20)
            capsys.readouterr()
            assert cli.run(data, command, str(usb / name)) != 0
            err = capsys.readouterr().err
            assert f"无法保存“{name}”" in err and "磁盘已满" in err and "Errno" not in err, err
            assert [p.name for p in usb.iterdir()] == ["filler"]
            filler.unlink()
