"""Reading an office's own Excel: where the header row is, which column is which field, and
the values as offices type them.

An office keeps its ledger its own way: a merged title row ("2026年阳光花园投诉登记台账")
above the headers, its own column names (投诉人, 投诉事由, 处理情况, 完成日期 …), the room in
one cell ("5栋1单元1203室"), dates typed as "2026.9.5" or "9月4日", phones with spaces.
This module holds the synonym table that maps those names to the program's fields, finds
the header row, and reads such values; `app.ledger` uses it for both the case ledger and
the owners list. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.i18n import tr
from app.validation import clean_text

SKIP = "不导入"  # the mapping's choice for a column that is not read

# The program's fields (the ledger's own column names) and the names offices give them.
# Matching compares names without spaces, brackets and a trailing colon; the field's own
# name always matches itself. Order matters only for reading: the first hit wins.
LEDGER_SYNONYMS: dict[str, list[str]] = {
    "编号": ["投诉编号", "案件编号", "单号", "登记号", "工单号", "记录编号", "报修单号"],
    "受理时间": [
        "日期",
        "受理日期",
        "登记日期",
        "登记时间",
        "投诉日期",
        "投诉时间",
        "报修日期",
        "报修时间",
        "来电时间",
        "来电日期",
        "接报时间",
        "接单时间",
        "反映时间",
    ],  # fmt: skip
    # A separate time-of-day column beside a date column ("日期 | 时间"); a lone 时间 column
    # holding whole date-times is taken as 受理时间 (see auto_mapping).
    "受理时刻": ["时间", "来电时刻", "时刻"],
    "渠道": ["来源", "投诉渠道", "受理方式", "投诉方式", "反映方式", "来电方式", "受理渠道"],
    "性质": ["类型", "事项类型", "业务类型", "投诉类型", "事件性质", "性质类别", "类别性质"],
    "有效性": ["投诉有效性", "是否有效"],
    "程度": ["严重程度", "等级", "投诉等级", "级别"],
    "类别": ["问题类别", "投诉类别", "问题分类", "分类", "专业", "投诉分类"],
    "细类": ["细分类", "小类", "子类", "问题细类", "具体类别"],
    "紧急程度": ["缓急", "紧急"],
    "楼栋": ["楼号", "栋号", "楼栋号", "幢号", "栋", "楼"],
    "单元": ["单元号"],
    "房号": ["房间号", "室号", "门牌号", "房屋号"],
    "房屋": ["房屋", "地址", "住址", "业主地址", "业主房号", "楼栋房号", "房号地址", "房屋地址", "所在房号"],
    "匿名": ["是否匿名"],
    "客户姓名": [
        "投诉人",
        "报修人",
        "反映人",
        "来电人",
        "业主",
        "业主姓名",
        "姓名",
        "客户",
        "联系人",
        "住户",
        "住户姓名",
        "客户名称",
    ],  # fmt: skip
    "联系电话": ["联系方式", "电话", "手机", "手机号", "手机号码", "电话号码", "联系号码"],
    "内容": [
        "投诉事由",
        "投诉内容",
        "事由",
        "报修内容",
        "问题描述",
        "反映问题",
        "反映内容",
        "来电内容",
        "情况说明",
        "事件",
        "问题",
        "具体内容",
        "投诉事项",
        "报修事项",
    ],  # fmt: skip
    "客户要求": ["要求", "诉求", "业主诉求", "业主要求", "客户诉求"],
    "责任部门": ["处理部门", "承办部门", "责任单位", "处理单位", "部门", "派工部门", "处理人部门"],
    "状态": ["处理状态", "案件状态", "进度"],
    "办结时间": [
        "完成日期",
        "完成时间",
        "办结日期",
        "结案日期",
        "结案时间",
        "处理完成时间",
        "解决时间",
        "解决日期",
        "处理日期",
        "处理时间",
    ],  # fmt: skip
    "处理结果": ["处理情况", "处理措施", "处理意见", "解决情况", "整改情况", "处理经过", "处理结果及措施"],
    "回访时间": ["回访日期"],
    "回访方式": [],
    "满意度": ["满意程度", "业主评价", "客户评价", "评价", "回访结果", "是否满意"],
    "回访人": ["回访人员", "回访者"],
    "回访意见": ["回访情况", "回访记录", "回访内容", "业主意见", "客户意见"],
    "并入": [],
    # The program's own export (see app.ledger.LEDGER_EXTRA_HEADERS).
    "回复期限": [],
    "办结期限": [],
    "答复期限": [],
    "首次回复时间": [],
    "关闭时间": [],
    "作废原因": [],
    "案件号": [],
    "业主要求的时间": ["业主要求时间", "要求完成时间", "业主要求日期"],
    "事发时间": [],
    "事发地点": [],
    "被投诉方": [],
    "回访抽样": [],
    "抽样季度": [],
    "抽样说明": [],
    "典型案例说明": [],
    "转自": [],  # the case whose rework failed again (H25)
    # 先行处置 (H21): its deadline marks a case that needed it; then who, when, what.
    "先行处置期限": [],
    "先行处置时间": [],
    "先行处置人": [],
    "先行处置措施": [],
}

OWNER_SYNONYMS: dict[str, list[str]] = {
    "楼栋": ["楼号", "栋号", "楼栋号", "幢号", "栋", "楼"],
    "单元": ["单元号"],
    "房号": ["房间号", "室号", "门牌号", "房屋号"],
    "房屋": ["房屋", "地址", "住址", "业主地址", "业主房号", "楼栋房号", "房号地址", "房屋地址"],
    "姓名": ["业主姓名", "业主", "户主", "户主姓名", "住户姓名", "住户", "客户姓名", "业主名称"],
    "类型": ["住户类型", "身份", "业主类型", "类别", "住户性质"],
    "联系电话": ["联系方式", "电话", "手机", "手机号", "手机号码", "电话号码", "联系号码"],
    "身份证号": ["身份证", "身份证号码", "证件号码", "证件号"],
    "入住日期": ["入住时间", "交房日期", "收房日期", "入伙日期", "入伙时间"],
    "备注": ["说明"],
}

# Names a column may carry that the program deliberately leaves alone: a row counter
# restarts in every file, so taking it as the case's 编号 would clash the next year.
IGNORED_NAMES = {"序号", "序", "No", "NO", "no", "行号"}

_NAME_NOISE = re.compile(r"[\s()（）【】\[\]:：*＊]")


def _key(name: str) -> str:
    return _NAME_NOISE.sub("", clean_text(name))


def field_for_header(header: str, synonyms: dict[str, list[str]]) -> str | None:
    """The program's field a column header names, or None."""
    key = _key(header)
    if not key:
        return None
    for field_name, names in synonyms.items():
        if key == field_name or key in names:
            return field_name
    return None


def auto_mapping(headers: list[str], synonyms: dict[str, list[str]]) -> dict[int, str]:
    """Column index -> field, by the synonym table; a field goes to its first column only."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        field_name = field_for_header(header, synonyms)
        if field_name is not None and field_name not in taken:
            out[i] = field_name
            taken.add(field_name)
    if "受理时刻" in taken and "受理时间" not in taken and "受理时间" in synonyms:
        for i, field_name in out.items():
            if field_name == "受理时刻":
                out[i] = "受理时间"
    return out


def header_signature(headers: Iterable[str]) -> str:
    """A short key for a set of headers: files with the same headers share a remembered mapping."""
    text = "\x1f".join(_key(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_map_text(text: str, fields: Iterable[str]) -> dict[str, str]:
    """`--map "投诉事由=内容,序号=编号,备注=不导入"` -> {header: field}; raises ValueError."""
    allowed = set(fields) | {SKIP}
    out: dict[str, str] = {}
    for part in re.split(r"[,，;；]", text):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise ValueError(tr("“{part}”应写成 列名=字段,例如 投诉事由=内容", part=part))
        header, field_name = (s.strip() for s in part.split("=", 1))
        if field_name not in allowed:
            raise ValueError(
                tr(
                    "“{field}”不是可导入的字段,可用:{allowed}",
                    field=field_name,
                    allowed=tr("、").join(sorted(allowed)),
                )
            )
        out[header] = field_name
    return out


# Finding the header row -------------------------------------------------------------------
HEADER_SEARCH_ROWS = 10


def find_header_row(rows: list[list[object]], synonyms: dict[str, list[str]]) -> int | None:
    """The index (0-based) of the row among the first few that names the most known fields;
    None when no row names at least two (or one, for a one-column sheet)."""
    best, best_count = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [clean_text(v) for v in row if not isinstance(v, dt.datetime | dt.date | int | float)]
        count = len({f for t in texts if (f := field_for_header(t, synonyms)) is not None})
        if count > best_count:
            best, best_count = index, count
    if best is None:
        return None
    filled = [v for v in rows[best] if clean_text(v)]
    if best_count >= 2 or (best_count == 1 and len(filled) == 1):
        return best
    return None


_YEAR_IN_TEXT = re.compile(r"(20\d\d)\s*年?")


def year_from(texts: Iterable[str]) -> int | None:
    """The year a title ("2026年阳光花园投诉登记台账"), a sheet name or a file name names."""
    for text in texts:
        found = _YEAR_IN_TEXT.search(text or "")
        if found:
            return int(found.group(1))
    return None


def kind_from(texts: Iterable[str]) -> str | None:
    """The one kind a title names ("2026年投诉登记台账" -> 投诉); None for none or several."""
    found = set()
    for text in texts:
        for word, kind in KIND_WORDS.items():
            if len(word) >= 2 and word in (text or ""):
                found.add(kind)
    return found.pop() if len(found) == 1 else None


# Reading values ----------------------------------------------------------------------------
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_FIRST_SERIAL, _LAST_SERIAL = 36526, 73415  # 2000-01-01 .. 2100-12-31


def from_excel_serial(value: float) -> dt.datetime | None:
    """An Excel date number (46000 is 2025-12-09) as a date-time; None outside 2000-2100."""
    if not _FIRST_SERIAL <= value <= _LAST_SERIAL:
        return None
    moment = EXCEL_EPOCH + dt.timedelta(days=float(value))
    return (moment + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)


_DATE_TEXT = re.compile(
    r"^(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时点]\s*(?P<M>\d{1,2})?\s*分?(?:\s*[:：]\s*(?P<S>\d{1,2})\s*秒?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(?P<y>20\d\d)(?P<m>\d\d)(?P<d>\d\d)$")


def parse_office_datetime(text: str, year: int | None) -> dt.datetime:
    """A date or date-time as offices type it; raises ValueError with the reason.

    "2026-09-05 14:30", "2026/9/5 14:30", "2026.9.5", "2026年9月4日", "2026年9月4日14时30分",
    "20260905", and "9月4日" / "9.4" with `year` (from the title, sheet or file name)."""
    raw = clean_text(text)
    compact = raw.replace("上午", "").replace("下午", " PM ").strip()
    pm = " PM " in compact
    compact = compact.replace(" PM ", " ").strip()
    compact = re.sub(r"\s+", " ", compact)
    found = _DATE_TEXT.match(compact) or _COMPACT_DATE.match(compact)
    if not found:
        raise ValueError(tr("“{value}”不是日期时间,应为 YYYY-MM-DD HH:MM", value=raw[:20]))
    parts = found.groupdict()
    y = int(parts["y"]) if parts.get("y") else year
    if y is None:
        raise ValueError(
            tr("“{value}”没有年份,表格标题和文件名里也找不到年份,请写成 YYYY-MM-DD", value=raw[:20])
        )
    hour = int(parts["H"]) if parts.get("H") else 0
    if pm and hour < 12:
        hour += 12
    minute = int(parts["M"]) if parts.get("M") else 0
    second = int(parts["S"]) if parts.get("S") else 0
    try:
        result = dt.datetime(y, int(parts["m"]), int(parts["d"]), hour, minute, second)
    except ValueError as exc:
        raise ValueError(tr("“{value}”不是有效的日期", value=raw[:20])) from exc
    if result.year < 2000 or result.year > 2099:
        raise ValueError(tr("日期 {date:%Y-%m-%d} 不在 2000 至 2099 年之间", date=result))
    return result


_ROOM_IN_WORDS = re.compile(
    r"^(?:[^\d A-Za-z]*?)"  # an estate name in front: 阳光花园5栋…
    r"(?P<b>[0-9A-Za-z]{1,10})\s*(?:栋|幢|号楼|座|楼|#|＃)\s*"
    r"(?:(?P<u>[0-9A-Za-z]{1,10})\s*单元\s*)?"
    r"(?P<r>[0-9A-Za-z]{1,10})\s*(?:室|号|房)?$"
)
_ROOM_SPLIT = re.compile(r"[-－—–/\\、\s]+")


def parse_room_text(text: str) -> tuple[str, str, str]:
    """A room written in one cell: "3-2-501", "5栋1单元1203室", "5号楼1单元1203", "A座1203",
    "12#0801", "3/2/501" -> (楼栋, 单元, 房号); raises ValueError."""
    raw = clean_text(text)
    compact = raw.replace(" ", "")
    found = _ROOM_IN_WORDS.match(compact)
    if found:
        return found.group("b"), found.group("u") or "", found.group("r")
    parts = [re.sub(r"(栋|幢|号楼|座|单元|室|号)$", "", p) for p in _ROOM_SPLIT.split(compact) if p]
    if len(parts) in (2, 3) and all(re.fullmatch(r"[0-9A-Za-z]{1,10}", p) for p in parts):
        return (parts[0], "", parts[1]) if len(parts) == 2 else (parts[0], parts[1], parts[2])
    raise ValueError(
        tr("“{value}”看不出楼栋和房号,应为 楼栋-单元-房号(例如 3-2-501)或 5栋1单元1203室", value=raw[:20])
    )


# Words offices use for the program's fixed lists: word -> value.
KIND_WORDS = {
    "投诉": "投诉", "有效投诉": "投诉", "客户投诉": "投诉", "业主投诉": "投诉",
    "报修": "报修", "维修": "报修", "保修": "报修", "报事报修": "报修", "维修申请": "报修", "工程维修": "报修",
    "咨询": "咨询", "询问": "咨询", "问询": "咨询", "查询": "咨询",
    "建议": "建议", "意见": "建议", "意见建议": "建议", "合理化建议": "建议",
    "求助": "求助", "帮助": "求助", "求援": "求助",
    "特约服务": "特约服务", "有偿服务": "特约服务", "特约": "特约服务",
    "表扬": "表扬", "感谢": "表扬", "表扬信": "表扬", "锦旗": "表扬",
}  # fmt: skip
SATISFACTION_WORDS = {
    "很满意": "很满意", "非常满意": "很满意", "十分满意": "很满意", "特别满意": "很满意",
    "满意": "满意", "比较满意": "满意", "较满意": "满意", "基本满意": "一般",
    "一般": "一般", "还行": "一般", "还可以": "一般", "尚可": "一般",
    "不满意": "不满意", "不太满意": "不满意", "较不满意": "不满意", "不够满意": "不满意",
    "很不满意": "很不满意", "非常不满意": "很不满意", "极不满意": "很不满意", "十分不满意": "很不满意",
    "是": "满意", "否": "不满意",  # a 是否满意 column
}  # fmt: skip
METHOD_WORDS = {
    "电话": "电话", "电话回访": "电话", "电访": "电话", "来电": "电话",
    "上门": "上门", "上门回访": "上门", "现场": "上门", "现场回访": "上门", "走访": "上门", "入户": "上门",
    "短信": "短信", "短信回访": "短信", "微信": "微信", "微信回访": "微信", "其他": "其他", "其它": "其他",
}  # fmt: skip
CHANNEL_WORDS = {
    "来电": "电话", "电话投诉": "电话", "热线": "电话", "400": "电话",
    "来访": "来访", "上门": "来访", "前台": "来访", "窗口": "来访", "面谈": "来访",
    "信件": "信函", "书面": "信函", "邮件": "电子邮件", "email": "电子邮件", "微信": "网络", "APP": "网络",
    "app": "网络", "网上": "网络", "小程序": "网络", "巡查": "巡查发现", "巡检": "巡查发现",
    "夜班": "夜间值班", "值班": "夜间值班", "座谈会": "业主座谈会",
}  # fmt: skip
STATE_WORDS = {
    "未处理": "待派工", "待处理": "待派工", "新建": "待派工", "已派单": "已派工", "派单": "已派工",
    "处理中": "处理中", "跟进中": "处理中", "正在处理": "处理中",
    "已处理": "已办结", "已完成": "已办结", "完成": "已办结", "已解决": "已办结", "办结": "已办结",
    "已结案": "已关闭", "结案": "已关闭", "关闭": "已关闭",
}  # fmt: skip
OCCUPANT_WORDS = {"自住": "业主", "房主": "业主", "户主": "业主", "产权人": "业主", "租户": "租户", "租客": "租户",
                  "出租": "租户", "承租人": "租户", "商户": "商户", "商铺": "商户", "底商": "商户"}  # fmt: skip
NO_VISIT_WORDS = {"未回访", "无", "暂无", "/", "-", "—", "无需回访", "不需回访", "不回访", "待回访"}
YES_WORDS = {"是", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true", "1", "√", "匿名"}
NO_WORDS = {"否", "N", "n", "NO", "No", "no", "FALSE", "False", "false", "0", "×", "实名"}


def read_word(text: str, allowed: list[str], words: dict[str, str]) -> str | None:
    """A fixed-list value from an office's word for it: exact first, then the synonym table."""
    if text in allowed:
        return text
    key = text.replace(" ", "")
    if key in allowed:
        return key
    value = words.get(key) or words.get(key.rstrip("类"))
    return value if value in allowed else None


def satisfaction_in(text: str) -> str | None:
    """A satisfaction level named inside free text ("电话回访,业主表示满意"), longest word first."""
    for word in sorted(SATISFACTION_WORDS, key=len, reverse=True):
        if len(word) > 1 and word in text:
            return SATISFACTION_WORDS[word]
    return None


@dataclass(frozen=True)
class ColumnChoice:
    """One column of the file as the mapping shows it."""

    index: int
    header: str
    field: str  # a program field or SKIP
    automatic: bool  # chosen by the synonym table, not by the clerk
