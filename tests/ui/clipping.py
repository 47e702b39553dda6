"""Text a widget cannot show whole: walk a window's visible widgets and measure each text
against the room its widget gives it (QFontMetrics, QTextDocument for rich text, the style's own
rectangles for buttons, combos, read-only fields, headers, tabs and group boxes).

`clipped_texts(window)` lists every text cut — elided, clipped by the widget's edge, or hidden
behind an ancestor's edge (a widget laid out past its parent's bottom) — and every text widget
squeezed below its minimum, every panel scrolling sideways, every session chip hiding a badge
while its day has the room, and every text a painted widget reports (`painted_texts()`) that
its room cannot hold. Used by tests/ui/test_screens.py and its child (screens_child.py).

What may elide, by design (each with a tooltip giving the whole text; a window wide enough to
show them all would not fit a 1280×720 screen):
- ON_PURPOSE below: the week's totals, a session's name in a month cell, the week planner's
  exercise rows;
- item views' cells, which Qt elides and which are not measured here: the library's names
  and muscles in a narrow dock (its default width shows them whole where the window has the
  room: test_main_window), the session's exercise rows, the wizard's lists;
- editable fields, which scroll as the user types.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QStyleOptionHeader,
    QStyleOptionTab,
    QTabBar,
    QToolButton,
    QWidget,
)

# Widgets whose text is elided by design: each keeps the full text in its tooltip, and a
# window that grew to hold it would be wider than a 1280×720 screen.
ON_PURPOSE = {
    "ElidedLabel": "the week's totals beside the calendar's title: one line that never widens "
                   "the window (the tooltip has it whole)",
    "SessionChip": "a session's name in a month cell as narrow as a seventh of the calendar "
                   "(tooltip); its badges are checked separately (chip.hidden_badges())",
    "_TwoPartLine": "the week planner's exercise rows: a long name in a day column a seventh "
                    "of the calendar wide (tooltip)",
}

# Pixels of slack: Qt rounds fractional advances, and a 1-pixel overhang of a glyph's side
# bearing into the margin is not a cut text.
SLACK = 1


@dataclass(frozen=True)
class Clipped:
    widget: str
    text: str
    needed: int
    room: int
    how: str  # "wide" (elided or cut at the side) or "tall" (cut at the bottom)

    def __str__(self) -> str:
        return f"{self.widget}: {self.text!r} needs {self.needed} px {self.how}, has {self.room}"


def clipped_texts(window: QWidget) -> list[Clipped]:
    """Every text cut in `window`'s visible widgets (the window shown and laid out)."""
    found: list[Clipped] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or not _on_screen(widget):
            continue
        found.extend(_squeezed(widget))
        if hasattr(widget, "hidden_badges"):
            found.extend(_hidden_badges(widget))
        if hasattr(widget, "painted_texts"):
            found.extend(_check_painted(widget))
        if _on_purpose(widget):
            continue
        for check in _CHECKS:
            if isinstance(widget, check[0]):
                found.extend(check[1](widget))
                break
    return found


def _on_screen(widget: QWidget) -> bool:
    """Whether `widget` is meant to be seen: a dock's tab behind another is "visible" with
    no room at all, and Qt parks a dock area's unused tab bar above and left of the window
    (at -600, -530) — neither is on screen, so neither is cut. A widget laid out past its
    parent's right or bottom edge is on screen, and cut."""
    while widget is not None:
        if widget.width() <= 0 or widget.height() <= 0:
            return False
        if not widget.isWindow() and (widget.geometry().right() < 0
                                      or widget.geometry().bottom() < 0):
            return False
        widget = None if widget.isWindow() else widget.parentWidget()
    return True


def describe(widget: QWidget) -> str:
    """The widget's class and name, and the names of its named ancestors: where to look."""
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 3:
        if parent.objectName() and not parent.objectName().startswith("qt_"):
            names.append(parent.objectName())
        parent = parent.parentWidget()
    own = f"{type(widget).__name__}#{widget.objectName()}" if widget.objectName() else \
        type(widget).__name__
    return own + (f" in {' < '.join(names)}" if names else "")


def _squeezed(widget: QWidget) -> list[Clipped]:
    """A widget given less than its minimum — the room its layout says its contents need —
    because its window is smaller than the layout's minimum: whatever it draws is cut, elided
    on purpose or not. A panel in a scroll area whose contents are wider than the view scrolls
    sideways: a panel's text half hidden at the side."""
    found = []
    if isinstance(widget, QScrollArea) and widget.widgetResizable() and widget.widget():
        needed = widget.widget().minimumSizeHint().expandedTo(widget.widget().minimumSize())
        view = widget.viewport().width()
        if needed.width() > view + SLACK:
            found.append(Clipped(describe(widget), "(a panel scrolling sideways)",
                                 needed.width(), view, "wide"))
    if _shows_text(widget) or _on_purpose(widget):
        minimum = _minimum(widget)
        shown = shown_rect(widget)
        for how, need, has in (("wide", minimum.width(), shown.width()),
                               ("tall", minimum.height(), shown.height())):
            if need > has + SLACK:
                found.append(Clipped(describe(widget), "(squeezed below its minimum)", need,
                                     has, how))
    return found


def _shows_text(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return bool(widget.text())  # not a line edit's clear button, a tab bar's arrows
    return isinstance(widget, _TEXT_WIDGETS)


def _minimum(widget: QWidget) -> QSize:
    """The least size a layout should give `widget` (Qt's qSmartMinSize): its minimum size
    where set, else its minimumSizeHint, or its sizeHint along a direction its size policy
    does not let it shrink (a height for its width where it has one)."""
    policy, hint, least = widget.sizePolicy(), widget.sizeHint(), widget.minimumSizeHint()
    if widget.hasHeightForWidth():
        hint = QSize(hint.width(), widget.heightForWidth(widget.width()))
    width = _least(policy.horizontalPolicy(), hint.width(), least.width())
    height = _least(policy.verticalPolicy(), hint.height(), least.height())
    explicit = widget.minimumSize()
    return QSize(explicit.width() or width, explicit.height() or height)


def _least(policy: QSizePolicy.Policy, hint: int, least: int) -> int:
    if policy == QSizePolicy.Policy.Ignored:
        return 0
    shrinks = policy.value & QSizePolicy.PolicyFlag.ShrinkFlag.value
    return max(least if shrinks else hint, 0)


def _hidden_badges(chip: QWidget) -> list[Clipped]:
    """A session chip leaving badges out ("…") while its day has the room below it for the
    rows they need (the 4K screen's tall empty days used to show "…")."""
    hidden = chip.hidden_badges()
    if not hidden:
        return []
    day = chip.parentWidget()
    bottom = max(other.geometry().bottom() for other in day.chips)
    free = day.contentsRect().bottom() - day.layout().contentsMargins().bottom() - bottom
    wanted = chip.sizeHint().height() - chip.height()
    if wanted > free:
        return []
    return [Clipped(describe(chip), f"{hidden} of its muscle groups' badges", wanted, free,
                    "tall")]


def _check_painted(widget: QWidget) -> list[Clipped]:
    """A painted widget's texts (its painted_texts(): text, font, room), each measured."""
    found = []
    for text, font, room in widget.painted_texts():
        found.extend(_cut(widget, text, QFontMetrics(font), _room(widget, room.toRect())))
    return found


def _on_purpose(widget: QWidget) -> bool:
    return any(cls.__name__ in ON_PURPOSE for cls in type(widget).__mro__)


def shown_rect(widget: QWidget) -> QRect:
    """The part of `widget` (its own coordinates) its ancestors do not cut off; a scroll area's
    viewport is not a cut (what it hides scrolls into view)."""
    shown = widget.rect()
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent.parentWidget(), QAbstractScrollArea) \
                and parent is parent.parentWidget().viewport():
            break
        shown = shown.intersected(parent.rect().translated(widget.mapFrom(parent, QPoint(0, 0))))
        child, parent = parent, parent.parentWidget()
    return shown


def _room(widget: QWidget, rect: QRect) -> QRect:
    """`rect` (the text's room in the widget) as much of it as the ancestors leave shown."""
    return rect.intersected(shown_rect(widget))


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _cut(widget: QWidget, text: str, metrics: QFontMetrics, room: QRect,
         height_room: QRect | None = None) -> list[Clipped]:
    """The checks every text shares: each line's advance against the room's width (elidedText
    says whether Qt would elide it), the lines' height against the room's height — or against
    `height_room`, the widget's shown part, where the style's text rectangle is tighter than
    a line (a tab's, a button's: the glyphs fit, the descent overhangs)."""
    found = []
    for line in _lines(text):
        needed = metrics.horizontalAdvance(line)
        elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, room.width() + SLACK)
        if elided != line:
            found.append(Clipped(describe(widget), line, needed, room.width(), "wide"))
    height = metrics.height() * len(_lines(text))
    tall = room if height_room is None else height_room
    if height > tall.height() + SLACK:
        found.append(Clipped(describe(widget), text, height, tall.height(), "tall"))
    return found


def _plain(text: str) -> str:
    """A button's or tab's text as drawn: a single '&' marks the mnemonic, '&&' is an '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# --- labels -------------------------------------------------------------------------------------

def _check_label(label: QLabel) -> list[Clipped]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    room = label.contentsRect()
    margin = label.margin()
    room = room.adjusted(margin, margin, -margin, -margin)
    indent = label.indent()
    if indent < 0:
        indent = label.fontMetrics().horizontalAdvance("x") // 2 if label.frameWidth() else 0
    if indent and label.alignment() & Qt.AlignmentFlag.AlignLeft:
        room = room.adjusted(indent, 0, 0, 0)
    room = _room(label, room)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if rich:
        return _check_rich_label(label, text, room)
    if label.wordWrap():
        needed = label.fontMetrics().boundingRect(
            QRect(0, 0, max(1, room.width()), 100_000),
            Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextExpandTabs, text)
        found = []
        if needed.height() > room.height() + SLACK:
            found.append(Clipped(describe(label), text, needed.height(), room.height(), "tall"))
        longest = max(text.split(), key=label.fontMetrics().horizontalAdvance, default="")
        if label.fontMetrics().horizontalAdvance(longest) > room.width() + SLACK:
            found.append(Clipped(describe(label), longest,
                                 label.fontMetrics().horizontalAdvance(longest), room.width(),
                                 "wide"))
        return found
    if label.buddy() is not None:  # the mnemonic's '&' is drawn as an underline
        text = _plain(text)
    return _cut(label, text, label.fontMetrics(), room)


def _check_rich_label(label: QLabel, text: str, room: QRect) -> list[Clipped]:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)  # as QLabel lays out its rich text
    document.setHtml(text)
    found = []
    if label.wordWrap():
        document.setTextWidth(max(1, room.width()))
        if document.idealWidth() > room.width() + SLACK:  # a word wider than the label
            found.append(Clipped(describe(label), document.toPlainText(),
                                 round(document.idealWidth()), room.width(), "wide"))
    else:
        if document.idealWidth() > room.width() + SLACK:
            found.append(Clipped(describe(label), document.toPlainText(),
                                 round(document.idealWidth()), room.width(), "wide"))
        document.setTextWidth(document.idealWidth())
    height = round(document.size().height())
    if height > room.height() + SLACK:
        found.append(Clipped(describe(label), document.toPlainText(), height, room.height(),
                             "tall"))
    return found


# --- buttons --------------------------------------------------------------------------------

_BUTTON_CONTENTS = ((QCheckBox, QStyle.SubElement.SE_CheckBoxContents),
                    (QRadioButton, QStyle.SubElement.SE_RadioButtonContents),
                    (QPushButton, QStyle.SubElement.SE_PushButtonContents))


def _check_button(button: QAbstractButton) -> list[Clipped]:
    text = _plain(button.text())
    if not text:
        return []
    if isinstance(button, QToolButton):
        return _check_tool_button(button, text)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = next(e for cls, e in _BUTTON_CONTENTS if isinstance(button, cls))
    room = button.style().subElementRect(element, option, button)
    if not button.icon().isNull():
        room.setLeft(room.left() + button.iconSize().width() + 4)
    if isinstance(button, QPushButton) and button.menu() is not None:
        room.setRight(room.right() - button.style().pixelMetric(
            QStyle.PixelMetric.PM_MenuButtonIndicator, option, button))
    return _cut(button, text, button.fontMetrics(), _room(button, room), shown_rect(button))


def _check_tool_button(button: QToolButton, text: str) -> list[Clipped]:
    if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly \
            or (button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonFollowStyle
                and not button.icon().isNull()):
        return []
    needed = button.sizeHint()
    shown = shown_rect(button)
    found = []
    if needed.width() > shown.width() + SLACK:
        found.append(Clipped(describe(button), text, needed.width(), shown.width(), "wide"))
    if button.fontMetrics().height() > shown.height() + SLACK:
        found.append(Clipped(describe(button), text, button.fontMetrics().height(),
                             shown.height(), "tall"))
    return found


# --- combo boxes --------------------------------------------------------------------------------

def _check_combo(combo: QComboBox) -> list[Clipped]:
    if combo.isEditable() or not combo.currentText():
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    room = room.adjusted(1, 0, -1, 0)  # as the style draws the current text
    if not option.currentIcon.isNull():
        room.setLeft(room.left() + option.iconSize.width() + 4)
    return _cut(combo, combo.currentText(), combo.fontMetrics(), _room(combo, room),
                shown_rect(combo))


# --- read-only fields -------------------------------------------------------------------------

def _check_line_edit(edit: QLineEdit) -> list[Clipped]:
    """A read-only field (a chosen folder) the user cannot scroll by typing: its text must
    show whole. An editable one scrolls as the user types, as every text field does."""
    if not edit.isReadOnly() or not edit.text():
        return []
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = room.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2,
                         -margins.bottom())  # QLineEdit's own 2-px margin each side
    return _cut(edit, edit.text(), edit.fontMetrics(), _room(edit, room), shown_rect(edit))


# --- headers ------------------------------------------------------------------------------------

def _check_header(header: QHeaderView) -> list[Clipped]:
    model = header.model()
    if model is None:
        return []
    found = []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) <= 0:
            continue
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text is None or str(text) == "":
            continue
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        option.section = logical
        option.text = str(text)
        size = header.sectionSize(logical)
        option.rect = QRect(0, 0, size, header.height()) if horizontal else \
            QRect(0, 0, header.width(), size)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        found.extend(_cut(header, str(text), header.fontMetrics(), room, option.rect))
    return found


# --- tabs and group boxes -------------------------------------------------------------------

def _check_tab_bar(bar: QTabBar) -> list[Clipped]:
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = _plain(bar.tabText(index))
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        room = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        tab = bar.tabRect(index)
        found.extend(_cut(bar, text, bar.fontMetrics(), room, tab.intersected(shown_rect(bar))))
        if not bar.rect().contains(tab):  # behind the scroll buttons, or past the bar's end
            found.append(Clipped(describe(bar), text, tab.right(), bar.width(), "wide"))
    return found


def _check_group_box(box: QGroupBox) -> list[Clipped]:
    text = _plain(box.title())
    if not text:
        return []
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    label = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                       QStyle.SubControl.SC_GroupBoxLabel, box)
    return _cut(box, text, box.fontMetrics(), _room(box, label), shown_rect(box))


# The widgets whose minimum is what their text needs (a container's is its children's).
_TEXT_WIDGETS = (QLabel, QAbstractButton, QComboBox, QTabBar, QGroupBox)

_CHECKS = ((QLabel, _check_label), (QAbstractButton, _check_button), (QComboBox, _check_combo),
           (QLineEdit, _check_line_edit),
           (QHeaderView, _check_header), (QTabBar, _check_tab_bar),
           (QGroupBox, _check_group_box))
