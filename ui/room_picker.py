"""The room picker: a line where the clerk types '3-2-5', an owner's name or phone digits
and picks the room from the suggestions of `OwnerService.suggest`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.owners import OwnerService, RoomSuggestion

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # what goes into the line: '3-2-501'
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the RoomSuggestion itself


def occupant_name(suggestion: RoomSuggestion) -> str:
    """'张伟(业主)' -> '张伟'."""
    return suggestion.occupant.split("(")[0].split("(")[0].strip()


class RoomPicker(QLineEdit):
    """楼栋-单元-房号 with suggestions; `suggestion_picked` carries the chosen RoomSuggestion."""

    suggestion_picked = Signal(object)

    def __init__(self, owners: OwnerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owners = owners
        self.setPlaceholderText(self.tr("如 3-2-501,或输入业主姓名、电话"))
        self.setClearButtonEnabled(True)
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        # The service already filtered; show all it found, and insert the bare label.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(LABEL_ROLE)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(10)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # PySide6's stubs lack overloaded signals
        self.textEdited.connect(self._refill)

    def completer_model(self) -> QStandardItemModel:
        return self._model

    def suggestion_labels(self) -> list[str]:
        return [self._model.item(row).data(LABEL_ROLE) for row in range(self._model.rowCount())]

    def _refill(self, text: str) -> None:
        self._model.clear()
        for suggestion in self.owners.suggest(text):
            item = QStandardItem(suggestion.display)
            item.setData(suggestion.label, LABEL_ROLE)
            item.setData(suggestion, SUGGESTION_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        # Only for the clerk typing here: a popup left open elsewhere would take the keys.
        if self._model.rowCount() and self.isVisible() and self.hasFocus():
            self._completer.setCompletionPrefix("")
            self._completer.complete()
        else:
            self._hide_popup()

    def hideEvent(self, event: QHideEvent) -> None:
        self._hide_popup()
        super().hideEvent(event)

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _picked(self, index: QModelIndex) -> None:
        suggestion = index.data(SUGGESTION_ROLE)
        if suggestion is None:
            return
        self.setText(suggestion.label)
        self._hide_popup()
        self.suggestion_picked.emit(suggestion)
