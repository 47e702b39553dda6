"""Ready for translation: every string of ui/ reaches the translators' template, the committed
template is the one pyside6-lupdate makes from the code today, and no date is written with the C
library's day and month names.

The template and its tools: packaging/translations.py (`make translations`).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = sorted((ROOT / "ui").rglob("*.py"))
TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}
# A placeholder translators keep as it is: {name}, filled by str.format. Anything else between
# braces ({self.x}, {day:%b}, {n + 1}) is an f-string's expression that reached the template.
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _load_translations_tool():
    """packaging/translations.py by its path: the `packaging` the tests' tools install is
    another package of the same name."""
    spec = importlib.util.spec_from_file_location("overload_translations",
                                                  ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _load_translations_tool()


def _translating_call(node: ast.AST) -> str | None:
    """'tr' for self.tr(…), 'translate' for translate(…) or QCoreApplication.translate(…),
    'QT_TRANSLATE_NOOP'; None for any other call (painter.translate(…) moves a painter)."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Name) and func.id in ("translate", "QT_TRANSLATE_NOOP"):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if func.attr == "tr" and func.value.id == "self":
            return "tr"
        if func.attr == "translate" and func.value.id == "QCoreApplication":
            return "translate"
    return None


def _calls(tree: ast.AST):
    """(call node, 'tr' | 'translate' | 'QT_TRANSLATE_NOOP') of every translating call."""
    for node in ast.walk(tree):
        name = _translating_call(node)
        if name is not None:
            yield node, name


def _parsed(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"))


def _literal_messages() -> list[tuple[str, str, str]]:
    """(where, context or '' for self.tr, source text) of every call with literal text."""
    found = []
    for path in UI_FILES:
        for call, name in _calls(_parsed(path)):
            args = call.args
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if name == "tr":
                text = args[0] if args else None
                context = ""
            else:
                text = args[1] if len(args) > 1 else None
                context = args[0].value if args and isinstance(args[0], ast.Constant) else None
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.append((where, context, text.value))
    return found


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory) -> Path:
    """The template as pyside6-lupdate makes it from the code now."""
    path = tmp_path_factory.mktemp("translations") / "overload.ts"
    translations.update(path)
    return path


def test_no_strftime_day_or_month_names_in_ui():
    pattern = re.compile(r"%a|%b|%A|%B|strftime")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in UI_FILES
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert not found, "dates go through ui/locale_text.py (QLocale):\n" + "\n".join(found)


def test_the_committed_template_is_the_one_lupdate_makes_now(fresh_template):
    committed = translations.messages(translations.TEMPLATE)
    fresh = translations.messages(fresh_template)
    assert fresh == committed, (
        "resources/translations/overload.ts is stale: run `make translations`.\n"
        f"missing: {sorted(fresh - committed)[:10]}\nno longer in the code: "
        f"{sorted(committed - fresh)[:10]}")


def test_the_template_covers_the_app_and_holds_no_f_string():
    root = ET.parse(translations.TEMPLATE).getroot()
    contexts = root.findall("context")
    sources = [m.findtext("source") or "" for m in root.iter("message")]
    assert len(contexts) >= 50 and len(sources) >= 700
    assert not [c.findtext("name") for c in contexts if not c.findtext("name")], \
        "a tr() outside a class has no context"
    unresolved = [s for s in sources if re.sub(PLACEHOLDER, "", s).count("{")]
    assert not unresolved, f"an f-string's expression in the template: {unresolved[:5]}"
    bad_plurals = [m.findtext("source") for m in root.iter("message")
                   if "%n" in (m.findtext("source") or "") and m.get("numerus") != "yes"]
    assert not bad_plurals, f"%n without plural forms: {bad_plurals}"


def test_every_literal_string_given_to_tr_reaches_the_template():
    """lupdate's Python parser silently drops a call it cannot read (a translate() whose count
    is an attribute, say): every literal text must be in the template."""
    in_template = {(context, source) for context, source, _ in
                   translations.messages(translations.TEMPLATE)}
    sources = {source for _, source in in_template}
    missing = [(where, text) for where, context, text in _literal_messages()
               if (context, text) not in in_template and not (context == "" and text in sources)]
    assert not missing, f"strings lupdate did not extract: {missing[:5]}"
    assert len(_literal_messages()) >= 600


def test_no_f_string_or_concatenation_is_given_to_tr():
    bad = []
    for path in UI_FILES:
        for call, name in _calls(_parsed(path)):
            text_index = 0 if name == "tr" else 1
            if len(call.args) > text_index and isinstance(
                    call.args[text_index], (ast.JoinedStr, ast.BinOp)):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not bad, f"tr() needs the whole sentence as one literal: {bad}"


def test_a_class_that_calls_self_tr_is_not_subclassed():
    """PySide6's tr() looks the text up under the class of the object (type(self).__name__),
    lupdate files it under the class that wrote the call: a subclass would never find it."""
    uses_tr, bases = set(), {}
    for path in UI_FILES:
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if any(name == "tr" for _, name in _calls(node)):
                    uses_tr.add(node.name)
    subclassed = {name: base for name, parents in bases.items() for base in parents
                  if base in uses_tr}
    assert not subclassed, f"use translate('Base', …) in these base classes: {subclassed}"



# --- a translation, compiled and installed at start ----------------------------------------------

GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Opening your training log…</source>
        <translation>Dein Trainingslog wird geöffnet…</translation>
    </message>
</context>
</TS>
"""


def _compiled(folder: Path, name: str) -> Path:
    ts_file = folder / f"{name}.ts"
    ts_file.write_text(GERMAN_TS, encoding="utf-8")
    qm_file = translations.release(ts_file)
    ts_file.unlink()
    return qm_file


def test_a_compiled_translation_for_the_locale_is_installed_at_start(qapp, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QLocale, QSettings

    from ui.app import install_translations
    from ui.main_window import MainWindow

    _compiled(tmp_path, "overload_de")
    installed = install_translations(qapp, QLocale(QLocale.Language.German), tmp_path)
    try:
        assert installed
        window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        assert window.file_menu.title() == "&Datei"
        assert window.centralWidget().text() == "Dein Trainingslog wird geöffnet…"
        assert window.edit_menu.title() == "&Edit"  # not translated yet: the English source
        if len(installed) == 2:  # Qt's own German, where the Qt installed ships it
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_without_a_translation_for_the_language_the_app_stays_english(qapp, tmp_path):
    from PySide6.QtCore import QLocale

    from ui.app import install_translations

    german = QLocale(QLocale.Language.German)
    assert install_translations(qapp, german, tmp_path / "missing") == []
    assert install_translations(qapp, german, tmp_path) == []  # a folder with no .qm
    _compiled(tmp_path, "overload_fr")
    assert install_translations(qapp, german, tmp_path) == []
