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

# the sample's reasons (app/visits/shown.py shown_decision_reason)
EN.update(
    {
        "匿名案件不回访,处理情况附于案件": "Anonymous case: no visit; the handling is kept with the case",
        "业主只要求书面答复,不回访,复函附于案件": "The owner asked only for a written reply: no visit; the letter is kept with the case",
        "{kind}回访率100%,全部回访": "{kind}: visit rate 100%, every one visited",
        "{kind}回访率0%,由计划人员按需手工加入": "{kind}: visit rate 0%, added by hand by the planner when needed",
        "{quarter} {kind}第{n}件(已抽{chosen}件,目标{pct}须{needed}件):按{chance}的机会随机抽中": (
            "{quarter} {kind} no. {n} ({chosen} drawn; target {pct} needs {needed}): drawn at random with a {chance} chance"
        ),
        "{quarter} {kind}第{n}件(已抽{chosen}件,目标{pct}须{needed}件):按{chance}的机会随机未抽中": (
            "{quarter} {kind} no. {n} ({chosen} drawn; target {pct} needs {needed}): not drawn, at a {chance} chance"
        ),
        "{word}:{quarter} {kind}已抽{chosen}件,目标{pct}须{needed}件,从未抽中的{count}件中随机抽中": (
            "{word}: {quarter} {kind}, {chosen} drawn, target {pct} needs {needed}; drawn at random from the {count} not drawn"
        ),
        "{name}手工加入:{reason}": "Added by hand by {name}: {reason}",
        "{name}手工取消:{reason}": "Cancelled by hand by {name}: {reason}",
        "替换 {number},因 {reason}(随机抽取,{name}取消后)": "Replaces {number}, because {reason} (drawn at random after {name} cancelled it)",
        "无可替换案件,本季度抽样不足{short}件": "no case to replace it: this quarter's sample is {short} short",
        "补抽": "Catch-up draw",
        "季末补抽": "End-of-quarter catch-up draw",
        "替换抽中": "Drawn as a replacement",
    }
)

# a community activity's draw (app/visits/shown.py shown_activity_reason)
EN.update(
    {
        "{rooms}户参与,回访率{pct}须至少{needed}户:随机抽中": (
            "{rooms} households took part; a {pct} visit rate needs at least {needed}: drawn at random"
        ),
        "{rooms}户参与,已随机抽足{needed}户({pct}),本户未抽中": (
            "{rooms} households took part; {needed} ({pct}) already drawn at random: this one not drawn"
        ),
    }
)
