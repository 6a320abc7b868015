"""Print jobs (打印任务): a PDF sent to a printer, and what became of it.

On Linux the PDF itself goes to CUPS (`lp`), so the printer gets vector pages, and the job is
followed over IPP until the printer has printed it, failed or been cancelled. Nothing here
touches the database or Qt: the window runs `CupsJob.run` in a worker thread, the command
line runs it directly; both hold the numbered forms' reservation (`Reservation`) and confirm
or void it from their own thread when the job ends.

Every failure is a `PrintFailed` with a Chinese sentence for the person (what is wrong and
what to do) and a short reason for the form ledger (打印失败:<reason>).
"""

from __future__ import annotations

import http.client
import logging
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.errors import UserError, ValidationError
from app.i18n import N_, tr

if TYPE_CHECKING:
    from app.forms import FormLedger
    from app.models import FormSheet

log = logging.getLogger(__name__)

CUPS_SOCKET = "/run/cups/cups.sock"
POLL_SECONDS = 0.25
SUBMIT_TIMEOUT = 60.0  # seconds `lp` may take to hand the file to the print server


class PrintFailed(UserError):
    """The job did not reach the paper; `reason` is the short form kept in the ledger."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class PrintCancelled(Exception):
    """The person pressed 取消 before the printer had the whole job."""


@dataclass(frozen=True)
class PrintOptions:
    """What the print dialog (or the command line) chose."""

    printer: str
    copies: int = 1
    page_ranges: tuple[tuple[int, int], ...] = ()  # 1-based, inclusive; empty: every page
    title: str = "回音"
    sides: str = ""  # one-sided / two-sided-long-edge / two-sided-short-edge; empty: the printer's
    collate: bool = True

    def lp_options(self) -> list[str]:
        args = ["-n", str(max(1, self.copies)), "-t", self.title or "回音"]
        if self.page_ranges:
            ranges = ",".join(f"{a}-{b}" if a != b else str(a) for a, b in self.page_ranges)
            args += ["-o", f"page-ranges={ranges}"]
        if self.sides:
            args += ["-o", f"sides={self.sides}"]
        if self.copies > 1:
            args += ["-o", "collate=true" if self.collate else "collate=false"]
        return args


@dataclass
class FormReservation:
    """The numbers one print job reserved (打印中); a copy of a live form reserves none."""

    ledger: FormLedger
    forms: list[FormSheet]
    numbers: list[str] = field(default_factory=list)

    def confirm(self, printer: str) -> None:
        self.ledger.confirm_printed(self.forms, printer)

    def void(self, reason: str) -> None:
        self.ledger.void_unprinted(self.forms, reason)

    def keep_alive(self) -> None:
        self.ledger.keep_reserved(self.forms)


@dataclass
class PrintDocument:
    """A document ready for a print job.

    `render` draws the PDF and may run off the window's thread (it only reads the database,
    on that thread's own connection);
    `reservation` holds the numbered forms the job must confirm or void (None: unnumbered)."""

    render: Callable[[], bytes]
    title: str
    reservation: FormReservation | None = None

    @classmethod
    def of(cls, pdf: bytes, title: str) -> PrintDocument:
        return cls(lambda: pdf, title)


# IPP, just enough to ask CUPS about a printer and a job (RFC 8010) ------------------------
_TAG_OPERATION, _TAG_JOB, _TAG_END, _TAG_PRINTER = 0x01, 0x02, 0x03, 0x04
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_URI, _CHARSET, _LANGUAGE, _NAME, _KEYWORD = 0x45, 0x47, 0x48, 0x42, 0x44
GET_PRINTER_ATTRIBUTES, GET_JOB_ATTRIBUTES = 0x000B, 0x0009
IPP_NOT_FOUND = 0x0406

PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5
JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED = 3, 4, 5, 6
JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = 7, 8, 9


class IppError(Exception):
    def __init__(self, status: int, message: str = "") -> None:
        super().__init__(f"IPP status 0x{status:04x} {message}")
        self.status = status


def _attr(tag: int, name: str, value: bytes | str | int) -> bytes:
    if isinstance(value, int):
        raw = struct.pack(">i", value)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
    else:
        raw = value
    key = name.encode("ascii")
    return struct.pack(">bh", tag, len(key)) + key + struct.pack(">h", len(raw)) + raw


def _decode(tag: int, raw: bytes) -> object:
    if tag in (_INTEGER, _ENUM) and len(raw) == 4:
        return struct.unpack(">i", raw)[0]
    if tag == _BOOLEAN and len(raw) == 1:
        return raw != b"\x00"
    if 0x40 <= tag <= 0x4F:
        return raw.decode("utf-8", "replace")
    return raw


def parse_ipp(body: bytes) -> tuple[int, dict[str, list[object]]]:
    """The status code and the attributes (every group, by name) of an IPP response."""
    if len(body) < 8:
        raise IppError(0xFFFF, "short response")
    status = struct.unpack(">h", body[2:4])[0]
    attrs: dict[str, list[object]] = {}
    pos, last = 8, ""
    while pos < len(body):
        tag = body[pos]
        pos += 1
        if tag == _TAG_END:
            break
        if tag < 0x10:  # a new attribute group
            continue
        (name_len,) = struct.unpack(">h", body[pos : pos + 2])
        name = body[pos + 2 : pos + 2 + name_len].decode("ascii", "replace")
        pos += 2 + name_len
        (value_len,) = struct.unpack(">h", body[pos : pos + 2])
        raw = body[pos + 2 : pos + 2 + value_len]
        pos += 2 + value_len
        if name:
            last = name
        attrs.setdefault(last, []).append(_decode(tag, raw))
    return status, attrs


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.unix_path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self.unix_path)
        except OSError:
            sock.close()  # CUPS not listening: no socket left open behind the refusal
            raise
        self.sock = sock


def _server() -> tuple[str, int]:
    """Where CUPS listens: $CUPS_SERVER, else the local socket, else localhost:631."""
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):
        return server, 0
    if server:
        host, _, port = server.partition(":")
        return host, int(port or 631)
    if os.path.exists(CUPS_SOCKET):
        return CUPS_SOCKET, 0
    return "localhost", 631


def ipp_request(
    operation: int, resource: str, attributes: Iterable[bytes], timeout: float = 5.0
) -> dict[str, list[object]]:
    """One IPP request to CUPS; raises OSError when it does not answer, IppError on refusal."""
    body = struct.pack(">bbhi", 2, 0, operation, 1)
    body += bytes([_TAG_OPERATION])
    body += _attr(_CHARSET, "attributes-charset", "utf-8")
    body += _attr(_LANGUAGE, "attributes-natural-language", "en")
    body += b"".join(attributes) + bytes([_TAG_END])
    host, port = _server()
    conn: http.client.HTTPConnection = (
        _UnixConnection(host, timeout)
        if port == 0
        else http.client.HTTPConnection(host, port, timeout=timeout)
    )
    try:
        conn.request("POST", resource, body, {"Content-Type": "application/ipp"})
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    if response.status != 200:
        raise IppError(0xFFFF, f"HTTP {response.status}")
    status, attrs = parse_ipp(data)
    if status >= 0x0400:
        raise IppError(status, str(attrs.get("status-message", [""])[0]))
    return attrs


def _printer_uri(name: str) -> str:
    return f"ipp://localhost/printers/{quote(name, safe='')}"


# Printer states in words ----------------------------------------------------------------
_REASON_WORDS = [
    ("media-empty", N_("缺纸"), N_("打印机“{0}”缺纸,请加纸后再打印。")),
    ("media-needed", N_("缺纸"), N_("打印机“{0}”缺纸,请加纸后再打印。")),
    ("media-jam", N_("卡纸"), N_("打印机“{0}”卡纸,请清除卡纸后再打印。")),
    ("offline", N_("打印机离线"), N_("打印机“{0}”离线,请检查打印机电源和连接线后再打印。")),
    ("door-open", N_("打印机盖未关"), N_("打印机“{0}”的盖子没有关好,请关好后再打印。")),
    ("toner-empty", N_("墨粉用完"), N_("打印机“{0}”墨粉(墨水)用完,请更换后再打印。")),
    ("marker-supply-empty", N_("墨粉用完"), N_("打印机“{0}”墨粉(墨水)用完,请更换后再打印。")),
]


@dataclass
class PrinterStatus:
    name: str
    state: int
    accepting: bool
    reasons: list[str] = field(default_factory=list)
    message: str = ""

    def problem(self) -> PrintFailed | None:
        """Why a job sent now would not print, or None when the printer can take it."""
        for key, short, sentence in _REASON_WORDS:
            if any(
                r in (key, f"{key}-error", f"{key}-report" if key == "offline" else key) for r in self.reasons
            ):
                return PrintFailed(tr(sentence, self.name), short)
        if self.state == PRINTER_STOPPED or "paused" in self.reasons:
            why = tr("({message})", message=self.message) if self.message else ""
            return PrintFailed(
                tr(
                    "打印机“{name}”已停用{why}。请检查打印机,在系统的打印机设置中恢复(启用)后再打印。",
                    name=self.name,
                    why=why,
                ),
                N_("打印机已停用"),
            )
        if not self.accepting:
            why = tr("({message})", message=self.message) if self.message else ""
            return PrintFailed(
                tr(
                    "打印机“{name}”暂停接收打印任务{why}。请在系统的打印机设置中恢复后再打印。",
                    name=self.name,
                    why=why,
                ),
                N_("打印机不接收任务"),
            )
        errors = [r for r in self.reasons if r.endswith("-error")]
        if errors:
            return PrintFailed(
                tr(
                    "打印机“{name}”报告故障({errors})。请检查打印机后再打印。",
                    name=self.name,
                    errors=", ".join(errors),
                ),
                N_("打印机故障"),
            )
        return None


@dataclass
class JobStatus:
    job_id: int
    state: int
    reasons: list[str] = field(default_factory=list)
    pages_done: int = 0

    @property
    def finished(self) -> bool:
        return self.state >= JOB_CANCELED

    def words(self) -> str:
        return {
            JOB_PENDING: tr("排队等待打印机"),
            JOB_HELD: tr("任务被挂起"),
            JOB_PROCESSING: tr("打印机正在打印"),
            JOB_STOPPED: tr("打印机已停止"),
            JOB_CANCELED: tr("已取消"),
            JOB_ABORTED: tr("打印中止"),
            JOB_COMPLETED: tr("打印完成"),
        }.get(self.state, "")


def cups_unavailable() -> PrintFailed:
    return PrintFailed(
        tr("打印服务(CUPS)没有运行,无法打印。请启动系统的打印服务,或请管理员检查打印机设置。"),
        N_("打印服务未运行"),
    )


def printer_not_found(name: str) -> PrintFailed:
    return PrintFailed(
        tr("找不到打印机“{name}”。请选择一台已安装的打印机(可用 lpstat -p 查看打印机名称)。", name=name),
        N_("找不到打印机"),
    )


class Cups:
    """The local CUPS print server, through `lp`/`cancel` and IPP."""

    @staticmethod
    def installed() -> bool:
        return shutil.which("lp") is not None

    def printer(self, name: str) -> PrinterStatus:
        """The printer's state; PrintFailed when CUPS is down or has no such printer."""
        wanted = [
            "printer-state",
            "printer-state-reasons",
            "printer-is-accepting-jobs",
            "printer-state-message",
        ]
        try:
            attrs = ipp_request(
                GET_PRINTER_ATTRIBUTES,
                f"/printers/{quote(name, safe='')}",
                [_attr(_URI, "printer-uri", _printer_uri(name))]
                + [
                    _attr(_KEYWORD, "requested-attributes" if i == 0 else "", w) for i, w in enumerate(wanted)
                ],
            )
        except IppError as exc:
            if exc.status == IPP_NOT_FOUND:
                raise printer_not_found(name) from exc
            log.warning("CUPS refused Get-Printer-Attributes for %s: %s", name, exc)
            raise PrintFailed(
                tr("打印服务拒绝查询打印机“{name}”。请检查打印机设置。", name=name), N_("打印服务出错")
            ) from exc
        except OSError as exc:
            log.warning("CUPS does not answer: %s", exc)
            raise cups_unavailable() from exc
        return PrinterStatus(
            name=name,
            state=int(attrs.get("printer-state", [0])[0]),  # type: ignore[call-overload]
            accepting=bool(attrs.get("printer-is-accepting-jobs", [True])[0]),
            reasons=[str(r) for r in attrs.get("printer-state-reasons", []) if str(r) != "none"],
            message=str(attrs.get("printer-state-message", [""])[0]),
        )

    def check(self, name: str) -> None:
        problem = self.printer(name).problem()
        if problem is not None:
            raise problem

    def submit(self, path: Path, options: PrintOptions) -> int:
        """Hand the PDF to CUPS with `lp`; returns the job's number."""
        if not self.installed():
            raise cups_unavailable()
        command = ["lp", "-d", options.printer, *options.lp_options(), "--", str(path)]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=SUBMIT_TIMEOUT, env=env)
        except subprocess.TimeoutExpired as exc:
            raise PrintFailed(
                tr("打印服务长时间没有响应,任务没有送出。请检查打印服务后再打印。"), N_("打印服务无响应")
            ) from exc
        except OSError as exc:
            raise cups_unavailable() from exc
        out = (done.stdout or "") + (done.stderr or "")
        if done.returncode != 0:
            log.warning("lp failed (%s): %s", done.returncode, out.strip())
            lowered = out.lower()
            if "does not exist" in lowered or "unknown destination" in lowered:
                raise printer_not_found(options.printer)
            if "not accepting" in lowered:
                raise PrintFailed(
                    tr(
                        "打印机“{printer}”暂停接收打印任务。请在系统的打印机设置中恢复后再打印。",
                        printer=options.printer,
                    ),
                    N_("打印机不接收任务"),
                )
            if "scheduler" in lowered or "connect" in lowered:
                raise cups_unavailable()
            raise PrintFailed(
                tr("打印服务没有接受这份任务({said})。请检查打印机后再打印。", said=out.strip()[:120]),
                N_("打印服务拒绝"),
            )
        # "request id is HuiyinPDF-12 (1 file(s))"
        for word in out.split():
            if word.startswith(f"{options.printer}-") and word[len(options.printer) + 1 :].isdigit():
                return int(word[len(options.printer) + 1 :])
        raise PrintFailed(
            tr("打印服务没有给出任务编号({said})。请检查打印机。", said=out.strip()[:120]), N_("打印服务出错")
        )

    def job(self, printer: str, job_id: int) -> JobStatus:
        try:
            attrs = ipp_request(
                GET_JOB_ATTRIBUTES,
                "/jobs/",
                [
                    _attr(_URI, "printer-uri", _printer_uri(printer)),
                    _attr(_INTEGER, "job-id", job_id),
                    _attr(_KEYWORD, "requested-attributes", "job-state"),
                    _attr(_KEYWORD, "", "job-state-reasons"),
                    _attr(_KEYWORD, "", "job-impressions-completed"),
                ],
            )
        except IppError as exc:
            raise PrintFailed(
                tr("打印服务找不到刚送出的任务。请到打印机旁查看是否已打印。"), N_("任务丢失")
            ) from exc
        except OSError as exc:
            raise cups_unavailable() from exc
        return JobStatus(
            job_id=job_id,
            state=int(attrs.get("job-state", [0])[0]),  # type: ignore[call-overload]
            reasons=[str(r) for r in attrs.get("job-state-reasons", [])],
            pages_done=int(attrs.get("job-impressions-completed", [0])[0] or 0),  # type: ignore[call-overload]
        )

    def cancel(self, printer: str, job_id: int) -> None:
        try:
            subprocess.run(
                ["cancel", f"{printer}-{job_id}"],
                capture_output=True,
                timeout=SUBMIT_TIMEOUT,
                env=dict(os.environ, LC_ALL="C"),
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("cancel %s-%s: %s", printer, job_id, exc)


@dataclass
class JobResult:
    printer: str
    job_id: int
    pages: int  # impressions the printer reported (copies included); 0 when it does not say


class CupsJob:
    """One PDF to one CUPS printer, followed to the end. Safe in a worker thread."""

    def __init__(self, cups: Cups, pdf: bytes | Path, options: PrintOptions) -> None:
        self.cups = cups
        self.pdf = pdf
        self.options = options
        self.job_id: int | None = None
        self.sent_at: float | None = None  # time.perf_counter() when the print server had it all

    def run(
        self,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[str], None] = lambda _text: None,
        poll: float = POLL_SECONDS,
    ) -> JobResult:
        """Check the printer, send, wait until printed. PrintFailed / PrintCancelled otherwise;
        a job cancelled or failed after sending is removed from the printer's queue."""
        name = self.options.printer
        progress(tr("正在检查打印机…"))
        self.cups.check(name)
        if cancelled():
            raise PrintCancelled
        progress(tr("正在送往打印机…"))
        if isinstance(self.pdf, Path):
            self.job_id = self.cups.submit(self.pdf, self.options)
        else:
            with tempfile.TemporaryDirectory(prefix="huiyin-print-") as folder:
                path = Path(folder) / "job.pdf"
                path.write_bytes(self.pdf)
                self.job_id = self.cups.submit(path, self.options)
        self.sent_at = time.perf_counter()
        log.info("print job %s-%s sent (%s)", name, self.job_id, self.options.title)
        try:
            while True:
                if cancelled():
                    raise PrintCancelled
                status = self.cups.job(name, self.job_id)
                if status.state == JOB_COMPLETED:
                    return JobResult(name, self.job_id, status.pages_done)
                if status.state == JOB_CANCELED:
                    raise PrintFailed(
                        tr("打印任务在打印机“{name}”上被取消,没有打印完。", name=name),
                        N_("任务在打印机上被取消"),
                    )
                if status.state == JOB_STOPPED:  # a filter or the backend failed on it
                    said = self.cups.printer(name).message
                    raise PrintFailed(
                        tr(
                            "打印机“{name}”处理这份任务时出错({reason})。请检查打印机后再打印。",
                            name=name,
                            reason=said or ", ".join(status.reasons),
                        ),
                        N_("打印机处理任务出错"),
                    )
                if status.state == JOB_ABORTED:
                    raise PrintFailed(
                        tr(
                            "打印机“{name}”未能完成这份任务({reasons})。请检查打印机后再打印。",
                            name=name,
                            reasons=", ".join(status.reasons),
                        ),
                        N_("打印中止"),
                    )
                printer = self.cups.printer(name)
                problem = printer.problem()
                if problem is not None:  # stopped, out of paper, offline while our job waits
                    raise problem
                text = status.words()
                if status.pages_done:
                    text = tr("{state},已打印 {pages} 面", state=text, pages=status.pages_done)
                if printer.message:
                    text = tr("{state}(打印机:{message})", state=text, message=printer.message)
                progress(text)
                time.sleep(poll)
        except (PrintFailed, PrintCancelled, KeyboardInterrupt):
            self.cups.cancel(name, self.job_id)
            raise


@dataclass
class JobEnd:
    """How a job ended, its numbers already confirmed or voided."""

    printer: str = ""  # the printer it reached ("" when it did not)
    numbers: list[str] = field(default_factory=list)  # numbers the job reserved
    failed: PrintFailed | None = None
    cancelled: bool = False
    pdf: bytes = b""  # what was sent

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled and bool(self.printer)


KEEP_ALIVE_SECONDS = 20.0


def run_print_job(
    make: Callable[[], PrintDocument],
    send: Callable[[bytes, Callable[[], None]], str],
    cancelled: Callable[[], bool] = lambda: False,
    on_failure_log: Callable[[BaseException], None] = lambda exc: log.exception(
        "print job failed", exc_info=exc
    ),
) -> JobEnd:
    """One job from start to end, on the calling thread: make the document (numbered forms
    reserve their numbers), draw it, `send(pdf, alive)` (returns the printer it reached;
    calls `alive()` while it waits), then confirm the numbers or void them with the reason.

    Window and command line share this; the window runs it in a worker thread, which then
    uses its own database connection."""
    end = JobEnd()
    try:
        document = make()
    except UserError as exc:  # refused before anything was reserved (e.g. a form already printing)
        words = " ".join(exc.problems.values()) if isinstance(exc, ValidationError) else str(exc)
        end.failed = PrintFailed(words, "")
        return end
    reservation = document.reservation
    end.numbers = list(reservation.numbers) if reservation is not None else []
    last = [time.monotonic()]

    def alive() -> None:
        if reservation is not None and time.monotonic() - last[0] >= KEEP_ALIVE_SECONDS:
            reservation.keep_alive()
            last[0] = time.monotonic()

    try:
        end.pdf = document.render()
        if cancelled():
            raise PrintCancelled
        end.printer = send(end.pdf, alive)
    except PrintCancelled:
        end.cancelled = True
    except PrintFailed as exc:
        end.failed = exc
    except KeyboardInterrupt:
        end.cancelled = True
    except Exception as exc:  # noqa: BLE001 - told in words, logged with the trace
        on_failure_log(exc)
        end.failed = PrintFailed(
            tr("打印时出错({error})。请重试;仍不行请把日志交给管理员。", error=type(exc).__name__),
            N_("程序出错"),
        )
    if reservation is not None:
        if end.ok:
            reservation.confirm(end.printer)
        elif end.cancelled:
            reservation.void("已取消")
        else:
            assert end.failed is not None
            reservation.void(f"打印失败:{end.failed.reason}")
    return end


def check_pdf_target(path: Path, pages: int) -> None:
    """Before numbers are taken for a PDF: the folder exists, can be written and has room
    (about 100 KB a page, 2 MB more), so a missing or full stick costs no form number."""
    import shutil

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PrintFailed(tr("文件夹“{folder}”不存在(U 盘未插入?)。请换一个位置保存。", folder=folder), "")
    if not os.access(folder, os.W_OK):
        raise PrintFailed(
            tr("没有权限写入文件夹“{folder}”(只读或被保护)。请换一个文件夹。", folder=folder), ""
        )
    need = 2_000_000 + 100_000 * max(1, pages)
    free = shutil.disk_usage(folder).free
    if free < need:
        raise PrintFailed(
            tr(
                "“{folder}”所在的磁盘只剩 {free:.1f} MB,保存 {pages} 页约需 {need:.1f} MB。"
                "请清理磁盘或换一个位置。",
                folder=folder,
                free=free / 1e6,
                pages=pages,
                need=need / 1e6,
            ),
            "",
        )


def write_pdf(path: Path, pdf: bytes) -> None:
    """Save a PDF; a PrintFailed in Chinese when it cannot be written (nothing half-written)."""
    temp = path.with_name(path.name + ".part")
    try:
        with open(temp, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())  # on the stick before it is named: a pulled stick leaves no half PDF
        os.replace(temp, path)
    except OSError as exc:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        if isinstance(exc, PermissionError):
            raise PrintFailed(
                tr("没有权限写入“{path}”。请换一个文件夹或检查权限。", path=path),
                N_("无法保存 PDF(没有权限)"),
            ) from exc
        if isinstance(exc, FileNotFoundError):
            raise PrintFailed(
                tr("文件夹“{parent}”不存在。请换一个位置保存。", parent=path.parent),
                N_("无法保存 PDF(文件夹不存在)"),
            ) from exc
        if exc.errno == 28:  # ENOSPC
            raise PrintFailed(
                tr("磁盘已满,无法保存“{path}”。请清理磁盘或换一个位置。", path=path),
                N_("无法保存 PDF(磁盘已满)"),
            ) from exc
        raise PrintFailed(
            tr("无法保存“{path}”({reason})。请换一个位置。", path=path, reason=exc.strerror or exc),
            N_("无法保存 PDF"),
        ) from exc
