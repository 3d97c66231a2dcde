"""Spreadsheet rows the import tests share, as staff would type them."""

CHILE = [
    "Đoàn vào",
    "Đoàn Tổng thống Chile",
    "Nguyên thủ quốc gia",
    "Chilê",
    "25/11/2023",
    "Đã thực hiện",
]
JAPAN = [
    "Đoàn ra",
    "Đoàn Thành phố thăm Osaka",
    "Lãnh đạo địa phương",
    "Nhật Bản",
    "03/04/2024",
    "Đã thực hiện",
]
