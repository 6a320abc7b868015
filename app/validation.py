"""Checks of single values, each answering with the reason in Chinese."""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from app.i18n import tr

MAX_TEXT = 2000
MAX_SHORT = 100
_ROOM_WORDS = re.compile(
    r"^(?P<b>[0-9A-Za-z]+)(?:栋|幢|号楼|座)(?:(?P<u>[0-9A-Za-z]+)单元)?(?P<r>[0-9A-Za-z]+)(?:室|号)?$"
)
_ROOM_SEPARATORS = re.compile(r"[-－—/\s]+")
_BIDI_AND_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_text(value: object) -> str:
    """Text as stored: stripped, without control characters or direction marks."""
    if value is None:
        return ""
    return _BIDI_AND_CONTROL.sub("", str(value)).strip()


def check_length(text: str, limit: int) -> str | None:
    if len(text) > limit:
        return tr("太长({length} 字),最多 {limit} 字", length=len(text), limit=limit)
    return None


def normalise_phone(raw: str) -> str:
    """A mainland phone number as stored ('13812345678', '021-12345678'); raises ValueError."""
    text = clean_text(raw).replace(" ", "")
    if not text:
        return ""
    if re.fullmatch(r"\d+\.0", text):
        raise ValueError(tr("号码被当作数字存过(末尾有 .0),请把该列设为文本后重新输入"))
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        raise ValueError(tr("号码被 Excel 变成了科学计数法,请把该列设为文本后重新输入"))
    digits = re.sub(r"[-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not digits.isdigit():
        raise ValueError(tr("电话号码只能含数字和 -"))
    try:
        parsed = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(tr("不是有效的电话号码")) from exc
    if not phonenumbers.is_valid_number(parsed):
        if len(digits) == 11 and digits.startswith("1"):
            raise ValueError(tr("不是有效的手机号码(11 位,号段不对)"))
        raise ValueError(tr("不是有效的大陆电话号码"))
    national = str(parsed.national_number)
    if national.startswith("1") and len(national) == 11:
        return national
    area = phonenumbers.length_of_geographical_area_code(parsed)
    if area:
        return f"0{national[:area]}-{national[area:]}"
    return national


def normalise_id_number(raw: str) -> str:
    """An 18-digit resident ID number with a valid checksum; raises ValueError."""
    text = clean_text(raw).replace(" ", "").upper()
    if not text:
        return ""
    if re.fullmatch(r"\d+(\.\d+)?([eE]\+?\d+)?", text) and ("E" in text or "." in text):
        raise ValueError(tr("身份证号被 Excel 当作数字,末几位已丢失,请把该列设为文本后重新输入"))
    try:
        return str(ric.validate(text))
    except StdnumError as exc:
        raise ValueError(tr("身份证号不正确(位数、出生日期或校验位不符)")) from exc


def parse_room(text: str) -> tuple[str, str, str]:
    """'3-2-501', '3栋2单元501', '12-0801' -> (楼栋, 单元, 房号); raises ValueError."""
    cleaned = clean_text(text)
    match = _ROOM_WORDS.match(cleaned.replace(" ", ""))
    if match:
        return match.group("b"), match.group("u") or "", match.group("r")
    parts = [p for p in _ROOM_SEPARATORS.split(cleaned) if p]
    parts = [re.sub(r"(栋|幢|号楼|座|单元|室)$", "", p) for p in parts]
    if len(parts) in (2, 3) and all(re.fullmatch(r"[0-9A-Za-z]{1,10}", p) for p in parts):
        if len(parts) == 2:
            return parts[0], "", parts[1]
        return parts[0], parts[1], parts[2]
    raise ValueError(tr("房号格式应为 楼栋-单元-房号,例如 3-2-501"))


DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")
EARLIEST = dt.datetime(2000, 1, 1)


def parse_datetime(value: object) -> dt.datetime:
    """A date-time from a form or a spreadsheet cell; raises ValueError with the reason."""
    if isinstance(value, dt.datetime):
        result = value.replace(microsecond=0, tzinfo=None)
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time())
    else:
        text = clean_text(value)
        if not text:
            raise ValueError(tr("不能为空"))
        for fmt in DATETIME_FORMATS + DATE_FORMATS:
            try:
                result = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(tr("“{text}”不是日期时间,应为 YYYY-MM-DD HH:MM", text=text[:20]))
    if result < EARLIEST or result.year > 2099:
        raise ValueError(tr("日期 {date} 不在 2000 至 2099 年之间", date=f"{result:%Y-%m-%d}"))
    return result
