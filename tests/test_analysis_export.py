"""What exporting the analysis records (app/office.py `analysis_exported`, no Qt): a quarter's
is archived with its measures where the person may archive; a whole month's marks that month's
summary (月度汇总) done; a few days of a month mark nothing."""

from app.dashboard import summary_key
from app.models import ReportArchive
from app.periods import Period, period_key

PDF = b"%PDF-1.4 analysis"


def test_a_quarter_is_archived_with_its_measures(office, admin, make_case):
    make_case()
    quarter = Period.quarter(2026, 3)
    office.save_measures(quarter, "加强夜间巡逻", actor=admin)
    office.analysis_exported(office.quarterly(quarter), PDF, admin)
    row = ReportArchive.get(ReportArchive.period == period_key(quarter))
    assert bytes(row.pdf) == PDF and row.measures == "加强夜间巡逻" and row.archived_by == admin.name
    assert row.archived_at == office.clock.now()


def test_a_clerk_exports_a_quarter_without_archiving_it(office, admin, make_case):
    make_case()
    clerk = office.staff.save_staff(name="李客服", role="clerk")
    quarter = Period.quarter(2026, 3)
    office.analysis_exported(office.quarterly(quarter), PDF, clerk)
    assert not ReportArchive.select().where(ReportArchive.period == period_key(quarter)).exists()


def test_a_whole_month_is_its_summary_done_and_part_of_one_is_not(office, admin, make_case):
    make_case()
    office.analysis_exported(office.quarterly(Period.month(2026, 9)), PDF, admin)
    row = ReportArchive.get(ReportArchive.period == summary_key(2026, 9))
    assert bytes(row.pdf) == PDF and row.archived_by == admin.name
    days = Period.between(Period.month(2026, 8).start, Period.month(2026, 8).start.replace(day=10))
    office.analysis_exported(office.quarterly(days), PDF, admin)
    assert not ReportArchive.select().where(ReportArchive.period == summary_key(2026, 8)).exists()
