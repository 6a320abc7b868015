"""The demo's people: surnames and given names, shops, ID-number regions, phone prefixes,
and `People`, who hands out a name, a phone (each once) and a valid ID number."""

from __future__ import annotations

import datetime as dt
import random

from app.validation import normalise_id_number, normalise_phone

# People ------------------------------------------------------------------------------
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
MALE_GIVEN = [
    "伟",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "杰",
    "涛",
    "明",
    "超",
    "刚",
    "平",
    "辉",
    "鹏",
    "华",
    "飞",
    "鑫",
    "波",
    "斌",
    "宇",
    "浩",
    "凯",
    "健",
    "俊",
    "帆",
    "旭",
    "宁",
    "龙",
    "林",
    "建华",
    "志强",
    "建国",
    "国庆",
    "晓东",
    "海涛",
    "文博",
    "子轩",
    "浩然",
    "宇航",
    "俊杰",
    "志明",
    "永刚",
    "德胜",
    "振华",
    "立新",
    "家豪",
    "一鸣",
    "博文",
    "明轩",
    "国平",
    "卫东",
    "红军",
    "少华",
    "锦程",
]
FEMALE_GIVEN = [
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "艳",
    "娟",
    "霞",
    "秀英",
    "桂英",
    "玉兰",
    "婷",
    "雪",
    "琳",
    "欣怡",
    "梓涵",
    "诗涵",
    "晓燕",
    "丽华",
    "淑珍",
    "美玲",
    "雅琴",
    "慧",
    "颖",
    "倩",
    "佳怡",
    "晓红",
    "春梅",
    "海燕",
    "红梅",
    "玉梅",
    "丹",
    "萍",
    "瑶",
    "思雨",
    "雨欣",
    "秀兰",
    "凤英",
    "金凤",
    "文静",
    "慧敏",
    "淑芬",
]
SHOP_NAMES = [
    "惠民便利店",
    "好邻居超市",
    "阳光药房",
    "老街坊面馆",
    "鲜果时光",
    "丽人美发",
    "小太阳托管",
    "鸿运五金",
    "洁净干洗店",
    "甜心烘焙",
    "快乐宠物店",
    "便民菜站",
    "名匠家政",
    "书香文具",
    "乐活健身",
    "味道川菜馆",
    "一品茶行",
    "安心口腔诊所",
    "聚福快餐",
    "星河花店",
]
# Region codes of resident ID numbers (checked against python-stdnum's table).
REGIONS = [
    "440106",
    "440303",
    "440304",
    "440305",
    "430102",
    "430104",
    "420106",
    "420111",
    "330102",
    "330106",
    "320102",
    "110105",
    "370102",
    "410105",
    "350203",
    "360102",
    "450103",
    "610113",
    "432522",
    "362201",
    "452101",
]
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def id_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643 mod 11-2)."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


class People:
    """Names, phone numbers and ID numbers, each phone handed out once."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.phones: set[str] = set()

    def name(self, female: bool | None = None) -> tuple[str, bool]:
        if female is None:
            female = self.rng.random() < 0.5
        given = self.rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        return self.rng.choice(SURNAMES) + given, female

    def phone(self) -> str:
        while True:
            raw = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            try:
                number = normalise_phone(raw)
            except ValueError:
                continue
            if number not in self.phones:
                self.phones.add(number)
                return number

    def id_number(self, female: bool, born_from: int = 1950, born_to: int = 2002) -> str:
        while True:
            birth = dt.date(born_from, 1, 1) + dt.timedelta(
                days=self.rng.randrange((dt.date(born_to, 12, 31) - dt.date(born_from, 1, 1)).days)
            )
            serial = self.rng.randrange(0, 999)
            if serial % 2 != (0 if female else 1):  # the 17th digit: odd for men, even for women
                serial += 1
            first17 = f"{self.rng.choice(REGIONS)}{birth:%Y%m%d}{serial:03d}"
            try:
                return normalise_id_number(first17 + id_check_digit(first17))
            except ValueError:
                continue
