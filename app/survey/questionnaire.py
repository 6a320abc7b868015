"""《顾客意见调查表》: the subjects rated on five levels (§4.3.1, §4.3.2), the optional choice
items and open questions, checked before a plan is approved and frozen after."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from app.errors import ValidationError
from app.i18n import N_, tr


@dataclass
class Subject:
    key: str
    title: str
    hint: str = ""


@dataclass
class Choice:
    key: str
    title: str
    options: list[str]
    multiple: bool = False


@dataclass
class OpenQuestion:
    key: str
    title: str


@dataclass
class Questionnaire:
    """《顾客意见调查表》: subjects rated on five levels, optional choice items, open questions."""

    title: str = "顾客意见调查表"
    subjects: list[Subject] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    open: list[OpenQuestion] = field(default_factory=list)
    importance: bool = False  # an importance rating per subject (for the 四分图)
    overall: str = ""  # key of the 总体情况 subject

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Questionnaire:
        data = json.loads(text)
        return cls(
            title=data.get("title", "顾客意见调查表"),
            subjects=[Subject(**s) for s in data.get("subjects", [])],
            choices=[Choice(**c) for c in data.get("choices", [])],
            open=[OpenQuestion(**o) for o in data.get("open", [])],
            importance=bool(data.get("importance", False)),
            overall=data.get("overall", ""),
        )

    def subject(self, key: str) -> Subject | None:
        return next((s for s in self.subjects if s.key == key), None)

    def rated(self) -> list[Subject]:
        """The subjects other than 总体情况."""
        return [s for s in self.subjects if s.key != self.overall]

    def check(self) -> None:
        problems: dict[str, str] = {}
        if not self.subjects:
            problems[N_("调查项目")] = tr("至少要有一个调查项目")
        keys = [s.key for s in self.subjects] + [c.key for c in self.choices] + [o.key for o in self.open]
        if len(keys) != len(set(keys)):
            problems[N_("调查项目")] = tr("项目的代号重复")
        for s in self.subjects:
            if not s.title.strip():
                problems[N_("调查项目")] = tr("项目名称不能为空")
            if len(s.title) > 14:
                problems[N_("调查项目")] = tr("项目名称“{title}”太长(最多 14 个字),请缩短", title=s.title)
        for c in self.choices:
            if not 2 <= len(c.options) <= 8:
                problems[N_("选择题")] = tr("“{title}”要有 2 到 8 个选项", title=c.title)
            if any(len(o) > 8 for o in c.options):
                problems[N_("选择题")] = tr("“{title}”的选项太长(每个最多 8 个字)", title=c.title)
        if self.overall and self.subject(self.overall) is None:
            problems[N_("总体情况")] = tr("总体情况项目不在调查项目里")
        if problems:
            raise ValidationError(problems)


DEFAULT_SUBJECTS = [
    ("staff", "工作人员状况", "服务态度、仪容仪表、办事效率"),
    ("security", "安全管理", "门岗、巡逻、车辆管理"),
    ("cleaning", "环境管理(清洁)", "楼道、道路、垃圾清运"),
    ("greening", "环境管理(绿化)", "花草树木养护"),
    ("power", "供电管理", "停电通知、公共照明"),
    ("water", "供水管理", "水质、水压、停水通知"),
    ("facilities", "公共设备设施管理", "电梯、门禁、消防、道路"),
    ("home", "家居服务(家政、维修)", "及时性、质量、收费"),
    ("culture", "社区文化", "活动、宣传栏"),
    ("club", "会所服务", "开放时间、设施、服务"),
    ("overall", "总体情况", "对物业服务的整体评价"),
]


def default_questionnaire(importance: bool = False) -> Questionnaire:
    """The subjects of §4.3.1 on the five levels of §4.3.2, with the optional items."""
    return Questionnaire(
        subjects=[Subject(k, t, h) for k, t, h in DEFAULT_SUBJECTS],
        choices=[
            Choice("rebuy", "再置业情况:如再购房,是否考虑本公司管理的楼盘", ["会", "不会", "说不准"]),
            Choice(
                "needs",
                "其他需求(可多选)",
                ["家政服务", "维修服务", "社区活动", "代收快递", "老人照护", "其他"],
                True,
            ),
        ],
        open=[
            OpenQuestion("advice", "您对我们的工作有哪些意见和建议?"),
            OpenQuestion("first", "您最希望我们先改进哪一方面?"),
        ],
        importance=importance,
        overall="overall",
    )
