"""The printed reports (H34): the quarterly report, the monthly notice, the charts, the survey
form and the survey report (reports/), and the statistics' definitions (app/stats.py)."""

from tools.app_en import ctx

EN: dict[str, str] = {
    # app/stats.py: keys shown through term(), and the definitions printed under the report
    "未判定": "Not judged",
    "未指定": "Not assigned",
    "{category}·{subcategory}": "{category} · {subcategory}",
    "处理宗数:该性质的案件在本期内办结(办结时间在期内)的件数;已合并、已作废的案件不计。": (
        "Handled: cases of the kind resolved in the period (resolution time inside it); merged and "
        "void cases are not counted."
    ),
    "回访宗数:处理宗数中,至少有一次已完成回访的件数(回访日期不限)。": (
        "Visited: handled cases with at least one completed follow-up visit (on any date)."
    ),
    "应回访宗数:处理宗数中到报表日应已回访的件数,即减去以下不需或尚不能回访的:匿名投诉、只要求书面答复"
    "(复函附于案件)、多次联系不上或业主拒访(回访以“未联系上/拒访”结束)、回访期限在报表日当天或之后(未到期),"
    "以及由计划人员写明原因取消回访的(取消回访);已回访的一律计入。各栏相加等于处理宗数。": (
        "Due for a visit: handled cases that should have been visited by the report's date, that is "
        "less those that need no visit or cannot have one yet: anonymous complaints, written reply "
        "only (the letter is attached to the case), repeatedly not reached or refused (the visit ended "
        'as "Not reached/Refused"), visit due on or after the report\'s date (not due), and visits '
        "cancelled by the planner with a reason (cancelled); every visited case counts. The columns "
        "add up to the cases handled."
    ),
    "回访率:回访宗数 ÷ 应回访宗数,与该性质的回访率目标比较;应回访宗数为 0 时不评达标与否。"
    "应访未访:已定回访而期限已过仍未回访的案件,逐件列出案件号。": (
        "Visit rate: visited ÷ due for a visit, against the kind's target; with none due, no verdict "
        "is given. Missed visits: cases whose planned visit is past due and not made, listed by number."
    ),
    "未结束的期间:报表在期末之前生成时,只统计到报表日(截至某日),并与上一期同样天数的前段比较。": (
        "A period not over: a report made before the period ends counts up to the report's date "
        '("as of") and compares with the same number of days at the start of the previous period.'
    ),
    "满意度:本期内完成的回访,每次回访计一次。": (
        "Satisfaction: visits completed in the period, each visit counted once."
    ),
    "受理件数:本期内受理的案件,按性质统计;已合并的重复案件不计。": (
        "Received: cases received in the period, by kind; merged duplicates are not counted."
    ),
    "办结率:本期受理的案件中,在本期最后一天结束前办结的比例。": (
        "Resolution rate: the share of the cases received in the period resolved before the end of its "
        "last day."
    ),
    "逾期:本期受理的案件中,办结期限(按程度)早于办结时间的,或仍未办结而期限已在本期内届满的。": (
        "Overdue: cases received in the period resolved after their deadline (set by severity), or not "
        "resolved with the deadline passed within the period."
    ),
    "重复投诉:同一房号同一类别的投诉,在重复判断天数(制度设定,默认 90 天)内两次及以上;跨期也算,"
    "列在第二次(及以后)所在的一期,连同窗口内的前几次。重复维修:同一维修项目(同一房号、同一类别、同一细类)"
    "的报修在窗口内三次及以上;细类未填的报修只与同房号同类别、同样未填细类的报修算作同一项目(标“细类未填”);"
    "匿名、已合并、已作废的案件不计。": (
        "Repeat complaints: complaints from the same unit in the same category, twice or more within "
        "the repeat window (set in the policy, 90 days by default); across periods too, listed in the "
        "period of the second (and later) one together with the earlier ones in the window. Repeat "
        "repairs: the same repair item (same unit, category and sub-category) three times or more in "
        "the window; a repair without a sub-category counts as one item only with those of the same "
        'unit and category also without one (marked "no sub-category"); anonymous, merged and void '
        "cases are not counted."
    ),
    "首次响应时间:受理到首次回复业主的小时数;办结时间:受理到办结的小时数;取中位数与第 90 百分位。": (
        "First response time: hours from receipt to the first reply to the owner; resolution time: "
        "hours from receipt to resolution; the median and the 90th percentile are given."
    ),
    # reports/quarterly.py
    "满意率:很满意与满意的回访次数 ÷ 本期完成的回访次数。": (
        "Satisfaction rate: visits rated very satisfied or satisfied ÷ visits completed in the period."
    ),
    "投诉率:本期受理的投诉件数 ÷ 户数(房号数),表中按每百户计。": (
        "Complaint rate: complaints received in the period ÷ households (units), per 100 households "
        "in the table."
    ),
    "变化:本期减上期;比率的变化以百分点计。": (
        "Change: this period less the previous one; a rate's change in percentage points."
    ),
    "{period} 客户投诉与回访分析报告": "{period} Complaints and Follow-up Visits Report",
    "对比期间:{period}同期前 {days} 天({start} 至 {end})": (
        "Compared with: the first {days} days of {period} ({start} to {end})"
    ),
    "对比期间:{period}({start} 至 {end})": "Compared with: {period} ({start} to {end})",
    "统计期间:{range}    {compared}": "Period: {range}    {compared}",
    "生成日期:{date}": "Made on: {date}",
    "    改进措施存档:{at}": "    Measures filed: {at}",
    "上期 {value}": "Previous: {value}",
    " 个百分点": " pts",
    " 小时": " h",
    "受理件数·{kind}": "Received · {kind}",
    "受理件数·合计": "Received · total",
    "首次回复超时件数": "Late first replies",
    "明确答复超时件数(重大投诉)": "Clear answers late (major complaints)",
    "首次响应时间·中位数(小时)": "First response · median (hours)",
    "首次响应时间·P90(小时)": "First response · P90 (hours)",
    "办结时间·中位数(小时)": "Resolution · median (hours)",
    "办结时间·P90(小时)": "Resolution · P90 (hours)",
    "投诉率(件/百户)": "Complaint rate (per 100 households)",
    "回访满意率": "Visit satisfaction rate",
    "变化": "Change",
    "各性质受理件数:本期与上期": "Cases received by kind: this period and the previous one",
    "一、概况": "1. Overview",
    "二、回访统计表": "2. Follow-up visit statistics",
    "三、投诉分析": "3. Complaint analysis",
    "四、处理情况": "4. Handling",
    "五、不合格项纠正和预防措施": "5. Nonconformities: corrective and preventive actions",
    "六、回访人员": "6. Visitors",
    "七、改进措施": "7. Improvement measures",
    "八、说明": "8. Notes",
    "处理\n宗数": "Handled",
    "只要求\n书面答复": "Written reply only",
    "联系不上\n/拒访": "Not reached / refused",
    "取消\n回访": "Visit cancelled",
    "应回访\n宗数": "Due for a visit",
    "回访\n宗数": "Visited",
    "上期\n回访率": "Previous visit rate",
    "不要求": "None",
    "本期尚未结束,统计截至 {date};回访期限在此日及以后的计入“未到期”。": (
        'The period is not over: counted up to {date}; visits due on or after that day count as "not due".'
    ),
    "应访未访 {count} 件(回访期限已过仍未回访):{cases}。": (
        "Missed visits: {count} (past due and not visited): {cases}."
    ),
    "应访未访:无,应回访的案件均已回访。": "Missed visits: none; every case due for a visit was visited.",
    "满意度分布(本期完成的回访,每次计一次)": "Satisfaction (visits completed in the period, each counted once)",
    "占比": "Share",
    "本期满意度": "Satisfaction this period",
    "不满意回访({count} 次)": "Dissatisfied visits ({count})",
    "本期无不满意回访。": "No dissatisfied visits this period.",
    "回访日期": "Visit date",
    "业主意见": "Owner's opinion",
    "1. 按类别(本期受理投诉 {count} 件)": "3.1 By category ({count} complaints received this period)",
    "投诉类别排列图(柏拉图)": "Complaint categories: Pareto chart",
    "上期件数": "Previous",
    "2. 按有效性与程度": "3.2 By validity and severity",
    "转交开发商(工作联系函):本期 {referred} 件(上期 {before} 件),联系函 {letters} 份,"
    "已发出 {sent} 份,开发商已回复 {answered} 份,逾期未回复 {overdue} 份。": (
        "Referred to the developer (letters of referral): {referred} this period (previous: {before}); "
        "{letters} letters, {sent} sent, {answered} answered by the developer, {overdue} overdue "
        "without a reply."
    ),
    "3. 按楼栋": "3.3 By building",
    "各楼栋投诉件数(匿名及无房号的不计)": "Complaints by building (anonymous and without a unit not counted)",
    "{building}栋": "Bldg {building}",
    "4. 按被投诉部门/人员": "3.4 By department / person complained about",
    "本期投诉未填写被投诉方。": "No complaint this period names who it is about.",
    "5. 典型案例({count} 件)": "3.5 Typical cases ({count})",
    "本期未标记典型案例。": "No case was marked typical this period.",
    "案例点评": "Comment",
    "尚未办结": "Not resolved yet",
    "时间(小时)": "Time (hours)",
    "本期中位数": "Median",
    "本期 P90": "P90",
    "本期件数": "Cases",
    "上期中位数": "Previous median",
    "上期 P90": "Previous P90",
    "首次响应": "First response",
    ",占受理件数的 {share}": ", {share} of the cases received",
    "本期受理 {received} 件,期末前办结率 {rate};逾期 {overdue} 件{share}"
    "(上期 {overdue_before} 件);办理期间申请延期 {extensions} 次(上期 {extensions_before} 次)。": (
        "{received} cases received this period, {rate} resolved by its end; {overdue} overdue{share} "
        "(previous: {overdue_before}); {extensions} extensions asked for while handling "
        "(previous: {extensions_before})."
    ),
    "逾期案件({count} 件)": "Overdue cases ({count})",
    "本期无逾期案件。": "No overdue cases this period.",
    ",占应回复的 {share}": ", {share} of those owed",
    "首次回复超时({count} 件{share};上期 {before} 件)": "First replies late ({count}{share}; previous: {before})",
    "本期首次回复均在时限内。": "Every first reply this period was on time.",
    "重大投诉明确答复超时({count} 件;上期 {before} 件)": (
        "Major complaints: clear answer late ({count}; previous: {before})"
    ),
    "本期重大投诉均在时限内明确答复。": "Every major complaint this period had its clear answer on time.",
    "下列事项须逐项分析原因,由责任部门填写纠正和预防措施,经理审核。": (
        "Analyse the cause of each item below; the responsible department writes the corrective and "
        "preventive action, the manager reviews it."
    ),
    "1. 回访不满意({count} 次)": "5.1 Dissatisfied visits ({count})",
    "本期无。": "None this period.",
    "2. 重复投诉(同一房号同一类别 2 次及以上):{count} 组": (
        "5.2 Repeat complaints (same unit, same category, 2 or more): {count} groups"
    ),
    "3. 重复维修(同一房号、类别、细类 3 次及以上):{count} 组": (
        "5.3 Repeat repairs (same unit, category and sub-category, 3 or more): {count} groups"
    ),
    "(细类未填)": "(no sub-category)",
    "本期无回访安排。": "No visits planned this period.",
    "计划回访": "Planned",
    "逾期未访": "Overdue",
    "计划回访:期限在本期内的回访;已完成、不满意:本期内完成的回访;逾期未访:期限已过仍未回访。": (
        "Planned: visits due in the period; completed, dissatisfied: visits completed in the period; "
        "overdue: past due and not visited."
    ),
    "{count}(应回访)": "{count} (due)",
    "{count}(已回访)": "{count} (visited)",
    "各角色回访率": "Visit rates by role",
    "参与回访:本期办结并已回访的案件中,该角色人员作为回访人(含两人同时回访)的件数;"
    "基数按回访制度为应回访宗数或已回访宗数。": (
        "Took part: of the cases resolved and visited in the period, those where someone in the role "
        "was a visitor (including visits made by two); the base is, by the visit policy, the cases "
        "due for a visit or the cases visited."
    ),
    "(由管理处经理填写)": "(to be filled in by the office manager)",
    "经理签名:": "Manager's signature:",
    "日期:": "Date:",
    "累计占比达到 {cut} 的类别:{names}(共 {count} 类,{cases} 件,占 {share}),应作为下季度改进的重点。": (
        "Categories making up {cut} of the complaints: {names} ({count} categories, {cases} cases, "
        "{share}); they are next quarter's focus for improvement."
    ),
    # the forms (reports/printing.py, reports/visit_form.py)
    "(打印时编号)": "(numbered when printed)",
    "没有第 {visit_id} 号回访(用 schedule 命令查看回访编号)": (
        "There is no visit number {visit_id} (the schedule command lists the visits' numbers)"
    ),
    # reports/charts.py
    "本期无数据": "No data for the period",
    "其他({count}类)": "Other ({count})",
    "累计{share}": "Cum. {share}",
    "件数(合计 {total} 件)": "Cases (total {total})",
    "{mark} {name}  {count}件 ({share})": "{mark} {name}  {count} ({share})",
    "合计 {total} 件": "Total {total}",
    # reports/notice.py
    "{period}客户意见处理情况公告": "{period} Notice: How Owners' Comments Were Handled",
    "{kind} {count} 件": "{kind} {count}",
    "{category}({count} 件)": "{category} ({count})",
    "无集中反映的问题": "no issue raised by many",
    "本月受理的事项办结率 {rate}": "{rate} of this month's matters are resolved",
    ",一般在 {hours} 小时内办结": ", usually within {hours} hours",
    ";回访 {count} 次,满意及以上占 {share}": "; of {count} follow-up visits, {share} were satisfied or better",
    ";未办结的事项正在跟进,办结后将逐一回访。": (
        "; matters not yet resolved are being followed up, and each will be visited once resolved."
    ),
    "本月({period}){so_far}客户服务中心共受理业主来电、来访及各类意见 {total} 件({kinds}),"
    "办结率 {rate}。业主反映的主要问题:{issues}。处理情况:{handling}": (
        "This month ({period}), {so_far}the customer service centre received {total} calls, visits and "
        "other comments from owners ({kinds}); {rate} are resolved. The main issues owners raised: "
        "{issues}. How they were handled: {handling}"
    ),
    "截至 {month} 月 {day} 日,": "as of {month}/{day}, ",
    "业主反映的问题": "What owners raised",
    "(详见各项记录)": "(see each record)",
    "已安排专人跟进处理。": "Someone has been assigned to follow it up.",
    "公  告": "NOTICE",
    "{period}客户意见处理情况": "How owners' comments were handled: {period}",
    "致全体业主:": "To all owners:",
    "本月常见问题及处理情况如下:": "This month's common issues and how they were handled:",
    "本月无集中反映的问题。": "No issue was raised by many owners this month.",
    "感谢各位业主对我们工作的理解与支持。如有意见或建议,欢迎到客户服务中心前台反映,我们将及时处理并回复。": (
        "Thank you for your understanding and support. Comments and suggestions are welcome at the "
        "customer service centre's front desk; we will deal with them and reply promptly."
    ),
    "{year}年{month}月{day}日": "{year}-{month}-{day}",
    # reports/survey_form.py
    "选中": "Chosen",
    "改选作废": "Cancelled",
    "编号 {number}    第 {page} 页 / 共 {pages} 页": "No. {number}    page {page} of {pages}",
    "《{title}》": "{title}",
    "住户:{room}": "Household: {room}",
    "住户:______栋______单元______室(可不填)": "Household: Bldg ______ Entrance ______ Unit ______ (optional)",
    "楼栋:{building}    单元、房号:____________(可不填)": (
        "Building: {building}    Entrance, unit: ____________ (optional)"
    ),
    "尊敬的业主/住户:": "Dear owner / resident: ",
    "《{title}》(续)  {plan}": "{title} (continued)  {plan}",
    "重要程度": "Importance",
    "满意程度": "Satisfaction",
    # reports/survey_report.py
    "重要且满意,继续保持": "Important and satisfied: keep it up",
    "重要但不满意,首先改进(列入纠正措施)": "Important but dissatisfied: improve first (corrective actions)",
    "不太重要也不太满意,有余力时改进": "Less important, less satisfied: improve when there is room",
    "不太重要但满意,维持现状": "Less important but satisfied: keep as it is",
    "重要性—满意度四分图": "Importance–satisfaction quadrant",
    "重要性(与总体情况的相关系数)": "Importance (correlation with the overall rating)",
    "重要性(业主评定,平均分)": "Importance (rated by owners, average score)",
    "满意度(平均分)": "Satisfaction (average score)",
    "本次调查发放调查表 {sheets} 份,收回 {returned} 份,回收率 {recovery}": (
        "{sheets} questionnaires were handed out and {returned} returned: a return rate of {recovery}"
    ),
    "(达到目标)。": " (target reached). ",
    "(未达到 {target} 的目标)。": " (short of the {target} target). ",
    "总体情况平均 {average} 分,满意率 {share}。": "Overall average {average}, satisfaction rate {share}. ",
    "满意度最高的是“{best}”({best_average} 分),最低的是“{worst}”({worst_average} 分)。": (
        'Highest satisfaction: "{best}" ({best_average}); lowest: "{worst}" ({worst_average}). '
    ),
    "处于修补区、需要首先改进的项目:{items},已列入纠正措施。": (
        "In the fix zone, to improve first: {items}; listed as corrective actions. "
    ),
    "顾客满意度调查报告": "Customer Satisfaction Survey Report",
    "一、调查情况简介": "1. The survey",
    "全面普查,每户一份": "census, one per household",
    "抽样调查,抽取 {count} 户": "sample survey, {count} households drawn",
    "抽样调查,抽样比例 {rate}": "sample survey, sampling rate {rate}",
    "已达到": "reached",
    "未达到": "not reached",
    "调查时间": "Survey dates",
    "{method};{sample}": "{method}; {sample}",
    "参加部门": "Departments",
    "调查组长": "Team leader",
    "调查人员": "Surveyors",
    "批准": "Approved",
    "发放份数": "Handed out",
    "收回份数": "Returned",
    "回收率": "Return rate",
    "回收率目标": "Return rate target",
    "{target}({reached})": "{target} ({reached})",
    "二、调查分析方法": "2. Method of analysis",
    "每个项目按“很满意、满意、一般、不满意、很不满意”五级评价,依次记 5、4、3、2、1 分;"
    "平均分为答了该项的调查表的平均;满意率 =(很满意 + 满意)÷ 答了该项的份数。"
    "各项目对比用柱状图,不满意(不满意 + 很不满意)的份数用排列图(帕累托图)找出主要问题。": (
        'Each item is rated on five levels, "very satisfied, satisfied, neutral, dissatisfied, very '
        'dissatisfied", scoring 5, 4, 3, 2, 1; the average is over the questionnaires that answered the '
        "item; satisfaction rate = (very satisfied + satisfied) ÷ questionnaires that answered it. Items "
        "are compared in bar charts, and a Pareto chart of the dissatisfied answers (dissatisfied + very "
        "dissatisfied) finds the main problems. "
    ),
    "四分图的重要性由业主在调查表上评定(很重要 5 分 … 不重要 1 分),取平均分。": (
        "The quadrant's importance was rated by owners on the questionnaire (very important 5 … not "
        "important 1), averaged. "
    ),
    "调查表没有请业主评定重要性,四分图的重要性由各项目得分与“总体情况”得分的相关系数推算:"
    "相关越强,说明该项目对业主的总体评价影响越大。": (
        "The questionnaire did not ask owners to rate importance: the quadrant's importance is the "
        'correlation of each item\'s score with the "overall" score; the stronger it is, the more the '
        "item weighs on the owners' overall opinion. "
    ),
    "四分图以各项目重要性和满意度的平均值分成四个区:{zones}。": (
        "The quadrant is split at the mean importance and mean satisfaction of the items into four "
        "zones: {zones}. "
    ),
    "{zone}——{words}": "{zone}: {words}",
    "另有 {count} 处答案尚待核对或录入,未计入本报告。": (
        "{count} more answers are waiting to be checked or entered and are not in this report."
    ),
    "三、公司总体情况分析": "3. Overall",
    "总体情况平均 {average} 分,满意率 {share}(共 {answered} 份作答);全部单项平均 {mean} 分。": (
        "Overall average {average}, satisfaction rate {share} ({answered} answered); all items average {mean}. "
    ),
    "上次调查(“{title}”)总体情况 {average} 分。": 'Previous survey ("{title}"): overall {average}.',
    "总体情况评价分布(份)": "Overall ratings (questionnaires)",
    "没有“总体情况”的有效答案。": 'No valid answers to "overall".',
    "四、各单项服务满意度分析": "4. Satisfaction by item",
    "作答": "Answered",
    "平均分": "Average",
    "满意率": "Satisfied",
    "上次": "Previous",
    "五、各单项服务满意度横向对比分析": "5. Items compared",
    "各项目平均分": "Average score by item",
    "各项目满意率": "Satisfaction rate by item",
    "本次": "This survey",
    "与上次调查对比(平均分)": "Compared with the previous survey (average score)",
    "不满意排列图(不满意 + 很不满意 份数)": "Dissatisfaction Pareto chart (dissatisfied + very dissatisfied)",
    "各楼栋平均分:": "Average score by building:",
    "份数": "Sheets",
    "六、重要性—满意度四分图": "6. Importance–satisfaction quadrant",
    "区": "Zone",
    "七、其他调查项目": "7. Other questions",
    "八、开放性问题统计": "8. Open questions",
    "{group}({count} 条)": "{group} ({count})",
    "({count} 人)": " ({count} people)",
    "……另有 {count} 种意见,见 Excel 的“开放意见”。": '… {count} more opinions: see the Excel sheet "Open answers".',
    "没有收到书面意见。": "No written opinions were received.",
    "九、调查总结": "9. Summary",
    "纠正措施": "Corrective action",
    "责任人": "Responsible",
    "期限": "Due",
    "调查组长:____________    品质管理部经理审核:____________    管理者代表审批:____________": (
        "Team leader: ____________    Quality manager's review: ____________    "
        "Management representative's approval: ____________"
    ),
    ctx("survey", "项目"): "Item",
    # the survey report's workbook
    "汇总": "Summary",
    "发放": "Handed out",
    "收回": "Returned",
    "回收率%": "Return rate %",
    "目标%": "Target %",
    "满意率%": "Satisfied %",
    "上次平均分": "Previous average",
    "重要性": "Importance",
    "明细": "Sheets",
    "四分图": "Quadrant",
    "重要性来源": "Importance from",
    "业主评定": "rated by owners",
    "与总体情况的相关系数": "correlation with overall",
    "开放意见": "Open answers",
    "分类": "Group",
}
