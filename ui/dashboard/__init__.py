"""工作台: the opening page (`page.DashboardPage`), its tiles and its satisfaction trend."""
