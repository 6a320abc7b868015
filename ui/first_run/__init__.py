"""The first-run wizard (首次设置), one module per page:

- `welcome`: the office's name and first administrator (the one page that must be filled)
- `rooms`: buildings and rooms by ranges, or the owners list imported
- `departments`, `staff`: who work is dispatched to, and colleagues with their logins
- `visit_preset`: the visit policy preset
- `backup`: the backup folder
- `done`: what is set up
- `wizard`: `FirstRunDialog`, the pages in order; `common`: what the pages share

The writes go through `app.setup.SetupService` and the office's services.
"""

from ui.first_run.common import PageId
from ui.first_run.wizard import FirstRunDialog

__all__ = ["FirstRunDialog", "PageId"]
