"""Citations of the articles the published figures come from.

A published figure's `source` starts with the internal file name of the stored article
("004_217977520d7b61e9.txt — …"), which means nothing to a reader. What is known of each
article (title, publisher, date; the project's `data/sources.csv`) is kept here, and
`citation()` writes the source as a reader expects: title, publisher and date where known.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    title: str  # the headline, or what the article is about when the stored copy has none
    titled: bool  # False: the stored copy has no headline; `title` describes the article
    publisher: str = ""  # "" when not known
    published: str = ""  # the date as known: "29/08/2012", "đầu năm 2018 (không ghi ngày)"


ARTICLES = {
    "000_e8d00c4d77c846e8.txt": Article(
        "Ký kết quy chế phối hợp giữa Ban Thường vụ Thành ủy TP.HCM và Ban cán sự đảng Bộ "
        "Ngoại giao",
        titled=False,
        published="khoảng tháng 4/2023 (không ghi ngày)",
    ),
    "001_e37889e8850a963b.txt": Article(
        "Hội nghị tổng kết công tác đối ngoại năm 2017 của TP. Hồ Chí Minh",
        titled=False,
        published="đầu năm 2018 (không ghi ngày)",
    ),
    "002_48275685e8ed90fd.txt": Article(
        "TPHCM thành công trong việc nâng tầm công tác đối ngoại",
        titled=True,
        published="13/12/2024",
    ),
    "003_4460505b32d4d9be.txt": Article(
        "Bộ Ngoại giao phát huy tốt vai trò 'tiên phong', 'đồng hành', hỗ trợ hiệu quả các "
        "địa phương trong hoạt động đối ngoại",
        titled=True,
        published="cuối năm 2023, Hội nghị Ngoại vụ toàn quốc lần thứ 21 (không ghi ngày)",
    ),
    "004_217977520d7b61e9.txt": Article(
        "Sở Ngoại vụ Tp. Hồ Chí Minh: Chuyển biến tích cực từ nhận thức đến hành động",
        titled=True,
        publisher="TG&VN",
        published="29/08/2012",
    ),
}

# "004_217977520d7b61e9.txt — " at the start of a source: an article's internal file name.
FILE_NAME = re.compile(r"^\s*(?P<file>\d{3}_[0-9a-f]{16}\.txt)\s*(?:[—–-]\s*)?")


def citation(source: str) -> str:
    """The source as a reader cites it, never with the internal file name."""
    match = FILE_NAME.match(source or "")
    if not match:
        return source
    article = ARTICLES.get(match["file"])
    if article is None:
        return source[match.end() :].strip() or source
    title = f"“{article.title}”" if article.titled else f"Bài về {article.title} (không có tiêu đề)"
    return ", ".join(part for part in (title, article.publisher, article.published) if part)
