"""The translators' files: `make translations` runs this.

    python packaging/translations.py [--add LANGUAGE]

1. resources/translations/overload.ts, the template: every user-visible string of main.py and
   ui/ as pyside6-lupdate extracts it (self.tr(), translate(), QT_TRANSLATE_NOOP), without
   translations and without source locations (line numbers would change it on every edit of
   ui/; the context and the translators' comments say where a string belongs).
2. Each language's file beside it, overload_<language>.ts (overload_de.ts…), brought up to date
   with the same sources, its translations kept, and compiled by pyside6-lrelease into the
   overload_<language>.qm the app loads at start (ui/app.py install_translations).
   `--add de` starts overload_de.ts first (`make translations NEW_LANGUAGE=de`).

tests/test_translations.py runs lupdate into a temporary file and fails while the committed
template misses a string or keeps one the code no longer has.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TEMPLATE = FOLDER / "overload.ts"

# (context, source text, disambiguation) — what identifies a message to Qt's translators.
Message = tuple[str, str, str]


def sources() -> list[str]:
    """The files whose strings are translated, relative to the repository's root."""
    ui = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))
    return ["main.py", *ui]


def tool(name: str) -> str:
    """A Qt tool of the PySide6 beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (it comes with PySide6)")
    return found


def update(ts_file: Path, *, keep_locations: bool = False, language: str | None = None) -> None:
    """Write (or bring up to date) `ts_file` with every string of sources(); translations
    already in it are kept, strings the code no longer has are dropped. `language` names the
    language of a new file ('de', 'pt_BR')."""
    locations = "relative" if keep_locations else "none"
    target = ["-target-language", language] if language else []
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", locations,
                    "-source-language", "en", *target, *sources(), "-ts", str(ts_file)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def release(ts_file: Path) -> Path:
    """Compile a language's .ts into the .qm beside it; the .qm's path."""
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                   check=True, capture_output=True, text=True)
    return qm_file


def messages(ts_file: Path) -> set[Message]:
    """Every message of a .ts file."""
    found = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return found


def languages(folder: Path = FOLDER) -> list[Path]:
    """The translations that exist: overload_<language>.ts."""
    return sorted(folder.glob("overload_*.ts"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the translators' template and "
                                                 "compile each language.")
    parser.add_argument("--add", metavar="LANGUAGE",
                        help="start a translation into LANGUAGE (de, fr, pt_BR…)")
    args = parser.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    if args.add:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.add):
            parser.error(f"--add {args.add!r}: a language code is like de, fr or pt_BR")
        new = FOLDER / f"overload_{args.add}.ts"
        if not new.exists():
            update(new, keep_locations=True, language=args.add)
    update(TEMPLATE)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(messages(TEMPLATE))} strings")
    for ts_file in languages():
        update(ts_file, keep_locations=True)  # translators read the code beside the string
        qm_file = release(ts_file)
        print(f"{ts_file.relative_to(ROOT)} -> {qm_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
