"""The steps of a complaint's answer to the owner: 只要求书面答复、附上复函、明确答复 (a major
complaint's clear answer)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.cases import ANSWER_METHODS
from app.errors import UserError
from ui.case_actions.base import (
    HINT_STYLE,
    CaseActionDialog,
    datetime_edit,
    text_box,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

# app.cases.ANSWER_METHODS, for the translations (shown through tr()).
ANSWER_METHOD_WORDS = [QT_TR_NOOP("面谈"), QT_TR_NOOP("电话"), QT_TR_NOOP("书面"), QT_TR_NOOP("短信/微信")]


class WrittenReplyDialog(CaseActionDialog):
    """只要求书面答复: the owner wants only a written reply; no visit is planned at 办结."""

    title = cast(str, QT_TR_NOOP("只要求书面答复"))
    ok_label = cast(str, QT_TR_NOOP("保存"))

    def build(self) -> None:
        self.flag_check = QCheckBox(self.tr("业主只要求书面答复(办结后不回访,复函附于案件)"))
        self.flag_check.setChecked(bool(self.case.written_reply_only))
        note = QLabel(self.tr("附上复函后才能关闭案件。办结时已决定是否回访,办结后不能再更改。"))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.form.addRow("", self.flag_check)
        self.form.addRow("", note)

    def perform(self) -> None:
        self.cases.set_written_reply_only(self.case, self.flag_check.isChecked(), self.actor)


class ReplyLetterDialog(CaseActionDialog):
    """复函: the written reply (PDF, picture or Word file) attached to the case."""

    title = cast(str, QT_TR_NOOP("附上复函"))
    ok_label = cast(str, QT_TR_NOOP("附上"))

    def build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        holder = QWidget()
        row.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(row)
        self.form.addRow(self.tr("复函文件(&F)"), holder)
        if self.case.reply_letter_name:
            current = QLabel(
                self.tr("已附:{0}({1:%Y-%m-%d %H:%M}),再附上将替换它").format(
                    self.case.reply_letter_name, self.case.reply_letter_at
                )
            )
            current.setWordWrap(True)
            current.setStyleSheet(HINT_STYLE)
            self.form.addRow("", current)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择复函"),
            "",
            self.tr("复函 (*.pdf *.png *.jpg *.jpeg *.doc *.docx)"),
        )
        if path:
            self.path_edit.setText(path)

    def perform(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            raise UserError(self.tr("请选择复函文件(PDF、图片或 Word)"))
        path = Path(text)
        try:
            data = path.read_bytes()
        except OSError as exc:
            log.warning("reply letter %s unreadable: %s", path, exc)
            raise UserError(
                self.tr("读不到文件“{0}”,请确认文件存在且未被其他程序占用").format(path.name)
            ) from exc
        self.cases.attach_reply_letter(self.case, path.name, data, self.actor)


class ClearAnswerDialog(CaseActionDialog):
    """明确答复 of a major complaint: who answered the owner, when, how and what."""

    title = cast(str, QT_TR_NOOP("明确答复"))
    ok_label = cast(str, QT_TR_NOOP("记录"))

    def build(self) -> None:
        report = self.cases.major_report(self.case)
        self.by_edit = QLineEdit(report.answered_by if report and report.answered_by else self.actor.name)
        self.at_edit = datetime_edit(
            report.answered_at if report and report.answered_at else self.cases.clock.now()
        )
        self.method_combo = QComboBox()
        for method in ANSWER_METHODS:
            self.method_combo.addItem(self.tr(method), method)  # ANSWER_METHOD_WORDS
        if report and report.answer_method:
            self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(report.answer_method)))
        self.text_edit = text_box(self.tr("告诉业主的调查结果和处理方案"), lines=5)
        if report and report.answer_text:
            self.text_edit.setPlainText(report.answer_text)
        self.form.addRow(self.tr("答复人(&B)"), self.by_edit)
        self.form.addRow(self.tr("答复时间(&T)"), self.at_edit)
        self.form.addRow(self.tr("答复方式(&M)"), self.method_combo)
        self.form.addRow(self.tr("答复内容(&C)"), self.text_edit)
        if self.case.answer_due is not None:
            hint = QLabel(self.tr("明确答复期限 {0:%Y-%m-%d %H:%M}").format(self.case.answer_due))
            hint.setStyleSheet(HINT_STYLE)
            self.form.addRow("", hint)

    def perform(self) -> None:
        value = self.at_edit.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        self.cases.record_clear_answer(
            self.case,
            self.by_edit.text(),
            value.replace(second=0, microsecond=0),
            str(self.method_combo.currentData()),
            self.text_edit.toPlainText(),
            self.actor,
        )
