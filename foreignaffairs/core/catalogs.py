"""Where the translation catalogs' msgids come from (used by `make messages` and the tests).

Our own strings are written in Vietnamese; `locale/en/` translates them into English
(`makemessages -l en` over the project). Some third-party packages that staff meet in the
admin ship no Vietnamese; their English msgids are translated in `locale/vi/`, which
`vendor_messages` keeps in step with the installed versions of those packages.
"""

import importlib
import shutil
import subprocess
import tempfile
from contextlib import chdir
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

# Third-party packages whose pages or messages staff see, with no or incomplete Vietnamese.
VENDOR_PACKAGES = ["import_export", "simple_history", "axes", "django_filters"]
# Folders of the project that hold no strings of ours.
PROJECT_IGNORE = [".venv", "staticfiles", "static", "media", "tests", "locale", ".git"]
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


def gettext_available() -> bool:
    """makemessages needs GNU gettext's xgettext and msgmerge; `make run`/`make test` do not."""
    return all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msguniq"))


def _copy_sources(source: Path, target: Path, ignore: list[str]) -> None:
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if relative.parts and relative.parts[0] in ignore:
            continue
        if "locale" in relative.parts or "__pycache__" in relative.parts:
            continue
        if path.is_file() and path.suffix in SOURCE_SUFFIXES:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)


def extract_pot(sources: dict[str, Path], ignore: list[str] | None = None) -> str:
    """The .pot text makemessages extracts from copies of `sources` (name -> folder).

    Copies, so that makemessages never writes into the sources or into their own `locale/`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, folder in sources.items():
            _copy_sources(folder, root / name, ignore or [])
        locale_dir = root / "locale"
        (locale_dir / "en").mkdir(parents=True)
        with chdir(root), override_settings(LOCALE_PATHS=[locale_dir]):
            call_command("makemessages", locale=["en"], keep_pot=True, verbosity=0)
        return (locale_dir / "django.pot").read_text(encoding="utf-8")


def project_pot() -> str:
    """Every string marked for translation in our code and templates (Vietnamese msgids)."""
    return extract_pot({"project": Path(settings.BASE_DIR)}, ignore=PROJECT_IGNORE)


def vendor_pot() -> str:
    """Every string marked for translation in VENDOR_PACKAGES (English msgids)."""
    sources = {}
    for package in VENDOR_PACKAGES:
        sources[package] = Path(importlib.import_module(package).__file__).parent
    return extract_pot(sources)


def merge_into(po_path: Path, pot_text: str) -> None:
    """Bring a catalog in step with a template: new msgids added, gone ones dropped, existing
    translations kept (GNU msgmerge)."""
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".pot", encoding="utf-8", delete=False) as pot:
        pot.write(pot_text)
    try:
        if not po_path.exists():
            shutil.copyfile(pot.name, po_path)
        subprocess.run(
            [
                "msgmerge",
                "--quiet",
                "--update",
                "--backup=none",
                "--no-fuzzy-matching",
                "--no-location",
                str(po_path),
                pot.name,
            ],
            check=True,
        )
        subprocess.run(
            ["msgattrib", "--no-obsolete", "--no-location", "-o", str(po_path), str(po_path)],
            check=True,
        )
    finally:
        Path(pot.name).unlink()
