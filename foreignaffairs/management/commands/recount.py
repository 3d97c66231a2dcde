import time

from django.core.management.base import BaseCommand

from foreignaffairs.core import daily_counts


class Command(BaseCommand):
    help = (
        "Đếm lại ngay những ngày có thay đổi: số liệu theo ngày, hoạt động triển khai gần nhất "
        "của văn bản và trao đổi gần nhất của đối tác. Chạy sau migrate để lần xem đầu tiên "
        "không phải chờ."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        daily_counts.bring_up_to_date()
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")  # Vietnamese comma
        self.stdout.write(
            f"Đã cập nhật số liệu theo ngày, hoạt động và trao đổi gần nhất trong {seconds} giây."
        )
