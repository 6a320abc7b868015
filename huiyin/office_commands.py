"""The office's commands: init, recover, demo, the ledger and owners in and out, the visit
schedule, backup, restore and check. Each logs in (`huiyin.login.open_office`) but init,
recover and demo into a new folder."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app import keyring
from app.errors import UserError
from app.i18n import term, tr
from huiyin.login import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    LOGIN,
    open_office,
    read_secret,
    show_recovery_key,
)


def cmd_init(args: argparse.Namespace, data_dir: Path) -> int:
    from app.keyring import KeyRing
    from app.office import SETUP_KEY, Office

    if KeyRing.exists_in(data_dir) and SETUP_KEY not in KeyRing.load(data_dir).data:
        raise UserError(
            tr("数据文件夹 {data_dir} 已初始化过。要打开它,请用 --user 登录。", data_dir=data_dir)
        )
    password = read_secret(tr("管理员密码:"), args.password_stdin or bool(LOGIN["stdin"]))
    office = Office.open(data_dir)
    try:
        admin = office.initialise(args.office, args.admin, password, args.admin_name)
        print(
            tr(
                "已初始化:{name},管理员 {username},数据文件夹 {data_dir}",
                name=office.name,
                username=admin.username,
                data_dir=data_dir,
            )
        )
        show_recovery_key(office.recovery_key)
    finally:
        office.close()
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, data_dir: Path) -> int:
    from app.office import Office

    recovery = read_secret(tr("恢复密钥:"), bool(LOGIN["stdin"]))
    password = read_secret(tr("新密码(至少 6 位):"), bool(LOGIN["stdin"]))
    office = Office.recover(data_dir, recovery, args.admin, password)
    try:
        print(tr("已为管理员 {admin} 设置新密码(已记入审计记录)。请用新密码登录。", admin=args.admin))
    finally:
        office.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    """Demo data into a new folder (no login: its administrator is admin/admin123), or into an
    office of one's own after logging in as an administrator."""
    from app.demo import DEMO_ADMIN, DEMO_ADMIN_PASSWORD, fill_demo
    from app.keyring import KeyRing
    from app.office import SETUP_KEY, Office
    from app.paths import DB_FILENAME

    new = not (data_dir / DB_FILENAME).exists() or (
        KeyRing.exists_in(data_dir) and SETUP_KEY in KeyRing.load(data_dir).data
    )
    if new:
        office = Office.open(data_dir)
    else:
        office = open_office(data_dir)
        if office.user is None or office.user.role != "admin":
            office.close()
            raise UserError(tr("只有管理员可以在已有的数据文件夹中填入演示数据。"))
    try:
        from reports.monthly_papers import PAPERS  # the month's summary and notice, as printed

        summary = fill_demo(
            office,
            seed=args.seed,
            years=args.years,
            progress=lambda text: print(text, flush=True),
            papers=PAPERS,
        )
        print(summary)
        if office.recovery_key:
            print(tr("演示数据的管理员:{user} / {password}", user=DEMO_ADMIN, password=DEMO_ADMIN_PASSWORD))
            show_recovery_key(office.recovery_key)
    finally:
        office.close()
    return EXIT_OK


def cmd_import(kind: str) -> Callable[[argparse.Namespace, Path], int]:
    def run(args: argparse.Namespace, data_dir: Path) -> int:
        from app.ledger import columns as ledger_columns
        from app.ledger.case_import import import_ledger
        from app.ledger.owner_import import import_owners
        from app.ledger.preview import LEDGER_FIELDS, OWNER_FIELDS, preview_file

        fields = LEDGER_FIELDS if kind == "ledger" else OWNER_FIELDS
        try:
            mapping = ledger_columns.parse_map_text(args.map, fields) if args.map else None
        except ValueError as exc:
            raise UserError(tr("--map 写得不对:{reason}", reason=exc)) from exc
        office = open_office(data_dir)
        try:
            preview = preview_file(office, kind, args.file, mapping, limit=0)
            unknown = sorted(set(mapping or {}) - set(preview.headers))
            if unknown:
                raise UserError(
                    tr(
                        "--map 里的列“{unknown}”在第{header_row}行的表头里没有",
                        unknown=tr("、").join(unknown),
                        header_row=preview.header_row,
                    )
                )
            print(
                tr(
                    "表头在第{header_row}行。列的对应:{mapping_text}",
                    header_row=preview.header_row,
                    mapping_text=preview.mapping_text(),
                )
            )
            if preview.default_kind:
                print(
                    tr(
                        "表中没有“性质”列,按标题全部记为“{default_kind}”",
                        default_kind=term(preview.default_kind),
                    )
                )
            importer = import_ledger if kind == "ledger" else import_owners
            report = importer(office, args.file, skip_invalid=args.skip_invalid, mapping=mapping)
        finally:
            office.close()
        print(report.summary())
        if report.problems and not report.imported:
            for problem in report.problems:
                print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        for problem in report.problems:
            print(problem, file=sys.stderr)
        for note in report.kept:
            print(note, file=sys.stderr)
        return EXIT_OK

    return run


def cmd_export_owners(args: argparse.Namespace, data_dir: Path) -> int:
    from app.owner_files import OwnerFiles

    office = open_office(data_dir)
    try:
        count = OwnerFiles().export_owners(args.file, None, include_inactive=args.include_inactive)
    finally:
        office.close()
    print(tr("已导出 {count} 人到 {file}(导出已记入审计记录)", count=count, file=args.file))
    return EXIT_OK


def cmd_export_cases(args: argparse.Namespace, data_dir: Path) -> int:
    from app.ledger.export import export_cases

    office = open_office(data_dir)
    try:
        count = export_cases(office, args.file)
    finally:
        office.close()
    print(tr("已导出 {count} 件到 {file}", count=count, file=args.file))
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from app.domain import ROLES

    office = open_office(data_dir)
    try:
        rows = office.visits.schedule()
    finally:
        office.close()
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        print(tr("已写入 {count} 条待回访计划到 {json}", count=len(rows), json=args.json))
    else:
        for r in rows:
            fields = {
                "due": r["due"],
                "what": r["case"] or r["room"],
                "attempt": r["attempt"],
                "who": r["visitor"] or term(ROLES.get(str(r["role"]), str(r["role"]))),
                "reason": term(str(r["reason"] or "")),
            }
            if r["overdue"]:
                print(tr("{due} 逾期 {what} 第{attempt}次 {who}:{reason}", **fields))
            else:
                print(tr("{due} {what} 第{attempt}次 {who}:{reason}", **fields))
        print(tr("共 {count} 条", count=len(rows)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    office = open_office(data_dir)
    try:
        result = office.backups.backup_now(args.to)
    finally:
        office.close()
    print(
        result.message + (f":{result.path}" if result.path else ""),
        file=sys.stdout if result.ok else sys.stderr,
    )
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    """restore FILE, as an administrator. The backup is encrypted: the person's password opens
    the office key from the data folder's key file, or (a new PC, the data folder lost) from
    the key file the backups keep beside them, which is then put in the data folder."""
    import datetime as dt
    import shutil

    from app.backup import restore
    from app.keyring import KeyRing
    from app.paths import DB_FILENAME
    from app.permissions import require

    backup = args.file
    user = str(LOGIN["user"] or "")
    if not user:
        raise UserError(
            tr(
                "请先登录:在命令前加 --user 管理员登录名(密码在提示时输入,或加 --password-stdin)。"
                "例如:python -m huiyin --data-dir {data_dir} --user admin restore {backup}",
                data_dir=data_dir,
                backup=backup,
            )
        )
    if not backup.is_file():
        raise UserError(tr("找不到备份文件 {backup}", backup=backup))
    live = data_dir / DB_FILENAME
    if live.exists() and live.stat().st_size > 0 and KeyRing.exists_in(data_dir):
        office = open_office(data_dir)
        try:
            require(office.user, "backup.manage")
            key, office_id = keyring.office_key(), keyring.office_id()
        finally:
            office.close()
    else:
        # The database is lost: the person must hold a slot in the key file (the data folder's,
        # or the one beside the backups) and be an active administrator in the backup itself.
        if not KeyRing.exists_in(data_dir):
            beside = sorted(backup.parent.glob("huiyin-*.keys"))
            if len(beside) != 1:
                raise UserError(
                    tr(
                        "数据文件夹里没有密钥文件 {keys},备份旁也没有唯一的 huiyin-….keys 文件:"
                        "请把原来的密钥文件放回数据文件夹后再恢复。",
                        keys=keyring.KEYS_FILENAME,
                    )
                )
            keyring.make_private_folder(data_dir)
            shutil.copy2(beside[0], KeyRing.path_in(data_dir))
        ring = KeyRing.load(data_dir)
        password = read_secret(tr("{user} 的密码:", user=user), bool(LOGIN["stdin"]))
        key = ring.unlock(user, password, dt.datetime.now()).key
        office_id = ring.office_id
        _require_admin_in(backup, user, key)
    steps = {
        1: tr("正在检查备份文件…"),
        2: tr("正在复制并检查恢复的数据…"),
        3: tr("正在换上恢复的数据(原数据另存)…"),
    }

    def said(done: int, total: int) -> None:
        print(
            tr("第 {done} / {total} 步:{what}", done=done, total=total, what=steps.get(done, "")), flush=True
        )

    aside = restore(data_dir, backup, dt.datetime.now(), key=key, office=office_id, progress=said)
    if aside:
        print(tr("已从 {backup} 恢复。原数据文件另存为 {aside}。", backup=backup, aside=aside))
    else:
        print(tr("已从 {backup} 恢复。原来没有数据文件。", backup=backup))
    return EXIT_OK


def _require_admin_in(backup: Path, user: str, key: bytes) -> None:
    from app.db import DB_ERRORS, connect_file

    try:
        con = connect_file(backup, readonly=True, key=key)
    except DB_ERRORS as exc:
        raise UserError(
            tr(
                "备份文件 {name} 不能用这个服务中心的密钥打开:它已损坏,或属于另一个服务中心。",
                name=backup.name,
            )
        ) from exc
    try:
        row = con.execute("SELECT role FROM staff WHERE username = ? AND active = 1", (user,)).fetchone()
    finally:
        con.close()
    if row is None or row[0] != "admin":
        raise UserError(tr("{user} 不是这个备份中的管理员:只有管理员可以恢复备份。", user=user))


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    from app.health import check

    office = open_office(data_dir)
    try:
        findings = check(office)
    finally:
        office.close()
    if findings:
        for finding in findings:
            print(tr("发现问题:{finding}", finding=finding))
        print(tr("共 {count} 个问题。可用 restore 从最近的好备份恢复。", count=len(findings)))
        return EXIT_FAILED
    print(tr("检查通过:数据完整,外键一致,审计链完好,签名与记录相符。"))
    return EXIT_OK
