"""The Excel case ledger (案件台账) and owners list (业主名册): import and export.

- `columns`: the synonym table (日期→受理时间, 投诉人→客户姓名, 投诉事由→内容 …) and how
  offices type values (a room in one cell, "2026.9.5" or "9月4日", 满意/不满意 in words);
- `sheet`: reading a sheet (the header row among the first ten rows, each column to a field)
  and writing cells (text cells, the rejected file);
- `rows`: a case ledger's row read as a case and what it went through, each problem named as
  ``第N行 列“日期”(受理时间):…`` (N is the spreadsheet's own row number);
- `case_import`: `import_ledger`, one transaction through `CaseService` (`create_many`): a
  file with any bad row imports nothing; with `skip_invalid` the good rows go in and the bad
  ones are written, with a 错误原因 column, to ``name.rejected.xlsx`` beside the file;
- `owner_import`: `import_owners`;
- `preview`: `preview_file`, the first rows as they will be read, before anything is written,
  and the column mapping remembered per header row;
- `export`: `export_cases`, the program's own export, which comes back whole: after the 25
  ledger columns it writes `LEDGER_EXTRA_HEADERS` (案件号, deadlines, closing and voiding,
  the visit sample), and sheets 回访, 重大投诉报告, 回访记录表 (the form ledger) and 公开信;
  `restore` reads those back. A file with the 案件号 column is read as such an export; any
  other file (an older 25-column export, an office's own sheet) imports as before;
- `import_report`: `ImportReport`, what an import or export did.

Identity on export (编号): a case with its own office number exports it; a case without
one exports its case number instead, so every exported row carries a unique 编号. Importing
that file twice is then refused row by row (编号/案件号已被使用) instead of silently doubling
the cases.
"""
