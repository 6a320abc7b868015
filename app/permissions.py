"""Who may do what: one table, role by role (DOMAIN §1). Windows ask `can()`; services
that take an actor ask `require()`. The administrator may do everything."""

from __future__ import annotations

from app.errors import UserError
from app.models import Staff

FRONT = {"clerk", "cs_director", "office_manager"}
MANAGERS = {"cs_director", "office_manager"}

PERMISSIONS: dict[str, set[str]] = {
    # cases
    "case.create": FRONT | {"steward"},
    "case.dispatch": FRONT,
    "case.sign_for": FRONT | {"steward", "department"},
    "case.note": FRONT | {"steward", "department", "general_manager"},
    "case.resolve": FRONT | {"steward", "department"},
    "case.extend": FRONT,
    "case.close": FRONT,
    "case.reopen": MANAGERS,
    "case.merge": FRONT,
    "case.edit_closed": MANAGERS,
    "case.void": MANAGERS,
    "case.mark_typical": MANAGERS,
    "major_report.edit": MANAGERS | {"general_manager"},
    "nightlog.add": FRONT | {"night_duty", "steward"},
    "nightlog.convert": FRONT,
    # visits
    "visit.view_all": FRONT | {"general_manager", "culture_clerk"},
    "visit.record": FRONT | {"steward", "culture_clerk", "general_manager"},
    "visit.plan": MANAGERS,
    "visit.review": MANAGERS | {"general_manager"},
    # paper forms
    "form.print": FRONT | {"steward"},
    "form.ledger": FRONT,
    # owners' personal data
    "owner.view_file": FRONT | {"steward"},
    "owner.reveal_phone": FRONT,
    "owner.reveal_id": MANAGERS,
    "owner.import": {"office_manager"},
    "owner.export": {"office_manager"},
    "owner.edit": FRONT,
    # the office
    "ledger.import": MANAGERS,
    "ledger.export": MANAGERS | {"general_manager"},
    "report.view": MANAGERS | {"general_manager"},
    "report.archive": {"office_manager"},
    "policy.edit": MANAGERS,
    "staff.manage": set(),
    "backup.manage": set(),
    "audit.view": {"office_manager", "general_manager"},
}

LABELS = {
    "case.create": "受理登记",
    "case.dispatch": "派工",
    "case.sign_for": "签收",
    "case.note": "记录进展",
    "case.resolve": "办结",
    "case.extend": "延期",
    "case.close": "关闭案件",
    "case.reopen": "重开案件",
    "case.merge": "合并案件",
    "case.edit_closed": "修改已关闭案件",
    "case.void": "作废案件",
    "case.mark_typical": "标记典型案例",
    "major_report.edit": "填写重大投诉报告",
    "nightlog.add": "值班登记",
    "nightlog.convert": "值班记录转案件",
    "visit.view_all": "查看全部回访",
    "visit.record": "登记回访结果",
    "visit.plan": "安排回访计划",
    "visit.review": "审核回访记录",
    "form.print": "打印回访记录表",
    "form.ledger": "管理表单台账",
    "owner.view_file": "查看业主档案",
    "owner.reveal_phone": "查看完整电话",
    "owner.reveal_id": "查看身份证号",
    "owner.import": "导入业主名册",
    "owner.export": "导出业主资料",
    "owner.edit": "登记或修改业主资料",
    "ledger.import": "导入案件台账",
    "ledger.export": "导出案件台账",
    "report.view": "查看统计报表",
    "report.archive": "归档季度报告",
    "policy.edit": "修改制度设置",
    "staff.manage": "管理人员与登录",
    "backup.manage": "备份与恢复",
    "audit.view": "查看审计记录",
}


def can(person: Staff | None, action: str) -> bool:
    if action not in PERMISSIONS:
        raise KeyError(f"unknown permission {action}")
    if person is None:
        return True  # the command line run by the administrator of the PC
    return person.role == "admin" or person.role in PERMISSIONS[action]


def require(person: Staff | None, action: str) -> None:
    if not can(person, action):
        raise UserError(
            f"{person.name if person else ''}没有“{LABELS.get(action, action)}”的权限,请由有权限的人员操作"
        )
