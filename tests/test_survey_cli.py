"""`survey plan|print|scan|report` through the real parser, on a real office."""

from __future__ import annotations

import pytest

from app import survey
from app.models import Room
from app.permissions import acting
from bench import survey_bench as sb
from huiyin import survey_cli


def _run(office, *argv):
    parser = survey_cli.SurveyParser(prog="python -m huiyin")
    sub = parser.add_subparsers(dest="command", parser_class=survey_cli.SurveyParser)
    survey_cli.add_parsers(sub)
    args = parser.parse_args(list(argv))
    return survey_cli.COMMANDS[args.command](args, office.data_dir, office)


def test_the_whole_cycle_from_the_command_line(office, admin, tmp_path, capsys):
    for n in range(1, 7):
        Room.create(building=str(n % 2 + 1), unit="1", number=f"{n}01")
    with acting(admin):
        assert _run(office, "survey", "plan", "--title", "2026年年中调查", "--size", "3", "--from", "2026-10-01",
                    "--to", "2026-10-15", "--leader", "李组长") == 0  # fmt: skip
        plan = survey.SurveyPlan.get()
        assert "请营运部经理批准" in capsys.readouterr().out
        assert _run(office, "survey", "plan", "--approve", str(plan.id)) == 0
        out = tmp_path / "sheets.pdf"
        assert _run(office, "survey", "print", str(plan.id), "--out", str(out)) == 0
        assert "3 份调查表" in capsys.readouterr().out
        # the printed sheets scanned back untouched: read, every row no answer
        pages = sb.render(out.read_bytes(), 150)
        scan = tmp_path / "scan.pdf"
        pages[0].convert("RGB").save(
            scan, "PDF", resolution=150, save_all=True, append_images=[p.convert("RGB") for p in pages[1:]]
        )
        assert _run(office, "survey", "scan", str(plan.id), str(scan)) == 0
        text = capsys.readouterr().out
        assert "回收 3/3 份,回收率 100.0%" in text
        assert _run(office, "survey", "scan", str(plan.id), str(tmp_path / "missing.pdf")) == 2
        assert "找不到文件" in capsys.readouterr().err
        pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
        assert (
            _run(
                office, "survey", "report", str(plan.id), "--pdf", str(pdf), "--xlsx", str(xlsx), "--actions"
            )
            == 0
        )
        assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
        assert _run(office, "survey", "plan") == 0
        assert "回收率 100.0%" in capsys.readouterr().out
        assert _run(office, "survey", "plan", "--close", str(plan.id)) == 0
        assert survey.SurveyPlan.get().state == survey.CLOSED


def test_bad_arguments_are_told_in_chinese(office, capsys):
    with pytest.raises(SystemExit) as caught:
        _run(office, "survey", "plan", "--from", "10/1")
    assert caught.value.code == 2
    assert "2026-10-01" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(office, "survey", "print")
    assert "--out" in capsys.readouterr().err
