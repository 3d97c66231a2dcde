from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị minh họa (admin/admin) nếu chưa có quản trị viên nào."

    def handle(self, *args, **options):
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
