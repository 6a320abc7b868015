"""A visit no longer open, read-only: the result as recorded, the signature, the open letter,
questions and their answers, rework notices, later visits; and the reviews (审核意见)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.errors import UserError
from app.i18n import term
from app.visits import VisitService
from app.visits.visitors import visitor_names
from ui.palette import MUTED_TEXT
from ui.visit_record.parts import fill_grid, fmt, yes_no

if TYPE_CHECKING:
    from app.models import Case, Staff, Visit


class RecordSection(QGroupBox):
    """The finished visit as recorded; `labels` are its values by their names."""

    def __init__(
        self, visit: Visit, case: Case | None, visits: VisitService, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("回访记录(只读)"), parent)
        self.visit = visit
        self.visits = visits
        rows: list[tuple[str, str]] = [
            (self.tr("结果"), term(visit.state)),
            (self.tr("回访方式"), term(visit.method) or "—"),
            (self.tr("回访时间"), fmt(visit.done_at)),
            (self.tr("回访人"), visitor_names(visit) or "—"),  # both, for a visit by two (H24)
            (self.tr("接受回访人"), visit.met_person or "—"),
            (self.tr("满意度"), term(visit.satisfaction or "", "satisfaction") or "—"),
        ]
        if visit.state == domain.VISIT_DONE:
            rows += [
                (self.tr("回访内容"), visit.findings or "—"),
                (self.tr("不足之处"), visit.shortcomings or "—"),
                (self.tr("客户意见/建议"), visit.opinion or "—"),
            ]
            if case is not None and case.kind == "报修":
                rows += [
                    (
                        self.tr("现场查看"),
                        yes_no(visit.site_checked, self.tr("已到现场查看"), self.tr("未到现场")),
                    ),
                    (
                        self.tr("收费核实"),
                        yes_no(visit.charges_checked, self.tr("已核实,收费相符"), self.tr("未核实")),
                    ),
                    (self.tr("维修人员表现"), visit.worker_conduct or "—"),
                ]
            rows.append((self.tr("客户签名"), self._signature_text()))
            if visit.letter is not None:
                rows.append((self.tr("公开信"), visit.letter.title))
        elif visit.state == domain.VISIT_CANCELLED:
            rows.append((self.tr("取消原因"), visit.opinion or "—"))
        tasks = visits.tasks_of(visit)
        if tasks:
            rows.append(
                (
                    self.tr("待答复问题"),
                    "\n".join(
                        t.question
                        + self.tr("(约定 {0} 答复)").format(fmt(t.promised))
                        + (
                            self.tr(" → 已答复:{0}").format(t.answer)
                            if t.answered_at
                            else self.tr(" → 尚未答复")
                        )
                        for t in tasks
                    ),
                )
            )
        for n in visits.notices_of(visit):
            delivered = (
                self.tr("{0} 送达 {1}").format(fmt(n.delivered_at), n.delivered_to)
                if n.delivered_at
                else self.tr("未送达,须在 {0} 前送达").format(fmt(n.due))
            )
            rows.append((self.tr("返工通知"), f"{n.text}({delivered})"))
        if case is not None:
            later = [v for v in visits.visits_of(case) if v.attempt > visit.attempt]
            for v in later:
                rows.append(
                    (
                        self.tr("后续回访"),
                        self.tr("第{0}次回访:{1},应于 {2} 前,{3}{4}").format(
                            v.attempt,
                            visits.display_state(v),
                            fmt(v.due),
                            term(domain.ROLES.get(v.role, v.role)),
                            f" {v.visitor_name}" if v.visitor_name else "",
                        ),
                    )
                )
        short = {rows[i][0] for i in range(6)}
        wide = {name for name, _ in rows if name not in short}
        fill_grid(self, rows, wide)
        self.labels = {
            name: label for name in (n for n, _ in rows) if (label := self.findChild(QLabel, name))
        }

    def _signature_text(self) -> str:
        visit = self.visit
        form = self.tr("回访记录表 NO.{0}").format(visit.form_no) if visit.form_no else ""
        if visit.method == "上门":
            signed = (
                self.tr("客户已签字") if self.visits.signature_needed(visit) else self.tr("本类回访无需签名")
            )
            return ";".join(p for p in (signed, form) if p)
        if visit.method == "电话":
            return ";".join(p for p in (self.tr("电话回访,无需签名"), form) if p)
        return form or "—"


class ReviewsSection(QGroupBox):
    """主管审核、项目经理意见、总经理意见: each by its role, with name and time; the acting
    person signs the levels that are theirs and not yet filled."""

    reviewed = Signal()
    message = Signal(str, str)  # text, banner kind

    def __init__(
        self, visit: Visit, visits: VisitService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("审核意见"), parent)
        self.visit = visit
        self.visits = visits
        self.actor = actor
        layout = QVBoxLayout(self)
        done = visits.reviews_of(visit)
        not_filled = self.tr("(未填写)")
        for level in visits.REVIEW_LEVELS:
            review = done.get(level)
            shown = term(level)  # 主管审核…: the program's words, in the chosen language
            text = (
                f"<b>{shown}</b>:{review.opinion}  <span style='color:{MUTED_TEXT}'>— {review.reviewer} {fmt(review.at)}</span>"
                if review
                else f"<b>{shown}</b>:<span style='color:{MUTED_TEXT}'>{not_filled}</span>"
            )
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        mine = [lvl for lvl, role in visits.REVIEW_LEVELS.items() if role == actor.role and lvl not in done]
        if mine:
            row = QHBoxLayout()
            self.review_level = QComboBox()
            for lvl in mine:  # shown in the chosen language, the stored level as data
                self.review_level.addItem(term(lvl), lvl)
            self.review_text = QLineEdit()
            self.review_text.setPlaceholderText(self.tr("审核意见"))
            self.review_button = QPushButton(self.tr("签署意见"))
            self.review_button.clicked.connect(self.save)
            row.addWidget(self.review_level)
            row.addWidget(self.review_text, 1)
            row.addWidget(self.review_button)
            layout.addLayout(row)

    def save(self) -> None:
        try:
            self.visits.review(
                self.visit, self.review_level.currentData(), self.actor, self.review_text.text()
            )
        except UserError as exc:
            self.message.emit(str(exc), "error")
            return
        self.reviewed.emit()
