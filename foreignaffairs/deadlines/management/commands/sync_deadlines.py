from django.core.management.base import BaseCommand

from foreignaffairs.deadlines import services


class Command(BaseCommand):
    help = "Tính lại mọi thời hạn từ các bản ghi và quy tắc hiện hành (chạy sau khi nạp dữ liệu)."

    def handle(self, *args, **options):
        records = services.sync_all()
        self.stdout.write(f"Đã tính lại thời hạn của {records} bản ghi.")
