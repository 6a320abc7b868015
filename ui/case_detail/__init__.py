"""案件详情, one case in full: `dialog` is the window and its steps, `fields` the case's
fields on the left, `major_report` the major-complaint report's tab, `texts` how they word
and tint what they show."""

from ui.case_detail.dialog import CaseDetailDialog, CaseLinks

__all__ = ["CaseDetailDialog", "CaseLinks"]
