from django.core.management.base import BaseCommand

from foreignaffairs.core.roles import ROLE_DESCRIPTIONS, setup_roles


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật các nhóm quyền: Chuyên viên, Lãnh đạo phòng, Lãnh đạo."

    def handle(self, *args, **options):
        for name, count in setup_roles().items():
            self.stdout.write(f"{name}: {count} quyền — {ROLE_DESCRIPTIONS[name]}")
