"""A spreadsheet looked at before it is opened: the zip's own directory and a streaming read
of its XML, so that an oversized cell or sheet, a zip bomb, a malformed part, an old .xls
renamed, a password-protected workbook or an empty file is refused in words, quickly and in
little memory, before openpyxl builds anything from it.

Nothing here keeps a cell's text: the sheets are parsed with expat a megabyte at a time and
only counts are kept (characters of the cell being read, rows and columns seen)."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from app.errors import UserError
from app.i18n import N_, language, term, tr

# The limits, in the office's words where a person will read them.
MAX_FILE_BYTES = 200 * 2**20  # the .xlsx itself
MAX_TOTAL_BYTES = 1024 * 2**20  # every part unpacked, as the zip's directory declares them
MAX_SHEET_BYTES = 512 * 2**20  # one worksheet's XML unpacked
MAX_SHARED_STRINGS_BYTES = 100 * 2**20  # the shared texts (openpyxl holds them all in memory)
MAX_OTHER_PART_BYTES = 64 * 2**20  # any other part (styles, workbook, drawings …)
MAX_PARTS = 10_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_ROWS = 500_000  # rows holding something, in one worksheet
MAX_COLUMNS = 1_000  # the widest column holding something
CHUNK = 2**20

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and Office's password-protected files
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_SHEET_TYPE_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
# The last few files that passed (path, size, modification time): the import dialog's
# preview reads the same file again each time the columns' mapping changes.
_passed: dict[tuple[str, int, int], None] = {}


def words(n: int, unit: str) -> str:
    """(1500000, 字) -> '150 万字', (45000, 行) -> '4.5 万行', (3000, 字) -> '3000 字'."""
    if language() in ("zh_CN", "zh_TW") and n >= 10_000:  # 万: the way Chinese counts large numbers
        count = f"{n / 10_000:.1f}".rstrip("0").rstrip(".")
        return tr("{count} 万行", count=count) if unit == "行" else tr("{count} 万字", count=count)
    count = f"{n:,}" if n >= 10_000 else str(n)
    return tr("{count} 行", count=count) if unit == "行" else tr("{count} 字", count=count)


def size_words(n: int) -> str:
    if n >= 2**30:
        return f"{n / 2**30:.1f} GB"
    if n >= 2**20:
        return f"{n / 2**20:.0f} MB"
    return f"{max(1, n // 1024)} KB"


@dataclass(frozen=True)
class SheetPart:
    number: int  # 1-based, in the workbook's order (the tabs as Excel shows them)
    name: str  # the tab's name
    part: str  # the zip member holding its XML

    def label(self) -> str:
        return tr("第 {number} 张工作表“{name}”", number=self.number, name=self.name)


class _Stop(Exception):
    """Ends a streaming parse as soon as the answer is known."""


def check_xlsx(path: Path) -> None:
    """Raises UserError, in words, for a file that must not be opened; returns when openpyxl
    may read it. Only the zip directory and a streaming parse are used: memory stays small
    whatever the file holds."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise UserError(tr("无法读取 {name}:{reason}", name=path.name, reason=_os_words(exc))) from exc
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _passed:
        return
    if stat.st_size == 0:
        raise UserError(
            tr(
                "{name} 是空文件(0 字节),里面没有表格。请确认选对了文件,或重新从 Excel 保存一次",
                name=path.name,
            )
        )
    if stat.st_size > MAX_FILE_BYTES:
        raise UserError(
            tr(
                "{name} 有 {size},超过了可导入的上限 {limit}。"
                "请确认选对了文件;台账太大时请按年份分成几个文件分别导入",
                name=path.name,
                size=size_words(stat.st_size),
                limit=size_words(MAX_FILE_BYTES),
            )
        )
    try:
        with path.open("rb") as f:
            head = f.read(8)
            if head.startswith(_OLE_MAGIC):
                raise UserError(_ole_words(path, f))
            if not head.startswith(b"PK"):
                raise UserError(_not_zip_words(path, head))
        with zipfile.ZipFile(path) as zf:
            _check_zip(path, zf)
    except UserError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise UserError(
            tr(
                "{name} 已损坏,无法读取(压缩数据不完整)。请在 Excel 中打开它并另存为 .xlsx 后再导入;"
                "若 Excel 也打不开,请找回原来的文件",
                name=path.name,
            )
        ) from exc
    except OSError as exc:
        raise UserError(tr("无法读取 {name}:{reason}", name=path.name, reason=_os_words(exc))) from exc
    if len(_passed) >= 8:
        _passed.clear()
    _passed[key] = None


def _ole_words(path: Path, f: IO[bytes]) -> str:
    """An OLE2 file: Office's password-protected workbook, or an old .xls renamed."""
    f.seek(0)
    tail = b""
    while chunk := f.read(CHUNK):
        if _ENCRYPTED_PACKAGE in tail + chunk:
            return tr(
                "{name} 设了打开密码,程序无法读取。请在 Excel 中打开它,"
                "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”里清空密码,保存后再导入",
                name=path.name,
            )
        tail = chunk[-len(_ENCRYPTED_PACKAGE) :]
    return tr(
        "{name} 实际是旧的 .xls 格式(Excel 97-2003),只是改了扩展名。"
        "请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入",
        name=path.name,
    )


# Files a clerk may pick by mistake, by their first bytes.
_OTHER_KINDS = {b"%PDF": N_("PDF 文件"), b"\x89PNG": N_("图片(PNG)"), b"\xff\xd8\xff": N_("图片(JPEG)"), b"II*\x00": N_("图片(TIFF)"),
                b"MM\x00*": N_("图片(TIFF)"), b"Rar!": N_("RAR 压缩包"), b"7z\xbc\xaf": N_("7z 压缩包")}  # fmt: skip


def _not_zip_words(path: Path, head: bytes) -> str:
    for magic, kind in _OTHER_KINDS.items():
        if head.startswith(magic):
            return tr(
                "{name} 不是有效的 Excel 文件:它实际是{kind},只是扩展名是 .xlsx。"
                "请确认选对了文件(要导入的是 Excel 台账或名册)",
                name=path.name,
                kind=term(kind),
            )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<", b"<!doc", b"<html", b"<?xml")):
        return tr(
            "{name} 不是有效的 Excel 文件:它实际是网页(HTML/XML)格式的表格,只是扩展名是 .xlsx。"
            "请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入",
            name=path.name,
        )
    if _looks_like_text(path):
        return tr(
            "{name} 不是有效的 Excel 文件:它实际是文本文件(例如 CSV),只是扩展名是 .xlsx。"
            "请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入",
            name=path.name,
        )
    return tr(
        "{name} 不是有效的 Excel 文件,可能是别的文件改了扩展名,或文件已损坏。"
        "请在 Excel 中打开它并另存为 .xlsx 后再导入",
        name=path.name,
    )


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as f:
        start = f.read(4096)
    if b"\x00" in start:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            start.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(start) - 4:  # a character cut at the end of what was read
                return True
    return False


def _check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and any(n == "content.xml" for n in names):
            raise UserError(
                tr(
                    "{name} 是 OpenDocument 表格(WPS/LibreOffice 的 .ods 格式)。"
                    "请在 WPS 或 Excel 中“另存为 → Excel 工作簿(*.xlsx)”后再导入",
                    name=path.name,
                )
            )
        raise UserError(
            tr(
                "{name} 不是有效的 Excel 文件(里面没有工作簿的内容),可能是别的文件改了扩展名。"
                "请确认选对了文件,或在 Excel 中另存为 .xlsx 后再导入",
                name=path.name,
            )
        )
    if len(infos) > MAX_PARTS:
        raise UserError(
            tr(
                "{name} 里有 {count} 个部件,超过上限 {limit} 个,不像是普通的台账。请检查文件",
                name=path.name,
                count=len(infos),
                limit=MAX_PARTS,
            )
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise UserError(
            tr(
                "{name} 的内容被压缩软件加了密码,程序无法读取。请去掉密码后另存为 .xlsx 再导入",
                name=path.name,
            )
        )
    # Sizes as the zip's directory declares them: a zip bomb is refused here, before a
    # byte is unpacked. (A part that unpacks to more than it declares fails its check in
    # zipfile while being read below.)
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise UserError(
            tr(
                "{name} 解压后有 {size},超过上限 {limit}"
                "(文件本身只有 {file_size},内容被异常压缩)。请检查文件,不要导入来历不明的表格",
                name=path.name,
                size=size_words(total),
                limit=size_words(MAX_TOTAL_BYTES),
                file_size=size_words(path.stat().st_size),
            )
        )
    sheets = _sheet_parts(path, zf)
    sheet_names = {s.part for s in sheets}
    for info in infos:
        limit = MAX_OTHER_PART_BYTES
        what = tr("其中的部件 {filename} ", filename=info.filename)
        if info.filename in sheet_names:
            limit = MAX_SHEET_BYTES
            what = next(s.label() for s in sheets if s.part == info.filename)
        elif info.filename == "xl/sharedStrings.xml":
            limit, what = MAX_SHARED_STRINGS_BYTES, tr("其中的文字表(sharedStrings)")
        if info.file_size > limit:
            raise UserError(
                tr(
                    "{name} {what}解压后有 {size},超过上限 {limit}。"
                    "请确认选对了文件;台账太大时请按年份分成几个文件分别导入",
                    name=path.name,
                    what=what,
                    size=size_words(info.file_size),
                    limit=size_words(limit),
                )
            )
    for info in infos:  # the small parts openpyxl reads: well-formed XML?
        name = info.filename
        if name in sheet_names or name == "xl/sharedStrings.xml" or name.endswith("/"):
            continue
        if name.endswith((".xml", ".rels")) and (
            name.startswith(("xl/", "_rels/")) or name == "[Content_Types].xml"
        ):
            _parse(path, zf, name, None, tr("其中的部件 {name} ", name=name))
    long_shared = _long_shared_string(path, zf) if "xl/sharedStrings.xml" in names else None
    for sheet in sheets:
        # First at C speed: well-formed XML, and byte counts that bound what the sheet can
        # hold. Only a sheet that may be over a limit is read again cell by cell, to decide
        # and to name the cell.
        quick = _ByteScan(_wide_reference())
        _parse(path, zf, sheet.part, None, sheet.label(), quick.feed)
        if quick.rows > MAX_ROWS:  # row elements: Excel writes one only for a row that holds something
            raise UserError(f"{path.name} {_too_many_rows(sheet)}")
        if not (quick.over() or long_shared):
            continue
        scan = _SheetScan(sheet, long_shared)
        _parse(path, zf, sheet.part, scan, sheet.label())
        if scan.refusal:
            raise UserError(f"{path.name} {scan.refusal}")
    if long_shared is not None:
        index, length = long_shared
        raise UserError(
            tr(
                "{name} 里有一段 {words}的文字,超过一个单元格的上限 {limit} 字。"
                "请检查文件,删去或缩短这段文字后再导入",
                name=path.name,
                words=words(length, "字"),
                limit=MAX_CELL_CHARS,
            )
        )


def _sheet_parts(path: Path, zf: zipfile.ZipFile) -> list[SheetPart]:
    """The worksheets in tab order with their names, from xl/workbook.xml and its rels."""
    book = _Collect({"sheet"})
    _parse(path, zf, "xl/workbook.xml", book, tr("其中的工作簿目录(workbook.xml)"))
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        rels = _Collect({"Relationship"})
        _parse(path, zf, "xl/_rels/workbook.xml.rels", rels, tr("其中的工作簿关系(workbook.xml.rels)"))
        for attrs in rels.found:
            if attrs.get("Type") in (_SHEET_TYPE, _SHEET_TYPE_STRICT) and attrs.get("Target"):
                target = attrs["Target"]
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                targets[attrs.get("Id", "")] = part
    out: list[SheetPart] = []
    for attrs in book.found:
        rid = next((v for k, v in attrs.items() if k.endswith(" id")), "")  # r:id, by its namespace
        sheet_part = targets.get(rid)
        if sheet_part is not None:
            out.append(SheetPart(len(out) + 1, attrs.get("name", ""), sheet_part))
    missing = [s.part for s in out if s.part not in zf.namelist()]
    if missing:
        raise UserError(
            tr(
                "{name} 已损坏:工作表 {value} 不见了。请在 Excel 中打开并另存为 .xlsx 后再导入",
                name=path.name,
                value=missing[0],
            )
        )
    return out


class _Handler:
    """What a streaming parse does with the elements it meets (local names, no namespace)."""

    def start(self, name: str, attrs: dict[str, str]) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


class _Collect(_Handler):
    def __init__(self, wanted: set[str]) -> None:
        self.wanted = wanted
        self.found: list[dict[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self.wanted:
            self.found.append(dict(attrs))


class _SharedStrings(_Handler):
    """The first shared text longer than a cell may be: (its index, its length)."""

    def __init__(self) -> None:
        self.index = -1
        self.length = 0
        self.inside = False
        self.phonetic = False  # inside <rPh>: a phonetic guide's text is not the cell's
        self.found: tuple[int, int] | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "si":
            self.index += 1
            self.length = 0
        elif name == "t":
            self.inside = not self.phonetic
        elif name == "rPh":
            self.phonetic = True

    def end(self, name: str) -> None:
        if name == "t":
            self.inside = False
        elif name == "rPh":
            self.phonetic = False
        elif name == "si" and self.length > MAX_CELL_CHARS:
            self.found = (self.index, self.length)
            raise _Stop

    def text(self, data: str) -> None:
        if self.inside:
            self.length += len(data)


class _ByteScan:
    """Counts taken from the raw bytes as they stream past, without a Python call per element,
    each an upper bound that only decides whether a closer look is needed: the longest run of
    bytes between two '<' (no text of a cell is longer, in characters, than its bytes), the
    row elements, a cell reference naming a column past the limit, and, for the shared texts,
    the longest stretch from one <si> to the next."""

    _SHARED = re.compile(rb"<(?:\w+:)?si[ >/]")

    def __init__(self, wide: re.Pattern[bytes] | None = None, shared: bool = False) -> None:
        self.wide_pattern = wide
        self.shared = shared
        self.longest = 0  # bytes
        self.rows = 0
        self.wide = False
        self._run = 0
        self._tail = b""  # the end of the previous chunk: a marker cut in two is still seen

    def feed(self, chunk: bytes) -> None:
        if self.shared:
            self._longest(self._SHARED.split(self._tail + chunk), len(self._tail))
        else:
            self._longest(chunk.split(b"<"), 0)
            self.rows += chunk.count(b"<row") + chunk.count(b":row")
            if self.wide_pattern is not None and not self.wide:
                self.wide = self.wide_pattern.search(self._tail + chunk) is not None
            if self.over():
                raise _Stop  # a closer look is needed anyway: no need to read further
        self._tail = chunk[-16:]

    def over(self) -> bool:
        """The sheet may be over a limit: read it cell by cell to decide."""
        return self.rows > MAX_ROWS or self.longest > MAX_CELL_CHARS or self.wide

    def _longest(self, pieces: list[bytes], counted: int) -> None:
        if len(pieces) == 1:
            self._run += len(pieces[0]) - counted
        else:
            self.longest = max(
                self.longest, self._run + len(pieces[0]) - counted, max(map(len, pieces[1:-1]), default=0)
            )
            self._run = len(pieces[-1])
        self.longest = max(self.longest, self._run)


def _wide_reference() -> re.Pattern[bytes]:
    """A cell reference with as many column letters as the first column past the limit."""
    n, letters = MAX_COLUMNS + 1, 0
    while n > 0:
        n, letters = (n - 1) // 26, letters + 1
    return re.compile(rb' r="[A-Z]{%d,}[0-9]' % letters)


def _long_shared_string(path: Path, zf: zipfile.ZipFile) -> tuple[int, int] | None:
    quick = _ByteScan(shared=True)
    _parse(path, zf, "xl/sharedStrings.xml", None, tr("其中的文字表(sharedStrings)"), quick.feed)
    if quick.longest <= MAX_CELL_CHARS:
        return None  # no shared text can be longer than a cell may be
    handler = _SharedStrings()
    _parse(path, zf, "xl/sharedStrings.xml", handler, tr("其中的文字表(sharedStrings)"))
    return handler.found


class _SheetScan(_Handler):
    """Rows, columns and the longest cell of one worksheet, counted as it streams past."""

    def __init__(self, sheet: SheetPart, long_shared: tuple[int, int] | None) -> None:
        self.sheet = sheet
        self.long_shared = long_shared
        self.rows = 0
        self.row_counted = False
        self.column = 0  # the current cell's column (1-based)
        self.ref = ""
        self.shared = False
        self.cell_chars = 0
        self.counting = False
        self.value = ""  # the <v> of a shared-text cell (an index: a few digits)
        self.refusal = ""

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            self.ref = attrs.get("r", "")
            found = _CELL_REF.fullmatch(self.ref)
            self.column = _column_number(found.group(1)) if found else self.column + 1
            self.shared = attrs.get("t") == "s"
            self.cell_chars = 0
            self.value = ""
        elif name in ("v", "t", "f"):
            self.counting = True
        elif name == "row":
            self.row_counted = False
            self.column = 0

    def end(self, name: str) -> None:
        if name in ("v", "t", "f"):
            self.counting = False
            if not self.cell_chars:
                return
            if self.column > MAX_COLUMNS:
                self._refuse(
                    tr(
                        "{label}的单元格 {ref} 在第 {column} 列,超过上限 {limit} 列。"
                        "请删去表格右边多余的列后再导入",
                        label=self.sheet.label(),
                        ref=self.ref,
                        column=self.column,
                        limit=MAX_COLUMNS,
                    )
                )
            if not self.row_counted:
                self.row_counted = True
                self.rows += 1
                if self.rows > MAX_ROWS:
                    self._refuse(_too_many_rows(self.sheet))
            if name == "v" and self.shared and self.long_shared is not None and self.value.strip().isdigit():
                index, length = self.long_shared
                if int(self.value) == index:
                    self._refuse(self._long_words(length))
        elif name == "c" and self.cell_chars > MAX_CELL_CHARS:
            self._refuse(self._long_words(self.cell_chars))

    def text(self, data: str) -> None:
        if self.counting:
            self.cell_chars += len(data)  # counted, never kept
            if self.shared and len(self.value) < 12:
                self.value += data

    def _long_words(self, length: int) -> str:
        where = tr("的单元格 {ref} ", ref=self.ref) if self.ref else tr("的某个单元格")
        return tr(
            "{label}{where}有 {words},超过上限 {limit} 字"
            "(Excel 一个单元格最多放这么多)。请检查文件,删去或缩短这个单元格后再导入",
            label=self.sheet.label(),
            where=where,
            words=words(length, "字"),
            limit=MAX_CELL_CHARS,
        )

    def _refuse(self, text: str) -> None:
        self.refusal = text
        raise _Stop


def _too_many_rows(sheet: SheetPart) -> str:
    return tr(
        "{label}超过 {words},超过了可导入的上限。请按年份分成几个文件分别导入",
        label=sheet.label(),
        words=words(MAX_ROWS, "行"),
    )


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _parse(
    path: Path,
    zf: zipfile.ZipFile,
    part: str,
    handler: _Handler | None,
    what: str,
    feed: Callable[[bytes], None] | None = None,
) -> None:
    """Stream `part` through expat, a megabyte at a time (each chunk also to `feed`);
    malformed XML and any DTD (an entity expansion) are refused in words. Without a handler
    expat calls no Python per element: a well-formedness check at C speed."""

    def no_dtd(*_: Any) -> None:
        raise UserError(
            tr(
                "{name} {what}含有文档类型声明(DTD),Excel 保存的文件不会有。为安全起见不导入,请检查文件来源",
                name=path.name,
                what=what,
            )
        )

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    if handler is not None:
        parser.StartElementHandler = lambda name, attrs: handler.start(name.rsplit(" ", 1)[-1], attrs)
        parser.EndElementHandler = lambda name: handler.end(name.rsplit(" ", 1)[-1])
        parser.CharacterDataHandler = handler.text
    try:
        with zf.open(part) as f:
            while chunk := f.read(CHUNK):
                if feed is not None:
                    feed(chunk)
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return
    except expat.ExpatError as exc:
        raise UserError(
            tr(
                "{name} 已损坏:{what}不是完好的 XML(第 {lineno} 行第 {offset} 列:"
                "{value})。"
                "请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件",
                name=path.name,
                what=what,
                lineno=exc.lineno,
                offset=exc.offset,
                value=expat.ErrorString(exc.code) if exc.code else exc,
            )
        ) from exc
    except KeyError as exc:
        raise UserError(
            tr(
                "{name} 已损坏:{what}不见了。请在 Excel 中打开并另存为 .xlsx 后再导入",
                name=path.name,
                what=what,
            )
        ) from exc


def _os_words(exc: OSError) -> str:
    """Reading the file failed: why, and what to do."""
    if isinstance(exc, PermissionError):
        return tr(
            "没有权限读取这个文件(或它正被其他程序独占打开)。请关闭打开它的程序,或把文件复制到桌面后再导入"
        )
    if isinstance(exc, FileNotFoundError):
        return tr("文件不见了(被移动、删除,或 U 盘已拔出)。请重新选择文件")
    return tr("读取磁盘时出错(U 盘松动或损坏?)。请把文件复制到本机后再导入")
