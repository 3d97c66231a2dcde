from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from foreignaffairs.api.models import ApiClient


class Command(BaseCommand):
    help = (
        'Quản lý khóa API của các sở, ngành: create "Tên sở" (in khóa một lần duy nhất), '
        "revoke <tiền tố>, list."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Cấp khóa mới cho một sở, ngành.")
        create.add_argument("name", help="Tên sở, ngành, ví dụ: Sở Kế hoạch và Đầu tư.")
        create.add_argument("--contact", default="", help="Người liên hệ, email, điện thoại.")
        revoke = actions.add_parser("revoke", help="Thu hồi khóa theo tiền tố (8 ký tự đầu).")
        revoke.add_argument("prefix")
        actions.add_parser("list", help="Liệt kê các khóa (không hiện khóa).")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_create(self, name, contact, **options):
        client, key = ApiClient.issue(name=name.strip(), contact=contact.strip())
        self.stdout.write(f"Đã cấp khóa cho {client.name} (tiền tố {client.key_prefix}).")
        self.stdout.write("Khóa chỉ hiện MỘT lần, hãy gửi cho sở, ngành qua kênh an toàn:")
        self.stdout.write(key)

    def handle_revoke(self, prefix, **options):
        matches = list(ApiClient.objects.with_prefix(prefix))
        if not matches:
            raise CommandError(f"Không có khóa nào có tiền tố {prefix!r}.")
        if len(matches) > 1:
            raise CommandError(
                f"Có {len(matches)} khóa cùng tiền tố {prefix!r}; thu hồi trong trang quản trị."
            )
        client = matches[0]
        if not client.is_active:
            raise CommandError(
                f"Khóa {client} đã bị thu hồi lúc {client.revoked_at:%d/%m/%Y %H:%M}."
            )
        client.revoke()
        self.stdout.write(f"Đã thu hồi khóa {client}.")

    def handle_list(self, **options):
        def when(moment):
            return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else "-"

        for client in ApiClient.objects.all():
            state = f"thu hồi {when(client.revoked_at)}" if client.revoked_at else "đang dùng"
            self.stdout.write(
                f"{client.key_prefix}  {client.name}  | tạo {when(client.created_at)}"
                f" | dùng lần cuối {when(client.last_used_at)} | {state}"
            )
