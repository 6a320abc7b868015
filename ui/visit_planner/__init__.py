"""回访计划: the open visits (who, by when, overdue), the quarter's sample, batch visits.

- `page`       the page and its three tabs, and the reason/letter dialog it keeps open;
- `open_tab`   待回访: assign, drop (取消回访), answer by open letter (公开信);
- `sample_tab` 抽样: each case's sample decision and why; 手工加入;
- `batch_tab`  批量计划: periodic and event visits for many rooms;
- `dialogs`    the open-letter dialog (the reason dialog is ui.dialogs.ReasonDialog);
- `parts`      colours, table rows, quarters, due dates in words.
"""
