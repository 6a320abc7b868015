"""A visit's plan line shown in the chosen language (app/visits/shown.py)."""

EN: dict[str, str] = {
    "手工加入:": "Added by hand: ",
    "返工后复访:": "Visit again after rework: ",
    "替换抽中:": "Drawn as a replacement: ",
    "补抽:": "Catch-up draw: ",
    "{kind}·{severity}{sub} → {role},{purpose}{rule}": "{kind} · {severity}{sub} → {role}, {purpose}{rule}",
    "({name})": " ({name})",
    "{purpose},": "{purpose}, ",
    "({name}是维修/办结人,请另派回访人)": " ({name} did the repair or resolved it: assign another visitor)",
    "请指派{role}": "assign a {role}",
    "{why},{first}、{second}两人同时回访": "{why}: the {first} and the {second} visit together",
    "{severity}{kind}": "{severity} {kind}",
    "第{attempt}次回访:{reason},可电话回访": "Visit no. {attempt}: {reason}; may be made by phone",
    "{purpose}:{reason}": "{purpose}: {reason}",
    "闭水试验后{days}个工作日内": "within {days} working days after the leak test",
    "闭水试验后{days}天内": "within {days} days after the leak test",
    "办结后{days}个工作日内": "within {days} working days after resolution",
    "办结后{days}天内": "within {days} days after resolution",
}
EN["{note},{more}"] = "{note}; {more}"
