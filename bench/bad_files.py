"""Bad files (issue 13 item 7): how fast and in how little memory a hostile spreadsheet is
refused, and what the check costs a good one.

`python -m bench.bad_files [--ledger-rows N]` prints the figures; `measures()` returns them
as `bench.measures.Measure` for `python -m bench`.

Each refusal runs in a fresh Python process, so that its peak memory (the process's maximum
resident size, and tracemalloc's peak of what Python allocated during the call) is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.measures import ROOT, Measure, write_ledger

# One child process: import, then refuse the file (peak memory of the call itself).
_CHILD = """
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from app.errors import UserError
from app.ledger.owner_import import read_owner_sheet
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
t = time.perf_counter()
try:
    read_owner_sheet(Path(sys.argv[2]))
    words = ""
except UserError as exc:
    words = str(exc)
seconds = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "traced_peak_mb": peak / 2**20, "rss_before_mb": before / 1024,
                  "rss_after_mb": after / 1024, "words": words}, ensure_ascii=False))
"""


def huge_cell_file(path: Path, chars: int = 1_500_000) -> Path:
    """An owners list whose 备注 cell holds `chars` characters, written as Excel writes texts
    (a shared string); no program that writes .xlsx through a library would let it through."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    header = ["楼栋", "单元", "房号", "姓名", "联系电话", "备注"]
    row = ["1", "1", "101", "张三", "13800138000", "长" * chars]
    strings = header + row
    cells = "".join(
        f'<row r="{r + 1}">'
        + "".join(f'<c r="{chr(65 + c)}{r + 1}" t="s"><v>{r * 6 + c}</v></c>' for c in range(6))
        + "</row>"
        for r in range(2)
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        "</Types>",
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="业主名册" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def refusal(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def check_cost(rows: int) -> tuple[float, float]:
    """(seconds of `check_xlsx`, seconds of reading the same ledger) for a good ledger of `rows`
    rows: what the check adds to every import."""
    from app import xlsx_check
    from app.ledger.rows import read_ledger_sheet

    with tempfile.TemporaryDirectory(prefix="huiyin-badfiles-") as tmp:
        path = Path(tmp) / "台账.xlsx"
        write_ledger(path, rows, 2026, dt.datetime.now())
        times = []
        for _ in range(3):
            xlsx_check._passed.clear()  # the check is remembered for a file that passed: time it afresh
            t = time.perf_counter()
            xlsx_check.check_xlsx(path)
            times.append(time.perf_counter() - t)
        check = statistics.median(times)
        xlsx_check._passed.clear()
        t = time.perf_counter()
        read_ledger_sheet(path)  # the check again, then openpyxl's read
        read = time.perf_counter() - t
    return check, read


def measures(ledger_rows: int = 20_000) -> list[Measure]:
    out = []
    with tempfile.TemporaryDirectory(prefix="huiyin-badfiles-") as tmp:
        result = refusal(huge_cell_file(Path(tmp) / "huge.xlsx"))
    assert "150 万字" in str(result["words"]), result  # refused, in words
    out.append(
        Measure(
            "xlsx with a 1.5 MB cell: refused",
            round(float(result["seconds"]) * 1000, 1),  # type: ignore[arg-type]
            runs=1,
            note=f"issue 13 found 43 s and 3.1 GB; words: {result['words']}",
        )
    )
    out.append(
        Measure(
            "xlsx with a 1.5 MB cell: Python's peak allocation while refusing (tracemalloc)",
            value_mb=round(float(result["traced_peak_mb"]), 2),  # type: ignore[arg-type]
            target_mb=64.0,
            runs=1,
        )
    )
    out.append(
        Measure(
            "xlsx with a 1.5 MB cell: process peak RSS after refusing (imports included)",
            value_mb=round(float(result["rss_after_mb"]), 1),  # type: ignore[arg-type]
            runs=1,
            note=f"{float(result['rss_before_mb']):.1f} MB before the call",  # type: ignore[arg-type]
        )
    )
    check, read = check_cost(ledger_rows)
    out.append(
        Measure(
            f"xlsx check before import, good ledger of {ledger_rows:,} rows",
            round(check * 1000, 1),
            ratio=round(check / read, 2),
            runs=3,
            note=f"ratio: the check's share of reading the sheet ({read:.2f} s with the check)",
        )
    )
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bad_files")
    p.add_argument("--ledger-rows", type=int, default=20_000)
    args = p.parse_args(argv)
    for m in measures(args.ledger_rows):
        print(json.dumps(m.to_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
