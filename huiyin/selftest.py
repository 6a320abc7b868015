"""`huiyin --selftest`: prove an installed copy works, end to end, without touching real data.

Runs offscreen in a temporary data folder: takes in a complaint, handles it so its visit is
planned, records the visit with a drawn signature, prints the 回访记录表 and the quarterly
report as PDFs and reads them back with pdfium, opens the main window and draws it once,
and checks the data. Each step is reported in Chinese with its time; the exit status is 0
when every step passed, 1 otherwise (the failing step is named).

Like `huiyin.cli` starting the windows, this is part of the composition root: it puts `app`,
`reports` and `ui` together (the window step imports `ui` lazily, so a broken Qt install is
reported as that step failing), and `app` itself imports neither.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from app import APP_NAME, __version__

EXIT_OK = 0
EXIT_FAILED = 1
OFFICE_NAME = "自检物业服务中心"
ADMIN, ADMIN_PASSWORD = "selftest", "Selftest-2026"
STARTUP_LABEL = "启动到主窗口"  # the line the bundle test reads: "启动到主窗口:1234 ms"


class SelfTestFailure(Exception):
    """A check inside a step did not hold; the message says what, in Chinese."""


@dataclass
class StepResult:
    name: str
    seconds: float
    detail: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class SelfTest:
    """The steps in order; each one builds on what the previous ones left in `self`."""

    root: Path
    out: TextIO
    results: list[StepResult] = field(default_factory=list)
    office: Any = None
    admin: Any = None
    case: Any = None
    visit: Any = None
    window: Any = None
    form_pdf: bytes = b""
    previous_qt_handler: Any = None
    window_seconds: float | None = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("新建数据文件夹", self.make_data_folder),
            ("数据加密(SQLCipher)", self.check_encryption),
            ("电话与身份证号校验", self.check_numbers),
            ("节假日(暂定年份)", self.check_holidays),
            ("受理案件", self.take_in_case),
            ("办结并计划回访", self.resolve_and_plan),
            ("上门回访与客户签名", self.record_visit),
            ("回访记录表 PDF", self.visit_form_pdf),
            ("季度分析报告 PDF", self.quarterly_pdf),
            ("打开主窗口", self.main_window),
            ("打开各页面", self.every_page),
            ("预览回访记录表", self.preview_form),
            ("数据检查", self.health_check),
        ]

    def run(self) -> int:
        for number, (name, step) in enumerate(self.steps(), start=1):
            start = time.perf_counter()
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 - every failure is reported, with its step
                result = StepResult(name, time.perf_counter() - start, error=f"{type(exc).__name__}: {exc}")
                self.results.append(result)
                self.say(f"[失败] {number}. {name}({_ms(result.seconds)}):{result.error}")
                traceback.print_exc(file=sys.stderr)
                self.say(f"自检失败:第 {number} 步“{name}”。临时数据文件夹保留在 {self.root}")
                return EXIT_FAILED
            result = StepResult(name, time.perf_counter() - start, detail)
            self.results.append(result)
            self.say(f"[通过] {number}. {name}({_ms(result.seconds)}){':' + detail if detail else ''}")
        return EXIT_OK

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    # Steps: each returns a short detail for the report, or raises ----------------------
    def make_data_folder(self) -> str:
        from app.office import Office

        data_dir = self.root / "data"
        self.office = Office.open(data_dir)
        self.admin = self.office.initialise(OFFICE_NAME, ADMIN, ADMIN_PASSWORD, "自检管理员")
        if self.office.staff.authenticate(ADMIN, ADMIN_PASSWORD) is None:
            raise SelfTestFailure("新建的管理员无法登录")
        return str(data_dir)

    def check_encryption(self) -> str:
        """The data file is SQLCipher (its native module loads in the frozen build), holds
        nothing readable, and the administrator's password opens it again by the key file."""
        import datetime as dt

        from app import keyring
        from app.db import DB_ERRORS, connect_file, is_plain_sqlite
        from app.keyring import KeyRing
        from app.paths import DB_FILENAME

        path = self.root / "data" / DB_FILENAME
        if is_plain_sqlite(path):
            raise SelfTestFailure("数据文件没有加密")
        cipher = self.office.setting("office_name") and keyring.office_key()
        key = KeyRing.load(path.parent).unlock(ADMIN, ADMIN_PASSWORD, dt.datetime.now()).key
        if key != cipher:
            raise SelfTestFailure("管理员的密码打不开数据文件的密钥")
        try:
            connect_file(path, readonly=True, key=keyring.new_office_key()).close()
        except DB_ERRORS:
            pass
        else:
            raise SelfTestFailure("用错误的密钥也打开了数据文件")
        con = connect_file(path, readonly=True, key=key)
        try:
            version = con.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            con.close()
        return f"SQLCipher {version}"

    def check_numbers(self) -> str:
        """The phone metadata (phonenumbers) and the birth-place table (python-stdnum) load."""
        from app.validation import normalise_id_number, normalise_phone

        checks = {
            "13812345678": normalise_phone("138 1234 5678"),
            "010-62345678": normalise_phone("(010)62345678"),
            "11010519491231002X": normalise_id_number("11010519491231002x"),
        }
        for expected, got in checks.items():
            if got != expected:
                raise SelfTestFailure(f"号码校验结果不对:应为 {expected},得到 {got}")
        try:
            normalise_id_number("110105194912310021")
        except ValueError:
            pass
        else:
            raise SelfTestFailure("校验位错误的身份证号没有被拒绝")
        return "手机、固话、身份证号"

    def check_holidays(self) -> str:
        """The `holidays` package, which a year without the official table relies on, loads
        (in a frozen build too) and knows China's festivals by the lunar calendar."""
        import datetime as dt

        from app.workdays import statutory_days

        off, _worked = statutory_days(2027)
        for day, name in ((dt.date(2027, 1, 1), "元旦"), (dt.date(2027, 2, 6), "春节")):
            if name not in off.get(day, ""):
                raise SelfTestFailure(f"2027 年暂定节假日不对:{day} 应为{name},得到“{off.get(day, '')}”")
        return f"2027 年暂定放假 {len(off)} 天"

    def take_in_case(self) -> str:
        from app.cases import CaseInput

        self.case = self.office.cases.create(
            CaseInput(
                account="自检:楼道灯不亮,物业人员态度冷淡",
                kind="投诉",
                severity="轻微",
                category="服务态度",
                room="3-2-501",
                customer_name="张伟",
                customer_phone="13812345678",
            ),
            self.admin,
        )
        return f"案件编号 {self.case.number}"

    def resolve_and_plan(self) -> str:
        from app.models import Visit

        self.office.cases.resolve(self.case, "已更换灯具,当面致歉", self.admin)
        self.visit = Visit.get_or_none(Visit.case == self.case)
        if self.visit is None:
            raise SelfTestFailure("投诉办结后没有计划回访")
        return f"回访计划于 {self.visit.due} 前,{self.visit.reason}"

    def record_visit(self) -> str:
        from app.signatures import SignatureCapture, demo_strokes
        from app.visits import VisitResult

        strokes = demo_strokes(seed=7)
        signature = SignatureCapture(strokes, 600, 200, signer_name="张伟", relation="业主本人")
        result = VisitResult(
            method="上门",
            satisfaction="满意",
            met_person="张伟",
            findings="灯已修好,业主认可处理结果",
            customer_signature=signature,
        )
        self.office.visits.complete(self.visit, result, self.admin)
        signatures = self.office.visits.signatures_of(self.visit)
        stored = signatures.get("customer")
        if stored is None:
            raise SelfTestFailure("客户签名没有保存")
        if not self.office.visits.verify_signature(stored):
            raise SelfTestFailure("客户签名与回访记录不符")
        if not bytes(stored.png).startswith(b"\x89PNG"):
            raise SelfTestFailure("签名图片不是 PNG")
        return f"签名 {len(strokes)} 笔,{sum(len(s) for s in strokes)} 个点,校验相符"

    def visit_form_pdf(self) -> str:
        from reports.printing import Printouts

        pdf = Printouts(self.office, self.admin).visit_form(self.visit)
        form = self.office.forms.live_form(self.visit)
        if form is None:
            raise SelfTestFailure("回访记录表没有在表单台账中登记")
        pages, text = read_pdf(pdf)
        if form.number not in text.replace(" ", ""):
            raise SelfTestFailure(f"回访记录表中找不到表单编号 {form.number}")
        (self.root / "回访记录表.pdf").write_bytes(pdf)
        self.form_pdf = pdf
        return f"表单编号 {form.number},{pages} 页,{len(pdf) // 1024} KB"

    def quarterly_pdf(self) -> str:
        from app.periods import Period
        from reports.quarterly import QuarterlyReport

        today = self.office.clock.now().date()
        period = Period.quarter(today.year, (today.month - 1) // 3 + 1)
        pdf = QuarterlyReport(self.office.name, self.office.quarterly(period)).generate()
        pages, text = read_pdf(pdf)
        if OFFICE_NAME not in text.replace(" ", ""):
            raise SelfTestFailure(f"季度报告中找不到服务中心名称 {OFFICE_NAME}")
        (self.root / "季度分析报告.pdf").write_bytes(pdf)
        return f"{period.label},{pages} 页,{len(pdf) // 1024} KB"

    def main_window(self) -> str:
        """From nothing to the drawn main window: Qt, the font, the icon, the first page."""
        start = time.perf_counter()
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtGui import QImageReader
        from PySide6.QtWidgets import QApplication

        from ui.app import make_application
        from ui.main_window import MainWindow

        app = make_application([sys.argv[0] if sys.argv else APP_NAME])
        self.previous_qt_handler = qInstallMessageHandler(_drop_offscreen_notice)
        self.window = window = MainWindow(self.office, self.admin)
        window.show()
        QApplication.processEvents()
        pixmap = window.grab()
        self.window_seconds = time.perf_counter() - start
        if pixmap.isNull() or pixmap.width() < 100:
            raise SelfTestFailure("主窗口没有画出来")
        if __version__ not in window.windowTitle():
            raise SelfTestFailure(f"窗口标题“{window.windowTitle()}”中没有版本号 {__version__}")
        if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
            raise SelfTestFailure("缺少 SVG 图片插件,图标无法显示")
        if app.windowIcon().isNull():
            raise SelfTestFailure("程序图标没有载入")
        family = app.font().family()
        if "WenQuanYi" not in family and "文泉驿" not in family:
            raise SelfTestFailure(f"内置中文字体没有载入(当前字体 {family})")
        pixmap.save(str(self.root / "主窗口.png"))
        return f"“{window.windowTitle()}”,{pixmap.width()}×{pixmap.height()},字体 {family}"

    def every_page(self) -> str:
        """Each page of the navigation opened as a click would, and drawn."""
        from PySide6.QtWidgets import QApplication

        window = self.window
        for row, key in enumerate(window.nav_keys):
            window.nav.setCurrentRow(row)
            QApplication.processEvents()
            if window.pages.currentWidget() is not window.page_widgets.get(key):
                raise SelfTestFailure(f"页面 {key} 没有打开")
            if window.grab().isNull():
                raise SelfTestFailure(f"页面 {key} 没有画出来")
        return f"{len(window.nav_keys)} 页"

    def preview_form(self) -> str:
        """The printed form drawn the way the preview window draws it (pdfium into a QImage)."""
        import pypdfium2 as pdfium

        from ui.pdf_preview import render_page

        document = pdfium.PdfDocument(self.form_pdf)
        try:
            image = render_page(document, 0, 1.0)
        finally:
            document.close()
        if image.isNull() or image.width() < 100:
            raise SelfTestFailure("回访记录表预览没有画出来")
        return f"{image.width()}×{image.height()}"

    def health_check(self) -> str:
        from app.health import check

        findings = check(self.office)
        if findings:
            raise SelfTestFailure(";".join(findings))
        return "完整性、外键、审计链、签名均正常"

    def close(self) -> None:
        if self.window is not None:
            from PySide6.QtCore import qInstallMessageHandler
            from PySide6.QtWidgets import QApplication

            self.window.close()
            self.window.deleteLater()
            QApplication.processEvents()
            qInstallMessageHandler(self.previous_qt_handler)
            self.window = None
        if self.office is not None:
            self.office.close()
            self.office = None


def _drop_offscreen_notice(mode: Any, context: Any, message: str) -> None:
    """The offscreen platform's one harmless notice is dropped; other Qt messages go to stderr."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def read_pdf(data: bytes) -> tuple[int, str]:
    """Open a PDF with pdfium (the same binary the preview uses): its page count and text.

    Also draws the first page, so a blank or unreadable file fails here."""
    import pypdfium2 as pdfium

    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestFailure("不是完整的 PDF 文件")
    pdf = pdfium.PdfDocument(data)
    try:
        pages = len(pdf)
        if pages < 1:
            raise SelfTestFailure("PDF 没有页面")
        texts = []
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            if index == 0:
                bitmap = page.render(scale=0.25)
                inked = min(bytes(bitmap.buffer)) < 128
                bitmap.close()
                if not inked:
                    raise SelfTestFailure("PDF 第一页是空白的")
            page.close()
    finally:
        pdf.close()
    return pages, "\n".join(texts)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def seconds_since_process_start() -> float | None:
    """How long ago this process started (Linux only; None elsewhere)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _console_out() -> TextIO:
    """Where the report goes: standard output (huiyin/__main__.py finds the console on Windows)."""
    if sys.stdout is None:
        return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    try:
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass
    return sys.stdout


def run(argv: list[str] | None = None) -> int:
    """The self-test; `--keep` keeps the temporary data folder (with the PDFs) afterwards."""
    since_start = seconds_since_process_start()
    started = time.perf_counter()
    keep = "--keep" in (argv or [])
    # Before anything loads Qt: no display is needed, and none is touched.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out = _console_out()
    frozen = "(安装版)" if getattr(sys, "frozen", False) else "(源代码)"
    print(
        f"{APP_NAME} {__version__} 自检{frozen},{dt.datetime.now():%Y-%m-%d %H:%M:%S}", file=out, flush=True
    )
    root = Path(tempfile.mkdtemp(prefix="huiyin-selftest-"))
    test = SelfTest(root, out)
    try:
        code = test.run()
    finally:
        test.close()
    total = time.perf_counter() - started
    if code != EXIT_OK:
        return code
    if test.window_seconds is not None:
        startup = test.window_seconds + (since_start or 0.0)
        how = (
            f"进程启动 {_ms(since_start)} + 主窗口 {_ms(test.window_seconds)}"
            if since_start is not None
            else "主窗口步骤"
        )
        print(f"{STARTUP_LABEL}:{startup * 1000:.0f} ms({how})", file=out)
    if keep:
        print(f"临时数据文件夹保留在 {root}", file=out)
    else:
        shutil.rmtree(root, ignore_errors=True)
    print(f"自检通过:{len(test.results)} 步,共 {_ms(total)}。", file=out, flush=True)
    return EXIT_OK
