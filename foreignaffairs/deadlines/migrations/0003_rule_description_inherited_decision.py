"""Rules explain themselves (`description`), and a rule for the decision on each inherited
agreement (issue 20, Nghị định 177/2025/NĐ-CP); managers adjust its days in the admin."""

from django.db import migrations, models

INHERITED_DECISION = {
    "name": "Quyết định xử lý văn bản kế thừa của tỉnh, thành phố, quận, huyện cũ",
    "days": 90,
    "unit": "calendar",
    "legal_basis": "Nghị định 177/2025/NĐ-CP; Nghị quyết 202/2025/QH15",
    "description": (
        "Với mỗi văn bản kế thừa còn hiệu lực ngày 01/07/2025 mà sổ theo dõi chưa ghi quyết "
        "định (tiếp tục thực hiện, sửa đổi, bổ sung, tạm đình chỉ, chấm dứt hoặc ký văn bản "
        "thay thế). Hạn tính từ ngày hợp nhất 01/07/2025, hoặc từ ngày văn bản được nhập vào "
        "hệ thống nếu muộn hơn: văn bản của tỉnh cũ nhập sau không bị quá hạn ngay khi nhập. "
        "90 ngày (một quý) là hạn nội bộ mặc định của Sở để rà soát, lấy ý kiến và trình quyết "
        "định; khi văn bản chỉ đạo của Trung ương hoặc Thành phố đặt thời hạn khác, quản lý sửa "
        "số ngày tại đây. Việc tự đóng khi quyết định được ghi vào sổ theo dõi văn bản kế thừa "
        "(ngày hoàn thành là ngày quyết định)."
    ),
    "reminder_days": "30,7,0",
    "overdue_every": 7,
}


def add_rule(apps, schema_editor):
    Rule = apps.get_model("deadlines", "Rule")
    order = (Rule.objects.count() + 1) * 10
    Rule.objects.get_or_create(
        code="inherited_decision", defaults={**INHERITED_DECISION, "order": order}
    )


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0002_default_rules")]

    operations = [
        migrations.AddField(
            model_name="rule",
            name="description",
            field=models.TextField(
                blank=True,
                help_text="Hạn tính từ ngày nào, vì sao chọn số ngày này, khi nào việc tự đóng.",
                verbose_name="giải thích",
            ),
        ),
        migrations.RunPython(add_rule, migrations.RunPython.noop),
    ]
