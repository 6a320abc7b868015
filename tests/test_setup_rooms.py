"""Rooms typed as ranges: each format, each refusal, and the insert."""

import pytest

from app.errors import ValidationError
from app.models import AuditEntry, Room
from app.setup_rooms import MAX_ROOMS, create_rooms, parse_list, plan, preview
from app.validation import parse_room


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-12", [str(n) for n in range(1, 13)]),
        ("1–12", [str(n) for n in range(1, 13)]),
        ("1~12", [str(n) for n in range(1, 13)]),
        ("1至3", ["1", "2", "3"]),
        ("1,3,5-7", ["1", "3", "5", "6", "7"]),
        ("1,3、5 - 7", ["1", "3", "5", "6", "7"]),
        ("A,B,C", ["A", "B", "C"]),
        ("A-D", ["A", "B", "C", "D"]),
        ("S1-S3", ["S1", "S2", "S3"]),
        ("1栋-3栋", ["1", "2", "3"]),
        ("2号楼,5幢", ["2", "5"]),
        ("01-03", ["01", "02", "03"]),
        ("3,1-3", ["3", "1", "2"]),  # each once, in the order typed
        ("", []),
    ],
)
def test_buildings(text, expected):
    assert parse_list(text, "楼栋") == expected


def test_units_and_none():
    assert parse_list("1-3单元", "单元") == ["1", "2", "3"]
    assert plan("1", "", "101").units == [""]


def test_rooms_floors_times_rooms():
    rooms = parse_list("101-1804", "房号")
    assert len(rooms) == 18 * 4
    assert rooms[:5] == ["101", "102", "103", "104", "201"]
    assert rooms[-1] == "1804"
    assert "1001" in rooms


def test_rooms_four_digit_style_keeps_leading_zero():
    rooms = parse_list("0101-1804", "房号")
    assert rooms[:2] == ["0101", "0102"]
    assert "0904" in rooms and "1001" in rooms
    assert rooms[-1] == "1804"


def test_rooms_explicit_list_and_short_range():
    assert parse_list("101,102,201室", "房号") == ["101", "102", "201"]
    assert parse_list("1-6", "房号") == ["1", "2", "3", "4", "5", "6"]
    assert parse_list("101-104, 1901-1902", "房号") == ["101", "102", "103", "104", "1901", "1902"]


def test_preview_counts_and_samples():
    result = preview("1-12", "1-3", "101-1804")
    assert result.count == 12 * 3 * 72
    assert result.sample() == ["1-1-101", "1-1-102", "1-1-103", "…", "12-3-1804"]
    assert result.describe() == "将生成 2,592 户:1-1-101、1-1-102、1-1-103 … 12-3-1804"
    small = preview("A", "", "101-102")
    assert small.sample() == ["A-101", "A-102"]
    assert small.describe() == "将生成 2 户:A-101、A-102"


def test_every_label_parses_back():
    result = plan("A,S1-S2", "1-2", "0101-0302")
    for index in range(result.count):
        building, unit, number = parse_room(result.label(index))
        assert (building, unit, number) in set(result.rooms())


@pytest.mark.parametrize(
    ("fields", "key", "words"),
    [
        (("商铺", "", "101"), "楼栋", "只能是字母或数字"),
        (("1-12", "一单元", "101"), "单元", "只能是字母或数字"),
        (("12-1", "", "101"), "楼栋", "起止颠倒"),
        (("C-A", "", "101"), "楼栋", "起止不对"),
        (("A-3", "", "101"), "楼栋", "不是一个范围"),
        (("S1-T3", "", "101"), "楼栋", "不是一个范围"),
        (("1-", "", "101"), "楼栋", "缺少起止"),
        (("1", "", "1804-101"), "房号", "楼层起止颠倒"),
        (("1", "", "104-1801"), "房号", "每层户号起止颠倒"),
        (("1", "", "100-1804"), "房号", "从 01 起"),
        (("1", "", "1-1-101"), "房号", "不是一个范围"),
        (("1", "", "12345678901"), "房号", "最多 10 位"),
        (("", "", "101"), "楼栋", "必须填写"),
        (("1", "", ""), "房号", "必须填写"),
        (("1-100", "1-10", "101-3304"), "总数", "超过 50,000 户"),
        (("1-99999999", "", "101"), "楼栋", "太多"),
        (("1", "", "101-999999"), "房号", "太多"),
    ],
)
def test_bad_input_names_the_field(fields, key, words):
    with pytest.raises(ValidationError) as caught:
        preview(*fields)
    assert key in caught.value.problems
    assert words in caught.value.problems[key]


def test_every_reason_at_once():
    with pytest.raises(ValidationError) as caught:
        plan("商铺", "12-1", "")
    assert set(caught.value.problems) == {"楼栋", "单元", "房号"}


def test_limit_is_inclusive():
    assert preview("1-50", "", "1-1000").count == MAX_ROOMS


def test_create_rooms_skips_existing(office):
    Room.create(building="1", unit="1", number="101")
    before = AuditEntry.select().count()
    created, skipped = create_rooms("1-2", "1-3", "101-602")
    assert (created, skipped) == (2 * 3 * 12 - 1, 1)
    assert Room.select().count() == 72
    assert Room.get_or_none(building="2", unit="3", number="602") is not None
    assert AuditEntry.select().count() == before + 71  # one 新建 entry for each room added
    assert create_rooms("1-2", "1-3", "101-602") == (0, 72)
    assert AuditEntry.select().count() == before + 71


def test_create_rooms_refuses_bad_input_and_writes_nothing(office):
    with pytest.raises(ValidationError):
        create_rooms("1-12", "", "1804-101")
    assert Room.select().count() == 0
