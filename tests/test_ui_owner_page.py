"""业主档案's list refilled as the clerk types, ticks 含已迁出 or refreshes: the old rows go
first and the cells are set into empty rows (filled in place, a column sizing to its contents
measured every row again for each cell: seconds frozen at a few hundred rows)."""

import pytest
from PySide6.QtWidgets import QHeaderView

from app.models import Owner, Room
from ui.owner_page import OwnerPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def owners(office):
    for building in ("1", "2"):
        for n in range(1, 13):
            room = Room.create(building=building, unit="1", number=f"{n}01")
            Owner.create(room=room, name=f"业主{building}{n:02d}", phone=f"1381234{building}{n:03d}")
    gone = Room.create(building="1", unit="2", number="101")
    Owner.create(room=gone, name="迁出户", phone="13900001111", active=False)


def texts(table):
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_list_is_emptied_before_it_is_filled_again(qtbot, office, admin, owners):
    page = OwnerPage(office.owner_files, office.trail, admin)
    qtbot.addWidget(page)
    page.show()
    table, header = page.table, page.table.horizontalHeader()
    assert table.rowCount() == 24
    shown = texts(table)
    assert shown[0][:2] == ["1-1-101", "业主101"] and shown[0][3].count("*") == 4  # masked

    model = table.model()
    events: list[tuple] = []
    model.rowsRemoved.connect(lambda _p, first, last: events.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: events.append(("inserted", first, last)))
    model.dataChanged.connect(
        lambda *_a: events.append(
            ("cell", header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents)
        )
    )

    page.refresh()  # the same rows again
    assert texts(table) == shown
    assert events[:2] == [("removed", 0, 23), ("inserted", 0, 23)]
    assert events[2:] and set(events[2:]) == {("cell", False)}  # cells set into the new, empty rows

    events.clear()
    page.include_inactive.setChecked(True)  # one more: the moved-out household
    assert table.rowCount() == 25
    assert any(row[1] == "迁出户" and row[2].endswith("(已迁出)") for row in texts(table))
    assert events[:2] == [("removed", 0, 23), ("inserted", 0, 24)]

    events.clear()
    page.include_inactive.setChecked(False)
    page.search.setText("2-1")
    page.refresh()  # as the search timer would
    assert [row[0] for row in texts(table)] == [f"2-1-{n}01" for n in range(1, 13)]
    assert events[0] == ("removed", 0, 24)
    # The columns are measured once, after the fill: the room column fits its text.
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)
