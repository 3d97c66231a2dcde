"""Words the demo is written with: real countries and localities with the Vietnamese names
the press uses, and the titles of the people who lead delegations.

Nothing here names a real person; visits are described by the office of their head.
"""

import datetime
from dataclasses import dataclass

# Short Vietnamese country names as written in titles ("Đoàn Thủ tướng Nhật Bản"), with how
# often the country sends a delegation: Asia first, as in the city's reports.
COUNTRIES = {
    # code: (name, visit weight)
    "KR": ("Hàn Quốc", 14),
    "JP": ("Nhật Bản", 14),
    "CN": ("Trung Quốc", 8),
    "SG": ("Singapore", 5),
    "TH": ("Thái Lan", 5),
    "LA": ("Lào", 4),
    "KH": ("Campuchia", 4),
    "MY": ("Malaysia", 3),
    "ID": ("Indonesia", 3),
    "PH": ("Philippines", 3),
    "IN": ("Ấn Độ", 3),
    "MM": ("Myanmar", 2),
    "AE": ("Các Tiểu vương quốc Ả Rập Thống nhất", 1),
    "IL": ("Israel", 1),
    "TR": ("Thổ Nhĩ Kỳ", 1),
    "KZ": ("Kazakhstan", 1),
    "BD": ("Bangladesh", 1),
    "LK": ("Sri Lanka", 1),
    "BN": ("Brunei", 1),
    "FR": ("Pháp", 4),
    "DE": ("Đức", 4),
    "GB": ("Anh", 3),
    "RU": ("Nga", 3),
    "IT": ("Italy", 2),
    "NL": ("Hà Lan", 2),
    "ES": ("Tây Ban Nha", 1),
    "BE": ("Bỉ", 1),
    "CZ": ("Séc", 1),
    "HU": ("Hungary", 1),
    "PL": ("Ba Lan", 1),
    "BY": ("Belarus", 1),
    "SE": ("Thụy Điển", 1),
    "DK": ("Đan Mạch", 1),
    "FI": ("Phần Lan", 1),
    "CH": ("Thụy Sĩ", 1),
    "AT": ("Áo", 1),
    "US": ("Hoa Kỳ", 6),
    "CA": ("Canada", 2),
    "CU": ("Cuba", 2),
    "BR": ("Brazil", 1),
    "AR": ("Argentina", 1),
    "CL": ("Chile", 1),
    "MX": ("Mexico", 1),
    "AU": ("Australia", 4),
    "NZ": ("New Zealand", 2),
    "ZA": ("Nam Phi", 1),
    "NG": ("Nigeria", 1),
    "EG": ("Ai Cập", 1),
    "MZ": ("Mozambique", 1),
    "KE": ("Kenya", 1),
    "MA": ("Maroc", 1),
    "AO": ("Angola", 1),
}


def country_name(code: str) -> str:
    return COUNTRIES[code][0]


# Who heads the state where it is not a president.
HEAD_OF_STATE = {
    "CN": "Chủ tịch",
    "LA": "Chủ tịch nước",
    "CU": "Chủ tịch",
    "JP": "Nhà vua",
    "TH": "Quốc vương",
    "KH": "Quốc vương",
    "MY": "Quốc vương",
    "BN": "Quốc vương",
    "GB": "Nhà vua",
    "NL": "Nhà vua",
    "BE": "Nhà vua",
    "ES": "Nhà vua",
    "SE": "Nhà vua",
    "DK": "Nhà vua",
}
# Countries whose government is headed by a prime minister.
PRIME_MINISTER = [
    "KR",
    "JP",
    "CN",
    "SG",
    "TH",
    "LA",
    "KH",
    "MY",
    "IN",
    "IL",
    "BD",
    "LK",
    "FR",
    "DE",
    "GB",
    "RU",
    "IT",
    "NL",
    "ES",
    "BE",
    "CZ",
    "HU",
    "PL",
    "BY",
    "SE",
    "DK",
    "FI",
    "AT",
    "CA",
    "CU",
    "AU",
    "NZ",
    "EG",
    "MA",
    "MZ",
]
VICE_HEAD_OF_STATE = {
    "US": "Phó Tổng thống",
    "ID": "Phó Tổng thống",
    "PH": "Phó Tổng thống",
    "IN": "Phó Tổng thống",
    "AR": "Phó Tổng thống",
    "BR": "Phó Tổng thống",
    "ZA": "Phó Tổng thống",
    "NG": "Phó Tổng thống",
    "KE": "Phó Tổng thống",
    "AO": "Phó Tổng thống",
    "LA": "Phó Chủ tịch nước",
    "CU": "Phó Chủ tịch",
    "CN": "Phó Chủ tịch",
}
PARLIAMENT_LEADER = {
    "CN": "Ủy viên trưởng Nhân đại",
    "JP": "Chủ tịch Hạ viện",
    "US": "Chủ tịch Hạ viện",
    "IN": "Chủ tịch Hạ viện",
    "GB": "Chủ tịch Hạ viện",
    "FR": "Chủ tịch Thượng viện",
    "AU": "Chủ tịch Thượng viện",
    "RU": "Chủ tịch Duma Quốc gia",
}
# Members of a reigning family who are not the monarch.
ROYALTY = {
    "JP": "Hoàng Thái tử",
    "TH": "Công chúa",
    "BE": "Công chúa",
    "GB": "Hoàng tử",
    "DK": "Thái tử",
    "SE": "Công chúa",
    "NL": "Thái tử",
    "BN": "Thái tử",
}
MINISTRIES = [
    "Thương mại",
    "Ngoại giao",
    "Kinh tế",
    "Giáo dục",
    "Y tế",
    "Giao thông vận tải",
    "Văn hóa",
    "Nông nghiệp",
    "Môi trường",
    "Du lịch",
    "Công nghiệp",
    "Khoa học và Công nghệ",
    "Lao động",
    "Tài chính",
]
INTERNATIONAL_ORGANIZATIONS = [
    "Ngân hàng Thế giới (WB)",
    "Ngân hàng Phát triển châu Á (ADB)",
    "Chương trình Phát triển Liên hợp quốc (UNDP)",
    "Quỹ Nhi đồng Liên hợp quốc (UNICEF)",
    "Tổ chức Y tế Thế giới (WHO)",
    "Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc (UNESCO)",
    "Tổ chức Lao động Quốc tế (ILO)",
    "Tổ chức Di cư Quốc tế (IOM)",
    "Ban Thư ký ASEAN",
    "Quỹ Tiền tệ Quốc tế (IMF)",
    "Tổ chức Lương thực và Nông nghiệp Liên hợp quốc (FAO)",
    "Chương trình Định cư Con người Liên hợp quốc (UN-Habitat)",
]
PARTNER_ORGANIZATIONS = [
    "Ngân hàng Phát triển châu Á (ADB)",
    "Ngân hàng Thế giới (WB)",
    "Chương trình Phát triển Liên hợp quốc (UNDP)",
    "Quỹ Nhi đồng Liên hợp quốc (UNICEF)",
    "Tổ chức Y tế Thế giới (WHO)",
    "Chương trình Định cư Con người Liên hợp quốc (UN-Habitat)",
    "Diễn đàn Kinh tế Thế giới (WEF)",
    "Mạng lưới các thành phố C40",
]
OTHER_DELEGATIONS = [
    "Đoàn Hội hữu nghị {country} – Việt Nam",
    "Đoàn báo chí {country}",
    "Đoàn nghệ thuật {country}",
    "Đoàn thanh niên {country}",
    "Đoàn đại biểu các trường đại học {country}",
    "Đoàn chuyên gia y tế {country}",
    "Đoàn nghị sĩ {country}",
]
BUSINESS_DELEGATIONS = [
    "Đoàn doanh nghiệp {country}",
    "Đoàn xúc tiến thương mại, đầu tư {country}",
    "Đoàn Phòng Thương mại và Công nghiệp {country}",
    "Đoàn Hiệp hội Doanh nghiệp {country}",
]
DIPLOMATIC_DELEGATIONS = [
    "Đoàn Đại sứ {country} tại Việt Nam",
    "Đoàn Tổng Lãnh sự {country} tại TP. Hồ Chí Minh",
    "Đoàn Thứ trưởng Ngoại giao {country}",
]
# Leaders of the city heading an outgoing delegation, and how often each does.
CITY_LEADERS = [
    ("Bí thư Thành ủy", 1),
    ("Chủ tịch UBND Thành phố", 2),
    ("Phó Chủ tịch UBND Thành phố", 6),
    ("Chủ tịch HĐND Thành phố", 1),
    ("Phó Chủ tịch HĐND Thành phố", 1),
    ("Phó Bí thư Thành ủy", 1),
]
FORUMS_ABROAD = [
    "Hội nghị Thị trưởng các thành phố châu Á – Thái Bình Dương",
    "Diễn đàn Đô thị Thế giới",
    "Diễn đàn Kinh tế Thế giới",
    "Hội chợ Thương mại quốc tế",
    "Hội nghị Xúc tiến đầu tư, thương mại và du lịch TP. Hồ Chí Minh",
    "Tuần lễ Việt Nam",
]
ACTIVITY_DESCRIPTIONS = [
    ("meeting", "Họp nhóm công tác chung rà soát kế hoạch hợp tác về {field}"),
    ("meeting", "Làm việc trực tuyến về tiến độ triển khai văn bản"),
    ("exchange_visit", "Trao đổi đoàn công tác về {field}"),
    ("joint_programme", "Triển khai chương trình chung về {field}"),
    ("training", "Khóa đào tạo cho cán bộ Thành phố về {field}"),
    ("event", "Hội thảo chung về {field}"),
    ("report", "Báo cáo kết quả triển khai năm {year}"),
]
# Titles of agreements between the city and {counterpart}.
FOUNDING_AGREEMENTS = {
    "relationship": "Thỏa thuận thiết lập quan hệ kết nghĩa giữa TP. Hồ Chí Minh và {counterpart}",
    "mou": (
        "Biên bản ghi nhớ về thiết lập quan hệ hữu nghị hợp tác giữa TP. Hồ Chí Minh và "
        "{counterpart}"
    ),
}
AGREEMENTS = {
    "action_plan": (
        "Chương trình hợp tác giai đoạn {year}–{until} giữa TP. Hồ Chí Minh và {counterpart}"
    ),
    "mou": "Biên bản ghi nhớ hợp tác về {field} giữa TP. Hồ Chí Minh và {counterpart}",
    "cooperation": "Thỏa thuận hợp tác về {field} giữa TP. Hồ Chí Minh và {counterpart}",
    "letter_of_intent": "Thư ý định hợp tác về {field} giữa TP. Hồ Chí Minh và {counterpart}",
}
AGREEMENT_KIND_WEIGHTS = {"action_plan": 25, "mou": 35, "cooperation": 30, "letter_of_intent": 10}
RESPONSIBLE_UNITS = [
    "Sở Ngoại vụ",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hóa và Thể thao",
    "Sở Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Xây dựng",
    "Sở Tài chính",
]
PURPOSES = [
    "Thăm xã giao, trao đổi về quan hệ hợp tác với Thành phố",
    "Tìm hiểu môi trường đầu tư, kinh doanh tại Thành phố",
    "Thúc đẩy hợp tác về {field}",
    "Trao đổi kế hoạch triển khai các nội dung hợp tác đã ký",
]


# Partner localities and other places: real cities, provinces, states and regions.
@dataclass(frozen=True)
class Place:
    country: str
    name: str  # the Vietnamese name in common use
    name_en: str
    kind: str  # AdministrativeKind
    leader: str = ""  # title of its head, when not the usual one for its kind
    kind_word: str = ""  # how titles call it, when not the usual word for its kind

    @property
    def called(self) -> str:
        """'thành phố Busan', 'tỉnh Gyeonggi', 'bang Victoria', 'Thủ đô Viêng Chăn'."""
        return f"{self.kind_word or KIND_WORDS[self.kind]} {self.name}"

    @property
    def called_in(self) -> str:
        """'thành phố Busan (Hàn Quốc)'."""
        return f"{self.called} ({country_name(self.country)})"

    @property
    def leader_title(self) -> str:
        return f"{self.leader or default_leader(self)} {self.called}"


KIND_WORDS = {
    "city": "thành phố",
    "province": "tỉnh",
    "state": "bang",
    "region": "vùng",
    "other": "",
}


def default_leader(place: Place) -> str:
    if place.kind == "city":
        return "Thị trưởng"
    if place.kind == "province":
        return "Thống đốc" if place.country == "JP" else "Tỉnh trưởng"
    if place.kind == "state":
        return "Thống đốc" if place.country == "US" else "Thủ hiến"
    if place.kind == "region":
        return {"FR": "Chủ tịch Hội đồng", "IT": "Chủ tịch", "RU": "Thống đốc"}.get(
            place.country, "Thủ hiến"
        )
    return "Lãnh đạo"


def _places(country, rows):
    return [Place(country, *row) for row in rows]


CITY, PROVINCE, STATE, REGION = "city", "province", "state", "region"
CAPITAL = {"kind_word": "Thủ đô"}
PLACES: list[Place] = [
    *_places(
        "KR",
        [
            ("Busan", "Busan", CITY),
            ("Seoul", "Seoul", CITY),
            ("Incheon", "Incheon", CITY),
            ("Daegu", "Daegu", CITY),
            ("Gwangju", "Gwangju", CITY),
            ("Daejeon", "Daejeon", CITY),
            ("Ulsan", "Ulsan", CITY),
            ("Changwon", "Changwon", CITY),
            ("Suwon", "Suwon", CITY),
            ("Gyeonggi", "Gyeonggi Province", PROVINCE),
            ("Gyeongsang Bắc", "North Gyeongsang Province", PROVINCE),
            ("Gyeongsang Nam", "South Gyeongsang Province", PROVINCE),
            ("Jeolla Nam", "South Jeolla Province", PROVINCE),
            ("Chungcheong Nam", "South Chungcheong Province", PROVINCE),
            ("Gangwon", "Gangwon Province", PROVINCE),
        ],
    ),
    *_places(
        "JP",
        [
            ("Osaka", "Osaka", CITY),
            ("Yokohama", "Yokohama", CITY),
            ("Fukuoka", "Fukuoka", CITY),
            ("Nagoya", "Nagoya", CITY),
            ("Kobe", "Kobe", CITY),
            ("Kyoto", "Kyoto", CITY),
            ("Sapporo", "Sapporo", CITY),
            ("Hiroshima", "Hiroshima", CITY),
            ("Kitakyushu", "Kitakyushu", CITY),
            ("Sendai", "Sendai", CITY),
            ("Aichi", "Aichi Prefecture", PROVINCE),
            ("Chiba", "Chiba Prefecture", PROVINCE),
            ("Shizuoka", "Shizuoka Prefecture", PROVINCE),
            ("Kanagawa", "Kanagawa Prefecture", PROVINCE),
            ("Hyogo", "Hyogo Prefecture", PROVINCE),
            ("Nagano", "Nagano Prefecture", PROVINCE),
            ("Okayama", "Okayama Prefecture", PROVINCE),
        ],
    ),
    *_places(
        "CN",
        [
            ("Thượng Hải", "Shanghai", CITY),
            ("Quảng Châu", "Guangzhou", CITY),
            ("Thâm Quyến", "Shenzhen", CITY),
            ("Thiên Tân", "Tianjin", CITY),
            ("Trùng Khánh", "Chongqing", CITY),
            ("Hàng Châu", "Hangzhou", CITY),
            ("Côn Minh", "Kunming", CITY),
            ("Thành Đô", "Chengdu", CITY),
            ("Nam Ninh", "Nanning", CITY),
            ("Hạ Môn", "Xiamen", CITY),
            ("Quảng Đông", "Guangdong Province", PROVINCE),
            ("Vân Nam", "Yunnan Province", PROVINCE),
            ("Chiết Giang", "Zhejiang Province", PROVINCE),
            ("Giang Tô", "Jiangsu Province", PROVINCE),
            ("Phúc Kiến", "Fujian Province", PROVINCE),
        ],
    ),
    *_places(
        "TH",
        [
            ("Băng Cốc", "Bangkok", CITY, "Thống đốc", "Thủ đô"),
            ("Chiang Mai", "Chiang Mai Province", PROVINCE),
            ("Khon Kaen", "Khon Kaen Province", PROVINCE),
            ("Phuket", "Phuket Province", PROVINCE),
            ("Udon Thani", "Udon Thani Province", PROVINCE),
        ],
    ),
    *_places(
        "LA",
        [
            ("Viêng Chăn", "Vientiane", CITY, "Đô trưởng", "Thủ đô"),
            ("Chămpasắc", "Champasak Province", PROVINCE),
            ("Xavannakhệt", "Savannakhet Province", PROVINCE),
            ("Luang Prabang", "Luang Prabang Province", PROVINCE),
        ],
    ),
    *_places(
        "KH",
        [
            ("Phnôm Pênh", "Phnom Penh", CITY, "Đô trưởng", "Thủ đô"),
            ("Xiêm Riệp", "Siem Reap Province", PROVINCE),
            ("Battambang", "Battambang Province", PROVINCE),
            ("Kampot", "Kampot Province", PROVINCE),
        ],
    ),
    *_places(
        "MY",
        [
            ("Kuala Lumpur", "Kuala Lumpur", CITY),
            ("Penang", "Penang", STATE),
            ("Johor", "Johor", STATE),
            ("Selangor", "Selangor", STATE),
            ("Malacca", "Malacca", STATE),
        ],
    ),
    *_places(
        "ID",
        [
            ("Jakarta", "Jakarta", CITY, "Thống đốc", "Thủ đô"),
            ("Surabaya", "Surabaya", CITY),
            ("Bandung", "Bandung", CITY),
            ("Medan", "Medan", CITY),
            ("Bali", "Bali Province", PROVINCE, "Thống đốc"),
        ],
    ),
    *_places(
        "PH",
        [
            ("Cebu", "Cebu City", CITY),
            ("Davao", "Davao City", CITY),
            ("Quezon", "Quezon City", CITY),
            ("Makati", "Makati", CITY),
        ],
    ),
    *_places("MM", [("Mandalay", "Mandalay Region", REGION)]),
    *_places(
        "IN",
        [
            ("Mumbai", "Mumbai", CITY),
            ("Chennai", "Chennai", CITY),
            ("Kolkata", "Kolkata", CITY),
            ("Bengaluru", "Bengaluru", CITY),
            ("Gujarat", "Gujarat", STATE),
            ("Tamil Nadu", "Tamil Nadu", STATE),
        ],
    ),
    *_places("AE", [("Dubai", "Dubai", CITY), ("Abu Dhabi", "Abu Dhabi", CITY)]),
    *_places("IL", [("Tel Aviv", "Tel Aviv", CITY), ("Haifa", "Haifa", CITY)]),
    *_places("TR", [("Istanbul", "Istanbul", CITY), ("Izmir", "Izmir", CITY)]),
    *_places("KZ", [("Almaty", "Almaty", CITY), ("Astana", "Astana", CITY)]),
    *_places("BD", [("Dhaka", "Dhaka", CITY)]),
    *_places("LK", [("Colombo", "Colombo", CITY)]),
    *_places(
        "FR",
        [
            ("Lyon", "Lyon", CITY),
            ("Paris", "Paris", CITY),
            ("Toulouse", "Toulouse", CITY),
            ("Marseille", "Marseille", CITY),
            ("Bordeaux", "Bordeaux", CITY),
            ("Nice", "Nice", CITY),
            ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", REGION),
            ("Île-de-France", "Île-de-France", REGION),
        ],
    ),
    *_places(
        "DE",
        [
            ("Leipzig", "Leipzig", CITY),
            ("Düsseldorf", "Düsseldorf", CITY),
            ("Frankfurt am Main", "Frankfurt am Main", CITY),
            ("München", "Munich", CITY),
            ("Hamburg", "Hamburg", CITY),
            ("Stuttgart", "Stuttgart", CITY),
            ("Bayern", "Bavaria", STATE),
        ],
    ),
    *_places(
        "GB",
        [
            ("Manchester", "Manchester", CITY),
            ("Birmingham", "Birmingham", CITY),
            ("Glasgow", "Glasgow", CITY),
            ("Liverpool", "Liverpool", CITY),
            ("Edinburgh", "Edinburgh", CITY),
        ],
    ),
    *_places(
        "RU",
        [
            ("Xanh Pê-téc-bua", "Saint Petersburg", CITY, "Thống đốc"),
            ("Moskva", "Moscow", CITY),
            ("Vladivostok", "Vladivostok", CITY),
            ("Yekaterinburg", "Yekaterinburg", CITY),
            ("Primorsky", "Primorsky Krai", REGION),
            ("Novosibirsk", "Novosibirsk Oblast", PROVINCE, "Thống đốc"),
        ],
    ),
    *_places(
        "IT",
        [
            ("Milano", "Milan", CITY),
            ("Torino", "Turin", CITY),
            ("Napoli", "Naples", CITY),
            ("Lombardia", "Lombardy", REGION),
        ],
    ),
    *_places(
        "NL",
        [
            ("Rotterdam", "Rotterdam", CITY),
            ("Amsterdam", "Amsterdam", CITY),
            ("Eindhoven", "Eindhoven", CITY),
            ("Nam Holland", "South Holland", PROVINCE, "Thống đốc"),
        ],
    ),
    *_places(
        "ES",
        [
            ("Barcelona", "Barcelona", CITY),
            ("Madrid", "Madrid", CITY),
            ("Valencia", "Valencia", CITY),
        ],
    ),
    *_places(
        "BE",
        [
            ("Antwerpen", "Antwerp", CITY),
            ("Flanders", "Flanders", REGION),
            ("Wallonie", "Wallonia", REGION),
        ],
    ),
    *_places("CZ", [("Praha", "Prague", CITY), ("Brno", "Brno", CITY)]),
    *_places("HU", [("Budapest", "Budapest", CITY), ("Debrecen", "Debrecen", CITY)]),
    *_places(
        "PL",
        [("Warszawa", "Warsaw", CITY), ("Kraków", "Kraków", CITY), ("Gdańsk", "Gdańsk", CITY)],
    ),
    *_places("BY", [("Minsk", "Minsk", CITY), ("Gomel", "Gomel Region", PROVINCE)]),
    *_places("SE", [("Stockholm", "Stockholm", CITY), ("Göteborg", "Gothenburg", CITY)]),
    *_places("DK", [("Copenhagen", "Copenhagen", CITY), ("Aarhus", "Aarhus", CITY)]),
    *_places("FI", [("Helsinki", "Helsinki", CITY), ("Espoo", "Espoo", CITY)]),
    *_places("CH", [("Genève", "Geneva", CITY), ("Zürich", "Zurich", CITY)]),
    *_places("AT", [("Viên", "Vienna", CITY), ("Linz", "Linz", CITY)]),
    *_places(
        "US",
        [
            ("Los Angeles", "Los Angeles", CITY),
            ("Houston", "Houston", CITY),
            ("Seattle", "Seattle", CITY),
            ("Chicago", "Chicago", CITY),
            ("San Jose", "San Jose", CITY),
            ("New York", "New York City", CITY),
            ("Boston", "Boston", CITY),
            ("Portland", "Portland", CITY),
            ("Honolulu", "Honolulu", CITY),
            ("California", "California", STATE),
            ("Texas", "Texas", STATE),
            ("Washington", "Washington", STATE),
            ("Oregon", "Oregon", STATE),
        ],
    ),
    *_places(
        "CA",
        [
            ("Toronto", "Toronto", CITY),
            ("Vancouver", "Vancouver", CITY),
            ("Montréal", "Montreal", CITY),
            ("Ontario", "Ontario", PROVINCE, "Thủ hiến", "tỉnh bang"),
            ("British Columbia", "British Columbia", PROVINCE, "Thủ hiến", "tỉnh bang"),
        ],
    ),
    *_places(
        "CU",
        [
            ("La Habana", "Havana", CITY, "Chủ tịch Hội đồng Nhân dân", "Thủ đô"),
            ("Santiago de Cuba", "Santiago de Cuba", PROVINCE, "Bí thư Tỉnh ủy"),
        ],
    ),
    *_places("BR", [("São Paulo", "São Paulo", CITY), ("Rio de Janeiro", "Rio de Janeiro", CITY)]),
    *_places("AR", [("Buenos Aires", "Buenos Aires", CITY)]),
    *_places("CL", [("Santiago", "Santiago", CITY), ("Valparaíso", "Valparaíso", CITY)]),
    *_places("MX", [("Guadalajara", "Guadalajara", CITY), ("Monterrey", "Monterrey", CITY)]),
    *_places(
        "AU",
        [
            ("Sydney", "Sydney", CITY),
            ("Melbourne", "Melbourne", CITY),
            ("Brisbane", "Brisbane", CITY),
            ("Perth", "Perth", CITY),
            ("Adelaide", "Adelaide", CITY),
            ("Victoria", "Victoria", STATE),
            ("New South Wales", "New South Wales", STATE),
            ("Queensland", "Queensland", STATE),
            ("Nam Úc", "South Australia", STATE),
        ],
    ),
    *_places(
        "NZ",
        [
            ("Auckland", "Auckland", CITY),
            ("Wellington", "Wellington", CITY),
            ("Christchurch", "Christchurch", CITY),
        ],
    ),
    *_places(
        "ZA",
        [
            ("Johannesburg", "Johannesburg", CITY),
            ("Cape Town", "Cape Town", CITY),
            ("Durban", "Durban", CITY),
        ],
    ),
    *_places("NG", [("Lagos", "Lagos", CITY)]),
    *_places("EG", [("Cairo", "Cairo", CITY)]),
    *_places("MZ", [("Maputo", "Maputo", CITY)]),
    *_places("KE", [("Nairobi", "Nairobi", CITY)]),
    *_places("MA", [("Casablanca", "Casablanca", CITY), ("Rabat", "Rabat", CITY)]),
    *_places("AO", [("Luanda", "Luanda", CITY)]),
]

# Dates Vietnam established diplomatic relations, for round-number anniversaries.
DIPLOMATIC_RELATIONS = {
    "CN": datetime.date(1950, 1, 18),
    "RU": datetime.date(1950, 1, 30),
    "CU": datetime.date(1960, 12, 2),
    "LA": datetime.date(1962, 9, 5),
    "KH": datetime.date(1967, 6, 24),
    "IN": datetime.date(1972, 1, 7),
    "AU": datetime.date(1973, 2, 26),
    "IT": datetime.date(1973, 3, 23),
    "MY": datetime.date(1973, 3, 30),
    "NL": datetime.date(1973, 4, 9),
    "FR": datetime.date(1973, 4, 12),
    "SG": datetime.date(1973, 8, 1),
    "CA": datetime.date(1973, 8, 21),
    "GB": datetime.date(1973, 9, 11),
    "JP": datetime.date(1973, 9, 21),
    "NZ": datetime.date(1975, 6, 19),
    "DE": datetime.date(1975, 9, 23),
    "PH": datetime.date(1976, 7, 12),
    "TH": datetime.date(1976, 8, 6),
    "KR": datetime.date(1992, 12, 22),
    "US": datetime.date(1995, 7, 12),
}

# Events that recur each year in a given month, used when an event falls in that month.
RECURRING_EVENTS = {
    1: ("reception", "Gặp mặt Đoàn Ngoại giao, Lãnh sự nhân dịp Tết Nguyên đán {year}"),
    2: ("other", "Chương trình Xuân Quê hương {year} gặp mặt kiều bào"),
    8: ("reception", "Chiêu đãi kỷ niệm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    9: ("cultural", "Hội chợ Du lịch quốc tế TP. Hồ Chí Minh (ITE HCMC) {year}"),
}
EVENT_TITLES = [
    ("conference", "Hội nghị xúc tiến đầu tư TP. Hồ Chí Minh – {country}"),
    ("conference", "Hội thảo hợp tác về {field} TP. Hồ Chí Minh – {place}"),
    ("conference", "Diễn đàn doanh nghiệp Việt Nam – {country}"),
    ("conference", "Hội nghị gặp gỡ các cơ quan đại diện nước ngoài tại TP. Hồ Chí Minh"),
    ("cultural", "Tuần lễ Văn hóa {country} tại TP. Hồ Chí Minh"),
    ("cultural", "Ngày hội Văn hóa {country}"),
    ("reception", "Tiếp đón các Tổng Lãnh sự mới nhận nhiệm kỳ tại TP. Hồ Chí Minh"),
    ("other", "Chương trình giao lưu hữu nghị nhân dân TP. Hồ Chí Minh – {country}"),
]
VENUES = [
    "Trụ sở UBND TP. Hồ Chí Minh",
    "Nhà khách Chính phủ tại TP. Hồ Chí Minh",
    "Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)",
    "Nhà hát Thành phố",
    "Dinh Thống Nhất",
    "Trung tâm Hội nghị White Palace",
]
