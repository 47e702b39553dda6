"""The theme (ui/theme.py): light, dark and the system's palette, applied at start and live; the
one status palette, readable on both; no colour hard-coded anywhere else in ui/."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tokenize
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from models.rules.domain import Landmarks, Status
from ui.gauge import VolumeGauge
from ui.theme import (
    STATUS_COLOURS,
    THEME_KEY,
    TONE_COLOURS,
    Theme,
    Tone,
    TunedFusion,
    apply_theme,
    current_theme,
    follow_desktop,
    follow_theme,
    is_dark,
    set_text_tone,
    status_colour,
    theme_signals,
    tone,
    tuned_palette,
)

ROOT = Path(__file__).resolve().parents[2]
Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def system_theme_after(qapp):
    """Every test here leaves the application as the others expect it: the system's look."""
    yield
    apply_theme(Theme.SYSTEM)


def window_lightness() -> float:
    return QApplication.palette().color(Role.Window).lightnessF()


# --- applying ----------------------------------------------------------------------------------

def test_the_dark_theme_sets_a_dark_palette_on_fusion_and_the_light_one_a_light_palette():
    apply_theme(Theme.DARK)
    assert window_lightness() < 0.5 and is_dark()
    assert isinstance(QApplication.style(), TunedFusion)
    assert QApplication.style().baseStyle().name() == "fusion"
    assert QApplication.palette().color(Role.Text).lightnessF() > 0.8
    apply_theme(Theme.LIGHT)
    assert window_lightness() > 0.5 and not is_dark()
    assert current_theme() is Theme.LIGHT


def test_the_system_theme_gives_the_platforms_own_style_and_palette_back():
    apply_theme(Theme.SYSTEM)
    platform_style = QApplication.style().name()
    platform_window = QApplication.palette().color(Role.Window)
    apply_theme(Theme.DARK)
    assert QApplication.palette().color(Role.Window) != platform_window
    apply_theme(Theme.SYSTEM)
    assert QApplication.style().name() == platform_style
    assert QApplication.palette().color(Role.Window) == platform_window
    assert QApplication.palette().resolveMask() == 0  # nothing of ours left in it


def distance(one: QColor, other: QColor) -> int:
    return max(abs(one.red() - other.red()), abs(one.green() - other.green()),
               abs(one.blue() - other.blue()))


def test_a_checked_button_stands_out_from_an_unchecked_one_on_both_themes(qtbot):
    """Fusion darkens a checked button by a tenth only: on the dark palette Month and Week
    looked alike."""
    from PySide6.QtWidgets import QPushButton

    buttons = [QPushButton("Month", checkable=True, checked=True), QPushButton("Week",
                                                                                checkable=True)]
    for button in buttons:
        qtbot.addWidget(button)
        button.resize(80, 28)
    for theme in (Theme.DARK, Theme.LIGHT):
        apply_theme(theme)
        QApplication.processEvents()  # the widgets take the new palette
        on, off = (b.grab().toImage().pixelColor(8, 14) for b in buttons)
        assert distance(on, off) > 25, theme


def test_a_check_box_in_a_list_has_a_visible_frame_on_the_dark_theme(qtbot):
    """Fusion outlines it in Window darkened: the Base colour on the dark palette."""
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    listing = QListWidget()
    qtbot.addWidget(listing)
    item = QListWidgetItem("Back")
    item.setCheckState(Qt.CheckState.Unchecked)
    listing.addItem(item)
    listing.resize(200, 80)
    apply_theme(Theme.DARK)
    QApplication.processEvents()  # the widgets take the new palette
    image = listing.viewport().grab().toImage()
    base = QApplication.palette().color(Role.Base)
    row = listing.visualItemRect(item)
    frame = max(distance(image.pixelColor(x, y), base)
                for x in range(row.left(), row.left() + 24) for y in range(row.top(), row.bottom()))
    assert frame > 40


def test_the_status_colours_follow_the_theme():
    apply_theme(Theme.LIGHT)
    assert status_colour(Status.OPTIMAL) == QColor(STATUS_COLOURS["light"]["optimal"])
    assert tone(Tone.ERROR) == QColor(TONE_COLOURS["light"][Tone.ERROR])
    apply_theme(Theme.DARK)
    assert status_colour(Status.OPTIMAL) == QColor(STATUS_COLOURS["dark"]["optimal"])
    assert tone(Tone.ERROR) == QColor(TONE_COLOURS["dark"][Tone.ERROR])


def test_switching_at_runtime_repaints_a_custom_painted_widget(qtbot):
    gauge = VolumeGauge()
    qtbot.addWidget(gauge)
    gauge.resize(200, 20)
    gauge.set_values(16, Landmarks(8, 10, 14, 22, 25))  # optimal: the bar from the left edge
    gauge.show()
    qtbot.waitExposed(gauge)

    def bar_pixel() -> QColor:
        return gauge.grab().toImage().pixelColor(2, gauge.height() // 2)

    apply_theme(Theme.LIGHT)
    assert bar_pixel() == status_colour(Status.OPTIMAL)
    light = bar_pixel()
    apply_theme(Theme.DARK)
    assert bar_pixel() == status_colour(Status.OPTIMAL) != light


def test_style_sheets_read_the_new_palette_and_toned_text_its_new_colour(qtbot):
    """A style sheet resolves palette(...) once: switching sets each again."""
    muted = QLabel("muted")
    muted.setStyleSheet("color: palette(placeholder-text);")
    error = QLabel("error")
    set_text_tone(error, Tone.ERROR, "font-weight: 600;")
    for label in (muted, error):
        qtbot.addWidget(label)
        label.show()
    apply_theme(Theme.LIGHT)
    qtbot.waitUntil(lambda: muted.palette().color(Role.WindowText)
                    == QColor(TONE_COLOURS["light"][Tone.MUTED]))
    apply_theme(Theme.DARK)
    qtbot.waitUntil(lambda: muted.palette().color(Role.WindowText)
                    == QColor(TONE_COLOURS["dark"][Tone.MUTED]))
    assert error.styleSheet() == f"color: {TONE_COLOURS['dark'][Tone.ERROR]}; font-weight: 600;"
    set_text_tone(error, None, "font-weight: 600;")  # back to the palette's text colour
    assert error.styleSheet() == "font-weight: 600;"
    assert len([c for c in error.children() if c.objectName() == "themeFollower"]) == 1


def test_a_theme_change_is_announced_and_a_follower_dies_with_its_widget(qtbot):
    label = QLabel()
    restyled = []
    follow_theme(label, lambda: restyled.append(label.text()))
    assert restyled == [""]
    with qtbot.waitSignal(theme_signals().changed, timeout=1000):
        apply_theme(Theme.DARK)
    assert len(restyled) == 2
    shiboken6.delete(label)
    apply_theme(Theme.LIGHT)  # would raise on the deleted label if the follower outlived it
    assert len(restyled) == 2


def test_the_desktop_turning_dark_is_followed_only_while_the_theme_is_the_systems(qtbot):
    follow_desktop()
    hints = QApplication.styleHints()
    apply_theme(Theme.SYSTEM)
    with qtbot.waitSignal(theme_signals().changed, timeout=1000):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    apply_theme(Theme.LIGHT)
    with qtbot.assertNotEmitted(theme_signals().changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert current_theme() is Theme.LIGHT and not is_dark()


# --- contrast ----------------------------------------------------------------------------------

def relative_luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2's contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor(0x76, 0x76, 0x76), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("variant", ["light", "dark"])
def test_every_status_and_tone_colour_reads_at_4_5_to_1_on_its_theme(variant):
    palette = tuned_palette(variant == "dark")
    backgrounds = [palette.color(role) for role in (Role.Base, Role.Window, Role.AlternateBase)]
    colours = {**STATUS_COLOURS[variant], **TONE_COLOURS[variant]}
    weak = {name: round(min(contrast(QColor(colour), bg) for bg in backgrounds), 2)
            for name, colour in colours.items()
            if min(contrast(QColor(colour), bg) for bg in backgrounds) < 4.5}
    assert weak == {}


@pytest.mark.parametrize("dark", [False, True])
def test_the_palettes_text_roles_read_at_4_5_to_1(dark):
    palette = tuned_palette(dark)
    pairs = [(Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
             (Role.WindowText, Role.Window), (Role.ButtonText, Role.Button),
             (Role.PlaceholderText, Role.Base), (Role.PlaceholderText, Role.Window),
             (Role.Link, Role.Base), (Role.LinkVisited, Role.Base),
             (Role.HighlightedText, Role.Highlight), (Role.ToolTipText, Role.ToolTipBase)]
    weak = [(fg.name, bg.name) for fg, bg in pairs
            if contrast(palette.color(fg), palette.color(bg)) < 4.5]
    assert weak == []


def test_the_status_palette_names_every_status_and_every_tone_in_both_variants():
    for variant in ("light", "dark"):
        assert set(STATUS_COLOURS[variant]) == {status.value for status in Status}
        assert set(TONE_COLOURS[variant]) == set(Tone)


# --- no colour anywhere else -------------------------------------------------------------------

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b")
NAMED_CSS_COLOUR = re.compile(
    r"(?:color|background(?:-color)?|border[-a-z]*)\s*:[^;'\"]*\b(?:white|black|red|green|blue|"
    r"gr[ae]y|orange|yellow)\b", re.IGNORECASE)
QT_COLOUR_CALL = re.compile(r"QColor\(\s*['\"]|Qt\.GlobalColor|Qt\.(?:red|green|blue|black|"
                            r"white|gray|grey|yellow)\b")


def colour_literals(path: Path) -> list[str]:
    """Where `path` spells a colour itself: a hex colour or a named colour in a string, or a
    QColor or Qt colour made from a name."""
    source = path.read_text(encoding="utf-8")
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    found = [f"{where}:{line}: {match}"
             for line, text in enumerate(source.splitlines(), 1)
             for match in QT_COLOUR_CALL.findall(text)]
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            for pattern in (HEX_COLOUR, NAMED_CSS_COLOUR):
                found += [f"{where}:{token.start[0]}: {m.group(0)}"
                          for m in pattern.finditer(token.string)]
    return found


def test_no_ui_module_spells_a_colour_outside_the_theme():
    paths = [p for p in sorted((ROOT / "ui").rglob("*.py")) if p.name != "theme.py"]
    hits = [hit for path in paths for hit in colour_literals(path)]
    assert hits == [], "colours belong in ui/theme.py:\n" + "\n".join(hits)


def test_the_colour_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('A = "color: #c0392b;"\nB = QColor("white")\nC = "color: white;"\n'
                      'D = Qt.GlobalColor.gray\nE = f"x {1} #a1b2c3"\n'
                      '# a comment with #abc is fine\nF = "palette(mid)"\n', encoding="utf-8")
    hits = colour_literals(sample)
    assert len(hits) == 5, hits


# --- the preference ----------------------------------------------------------------------------

def theme_actions(window) -> dict[str, object]:
    menu = window.findChild(type(window.view_menu), "themeMenu")
    return {action.objectName(): action for action in menu.actions()}


def test_view_theme_offers_system_light_and_dark_as_one_choice(window):
    actions = theme_actions(window)
    assert list(actions) == ["theme_system", "theme_light", "theme_dark"]
    assert actions["theme_system"].isChecked()
    actions["theme_dark"].trigger()
    assert is_dark() and actions["theme_dark"].isChecked()
    assert not actions["theme_system"].isChecked()
    actions["theme_light"].trigger()
    assert not is_dark() and [a.isChecked() for a in actions.values()] == [False, True, False]


def test_the_theme_persists_across_a_restart_of_the_main_window(db, db_path, tmp_path, qtbot):
    from ui.main_window import THEME_SETTING, MainWindow
    from ui.store import Store

    assert THEME_SETTING == THEME_KEY
    ini = str(tmp_path / "window.ini")
    first = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.attach(Store(), db_path)
    theme_actions(first)["theme_dark"].trigger()
    first.close()
    apply_theme(Theme.SYSTEM)  # as a new process starts
    assert not is_dark()
    second = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert is_dark()  # before the first frame, not after it
    second.finish_shell()
    assert theme_actions(second)["theme_dark"].isChecked()
    assert current_theme() is Theme.DARK


def test_an_unknown_stored_theme_is_the_systems(window_settings):
    from ui.theme import stored_theme

    window_settings.setValue(THEME_KEY, "sepia")
    assert stored_theme(window_settings) is Theme.SYSTEM


def test_the_systems_look_loads_no_theme_code_before_the_first_frame(tmp_path):
    """The default costs the first frame nothing; a chosen dark theme is there for it."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"settings = QSettings({str(tmp_path / 'w.ini')!r}, QSettings.Format.IniFormat)\n"
        "MainWindow(settings)\n"
        "print('ui.theme' in sys.modules)\n"
        "settings.setValue('view/theme', 'dark')\n"
        "MainWindow(settings)\n"
        "print(app.palette().window().color().lightnessF() < 0.5)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["False", "True"], result.stderr


# --- the calendar and the charts follow a switch -----------------------------------------------

def dark_status_colours() -> set[str]:
    return {QColor(colour).name() for colour in STATUS_COLOURS["dark"].values()}


def test_the_calendar_and_the_week_panel_follow_a_switch(store, qtbot):
    from models.sessions import create_session, log_set
    from models.storage.schema import Exercise, SessionExercise
    from ui.calendar.calendar_view import SessionCalendar
    from ui.calendar.week_panel import WeekVolumePanel

    day = date(2026, 11, 23)
    session_id = create_session(day, "Pull", [Exercise.get(name="Barbell Row").id])
    for _ in range(10):
        log_set(SessionExercise.get(session=session_id).id, kind="working", load_kg=80, reps=8)
    apply_theme(Theme.LIGHT)
    calendar = SessionCalendar(store, today=day)
    panel = WeekVolumePanel(store)
    panel.show_week(day)
    for widget in (calendar, panel):
        qtbot.addWidget(widget)
    light_badges = dict(calendar.cell_for(day).chips[0].badge_colours)
    apply_theme(Theme.DARK)
    badges = calendar.cell_for(day).chips[0].badge_colours
    assert badges["back"] == status_colour(Status.PRODUCTIVE).name() != light_badges["back"]
    assert set(badges.values()) <= dark_status_colours()
    assert status_colour(Status.PRODUCTIVE).name() in panel.legend.text()
    assert STATUS_COLOURS["light"]["productive"] not in panel.legend.text()


def test_the_charts_follow_a_switch(store, qtbot):
    from ui.charts.charts_page import CHART_KEYS, ChartsPage

    apply_theme(Theme.LIGHT)
    page = ChartsPage(store, today=lambda: date(2026, 11, 25))
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    for key in CHART_KEYS:
        page.drawn(key)
    page.show_chart("volume")
    light_corner = page.drawn("volume").widget.grab().toImage().pixelColor(3, 3)
    apply_theme(Theme.DARK)
    palette = QApplication.palette()
    volume = page.drawn("volume")
    corner = volume.widget.grab().toImage().pixelColor(3, 3)
    assert corner == palette.color(Role.Base) != light_corner
    assert volume.plot.getAxis("left").textPen().color() == palette.color(Role.Text)
    bars = {brush.color().name() for brush in volume.done.opts["brushes"]}
    assert bars and bars <= dark_status_colours()
    band = volume.regions[Status.OPTIMAL].brush.color()
    assert band.rgb() == status_colour(Status.OPTIMAL).rgb()
    progress = page.drawn("progress")
    assert progress.e1rm.opts["pen"].color() == tone(Tone.ACCENT)
    legend = page.findChild(QLabel, "volumeLegend")
    assert status_colour(Status.OPTIMAL).name() in legend.text()


def test_the_week_planner_follows_a_switch(store, qtbot):
    """A session training a group again within 48 hours is framed in the error tone, today's
    date written in the success tone, as in the month — in the light and the dark tones."""
    from models.sessions import create_session
    from models.storage.schema import Exercise
    from ui.calendar.calendar_view import SessionCalendar

    monday = date(2026, 11, 23)
    create_session(monday, "Pull A", [Exercise.get(name="Barbell Row").id])
    create_session(monday + timedelta(days=1), "Pull B", [Exercise.get(name="Lat Pulldown").id])
    apply_theme(Theme.LIGHT)
    week = SessionCalendar(store, today=monday + timedelta(days=2))
    qtbot.addWidget(week)
    week.resize(1000, 500)
    week.set_mode("week")
    week.show()
    qtbot.waitExposed(week)
    QApplication.processEvents()  # the new cards get their places
    (card,) = week.cell_for(monday).cards
    assert card.conflicts
    today = week.cell_for(monday + timedelta(days=2)).number

    def border() -> QColor:
        return card.grab().toImage().pixelColor(card.width() // 2, 1)

    for theme, variant_name in ((Theme.LIGHT, "light"), (Theme.DARK, "dark")):
        apply_theme(theme)
        QApplication.processEvents()
        assert distance(border(), QColor(TONE_COLOURS[variant_name][Tone.ERROR])) <= 12
        assert TONE_COLOURS[variant_name][Tone.SUCCESS] in today.styleSheet()
    other_day = week.cell_for(monday + timedelta(days=3)).number
    assert other_day.styleSheet() == ""  # not today: the palette's text colour


def test_the_long_range_charts_follow_a_switch(store, qtbot):
    """Main's long-range parts — the monthly plan's lines, the calendar axes, the hover labels,
    a lone session's markers, the monthly legend — take the new theme's colours."""
    from models.sessions import create_session, log_set
    from models.storage.schema import Exercise, SessionExercise
    from ui.charts.chart_plots import PLANNED_LEGEND
    from ui.charts.charts_page import ChartsPage

    row, pulldown = (Exercise.get(name=name).id for name in ("Barbell Row", "Lat Pulldown"))
    day = date(2024, 11, 4)
    while day <= date(2026, 11, 23):  # two years: monthly bars
        session_id = create_session(day, "Pull", [row])
        log_set(SessionExercise.get(session=session_id).id, kind="working", load_kg=80, reps=8)
        day += timedelta(days=28)
    once = create_session(date(2026, 10, 14), "Pull", [pulldown])
    log_set(SessionExercise.get(session=once).id, kind="working", load_kg=60, reps=10)
    apply_theme(Theme.LIGHT)
    page = ChartsPage(store, today=lambda: date(2026, 11, 25))
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.show()
    qtbot.waitExposed(page)
    page.set_range("all")
    page.show_exercise(pulldown)
    volume, progress = page.drawn("volume"), page.drawn("progress")
    assert volume.bars.monthly and len(volume.planned_tops.getData()[0]) > 0
    assert len(progress.lone.points()) == 1
    apply_theme(Theme.DARK)
    palette = QApplication.palette()
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    assert volume.planned_tops.opts["pen"].color() == text
    for hover in (volume.hover, progress.hover):
        assert hover.textItem.defaultTextColor() == text
        assert hover.fill.color().rgb() == base.rgb()
    for axis in (volume.axis, progress.top.getAxis("bottom"), progress.bottom.getAxis("bottom")):
        assert axis.textPen().color() == text
    assert progress.lone.points()[0].brush().color() == tone(Tone.ACCENT)
    assert progress.lone_heaviest.points()[0].brush().color() == tone(Tone.MUTED)
    assert progress.lone_volume.points()[0].brush().color() == tone(Tone.NEUTRAL)
    assert progress.prs.points()[0].brush().color() == tone(Tone.RECORD)
    legend = page.legends["volume"].text()
    assert PLANNED_LEGEND[True] in legend  # the monthly legend, not the weekly one it began as
    assert status_colour(Status.OPTIMAL).name() in legend
    assert STATUS_COLOURS["light"]["optimal"] not in legend
