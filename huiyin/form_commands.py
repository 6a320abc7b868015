"""The paper's commands: numbered forms printed (to a CUPS printer or a PDF), scanned back,
archived and destroyed; the quarterly report; the satisfaction survey. These put `app` and
`reports` together, as the windows do."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError, ValidationError, write_bytes
from app.i18n import N_, term, tr
from huiyin.login import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, open_office

if TYPE_CHECKING:
    from app.models import FormSheet, Staff


def cmd_form(args: argparse.Namespace, data_dir: Path) -> int:
    """form visit|blank: the numbers are reserved, then confirmed when the printer has printed
    the job (or the PDF is written), voided with the reason when it fails or is interrupted
    (Ctrl+C); exit 1 then. form ledger: a PDF."""
    if args.form_command == "scan":
        return cmd_form_scan(args, data_dir)
    if args.form_command == "archive":
        return cmd_form_archive(args, data_dir)
    if args.form_command == "destroy":
        return cmd_form_destroy(args, data_dir)
    from app.forms import SAVED_AS_PDF
    from app.print_jobs import run_print_job, write_pdf
    from reports.printing import Printouts

    office = open_office(data_dir)
    try:
        printouts = Printouts(office)
        if args.form_command == "ledger":
            if args.start and args.end and args.end < args.start:
                raise UserError(
                    tr(
                        "截止日期不能早于起始日期({start:%Y-%m-%d} 至 {end:%Y-%m-%d})",
                        start=args.start,
                        end=args.end,
                    )
                )
            write_pdf(args.pdf, printouts.ledger_pdf(args.start, args.end))
            print(tr("已写入 {pdf}", pdf=args.pdf))
            return EXIT_OK
        if args.pdf and args.form_command in ("visit", "blank"):
            from app.print_jobs import check_pdf_target

            check_pdf_target(args.pdf, 1 if args.form_command == "visit" else args.count)
        if args.form_command == "visit":
            visits = [printouts.visit_by_id(args.visit)]
            end = run_print_job(lambda: printouts.visit_forms_job(visits), _sender(args))
        else:
            end = run_print_job(lambda: printouts.blank_forms_job(args.count), _sender(args))
    finally:
        office.close()
    numbers = ", ".join(end.numbers)
    if end.ok:
        if end.printer == SAVED_AS_PDF and numbers:
            print(tr("已写入 {pdf},编号 {numbers} 记为已打印", pdf=args.pdf, numbers=numbers))
        elif end.printer == SAVED_AS_PDF:
            print(tr("已写入 {pdf}", pdf=args.pdf))
        elif numbers:
            print(
                tr(
                    "已送往打印机 {printer} 并打印完成,编号 {numbers} 记为已打印",
                    printer=end.printer,
                    numbers=numbers,
                )
            )
        else:
            print(tr("已送往打印机 {printer} 并打印完成", printer=end.printer))
        return EXIT_OK
    if end.cancelled:
        if numbers:
            print(
                tr("已取消打印。编号 {numbers} 已作废(已取消),不会再使用。", numbers=numbers), file=sys.stderr
            )
        else:
            print(tr("已取消打印。"), file=sys.stderr)
        return EXIT_FAILED
    assert end.failed is not None
    print(tr("错误:{message}", message=end.failed), file=sys.stderr)
    if not end.failed.reason:  # refused before any number was taken (bad input)
        return EXIT_BAD_INPUT
    if numbers:
        print(
            tr(
                "编号 {numbers} 已作废(打印失败:{reason}),不会再使用。",
                numbers=numbers,
                reason=term(end.failed.reason),
            ),
            file=sys.stderr,
        )
    return EXIT_FAILED


def cmd_form_scan(args: argparse.Namespace, data_dir: Path) -> int:
    """form scan FILE...: a line per page (file and page, the form matched, or why not).

    Exit 0 when every page was matched, 1 when some were not (refused, or left for matching
    by hand in the program), 2 when a file could not be read at all."""
    from app.form_scans import FormScans, import_scans

    office = open_office(data_dir)
    try:
        batch = import_scans(
            args.files,
            FormScans(office.forms),
            on_outcome=lambda o: print(o.line(), file=sys.stderr if o.page == 0 else sys.stdout, flush=True),
        )
    finally:
        office.close()
    print(batch.summary())
    if batch.bad_files:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if batch.unmatched else EXIT_OK


def _sender(args: argparse.Namespace) -> Callable[[bytes, Callable[[], None]], str]:
    """How the command line hands the PDF on: to a CUPS printer (waiting until it has printed
    it), or into a file. Returns the printer it reached."""
    from app.forms import SAVED_AS_PDF
    from app.print_jobs import Cups, CupsJob, PrintFailed, PrintOptions, cups_unavailable, write_pdf

    def to_printer(pdf: bytes, alive: Callable[[], None]) -> str:
        if not Cups.installed():
            if sys.platform == "win32":
                raise PrintFailed(
                    tr(
                        "命令行只能送往 CUPS 打印服务的打印机。请用 --pdf 保存后打印,或在程序窗口中点“打印…”。"
                    ),
                    tr("没有打印服务"),
                )
            raise cups_unavailable()
        options = PrintOptions(
            printer=args.printer, copies=1, title=tr("回音 {command}", command=args.form_command)
        )
        CupsJob(Cups(), pdf, options).run(progress=lambda _text: alive())
        return str(args.printer)

    def to_file(pdf: bytes, _alive: Callable[[], None]) -> str:
        write_pdf(args.pdf, pdf)
        return SAVED_AS_PDF

    return to_printer if args.printer else to_file


def cmd_report(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from app.periods import Period

    if not 1 <= args.quarter <= 4:
        raise UserError(tr("季度只能是 1 到 4,收到 {quarter}", quarter=args.quarter))
    if not 2000 <= args.year <= 2099:
        raise UserError(tr("年份 {year} 不在 2000 至 2099 之间", year=args.year))
    period = Period.quarter(args.year, args.quarter)
    office = open_office(data_dir)
    try:
        report = office.quarterly(period)
        if args.json:
            write_bytes(
                args.json, json.dumps(report.current.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
            )
        if args.pdf:
            from reports.quarterly import QuarterlyReport

            write_bytes(args.pdf, QuarterlyReport(office.name, report).generate())
        if args.xlsx:
            from app.stats_export import write_xlsx

            write_xlsx(report, args.xlsx)
    finally:
        office.close()
    s = report.current
    complaints = s.visit_stats["投诉"]
    rate = f"{complaints.visit_rate:.1%}" if complaints.due else "—"
    print(
        tr(
            "{label} {range_text}:受理 {received} 件,"
            "办结率 {resolution_rate:.1%},逾期 {overdue} 件,"
            "投诉回访率 {rate}(应回访 {due} 件,已回访 {visited} 件),"
            "重复投诉 {complaints} 组,重复维修 {repairs} 组",
            label=period.label,
            range_text=s.period.range_text,
            received=sum(s.cases_received.values()),
            resolution_rate=s.resolution_rate,
            overdue=s.overdue,
            rate=rate,
            due=complaints.due,
            visited=complaints.visited,
            complaints=len(s.repeat_complaints),
            repairs=len(s.repeat_repairs),
        )
    )
    late = [n for k in s.visit_stats.values() for n in k.late_cases]
    if late:
        print(tr("应访未访 {count} 件:{late}", count=len(late), late=tr("、").join(late)))
    if s.period.through is not None:
        p = report.previous.period
        print(
            tr(
                "本期尚未结束,与{label}同期前 {days} 天({start:%Y-%m-%d} 至 {last_day:%Y-%m-%d})比较",
                label=p.label,
                days=p.days,
                start=p.start,
                last_day=p.last_day,
            )
        )
    return EXIT_OK


def _form_line(form: FormSheet) -> str:
    from app.forms import FormLedger, closed_on

    when = closed_on(form)
    flag = FormLedger.flags(form)
    return "  ".join(
        part
        for part in (
            form.number,
            term(form.state) + (f"·{term(flag)}" if flag else ""),
            f"{when:%Y-%m-%d}" if when else "",
            form.taken_by_name,
            form.visit_item,
        )
        if part
    )


def cmd_form_archive(args: argparse.Namespace, data_dir: Path) -> int:
    """form archive --quarter 2026Q3 [--list]: the quarter's forms to file, then the batch marked.

    The archivist is the person logged in, unless --by names another person of the staff list
    (who filed the paper)."""
    from app.forms import quarter_label
    from app.validation import clean_text

    office = open_office(data_dir)
    try:
        listing = office.forms.quarter_archive(args.quarter)
        label = quarter_label(listing.quarter)
        actor = _staff_named(args.by) if clean_text(args.by) else office.user
        print(
            tr(
                "{label}:待归档 {count} 份(交回或作废),"
                "{opens:%Y-%m-%d} 起可归档,须在 {deadline:%Y-%m-%d} 前完成",
                label=label,
                count=len(listing.to_file),
                opens=listing.opens,
                deadline=listing.deadline,
            )
        )
        for form in listing.to_file:
            print(f"  {_form_line(form)}")
        for batch in listing.batches:
            print(
                tr(
                    "已归档:{archived_at:%Y-%m-%d %H:%M} {archived_by} {form_count} 份 {remarks}",
                    archived_at=batch.archived_at,
                    archived_by=batch.archived_by,
                    form_count=batch.form_count,
                    remarks=batch.remarks,
                )
            )
        if listing.still_out:
            print(
                tr(
                    "尚未交回 {count} 份(不影响本次归档,交回或作废后随那个季度归档):",
                    count=len(listing.still_out),
                )
            )
            for form in listing.still_out:
                print(f"  {_form_line(form)}")
        if args.list:
            return EXIT_OK
        batch = office.forms.archive(listing.quarter, actor, [f.id for f in listing.to_file], args.remarks)
        print(
            tr(
                "已归档 {form_count} 份({label}),归档人 {archived_by},{archived_at:%Y-%m-%d %H:%M}",
                form_count=batch.form_count,
                label=label,
                archived_by=batch.archived_by,
                archived_at=batch.archived_at,
            )
        )
    finally:
        office.close()
    return EXIT_OK


def cmd_form_destroy(args: argparse.Namespace, data_dir: Path) -> int:
    """form destroy [--before DATE] [--list]: forms past their keeping period, then who destroyed
    which of them and when. Nothing is destroyed by the program: this records what a person did."""
    from app.validation import clean_text

    office = open_office(data_dir)
    try:
        listed = office.forms.destroyable(args.before)
        years = office.forms.keep_years()
        print(tr("保管期({years} 年)已满、可以销毁的表单 {count} 份:", years=years, count=len(listed)))
        for item in listed:
            print(
                tr(
                    "  {form_line}  {quarter} 归档,保管至 {keep_until:%Y-%m-%d}",
                    form_line=_form_line(item.form),
                    quarter=item.quarter,
                    keep_until=item.keep_until,
                )
            )
        if args.list:
            return EXIT_OK
        if not listed and not clean_text(args.numbers):
            print(tr("没有需要登记销毁的表单。"))
            return EXIT_OK
        if not clean_text(args.by):
            raise ValidationError({N_("销毁人"): tr("登记销毁时必须用 --by 写明销毁人姓名")})
        chosen = [n for n in re.split(r"[,,\s]+", args.numbers) if n] or [i.form.number for i in listed]
        record = office.forms.record_destruction(
            chosen, args.destroyed_on or office.clock.now().date(), args.by, office.user, args.remarks
        )
        print(
            tr(
                "已登记销毁 {form_count} 份:{destroyed_on:%Y-%m-%d} 由 {destroyed_by} 销毁"
                "(登记人 {recorded_by})。台账中的记录保留,标为“已销毁”。",
                form_count=record.form_count,
                destroyed_on=record.destroyed_on,
                destroyed_by=record.destroyed_by,
                recorded_by=record.recorded_by,
            )
        )
    finally:
        office.close()
    return EXIT_OK


def _staff_named(name: str) -> Staff:
    from app.models import Staff
    from app.validation import clean_text

    person = Staff.get_or_none(Staff.name == clean_text(name))
    if person is None:
        raise UserError(tr("人员名单中没有“{name}”:请写归档人的姓名,或不填 --by", name=clean_text(name)))
    return person


def cmd_survey(args: argparse.Namespace, data_dir: Path) -> int:
    """survey plan|print|scan|report: the satisfaction survey (huiyin/survey_cli.py), as the
    person logged in."""
    from huiyin import survey_cli

    office = open_office(data_dir)
    try:
        return survey_cli.COMMANDS["survey"](args, data_dir, office)
    finally:
        office.close()
