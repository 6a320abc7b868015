"""The program put together: where 回音 starts.

`app/` is the office's rules, records and services; `ui/` the windows; `reports/` the PDFs.
None of them starts the program. This package does, and is the only one that imports all
three: `python -m huiyin` (or the installed `huiyin.exe`) with no command opens the windows,
with a command runs it (`huiyin.cli`); `--selftest` proves an installed copy works
(`huiyin.selftest`); `survey …` is the satisfaction survey's commands (`huiyin.survey_cli`).
"""
