"""The one place for colours: the light and dark palettes, the status palette, the theme choice.

The user picks View ▸ Theme: "system" (the desktop's own look, following it when it turns dark
or light), "light" or "dark" (a tuned palette on the Fusion style, which honours a palette on
every platform). The choice is kept with the window's settings (QSettings, like the window
layout): it is how this machine's screen looks, not training data, so it is read before the
database opens, applies to the first frame, and is never undone, exported or restored.

Widgets take colours from their palette's roles (`palette(placeholder-text)` in a style sheet,
`palette().color(...)` in a paintEvent), or from the status palette here: a colour for each
volume status of DOMAIN §2 and each `Tone` (success, warning, error…), tuned for a light and a
dark background alike (tests/ui/test_theme.py holds every one to WCAG's 4.5:1 contrast as text).
Query them when drawing, never keep them: `theme_signals().changed` fires after each switch, and
`follow_theme(widget, restyle)` re-runs a widget's restyling then (style sheets built from these
colours, charts).

This module loads before the first frame when a light or dark theme is chosen: it imports
nothing from models/ (the statuses are keyed by their names, Status's values) and reaches the
`Qt` namespace, whose enums take ~16 ms to build, only where a choice needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QToolTip,
    QWidget,
)

THEME_KEY = "view/theme"  # in the window's QSettings
FUSION = "fusion"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# str(): PySide6 types the marker as object. (This module loads before the first frame when a
# theme is chosen: it does without ui.locale_text.)
THEME_LABELS = {Theme.SYSTEM: str(QT_TRANSLATE_NOOP("Theme", "&System")),
                Theme.LIGHT: str(QT_TRANSLATE_NOOP("Theme", "&Light")),
                Theme.DARK: str(QT_TRANSLATE_NOOP("Theme", "&Dark"))}



class Tone(StrEnum):
    """The meanings a colour carries besides a volume status."""

    SUCCESS = "success"  # a done session, rest over, a muscle that grows, volume up, today
    WARNING = "warning"  # a skipped session, a squeezed muscle, recovery, a plan's warning
    ERROR = "error"  # a refused value, a damaged backup, volume down, a 48-hour conflict
    NEUTRAL = "neutral"  # a planned session, the week's RIR, volume held, plates, volume load
    MUTED = "muted"  # what does not count or is secondary: warm-ups, skipped rows
    ACCENT = "accent"  # the main line of a chart (estimated 1RM)
    RECORD = "record"  # a personal record


Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# --- the status palette -------------------------------------------------------------------------
# DOMAIN §2's statuses (keyed by models.rules.domain.Status's values, so a Status looks itself
# up) and the tones, each darker on a light background and lighter on a dark one. Each is also a
# fill — gauges, chart bars and bands, calendar badges — whose text is the Base colour
# (text_on_colour), with the same contrast.

STATUS_COLOURS: dict[str, dict[str, str]] = {
    "light": {"not maintaining": "#666666", "maintenance": "#2a64ad", "productive": "#4a7010",
              "optimal": "#1b6e33", "high": "#8a5700", "over MRV": "#c0262d"},
    "dark": {"not maintaining": "#a3a3a3", "maintenance": "#7cb0f2", "productive": "#b5d46e",
             "optimal": "#5cc779", "high": "#f0b541", "over MRV": "#ff8178"},
}
TONE_COLOURS: dict[str, dict[Tone, str]] = {
    "light": {Tone.SUCCESS: "#1b6e33", Tone.WARNING: "#9a4f00", Tone.ERROR: "#c0262d",
              Tone.NEUTRAL: "#4e6470", Tone.MUTED: "#666666", Tone.ACCENT: "#2a64ad",
              Tone.RECORD: "#8a5700"},
    "dark": {Tone.SUCCESS: "#5cc779", Tone.WARNING: "#ffa257", Tone.ERROR: "#ff8178",
             Tone.NEUTRAL: "#a3b8c4", Tone.MUTED: "#a0a4a9", Tone.ACCENT: "#7cb0f2",
             Tone.RECORD: "#f0b541"},
}

# --- paper ---------------------------------------------------------------------------------------
# Printed session sheets (ui/printing/) are black on white whatever the screen's theme: a sheet is
# read in a gym and printed on any printer, colour or not.
PAPER_INK = "#000000"
PAPER_CAPTION_INK = "#444444"  # the small captions in the write-in cells: readable, not loud
PAPER_NO_SET_FILL = "#e6e6e6"  # cells past an exercise's target sets: a grey any printer keeps


# --- the palettes -------------------------------------------------------------------------------
# Text roles are held to 4.5:1 against Base and Window (test_theme.py); the placeholder text,
# which style sheets write muted text in (`palette(placeholder-text)`), is the muted tone; the
# bevel roles (Light … Shadow) are what Fusion shades buttons and frames with.

LIGHT_ROLES: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f0f0f0", Role.WindowText: "#1a1a1a", Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5", Role.Text: "#1a1a1a",
    Role.PlaceholderText: TONE_COLOURS["light"][Tone.MUTED],
    Role.Button: "#f3f3f3", Role.ButtonText: "#1a1a1a", Role.BrightText: "#ffffff",
    Role.ToolTipBase: "#ffffdc", Role.ToolTipText: "#1a1a1a",
    Role.Light: "#ffffff", Role.Midlight: "#e3e3e3", Role.Mid: "#b8b8b8", Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676", Role.Highlight: "#2f6fc0", Role.HighlightedText: "#ffffff",
    Role.Link: "#1f5fb0", Role.LinkVisited: "#6b3fa0", Role.Accent: "#2f6fc0",
}
LIGHT_DISABLED: dict[QPalette.ColorRole, str] = {
    Role.WindowText: "#8c8c8c", Role.Text: "#8c8c8c", Role.ButtonText: "#8c8c8c",
    Role.PlaceholderText: "#b0b0b0", Role.Base: "#f0f0f0", Role.Button: "#ececec",
    Role.Highlight: "#b8b8b8", Role.HighlightedText: "#ffffff",
}
DARK_ROLES: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2d30", Role.WindowText: "#e6e6e6", Role.Base: "#1f2023",
    Role.AlternateBase: "#27292c", Role.Text: "#e6e6e6",
    Role.PlaceholderText: TONE_COLOURS["dark"][Tone.MUTED],
    Role.Button: "#36393d", Role.ButtonText: "#e6e6e6", Role.BrightText: "#ffffff",
    Role.ToolTipBase: "#3a3d41", Role.ToolTipText: "#e6e6e6",
    Role.Light: "#4b4f54", Role.Midlight: "#3f4246", Role.Mid: "#5c6066", Role.Dark: "#1a1b1d",
    Role.Shadow: "#0d0d0e", Role.Highlight: "#2f6fc0", Role.HighlightedText: "#ffffff",
    Role.Link: "#7ab4ff", Role.LinkVisited: "#c09cff", Role.Accent: "#2f6fc0",
}
DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    Role.WindowText: "#7d8187", Role.Text: "#7d8187", Role.ButtonText: "#7d8187",
    Role.PlaceholderText: "#5f6368", Role.Base: "#26282b", Role.Button: "#303236",
    Role.Highlight: "#4a4d52", Role.HighlightedText: "#a0a4a9",
}

# A session's status as a tone (the calendar, the session editor).
SESSION_TONES = {"planned": Tone.NEUTRAL, "done": Tone.SUCCESS, "skipped": Tone.WARNING}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (the application's by default) draws on a dark background."""
    palette = palette or QApplication.palette()
    return palette.color(Role.Window).lightnessF() < 0.5


def variant() -> str:
    """Which half of the status palette the current theme reads: "light" or "dark"."""
    return "dark" if is_dark() else "light"


def status_colour(status: str) -> QColor:
    """The colour of a volume status (a models.rules.domain.Status) on the current theme."""
    return QColor(STATUS_COLOURS[variant()][status])


def status_colours() -> dict[str, QColor]:
    """Every status's colour on the current theme, by Status value."""
    return {status: QColor(colour) for status, colour in STATUS_COLOURS[variant()].items()}


def tone(which: Tone) -> QColor:
    return QColor(TONE_COLOURS[variant()][which])


def session_colour(status: str) -> QColor:
    """The colour of a session's status: planned, done or skipped."""
    return tone(SESSION_TONES.get(status, Tone.NEUTRAL))


def text_on_colour() -> QColor:
    """Text written on a status or tone fill (a badge): the Base colour, whose contrast with
    every such colour is the colour's own contrast as text."""
    return QApplication.palette().color(Role.Base)


def translucent(colour: QColor, alpha: int) -> QColor:
    """A copy of `colour` with `alpha` (0–255): a tint over what is beneath."""
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def css(colour: QColor, alpha: int | None = None) -> str:
    """`colour` for a style sheet or rich text: '#rrggbb', or rgba() when `alpha` is given."""
    if alpha is None:
        return colour.name()
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


def tone_style(which: Tone) -> str:
    """A style sheet's declaration that writes in `which`."""
    return f"color: {css(tone(which))};"


def badge_style(colour: QColor) -> str:
    """A rounded label filled with `colour`, its text in the Base colour (text_on_colour)."""
    return (f"color: {css(text_on_colour())}; background: {css(colour)}; border-radius: 4px;"
            " padding: 1px 8px; font-weight: 600;")


# --- being told of a change ---------------------------------------------------------------------

class ThemeSignals(QObject):
    """Signals: changed() — the palette and the status colours changed (after a theme is applied
    or the desktop switched between light and dark); restyle what keeps colours."""

    changed = Signal()


_signals: ThemeSignals | None = None


def theme_signals() -> ThemeSignals:
    """The application's one ThemeSignals (it lives as long as the QApplication)."""
    global _signals
    if _signals is None:
        _signals = ThemeSignals(QApplication.instance())
    return _signals


class _Follower(QObject):
    """A widget's child that re-runs its restyling on each change, and goes with the widget
    (so does its connection: it is a QObject's slot)."""

    def __init__(self, widget: QWidget, restyle: Callable[[], None]):
        super().__init__(widget)
        self.setObjectName("themeFollower")
        self._restyle = restyle
        theme_signals().changed.connect(self.restyle)

    @Slot()
    def restyle(self) -> None:
        self._restyle()


def follow_theme(widget: QWidget, restyle: Callable[[], None]) -> None:
    """Run `restyle` now and after every theme change, for as long as `widget` lives."""
    restyle()
    _Follower(widget, restyle)


class _TextTone(_Follower):
    """The tone a widget writes in, and the rest of its style sheet (set_text_tone)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget, self._style)
        self.widget = widget
        self.which: Tone | None = None
        self.rest = ""

    def _style(self) -> None:
        colour = tone_style(self.which) if self.which is not None else ""
        self.widget.setStyleSheet(f"{colour} {self.rest}".strip())


def set_text_tone(widget: QWidget, which: Tone | None, rest: str = "") -> None:
    """Write `widget`'s text in the tone `which` (None: the palette's text colour), with `rest`
    of its style sheet, now and after every theme change. Call it as often as the tone changes:
    the widget keeps one follower."""
    holder = next((child for child in widget.children() if isinstance(child, _TextTone)), None)
    if holder is None:
        holder = _TextTone(widget)
    holder.which, holder.rest = which, rest
    holder.restyle()


# --- applying a theme ---------------------------------------------------------------------------

class _State:
    theme = Theme.SYSTEM
    platform_style: str | None = None  # the style the platform gave, before any theme
    platform_tooltips: QPalette | None = None  # and the tooltips' palette
    following_desktop = False
    applying = False


def current_theme() -> Theme:
    return _State.theme


def stored_theme(settings: QSettings) -> Theme:
    """The theme kept in `settings`; the system's when none or an unknown one is kept."""
    value = settings.value(THEME_KEY, Theme.SYSTEM.value)
    return Theme(value) if isinstance(value, str) and value in tuple(Theme) else Theme.SYSTEM


def store_theme(settings: QSettings, theme: Theme) -> None:
    settings.setValue(THEME_KEY, theme.value)
    settings.sync()


def tuned_palette(dark: bool) -> QPalette:
    """The light or dark palette of this module, every role and its disabled colours set."""
    palette = QPalette()
    roles, disabled = (DARK_ROLES, DARK_DISABLED) if dark else (LIGHT_ROLES, LIGHT_DISABLED)
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def apply_theme(theme: Theme) -> None:
    """Make the application look as `theme` says, at once; tell the followers. Before the first
    frame this only sets the palette: asking the platform for a colour scheme and following the
    desktop's wait for follow_desktop()."""
    app = _application()
    if _State.platform_style is None:
        _State.platform_style = app.style().name()
        _State.platform_tooltips = QToolTip.palette()
    _State.theme = Theme(theme)
    _State.applying = True
    try:
        _apply(app, _State.theme)
    finally:
        _State.applying = False
    _repolish_style_sheets(app)
    theme_signals().changed.emit()


def _apply(app: QApplication, theme: Theme) -> None:
    if _State.following_desktop:
        _request_colour_scheme(app, theme)
    if theme is Theme.SYSTEM:
        _use_platform_look(app)
        # A platform whose style draws light on a dark desktop gets the tuned dark palette.
        if _State.following_desktop and _desktop_is_dark(app) and not is_dark():
            _use_tuned_palette(app, dark=True)
    else:
        _use_tuned_palette(app, dark=theme is Theme.DARK)


def follow_desktop() -> None:
    """From now on (after the first frame: it builds Qt's enums, ~16 ms), follow the desktop
    turning dark or light while the theme is the system's, and ask the platform for the chosen
    scheme. Once per application; the current theme is applied again."""
    app = _application()
    if not _State.following_desktop:
        _State.following_desktop = True
        app.styleHints().colorSchemeChanged.connect(_desktop_scheme_changed)
    apply_theme(_State.theme)


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("a theme needs the QApplication to exist first")
    return app


def _use_platform_look(app: QApplication) -> None:
    if _State.platform_style and app.style().name() != _State.platform_style:
        app.setStyle(_State.platform_style)
    if app.palette().resolveMask():  # an empty palette hands the platform's back
        app.setPalette(QPalette())
    if _State.platform_tooltips is not None:
        QToolTip.setPalette(_State.platform_tooltips)


def _use_tuned_palette(app: QApplication, *, dark: bool) -> None:
    if not isinstance(app.style(), TunedFusion):
        app.setStyle(TunedFusion())
    palette = tuned_palette(dark)
    app.setPalette(palette)
    QToolTip.setPalette(palette)  # tooltips keep the platform's palette unless told


def _repolish_style_sheets(app: QApplication) -> None:
    """A style sheet resolves `palette(...)` once, when it is set: set each again so it reads
    the new palette."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def _desktop_is_dark(app: QApplication) -> bool:
    from PySide6.QtCore import Qt  # builds the Qt enums: only once a theme is switched

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _request_colour_scheme(app: QApplication, theme: Theme) -> None:
    """Ask the platform for the chosen scheme too, so what Qt does not draw — the window's
    title bar on Windows and macOS — matches (Qt 6.8+; ignored where unsupported)."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if theme is Theme.DARK else Qt.ColorScheme.Light)


def _desktop_scheme_changed(*_args: object) -> None:
    # Not while a theme is applied: asking the platform for a scheme reports a change at once.
    if _State.theme is Theme.SYSTEM and not _State.applying:
        apply_theme(Theme.SYSTEM)


Primitive = QStyle.PrimitiveElement
FRAMED_INDICATORS = (Primitive.PE_IndicatorCheckBox, Primitive.PE_IndicatorItemViewItemCheck,
                     Primitive.PE_IndicatorRadioButton)
CHECKED_TINT = 0.4  # how much of the Highlight colour a checked push button takes


class TunedFusion(QProxyStyle):
    """Fusion, with two things it draws too faintly made plain: a check box's or radio
    button's frame on a dark palette (Fusion outlines it in Window darkened, which is the Base
    colour there: a box in a list vanished), and a checked push button (Fusion only darkens it a
    tenth: which of Month and Week is on could not be told), now tinted with the Highlight."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(FUSION))

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        adjusted = self._adjusted_palette(element, option)
        if adjusted is None:
            super().drawPrimitive(element, option, painter, widget)
            return
        kept = QPalette(option.palette)
        option.palette = adjusted
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = kept

    @staticmethod
    def _adjusted_palette(element, option) -> QPalette | None:
        palette = option.palette
        if element in FRAMED_INDICATORS and is_dark(palette):
            adjusted = QPalette(palette)  # Fusion's outline is Window.darker(140): make it Mid
            adjusted.setColor(Role.Window, palette.color(Role.Mid).lighter(170))
            return adjusted
        if element == Primitive.PE_PanelButtonCommand and option.state & QStyle.StateFlag.State_On:
            adjusted = QPalette(palette)
            adjusted.setColor(Role.Button, _mix(palette.color(Role.Button),
                                                palette.color(Role.Highlight), CHECKED_TINT))
            return adjusted
        return None


def _mix(one: QColor, other: QColor, share: float) -> QColor:
    """`one` with `share` (0–1) of `other`."""
    def blend(a: float, b: float) -> float:
        return a + (b - a) * share

    return QColor.fromRgbF(blend(one.redF(), other.redF()), blend(one.greenF(), other.greenF()),
                           blend(one.blueF(), other.blueF()))


# --- View ▸ Theme -------------------------------------------------------------------------------

def theme_menu(parent: QWidget, settings: QSettings) -> QMenu:
    """View ▸ Theme: System, Light, Dark as exclusive choices; a choice applies at once and is
    kept in `settings`."""
    menu = QMenu(QCoreApplication.translate("Theme", "&Theme"), parent)
    menu.setObjectName("themeMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = stored_theme(settings)
    for theme, label in THEME_LABELS.items():
        action = QAction(QCoreApplication.translate("Theme", label), menu, checkable=True,
                         checked=theme is chosen)
        action.setObjectName(f"theme_{theme.value}")
        action.triggered.connect(lambda _=False, t=theme: choose_theme(settings, t))
        group.addAction(action)
        menu.addAction(action)
    return menu


def choose_theme(settings: QSettings, theme: Theme) -> None:
    """The user's choice: applied now, and kept for the next start."""
    apply_theme(theme)
    store_theme(settings, theme)


def apply_stored_theme(settings: QSettings) -> None:
    """At start, before the first frame: the kept theme's palette. The system's look is the
    platform's own, which needs no work until follow_desktop()."""
    theme = stored_theme(settings)
    if theme is not Theme.SYSTEM or _State.theme is not Theme.SYSTEM:
        apply_theme(theme)
