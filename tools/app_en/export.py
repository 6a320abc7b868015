"""The program's own export of the cases (app/ledger/export.py) and what it says."""

EN: dict[str, str] = {
    "导出已取消,没有写出文件。": "Export cancelled: no file was written.",
}
