"""The last days of the replay: cases and visits left open on purpose, so a newcomer finds
work on the desk whatever the seed; and the major complaints of the past."""

from __future__ import annotations

import datetime as dt
import functools

from app import domain
from app.demo.replay import ReplayBase, Story
from app.demo.scenarios import REPAIRS


class FinaleSteps(ReplayBase):
    """What the last days leave open, and the past major complaints."""

    # The last days: what a newcomer should find open on the desk -------------------------------------
    def plan_finale(self) -> None:
        """A few cases placed on purpose, so the lists are never empty whatever the seed:
        new and unsigned ones, one due today, overdue ones, an extension, a pending major
        report, a merged duplicate, and last night's calls not yet carried into cases."""
        now = self.now
        rng = self.rng
        today = dt.datetime.combine(now.date(), dt.time())

        def story(when: dt.datetime, kind: str, stop: str = "", **kw: object) -> Story:
            s = self.make_story(when, 10**6, kind=kind, major=bool(kw.pop("major", False)))
            s.night = False
            if s.channel in ("夜间值班", "巡查发现"):
                s.channel = "电话"
            s.anonymous = False
            if s.occupant is None:
                s.occupant = rng.choice(self.estate.occupants)
            s.stop_after = stop
            for k, v in kw.items():
                setattr(s, k, v)
            return s

        # The last moment the desk was staffed: now in office hours, else the evening before.
        desk = now
        if not 9 <= now.hour < 20:
            desk = now.replace(hour=19, minute=50, second=0)
            if desk > now:
                desk -= dt.timedelta(days=1)
        self.desk = desk
        stories = [
            story(desk - dt.timedelta(minutes=40), "报修", stop="create"),
            story(desk - dt.timedelta(hours=1, minutes=10), "报修", stop="dispatch"),
            story(desk - dt.timedelta(hours=3), "投诉", stop="sign"),
            # Due today: received two days before, at a later hour of the day.
            story(
                today - dt.timedelta(days=2) + dt.timedelta(hours=17), "投诉", stop="sign", severity="轻微"
            ),
            # Overdue and still open.
            story(now - dt.timedelta(days=6, hours=3), "报修", stop="sign", severity="重要"),
            story(now - dt.timedelta(days=4, hours=5), "投诉", stop="sign", severity="轻微"),
            # A major complaint this morning, its report still to write.
            story(desk - dt.timedelta(hours=5), "投诉", stop="sign", major=True),
        ]
        for s in stories:
            s.texts["place"] = s.texts["place"] or "户内"
            self.at(s.received, functools.partial(self.intake, s))
        # Handled yesterday, its follow-up visit still to do.
        for kind, severity in (
            ("投诉", "轻微"),
            ("投诉", "重要"),
            ("投诉", "轻微"),
            ("报修", "轻微"),
            ("报修", "重要"),
        ):
            resolved = now - dt.timedelta(hours=rng.uniform(2, 18))
            if not 8 <= resolved.hour < 20:  # handled in office hours, the evening before
                resolved = (resolved - dt.timedelta(hours=12)).replace(hour=17)
            s = story(
                resolved - dt.timedelta(hours=rng.uniform(20, 44)),
                kind,
                severity=severity,
                force_visit=True,
                plain=True,
                visit_mode="leave",
            )
            s.resolve_at = resolved
            self.at(s.received, functools.partial(self.intake, s))
        # Visits on the calendar: one due today (its form signed out this morning), one
        # overdue after two calls, one overdue not yet tried.
        for days_ago, kind, mode in ((3, "投诉", "form_out"), (6, "投诉", "calls"), (10, "报修", "leave")):
            resolved = today - dt.timedelta(days=days_ago) + dt.timedelta(hours=15, minutes=rng.randrange(60))
            s = story(
                resolved - dt.timedelta(hours=rng.uniform(20, 44)),
                kind,
                severity="轻微",
                force_visit=True,
                plain=True,
                visit_mode=mode,
            )
            s.resolve_at = resolved
            self.at(s.received, functools.partial(self.intake, s))
        # This week's blank forms: one signed out ten days ago and still not back (the
        # dashboard flags it), one spoiled and voided, one taken yesterday, one in the drawer.
        self.at(self.working((now - dt.timedelta(days=12)).replace(hour=9, minute=10)), self.finale_forms)
        # Entered by mistake this week and voided.
        self.at(
            desk - dt.timedelta(days=3, hours=2),
            functools.partial(self.intake, story(desk - dt.timedelta(days=3, hours=2), "咨询", void=True)),
        )
        # An extension approved, its new deadline still ahead.
        ext = story(now - dt.timedelta(days=5), "报修", stop="sign", severity="轻微")
        self.at(ext.received, lambda: self.intake(ext))
        self.at(ext.received + dt.timedelta(hours=30), lambda: self.extend(ext, now + dt.timedelta(days=3)))
        # The same leak reported twice, merged.
        first = story(now - dt.timedelta(days=1, hours=4), "报修", stop="sign")
        first.scenario = REPAIRS[0]
        first.texts = self.texts(first.scenario, first.occupant)
        second = Story(
            first.scenario,
            now - dt.timedelta(hours=20),
            "网络",
            first.occupant,
            False,
            first.severity,
            first.urgency,
            None,
            dict(first.texts),
            repeat_of=first,
        )
        second.texts["account"] = "业主在APP上再次反映:" + first.texts["account"]
        self.at(first.received, lambda: self.intake(first))
        self.at(second.received, lambda: self.force_merge(second))
        # Last night's calls, for the morning clerk.
        night_start = today + dt.timedelta(hours=22)
        if now < night_start + dt.timedelta(hours=1):
            night_start -= dt.timedelta(days=1)
        night_end = min(night_start + dt.timedelta(hours=8), now - dt.timedelta(minutes=10))
        for _ in range(3):
            when = (night_start + (night_end - night_start) * rng.random()).replace(second=0, microsecond=0)
            s = self.make_story(when, 10**6, kind=rng.choice(["报修", "投诉", "求助"]))
            s.occupant = s.occupant or rng.choice(self.estate.occupants)
            s.anonymous = False
            self.at(when, functools.partial(self.night_call_only, s))

    def finale_forms(self) -> None:
        clerk = self.clerk()
        forms = self.forms.issue_blank(4, clerk)
        self.forms.void(forms[1], "打印错误", clerk)
        stewards = self.crew.by_role["steward"]
        self.at(
            self.working((self.now - dt.timedelta(days=10)).replace(hour=10, minute=5)),
            lambda: self.forms.sign_out(forms[0], stewards[0], visit_item="季度巡访", remarks="巡访备用"),
        )
        self.at(
            self.desk - dt.timedelta(days=1, minutes=30),
            lambda: self.forms.sign_out(forms[2], stewards[-1], remarks="备用"),
        )

    def force_merge(self, story: Story) -> None:
        story.case = self.take_in(story)
        original = story.repeat_of.case if story.repeat_of else None
        if original is not None and original.state != domain.MERGED:
            self.cases.merge(story.case, original, self.clerk())

    def night_call_only(self, story: Story) -> None:
        occ = story.occupant
        assert occ is not None
        duty = self.crew.by_role["night_duty"][0]
        self.nightlog.add(
            content=story.texts["account"],
            caller=occ.name,
            phone=occ.phone,
            room=occ.label,
            action_taken="已安抚业主,早上交客服处理",
            logged_by=duty.name,
            at=story.received,
        )

    def plan_major_history(self, start: dt.datetime) -> None:
        """Two past major complaints at least, one report submitted and one left as a draft."""
        span = (self.now - start).total_seconds()
        for share, draft in ((0.3, False), (0.75, True)):
            when = self.working(start + dt.timedelta(seconds=span * share))
            s = self.make_story(when.replace(hour=10), 10**6, kind="投诉", major=True)
            s.anonymous = False
            s.night = False
            s.occupant = s.occupant or self.rng.choice(self.estate.occupants)
            s.major_draft_only = draft
            self.at(s.received, functools.partial(self.intake, s))
