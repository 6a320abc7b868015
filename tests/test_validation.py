import datetime as dt

import pytest

from app.validation import clean_text, normalise_id_number, normalise_phone, parse_datetime, parse_room


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3-2-501", ("3", "2", "501")),
        ("3栋2单元501", ("3", "2", "501")),
        ("3栋-2单元-501室", ("3", "2", "501")),
        ("12-0801", ("12", "", "0801")),
        ("A座-1-1201", ("A", "1", "1201")),
        (" 3 2 501 ", ("3", "2", "501")),
    ],
)
def test_rooms(raw, expected):
    assert parse_room(raw) == expected


@pytest.mark.parametrize("raw", ["", "三栋", "3-2-501-9", "3--", "🏠-1-1"])
def test_bad_rooms(raw):
    with pytest.raises(ValueError, match="房号格式"):
        parse_room(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 139-1234-5678", "13912345678"),
        ("021-62345678", "021-62345678"),
        ("0755-86013388", "0755-86013388"),
        ("", ""),
    ],
)
def test_phones(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("12345678901", "号段"),
        ("13812345678.0", ".0"),
        ("1.38123E+10", "科学计数法"),
        ("电话", "只能含数字"),
    ],
)
def test_bad_phones(raw, reason):
    with pytest.raises(ValueError, match=reason):
        normalise_phone(raw)


def test_id_numbers():
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"
    with pytest.raises(ValueError, match="校验位"):
        normalise_id_number("110105194912310021")
    with pytest.raises(ValueError, match="Excel"):
        normalise_id_number("1.10105E+17")


def test_datetimes():
    assert parse_datetime("2026-09-01 08:05") == dt.datetime(2026, 9, 1, 8, 5)
    assert parse_datetime("2026/9/1") == dt.datetime(2026, 9, 1)
    assert parse_datetime(dt.date(2026, 9, 1)) == dt.datetime(2026, 9, 1)
    for bad in ["", "昨天", "2026-02-30 10:00", "1899-01-01", "2100-01-01"]:
        with pytest.raises(ValueError):
            parse_datetime(bad)


def test_clean_text_drops_direction_marks_and_controls():
    assert clean_text("\u202e漏水\x00 ") == "漏水"
