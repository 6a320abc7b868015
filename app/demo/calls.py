"""Making up the calls: when they come in, from whom, about what (each a `Story`)."""

from __future__ import annotations

import datetime as dt

from app import domain
from app.cases import CaseInput
from app.demo.complaints import COMPLAINTS
from app.demo.estate import SHOP_BUILDING, Occupant
from app.demo.people import PLATE_LETTERS
from app.demo.replay import ReplayBase, Story, poisson
from app.demo.scenarios import MAJOR_SCENARIOS, OTHERS, REPAIRS, Scenario
from app.demo.wording import CHANNEL_WEIGHTS, HOURS, KIND_WEIGHTS, MAJOR_SHARE, SEASON

# 先行处置 in the demo (H21): the urgent leaks of this category are contained first.
CONTAIN_CATEGORY = "漏水/渗漏"

# 细类 of a demo case by a word of its account (the policy's default lists; H25): the first
# word found wins, "" matches any account of the category.
SUB_WORDS: dict[str, list[tuple[str, str]]] = {
    "漏水/渗漏": [("卫生间", "卫生间渗漏"), ("窗", "窗边渗漏"), ("外墙", "外墙渗漏"), ("", "管道漏水")],
    "给排水": [("水压", "水压"), ("停水", "停水"), ("", "堵塞")],
    "设施设备维护": [("电梯", "电梯"), ("灯", "照明"), ("门禁", "门禁")],
    "安全设施": [("门禁", "门禁"), ("对讲", "对讲"), ("消防", "消防设施"), ("烟感", "消防设施")],
}


def subcategory_of(category: str, account: str) -> str:
    return next((sub for word, sub in SUB_WORDS.get(category, []) if word in account), "")


class CallSteps(ReplayBase):
    """The calls planned: arrivals over the years, each a story with its texts."""

    # Making up the calls ------------------------------------------------------------------
    def plan_arrivals(self, start: dt.datetime, scale: float) -> None:
        per_day = 2.6 * scale
        day = start.date()
        index = 0
        while day <= self.now.date():
            lam = per_day * SEASON[day.month] * (1.15 if day.weekday() >= 5 else 1.0)
            for _ in range(poisson(self.rng, lam)):
                hour = self.rng.choices(range(24), HOURS)[0]
                when = dt.datetime.combine(day, dt.time(hour, self.rng.randrange(60)))
                if start <= when <= self.now - dt.timedelta(hours=1):
                    kind = (
                        "报修" if index < len(self.channels) and self.channels[index] == "巡查发现" else None
                    )
                    story = self.make_story(when, index, kind=kind)
                    if not story.night:
                        index += 1
                    recent = self.now - when < dt.timedelta(days=40)
                    if recent and story.scenario.dispatch and self.rng.random() < 0.04:
                        story.stop_after = "sign"  # waiting for parts, the developer, the owner…
                    self.schedule_arrival(story)
            day += dt.timedelta(days=1)

    def make_story(
        self, when: dt.datetime, index: int, kind: str | None = None, major: bool = False
    ) -> Story:
        rng = self.rng
        kind = kind or rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        if kind == "投诉" and (major or rng.random() < MAJOR_SHARE):
            scenario = rng.choice(MAJOR_SCENARIOS)
            severity = "重大"
        else:
            pool = (
                REPAIRS
                if kind == "报修"
                else COMPLAINTS
                if kind == "投诉"
                else [s for s in OTHERS if s.kind == kind]
            )
            weights = [s.weight * (s.summer if when.month in (6, 7, 8) else 1.0) for s in pool]
            scenario = rng.choices(pool, weights)[0]
            severity = rng.choices(["轻微", "重要"], scenario.severity)[0]
        night = (when.hour >= 22 or when.hour < 7) and kind in ("报修", "投诉", "求助")
        if night:
            channel = "夜间值班"
        elif when.hour >= 22 or when.hour < 7:
            channel = rng.choice(["网络", "电子邮件"])  # messages left in the app overnight
        elif index < len(self.channels):
            channel = self.channels[index]  # every channel early on, however rare
        else:
            channel = rng.choices(self.channels, [CHANNEL_WEIGHTS[c] for c in self.channels])[0]
        if channel == "巡查发现" and kind not in ("报修", "投诉"):
            channel = "来访"  # patrols find faults, not questions
        anonymous = False
        if kind in ("投诉", "建议") and not night and severity != "重大":
            chance = 0.7 if channel == "意见箱" else 0.12
            anonymous = rng.random() < chance
        occupant = None if anonymous else self.pick_occupant(scenario)
        validity = None
        if kind == "投诉":
            validity = rng.choices(domain.VALIDITIES, scenario.validity)[0]
            if severity == "重大":
                validity = "一类"
        urgency = rng.choices(domain.URGENCIES, scenario.urgency)[0]
        if severity == "重大":
            urgency = "紧急"
        return Story(
            scenario,
            when,
            channel,
            occupant,
            anonymous,
            severity,
            urgency,
            validity,
            self.texts(scenario, occupant),
            night=night,
        )

    def pick_occupant(self, scenario: Scenario) -> Occupant:
        if scenario.category in ("漏水/渗漏", "给排水") and self.rng.random() < 0.15:
            return self.rng.choice(self.chronic)  # the rooms that keep coming back
        return self.rng.choice(self.estate.occupants)

    def texts(self, scenario: Scenario, occupant: Occupant | None) -> dict[str, str]:
        rng = self.rng
        if occupant is None or occupant.building == SHOP_BUILDING:
            b, u, number = rng.choice(self.estate.residential)
        else:
            b, u, number = occupant.building, occupant.unit, occupant.number
        floor, pos = int(number[:-2]), number[-2:]
        up = f"{floor + 1}{pos}" if floor < 18 else "住户"
        if occupant is not None and occupant.building == SHOP_BUILDING:
            up = "住户"
        workers = self.crew.by_department.get(scenario.department) or self.crew.by_role["clerk"]
        other_workers = [p for ps in self.crew.by_department.values() for p in ps]
        values = {
            "b": b,
            "u": u,
            "f": str(floor),
            "f2": str(min(floor + 1, 18)),
            "up": up,
            "plate": f"粤A{rng.choice(PLATE_LETTERS)}{rng.randrange(1000, 9999)}{rng.choice(PLATE_LETTERS)}",
            "staff": rng.choice(other_workers if scenario.kind == "表扬" else workers).name,
        }
        i = rng.randrange(len(scenario.accounts))
        result = scenario.results[i] if i < len(scenario.results) else rng.choice(scenario.results)
        party = rng.choice(scenario.parties) if scenario.parties else ""
        return {
            "account": scenario.accounts[i].format(**values),
            "request": rng.choice(scenario.requests).format(**values),
            "result": result.format(**values),
            "party": party.format(**values),
            "place": scenario.place.format(**values),
        }

    def schedule_arrival(self, story: Story) -> None:
        if story.night:
            self.at(story.received, lambda: self.night_call(story))
        else:
            self.at(story.received, lambda: self.intake(story))
        if (
            story.repeat_of is None
            and story.occupant is not None
            and story.scenario.kind in ("报修", "投诉")
            and story.severity != "重大"  # a major complaint is followed by the manager, not re-reported
            and self.rng.random() < 0.06
        ):
            again = Story(
                story.scenario,
                self.working(story.received + dt.timedelta(hours=self.rng.uniform(2, 60))),
                self.rng.choice(["电话", "来访", "网络"]),
                story.occupant,
                False,
                story.severity,
                story.urgency,
                story.validity,
                dict(story.texts),
                repeat_of=story,
            )
            again.texts["account"] = (
                self.rng.choice(["业主再次来电催促:", "业主又到服务中心反映:", "业主在APP上再次反映:"])
                + story.texts["account"]
            )
            self.at(again.received, lambda: self.intake(again))

    # The steps ---------------------------------------------------------------------------------
    def case_input(self, story: Story) -> CaseInput:
        occ = story.occupant
        if story.channel == "巡查发现" and occ is not None:
            name = self.crew.steward_of.get(occ.building, self.crew.one("steward")).name
            who = {"room": occ.label, "customer_name": f"巡查:{name}", "customer_phone": ""}
        elif occ is not None:
            who = {"room": occ.label, "customer_name": occ.name, "customer_phone": occ.phone}
        else:
            who = {"room": "", "customer_name": "", "customer_phone": ""}
        contract = contract_dates(story)
        return CaseInput(
            account=story.texts["account"],
            kind=story.scenario.kind,
            received_at=story.received,
            channel=story.channel,
            anonymous=story.anonymous,
            validity=story.validity,
            severity=story.severity,
            category=story.scenario.category,
            subcategory=subcategory_of(story.scenario.category, story.texts["account"]),
            urgency=story.urgency,
            event_time=story.received - self.minutes(10, 600)
            if story.scenario.kind in ("投诉", "报修")
            else None,
            event_place=story.texts["place"],
            party=story.texts["party"] if story.scenario.kind == "投诉" else "",
            request=story.texts["request"],
            room=who["room"],
            customer_name=who["customer_name"],
            customer_phone=who["customer_phone"],
            # 先行处置 (H21): an urgent leak harms the owner now; it is contained first.
            contain_needed=story.urgency == "紧急" and story.scenario.category == CONTAIN_CATEGORY,
            contract_start=contract[0],
            contract_end=contract[1],
        )


def contract_dates(story: Story) -> tuple[dt.date | None, dt.date | None]:
    """A paid special service's contract (特约服务: its visits fall mid-contract and after the
    end): from the day after the call, two to eight weeks, taken from the call's own time so
    the demo's random draws stay as they were."""
    if story.scenario.kind != "特约服务":
        return None, None
    start = story.received.date() + dt.timedelta(days=1)
    return start, start + dt.timedelta(weeks=2 + story.received.minute % 7)
