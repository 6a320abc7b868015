"""The office's vocabulary: the fixed lists the forms, the ledger and the reports share.

Editable lists (categories, departments, channels) start from the policy's defaults;
these are the ones the procedures themselves fix.
"""

from __future__ import annotations

from app.i18n import N_

KINDS = [N_("投诉"), N_("报修"), N_("建议"), N_("咨询"), N_("求助"), N_("特约服务"), N_("表扬")]
VALIDITIES = [N_("一类"), N_("二类"), N_("无效")]  # 有效投诉·一类 / 有效投诉·二类 / 无效投诉
VALIDITY_LABELS = {
    N_("一类"): N_("有效投诉·一类"),
    N_("二类"): N_("有效投诉·二类"),
    N_("无效"): N_("无效投诉"),
}
SEVERITIES = [N_("轻微"), N_("重要"), N_("重大")]
URGENCIES = [N_("紧急"), N_("一般", "urgency"), N_("可延后")]
OCCUPANT_TYPES = [N_("业主"), N_("租户"), N_("商户")]

# Case states, in the order a case moves through them.
NEW = N_("待派工")
DISPATCHED = N_("已派工")
IN_PROGRESS = N_("处理中")
RESOLVED = N_("已办结")
CLOSED = N_("已关闭")
MERGED = N_("已合并")
VOID = N_("已作废")
STATES = [NEW, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, MERGED, VOID]
OPEN_STATES = [NEW, DISPATCHED, IN_PROGRESS]
DONE_STATES = [RESOLVED, CLOSED]

# Roles (DOMAIN §1). Keys are stored; labels are shown.
ROLES = {
    "admin": N_("系统管理员"),
    "clerk": N_("客服员"),
    "steward": N_("物管员"),
    "cs_director": N_("客服主任"),
    "office_manager": N_("管理处经理"),
    "general_manager": N_("总经理"),
    "culture_clerk": N_("社区文化文员"),
    "department": N_("部门人员"),
    "night_duty": N_("夜班值班"),
}

# Timeline event kinds.
EV_RECEIVED = N_("受理")
EV_RESPONSE = N_("首次回复")
EV_DISPATCH = N_("派工")
EV_SIGNED = N_("签收")
EV_NOTE = N_("进展")
EV_EXTENSION = N_("延期")
EV_RESOLVED = N_("办结")
EV_CLOSED = N_("关闭")
EV_REOPENED = N_("重开")
EV_MERGED = N_("合并")
EV_EDITED = N_("修改")
EV_RECORD_PRINTED = N_("打印记录表")  # the 《顾客投诉处理记录表》 was printed
EV_MAJOR_REPORT = N_("重大投诉报告")
EV_VISIT = N_("回访")
EV_VOID = N_("作废")
EV_CONTAINED = N_("先行处置")  # harm stopped first, before the handling (seed 002)

# How an extension's approver confirmed it (延期 · 批准方式): logged in themselves, or typed
# their own password on this PC.
CONFIRMED_BY_LOGIN = N_("本人登录")
CONFIRMED_BY_PASSWORD = N_("本机输入密码")

VISIT_METHODS = [N_("上门"), N_("电话"), N_("短信"), N_("微信"), N_("其他")]
SATISFACTION = [N_("很满意"), N_("满意"), N_("一般", "satisfaction"), N_("不满意"), N_("很不满意")]

# Visit states.
VISIT_PLANNED = N_("计划")
VISIT_DONE = N_("已完成")
VISIT_UNREACHABLE = N_("未联系上")
VISIT_REFUSED = N_("拒访")
VISIT_CANCELLED = N_("已取消")
