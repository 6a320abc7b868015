"""设置: the office's house rules, its departments and its holiday table, one tab per module:

- `deadlines`: 期限 (resolve days, first response, major complaints, reminders, prefix, approvers)
- `names`: 类别 and 渠道 (ordered lists of names)
- `departments`: 部门 (change at once through the staff service)
- `holidays`, `notice`: 节假日 and the State Council's notice pasted in (change at once)
- `dialog`: `SettingsDialog`, the tabs and 保存; `common`: the grey hint
"""

from ui.settings.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
