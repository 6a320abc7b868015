"""`python -m bench [--cases N] [--json FILE]`: build or reuse the database, measure, report."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Generator version: bump when generate.py changes what it writes, so old caches are not reused.
GENERATOR_VERSION = 2  # 2: the audit trail written (bench/audit_trail.py)
DEFAULT_CACHE = Path(os.environ.get("HUIYIN_BENCH_CACHE", Path.home() / ".cache" / "huiyin-bench"))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description="回音 performance benchmark")
    p.add_argument("--cases", type=int, default=200_000, help="cases in the database (default 200000)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--runs", type=int, default=7, help="runs per in-process measure (median)")
    p.add_argument("--cold-runs", type=int, default=5, help="cold-start processes (median)")
    p.add_argument("--ledger-rows", type=int, default=20_000)
    p.add_argument("--ledger-runs", type=int, default=3)
    p.add_argument(
        "--owner-rows", type=int, default=10_000, help="rows of the owners list imported (default 10000)"
    )
    p.add_argument(
        "--scan-pages", type=int, default=100, help="scanned forms matched per batch (default 100)"
    )
    p.add_argument(
        "--print-forms", type=int, default=100, help="pre-filled forms sent to the CUPS printer (default 100)"
    )
    p.add_argument("--json", type=Path, help="write the results here")
    p.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    p.add_argument("--rebuild", action="store_true", help="build the database again even if cached")
    return p.parse_args(argv)


def cached_database(args: argparse.Namespace, today: dt.date) -> tuple[Path, dict[str, object]]:
    """The data folder for (cases, seed), built for today (deadlines and 'overdue' run against today)."""
    from bench.generate import build

    key = f"cases{args.cases}-seed{args.seed}-v{GENERATOR_VERSION}"
    folder = args.cache_dir / f"{key}-{today:%Y%m%d}"
    meta_file = folder / "bench.json"
    if meta_file.exists() and not args.rebuild:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["reused"] = True
        return folder, meta
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    for old in args.cache_dir.glob(f"{key}-*"):  # yesterday's copy of this scale is stale
        shutil.rmtree(old, ignore_errors=True)
    building = args.cache_dir / f"{key}.building"
    shutil.rmtree(building, ignore_errors=True)
    print(f"building a database of {args.cases:,} cases (seed {args.seed}) …", flush=True)
    built = build(building, cases=args.cases, seed=args.seed)
    from app.office import Office
    from bench import generate
    from bench.audit_trail import add_trail

    trail_started = time.perf_counter()
    office = Office.login(building, generate.ADMIN, generate.ADMIN_PASSWORD)
    try:
        trail_entries = add_trail(progress=False)
    finally:
        office.close()
    trail_seconds = time.perf_counter() - trail_started
    meta = {
        "cases": args.cases,
        "seed": args.seed,
        "now": built.now.isoformat(),
        "seconds": round(built.seconds + trail_seconds, 1),
        "counts": {**built.counts, "audit_entries": trail_entries},
        "size_mb": round((building / "huiyin.sqlite3").stat().st_size / 2**20, 1),
    }
    (building / "bench.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    building.rename(folder)
    meta["reused"] = False
    return folder, meta


def _pad(text: str, width: int) -> str:
    """Left-justify counting CJK characters as two columns, cut to `width`."""
    out, used = "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E80 else 1
        if used + w > width:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def table(results: list[dict[str, object]]) -> str:
    lines = [f"{'measure':58} {'value':>10} {'target':>9} {'floor':>9} {'ratio':>6} {'≤':>4}  ok"]

    def num(v: object, unit: str = "") -> str:
        if v is None:
            return "—"
        return f"{v:,.2f}{unit}" if isinstance(v, float) and abs(v) < 10 else f"{v:,.1f}{unit}"

    for r in results:
        if "value_mb" in r:
            value, target, floor, ratio, tr = (
                num(r["value_mb"], "MB"),
                num(r["target_mb"], "MB"),
                "—",
                "—",
                "—",
            )
            ok = None if r["target_mb"] is None else r["value_mb"] <= r["target_mb"]  # type: ignore[operator]
        else:
            value, target = num(r["value_ms"]), num(r["target_ms"])
            floor, ratio, tr = num(r["floor_ms"]), num(r["ratio"]), num(r["target_ratio"])
            checks = []
            if r["target_ms"] is not None:
                checks.append(r["value_ms"] <= r["target_ms"])  # type: ignore[operator]
            if r["ratio"] is not None and r["target_ratio"] is not None:
                checks.append(r["ratio"] <= r["target_ratio"])  # type: ignore[operator]
            ok = all(checks) if checks else None
        mark = "—" if ok is None else ("yes" if ok else "MISS")
        lines.append(
            f"{_pad(str(r['name']), 58)} {value:>10} {target:>9} {floor:>9} {ratio:>6} {tr:>4}  {mark}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.keyring import KeyRing
    from app.office import Office
    from bench import generate, measures

    started = time.perf_counter()
    today = dt.date.today()
    folder, meta = cached_database(args, today)
    print(
        f"database: {folder} ({'reused' if meta['reused'] else 'built'}; generator {meta['seconds']} s, "
        f"{meta.get('size_mb')} MB)",
        flush=True,
    )
    results: list[measures.Measure] = []
    with tempfile.TemporaryDirectory(prefix="huiyin-bench-") as tmp:
        # Measures that write (intake, form numbers) work on a copy: the cache stays as built.
        work = Path(tmp) / "work"
        work.mkdir()
        shutil.copyfile(measures.db_file(folder), measures.db_file(work))
        shutil.copyfile(KeyRing.path_in(folder), KeyRing.path_in(work))  # the office key's slots
        print("cold start …", flush=True)
        results.extend(measures.cold_start(work, args.cold_runs))
        office = Office.login(work, generate.ADMIN, generate.ADMIN_PASSWORD)
        bench = measures.Bench(office, measures.db_file(work), args.runs)
        try:
            print("intake, case list, calendar, forms, quarterly …", flush=True)
            results.append(bench.intake())
            results.extend(bench.case_list())
            results.extend(bench.calendar())
            from bench.calendar_draw import month_draw

            results.extend(month_draw(office, today, args.runs))
            from bench.table_refill import table_refills

            results.extend(table_refills(office, today, args.runs))
            from bench.list_speed import list_speed

            print("case list: typing, sorting, quick filters, refresh …", flush=True)
            results.extend(list_speed(office, args.runs))
            from bench.audit_window import audit_window_measures

            print("审计记录 window and chain check …", flush=True)
            results.extend(audit_window_measures(office, args.runs))
            results.extend(bench.forms(blank_runs=max(1, min(3, args.runs))))
            results.extend(bench.quarterly(pdf_runs=max(1, min(3, args.runs))))
            print(f"{args.print_forms} pre-filled forms to the printer …", flush=True)
            from bench.printjob import print_job_measures

            results.extend(print_job_measures(work, count=args.print_forms, runs=max(1, min(3, args.runs))))
            print("scanned forms matched …", flush=True)
            from bench.scan_bench import scan_import

            results.extend(scan_import(office, bench.admin, args.scan_pages))
            print("the window's thread during long jobs …", flush=True)
            from bench.window_stall import job_stalls

            results.extend(job_stalls(office, bench.admin, Path(tmp), backups=args.cases <= 50_000))
        finally:
            bench.close()
            office.close()
        print("the window's peak memory, page by page …", flush=True)
        from bench.memory import memory_measures

        results.extend(memory_measures(work))
        print("check's signatures and export-cases, each in its own process …", flush=True)
        from bench.check_export import check_export_measures

        results.extend(check_export_measures(work))
    print("ledger import …", flush=True)
    results.append(measures.ledger_import(args.ledger_rows, args.ledger_runs, args.seed, dt.datetime.now()))
    print("imports while a clerk saves …", flush=True)
    from bench.imports import import_measures

    results.extend(import_measures(args.owner_rows, args.ledger_rows, args.seed, dt.datetime.now()))
    out = {
        "cases": args.cases,
        "seed": args.seed,
        "generator_seconds": meta["seconds"],
        "database_reused": meta["reused"],
        "database_counts": meta["counts"],
        "measures": [m.to_json() for m in results],
    }
    print()
    print(table(out["measures"]))  # type: ignore[arg-type]
    print(
        f"\n{args.cases:,} cases; generator {meta['seconds']} s; benchmark {time.perf_counter() - started:.0f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
