"""统计分析: the statistics window (`window.StatsWindow`), one module per tab, and the painted
charts and table helpers the tabs share (`charts`, `common`)."""
