"""The office's vocabulary: the fixed lists the forms, the ledger and the reports share.

Editable lists (categories, departments, channels) start from the policy's defaults;
these are the ones the procedures themselves fix.
"""

from __future__ import annotations

KINDS = ["投诉", "报修", "建议", "咨询", "求助", "特约服务", "表扬"]
VALIDITIES = ["一类", "二类", "无效"]  # 有效投诉·一类 / 有效投诉·二类 / 无效投诉
VALIDITY_LABELS = {"一类": "有效投诉·一类", "二类": "有效投诉·二类", "无效": "无效投诉"}
SEVERITIES = ["轻微", "重要", "重大"]
URGENCIES = ["紧急", "一般", "可延后"]
OCCUPANT_TYPES = ["业主", "租户", "商户"]

# Case states, in the order a case moves through them.
NEW = "待派工"
DISPATCHED = "已派工"
IN_PROGRESS = "处理中"
RESOLVED = "已办结"
CLOSED = "已关闭"
MERGED = "已合并"
VOID = "已作废"
STATES = [NEW, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, MERGED, VOID]
OPEN_STATES = [NEW, DISPATCHED, IN_PROGRESS]
DONE_STATES = [RESOLVED, CLOSED]

# Roles (DOMAIN §1). Keys are stored; labels are shown.
ROLES = {
    "admin": "系统管理员",
    "clerk": "客服员",
    "steward": "物管员",
    "cs_director": "客服主任",
    "office_manager": "管理处经理",
    "general_manager": "总经理",
    "culture_clerk": "社区文化文员",
    "department": "部门人员",
    "night_duty": "夜班值班",
}

# Timeline event kinds.
EV_RECEIVED = "受理"
EV_RESPONSE = "首次回复"
EV_DISPATCH = "派工"
EV_SIGNED = "签收"
EV_NOTE = "进展"
EV_EXTENSION = "延期"
EV_RESOLVED = "办结"
EV_CLOSED = "关闭"
EV_REOPENED = "重开"
EV_MERGED = "合并"
EV_EDITED = "修改"
EV_RECORD_PRINTED = "打印记录表"  # the 《顾客投诉处理记录表》 was printed
EV_MAJOR_REPORT = "重大投诉报告"
EV_VISIT = "回访"
EV_VOID = "作废"
EV_CONTAINED = "先行处置"  # harm stopped first, before the handling (seed 002)

# How an extension's approver confirmed it (延期 · 批准方式): logged in themselves, or typed
# their own password on this PC.
CONFIRMED_BY_LOGIN = "本人登录"
CONFIRMED_BY_PASSWORD = "本机输入密码"

VISIT_METHODS = ["上门", "电话", "短信", "微信", "其他"]
SATISFACTION = ["很满意", "满意", "一般", "不满意", "很不满意"]

# Visit states.
VISIT_PLANNED = "计划"
VISIT_DONE = "已完成"
VISIT_UNREACHABLE = "未联系上"
VISIT_REFUSED = "拒访"
VISIT_CANCELLED = "已取消"
