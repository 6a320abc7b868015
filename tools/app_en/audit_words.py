"""The details of reads in the audit trail, shown in the chosen language (app/audit_words.py)."""

EN: dict[str, str] = {
    "{name} 的联系电话": "phone number of {name}",
    "{name} 的身份证号": "ID number of {name}",
    "导出 {count} 人到 {file}": "{count} people exported to {file}",
    "回访 #{id}({what})的回访记录表": "visit record form of visit #{id} ({what})",
    "{number} 的投诉处理记录表(来电人 {caller})": "complaint record sheet of {number} (caller {caller})",
    "{number} 来电人 {caller} 的联系电话": "phone number of {caller}, caller of {number}",
    "全部案件(含来电人姓名、电话及回访)导出到 {file}": "all cases (with callers' names, phones and visits) exported to {file}",
}
