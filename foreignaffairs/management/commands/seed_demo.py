import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from foreignaffairs.core import stats_cache
from foreignaffairs.reports.models import ReportedFigure


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (cần dạng YYYY-MM-DD).") from error


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu minh họa (is_demo) từ năm 2012 đến nay, khớp với số liệu công bố. "
        "Chạy sau `loaddata fixtures/*.json`. Nếu đã có dữ liệu minh họa thì không tạo thêm "
        "(dùng --replace để tạo lại); --clear xóa toàn bộ dữ liệu minh họa và chỉ dữ liệu đó."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Cùng seed cho cùng dữ liệu.")
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Nhân khối lượng lên N lần (đo hiệu năng); khi N > 1 không còn khớp số liệu.",
        )
        parser.add_argument(
            "--today", type=iso_date, help="Ngày “hôm nay” (YYYY-MM-DD); mặc định là hôm nay."
        )
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--clear", action="store_true", help="Chỉ xóa dữ liệu minh họa.")
        action.add_argument(
            "--replace", action="store_true", help="Xóa dữ liệu minh họa cũ rồi tạo lại."
        )
        parser.add_argument(
            "--force", action="store_true", help="Chạy cả khi DEBUG tắt (máy chủ thật)."
        )

    def handle(self, *args, seed, scale, today, clear, replace, force, verbosity, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG đang tắt: đây có thể là máy chủ thật, nên không tạo hay xóa dữ liệu "
                "minh họa. Thêm --force nếu thật sự muốn."
            )
        # Imported only now: a production process never loads the demo package.
        from foreignaffairs import demo

        if scale < 1:
            raise CommandError("--scale phải từ 1 trở lên.")
        progress = self.stderr if verbosity >= 1 else None
        started = time.monotonic()
        if clear or replace:
            with transaction.atomic():
                removed = demo.clear(progress=progress)
            stats_cache.data_changed()
            self.stdout.write(f"Đã xóa {sum(removed.values())} bản ghi minh họa.")
            if clear:
                return
        elif demo.has_demo_data():
            self.stdout.write(
                "Đã có dữ liệu minh họa: không tạo thêm. Dùng --replace để tạo lại, --clear để xóa."
            )
            return
        if not ReportedFigure.objects.exists():
            raise CommandError(
                "Chưa nạp dữ liệu thật: chạy `python manage.py loaddata fixtures/*.json` trước "
                "(make run làm việc này). Dữ liệu minh họa được tính để cộng với bản ghi thật "
                "cho đúng số liệu công bố."
            )
        with transaction.atomic():
            created = demo.seed(
                seed=seed, today=today or timezone.localdate(), scale=scale, progress=progress
            )
        # bulk_create calls no save(): forget the cached figures here.
        stats_cache.data_changed()
        if scale > 1 and connection.vendor == "postgresql":
            # Fresh statistics, so that queries timed right after a benchmark seed are planned
            # as they would be once autovacuum has run.
            with connection.cursor() as cursor:
                for model in demo.DEMO_MODELS:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self.stdout.write(
            self.style.SUCCESS(
                "Đã tạo dữ liệu minh họa trong {:.1f} giây: {partners} địa phương đối tác, "
                "{delegations} đoàn, {events} sự kiện, {agreements} văn bản hợp tác, "
                "{activities} hoạt động triển khai.".format(time.monotonic() - started, **created)
            )
        )
