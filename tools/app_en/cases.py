"""Cases, visits, people and the office's rules: refusals, reasons, field names and the
labels app/ makes for the windows (H32). Field names are the keys of ValidationError."""

from tools.app_en import ctx

EN: dict[str, str] = {
    # joining a list of choices
    "、": ", ",
    # actions a case's state refuses (app/case_states.py)
    ctx("action", "派工"): "dispatch it",
    ctx("action", "签收"): "sign for it",
    ctx("action", "延期"): "extend it",
    ctx("action", "办结"): "resolve it",
    ctx("action", "合并"): "merge it",
    ctx("action", "作废"): "void it",
    "记录进展": "record progress",
    "关闭(须先办结并填写处理结果)": "close it (it must first be resolved with its result filled in)",
    ctx("action", "重开"): "reopen it",
    "标记典型案例": "mark it as a typical case",
    "重新定级": "re-grade it",
    "更改“只要求书面答复”(办结时已决定是否回访)": (
        "change “written reply only” (whether to visit was decided when it was resolved)"
    ),
    "附复函": "attach a reply letter",
    "记录明确答复": "record the clear answer",
    "记录先行处置": "record the containment",
    "案件 {number} 当前为“{state}”,不能{action}": "Case {number} is “{state}”: you cannot {action}",
    # field names (ValidationError keys)
    "合同日期": "Contract dates",
    "合同结束日期": "Contract end date",
    "处置人": "Contained by",
    "处置措施": "Containment measures",
    "处置时间": "Containment time",
    "定级原因": "Reason for the grade",
    "批准人": "Approver",
    "批准人密码": "Approver's password",
    "批准人登录名": "Approver's login name",
    "答复时间": "Answer time",
    "答复人": "Answered by",
    "答复方式": "Answer method",
    "答复内容": "Answer",
    "重开原因": "Reason to reopen",
    "作废原因": "Reason to void",
    "延期原因": "Reason for the extension",
    "新期限": "New deadline",
    "签收人": "Signed by",
    "派工说明": "Dispatch instructions",
    "处理结果": "Result",
    "办结时间": "Resolved at",
    "说明": "Note",
    "内容": "Content",
    "客户要求": "Customer's request",
    "事发地点": "Place",
    "被投诉部门/人员": "Department/person complained about",
    "客户姓名": "Customer's name",
    "受理时间": "Received at",
    "事发时间": "Time of the event",
    "性质": "Kind",
    "渠道": "Channel",
    "程度": "Severity",
    "紧急程度": "Urgency",
    "类别": "Category",
    "细类": "Sub-category",
    "有效性": "Validity",
    "联系电话": "Phone",
    "房号": "Room",
    "客户": "Customer",
    "责任部门": "Department",
    "编号": "Number",
    "业主要求的时间": "Date the owner asked for",
    "只要求书面答复": "Written reply only",
    "需先行处置": "Needs containment",
    "投诉内容": "Complaint",
    "原因": "Cause",
    "处理经过": "Handling",
    "经验教训": "Lessons learned",
    "纠正预防措施": "Corrective and preventive measures",
    # words shown in messages
    "图片": "image",
    "面谈": "In person",
    "书面": "In writing",
    "短信/微信": "SMS/WeChat",
    "早于制度期限时采用": "Used when earlier than the policy's deadline",
    "总是采用": "Always used",
    # refusals and reasons: cases
    "必须填写": "is required",
    "不能为空": "must not be empty",
    "不能晚于现在": "cannot be later than now",
    "提交前必须填写": "must be filled in before submitting",
    "“{value}”不在可选项中:{choices}": "“{value}” is not one of the choices: {choices}",
    "只能是 {choices}": "must be one of {choices}",
    "{number} 不是重大投诉,没有报告": "{number} is not a major complaint: it has no report",
    "{number} 不是重大投诉,没有明确答复期限": "{number} is not a major complaint: it has no deadline for a clear answer",
    "{number} 已不是重大投诉,报告已取消({reason}),不必再填写": (
        "{number} is no longer a major complaint; its report was cancelled ({reason}) and need not be filled in"
    ),
    "{number} 已合并到其他案件": "{number} has been merged into another case",
    "{number} 已合并到其他案件,请合并到 {target}": "{number} has been merged into another case: merge into {target} instead",
    "{person}没有登录名,请输入批准人的登录名": "{person} has no login name: enter the approver's login name",
    "{person}须本人登录,或在本机输入自己的登录名和密码确认延期(不能由他人代选)": (
        "{person} must log in in person, or enter their own login name and password on this PC to confirm "
        "the extension (nobody else may choose them)"
    ),
    "{severity}案件延期须由{role}或更高职位批准,{person}是{person_role}": (
        "Extending a {severity} case needs approval by: {role} or higher; {person} is: {person_role}"
    ),
    "“{text}”不是日期时间,应为 YYYY-MM-DD HH:MM": "“{text}” is not a date and time: write it as YYYY-MM-DD HH:MM",
    "不是有效的大陆电话号码": "is not a valid mainland China phone number",
    "不是有效的手机号码(11 位,号段不对)": "is not a valid mobile number (11 digits, with a valid prefix)",
    "不是有效的电话号码": "is not a valid phone number",
    "不能把案件合并到它自己": "A case cannot be merged into itself",
    "不能早于受理日期 {date}": "cannot be earlier than the date received, {date}",
    "不能早于受理时间": "cannot be earlier than the time received",
    "不能早于受理时间 {at}": "cannot be earlier than the time received, {at}",
    "不能早于合同开始日期 {date}": "cannot be earlier than the contract's start, {date}",
    "不能晚于办结时间 {at}": "cannot be later than the time resolved, {at}",
    "办结必须填写处理结果": "Fill in the result to resolve the case",
    "办结时已决定是否回访,办结后不能再更改": "Whether to visit was decided when the case was resolved; it cannot change now",
    "只有投诉才分有效性": "Only complaints have a validity",
    "只有投诉才能标记为只要求书面答复": "Only a complaint can be marked as written reply only",
    "只有投诉才记录业主要求的时间": "Only a complaint records the date the owner asked for",
    "只有特约服务才记录合同日期": "Only a paid service records contract dates",
    "号码被 Excel 变成了科学计数法,请把该列设为文本后重新输入": (
        "Excel turned the number into scientific notation: format the column as text and type it again"
    ),
    "号码被当作数字存过(末尾有 .0),请把该列设为文本后重新输入": (
        "The number was stored as a numeric value (it ends in .0): format the column as text and type it again"
    ),
    "合同开始和结束日期须一起填写": "Fill in the contract's start and end dates together",
    "复函只能是 PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件,请另存为这些格式后再附上": (
        "A reply letter must be a PDF, an image (PNG/JPG) or a Word file (DOC/DOCX): save it in one of "
        "these formats and attach it again"
    ),
    "太长({length} 字),最多 {limit} 字": "too long ({length} characters); at most {limit}",
    "必须写明做了什么(例如:已关闭总阀、已派人到场)": (
        "Write what was done (for example: main valve closed, someone sent to the site)"
    ),
    "必须填写,例如 业主反映损失较大,升级为重大投诉": (
        "is required, for example: the owner reports a large loss, raised to a major complaint"
    ),
    "必须填写,例如 向业主说明调查结果和处理方案": (
        "is required, for example: explained the findings and the plan to the owner"
    ),
    "房号格式应为 楼栋-单元-房号,例如 3-2-501": "Write the room as building-unit-room, for example 3-2-501",
    "找不到第 {id} 号案件": "Case no. {id} was not found",
    "找不到这条夜间值班记录(可能已被删除),请清空表单后重新登记": (
        "This night-duty entry was not found (it may have been deleted): clear the form and register again"
    ),
    "文件“{name}”大于 20 MB,请压缩或扫描为较小的 PDF 后再附上": (
        "The file “{name}” is larger than 20 MB: compress it or scan it to a smaller PDF, then attach it"
    ),
    "文件“{name}”是空的,请选择复函的原文件": "The file “{name}” is empty: choose the reply letter's original file",
    "文件“{name}”的内容不是{kind}文件(可能已损坏或扩展名不对),请检查后重新选择": (
        "The file “{name}” is not a {kind} file inside (it may be damaged or have the wrong extension): "
        "check it and choose again"
    ),
    "日期 {date} 不在 2000 至 2099 年之间": "The date {date} is not between 2000 and 2099",
    "最多 {limit} 个字(现在 {length} 个),请写短一些": "at most {limit} characters (now {length}): make it shorter",
    "标记典型案例请写明理由或启示": "To mark a typical case, write the reason or the lesson",
    "案件 {number} 已于 {at} 由{person}先行处置,不能重复记录": (
        "Case {number} was contained by {person} at {at}; it cannot be recorded twice"
    ),
    "案件 {number} 已标记需先行处置(期限 {due})": "Case {number} is already marked as needing containment (due {due})",
    "案件 {number} 没有标记“需先行处置”,不必记录先行处置": (
        "Case {number} is not marked “needs containment”: there is no containment to record"
    ),
    "案件 {number} 的业主只要求书面答复:请先在案件详情中附上复函(PDF、图片或 Word 文件),再关闭": (
        "The owner of case {number} asked for a written reply only: attach the reply letter (PDF, image or "
        "Word file) in the case's details first, then close it"
    ),
    "案件 {number} 的业主没有要求书面答复:复函只附在“只要求书面答复”的案件上": (
        "The owner of case {number} did not ask for a written reply: a reply letter is attached only to "
        "“written reply only” cases"
    ),
    "案件 {number} 须先记录先行处置(期限 {due}),再办结": (
        "Record the containment of case {number} first (due {due}), then resolve it"
    ),
    "案件 {number} 须先记录先行处置,再办结": "Record the containment of case {number} first, then resolve it",
    "案件已是“{state}”,不能再标记先行处置": "The case is already “{state}”: it can no longer be marked as needing containment",
    "没有名为“{name}”的部门": "There is no department named “{name}”",
    "没有打开服务中心的密钥文件,不能核对批准人的密码;请由批准人本人登录后延期": (
        "The service centre's key file is not open, so the approver's password cannot be checked: "
        "have the approver log in and extend the case"
    ),
    "电话号码只能含数字和 -": "A phone number may contain only digits and -",
    "编号“{ref}”已被另一件使用": "The number “{ref}” is used by another case",
    "联系单 {number} 已于 {at} 由{person}签收": "Work slip {number} was signed for by {person} at {at}",
    "请填写房号、姓名或电话,或勾选“匿名”": "Fill in the room, the name or the phone, or tick “Anonymous”",
    "请批准人输入自己的登录密码": "The approver must enter their own password",
    "请输入批准人的登录名": "Enter the approver's login name",
    "身份证号不正确(位数、出生日期或校验位不符)": (
        "The ID card number is wrong (its length, birth date or check digit does not fit)"
    ),
    "身份证号被 Excel 当作数字,末几位已丢失,请把该列设为文本后重新输入": (
        "Excel stored the ID card number as a number and lost its last digits: format the column as text "
        "and type it again"
    ),
    "输入的登录名是{person}的,不是{approver}的": "The login name entered is {person}'s, not {approver}'s",
    "这条值班记录已转为案件 {number}": "This night-duty entry has already become case {number}",
    "须晚于原期限 {due}": "must be later than the old deadline, {due}",
    "须由批准人本人登录,或在本机输入批准人的登录名和密码": (
        "The approver must log in in person, or enter their login name and password on this PC"
    ),
}

# permissions (app/permissions.py): what a person may do, named in a refusal
EN.update(
    {
        "{person}没有“{permission}”的权限,请由有权限的人员操作": (
            "{person} does not have the permission “{permission}”: ask someone who has it"
        ),
        "重开案件": "Reopen cases",
        "合并案件": "Merge cases",
        "修改已关闭案件": "Edit closed cases",
        "作废案件": "Void cases",
        "打印投诉处理记录表": "Print the complaint handling record",
        "填写重大投诉报告": "Write major complaint reports",
        "向开发商发工作联系函": "Send work letters to the developer",
        "值班登记": "Night-duty log",
        "值班记录转案件": "Turn night-duty entries into cases",
        "查看全部回访": "See all follow-up visits",
        "登记回访结果": "Record visit results",
        "安排回访计划": "Plan follow-up visits",
        "审核回访记录": "Review visit records",
        "告知业主返工完成时间": "Tell owners when rework will be done",
        "登记闭水试验和合同日期": "Record leak tests and contract dates",
        "登记社区活动和刊物": "Record community activities and publications",
        "管理表单台账": "Manage the form ledger",
        "查看业主档案": "See owner files",
        "查看完整电话": "See full phone numbers",
        "查看身份证号": "See ID card numbers",
        "登记或修改业主资料": "Add or edit owner details",
        "查看统计报表": "See statistics",
        "归档季度报告": "Archive quarterly reports",
        "修改制度设置": "Change the policy settings",
        "管理人员与登录": "Manage staff and logins",
        "查看审计记录": "See the audit trail",
        "制订满意度调查计划": "Plan satisfaction surveys",
        "批准满意度调查计划": "Approve satisfaction survey plans",
        "录入和核对调查答卷": "Enter and check survey answers",
        "满意度调查报告和纠正措施": "Survey reports and corrective actions",
    }
)

# the policy (app/policy.py, app/policy_checks.py): setting names and their refusals
EN.update(
    {
        "重复投诉统计天数": "Days counted for repeat complaints",
        "首次回复 {at} 前": "first reply before {at}",
        "办结 {at} 前": "resolve before {at}",
        "明确答复 {at} 前": "clear answer before {at}",
        "重大投诉报告 {at} 前": "major complaint report before {at}",
        ";": "; ",
        "缺少或格式不对,请在「设置」中改正后保存": "missing or in the wrong form: correct it in Settings and save",
        "须为非负整数": "must be a whole number, 0 or more",
        "只能是字母或数字,不能为空": "letters or digits only, not empty",
        "只能是自然日或工作日": "must be calendar days or working days",
        "须为正数,单位为小时或工作日": "must be a positive number, in hours or working days",
        "须为 1 到 366 之间的整数": "must be a whole number from 1 to 366",
        "须为 1 到 30 之间的整数(制度规定保管两年)": "must be a whole number from 1 to 30 (the policy keeps them two years)",
        "只能从办结或闭水试验起算": "can count only from resolution or from the leak test",
        "须写明适用的类别或细类": "name the categories or sub-categories it applies to",
        "必须填写,最多 60 字(例如 开发商客户服务中心)": (
            "is required, at most 60 characters (for example: the developer's customer service centre)"
        ),
        "须为 1 到 60 之间的整数": "must be a whole number from 1 to 60",
        "不能有空项": "must not have an empty item",
        "须为两个不同的角色": "must be two different roles",
        "须为正整数天数": "must be a positive whole number of days",
        "须为正数": "must be a positive number",
        "至少一项,且不能有空项": "at least one item, none empty",
        "未知角色 {role}": "unknown role {role}",
        "格式不对,应为每个类别一组名称": "wrong form: each category needs a list of names",
        "格式不对,应为一组名称": "wrong form: it should be a list of names",
        "缺少": "missing",
        "至少一种,只能是 {choices}": "at least one, from {choices}",
        "须在 0% 到 100% 之间": "must be between 0% and 100%",
        "须在 0 到 366 之间": "must be between 0 and 366",
        "天数或回访率不是数字": "the days or the visit rate is not a number",
        "须在 0% 到 100% 之间,或留空(按本类回访率)": "must be between 0% and 100%, or empty (the kind's rate)",
        "须在 0 到 100 之间,或留空(按本类回访率)": "must be between 0 and 100, or empty (the kind's rate)",
        "计算基数只能是应回访宗数或已回访宗数": "the base must be the cases due for a visit or the cases visited",
        "“{name}”超过 {limit} 个字": "“{name}” is longer than {limit} characters",
        "“{name}”重复": "“{name}” is repeated",
        "性质只能是 {choices}": "the kind must be one of {choices}",
        "回访率须在 0% 到 100% 之间": "the visit rate must be between 0% and 100%",
        "回访率不是数字": "the visit rate is not a number",
        "有重复项": "has repeated items",
        "编号前缀": "Number prefix",
        "期限计法": "How deadlines count days",
        "首次回复时限": "First reply within",
        "重大投诉答复时限": "Clear answer to a major complaint within",
        "重大投诉报告时限": "Major complaint report within",
        "临期提醒": "Reminder before the deadline",
        "先行处置时限(小时)": "Containment within (hours)",
        "重复投诉判断天数": "Days to spot a duplicate complaint",
        "社区活动回访率": "Community activity visit rate",
        "社区活动回访天数": "Community activity visit days",
        "回访记录表保管年数": "Years visit records are kept",
        "联系函收函单位": "Work letters addressed to",
        "开发商回复天数": "Developer's days to reply",
        "开发商回复计日方式": "How the developer's days count",
        "可转交开发商的类别": "Categories that may go to the developer",
        "两人同时回访的角色": "Roles of the two visitors",
        "两人同时回访的性质": "Kinds visited by two",
        "两人同时回访的程度": "Severities visited by two",
        "各性质编号前缀": "Number prefix of each kind",
        "办结时限": "Resolve within",
        "延期审批人": "Extension approver",
        "部门": "Departments",
        "回访制度": "Visit policy",
        "回访人员与各角色回访率": "Visitors and each role's visit rate",
        "登录安全": "Login security",
        "备份": "Backup",
        "业主要求时间的用法": "How the owner's requested date is used",
        "已回访宗数": "Cases visited",
    }
)

# referrals to the developer, rework, activities, holidays, rooms, the office, staff, signatures
EN.update(
    {
        "类别为{category}": "its category is {category}",
        "必须填写,例如 请派人检修外墙渗水并于回复期限前书面答复": (
            "is required, for example: please send someone to repair the leaking outer wall and answer in "
            "writing before the reply is due"
        ),
        "必须填写,例如 开发商已安排施工单位 10 月 15 日前维修": (
            "is required, for example: the developer has a contractor repairing it before 15 October"
        ),
        "必须填写,例如 电话询问开发商客服,答复下周安排维修;已告知业主": (
            "is required, for example: phoned the developer's service desk, repair next week; owner told"
        ),
        "必须填写,例如 开发商已维修完毕,业主确认": "is required, for example: the developer repaired it, the owner confirmed",
        "不能早于{label} {at}": "cannot be earlier than the {label}, {at}",
        "找不到第 {id} 号工作联系函": "Work letter no. {id} was not found",
        "(制度未设)": "(none set in the policy)",
        "案件 {number} 不是开发商原因的投诉:只有有效投诉·二类,或类别为{categories}的案件才能转交开发商。如确属开发商原因,请先把有效性改为“二类”(重新定级)": (
            "Case {number} is not a complaint caused by the developer: only a valid class 2 complaint, or a "
            "case in the categories {categories}, can be referred to the developer. If the developer is the "
            "cause, first change its validity to “class 2” (re-grade)"
        ),
        "案件 {number} 当前为“{state}”,不能转交开发商": "Case {number} is “{state}”: it cannot be referred to the developer",
        "工作联系函 {number} 已于 {at} 登记发出": "Work letter {number} was recorded as sent at {at}",
        "工作联系函 {number} 还没有登记发出:请先登记发出,再登记开发商的回复": (
            "Work letter {number} is not recorded as sent: record it as sent first, then the developer's reply"
        ),
        "工作联系函 {number} 已于 {at} 登记回复": "Work letter {number} already has a reply recorded at {at}",
        "工作联系函 {number} 已结束,不能再登记跟进": "Work letter {number} is closed: no more follow-ups can be recorded",
        "工作联系函 {number} 已于 {at} 结束": "Work letter {number} was closed at {at}",
        "案件 {number} 当前为“{state}”,其工作联系函不能再登记": (
            "Case {number} is “{state}”: its work letters can no longer be recorded"
        ),
        "须晚于本次跟进日期 {date}": "must be later than this follow-up's date, {date}",
        "转交事项": "What is referred",
        "回复时间": "Reply time",
        "回复内容": "Reply",
        "发出时间": "Time sent",
        "制函时间": "Time written",
        "跟进时间": "Follow-up time",
        "跟进情况": "Follow-up",
        "结束说明": "Closing note",
        "发出方式": "Sent by",
        "下次跟进日期": "Next follow-up date",
        "(未设管理处经理账号)": "(no office manager account set)",
        "尚未告知业主返工完成时间(应于 {due} 前告知)": "The owner has not been told when the rework will be done (due {due})",
        "已于 {at} {method}告知业主(超过24小时)({person}),返工 {due} 前完成": (
            "Owner told at {at} by {method} (after more than 24 hours) ({person}); rework done before {due}"
        ),
        "已于 {at} {method}告知业主({person}),返工 {due} 前完成": (
            "Owner told at {at} by {method} ({person}); rework done before {due}"
        ),
        "返工完成时间": "Rework done by",
        "告知时间": "Time told",
        "告知方式": "Told by",
        "请选择 {choices} 之一": "choose one of {choices}",
        "不能早于告知业主的时间 {at}": "cannot be earlier than the time the owner was told, {at}",
        "不能早于返工通知发出时间 {at}": "cannot be earlier than the rework notice, {at}",
        "第{attempt}次回访不是返工后的回访,按返工处理": "Visit no. {attempt} is not a visit after rework: handle it as rework",
        # community activities
        "请选择参与活动(或收到刊物)的房号": "Choose the rooms that took part (or received the publication)",
        "请填写活动或刊物的名称": "Fill in the name of the activity or publication",
        "不能晚于一年以后": "cannot be more than a year from now",
        "不能超过 40 个字": "at most 40 characters",
        "不能超过 60 个字": "at most 60 characters",
        "“{title}”的回访已抽取,不能再加参与房号": "The visits of “{title}” are drawn: no more rooms can be added",
        "“{title}”的回访已于 {date} 抽取,不能重抽": "The visits of “{title}” were drawn on {date}: they cannot be drawn again",
        "“{title}”{date} 才举办,举办后才能抽取回访": "“{title}” takes place on {date}: visits are drawn after it",
        "没有这些房号:{rooms},请从提示中选择": "These rooms do not exist: {rooms}. Choose from the suggestions",
        "活动名称": "Activity name",
        "类型": "Type",
        "举办日期": "Date held",
        "组织者": "Organiser",
        "参与房号": "Rooms taking part",
        # holidays
        "农历除夕": "Lunar New Year's Eve",
        "元旦": "New Year's Day",
        "春节": "Spring Festival",
        "清明节": "Qingming Festival",
        "劳动节": "Labour Day",
        "端午节": "Dragon Boat Festival",
        "中秋节": "Mid-Autumn Festival",
        "国庆节": "National Day",
        "调休": "Make-up working day",
        "法定节假日": "Public holiday",
        "星期一": "Monday",
        "星期二": "Tuesday",
        "星期三": "Wednesday",
        "星期四": "Thursday",
        "星期五": "Friday",
        "星期六": "Saturday",
        "星期日": "Sunday",
        "必须填写,例如 春节、国庆节调休": "is required, for example: Spring Festival, National Day make-up day",
        "{month}月{day}日 不是有效日期": "{month}/{day} is not a valid date",
        "通知": "Notice",
        "没有找到放假日期。请粘贴国务院通知的正文,例如“一、元旦:1月1日(周五)放假,与周末连休。”": (
            "No holiday dates were found. Paste the text of the State Council's notice, for example "
            "“一、元旦:1月1日(周五)放假,与周末连休。”"
        ),
        "最多 {limit} 字": "at most {limit} characters",
        "须在 {first} 至 {last} 年之间": "must be between {first} and {last}",
        "不能早于开始日期": "cannot be earlier than the start date",
        "{date}({weekday})本来就是工作日,不必录入调休上班": (
            "{date} ({weekday}) is a working day anyway: there is no make-up working day to enter"
        ),
        "粘贴的是 {stated} 年的通知,当前选择的是 {year} 年,请先选对年份": (
            "The notice pasted is for {stated}, but {year} is chosen: choose the right year first"
        ),
        "一次最多录入 {limit} 天": "at most {limit} days at a time",
        "{first} 至 {last} 前后颠倒": "{first} to {last} is the wrong way round",
        "年份": "Year",
        "名称": "Name",
        "日期": "Date",
        "结束日期": "End date",
        # rooms set up in ranges
        "将生成 {count} 户:{sample}": "{count} rooms will be made: {sample}",
        "必须填写,例如 1-12": "is required, for example 1-12",
        "必须填写,例如 101-1804(1 至 18 层,每层 01 至 04 户)": (
            "is required, for example 101-1804 (floors 1 to 18, rooms 01 to 04 on each floor)"
        ),
        "“{text}”只能是字母或数字(最多 10 位),例如 S1 代替“商铺1”": (
            "“{text}” may only be letters or digits (at most 10), for example S1 instead of “商铺1”"
        ),
        "“{start}–{end}”不是一个范围,起止应同为数字(可带相同字母前缀,如 S1–S12)": (
            "“{start}–{end}” is not a range: both ends must be numbers (with the same letter prefix if any, "
            "as in S1–S12)"
        ),
        "“{start}–{end}”起止颠倒": "“{start}–{end}” is the wrong way round",
        "“{start}–{end}”太多,超过 {limit} 个": "“{start}–{end}” is too many, more than {limit}",
        "“{start}–{end}”起止不对,字母应从小到大且大小写一致": (
            "“{start}–{end}” does not fit: letters must go upwards, in the same case"
        ),
        "{where}楼层起止颠倒({first} 层到 {last} 层)": "{where}: the floors are the wrong way round (floor {first} to {last})",
        "{where}每层户号应从 01 起,例如 101–1804": "{where}: rooms on each floor start at 01, for example 101–1804",
        "{where}每层户号起止颠倒(第 {first} 户到第 {last} 户);例如 101–1804 表示每层 01–04 户": (
            "{where}: the rooms on each floor are the wrong way round (room {first} to {last}); "
            "for example 101–1804 means rooms 01–04 on each floor"
        ),
        "{where}太多,超过 {limit} 户": "{where} is too many, more than {limit} rooms",
        "总数": "Total",
        "共 {count} 户,超过 {limit} 户的上限,请检查范围是否写错(例如多写了一位)": (
            "{count} rooms in all, more than the limit of {limit}: check the ranges (an extra digit?)"
        ),
        "超过 {limit} 个": "more than {limit}",
        "“{text}”缺少起止,应如 1-12": "“{text}” lacks its start or end: write it as 1-12",
        "楼栋": "Building",
        "单元": "Unit",
        # the office's data folder
        "{folder} 已初始化过(服务中心:{name})": "{folder} is already set up (service centre: {name})",
        "加密转换后的文件未通过完整性检查:{rows};原文件保持不变。": (
            "The converted file failed its integrity check: {rows}; the original file is unchanged."
        ),
        "数据文件夹 {folder} 不存在。": "The data folder {folder} does not exist.",
        "数据文件夹 {folder} 还没有初始化(没有服务中心的数据)。": (
            "The data folder {folder} is not set up yet (it holds no service centre's data)."
        ),
        "没有名为“{name}”的在用管理员登录。": "There is no active administrator login named “{name}”.",
        "最多 60 字": "at most 60 characters",
        "最多 40 字": "at most 40 characters",
        "数据文件夹": "Data folder",
        "加密转换后的文件无法打开:{error};原文件保持不变。": (
            "The converted file cannot be opened: {error}; the original file is unchanged."
        ),
        "请先登录:数据已加密,需要用登录名和密码打开。": (
            "Log in first: the data is encrypted and opens with a login name and password."
        ),
        "新密码": "New password",
        "加密转换时 {table} 表的行数不一致({ours} / {theirs}),原文件保持不变。": (
            "While converting, the table {table} came out with a different number of rows ({ours} / {theirs}); "
            "the original file is unchanged."
        ),
        "数据文件夹 {folder} 里缺少密钥文件 {keys},加密的数据无法打开。请把备份文件夹里的 huiyin-….keys 文件复制到数据文件夹,改名为 {keys}。": (
            "The key file {keys} is missing from the data folder {folder}, so the encrypted data cannot be "
            "opened. Copy the huiyin-….keys file from the backup folder into the data folder and rename it {keys}."
        ),
        "登录名或密码不对": "The login name or the password is wrong",
        # staff
        "密码至少 6 位": "The password needs at least 6 characters",
        "请选择角色": "Choose a role",
        "没有打开服务中心的密钥文件,不能设置登录密码。": (
            "The service centre's key file is not open, so no password can be set."
        ),
        "登录名“{name}”已被使用": "The login name “{name}” is taken",
        "已有名为“{name}”的部门": "There is already a department named “{name}”",
        "新的登录名需要设置密码": "A new login name needs a password",
        "此人没有登录名": "This person has no login name",
        "部门名称": "Department name",
        "登录名": "Login name",
        "至少要保留一名在用、能登录的系统管理员": "Keep at least one active administrator who can log in",
        # signatures
        "住户": "occupant",
        "回访 {id}": "visit {id}",
        "{what}的{who}签名({name})": "the {who} signature of {what} ({name})",
        "回访({where} 第 {attempt} 次)": "visit ({where}, no. {attempt})",
        "没有签名": "There is no signature",
        "签名太短(只有一个点或几笔),请重新签": "The signature is too short (a dot or a few strokes): sign again",
        "签名太小,像一个点,请重新签": "The signature is too small, like a dot: sign again",
        "签名数据损坏": "The signature's data is damaged",
        "{signature}没有密封时的记录,无法核对(签名数据被改动)": (
            "{signature} has no record of what it sealed and cannot be checked (its data was changed)"
        ),
        "{signature}的密封值不符:签名笔迹、签名图片、签名人、签名时间或签名时的回访记录被改动,或者签名是从别的回访复制来的": (
            "{signature} does not match its seal: the strokes, the image, the signer, the time or the visit "
            "record it was given for were changed, or it was copied from another visit"
        ),
        "{signature}所属的回访已不存在": "The visit of {signature} no longer exists",
        "{signature}签名后,表上的{section}换成了另一条记录": (
            "After {signature} was given, the {section} on the form was replaced by another record"
        ),
        "{signature}签名后,{section}的{field}被改动而没有留下审计记录:签名时为“{old}”,现在为“{new}”": (
            "After {signature} was given, the {section}'s {field} was changed without an audit record: "
            "“{old}” when signed, now “{new}”"
        ),
        "{signature}签名后,回访的{field}被改动:签名时为“{old}”,现在为“{new}”": (
            "After {signature} was given, the visit's {field} was changed: “{old}” when signed, now “{new}”"
        ),
        "(空)": "(empty)",
        "是": "yes",
        "否": "no",
    }
)

# visits: planning, recording, rules, two visitors, exemptions; small labels
EN.update(
    {
        "1月": "Jan",
        "2月": "Feb",
        "3月": "Mar",
        "4月": "Apr",
        "5月": "May",
        "6月": "Jun",
        "7月": "Jul",
        "8月": "Aug",
        "9月": "Sep",
        "10月": "Oct",
        "11月": "Nov",
        "12月": "Dec",
        "{year}年{month}月": "{month}/{year}",
        "超时 {amount} 小时": "{amount} hours late",
        "超时 {amount} 工作日": "{amount} working days late",
        "超时 {amount} 天": "{amount} days late",
        "{label}({role}) {kinds} {visited}/{base} {rate} 目标≥{target} {verdict}": (
            "{label} ({role}) {kinds} {visited}/{base} {rate} target ≥{target} {verdict}"
        ),
        "达标": "met",
        "未达标": "not met",
        "全部": "All",
        "第 {row} 行 {field}:{reason}": "row {row}, {field}: {reason}",
        "{number} 是匿名案件,没有可回访的业主,不能加入回访;处理情况附于案件即可。": (
            "{number} is anonymous: there is no owner to visit, so it cannot be added to the visits; "
            "keep the handling on the case."
        ),
        "{number} 的业主只要求书面答复,不回访,不能加入回访;请把复函附于案件(案件窗口“附上复函”)。": (
            "The owner of {number} asked for a written reply only, so it is not visited and cannot be added; "
            "attach the reply letter to the case (“Attach reply letter” in the case window)."
        ),
        "闭水试验后{days}个工作日内": "within {days} working days after the leak test",
        "闭水试验后{days}天内": "within {days} days after the leak test",
        "合同中期及期满后{days}个工作日内": "mid-contract and within {days} working days after it ends",
        "合同中期及期满后{days}天内": "mid-contract and within {days} days after it ends",
        "办结后{days}个工作日内": "within {days} working days after resolution",
        "办结后{days}天内": "within {days} days after resolution",
        "{kind}:{rule},回访率{rate}": "{kind}: {rule}, visit rate {rate}",
        "{kind}({sub}):{rule},回访率{rate}": "{kind} ({sub}): {rule}, visit rate {rate}",
        "第二回访人不能与回访人是同一人": "The second visitor cannot be the same person as the visitor",
        "请选择要以公开信答复的回访": "Choose the visits to answer with the open letter",
        "{number} 尚未办结,办结后才能安排回访": "{number} is not resolved yet: visits are planned after it is resolved",
        "{number} 已有待回访计划": "{number} already has a visit planned",
        "手工加入回访须写明原因": "Write why the visit is added by hand",
        "取消回访须写明原因": "Write why the visit is cancelled",
        "改期须写明原因": "Write why the visit is moved",
        "{person}是案件 {number} 的办结人或维修人,不能登记业主对自己处理结果的满意度。请由其他人员回访并登记。": (
            "{person} resolved or repaired case {number} and cannot record the owner's satisfaction with "
            "their own work. Have someone else visit and record it."
        ),
        "完成回访必须选择满意度": "Choose the satisfaction to complete the visit",
        "不能早于办结时间 {at}": "cannot be earlier than the time resolved, {at}",
        "{number} 尚未办结,不能回访": "{number} is not resolved yet and cannot be visited",
        "纸质回访记录表签字须填写表单编号": "A signature on the paper visit record needs the form's number",
        "上门回访必须有客户签名(签字板或纸质回访记录表)": (
            "A visit in person needs the customer's signature (on the pad or on the paper visit record)"
        ),
        "回访完成后才能审核": "A visit is reviewed after it is completed",
        "问题内容不能为空": "The question must not be empty",
        "须由{role}填写,{person}是{person_role}": "must be written by: {role}; {person} is: {person_role}",
        "意见": "Opinion",
        "约定回电须填写时间": "A call back needs its time",
        "约定答复日期不能早于回访日期": "The promised answer date cannot be earlier than the visit",
        "签名人身份只能是 {choices}": "the signer must be one of {choices}",
        "答复日期": "Answer date",
        "本类回访只能用 {choices}": "visits of this kind can only be made by {choices}",
        "这次回访已是“{state}”,不能再改": "This visit is already “{state}” and cannot be changed",
        "{name} 不是负责楼栋的物管员,无法安排季度巡访": (
            "{name} is not a steward responsible for buildings: no quarterly round can be planned"
        ),
        "不能晚于今天 {date}": "cannot be later than today, {date}",
        "本次回访须两人同时进行,请选择第二回访人({role})": "This visit is made by two together: choose the second visitor ({role})",
        "两人同时回访,两位回访人都须签名": "Two visit together: both visitors must sign",
        "只有投诉才能标记为业主损失较大": "Only a complaint can be marked as a large loss to the owner",
        "案件 {number} 已{state},不能修改": "Case {number} is {state} and cannot be changed",
        "所选人员不存在,请重新选择": "The person chosen does not exist: choose again",
        "第二回访人是本案的维修/办结人,不能回访自己处理的结果,请另选": (
            "The second visitor repaired or resolved this case and cannot visit their own work: choose someone else"
        ),
        "回访类型": "Visit type",
        "结果": "Result",
        "回电时间": "Call-back time",
        "满意度": "Satisfaction",
        "回访时间": "Visit time",
        "案件": "Case",
        "表单编号": "Form number",
        "客户签名": "Customer's signature",
        "回访人签名": "Visitor's signature",
        "第二回访人签名": "Second visitor's signature",
        "第二回访人": "Second visitor",
        "回访内容": "Visit notes",
        "不足之处": "Shortcomings",
        "客户意见": "Customer's opinion",
        "审核级别": "Review level",
        "主管审核": "Supervisor's review",
        "项目经理意见": "Project manager's opinion",
        "总经理意见": "General manager's opinion",
        "回访方式": "Visit method",
        "闭水试验日期": "Leak test date",
        "匿名": "Anonymous",
        "联系不上/拒访": "Not reached/refused",
        "未到期": "Not due yet",
    }
)

# the satisfaction survey (app/survey/)
EN.update(
    {
        "完成情况": "Progress",
        "请写明做了什么、效果如何": "Write what was done and how it worked",
        "只有进行中的调查才能录入答卷。": "Answers are entered only for a survey under way.",
        "不是这份调查表上的问题": "is not a question on this survey form",
        "这一项只能选一个": "only one choice here",
        "选项要在 1 到 {count} 之间": "the choice must be from 1 to {count}",
        "请选择 1 到 {count} 之间的一项,或“未答”。": "Choose one from 1 to {count}, or “no answer”.",
        "请填写调查名称,例如“2026年年中顾客满意度调查”": "Fill in the survey's name, for example “2026 mid-year customer satisfaction survey”",
        "请选择抽样调查或全面普查": "Choose a sample survey or a full census",
        "请选择问卷调查或上门访谈": "Choose a questionnaire or home interviews",
        "抽样调查请填写抽样户数,或 1 到 100 之间的抽样比例(%)": (
            "For a sample survey fill in the number of households, or a sample rate from 1 to 100 (%)"
        ),
        "户数不能是负数": "The number of households cannot be negative",
        "回收率目标要在 1 到 100(%)之间": "The return rate target must be from 1 to 100 (%)",
        "印在调查表上的告知最多 220 个字(现在 {length} 个),请精简": (
            "The notice printed on the form is at most 220 characters (now {length}): shorten it"
        ),
        "调查名称最多 60 个字": "The survey's name is at most 60 characters",
        "调查名称": "Survey name",
        "调查方式": "Survey method",
        "调查类型": "Survey type",
        "调查时间": "Survey dates",
        "样本": "Sample",
        "回收率目标": "Return rate target",
        "告知内容": "Notice",
        "上次调查": "Previous survey",
        "找不到选中的上次调查": "The previous survey chosen was not found",
        "调查计划已批准,不能再修改。如需调整,请新建一个调查计划。": (
            "The survey plan is approved and can no longer change. To adjust it, make a new survey plan."
        ),
        "调查已批准运行,调查表已冻结不能修改。如需另一份调查表,请新建调查计划。": (
            "The survey is approved and running; its form is frozen. For another form, make a new survey plan."
        ),
        "这个调查计划{state},不需要再批准。": "This survey plan is {state} and needs no approval.",
        "只有进行中的调查才能结束。": "Only a survey under way can be ended.",
        "找不到编号为 {id} 的调查计划。": "Survey plan no. {id} was not found.",
        "至少要有一个调查项目": "There must be at least one subject",
        "项目的代号重复": "Two subjects have the same code",
        "总体情况项目不在调查项目里": "The overall subject is not among the subjects",
        "项目名称不能为空": "A subject's name must not be empty",
        "项目名称“{title}”太长(最多 14 个字),请缩短": "The subject name “{title}” is too long (at most 14 characters): shorten it",
        "“{title}”要有 2 到 8 个选项": "“{title}” needs 2 to 8 options",
        "“{title}”的选项太长(每个最多 8 个字)": "The options of “{title}” are too long (at most 8 characters each)",
        "总体情况": "Overall",
        "选择题": "Multiple choice",
        "调查项目": "Subjects",
        "调查表的页码或调查编号不对": "The form's page number or survey number is wrong",
        "这一页的方框位置对不准(可能拍斜、纸张不平或角标缺失),没有读取,请照图录入": (
            "The boxes on this page do not line up (taken at an angle, paper not flat or corner marks missing); "
            "it was not read: type it in from the picture"
        ),
        "读不出二维码(可能被遮挡、污损或太模糊)": "The QR code cannot be read (covered, soiled or too blurred)",
        "这是回访记录表,请在“扫描件导入”里导入": "This is a visit record: import it in “Import scans”",
        "第 {number} 号调查表:已读取": "Survey form no. {number}: read",
        "只有进行中的调查才能导入扫描件。": "Scans are imported only for a survey under way.",
        "空白页,已跳过": "Blank page, skipped",
        "这一页已经导入过(同一张图),保留第一次的结果": "This page was imported before (the same image); the first result is kept",
        "{reason};已保存这一页,请在“待处理的页”里输入调查表编号后录入": (
            "{reason}; the page is kept: enter the form's number under “Pages to handle”, then its answers"
        ),
        "第 {number} 号调查表:{reason};已保存这一页,请照图录入这张表": (
            "Survey form no. {number}: {reason}; the page is kept: type the form in from the picture"
        ),
        "第 {number} 号调查表:已读取,{asks}": "Survey form no. {number}: read; {asks}",
        "本次调查里没有第 {number} 号调查表,请核对纸上的编号。": (
            "This survey has no form no. {number}: check the number on the paper."
        ),
        "这是另一个服务中心的调查表,不属于本中心,未导入": (
            "This survey form belongs to another service centre; it was not imported"
        ),
        "编号 {id} 的调查": "survey no. {id}",
        "这是{name}的调查表,不是本次调查的,未导入。请在那个调查里导入。": (
            "This form belongs to {name}, not to this survey; it was not imported. Import it in that survey."
        ),
        "调查表编号 {number} 不在本次调查的计划里(或已作废),未导入。请核对这张表的来源。": (
            "Survey form no. {number} is not in this survey's plan (or is void); it was not imported. "
            "Check where the form came from."
        ),
        "第 {number} 号调查表第 {page} 页已经导入过,保留第一次的结果": (
            "Page {page} of survey form no. {number} was imported before; the first result is kept"
        ),
        "{count} 行请核对": "{count} rows to check",
        "{count} 处手写意见请录入": "{count} handwritten answers to type in",
        "调查计划批准后才能打印调查表。请先请营运部经理批准。": (
            "Survey forms are printed after the plan is approved. Ask the operations manager to approve it first."
        ),
        "这个调查的样本已经编号过了。要补印请选择已有的调查表,或加印空白表。": (
            "This survey's sample is already numbered. To reprint, choose existing forms, or print blank ones."
        ),
        "一次最多加印 2000 份空白调查表。": "At most 2,000 blank survey forms at a time.",
        "没有找到要调查的住户。请先在“房号设置”里录入楼栋和房号,或改为打印空白调查表。": (
            "No households to survey were found. Enter the buildings and rooms under “Rooms” first, or print "
            "blank survey forms instead."
        ),
        "{file} 第 {page} 页": "{file}, page {page}",
        "这一页读取时出错(详情见日志),请重新扫描这一页": "This page could not be read (see the log): scan it again",
    }
)

# the timeline's lines shown in the chosen language (app/cases/shown.py); stored in the source
EN.update(
    {
        "{channel}受理:{kind}·{severity}": "Received by {channel}: {kind} · {severity}",
        "业主要求 {date} 前办结,办结期限按业主要求定为 {due}": (
            "the owner asked for it done before {date}; the deadline is set to the owner's date, {due}"
        ),
        "业主要求 {date} 前办结": "the owner asked for it done before {date}",
        "业主只要求书面答复(不回访,复函附于案件)": "the owner asked for a written reply only (no visit; the letter goes with the case)",
        "需先行处置,期限 {due}": "needs containment, due {due}",
        "派往{department}({person}),联系单 {number}。{instructions}": (
            "Sent to {department} ({person}), work slip {number}. {instructions}"
        ),
        "派往{department},联系单 {number}。{instructions}": "Sent to {department}, work slip {number}. {instructions}",
        "{department} {person} 签收联系单 {number}": "{department}: {person} signed for work slip {number}",
        "期限由 {old} 延至 {new},{person}批准({confirmed})。原因:{reason}": (
            "Deadline moved from {old} to {new}, approved by {person} ({confirmed}). Reason: {reason}"
        ),
        "已关闭": "Closed",
        "并入 {number}": "Merged into {number}",
        "合并 {number}({at} {channel}):{account}": "Merged {number} ({at} {channel}): {account}",
        "标记为典型案例:{note}": "Marked as a typical case: {note}",
        "取消典型案例": "No longer a typical case",
        "标记为需先行处置,期限 {due}": "Marked as needing containment, due {due}",
        "{person}先行处置(超过先行处置期限 {due}):{what}": "Contained by {person} (after the containment deadline, {due}): {what}",
        "{person}先行处置:{what}": "Contained by {person}: {what}",
        "业主只要求书面答复:不回访,复函附于案件": "The owner asked for a written reply only: no visit; the letter goes with the case",
        "取消“只要求书面答复”:办结后按制度回访": "“Written reply only” removed: visited after resolution as the policy says",
        "打印《顾客投诉处理记录表》": "Printed the customer complaint record",
        "重大投诉报告已提交品质部及总经理": "Major complaint report submitted to the quality department and the general manager",
        "第{attempt}次回访({method}):{satisfaction}。{opinion}": "Visit no. {attempt} ({method}): {satisfaction}. {opinion}",
        "业主损失较大:按制度两人同时回访": "Large loss to the owner: visited by two together, as the policy says",
        "取消“业主损失较大”": "“Large loss to the owner” removed",
    }
)
