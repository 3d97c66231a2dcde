from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị minh họa (admin/admin) nếu chưa có quản trị viên nào."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Chạy cả khi DEBUG tắt (máy chủ thật)."
        )

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG đang tắt: đây có thể là máy chủ thật, nên không tạo tài khoản quản trị "
                "minh họa (admin/admin). Thêm --force nếu thật sự muốn."
            )
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write("Đã có tài khoản quản trị; không tạo thêm.")
            return
        users.create_superuser("admin", "admin@example.invalid", "admin")
        self.stdout.write(
            self.style.WARNING(
                "Đã tạo tài khoản quản trị minh họa: tên đăng nhập admin, mật khẩu admin. "
                "Chỉ dùng trên máy cá nhân."
            )
        )
