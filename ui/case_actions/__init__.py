"""The small dialogs of a case's lifecycle, one module per kind of step: `handling`
(派工、签收、进展、延期、办结、关闭), `corrections` (重开、作废、典型案例、合并、重新定级),
`replies` (只要求书面答复、复函、明确答复); `base` holds what they share."""
