"""Import a large XLSX or CSV file with the same resource (and rules) as the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from agreements.resources import AgreementResource
from delegations.resources import DelegationResource, EventResource
from foreignaffairs.core.origins import Origin
from foreignaffairs.core.spreadsheets.large_files import CHUNK_ROWS, import_file
from partners.resources import PartnerLocalityResource

# The resources this command imports with, each found by its model's name.
RESOURCES = (DelegationResource, EventResource, AgreementResource, PartnerLocalityResource)


def resource_named(name: str):
    """'delegation', 'delegations.delegation' or 'partnerlocality' -> its resource class."""
    wanted = name.strip().lower()
    for resource in RESOURCES:
        model = resource._meta.model
        if wanted in {model._meta.model_name, model._meta.label_lower}:
            return resource
    return None


class Command(BaseCommand):
    help = (
        "Import an .xlsx or .csv file of delegations, events, agreements or partner localities "
        "in chunks, printing progress. All or nothing: if any row has a problem, nothing is "
        "written and every problem is listed."
    )

    def add_arguments(self, parser):
        names = ", ".join(resource._meta.model._meta.model_name for resource in RESOURCES)
        parser.add_argument("model", help=f"one of: {names}")
        parser.add_argument("file", help="path to the .xlsx or .csv file")
        parser.add_argument("--user", help="user name recorded as author and in the history")
        parser.add_argument("--chunk", type=int, default=CHUNK_ROWS, help="rows per chunk")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--origin",
            choices=Origin.values,
            help="the former province whose spreadsheet this is: every row gets this origin",
        )

    def handle(self, *args, **options):
        resource = resource_named(options["model"])
        if resource is None:
            raise CommandError(f"Unknown model {options['model']!r}")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}")

        def progress(rows):
            self.stdout.write(f"{rows} rows checked")

        try:
            summary = import_file(
                resource,
                options["file"],
                user=user,
                dry_run=options["dry_run"],
                chunk_rows=options["chunk"],
                progress=progress,
                origin=options["origin"],
            )
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        for row, message in summary.errors:
            self.stderr.write(f"row {row}: {message}" if row else message)
        if summary.errors:
            raise CommandError(f"{len(summary.errors)} problems; nothing was written.")
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.rows} rows: {summary.new} new, {summary.updated} updated, "
                f"{summary.skipped} unchanged {verb} imported."
            )
        )
