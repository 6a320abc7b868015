"""The replay of follow-up visits: phone calls and visits on site with numbered forms,
signatures, rework notices, reviews, all through `VisitService` and `FormLedger`."""

from __future__ import annotations

import datetime as dt
import functools

from app import domain
from app.demo.people import FEMALE_GIVEN, MALE_GIVEN
from app.demo.replay import ReplayBase, Story
from app.demo.wording import (
    REVIEW_DIRECTOR,
    REVIEW_GM,
    REVIEW_MANAGER,
    VISIT_ANSWERS,
    VISIT_FINDINGS,
    VISIT_OPINIONS,
    VISIT_QUESTIONS,
)
from app.forms import OUT as FORM_OUT
from app.models import Case, FormSheet, ReworkNotice, Staff, Visit, VisitTask
from app.signatures import SignatureCapture, demo_strokes
from app.visits import UNSATISFIED, VisitResult
from app.visits.special import WAIT_LEAK as LEAK_TEST_WAIT


class VisitSteps(ReplayBase):
    """The visits the planner chose, carried out as the office would."""

    # Visits and closing ------------------------------------------------------------------------
    # The case service's resolve listener (VisitService.on_resolved) has already sampled the
    # case and planned its visit; the replay carries the visit out as the office would.
    def open_visit(self, case: Case) -> Visit | None:
        return (
            Visit.select()
            .where(Visit.case == case, Visit.state == domain.VISIT_PLANNED)
            .order_by(
                Visit.due, Visit.id
            )  # a special service's mid-contract visit before the one after its end
            .first()
        )

    def after_resolve(self, story: Story) -> None:
        case = story.case
        assert case is not None and case.resolved_at is not None
        resolved = case.resolved_at
        if case.severity == "重大":
            self.notable.append((resolved, "major", story))
        self.story_of[case.id] = story
        self.visit_drawn(case)
        if self.visits.dates.waiting(case) == LEAK_TEST_WAIT:
            # A leak is visited after its leak test (闭水试验), a working day or two after the repair.
            tested = self.working(resolved + self.minutes(60 * 18, 60 * 48))
            self.at(tested, lambda: self.leak_tested(story))
            return
        self.visit_or_close(story)

    def visit_drawn(self, case: Case) -> None:
        """Earlier cases the sample drew just now to keep its rate (补抽, 替换): their visits are
        done as any other, even when the case was closed meanwhile."""
        drawn = Visit.select().where(
            Visit.created_at == self.clock.now(),
            Visit.case != case,
            Visit.state == domain.VISIT_PLANNED,
            Visit.attempt == 1,
        )
        for visit in drawn:
            story = self.story_of.get(int(str(visit.case_id)))
            if story is not None:
                self.plan_visit(story, visit)

    def leak_tested(self, story: Story) -> None:
        case = story.case
        assert case is not None
        case = Case.get_by_id(case.id)
        story.case = case
        if case.state != domain.RESOLVED:
            return
        self.visits.dates.record_leak_test(case, self.clock.now().date(), self.crew.one("steward"))
        self.visit_or_close(story)

    def visit_or_close(self, story: Story) -> None:
        """The resolved case's visit done as the office does it, or the case closed."""
        case = story.case
        assert case is not None and case.resolved_at is not None
        resolved = case.resolved_at
        visit = self.open_visit(case)
        if story.letter is not None:
            self.letter_ready(story, visit)
            return
        if visit is None:
            reason = self.by_hand_reason(story)
            if reason and story.force_visit:
                self.add_by_hand(story, reason)
            elif reason:
                self.at(
                    self.working(resolved + self.minutes(30, 300)), lambda: self.add_by_hand(story, reason)
                )
            else:
                self.at(self.working(resolved + self.minutes(120, 60 * 24 * 7)), lambda: self.close(story))
            return
        if story.channel == "巡查发现":
            # Found on patrol: no owner reported it, the planner takes it off the list.
            self.at(self.working(resolved + self.minutes(30, 600)), lambda: self.drop_visit(story, visit))
            return
        self.plan_visit(story, visit)
        # A special service's second visit, after its contract ends: made a few days before its date.
        later = Visit.select().where(
            Visit.case == case, Visit.state == domain.VISIT_PLANNED, Visit.attempt == 1, Visit.id != visit.id
        )
        for after_end in later:
            start = dt.datetime.combine(after_end.due, dt.time(9)) - dt.timedelta(days=3)
            self.at(
                self.working(max(start, self.clock.now())),
                functools.partial(self.plan_visit, story, after_end),
            )

    def by_hand_reason(self, story: Story) -> str:
        """Why the director adds a case the sample left out, or '' when nobody does."""
        if story.anonymous or story.occupant is None or story.channel == "巡查发现":
            return ""
        kind = story.scenario.kind
        if story.force_visit:
            return "业主要求办结后回访确认"
        if kind == "报修" and story.occupant in self.chronic and self.rng.random() < 0.5:
            return "同一房号多次报修漏水/堵塞,回访确认是否彻底解决"
        if kind == "建议" and "采纳" in story.texts["result"] and self.rng.random() < 0.4:
            return "建议已采纳,回访告知业主实施安排"
        return ""

    def add_by_hand(self, story: Story, reason: str) -> None:
        case = story.case
        if case is None or case.state != domain.RESOLVED or self.open_visit(case) is not None:
            return
        visit = self.visits.add_by_hand(case, reason, self.crew.one("cs_director"))
        self.plan_visit(story, visit)

    def drop_visit(self, story: Story, visit: Visit) -> None:
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED:
            return
        self.visits.drop_by_hand(visit, "巡查发现的问题,无报事业主,不需回访", self.crew.one("cs_director"))
        if story.case is not None:
            self.visit_drawn(story.case)  # the replacement the sample drew, when the drop left it short
        self.at(self.working(self.clock.now() + self.minutes(60, 60 * 48)), lambda: self.close(story))

    def visitor(self, visit: Visit, story: Story | None) -> Staff:
        """Who goes: the planned visitor, else the building's steward."""
        if visit.visitor_id:
            return Staff.get_by_id(visit.visitor_id)
        building = story.occupant.building if story and story.occupant else ""
        return self.crew.steward_of.get(building, self.crew.one("steward"))

    def plan_visit(self, story: Story, visit: Visit) -> None:
        """When and how the visit is done: by phone or on site with a numbered form, a few
        calls first, now and then given up; the last days leave it open on purpose."""
        rng = self.rng
        base = self.clock.now()
        case = story.case
        assert case is not None
        on_site_share = 0.65 if case.kind == "投诉" else 0.25
        if visit.attempt > 1:
            on_site_share = 0.3
        if case.kind not in ("投诉", "报修", "求助", "特约服务"):
            on_site_share = 0.0  # an answer to a suggestion is a phone call
        method = "上门" if rng.random() < on_site_share else "电话"
        allowed = max(1, (visit.due - base.date()).days)
        late = 5 if rng.random() < 0.12 else 0  # a few visits run past their date
        done = self.working(base + dt.timedelta(hours=rng.uniform(18, 24 * (allowed + late))))
        mode = story.visit_mode
        if mode == "leave":
            return
        if mode == "form_out":
            when = max(base + self.minutes(5, 30), self.desk - self.minutes(20, 90))
            self.at(when, lambda: self.form_out(story, visit))
            return
        if mode == "calls":
            first = self.working(base + self.minutes(60 * 20, 60 * 30))
            self.at(first, lambda: self.attempt(visit, "未接通", "响铃无人接听"))
            back = (self.now + dt.timedelta(days=1)).replace(hour=18, minute=30)
            self.at(
                self.working(first + self.minutes(60 * 20, 60 * 30)),
                lambda: self.attempt(visit, "约定回电", "业主在外地,约定回来后再联系", back),
            )
            return
        if story.letter is None and visit.attempt == 1 and method == "电话":
            # A few owners are never reached, or do not want to be visited.
            calls = next(self.phone_count)
            if calls % 40 == 4:
                tries = [done - dt.timedelta(days=2), done - dt.timedelta(days=1), done]
                for i, when in enumerate(tries):
                    final = i == len(tries) - 1
                    outcome = "号码错误" if final and rng.random() < 0.3 else "未接通"
                    note = "三次联系未果,按未联系上处理" if final else "无人接听"
                    self.at(
                        self.working(max(when, base + self.minutes(30, 90))),
                        functools.partial(self.attempt, visit, outcome, note, give_up=final, story=story),
                    )
                return
            if calls % 60 == 14:
                self.at(
                    done,
                    functools.partial(
                        self.attempt,
                        visit,
                        "拒绝回访",
                        "业主表示问题已解决,不需要回访",
                        give_up=True,
                        story=story,
                    ),
                )
                return
        if method == "电话":
            roll = rng.random()
            if roll < 0.15:
                self.at(
                    self.working(max(base + self.minutes(30, 90), done - self.minutes(60 * 3, 60 * 26))),
                    lambda: self.attempt(visit, rng.choice(["未接通", "无人在家"]), "稍后再打"),
                )
            elif roll < 0.2:
                self.at(
                    self.working(max(base + self.minutes(30, 90), done - self.minutes(60 * 2, 60 * 26))),
                    lambda: self.attempt(visit, "约定回电", "业主正在开会", done),
                )
            self.at(done, lambda: self.do_visit(story, visit.id, method))
            return
        # On site: the numbered form is printed and signed out first, returned after.
        taken = self.working(max(base + self.minutes(10, 60), done - self.minutes(60, 60 * 20)))
        self.at(taken, lambda: self.form_out(story, visit))
        self.at(max(done, taken + self.minutes(30, 90)), lambda: self.do_visit(story, visit.id, method))

    def attempt(
        self,
        visit: Visit,
        outcome: str,
        note: str,
        call_back: dt.datetime | None = None,
        give_up: bool = False,
        story: Story | None = None,
    ) -> None:
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED:
            return
        if outcome == "约定回电" and (call_back is None or call_back <= self.clock.now()):
            call_back = self.clock.now() + self.minutes(60, 60 * 6)
        self.visits.record_attempt(
            visit, outcome, note, call_back_at=call_back, actor=self.visitor(visit, story), give_up=give_up
        )
        if give_up and story is not None:
            text = f"回访{visit.state}({outcome}),处理结果已短信告知业主,关闭。"
            self.at(
                self.working(self.clock.now() + self.minutes(30, 60 * 30)), lambda: self.close(story, text)
            )

    def form_out(self, story: Story, visit: Visit) -> None:
        """领用: the clerk prints the numbered form (or hands a blank one) and the visitor signs for it."""
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED or self.forms.live_form(visit) is not None:
            return
        clerk = self.clerk()
        person = self.visitor(visit, story)
        rng = self.rng
        if self.blank_stock and visit.role == "steward" and rng.random() < 0.15:
            form = self.blank_stock.pop(0)
            case = story.case
            item = f"{case.number} {case.kind}·{case.category}" if case else ""
            self.forms.sign_out(form, person, visit_item=item, visit=visit)
            return
        form = self.forms.issue_for_visit(visit, clerk)
        if rng.random() < 0.02:
            # Spoiled before it left the desk: voided, a new number printed.
            self.forms.void(form, rng.choice(["填写错误", "打印错误", "污损"]), clerk)
            form = self.forms.issue_for_visit(visit, clerk)
        self.forms.sign_out(form, person, remarks=rng.choice(["", "", "", "上门前已电话预约"]))

    def customer_signature(self, story: Story, case: Case, pad: bool) -> SignatureCapture:
        """Who signs for the owner: the caller mostly; every seventh time on the pad a family member."""
        occ = story.occupant
        name = case.customer_name or (occ.name if occ else "业主")
        relation = {"租户": "租户", "商户": "商户"}.get(occ.kind if occ else "", "业主本人")
        if relation == "业主本人" and pad and next(self.pad_count) % 7 == 3:
            relation = "家属"  # the owner was out; the spouse or a parent signed
            name = name[0] + self.rng.choice(FEMALE_GIVEN + MALE_GIVEN)
        strokes = demo_strokes(self.rng.randrange(1 << 30))
        return SignatureCapture(strokes, 600, 200, name, relation)

    def second_visitor(self, visit: Visit, person: Staff, result: VisitResult) -> None:
        """A visit made by two (a 重大 complaint: seed 002): the second visitor named and, where
        the visitor signs on the pad, signing too (no draw from the replay's stream)."""
        if not (visit.second_role or visit.second_visitor_id):
            return
        second = visit.second_visitor
        if second is None or second.id == person.id:
            options = [p for p in self.crew.by_role.get(visit.second_role, []) if p.id != person.id]
            options = options or [p for p in self.crew.by_role["cs_director"] if p.id != person.id]
            second = options[0] if options else None
        if second is None:
            return
        result.second_visitor_id = second.id
        if result.visitor_signature is not None:
            strokes = demo_strokes(visit.id * 7919 + 17)
            result.second_visitor_signature = SignatureCapture(strokes, 600, 200, second.name, "")

    def do_visit(self, story: Story, visit_id: int, method: str) -> None:
        rng = self.rng
        visit = Visit.get_by_id(visit_id)
        if visit.state != domain.VISIT_PLANNED:
            return
        case = Case.get_by_id(visit.case_id)
        story.case = case
        if case.resolved_at is None:
            return
        if story.rework_done:
            mood = rng.choices(["很满意", "满意", "一般"], [3, 6, 1])[0]
        elif (n := next(self.mood_count)) % 28 == 13:  # one owner in 28 is not satisfied
            mood = "很不满意" if n // 28 % 6 == 5 else "不满意"
        else:
            mood = rng.choices(["很满意", "满意", "一般"], [36, 52, 8.5])[0]
        person = self.visitor(visit, story)
        unhappy = mood in UNSATISFIED
        result = VisitResult(
            method=method,
            satisfaction=mood,
            met_person=story.occupant.name if story.occupant else "",
            findings=rng.choice(VISIT_FINDINGS[mood]),
            shortcomings=rng.choice(["", "", "上门前未提前预约时间。", "完工后现场清理不够。"])
            if not unhappy
            else "问题未彻底解决。",
            opinion=rng.choice(VISIT_OPINIONS) if not unhappy else "要求尽快返工彻底解决。",
        )
        if case.kind == "报修":
            result.site_checked = method == "上门"
            result.worker_conduct = rng.choice(
                ["按时到达,态度好", "工作认真,完工清理现场", "讲解清楚,收费合理"]
            )
            result.charges_checked = True
        form = self.forms.live_form(visit)
        if method == "上门":
            if form is not None:
                result.form_no = form.number
            pad = self.clock.now() >= self.pad_since or form is None
            customer = self.customer_signature(story, case, pad)
            result.met_person = customer.signer_name
            if pad:
                # Signed on the pad: the owner's signature and the visitor's.
                result.customer_signature = customer
                result.visitor_signature = SignatureCapture(
                    demo_strokes(rng.randrange(1 << 30)), 600, 200, person.name, ""
                )
            else:
                result.signed = True  # before the pad: signed on the paper form
            if rng.random() < 0.05:
                promised = (self.clock.now() + dt.timedelta(days=rng.randint(2, 5))).date()
                result.questions = [(rng.choice(VISIT_QUESTIONS), promised)]
        self.second_visitor(visit, person, result)
        nxt = self.visits.complete(visit, result, actor=person)
        now = self.clock.now()
        if form is not None:
            self.at(self.working(now + self.minutes(40, 60 * 30)), lambda: self.return_form(form.id))
        for task in visit.tasks if result.questions else []:
            self.at(
                self.working(now + self.minutes(60 * 20, 60 * 24 * 3)),
                functools.partial(self.answer, task.id),
            )
        self.plan_reviews(story, visit, mood)
        if nxt is not None:
            # Not satisfied: the service reopened the case, wrote the rework notice and planned
            # the next visit; the department gets the notice and does the work again.
            story.case = Case.get_by_id(case.id)
            story.rework_done = True
            self.at(now + self.minutes(30, 60 * 20), functools.partial(self.deliver, story, visit.id))
            self.at(self.working(now + dt.timedelta(hours=rng.uniform(4, 40))), lambda: self.resolve(story))
            return
        if story.rework_done:
            self.notable.append((now, "rework", story))
        elif mood == "很满意" and case.kind == "投诉":
            self.notable.append((now, "praise", story))
        closing = self.working(now + self.minutes(10, 60 * 36))
        self.at(closing, lambda: self.close(story, f"回访{mood},关闭。"))

    def return_form(self, form_id: int) -> None:
        form = FormSheet.get_by_id(form_id)
        if form.state == FORM_OUT:
            self.forms.return_form(form, self.clerk().name)

    def answer(self, task_id: int) -> None:
        task = VisitTask.get_by_id(task_id)
        if task.answered_at is None:
            self.visits.answer_task(task, self.rng.choice(VISIT_ANSWERS))

    def deliver(self, story: Story, visit_id: int) -> None:
        notice = ReworkNotice.get_or_none(ReworkNotice.visit == visit_id)
        if notice is None or notice.delivered_at is not None:
            return
        to = story.assignee.name if story.assignee else self.clerk().name
        self.visits.deliver_notice(notice, to)
        # The owner is told by phone when the rework will be done (H25, seed 000 1.1.9).
        promised = (self.clock.now() + dt.timedelta(days=2)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        self.visits.rework.tell_owner(notice, promised, "电话", actor=self.clerk())

    def plan_reviews(self, story: Story, visit: Visit, mood: str) -> None:
        """主管审核 on most complaint visits, 项目经理意见 on the weighty ones, 总经理意见 on majors."""
        rng = self.rng
        case = story.case
        assert case is not None
        now = self.clock.now()
        director = self.crew.one("cs_director")
        levels: list[tuple[str, Staff, list[str]]] = []
        if visit.visitor_id != director.id and (
            (case.kind == "投诉" and rng.random() < 0.85) or rng.random() < 0.2
        ):
            levels.append(("主管审核", director, REVIEW_DIRECTOR))
        if mood in UNSATISFIED or case.severity != "轻微" or rng.random() < 0.08:
            levels.append(("项目经理意见", self.crew.one("office_manager"), REVIEW_MANAGER))
        if case.severity == "重大":
            levels.append(("总经理意见", self.crew.one("general_manager"), REVIEW_GM))
        when = now
        for level, who, texts in levels:
            when = self.working(when + self.minutes(60 * 2, 60 * 40))
            self.at(when, functools.partial(self.review, visit.id, level, who, rng.choice(texts)))

    def review(self, visit_id: int, level: str, who: Staff, opinion: str) -> None:
        self.visits.review(Visit.get_by_id(visit_id), level, who, opinion)
