"""The rules of issue 18 with the defaults the law sets; managers adjust them in the admin."""

from django.db import migrations

LAW_70 = "Luật Thỏa thuận quốc tế 2020 (70/2020/QH14)"
RULES = [
    # code, name, days, unit, legal basis, reminder days, overdue every
    (
        "agreement_report",
        "Báo cáo Thủ tướng Chính phủ sau khi ký thỏa thuận quốc tế, "
        "gửi bản sao cho Bộ Ngoại giao",
        15,
        "calendar",
        f"{LAW_70}, Điều 19",
        "",
        1,
    ),
    (
        "consultation",
        "Ý kiến của Bộ Ngoại giao và cơ quan liên quan trước khi ký",
        7,
        "working",
        f"{LAW_70}, Điều 19",
        "",
        1,
    ),
    (
        "amendment_consultation",
        "Trả lời ý kiến về sửa đổi kỹ thuật, gia hạn thỏa thuận",
        3,
        "working",
        f"{LAW_70}, Điều 41",
        "",
        1,
    ),
    (
        "department_opinion",
        "Ý kiến bằng văn bản của Sở Ngoại vụ về thỏa thuận của sở, ngành",
        7,
        "working",
        "Nghị định 64/2021/NĐ-CP, Điều 5",
        "",
        1,
    ),
    (
        "conference_request",
        "Gửi hồ sơ xin phép tổ chức hội nghị, hội thảo quốc tế",
        -30,
        "calendar",
        "Quyết định 06/2020/QĐ-TTg",
        "",
        1,
    ),
    (
        "conference_request_pm",
        "Gửi hồ sơ xin phép tổ chức hội nghị, hội thảo quốc tế do Thủ tướng quyết định",
        -40,
        "calendar",
        "Quyết định 06/2020/QĐ-TTg",
        "",
        1,
    ),
    (
        "trip_report",
        "Báo cáo kết quả chuyến công tác nước ngoài",
        15,
        "calendar",
        "Quy định của Thành phố về quản lý đoàn ra",
        "",
        1,
    ),
    (
        "agreement_expiry",
        "Thỏa thuận không tự gia hạn sắp hết hạn",
        0,
        "calendar",
        "",
        "180,90,30,7,0",
        1,
    ),
    (
        "close_out",
        "Cập nhật tình trạng đoàn, sự kiện đã qua ngày kết thúc",
        3,
        "calendar",
        "Quy tắc đếm số 1: chỉ đếm đoàn đã thực hiện",
        "",
        7,
    ),
]


def add_rules(apps, schema_editor):
    Rule = apps.get_model("deadlines", "Rule")
    for order, (code, name, days, unit, basis, reminders, every) in enumerate(RULES, start=1):
        Rule.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "days": days,
                "unit": unit,
                "legal_basis": basis,
                "reminder_days": reminders,
                "overdue_every": every,
                "order": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]

    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
