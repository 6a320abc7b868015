"""The replay of a case's handling: intake (and the night log), dispatch, signing, notes,
replies, extensions, major reports, voiding and resolving, all through the services."""

from __future__ import annotations

import datetime as dt

from app import domain
from app.demo.replay import ReplayBase, Story, month_day
from app.demo.wording import EXTENSION_REASONS, NOTES, RESPONSES, VOID_REASONS
from app.models import NightLogEntry

# 先行处置 (H21): what the duty repairman did first about an urgent leak.
CONTAINMENT = "已关闭漏水处上游阀门,铺设接水盆和防水布,通知楼上住户暂停用水。"


class HandlingSteps(ReplayBase):
    """A case's handling, step by step, through `CaseService` and `NightLogService`."""

    def night_call(self, story: Story) -> None:
        occ = story.occupant
        assert occ is not None
        duty = self.rng.choice(self.crew.by_role["night_duty"])
        action = self.rng.choice(
            ["已通知值班维修工到场临时处理", "已安抚业主,次日转客服处理", "已派巡逻岗到现场查看", ""]
        )
        entry = self.nightlog.add(
            content=story.texts["account"],
            caller=occ.name,
            phone=occ.phone,
            room=occ.label,
            action_taken=action,
            logged_by=duty.name,
            at=story.received,
        )
        morning = story.received.replace(hour=8, minute=0) + self.minutes(5, 80)
        if story.received.hour >= 22:
            morning += dt.timedelta(days=1)
        self.at(morning, lambda: self.convert(story, entry))

    def convert(self, story: Story, entry: NightLogEntry) -> None:
        inp = self.nightlog.as_input(entry)
        full = self.case_input(story)
        full.account, full.received_at, full.channel = inp.account, inp.received_at, inp.channel
        story.case = self.nightlog.convert(entry, full, self.clerk())
        self.handle(story, start=self.clock.now())

    def intake(self, story: Story) -> None:
        story.case = self.take_in(story)
        if (
            story.repeat_of is None
            and self.can_void
            and (story.void or (not story.plain and self.rng.random() < 0.004))
        ):
            # Entered by mistake (误录): the director voids it; it stays in the history.
            story.stop_after = "create"
            self.at(self.working(story.received + self.minutes(5, 90)), lambda: self.void(story))
        if story.repeat_of is not None and story.repeat_of.case is not None:
            original = story.repeat_of.case
            likely = self.cases.duplicates(
                story.occupant.label if story.occupant else "", story.scenario.category, exclude=story.case.id
            )
            if (
                any(c.id == original.id for c in likely)
                and original.state != domain.MERGED
                and self.rng.random() < 0.75
            ):
                self.cases.merge(story.case, original, self.clerk())
                return
        self.handle(story, start=story.received)

    def handle(self, story: Story, start: dt.datetime) -> None:
        """Plan the rest of the case's life from `start` (the intake or the morning after)."""
        case = story.case
        assert case is not None
        rng = self.rng
        sc = story.scenario
        self.plan_record_sheet(story)
        if story.stop_after == "create":
            return  # untouched: an urgent leak among them stays 先行处置超时 on the dashboard
        if case.contain_needed:  # contained first, 35 minutes after it was taken up (no draw)
            self.at(start + dt.timedelta(minutes=35), lambda: self.contain(story))
        # How long handling takes: most well inside the deadline, some late.
        span = (case.resolve_due - case.received_at).total_seconds() / 3600
        if sc.kind == "咨询":
            done = self.working(start + self.minutes(3, 30))
        elif sc.kind == "求助" and story.urgency == "紧急":
            done = self.working(start + self.minutes(20, 180))  # help is on its way at once
        elif sc.kind == "表扬":
            done = self.working(start + self.minutes(60, 1200))
        else:
            late, extend = rng.random() < 0.07, rng.random() < 0.05
            if not story.plain:
                story.late = story.late or late
                story.extend = story.extend or (extend and not story.late)
            if story.late:
                done = case.resolve_due + dt.timedelta(hours=rng.uniform(2, 70))
            else:
                share = rng.uniform(0.05, 0.5) if story.urgency == "紧急" else rng.uniform(0.1, 0.9)
                done = case.received_at + dt.timedelta(hours=span * share)
            done = max(done, start + self.minutes(40, 240))
            done = self.working(done)
        if sc.dispatch:
            quick = sc.kind == "求助" and story.urgency == "紧急"
            sent = self.working(start + (self.minutes(2, 10) if quick else self.minutes(3, 60)))
            self.at(sent, lambda: self.dispatch(story))
            if story.stop_after != "dispatch":
                signed = sent + self.minutes(5, 150 if story.urgency != "紧急" else 30)
                self.at(signed, lambda: self.sign(story))
                done = max(done, signed + self.minutes(10 if quick else 20, 120))
            if story.stop_after == "sign":
                # Stuck: answered and noted, waiting for parts, the developer or the owner.
                self.at(self.working(signed + self.minutes(30, 300)), lambda: self.respond(story))
                self.at(self.working(signed + self.minutes(600, 1800)), lambda: self.note(story))
            if story.stop_after:
                return
            if rng.random() < 0.35:
                self.at(signed + (done - signed) * rng.uniform(0.2, 0.8), lambda: self.note(story))
            # The first answer to the owner: mostly within 24 hours.
            reply = start + self.minutes(10, 60 * (40 if rng.random() < 0.06 else 18))
            if reply < done and not story.anonymous:
                self.at(self.working(reply), lambda: self.respond(story))
            if story.extend:
                asked = case.resolve_due - dt.timedelta(hours=rng.uniform(2, min(20, max(2.5, span / 2))))
                asked = max(asked, signed + self.minutes(10, 60))
                new_due = case.resolve_due + dt.timedelta(days=rng.randint(3, 10))
                self.at(asked, lambda: self.extend(story, new_due))
                done = self.working(max(asked, new_due - dt.timedelta(hours=rng.uniform(6, 60))))
        elif story.stop_after:
            return
        if story.resolve_at is not None:
            done = story.resolve_at
        if case.severity == "重大":
            self.at(self.working(start + self.minutes(60, 600)), lambda: self.major_report(story))
            self.at(start + self.minutes(120, 1500), lambda: self.respond(story, "明确答复"))
        self.at(done, lambda: self.resolve(story))

    def void(self, story: Story) -> None:
        if story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        reason = self.rng.choice(VOID_REASONS)
        self.cases.void(story.case, reason, self.crew.one("cs_director"))

    def dispatch(self, story: Story) -> None:
        case = story.case
        assert case is not None
        if case.state not in domain.OPEN_STATES:
            return
        dep = self.crew.departments.get(story.scenario.department) or self.crew.departments["客服部"]
        workers = self.crew.by_department.get(dep.name) or self.crew.by_role["clerk"]
        story.assignee = self.rng.choice(workers)
        text = self.rng.choice(["请尽快上门处理", "请今天内处理并反馈", "业主要求先电话联系", ""])
        story.slip = self.cases.dispatch(case, dep, self.clerk(), assignee=story.assignee, instructions=text)

    def sign(self, story: Story) -> None:
        if story.slip is None or story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        assert story.assignee is not None
        self.cases.sign_for(story.slip, story.assignee.name, story.assignee)

    def note(self, story: Story) -> None:
        if story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        day = month_day(self.clock.now() + dt.timedelta(days=self.rng.randint(0, 2)))
        self.cases.add_note(story.case, self.rng.choice(NOTES).format(day=day), story.assignee)

    def respond(self, story: Story, what: str = "") -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES:
            return
        if what:
            text = f"{what}:经理已与业主面谈,说明初步调查情况和处理方案,承诺十日内解决。"
            actor = self.crew.one("office_manager")
        else:
            if case.first_response_at is not None:
                return
            day = month_day(self.clock.now() + dt.timedelta(days=1))
            text = self.rng.choice(RESPONSES).format(dept=story.scenario.department, day=day)
            actor = self.clerk()
        self.cases.add_note(case, text, actor, response=True)

    def extend(self, story: Story, new_due: dt.datetime) -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES or new_due <= case.resolve_due:
            return
        role = self.policy.extension_approver_role(case.severity)
        approver = (self.crew.by_role.get(role) or self.crew.by_role["general_manager"])[0]
        reason = self.rng.choice(EXTENSION_REASONS)
        self.clerk()  # the clerk who asked, drawn as before: the demo's random sequence stays the same
        # The approver approves with their own login (H21): they record it themselves.
        self.cases.extend(case, new_due, reason, approver, approver)

    def major_report(self, story: Story) -> None:
        case = story.case
        assert case is not None
        fields = {
            "content": case.account,
            "cause": "设备维护保养不到位,应急响应超出承诺时限。",
            "handling": "经理第一时间到场,组织抢修和安抚,向业主说明处理方案。",
            "result": story.texts["result"],
            "lessons": "应急预案演练不足,夜间值班与维保单位联动不畅。",
            "corrective": "修订应急预案,每季度演练一次;与维保单位签订到场时限考核条款。",
        }
        if story.major_draft_only:
            fields = {k: fields[k] for k in ("content", "cause")}
        self.cases.save_major_report(
            case, fields, submit=not story.major_draft_only, actor=self.crew.one("office_manager")
        )

    def contain(self, story: Story) -> None:
        """先行处置 (H21): the duty repairman stops the water 35 minutes after the call (at night
        too: the night shift sends him); the first clerk records it when the case is taken up."""
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES or not case.contain_needed:
            return
        if case.contained_at is None:
            at = max(case.received_at, min(self.clock.now(), story.received + dt.timedelta(minutes=35)))
            by = f"{story.scenario.department}值班维修工"
            self.cases.contain(case, CONTAINMENT, self.crew.by_role["clerk"][0], by=by, at=at)

    def resolve(self, story: Story) -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES:
            return
        self.contain(story)  # recorded before 办结, late if nobody did it in time
        actor = story.assignee or self.clerk()
        result = story.texts["result"]
        if story.rework_done:
            result = "返工:" + result
        if case.first_response_at is None and not case.anonymous:
            # 办结 is not a first reply: the owner is told the result, and that is the reply.
            self.cases.add_note(case, "已电话告知业主处理结果", actor, response=True)
        self.cases.resolve(case, result, actor)
        self.after_resolve(story)
