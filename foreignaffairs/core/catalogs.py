"""Where the translation catalogs' msgids come from (used by `make messages` and the tests).

Our own strings are written in Vietnamese; `locale/en/` translates them into English
(`makemessages -l en` over the project). The English msgids of the third-party code staff meet
(the admin, DRF's errors, filters, history, import/export, login lock-outs) are translated in
`locale/vi/`, which `vendor_messages` keeps in step with the installed versions: new msgids
start from the package's own Vietnamese where it has one (GNU msgmerge's compendium), and are
then reviewed by hand; what is in `locale/vi/` wins over the packages' catalogs, so Django's
stiff "Thêm vào đoàn" becomes "Thêm đoàn".
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

# Third-party code whose pages or messages staff see: package -> the parts of it that hold
# those strings (none listed: all of it). Django itself only for its forms, validators and
# model-field messages (the rest of it never reaches a staff page).
VENDOR_SOURCES: dict[str, list[str]] = {
    "django": [
        "forms",
        "core/validators.py",
        "db/models/fields/__init__.py",
        "db/models/fields/related.py",
        "db/models/base.py",
    ],
    "django.contrib.admin": [],
    "django.contrib.auth": [],
    "rest_framework": [],
    "django_filters": [],
    "import_export": [],
    "simple_history": [],
    "axes": [],
}
# The gettext domains: Python and templates, and the admin's JavaScript ("Đã chọn 0/50").
DOMAINS = {"django": {".py", ".html", ".txt"}, "djangojs": {".js"}}
# Folders of the project that hold no strings of ours.
PROJECT_IGNORE = [".venv", "staticfiles", "static", "media", "tests", "locale", ".git"]
# Never extracted: other packages' catalogs, caches, bundled third-party JavaScript.
SKIPPED_FOLDERS = {"locale", "__pycache__", "vendor", "tests"}


def gettext_available() -> bool:
    """makemessages needs GNU gettext's xgettext and msgmerge; `make run`/`make test` do not."""
    return all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msguniq"))


VI_HEADER = """\
# Vietnamese for the English msgids of third-party code staff see (make messages).
msgid ""
msgstr ""
"Project-Id-Version: foreignaffairs\\n"
"Language-Team: Sở Ngoại vụ TP. Hồ Chí Minh\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def package_folder(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).parent


def _copy_sources(
    source: Path, target: Path, ignore: list[str], suffixes: set[str], parts: list[str]
) -> None:
    paths = [source / part for part in parts] if parts else [source]
    for root in paths:
        for path in [root] if root.is_file() else root.rglob("*"):
            relative = path.relative_to(source)
            if relative.parts and relative.parts[0] in ignore:
                continue
            if SKIPPED_FOLDERS.intersection(relative.parts[:-1]):
                continue
            if path.is_file() and path.suffix in suffixes:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target / relative)


def extract_pot(
    sources: dict[str, tuple[Path, list[str]]],
    ignore: list[str] | None = None,
    domain: str = "django",
) -> str:
    """The .pot text makemessages extracts from copies of `sources` (name -> folder, and the
    parts of it to read; none: all).

    Copies, so that makemessages never writes into the sources or into their own `locale/`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, (folder, parts) in sources.items():
            _copy_sources(folder, root / name, ignore or [], DOMAINS[domain], parts)
        locale_dir = root / "locale"
        (locale_dir / "en").mkdir(parents=True)
        with chdir(root), override_settings(LOCALE_PATHS=[locale_dir]):
            call_command("makemessages", locale=["en"], domain=domain, keep_pot=True, verbosity=0)
        pot = locale_dir / f"{domain}.pot"
        return pot.read_text(encoding="utf-8") if pot.exists() else ""


def project_pot() -> str:
    """Every string marked for translation in our code and templates (Vietnamese msgids)."""
    return extract_pot({"project": (Path(settings.BASE_DIR), [])}, ignore=PROJECT_IGNORE)


def vendor_pot(domain: str = "django") -> str:
    """Every string marked for translation in VENDOR_SOURCES (English msgids)."""
    sources = {
        package: (package_folder(package), parts) for package, parts in VENDOR_SOURCES.items()
    }
    return extract_pot(sources, domain=domain)


def vendor_compendium(domain: str, target: Path) -> Path:
    """One catalog of the Vietnamese the vendor packages ship for `domain` (their .po, or the
    compiled .mo when that is all they ship), for msgmerge to start new entries from."""
    catalogs = []
    for index, package in enumerate(VENDOR_SOURCES):
        folder = package_folder(package)
        if package == "django":
            folder = folder / "conf"
        messages = folder / "locale" / "vi" / "LC_MESSAGES"
        if (messages / f"{domain}.po").exists():
            catalogs.append(messages / f"{domain}.po")
        elif (messages / f"{domain}.mo").exists():
            converted = target.parent / f"{index}-{domain}.po"
            subprocess.run(
                ["msgunfmt", "-o", str(converted), str(messages / f"{domain}.mo")], check=True
            )
            catalogs.append(converted)
    if catalogs:
        subprocess.run(
            ["msgcat", "--use-first", "-o", str(target), *map(str, catalogs)], check=True
        )
    else:
        target.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    return target


def merge_into(po_path: Path, pot_text: str, compendium: Path | None = None) -> None:
    """Bring a catalog in step with a template: new msgids added (translated from the
    compendium when it has them), gone ones dropped, existing translations kept (GNU
    msgmerge)."""
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".pot", encoding="utf-8", delete=False) as pot:
        pot.write(pot_text)
    try:
        if not po_path.exists():
            po_path.write_text(VI_HEADER, encoding="utf-8")
        subprocess.run(
            [
                "msgmerge",
                "--quiet",
                "--update",
                "--backup=none",
                "--no-fuzzy-matching",
                "--no-location",
                *(["--compendium", str(compendium)] if compendium else []),
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
