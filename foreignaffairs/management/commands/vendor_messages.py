"""Keep locale/vi/ in step with the third-party code staff see (core.catalogs)."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from foreignaffairs.core import catalogs


class Command(BaseCommand):
    help = (
        "Extract the English msgids of the third-party code in catalogs.VENDOR_SOURCES into "
        "locale/vi/LC_MESSAGES/django.po and djangojs.po, keeping existing Vietnamese "
        "translations; new entries start from the package's own Vietnamese, to be reviewed."
    )

    def handle(self, *args, **options):
        if not catalogs.gettext_available():
            raise CommandError("GNU gettext (xgettext, msgmerge) is needed: apt install gettext")
        messages = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
        for domain in catalogs.DOMAINS:
            po_path = messages / f"{domain}.po"
            with tempfile.TemporaryDirectory() as tmp:
                compendium = catalogs.vendor_compendium(domain, Path(tmp) / "compendium.po")
                catalogs.merge_into(po_path, catalogs.vendor_pot(domain), compendium)
            self.stdout.write(f"Updated {po_path.relative_to(settings.BASE_DIR)}")
