"""Keep locale/vi/ in step with the third-party packages staff see (core.catalogs)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from foreignaffairs.core import catalogs


class Command(BaseCommand):
    help = (
        "Extract the English msgids of the third-party packages in catalogs.VENDOR_PACKAGES "
        "into locale/vi/LC_MESSAGES/django.po, keeping existing Vietnamese translations."
    )

    def handle(self, *args, **options):
        if not catalogs.gettext_available():
            raise CommandError("GNU gettext (xgettext, msgmerge) is needed: apt install gettext")
        po_path = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
        catalogs.merge_into(po_path, catalogs.vendor_pot())
        self.stdout.write(f"Updated {po_path.relative_to(settings.BASE_DIR)}")
