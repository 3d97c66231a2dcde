import datetime

from django.core.management.base import BaseCommand, CommandError

from foreignaffairs.deadlines import reminders


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc việc trong ngày: mỗi người một thư về các thời hạn quá hạn và sắp đến hạn; "
        "chạy lại trong cùng ngày không gửi lần hai."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày gửi (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, date=None, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        sent = reminders.send_digests(day)
        self.stdout.write(f"Đã gửi {sent} thư nhắc việc.")
