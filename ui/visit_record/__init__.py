"""回访记录: one follow-up visit, recorded as the paper 《回访记录表》 asks.

- `dialog`     the dialog: builds the sections for the visit as stored, completes it;
- `subject`    what the visit follows (the case, or a periodic round), with 显示电话;
- `plan`       why and when it was planned, the sample's reason, earlier visits, the visitor;
- `attempts`   the contact attempts and the line to record one;
- `result`     the result form (method, time, findings, satisfaction, questions);
- `signature`  the customer's signature (pad or numbered paper form) and the visitor's;
- `questions`  the table of questions to answer later;
- `record`     a closed visit, read-only, and its reviews;
- `parts`      the small pieces the sections share.
"""
