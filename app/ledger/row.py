"""One row of a ledger sheet read as offices type it (`Row`): dates in any of their forms,
rooms in one cell or three, phones with spaces, words for kinds and states; every value it
cannot read is named by row and column, none is guessed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.i18n import term, tr
from app.ledger import columns as ledger_columns
from app.ledger.sheet import Sheet
from app.validation import check_length, clean_text, normalise_id_number, normalise_phone, parse_datetime

ROOM_PART = re.compile(r"[0-9A-Za-z]{1,10}")


ROOM_SUFFIX = re.compile(r"(栋|幢|号楼|座|单元|室|号)$")


class Row:
    """One spreadsheet row being read; each getter records a problem instead of raising."""

    def __init__(
        self,
        number: int,
        values: list[Any],
        formulas: set[int],
        columns: dict[str, int],
        headers: list[str] | None = None,
        year: int | None = None,
    ) -> None:
        self.number = number
        self.values = values
        self.formulas = formulas
        self.columns = columns
        self.headers = headers or []
        self.year = year  # for a date typed without one ("9月4日")
        self.problems: dict[str, str] = {}
        self.date_only: set[str] = set()  # columns whose value had no time of day

    @classmethod
    def of(cls, sheet: Sheet, number: int, values: list[Any], formulas: set[int]) -> Row:
        return cls(number, values, formulas, sheet.columns, sheet.headers, sheet.year)

    def header(self, column: str) -> str:
        """The column's header as the file has it (the field's own name when it has none)."""
        i = self.columns.get(column)
        return self.headers[i] if i is not None and i < len(self.headers) else column

    def label(self, column: str) -> str:
        """The column as the file names it: 列“日期”(受理时间) for an office's own header; the
        field in the chosen language (the header is data: as typed)."""
        header = self.header(column)
        if header == column:
            return tr("列“{header}”", header=header)
        return tr("列“{header}”({field})", header=header, field=term(column))

    def short_label(self, column: str) -> str:
        header = self.header(column)
        return header if header == column else tr("{header}({field})", header=header, field=term(column))

    def problem(self, column: str, reason: str) -> None:
        self.problems.setdefault(column, reason)

    def has(self, column: str) -> bool:
        """The file has this column (its cell in this row may still be blank)."""
        return column in self.columns

    def blank(self, column: str) -> bool:
        """The file has no such column, or this row's cell in it is empty."""
        i = self.columns.get(column)
        return i is None or i >= len(self.values) or self.values[i] is None

    def raw(self, column: str) -> Any:
        i = self.columns.get(column)
        if i is None:
            return None
        if i in self.formulas:
            self.problem(column, tr("是公式,请复制该列后用“选择性粘贴→数值”变成普通值再导入"))
            return None
        return self.values[i]

    def text(self, column: str, limit: int | None = None, required: bool = False) -> str:
        value = self.raw(column)
        if isinstance(value, dt.datetime | dt.date | dt.time):
            self.problem(column, tr("被 Excel 当作日期/时间了,请把该列设为“文本”后重新输入"))
            return ""
        if isinstance(value, bool):
            text = "是" if value else "否"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = clean_text(value)
        if required and not text and column not in self.problems:
            self.problem(column, tr("必须填写"))
        elif limit is not None and (reason := check_length(text, limit)):
            self.problem(column, reason)
        return text

    def when(self, column: str, required: bool = False) -> dt.datetime | None:
        value = self.raw(column)
        if value is None or value == "":
            if required and column not in self.problems:
                self.problem(column, tr("必须填写"))
            return None
        if isinstance(value, bool):
            self.problem(
                column, tr("“{value}”不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式", value=value)
            )
            return None
        if isinstance(value, int | float):
            moment = ledger_columns.from_excel_serial(float(value))
            if moment is None:
                self.problem(
                    column,
                    tr(
                        "“{value}”是数字,不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式",
                        value=value,
                    ),
                )
                return None
            if float(value).is_integer():
                self.date_only.add(column)
            return moment
        if isinstance(value, dt.time):
            self.problem(column, tr("只有时间没有日期,应为 YYYY-MM-DD HH:MM"))
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            self.date_only.add(column)
        elif isinstance(value, dt.datetime) and value.time() == dt.time():
            self.date_only.add(column)
        try:
            if isinstance(value, dt.datetime | dt.date):
                return parse_datetime(value)
            try:
                return parse_datetime(value)
            except ValueError:
                moment = ledger_columns.parse_office_datetime(str(value), self.year)
                if not re.search(r"\d\s*[:：时点]", str(value)):
                    self.date_only.add(column)
                return moment
        except ValueError as exc:
            self.problem(column, str(exc))
            return None

    def time_of_day(self, column: str) -> dt.time | None:
        """A separate time-of-day column ("14:30", a time cell, a fraction of a day)."""
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, dt.time):
            return value.replace(second=0, microsecond=0)
        if isinstance(value, float) and 0 <= value < 1:
            minutes = round(value * 24 * 60)
            return dt.time(minutes // 60 % 24, minutes % 60)
        found = re.fullmatch(r"\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?\s*", clean_text(value))
        if found and int(found.group(1)) < 24 and int(found.group(2) or 0) < 60:
            return dt.time(int(found.group(1)), int(found.group(2) or 0))
        self.problem(column, tr("“{value}”不是时间,应为 HH:MM,例如 14:30", value=clean_text(value)[:20]))
        return None

    def choice(
        self, column: str, allowed: list[str], default: str = "", words: dict[str, str] | None = None
    ) -> str:
        value = self.text(column)
        if not value:
            return default
        known = ledger_columns.read_word(value, allowed, words or {})
        if known is None:
            context = CHOICE_CONTEXTS.get(column, "")
            self.problem(
                column,
                tr("“{value}”不在可选项中:{choices}", value=value[:20], choices=choices(allowed, context)),
            )
            return value
        return known

    def phone(self, column: str) -> str:
        value = self.raw(column)
        if isinstance(value, float):
            # A phone typed as a number: Excel kept it as a floating-point value, which
            # may already have lost digits. Refuse it with the reason.
            self.problem(
                column,
                tr(
                    "号码被 Excel 当作数字存过({value:g}),可能已丢失数字,请把该列设为文本后重新输入",
                    value=value,
                ),
            )
            return ""
        elif isinstance(value, int) and not isinstance(value, bool):
            text = str(value)  # an exact whole number, e.g. 13812345678: fine
        else:
            text = self.text(column)
        try:
            return normalise_phone(text)
        except ValueError as exc:
            self.problem(column, str(exc))
            return ""

    def id_number(self, column: str) -> str:
        value = self.raw(column)
        if isinstance(value, float):
            self.problem(column, tr("身份证号被 Excel 当作数字,末几位已丢失,请把该列设为文本后重新输入"))
            return ""
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else self.text(column)
        try:
            return normalise_id_number(text)
        except ValueError as exc:
            if isinstance(value, int):
                self.problem(
                    column, tr("身份证号被 Excel 当作数字,末几位可能已丢失,请把该列设为文本后重新输入")
                )
            else:
                self.problem(column, str(exc))
            return ""

    def room(self) -> tuple[str, str, str] | None:
        """楼栋/单元/房号 as stored, or None when the row names no room. The room may come in
        one cell: a 房屋 column ("5栋1单元1203室"), or a 房号 column without a 楼栋 column."""
        whole_column = "房屋" if "房屋" in self.columns else None
        if whole_column is None and "房号" in self.columns and "楼栋" not in self.columns:
            whole_column = "房号"
        if whole_column is not None and not (whole_column == "房屋" and "房号" in self.columns):
            text = self.text(whole_column)
            if not text:
                return None
            try:
                return ledger_columns.parse_room_text(text)
            except ValueError as exc:
                self.problem(whole_column, str(exc))
                return None
        parts: dict[str, str] = {}
        for column in ("楼栋", "单元", "房号"):
            text = ROOM_SUFFIX.sub("", self.text(column).replace(" ", ""))
            if column == "房号" and "-" in text and not parts.get("单元"):
                # "2-501" under 房号 beside a 楼栋 column: the unit and the room together.
                pieces = [p for p in text.split("-") if p]
                if len(pieces) == 2 and all(ROOM_PART.fullmatch(p) for p in pieces):
                    parts["单元"], text = pieces
            if text and not ROOM_PART.fullmatch(text):
                self.problem(column, tr("“{value}”只能是字母或数字(最多 10 位)", value=text[:20]))
            parts[column] = text
        if not any(parts.values()):
            return None
        if not parts["楼栋"]:
            self.problem("楼栋", tr("填写了单元或房号,必须同时填写楼栋"))
        if not parts["房号"]:
            self.problem("房号", tr("填写了楼栋,必须同时填写房号"))
        return parts["楼栋"], parts["单元"], parts["房号"]

    def messages(self) -> list[str]:
        out = []
        for column, reason in self.problems.items():
            where = self.label(column) if column and not column.startswith("#") else ""
            if where:
                out.append(tr("第{row}行 {column}:{reason}", row=self.number, column=where, reason=reason))
            else:
                out.append(tr("第{row}行:{reason}", row=self.number, reason=reason))
        return out

    def reason_text(self) -> str:
        return tr(";").join(
            tr("{column}:{reason}", column=self.short_label(c), reason=r)
            if c and not c.startswith("#")
            else r
            for c, r in self.problems.items()
        )


# Columns whose words read differently in a context (一般 as a satisfaction is "Neutral").
CHOICE_CONTEXTS = {"满意度": "satisfaction", "紧急程度": "urgency"}


def choices(allowed: list[str], context: str = "") -> str:
    """The words a cell may hold, as the file must write them (the source words), each with
    its reading in the chosen language when that differs: 满意(Satisfied)、不满意(Dissatisfied)."""
    return tr("、").join(
        word
        if term(word, context) == word
        else tr("{word}({meaning})", word=word, meaning=term(word, context))
        for word in allowed
    )


def yes_no(row: Row, column: str) -> bool | None:
    value = row.text(column)
    if not value:
        return None
    if value in ("是", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true", "1", "√"):
        return True
    if value in ("否", "N", "n", "NO", "No", "no", "FALSE", "False", "false", "0"):
        return False
    row.problem(column, tr("“{value}”应为 是 或 否", value=value[:10]))
    return None
