"""The survey's words: plan kinds and states, sheet and answer states, how answers came in,
what became of a scanned page, and the permission each step asks."""

from __future__ import annotations

from app.i18n import N_

# Plan kinds (§4.2.2, §4.2.3) and methods (§4.2.1)
SAMPLE = N_("抽样调查")
CENSUS = N_("全面普查")
KINDS = [SAMPLE, CENSUS]
METHODS = [N_("问卷调查"), N_("上门访谈")]

# Plan states
DRAFT = N_("草稿")
APPROVED = N_("已批准")  # running: sheets printed and collected
CLOSED = N_("已结束")
STATES = [DRAFT, APPROVED, CLOSED]

IMPORTANCE = [N_("很重要"), N_("重要", "importance"), N_("一般", "importance"), N_("不太重要"), N_("不重要")]
LEVEL_SCORES = [5, 4, 3, 2, 1]  # 很满意 … 很不满意 (and 很重要 … 不重要)

# Sheet states
SHEET_PRINTED = N_("已发放")
SHEET_RETURNED = N_("已收回")
SHEET_VOID = N_("作废")

# Answer states
ANSWER_READ = N_("已读取")  # read from the paper by the rule
ANSWER_REVIEW = N_("待核对")  # the clerk must decide from the picture
ANSWER_CHECKED = N_("已核对")  # decided by the clerk
ANSWER_TYPED = N_("已录入")  # typed in (interview, a page read by hand, an open answer)
ANSWER_TO_TYPE = N_("待录入")  # something is written on the paper: the clerk types it from its picture

# How a sheet's answers came in
BY_SCAN = N_("扫描")
BY_INTERVIEW = N_("访谈")
BY_HAND = N_("手工")

# Corrective actions
ACTION_OPEN = N_("进行中")
ACTION_DONE = N_("已完成")

# Scan outcomes (what became of one scanned page)
PAGE_READ = N_("已读取")
PAGE_REVIEW = N_("待核对")
PAGE_DUPLICATE = N_("重复页")
PAGE_REFUSED = N_("已拒绝")
PAGE_UNREAD = N_("待手工处理")
PAGE_BLANK = N_("空白页")

# Permissions asked (the table is app.permissions; until it has the survey's own actions,
# the nearest existing one is asked, never nothing).
ACTIONS = {
    "survey.plan": "visit.plan",
    "survey.approve": "report.archive",
    "survey.scan": "form.ledger",
    "survey.report": "report.view",
}


def require(action: str) -> None:
    from app import permissions

    permissions.require(None, action if action in permissions.PERMISSIONS else ACTIONS[action])
