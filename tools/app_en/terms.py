"""The stored words: states, kinds, severities, channels, event types, roles (app/domain.py)."""

from tools.app_en import ctx

EN: dict[str, str] = {
    # kinds
    "咨询": "Enquiry",
    "建议": "Suggestion",
    "求助": "Request for help",
    "特约服务": "Paid service",
    "表扬": "Praise",
    # validity
    "一类": "Class 1",
    "二类": "Class 2",
    "无效": "Invalid",
    "有效投诉·一类": "Valid complaint · class 1",
    "有效投诉·二类": "Valid complaint · class 2",
    "无效投诉": "Invalid complaint",
    # severity, urgency
    "轻微": "Minor",
    "重要": "Serious",
    "重大": "Major",
    "紧急": "Urgent",
    "一般": "Normal",
    ctx("urgency", "一般"): "Normal",
    ctx("satisfaction", "一般"): "Neutral",
    "可延后": "Can wait",
    # case states
    "待派工": "To dispatch",
    "已派工": "Dispatched",
    "处理中": "In progress",
    "已办结": "Resolved",
    "已关闭": "Closed",
    "已合并": "Merged",
    "已作废": "Void",
    # roles
    "系统管理员": "Administrator",
    "客服员": "Service clerk",
    "客服主任": "Customer service director",
    "管理处经理": "Office manager",
    "总经理": "General manager",
    "社区文化文员": "Community culture clerk",
    "部门人员": "Department staff",
    "夜班值班": "Night duty",
    # timeline events
    "进展": "Progress",
    "打印记录表": "Record sheet printed",
    # visit methods, satisfaction, visit states
    "微信": "WeChat",
    "其他": "Other",
    "很满意": "Very satisfied",
    "满意": "Satisfied",
    "不满意": "Dissatisfied",
    "很不满意": "Very dissatisfied",
    "未联系上": "Not reached",
    "拒访": "Refused",
    "已取消": "Cancelled",
}

# how a message is put together (app/errors.py)
EN.update(
    {
        ";": "; ",
        "{field}:{reason}": "{field}: {reason}",
    }
)
