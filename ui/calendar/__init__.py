"""回访日历: the follow-up visits by month, week and day, with today's list per visitor.

- `page`    the page (controller): switch, filters, the side panel, opening and moving visits;
- `month`   the month grid, painted in one go (pills with words and numbers per day);
- `week`    seven columns of visits;
- `today`   today's open visits grouped by visitor (the side panel's second tab);
- `filters` the filter bar (visitor, role, kind, building);
- `model`   the table model the lists share, and the list factory;
- `dialogs` 改期 (reschedule), asking why;
- `colours` what each shown state looks like.

The queries live in `app.visits.calendar`, the date arithmetic in `app.calendar_days`.
"""
