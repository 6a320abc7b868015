"""演示数据: two years of a realistic estate, filled through the services.

`fill_demo` builds an estate (楼栋、单元、房号, owners, tenants and shops), the office's staff,
and then replays two years of the office's work day by day on a moving `FixedClock`: calls
come in, the clerk records them, dispatches them, the department signs for them, notes its
progress, asks for extensions, resolves them; the night shift logs calls that the morning
clerk turns into cases; duplicates are merged; major complaints get their reports; handled
cases are visited and closed. Every step goes through `CaseService` and `NightLogService`,
so the data obeys the same rules as data typed in by hand. Everything follows from the
seed, so the same seed gives the same office.

The visits go through `VisitService` and `FormLedger` the same way: the service's resolve
listener samples each handled case and plans its visit at that moment (the 抽样 tab explains
every case); visitors call (sometimes more than once, a few never get through or are
refused) or go on site with a numbered form signed out before and returned after, the owner
signing on the pad (on the paper form before the pad came, `PAD_DAYS`); unsatisfied owners
bring a rework notice and a second visit; the director reviews, adds and drops visits by
hand and marks the quarter's typical cases; one open letter answers several owners about
the flooded garage. The last days leave visits open: due today, overdue, a form out too long.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import heapq
import itertools
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from app import audit, domain, models, search
from app.case_query import CaseFilter, CaseQuery
from app.cases import CaseInput, CaseService
from app.clock import FixedClock
from app.errors import UserError
from app.forms import FORM_STATES, FormLedger, quarter_of_day, quarter_span
from app.forms import OUT as FORM_OUT
from app.models import (
    Case,
    Department,
    Dispatch,
    Extension,
    FormSheet,
    MajorReport,
    NightLogEntry,
    OpenLetter,
    Owner,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitAttempt,
    VisitDecision,
    VisitReview,
    VisitTask,
    db,
)
from app.nightlog import NightLogService
from app.office import Office
from app.policy import Policy, PolicyStore
from app.signatures import SignatureCapture, demo_strokes
from app.validation import normalise_id_number, normalise_phone
from app.visits import UNSATISFIED, VisitResult, VisitService
from app.workdays import WorkCalendar

DEMO_OFFICE_NAME = "阳光花园物业服务中心"
DEMO_ADMIN = "admin"
DEMO_ADMIN_PASSWORD = "admin123"
DEMO_PASSWORD = "demo123"
SHOP_BUILDING = "S"  # 商铺; room labels must stay letters and digits (S-105)

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


# What people call about ----------------------------------------------------------------
@dataclass(frozen=True)
class Scenario:
    """One kind of matter: the texts the clerk writes for it, and how it is usually handled."""

    kind: str
    category: str
    department: str
    weight: float
    accounts: tuple[str, ...]
    requests: tuple[str, ...]
    results: tuple[str, ...]
    urgency: tuple[float, float, float] = (0.1, 0.85, 0.05)  # 紧急、一般、可延后
    severity: tuple[float, float] = (0.85, 0.15)  # 轻微、重要 (重大 comes from MAJOR_SCENARIOS)
    validity: tuple[float, float, float] = (0.6, 0.15, 0.25)  # 一类、二类、无效, complaints only
    parties: tuple[str, ...] = ()
    place: str = ""
    summer: float = 1.0  # more of it in the rainy season (June to August)
    visit_days: int = 7  # visit within this many days after it was handled
    dispatch: bool = True  # sent to a department, or answered by the clerk at once


REPAIRS: list[Scenario] = [
    Scenario(
        "报修",
        "漏水/渗漏",
        "工程维修部",
        14,
        (
            "卫生间天花板渗水,水滴到地面,怀疑楼上{up}卫生间防水或下水管有问题。",
            "厨房墙角连日渗水,墙皮起泡发霉。",
            "下雨后次卧窗台往屋里渗水,木地板已泡湿一块。",
            "客厅吊顶有水渍并往下滴水,楼上{up}说家里没用水。",
        ),
        ("尽快上门查明漏点并维修", "请协调楼上住户配合检查", "修好后把墙面恢复原样"),
        (
            "维修工上门检查为楼上{up}卫生间地漏接口老化渗漏,已协调楼上业主更换地漏,闭水试验48小时无渗漏。",
            "检查为外墙窗框密封胶老化开裂,已重新打胶,淋水试验合格,墙面待干透后修补。",
            "更换厨房角阀及进水软管,渗水停止,已告知业主墙面干透后再做修补。",
            "查明为楼上{up}暖气片接口渗漏,已更换密封垫,楼下吊顶水渍已由责任方负责修复。",
        ),
        urgency=(0.6, 0.4, 0.0),
        severity=(0.7, 0.3),
        summer=2.2,
        visit_days=3,
        place="户内",
    ),
    Scenario(
        "报修",
        "给排水",
        "工程维修部",
        10,
        (
            "厨房下水道堵塞,洗碗水排不下去。",
            "{b}栋{u}单元公共排污管返水,一楼地漏冒污水。",
            "家里水压很小,燃气热水器打不着火。",
            "卫生间马桶冲水后水位上涨,下水很慢。",
        ),
        ("尽快疏通", "请今天上门", "查明原因,避免再次堵塞"),
        (
            "上门疏通厨房下水管,清出油污杂物,试水通畅,提醒业主不要倒油。",
            "用疏通机疏通{b}栋{u}单元公共排污立管,清理一楼地面并消毒。",
            "检查为户内总阀前过滤网堵塞,清洗后水压恢复正常。",
            "马桶存水弯卡有异物,已取出并试冲正常。",
        ),
        urgency=(0.4, 0.6, 0.0),
        summer=1.3,
        place="户内",
    ),
    Scenario(
        "报修",
        "设施设备维护",
        "工程维修部",
        9,
        (
            "{b}栋{u}单元电梯运行时有异响,按键时灵时不灵。",
            "{b}栋{u}单元电梯停在{f}楼不动,门打不开,轿厢内无人。",
            "{b}栋{u}单元电梯困人约十分钟,业主被困在{f}楼和{f2}楼之间。",
            "{b}栋{u}单元电梯平层不准,出门要跨一个台阶,老人差点绊倒。",
        ),
        ("尽快修好电梯", "请电梯维保单位彻底检查", "家里有老人,请优先处理"),
        (
            "联系电梯维保单位到场,更换门机皮带并调试,运行正常。",
            "维保人员15分钟内到场释放被困人员,检查为平层感应器故障,已更换并试运行。",
            "维保单位检修控制柜,更换按钮板,电梯恢复正常,已在轿厢张贴维保记录。",
            "调整平层精度并复测各层,误差在标准范围内。",
        ),
        urgency=(0.6, 0.4, 0.0),
        severity=(0.6, 0.4),
        visit_days=2,
        place="{b}栋{u}单元电梯",
    ),
    Scenario(
        "报修",
        "设施设备维护",
        "工程维修部",
        8,
        (
            "{b}栋{u}单元{f}楼楼道声控灯不亮。",
            "{b}栋旁边的路灯晚上不亮,路面很黑。",
            "地下车库B区有一排灯不亮。",
            "单元大堂吊灯闪烁,晚上很晃眼。",
        ),
        ("尽快恢复照明", "晚上出行不安全,请尽快修"),
        (
            "更换声控灯泡及感应开关,已恢复照明。",
            "路灯电缆接头进水短路,已重新接线并做防水处理,晚间巡查确认正常。",
            "更换车库B区镇流器及灯管共6支,照明恢复。",
            "更换大堂吊灯驱动电源,灯光稳定。",
        ),
        place="{b}栋{u}单元{f}楼",
    ),
    Scenario(
        "报修",
        "安全设施",
        "工程维修部",
        6,
        (
            "{b}栋{u}单元门禁刷卡没有反应,单元门关不上。",
            "可视对讲没有图像,访客呼叫听不到声音。",
            "{b}栋{u}单元{f}楼消防栓箱玻璃破了,碎玻璃掉在地上。",
            "{b}栋{u}单元{f}楼烟感报警器一直误报响个不停。",
            "楼道应急照明灯不亮,安全出口指示牌也不亮。",
        ),
        ("尽快修好,担心安全", "请今天处理"),
        (
            "更换门禁电磁锁及闭门器,调试正常。",
            "检修室内对讲分机线路,更换分机,图像和声音恢复正常。",
            "清理碎玻璃,更换消防栓箱玻璃,检查水带、水枪齐全。",
            "清洁并更换烟感探头,与消防主机联动测试正常。",
            "更换应急灯蓄电池及指示牌灯板,断电测试正常。",
        ),
        urgency=(0.5, 0.5, 0.0),
        visit_days=2,
        place="{b}栋{u}单元",
    ),
    Scenario(
        "报修",
        "设施设备维护",
        "工程维修部",
        7,
        (
            "家里一开空调就跳闸。",
            "厨房插座冒火花,有焦味。",
            "入户门锁芯卡住,钥匙拧不动。",
            "阳台推拉门滑轮坏了,推不动。",
            "卫生间排气扇不转了。",
        ),
        ("请师傅上门维修", "请告知是否收费"),
        (
            "检查为空调线路接头松动发热,已重新压接并更换插座,试用正常,按收费标准收取材料费。",
            "更换烧坏的插座及一段线路,绝缘测试合格,提醒业主大功率电器不要共用插座。",
            "更换锁芯并交付新钥匙三把,业主签字确认。",
            "更换推拉门滑轮两只并调整轨道,推拉顺畅。",
            "更换排气扇电机,运转正常。",
        ),
        urgency=(0.3, 0.7, 0.0),
        place="户内",
    ),
    Scenario(
        "报修",
        "地产遗留",
        "工程维修部",
        4,
        (
            "客厅墙面出现多条裂缝,交房不到两年。",
            "主卧飘窗下方渗水,属于保修期内问题。",
            "阳台地面空鼓,踩上去有响声。",
        ),
        ("请开发商按保修处理", "尽快安排维修"),
        (
            "已书面转交开发商客服中心,开发商维保单位上门修补裂缝并重新刷漆,业主验收确认。",
            "开发商维保单位重做飘窗防水,淋水试验合格,已跟进至完工。",
            "已转开发商维保,凿除空鼓部分重新铺贴,业主确认。",
        ),
        urgency=(0.1, 0.6, 0.3),
        place="户内",
    ),
]

COMPLAINTS: list[Scenario] = [
    Scenario(
        "投诉",
        "邻里纠纷",
        "秩序维护部",
        10,
        (
            "楼上{up}晚上十一点以后还在拖桌椅、小孩跑跳,严重影响休息。",
            "{b}栋楼下广场舞音响声音太大,晚上九点半还没结束。",
            "隔壁周末一大早就在电钻施工,吵得没法休息。",
            "楼上{up}在阳台养鸽子,羽毛和粪便落到我家窗台。",
        ),
        ("请物业出面制止", "请协调邻居注意时间", "希望以后不要再发生"),
        (
            "秩序维护员上门沟通,楼上住户表示会注意,已铺设地垫;三天后电话跟进,业主表示有改善。",
            "与广场舞队负责人沟通,约定降低音量并于21:00前结束,安排巡逻人员每晚检查。",
            "上门告知装修时间规定,施工方已调整作业时间,周末不再使用电钻。",
            "协调楼上住户拆除鸽笼并清洗窗台,业主表示满意。",
        ),
        validity=(0.4, 0.0, 0.6),
        parties=("邻居",),
        place="{b}栋{u}单元",
    ),
    Scenario(
        "投诉",
        "停车",
        "秩序维护部",
        9,
        (
            "自己的固定车位被外来车辆占用,车牌{plate}。",
            "地下车库通道乱停车,消防通道被堵住。",
            "月卡续费后道闸仍然识别不了车牌,每次都要人工放行。",
            "小区内车速太快,保安也不管,孩子出入很危险。",
        ),
        ("请马上处理并加强管理", "请给个说法", "希望增设减速带"),
        (
            "联系车主挪车,对占用车位车辆张贴告知单,并加强岗亭对外来车辆的登记。",
            "清理通道违停车辆,在通道增设禁停标识,每两小时巡查一次。",
            "道闸系统重新录入车牌并同步,业主试进出正常,向业主致歉。",
            "在主干道增设两处减速带和限速标识,岗亭提醒进场车辆限速。",
        ),
        validity=(0.6, 0.05, 0.35),
        parties=("秩序维护部", "停车场岗亭"),
        place="地下车库",
    ),
    Scenario(
        "投诉",
        "环境卫生",
        "保洁部",
        9,
        (
            "{b}栋{u}单元楼道垃圾两天没人清理,有异味。",
            "垃圾分类点垃圾满溢,没有及时清运,招苍蝇。",
            "电梯轿厢地面有宠物粪便,一上午没人清理。",
            "小区水景池水发绿发臭,很久没换水。",
        ),
        ("请立即清理", "请加强保洁频次", "请对责任人考核"),
        (
            "保洁主管已安排当班保洁员立即清理并消毒,增加该单元每日巡查次数,对责任人进行考核。",
            "调整垃圾清运时间为每日两次,垃圾点加装喷淋除臭,业主认可。",
            "立即清理消毒电梯轿厢,在单元门张贴文明养宠提示。",
            "水景池已放水清洗并投放药剂,今后每周保养一次。",
        ),
        validity=(0.85, 0.0, 0.15),
        parties=("保洁部",),
        place="{b}栋{u}单元",
    ),
    Scenario(
        "投诉",
        "环境卫生",
        "绿化部",
        6,
        (
            "{b}栋前的树枝伸到阳台,挡光还招虫子。",
            "草坪打药没有提前通知,孩子在草地上玩。",
            "绿化带杂草丛生,很久没有修剪。",
        ),
        ("请尽快修剪", "以后打药要提前通知"),
        (
            "绿化部已修剪靠近阳台的树枝并清运,同时喷药防虫。",
            "向业主致歉,今后打药提前一天在单元门张贴通知并设警示牌。",
            "安排绿化工对该片区除草修剪,纳入每周养护计划。",
        ),
        validity=(0.8, 0.0, 0.2),
        parties=("绿化部",),
        place="{b}栋前绿化带",
        summer=1.5,
    ),
    Scenario(
        "投诉",
        "收费",
        "客服部",
        7,
        (
            "对物业费账单有异议,认为公摊水电费分摊不合理。",
            "已经在APP缴过费,系统仍显示欠费,还收到催缴短信。",
            "车位管理费涨价没有提前公示。",
        ),
        ("请核实并更正", "请公示收费依据"),
        (
            "向业主解释公摊水电费的计算方法并出示分摊明细,业主表示理解。",
            "财务核对为银行到账延迟,已冲销欠费记录并向业主致歉。",
            "出示物价部门备案文件,在公告栏补充公示收费标准及调整依据。",
        ),
        validity=(0.4, 0.0, 0.6),
        parties=("客服部 收费处",),
        place="客服中心",
    ),
    Scenario(
        "投诉",
        "装修",
        "秩序维护部",
        6,
        (
            "楼上{up}装修噪音超出规定时间,中午也在施工。",
            "装修垃圾堆在{b}栋{u}单元楼道,影响通行。",
            "楼下装修把公共管道井封了,以后检修怎么办?",
        ),
        ("请按装修管理规定处理", "请责令清运垃圾"),
        (
            "责令装修单位按规定时间施工,下发整改通知书,巡查确认已整改。",
            "督促装修单位当天清运装修垃圾,清扫楼道,扣除部分装修押金。",
            "要求业主恢复管道井检修口,工程部验收合格。",
        ),
        validity=(0.7, 0.0, 0.3),
        parties=("装修施工方",),
        place="{b}栋{u}单元",
    ),
    Scenario(
        "投诉",
        "服务态度",
        "客服部",
        5,
        (
            "来电反映前台客服态度冷淡,问题没说完就挂电话。",
            "保安在岗亭玩手机,询问时态度生硬。",
            "维修师傅上门迟到一个多小时,也没有提前告知。",
        ),
        ("要求道歉并处理当事人", "希望加强员工培训"),
        (
            "经核实情况属实,客服主任已向业主当面致歉,对当事人批评教育并组织服务礼仪培训。",
            "秩序维护部主管向业主致歉,当事保安已调岗培训,加强岗位纪律检查。",
            "工程部向业主致歉,今后上门前必须电话预约并按时到达,纳入绩效考核。",
        ),
        validity=(0.9, 0.0, 0.1),
        parties=("客服部 前台", "秩序维护部 {staff}", "工程维修部 {staff}"),
        visit_days=3,
    ),
    Scenario(
        "投诉",
        "服务质量",
        "工程维修部",
        5,
        ("报修三天了还没人上门。", "同一处漏水已经修了两次还是漏。", "维修后现场垃圾没有清理。"),
        ("请尽快解决并说明原因", "要求彻底修好"),
        (
            "查明为派工后未及时签收,已当天上门处理完毕,向业主致歉并整改派工流程。",
            "工程主管带队复查,发现原防水层破损面积大,已整体重做并闭水试验合格。",
            "向业主致歉,维修工返回清理现场,重申完工清场要求。",
        ),
        validity=(0.95, 0.0, 0.05),
        parties=("工程维修部",),
        visit_days=3,
    ),
    Scenario(
        "投诉",
        "安保/秩序",
        "秩序维护部",
        6,
        (
            "外卖电动车在小区里横冲直撞,差点撞到老人。",
            "陌生人尾随进入单元门,门岗没有登记。",
            "{b}栋楼道有人给电动车充电,存在火灾隐患。",
        ),
        ("请加强管理", "要求门岗严格登记"),
        (
            "在主出入口设置外卖车辆限行,外卖员步行进入,安排巡逻督导。",
            "调阅监控核实,加强门岗访客登记,对当班人员批评教育。",
            "联合社区清理楼道充电电动车,张贴禁止楼道充电通告,增设集中充电点宣传。",
        ),
        validity=(0.75, 0.0, 0.25),
        parties=("秩序维护部",),
        place="小区主出入口",
    ),
    Scenario(
        "投诉",
        "公共事务",
        "秩序维护部",
        4,
        (
            "有人遛狗不牵绳,还不清理狗粪。",
            "有业主在公共绿地种菜,还用粪水浇菜,气味很大。",
            "楼道被邻居堆满杂物,影响消防通行。",
        ),
        ("请物业劝导", "请限期清理"),
        (
            "张贴文明养犬告示,巡逻中对未牵绳行为劝导登记,配备拾便袋。",
            "与种菜业主沟通后已自行清除,绿化部恢复草坪。",
            "下发清理通知,限期内杂物已清走,消防通道畅通。",
        ),
        validity=(0.3, 0.0, 0.7),
        parties=("其他业主",),
        place="{b}栋{u}单元",
    ),
    Scenario(
        "投诉",
        "地产遗留",
        "工程维修部",
        4,
        (
            "{b}栋外墙瓷砖脱落,担心砸伤人。",
            "车库顶板渗水,停在下面的车上全是水渍。",
            "入住后发现房屋层高与合同不符。",
        ),
        ("请开发商处理", "要求尽快排除安全隐患"),
        (
            "已拉警戒线并书面报告开发商客服中心,开发商维保单位已更换脱落瓷砖并排查整栋外墙。",
            "已书面转交开发商,车库顶板做注浆堵漏,持续跟进雨后情况。",
            "已将业主诉求书面转交开发商客服中心,开发商已与业主约谈,答复按合同处理。",
        ),
        validity=(0.0, 0.9, 0.1),
        parties=("开发商",),
        place="{b}栋外墙",
    ),
    Scenario(
        "投诉",
        "设施设备维护",
        "工程维修部",
        5,
        (
            "{b}栋{u}单元电梯一个月坏了三次,维修不彻底。",
            "小区健身器材螺丝松动,孩子玩时差点受伤。",
            "单元门禁坏了一个星期还没修好。",
        ),
        ("要求彻底修好并说明原因", "请维保单位给书面说明"),
        (
            "约谈电梯维保单位,更换主板及门机,要求出具书面整改报告,后续每周巡检。",
            "已对全部健身器材紧固检查,更换损坏部件,设置使用须知。",
            "更换门禁控制器,向业主说明延误原因为配件到货慢,并致歉。",
        ),
        validity=(0.85, 0.1, 0.05),
        parties=("工程维修部", "电梯维保单位"),
        place="{b}栋{u}单元",
    ),
]

# Major complaints (重大投诉): rare, each with its report to the general manager.
MAJOR_SCENARIOS: list[Scenario] = [
    Scenario(
        "投诉",
        "设施设备维护",
        "工程维修部",
        1,
        ("{b}栋{u}单元电梯困人四十多分钟无人到场救援,被困老人受惊送医。",),
        ("要求物业及维保单位赔偿医疗费并书面道歉",),
        ("与维保单位共同上门致歉,承担医疗费用;维保单位更换困人报警装置并承诺30分钟到场。",),
        parties=("工程维修部", "电梯维保单位"),
        place="{b}栋{u}单元电梯",
    ),
    Scenario(
        "投诉",
        "给排水",
        "工程维修部",
        1,
        ("地下车库消防水管爆裂,多辆车被泡,车主集体到服务中心投诉。",),
        ("要求物业赔偿车辆损失", "要求查明责任"),
        ("关阀抢修并抽排积水,协助车主向保险公司报案,物业公共责任险理赔已受理。",),
        parties=("工程维修部",),
        place="地下车库",
    ),
    Scenario(
        "投诉",
        "安保/秩序",
        "秩序维护部",
        1,
        ("{b}栋{u}单元发生入室盗窃,业主调取监控时发现该时段录像缺失。",),
        ("要求物业说明监控缺失原因并承担责任",),
        ("配合公安调查,监控主机硬盘故障已更换,全面排查监控系统并增加夜间巡逻频次。",),
        parties=("秩序维护部",),
        place="{b}栋{u}单元",
    ),
]

OTHERS: list[Scenario] = [
    Scenario(
        "咨询",
        "其他",
        "客服部",
        3,
        (
            "咨询装修申请需要哪些手续。",
            "咨询车位月卡怎么办理,收费标准多少。",
            "咨询本周停水通知的具体时间。",
            "咨询物业费发票怎么开。",
            "咨询房屋出租需要到物业登记什么。",
        ),
        ("请告知",),
        (
            "已告知装修申请需带房产证复印件、装修图纸和施工方资质,押金按规定收取。",
            "已告知月卡办理流程及收费标准,可在APP上办理。",
            "已告知停水时间为周四9:00至15:00,请提前储水。",
            "已告知可在APP申请电子发票,或到服务中心开具纸质发票。",
            "已告知出租需登记租户身份证及联系电话,并签订安全告知书。",
        ),
        urgency=(0.0, 0.7, 0.3),
        dispatch=False,
    ),
    Scenario(
        "建议",
        "公共事务",
        "客服部",
        3,
        (
            "建议在{b}栋附近增设电动车充电桩。",
            "建议在儿童游乐区加装遮阳棚。",
            "建议延长垃圾分类点的开放时间。",
            "建议小区APP增加报修进度查询。",
            "建议在主入口增设快递柜。",
        ),
        ("希望物业考虑", "请答复是否采纳"),
        (
            "已提交管理处例会讨论并报业委会,计划下季度实施,已向业主答复。",
            "建议已采纳,相关工作已排入年度计划,已电话告知业主。",
            "经评估暂不具备实施条件,已向业主说明原因并致谢。",
        ),
        urgency=(0.0, 0.3, 0.7),
    ),
    Scenario(
        "求助",
        "其他",
        "秩序维护部",
        3,
        (
            "钥匙反锁在家里,请求帮忙联系开锁。",
            "家中老人摔倒,家属不在身边,请求帮忙。",
            "车辆电瓶没电无法启动,请求帮忙搭电。",
            "小孩在小区里走失,请求协助寻找。",
            "搬运大件家具,请求帮忙开货梯。",
        ),
        ("请尽快派人", "请马上帮忙"),
        (
            "秩序维护员陪同备案开锁师傅上门,核实身份后开锁。",
            "秩序维护员五分钟内到场,协助拨打120并联系家属,陪同送医。",
            "秩序维护员携带搭电线到场,车辆顺利启动。",
            "调取监控并组织巡逻人员寻找,二十分钟后在游乐区找到孩子交还家长。",
            "开启货梯专用模式并安排人员协助,搬运完成后恢复。",
        ),
        urgency=(0.8, 0.2, 0.0),
    ),
    Scenario(
        "特约服务",
        "其他",
        "工程维修部",
        2,
        ("预约空调清洗两台。", "更换厨房水龙头(有偿)。", "家中更换灯具三处。", "预约油烟机清洗。"),
        ("约周六上午", "请先报价"),
        (
            "已按约定时间上门完成,收取服务费,开具收据,业主签字确认。",
            "上门更换完毕,材料由业主提供,按标准收取人工费。",
        ),
        urgency=(0.0, 0.6, 0.4),
    ),
    Scenario(
        "特约服务",
        "环境卫生",
        "保洁部",
        1,
        ("新房开荒保洁,约周末。", "预约家庭深度保洁,约下周三。"),
        ("请先报价",),
        ("保洁部按约定时间上门完成开荒保洁,业主验收满意,收取服务费并开具收据。",),
        urgency=(0.0, 0.5, 0.5),
    ),
    Scenario(
        "表扬",
        "服务质量",
        "客服部",
        1.5,
        (
            "业主表扬工程维修部{staff}师傅半夜上门抢修水管,认真负责。",
            "业主送来锦旗,表扬秩序维护部{staff}拾到钱包及时归还。",
            "业主来信表扬保洁员{staff}工作细致,楼道一尘不染。",
        ),
        ("希望物业给予表扬",),
        ("已转达当事员工,并在月度例会上通报表扬,计入绩效考评。",),
        urgency=(0.0, 0.2, 0.8),
        dispatch=False,
    ),
]

KIND_WEIGHTS = {"报修": 52, "投诉": 22, "咨询": 9, "建议": 5, "求助": 5, "特约服务": 4.5, "表扬": 2.5}
MAJOR_SHARE = 0.015  # of complaints
CHANNEL_WEIGHTS = {
    "电话": 46,
    "来访": 20,
    "网络": 15,
    "巡查发现": 4,
    "意见箱": 3,
    "电子邮件": 2.5,
    "信函": 1.5,
    "业主座谈会": 1.5,
    "传真": 0.5,
}
SEASON = {
    1: 0.8,
    2: 0.7,
    3: 0.95,
    4: 1.0,
    5: 1.1,
    6: 1.3,
    7: 1.35,
    8: 1.3,
    9: 1.05,
    10: 0.9,
    11: 0.95,
    12: 0.9,
}
# Hours of the day calls come in (weights over 0..23).
HOURS = [0.6, 0.4, 0.2, 0.1, 0.1, 0.3, 0.8, 2, 5, 8, 8, 7, 5, 5, 7, 7, 7, 6, 5, 4, 3, 2, 2, 1.2]

EXTENSION_REASONS = [
    "需订购专用配件,到货约需一周",
    "需开发商维保单位到场确认责任",
    "业主近期出差,约定回来后上门",
    "涉及公共维修资金,需业委会同意",
    "需等待连续晴天后做防水施工",
]
NOTES = [
    "已电话联系业主,约定{day}上门。",
    "师傅已到现场查看,需要准备材料后再施工。",
    "已与相关住户沟通,对方同意配合。",
    "配件已申购,预计两天内到货。",
    "现场已做临时处理,防止问题扩大。",
    "主管已到现场复核处理方案。",
]
RESPONSES = [
    "已电话告知业主:已受理并安排{dept}处理,预计{day}完成。",
    "已回复业主:{dept}师傅今天上门查看。",
    "已短信告知业主受理情况及处理时限。",
    "已当面答复业主,{dept}已接单处理。",
]
VOID_REASONS = [
    "误录:同一来电重复登记,以另一单为准",
    "误录:来电所述为邻近小区,非本项目",
    "误录:房号登记错误,已重新登记",
]
CLOSE_NOTES = [
    "已电话告知业主处理结果,业主无异议。",
    "处理结果已告知业主,资料归档。",
    "业主确认问题已解决,关闭。",
]
VISIT_FINDINGS = {
    "很满意": ["业主对处理结果非常满意,称赞师傅专业、响应快。", "问题已彻底解决,业主很满意,表示感谢。"],
    "满意": ["业主表示问题已解决,对处理过程满意。", "现场查看已修复,业主满意,师傅收费合理。"],
    "一般": ["问题已解决,但业主认为响应偏慢。", "业主表示基本解决,希望下次提前预约时间。"],
    "不满意": ["业主反映问题没有彻底解决,又出现同样情况。", "业主认为处理拖延,对结果不满意。"],
    "很不满意": ["业主称问题依旧,对处理方式非常不满。"],
}
VISIT_OPINIONS = [
    "",
    "",
    "",
    "希望上门前先电话预约。",
    "建议加强日常巡查。",
    "感谢物业,辛苦了。",
    "希望保持现在的服务水平。",
    "建议维修后把现场清理干净。",
]

# Owners sign on the pad from this many days before now; before, on the numbered paper form.
# (Drawing a signature's picture is the slowest step of the demo.)
PAD_DAYS = 240
VISIT_QUESTIONS = [
    "业主询问车位月卡能否按季度缴费",
    "业主询问单元门禁卡补办流程和费用",
    "业主希望了解外墙清洗的时间安排",
    "业主询问楼上装修何时结束",
]
VISIT_ANSWERS = [
    "已电话答复业主,并告知办理地点和所需材料。",
    "已向业主说明安排,业主表示理解。",
    "已请相关部门核实后答复业主。",
]
REVIEW_DIRECTOR = [
    "回访记录完整,处理结果属实。",
    "已核实,同意关闭。",
    "情况属实,请相关部门注意改进。",
    "回访及时,记录清楚。",
]
REVIEW_MANAGER = [
    "已阅。请相关部门举一反三,排查同类问题。",
    "已阅,纳入月度例会通报。",
    "请持续跟进,下周复查。",
]
REVIEW_GM = ["已阅,按整改措施落实,季度检查。"]
TYPICAL_NOTES = {
    "rework": [
        "首次处理不彻底,回访不满意后返工,再次回访满意。启示:完工须现场验收,确认彻底解决后再办结。",
        "返工案例:回访发现问题未解决,书面通知返工后解决。启示:处理要查明根源,不能只做表面文章。",
    ],
    "major": [
        "重大投诉:经理第一时间到场,报告按时提交。启示:应急到场时限要写入外包合同并考核。",
        "重大投诉,处理过程完整,可作为应急处置培训案例。",
    ],
    "letter": ["同一事项多户反映,以公开信统一答复并说明整改措施,减少重复解释,业主反响较好。"],
    "praise": [
        "处理及时,回访业主很满意,可在例会上作为服务规范分享。",
        "投诉当天响应、次日解决,业主来电致谢。启示:先回应、后处理,及时告知进度。",
    ],
}
# The open letter's matter: the garage flooded in a summer storm, several owners called.
GARAGE_FLOOD = Scenario(
    "投诉",
    "给排水",
    "工程维修部",
    0,
    (
        "昨夜暴雨后地下车库B区积水没过脚踝,车辆无法进出。",
        "地下车库积水严重,车停在里面被泡,物业排水太慢。",
        "暴雨后地下车库入口倒灌进水,每次下大雨都这样。",
        "车库集水井水泵好像没开,积水一上午都没排完。",
    ),
    ("请尽快排水并说明原因", "要求彻底解决车库积水问题"),
    (
        "启用备用水泵排水并清理淤泥,检查为集水井排污泵故障,已更换。",
        "已排净积水并冲洗地面,车库入口加设挡水板。",
        "更换两台排污泵并加装水位报警器,与市政协调疏通出口管道。",
        "已排水并清理车库,向业主说明原因及整改安排。",
    ),
    parties=("工程维修部",),
    place="地下车库",
)
LETTER_TITLE = "关于地下车库积水问题的公开信"
LETTER_BODY = (
    "尊敬的各位业主:{day}暴雨期间,地下车库B区因集水井排污泵故障及市政管网排水不畅出现积水,"
    "给大家出行带来不便,我们深表歉意。事发后工程维修部连夜启用备用水泵排水并清理淤泥,"
    "目前已更换两台排污泵、加装水位报警器,并与市政部门协调疏通出口管道。今后遇暴雨预警,"
    "秩序维护部将提前在车库入口设置挡水板并安排专人值守。如仍有疑问,请致电服务中心。{office}"
)


# The estate ------------------------------------------------------------------------------
@dataclass
class Occupant:
    room_id: int
    label: str
    building: str
    unit: str
    number: str
    name: str
    phone: str
    kind: str  # 业主/租户/商户


@dataclass
class Estate:
    buildings: list[str]
    residential: list[tuple[str, str, str]] = field(default_factory=list)
    shops: list[tuple[str, str, str]] = field(default_factory=list)
    occupants: list[Occupant] = field(default_factory=list)


def id_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643 mod 11-2)."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


class _People:
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


def _build_estate(rng: random.Random, people: _People, scale: float, now: dt.datetime) -> Estate:
    """Rooms, owners, tenants and shops, written in bulk (there is no per-room rule to obey)."""
    n_buildings = max(2, round(12 * scale))
    estate = Estate([str(b) for b in range(1, n_buildings + 1)])
    for b in estate.buildings:
        units = rng.choice([2, 2, 3])
        per_floor = rng.choice([2, 3, 3, 4])
        for u in range(1, units + 1):
            for floor in range(1, 19):
                for pos in range(1, per_floor + 1):
                    estate.residential.append((b, str(u), f"{floor}{pos:02d}"))
    for i in range(max(4, round(20 * scale))):
        estate.shops.append((SHOP_BUILDING, "", f"{101 + i}"))
    with db.atomic():
        rows = [{"building": b, "unit": u, "number": n} for b, u, n in estate.residential + estate.shops]
        last_room = audit.last_id(Room)
        for chunk in _chunks(rows, 300):
            Room.insert_many(chunk).execute()
        audit.record_created_after(Room, last_room)  # bulk inserts pass by AuditedModel.save
        room_ids = {(r.building, r.unit, r.number): r.id for r in Room.select()}
        # Buildings were handed over between 2016 and 2019; people moved in since.
        handover = {
            b: dt.date(2016 + i % 4, rng.choice([3, 6, 9, 12]), 28) for i, b in enumerate(estate.buildings)
        }
        owners: list[dict[str, object]] = []
        for key in estate.residential:
            if rng.random() > 0.93:
                continue  # empty or unsold
            owners.extend(_household(rng, people, room_ids[key], key, handover[key[0]], now, estate))
        for i, key in enumerate(estate.shops):
            name, female = people.name()
            phone = people.phone()
            owners.append(
                dict(
                    room=room_ids[key],
                    name=name,
                    phone=phone,
                    id_number=people.id_number(female, 1960, 1998),
                    occupant_type="商户",
                    move_in=dt.date(2019, 5, 1) + dt.timedelta(days=rng.randrange(1500)),
                    note=f"经营:{SHOP_NAMES[i % len(SHOP_NAMES)]}",
                )
            )
            estate.occupants.append(Occupant(room_ids[key], f"{key[0]}-{key[2]}", *key, name, phone, "商户"))
        last_owner = audit.last_id(Owner)
        for chunk in _chunks(owners, 200):
            Owner.insert_many(chunk).execute()
        audit.record_created_after(Owner, last_owner)
    return estate


def _household(
    rng: random.Random,
    people: _People,
    room_id: int,
    key: tuple[str, str, str],
    handover: dt.date,
    now: dt.datetime,
    estate: Estate,
) -> list[dict[str, object]]:
    label = "-".join(key)
    latest = now.date() - dt.timedelta(days=3)
    move_in = min(latest, handover + dt.timedelta(days=int(rng.expovariate(1 / 500))))
    name, female = people.name()
    phone = people.phone()
    rows: list[dict[str, object]] = []
    rented = rng.random() < 0.15
    rows.append(
        dict(
            room=room_id,
            name=name,
            phone=phone,
            id_number=people.id_number(female),
            occupant_type="业主",
            move_in=move_in,
            note="房屋出租" if rented else "",
        )
    )
    if not rented:
        estate.occupants.append(Occupant(room_id, label, *key, name, phone, "业主"))
        if rng.random() < 0.3:  # the spouse also calls sometimes
            spouse, s_female = people.name(not female)
            s_phone = people.phone()
            rows.append(
                dict(
                    room=room_id,
                    name=spouse,
                    phone=s_phone,
                    id_number=people.id_number(s_female),
                    occupant_type="业主",
                    move_in=move_in,
                    note="家庭成员",
                )
            )
            estate.occupants.append(Occupant(room_id, label, *key, spouse, s_phone, "业主"))
    else:
        t_name, t_female = people.name()
        t_phone = people.phone()
        t_move = min(latest, move_in + dt.timedelta(days=rng.randrange(30, 900)))
        rows.append(
            dict(
                room=room_id,
                name=t_name,
                phone=t_phone,
                id_number=people.id_number(t_female, 1970, 2003),
                occupant_type="租户",
                move_in=t_move,
                note="租期一年",
            )
        )
        estate.occupants.append(Occupant(room_id, label, *key, t_name, t_phone, "租户"))
    return rows


def _chunks(items: Sequence[Mapping[str, object]], size: int) -> list[Sequence[Mapping[str, object]]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# The staff --------------------------------------------------------------------------------
LOGINS = {  # role -> (login name, what to try with it)
    "clerk": ("kefu", "受理、派工、值班记录转案件"),
    "steward": ("guanjia", "物管员:本楼栋案件和回访"),
    "cs_director": ("zhuren", "客服主任:回访计划、审核"),
    "office_manager": ("jingli", "管理处经理:批准轻微案件延期、重大投诉"),
    "general_manager": ("zongjingli", "总经理:批准重要案件延期、重大投诉报告"),
    "department": ("weixiu", "工程维修部:签收派工单"),
    "night_duty": ("yeban", "夜班值班记录"),
    "culture_clerk": ("wenyuan", "社区文化文员"),
}


@dataclass
class Crew:
    by_role: dict[str, list[Staff]]
    by_department: dict[str, list[Staff]]  # department workers (role "department")
    departments: dict[str, Department]
    steward_of: dict[str, Staff]
    logins: list[tuple[str, str, str]]  # (login, name and role, what for)

    def one(self, role: str) -> Staff:
        return self.by_role[role][0]


def _build_crew(office: Office, rng: random.Random, people: _People, estate: Estate) -> Crew:
    departments = {d.name: d for d in office.staff.departments(include_inactive=True)}
    for name in office.policies.load().data.get("departments", []):
        if name not in departments:
            departments[name] = office.staff.add_department(name)
    service = departments.get("客服部") or next(iter(departments.values()))
    n_stewards = max(2, math.ceil(len(estate.buildings) / 3))
    plan: list[tuple[str, str | None, int]] = [
        ("clerk", "客服部", 3),
        ("steward", "客服部", n_stewards),
        ("cs_director", "客服部", 1),
        ("office_manager", None, 1),
        ("general_manager", None, 1),
        ("culture_clerk", "客服部", 1),
        ("department", "工程维修部", 4),
        ("department", "保洁部", 2),
        ("department", "秩序维护部", 3),
        ("department", "绿化部", 2),
        ("night_duty", "秩序维护部", 2),
    ]
    by_role: dict[str, list[Staff]] = {}
    by_department: dict[str, list[Staff]] = {}
    steward_of: dict[str, Staff] = {}
    logins: list[tuple[str, str, str]] = []
    steward_index = 0
    for role, dep_name, count in plan:
        dep = departments.get(dep_name) if dep_name else None
        if dep_name and dep is None:
            dep = service
        for i in range(count):
            name, _ = people.name()
            buildings = ""
            if role == "steward":
                share = estate.buildings[steward_index::n_stewards]
                buildings = ",".join(share)
                steward_index += 1
            login = None
            if i == 0 and role in LOGINS and not (role == "department" and dep_name != "工程维修部"):
                login = LOGINS[role][0]
                if Staff.select().where(Staff.username == login).exists():
                    login = None
            person = office.staff.save_staff(
                name=name,
                role=role,
                department=dep,
                phone=people.phone(),
                buildings=buildings,
                username=login,
                password=DEMO_PASSWORD if login else None,
            )
            by_role.setdefault(role, []).append(person)
            if role == "department" and dep is not None:
                by_department.setdefault(dep.name, []).append(person)
            if role == "steward":
                for b in person.building_list():
                    steward_of[b] = person
            if login:
                logins.append((login, f"{name}({domain.ROLES[role]})", LOGINS[role][1]))
    # The clerks answer for the service desk too, so every department has hands.
    by_department.setdefault(service.name, list(by_role["clerk"]))
    for name in departments:
        by_department.setdefault(name, list(by_role["clerk"]))
    return Crew(by_role, by_department, departments, steward_of, logins)


# The replay -----------------------------------------------------------------------------------
class _CachedPolicies(PolicyStore):
    """The policy read once: nothing changes it while the demo runs, and reading it for
    every step would cost more than the steps themselves."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy

    def load(self) -> Policy:
        return self._policy


class _DemoCaseService(CaseService):
    """The case service with three shortcuts that change no rule, only the speed of a
    replay of thousands of steps: the holiday table is read once, a case save writes only
    the columns that changed, and the search index is written once at the end
    (`reindex_all`) instead of after every step."""

    def __init__(self, clock: FixedClock, policies: PolicyStore, calendar: WorkCalendar) -> None:
        super().__init__(clock, policies)
        self._calendar = calendar
        self._stale: set[int] = set()

    def calendar(self) -> WorkCalendar:
        return self._calendar

    def _touch(self, case: Case) -> None:
        case.updated_at = self.clock.now()
        case.save(only=case.dirty_fields)
        self.reindex(case)

    def reindex(self, case: Case) -> None:
        self._stale.add(case.id)

    def reindex_all(self) -> None:
        ids = sorted(self._stale)
        for start in range(0, len(ids), 500):
            chunk = Case.select().where(Case.id.in_(ids[start : start + 500]))
            search.index_many(db.obj, [(case.id, self.search_texts(case)) for case in chunk])
        self._stale.clear()


@dataclass
class Story:
    """One case's life as planned; the replay carries it out step by step."""

    scenario: Scenario
    received: dt.datetime
    channel: str
    occupant: Occupant | None
    anonymous: bool
    severity: str
    urgency: str
    validity: str | None
    texts: dict[str, str]
    night: bool = False
    repeat_of: Story | None = None
    # What the plan leaves out, for the cases still open at the end.
    stop_after: str = ""  # "", "create", "dispatch", "sign": the case stays there
    late: bool = False
    extend: bool = False
    case: Case | None = None
    slip: Dispatch | None = None
    assignee: Staff | None = None
    rework_done: bool = False
    major_draft_only: bool = False
    force_visit: bool = False
    resolve_at: dt.datetime | None = None
    void: bool = False
    plain: bool = False  # handled on time, never late nor extended (the placed cases)
    visit_mode: str = ""  # "", "leave", "form_out", "calls": how far its visit gets (the last days)
    letter: LetterGroup | None = None  # answered with the others by one open letter


@dataclass
class LetterGroup:
    """Owners who called about the same matter; one open letter answers them all."""

    stories: list[Story]
    visits: dict[int, int] = field(default_factory=dict)  # case id -> its planned visit


def _month_day(when: dt.datetime) -> str:
    """09月28日 — not strftime, which fails on Windows for Chinese in the format string."""
    return f"{when.month:02d}月{when.day:02d}日"


class _Replay:
    def __init__(
        self, office: Office, rng: random.Random, estate: Estate, crew: Crew, now: dt.datetime
    ) -> None:
        self.rng = rng
        self.estate = estate
        self.crew = crew
        self.now = now
        self.office_name = office.name
        self.clock = FixedClock(now)
        policy = office.policies.load()
        self.policy = policy
        policies = _CachedPolicies(policy)
        self.cases = _DemoCaseService(self.clock, policies, WorkCalendar.from_database())
        self.nightlog = NightLogService(self.clock, self.cases)
        # The visit planner listens to this case service, on the replay's clock: each
        # handled case is sampled and its visit planned at the moment it was handled.
        self.visits = VisitService(self.clock, policies, self.cases, office.staff, seed=rng.randrange(2**31))
        self.forms = FormLedger(self.clock, policies)
        self.blank_stock: list[FormSheet] = []  # blank forms printed and still in the drawer
        self.pad_count = itertools.count()  # owners' signatures; now and then a family member signs
        self.mood_count = itertools.count()
        self.phone_count = itertools.count()  # first phone visits, a few of them given up
        self.notable: list[tuple[dt.datetime, str, Story]] = []  # candidates for 典型案例
        self.desk = now  # the last moment the desk was staffed (set by plan_finale)
        self.pad_since = now - dt.timedelta(days=PAD_DAYS)
        self.queue: list[tuple[dt.datetime, int, Callable[[], None]]] = []
        self.counter = itertools.count()
        self.channels = [c for c in CHANNEL_WEIGHTS if c in policy.channels]
        # 作废 arrived with the audit work; the demo uses it where this version has it.
        self.can_void = hasattr(self.cases, "void") and hasattr(domain, "VOID")
        self.chronic = rng.sample(estate.occupants, k=max(3, len(estate.occupants) // 150))

    # Scheduling ------------------------------------------------------------------------------
    def at(self, when: dt.datetime, step: Callable[[], None]) -> None:
        if when <= self.now:
            heapq.heappush(self.queue, (when.replace(microsecond=0), next(self.counter), step))

    def run(self, start: dt.datetime | None = None, progress: Callable[[str], None] | None = None) -> None:
        """Every step in time order, the clock set to each (the caller holds the transaction);
        `progress` hears every tenth of the way from `start` to now, in words."""
        span = (self.now - start).total_seconds() if start is not None else 0.0
        told = 0
        while self.queue:
            when, _, step = heapq.heappop(self.queue)
            self.clock.at = when
            step()
            if progress is not None and start is not None and span > 0:
                tenth = int(10 * (when - start).total_seconds() / span)
                if tenth > told:
                    told = tenth
                    progress(f"  已演到 {when:%Y-%m-%d}({min(tenth, 10) * 10}%)")

    def working(self, when: dt.datetime) -> dt.datetime:
        """The same moment if the office is staffed then (08:00–20:00), else next morning."""
        if when.hour < 8:
            return when.replace(hour=8, minute=self.rng.randrange(0, 50))
        if when.hour >= 20:
            nxt = when + dt.timedelta(days=1)
            return nxt.replace(hour=8, minute=self.rng.randrange(0, 50))
        return when

    def minutes(self, lo: float, hi: float) -> dt.timedelta:
        return dt.timedelta(minutes=self.rng.uniform(lo, hi))

    # Making up the calls ------------------------------------------------------------------
    def plan_arrivals(self, start: dt.datetime, scale: float) -> None:
        per_day = 2.6 * scale
        day = start.date()
        index = 0
        while day <= self.now.date():
            lam = per_day * SEASON[day.month] * (1.15 if day.weekday() >= 5 else 1.0)
            for _ in range(_poisson(self.rng, lam)):
                hour = self.rng.choices(range(24), HOURS)[0]
                when = dt.datetime.combine(day, dt.time(hour, self.rng.randrange(60)))
                if start <= when <= self.now - dt.timedelta(hours=1):
                    kind = (
                        "报修" if index < len(self.channels) and self.channels[index] == "巡查发现" else None
                    )
                    story = self.make_story(when, index, kind=kind)
                    if not story.night:
                        index += 1
                    recent = self.now - when < dt.timedelta(days=40)
                    if recent and story.scenario.dispatch and self.rng.random() < 0.04:
                        story.stop_after = "sign"  # waiting for parts, the developer, the owner…
                    self.schedule_arrival(story)
            day += dt.timedelta(days=1)

    def make_story(
        self, when: dt.datetime, index: int, kind: str | None = None, major: bool = False
    ) -> Story:
        rng = self.rng
        kind = kind or rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        if kind == "投诉" and (major or rng.random() < MAJOR_SHARE):
            scenario = rng.choice(MAJOR_SCENARIOS)
            severity = "重大"
        else:
            pool = (
                REPAIRS
                if kind == "报修"
                else COMPLAINTS
                if kind == "投诉"
                else [s for s in OTHERS if s.kind == kind]
            )
            weights = [s.weight * (s.summer if when.month in (6, 7, 8) else 1.0) for s in pool]
            scenario = rng.choices(pool, weights)[0]
            severity = rng.choices(["轻微", "重要"], scenario.severity)[0]
        night = (when.hour >= 22 or when.hour < 7) and kind in ("报修", "投诉", "求助")
        if night:
            channel = "夜间值班"
        elif when.hour >= 22 or when.hour < 7:
            channel = rng.choice(["网络", "电子邮件"])  # messages left in the app overnight
        elif index < len(self.channels):
            channel = self.channels[index]  # every channel early on, however rare
        else:
            channel = rng.choices(self.channels, [CHANNEL_WEIGHTS[c] for c in self.channels])[0]
        if channel == "巡查发现" and kind not in ("报修", "投诉"):
            channel = "来访"  # patrols find faults, not questions
        anonymous = False
        if kind in ("投诉", "建议") and not night and severity != "重大":
            chance = 0.7 if channel == "意见箱" else 0.12
            anonymous = rng.random() < chance
        occupant = None if anonymous else self.pick_occupant(scenario)
        validity = None
        if kind == "投诉":
            validity = rng.choices(domain.VALIDITIES, scenario.validity)[0]
            if severity == "重大":
                validity = "一类"
        urgency = rng.choices(domain.URGENCIES, scenario.urgency)[0]
        if severity == "重大":
            urgency = "紧急"
        return Story(
            scenario,
            when,
            channel,
            occupant,
            anonymous,
            severity,
            urgency,
            validity,
            self.texts(scenario, occupant),
            night=night,
        )

    def pick_occupant(self, scenario: Scenario) -> Occupant:
        if scenario.category in ("漏水/渗漏", "给排水") and self.rng.random() < 0.15:
            return self.rng.choice(self.chronic)  # the rooms that keep coming back
        return self.rng.choice(self.estate.occupants)

    def texts(self, scenario: Scenario, occupant: Occupant | None) -> dict[str, str]:
        rng = self.rng
        if occupant is None or occupant.building == SHOP_BUILDING:
            b, u, number = rng.choice(self.estate.residential)
        else:
            b, u, number = occupant.building, occupant.unit, occupant.number
        floor, pos = int(number[:-2]), number[-2:]
        up = f"{floor + 1}{pos}" if floor < 18 else "住户"
        if occupant is not None and occupant.building == SHOP_BUILDING:
            up = "住户"
        workers = self.crew.by_department.get(scenario.department) or self.crew.by_role["clerk"]
        other_workers = [p for ps in self.crew.by_department.values() for p in ps]
        values = {
            "b": b,
            "u": u,
            "f": str(floor),
            "f2": str(min(floor + 1, 18)),
            "up": up,
            "plate": f"粤A{rng.choice(PLATE_LETTERS)}{rng.randrange(1000, 9999)}{rng.choice(PLATE_LETTERS)}",
            "staff": rng.choice(other_workers if scenario.kind == "表扬" else workers).name,
        }
        i = rng.randrange(len(scenario.accounts))
        result = scenario.results[i] if i < len(scenario.results) else rng.choice(scenario.results)
        party = rng.choice(scenario.parties) if scenario.parties else ""
        return {
            "account": scenario.accounts[i].format(**values),
            "request": rng.choice(scenario.requests).format(**values),
            "result": result.format(**values),
            "party": party.format(**values),
            "place": scenario.place.format(**values),
        }

    def schedule_arrival(self, story: Story) -> None:
        if story.night:
            self.at(story.received, lambda: self.night_call(story))
        else:
            self.at(story.received, lambda: self.intake(story))
        if (
            story.repeat_of is None
            and story.occupant is not None
            and story.scenario.kind in ("报修", "投诉")
            and story.severity != "重大"  # a major complaint is followed by the manager, not re-reported
            and self.rng.random() < 0.06
        ):
            again = Story(
                story.scenario,
                self.working(story.received + dt.timedelta(hours=self.rng.uniform(2, 60))),
                self.rng.choice(["电话", "来访", "网络"]),
                story.occupant,
                False,
                story.severity,
                story.urgency,
                story.validity,
                dict(story.texts),
                repeat_of=story,
            )
            again.texts["account"] = (
                self.rng.choice(["业主再次来电催促:", "业主又到服务中心反映:", "业主在APP上再次反映:"])
                + story.texts["account"]
            )
            self.at(again.received, lambda: self.intake(again))

    # The steps ---------------------------------------------------------------------------------
    def case_input(self, story: Story) -> CaseInput:
        occ = story.occupant
        if story.channel == "巡查发现" and occ is not None:
            name = self.crew.steward_of.get(occ.building, self.crew.one("steward")).name
            who = {"room": occ.label, "customer_name": f"巡查:{name}", "customer_phone": ""}
        elif occ is not None:
            who = {"room": occ.label, "customer_name": occ.name, "customer_phone": occ.phone}
        else:
            who = {"room": "", "customer_name": "", "customer_phone": ""}
        return CaseInput(
            account=story.texts["account"],
            kind=story.scenario.kind,
            received_at=story.received,
            channel=story.channel,
            anonymous=story.anonymous,
            validity=story.validity,
            severity=story.severity,
            category=story.scenario.category,
            urgency=story.urgency,
            event_time=story.received - self.minutes(10, 600)
            if story.scenario.kind in ("投诉", "报修")
            else None,
            event_place=story.texts["place"],
            party=story.texts["party"] if story.scenario.kind == "投诉" else "",
            request=story.texts["request"],
            room=who["room"],
            customer_name=who["customer_name"],
            customer_phone=who["customer_phone"],
        )

    def clerk(self) -> Staff:
        return self.rng.choice(self.crew.by_role["clerk"])

    def night_call(self, story: Story) -> None:
        occ = story.occupant
        assert occ is not None
        duty = self.rng.choice(self.crew.by_role["night_duty"])
        action = self.rng.choice(
            ["已通知值班维修工到场临时处理", "已安抚业主,次日转客服处理", "已派巡逻岗到现场查看", ""]
        )
        entry = self.nightlog.add(
            content=story.texts["account"],
            caller=occ.name,
            phone=occ.phone,
            room=occ.label,
            action_taken=action,
            logged_by=duty.name,
            at=story.received,
        )
        morning = story.received.replace(hour=8, minute=0) + self.minutes(5, 80)
        if story.received.hour >= 22:
            morning += dt.timedelta(days=1)
        self.at(morning, lambda: self.convert(story, entry))

    def convert(self, story: Story, entry: NightLogEntry) -> None:
        inp = self.nightlog.as_input(entry)
        full = self.case_input(story)
        full.account, full.received_at, full.channel = inp.account, inp.received_at, inp.channel
        story.case = self.nightlog.convert(entry, full, self.clerk())
        self.handle(story, start=self.clock.now())

    def intake(self, story: Story) -> None:
        story.case = self.cases.create(self.case_input(story), self.clerk())
        if (
            story.repeat_of is None
            and self.can_void
            and (story.void or (not story.plain and self.rng.random() < 0.004))
        ):
            # Entered by mistake (误录): the director voids it; it stays in the history.
            story.stop_after = "create"
            self.at(self.working(story.received + self.minutes(5, 90)), lambda: self.void(story))
        if story.repeat_of is not None and story.repeat_of.case is not None:
            original = story.repeat_of.case
            likely = self.cases.duplicates(
                story.occupant.label if story.occupant else "", story.scenario.category, exclude=story.case.id
            )
            if (
                any(c.id == original.id for c in likely)
                and original.state != domain.MERGED
                and self.rng.random() < 0.75
            ):
                self.cases.merge(story.case, original, self.clerk())
                return
        self.handle(story, start=story.received)

    def handle(self, story: Story, start: dt.datetime) -> None:
        """Plan the rest of the case's life from `start` (the intake or the morning after)."""
        case = story.case
        assert case is not None
        rng = self.rng
        sc = story.scenario
        if story.stop_after == "create":
            return
        # How long handling takes: most well inside the deadline, some late.
        span = (case.resolve_due - case.received_at).total_seconds() / 3600
        if sc.kind == "咨询":
            done = self.working(start + self.minutes(3, 30))
        elif sc.kind == "求助" and story.urgency == "紧急":
            done = self.working(start + self.minutes(20, 180))  # help is on its way at once
        elif sc.kind == "表扬":
            done = self.working(start + self.minutes(60, 1200))
        else:
            late, extend = rng.random() < 0.07, rng.random() < 0.05
            if not story.plain:
                story.late = story.late or late
                story.extend = story.extend or (extend and not story.late)
            if story.late:
                done = case.resolve_due + dt.timedelta(hours=rng.uniform(2, 70))
            else:
                share = rng.uniform(0.05, 0.5) if story.urgency == "紧急" else rng.uniform(0.1, 0.9)
                done = case.received_at + dt.timedelta(hours=span * share)
            done = max(done, start + self.minutes(40, 240))
            done = self.working(done)
        if sc.dispatch:
            quick = sc.kind == "求助" and story.urgency == "紧急"
            sent = self.working(start + (self.minutes(2, 10) if quick else self.minutes(3, 60)))
            self.at(sent, lambda: self.dispatch(story))
            if story.stop_after != "dispatch":
                signed = sent + self.minutes(5, 150 if story.urgency != "紧急" else 30)
                self.at(signed, lambda: self.sign(story))
                done = max(done, signed + self.minutes(10 if quick else 20, 120))
            if story.stop_after == "sign":
                # Stuck: answered and noted, waiting for parts, the developer or the owner.
                self.at(self.working(signed + self.minutes(30, 300)), lambda: self.respond(story))
                self.at(self.working(signed + self.minutes(600, 1800)), lambda: self.note(story))
            if story.stop_after:
                return
            if rng.random() < 0.35:
                self.at(signed + (done - signed) * rng.uniform(0.2, 0.8), lambda: self.note(story))
            # The first answer to the owner: mostly within 24 hours.
            reply = start + self.minutes(10, 60 * (40 if rng.random() < 0.06 else 18))
            if reply < done and not story.anonymous:
                self.at(self.working(reply), lambda: self.respond(story))
            if story.extend:
                asked = case.resolve_due - dt.timedelta(hours=rng.uniform(2, min(20, max(2.5, span / 2))))
                asked = max(asked, signed + self.minutes(10, 60))
                new_due = case.resolve_due + dt.timedelta(days=rng.randint(3, 10))
                self.at(asked, lambda: self.extend(story, new_due))
                done = self.working(max(asked, new_due - dt.timedelta(hours=rng.uniform(6, 60))))
        elif story.stop_after:
            return
        if story.resolve_at is not None:
            done = story.resolve_at
        if case.severity == "重大":
            self.at(self.working(start + self.minutes(60, 600)), lambda: self.major_report(story))
            self.at(start + self.minutes(120, 1500), lambda: self.respond(story, "明确答复"))
        self.at(done, lambda: self.resolve(story))

    def void(self, story: Story) -> None:
        if story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        reason = self.rng.choice(VOID_REASONS)
        self.cases.void(story.case, reason, self.crew.one("cs_director"))

    def dispatch(self, story: Story) -> None:
        case = story.case
        assert case is not None
        if case.state not in domain.OPEN_STATES:
            return
        dep = self.crew.departments.get(story.scenario.department) or self.crew.departments["客服部"]
        workers = self.crew.by_department.get(dep.name) or self.crew.by_role["clerk"]
        story.assignee = self.rng.choice(workers)
        text = self.rng.choice(["请尽快上门处理", "请今天内处理并反馈", "业主要求先电话联系", ""])
        story.slip = self.cases.dispatch(case, dep, self.clerk(), assignee=story.assignee, instructions=text)

    def sign(self, story: Story) -> None:
        if story.slip is None or story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        assert story.assignee is not None
        self.cases.sign_for(story.slip, story.assignee.name, story.assignee)

    def note(self, story: Story) -> None:
        if story.case is None or story.case.state not in domain.OPEN_STATES:
            return
        day = _month_day(self.clock.now() + dt.timedelta(days=self.rng.randint(0, 2)))
        self.cases.add_note(story.case, self.rng.choice(NOTES).format(day=day), story.assignee)

    def respond(self, story: Story, what: str = "") -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES:
            return
        if what:
            text = f"{what}:经理已与业主面谈,说明初步调查情况和处理方案,承诺十日内解决。"
            actor = self.crew.one("office_manager")
        else:
            if case.first_response_at is not None:
                return
            day = _month_day(self.clock.now() + dt.timedelta(days=1))
            text = self.rng.choice(RESPONSES).format(dept=story.scenario.department, day=day)
            actor = self.clerk()
        self.cases.add_note(case, text, actor, response=True)

    def extend(self, story: Story, new_due: dt.datetime) -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES or new_due <= case.resolve_due:
            return
        role = self.policy.extension_approver_role(case.severity)
        approver = (self.crew.by_role.get(role) or self.crew.by_role["general_manager"])[0]
        self.cases.extend(case, new_due, self.rng.choice(EXTENSION_REASONS), approver, self.clerk())

    def major_report(self, story: Story) -> None:
        case = story.case
        assert case is not None
        fields = {
            "content": case.account,
            "cause": "设备维护保养不到位,应急响应超出承诺时限。",
            "handling": "经理第一时间到场,组织抢修和安抚,向业主说明处理方案。",
            "result": story.texts["result"],
            "lessons": "应急预案演练不足,夜间值班与维保单位联动不畅。",
            "corrective": "修订应急预案,每季度演练一次;与维保单位签订到场时限考核条款。",
        }
        if story.major_draft_only:
            fields = {k: fields[k] for k in ("content", "cause")}
        self.cases.save_major_report(
            case, fields, submit=not story.major_draft_only, actor=self.crew.one("office_manager")
        )

    def resolve(self, story: Story) -> None:
        case = story.case
        if case is None or case.state not in domain.OPEN_STATES:
            return
        actor = story.assignee or self.clerk()
        result = story.texts["result"]
        if story.rework_done:
            result = "返工:" + result
        self.cases.resolve(case, result, actor)
        self.after_resolve(story)

    # Visits and closing ------------------------------------------------------------------------
    # The case service's resolve listener (VisitService.on_resolved) has already sampled the
    # case and planned its visit; the replay carries the visit out as the office would.
    def open_visit(self, case: Case) -> Visit | None:
        return (
            Visit.select()
            .where(Visit.case == case, Visit.state == domain.VISIT_PLANNED)
            .order_by(Visit.id.desc())
            .first()
        )

    def after_resolve(self, story: Story) -> None:
        case = story.case
        assert case is not None and case.resolved_at is not None
        resolved = case.resolved_at
        if case.severity == "重大":
            self.notable.append((resolved, "major", story))
        visit = self.open_visit(case)
        if story.letter is not None:
            self.letter_ready(story, visit)
            return
        if visit is None:
            reason = self.by_hand_reason(story)
            if reason and story.force_visit:
                self.add_by_hand(story, reason)
            elif reason:
                self.at(
                    self.working(resolved + self.minutes(30, 300)), lambda: self.add_by_hand(story, reason)
                )
            else:
                self.at(self.working(resolved + self.minutes(120, 60 * 24 * 7)), lambda: self.close(story))
            return
        if story.channel == "巡查发现":
            # Found on patrol: no owner reported it, the planner takes it off the list.
            self.at(self.working(resolved + self.minutes(30, 600)), lambda: self.drop_visit(story, visit))
            return
        self.plan_visit(story, visit)

    def by_hand_reason(self, story: Story) -> str:
        """Why the director adds a case the sample left out, or '' when nobody does."""
        if story.anonymous or story.occupant is None or story.channel == "巡查发现":
            return ""
        kind = story.scenario.kind
        if story.force_visit:
            return "业主要求办结后回访确认"
        if kind == "报修" and story.occupant in self.chronic and self.rng.random() < 0.5:
            return "同一房号多次报修漏水/堵塞,回访确认是否彻底解决"
        if kind == "建议" and "采纳" in story.texts["result"] and self.rng.random() < 0.4:
            return "建议已采纳,回访告知业主实施安排"
        return ""

    def add_by_hand(self, story: Story, reason: str) -> None:
        case = story.case
        if case is None or case.state != domain.RESOLVED or self.open_visit(case) is not None:
            return
        visit = self.visits.add_by_hand(case, reason, self.crew.one("cs_director"))
        self.plan_visit(story, visit)

    def drop_visit(self, story: Story, visit: Visit) -> None:
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED:
            return
        self.visits.drop_by_hand(visit, "巡查发现的问题,无报事业主,不需回访", self.crew.one("cs_director"))
        self.at(self.working(self.clock.now() + self.minutes(60, 60 * 48)), lambda: self.close(story))

    def visitor(self, visit: Visit, story: Story | None) -> Staff:
        """Who goes: the planned visitor, else the building's steward."""
        if visit.visitor_id:
            return Staff.get_by_id(visit.visitor_id)
        building = story.occupant.building if story and story.occupant else ""
        return self.crew.steward_of.get(building, self.crew.one("steward"))

    def plan_visit(self, story: Story, visit: Visit) -> None:
        """When and how the visit is done: by phone or on site with a numbered form, a few
        calls first, now and then given up; the last days leave it open on purpose."""
        rng = self.rng
        base = self.clock.now()
        case = story.case
        assert case is not None
        on_site_share = 0.65 if case.kind == "投诉" else 0.25
        if visit.attempt > 1:
            on_site_share = 0.3
        if case.kind not in ("投诉", "报修", "求助", "特约服务"):
            on_site_share = 0.0  # an answer to a suggestion is a phone call
        method = "上门" if rng.random() < on_site_share else "电话"
        allowed = max(1, (visit.due - base.date()).days)
        late = 5 if rng.random() < 0.12 else 0  # a few visits run past their date
        done = self.working(base + dt.timedelta(hours=rng.uniform(18, 24 * (allowed + late))))
        mode = story.visit_mode
        if mode == "leave":
            return
        if mode == "form_out":
            when = max(base + self.minutes(5, 30), self.desk - self.minutes(20, 90))
            self.at(when, lambda: self.form_out(story, visit))
            return
        if mode == "calls":
            first = self.working(base + self.minutes(60 * 20, 60 * 30))
            self.at(first, lambda: self.attempt(visit, "未接通", "响铃无人接听"))
            back = (self.now + dt.timedelta(days=1)).replace(hour=18, minute=30)
            self.at(
                self.working(first + self.minutes(60 * 20, 60 * 30)),
                lambda: self.attempt(visit, "约定回电", "业主在外地,约定回来后再联系", back),
            )
            return
        if story.letter is None and visit.attempt == 1 and method == "电话":
            # A few owners are never reached, or do not want to be visited.
            calls = next(self.phone_count)
            if calls % 40 == 4:
                tries = [done - dt.timedelta(days=2), done - dt.timedelta(days=1), done]
                for i, when in enumerate(tries):
                    final = i == len(tries) - 1
                    outcome = "号码错误" if final and rng.random() < 0.3 else "未接通"
                    note = "三次联系未果,按未联系上处理" if final else "无人接听"
                    self.at(
                        self.working(max(when, base + self.minutes(30, 90))),
                        functools.partial(self.attempt, visit, outcome, note, give_up=final, story=story),
                    )
                return
            if calls % 60 == 14:
                self.at(
                    done,
                    functools.partial(
                        self.attempt,
                        visit,
                        "拒绝回访",
                        "业主表示问题已解决,不需要回访",
                        give_up=True,
                        story=story,
                    ),
                )
                return
        if method == "电话":
            roll = rng.random()
            if roll < 0.15:
                self.at(
                    self.working(max(base + self.minutes(30, 90), done - self.minutes(60 * 3, 60 * 26))),
                    lambda: self.attempt(visit, rng.choice(["未接通", "无人在家"]), "稍后再打"),
                )
            elif roll < 0.2:
                self.at(
                    self.working(max(base + self.minutes(30, 90), done - self.minutes(60 * 2, 60 * 26))),
                    lambda: self.attempt(visit, "约定回电", "业主正在开会", done),
                )
            self.at(done, lambda: self.do_visit(story, visit.id, method))
            return
        # On site: the numbered form is printed and signed out first, returned after.
        taken = self.working(max(base + self.minutes(10, 60), done - self.minutes(60, 60 * 20)))
        self.at(taken, lambda: self.form_out(story, visit))
        self.at(max(done, taken + self.minutes(30, 90)), lambda: self.do_visit(story, visit.id, method))

    def attempt(
        self,
        visit: Visit,
        outcome: str,
        note: str,
        call_back: dt.datetime | None = None,
        give_up: bool = False,
        story: Story | None = None,
    ) -> None:
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED:
            return
        if outcome == "约定回电" and (call_back is None or call_back <= self.clock.now()):
            call_back = self.clock.now() + self.minutes(60, 60 * 6)
        self.visits.record_attempt(
            visit, outcome, note, call_back_at=call_back, actor=self.visitor(visit, story), give_up=give_up
        )
        if give_up and story is not None:
            text = f"回访{visit.state}({outcome}),处理结果已短信告知业主,关闭。"
            self.at(
                self.working(self.clock.now() + self.minutes(30, 60 * 30)), lambda: self.close(story, text)
            )

    def form_out(self, story: Story, visit: Visit) -> None:
        """领用: the clerk prints the numbered form (or hands a blank one) and the visitor signs for it."""
        visit = Visit.get_by_id(visit.id)
        if visit.state != domain.VISIT_PLANNED or self.forms.live_form(visit) is not None:
            return
        clerk = self.clerk()
        person = self.visitor(visit, story)
        rng = self.rng
        if self.blank_stock and visit.role == "steward" and rng.random() < 0.15:
            form = self.blank_stock.pop(0)
            case = story.case
            item = f"{case.number} {case.kind}·{case.category}" if case else ""
            self.forms.sign_out(form, person, visit_item=item, visit=visit)
            return
        form = self.forms.issue_for_visit(visit, clerk)
        if rng.random() < 0.02:
            # Spoiled before it left the desk: voided, a new number printed.
            self.forms.void(form, rng.choice(["填写错误", "打印错误", "污损"]), clerk)
            form = self.forms.issue_for_visit(visit, clerk)
        self.forms.sign_out(form, person, remarks=rng.choice(["", "", "", "上门前已电话预约"]))

    def customer_signature(self, story: Story, case: Case, pad: bool) -> SignatureCapture:
        """Who signs for the owner: the caller mostly; every seventh time on the pad a family member."""
        occ = story.occupant
        name = case.customer_name or (occ.name if occ else "业主")
        relation = {"租户": "租户", "商户": "商户"}.get(occ.kind if occ else "", "业主本人")
        if relation == "业主本人" and pad and next(self.pad_count) % 7 == 3:
            relation = "家属"  # the owner was out; the spouse or a parent signed
            name = name[0] + self.rng.choice(FEMALE_GIVEN + MALE_GIVEN)
        strokes = demo_strokes(self.rng.randrange(1 << 30))
        return SignatureCapture(strokes, 600, 200, name, relation)

    def do_visit(self, story: Story, visit_id: int, method: str) -> None:
        rng = self.rng
        visit = Visit.get_by_id(visit_id)
        if visit.state != domain.VISIT_PLANNED:
            return
        case = Case.get_by_id(visit.case_id)
        story.case = case
        if case.resolved_at is None:
            return
        if story.rework_done:
            mood = rng.choices(["很满意", "满意", "一般"], [3, 6, 1])[0]
        elif (n := next(self.mood_count)) % 28 == 13:  # one owner in 28 is not satisfied
            mood = "很不满意" if n // 28 % 6 == 5 else "不满意"
        else:
            mood = rng.choices(["很满意", "满意", "一般"], [36, 52, 8.5])[0]
        person = self.visitor(visit, story)
        unhappy = mood in UNSATISFIED
        result = VisitResult(
            method=method,
            satisfaction=mood,
            met_person=story.occupant.name if story.occupant else "",
            findings=rng.choice(VISIT_FINDINGS[mood]),
            shortcomings=rng.choice(["", "", "上门前未提前预约时间。", "完工后现场清理不够。"])
            if not unhappy
            else "问题未彻底解决。",
            opinion=rng.choice(VISIT_OPINIONS) if not unhappy else "要求尽快返工彻底解决。",
        )
        if case.kind == "报修":
            result.site_checked = method == "上门"
            result.worker_conduct = rng.choice(
                ["按时到达,态度好", "工作认真,完工清理现场", "讲解清楚,收费合理"]
            )
            result.charges_checked = True
        form = self.forms.live_form(visit)
        if method == "上门":
            if form is not None:
                result.form_no = form.number
            pad = self.clock.now() >= self.pad_since or form is None
            customer = self.customer_signature(story, case, pad)
            result.met_person = customer.signer_name
            if pad:
                # Signed on the pad: the owner's signature and the visitor's.
                result.customer_signature = customer
                result.visitor_signature = SignatureCapture(
                    demo_strokes(rng.randrange(1 << 30)), 600, 200, person.name, ""
                )
            else:
                result.signed = True  # before the pad: signed on the paper form
            if rng.random() < 0.05:
                promised = (self.clock.now() + dt.timedelta(days=rng.randint(2, 5))).date()
                result.questions = [(rng.choice(VISIT_QUESTIONS), promised)]
        nxt = self.visits.complete(visit, result, actor=person)
        now = self.clock.now()
        if form is not None:
            self.at(self.working(now + self.minutes(40, 60 * 30)), lambda: self.return_form(form.id))
        for task in visit.tasks if result.questions else []:
            self.at(
                self.working(now + self.minutes(60 * 20, 60 * 24 * 3)),
                functools.partial(self.answer, task.id),
            )
        self.plan_reviews(story, visit, mood)
        if nxt is not None:
            # Not satisfied: the service reopened the case, wrote the rework notice and planned
            # the next visit; the department gets the notice and does the work again.
            story.case = Case.get_by_id(case.id)
            story.rework_done = True
            self.at(now + self.minutes(30, 60 * 20), functools.partial(self.deliver, story, visit.id))
            self.at(self.working(now + dt.timedelta(hours=rng.uniform(4, 40))), lambda: self.resolve(story))
            return
        if story.rework_done:
            self.notable.append((now, "rework", story))
        elif mood == "很满意" and case.kind == "投诉":
            self.notable.append((now, "praise", story))
        closing = self.working(now + self.minutes(10, 60 * 36))
        self.at(closing, lambda: self.close(story, f"回访{mood},关闭。"))

    def return_form(self, form_id: int) -> None:
        form = FormSheet.get_by_id(form_id)
        if form.state == FORM_OUT:
            self.forms.return_form(form, self.clerk().name)

    def answer(self, task_id: int) -> None:
        task = VisitTask.get_by_id(task_id)
        if task.answered_at is None:
            self.visits.answer_task(task, self.rng.choice(VISIT_ANSWERS))

    def deliver(self, story: Story, visit_id: int) -> None:
        notice = ReworkNotice.get_or_none(ReworkNotice.visit == visit_id)
        if notice is None or notice.delivered_at is not None:
            return
        to = story.assignee.name if story.assignee else self.clerk().name
        self.visits.deliver_notice(notice, to)

    def plan_reviews(self, story: Story, visit: Visit, mood: str) -> None:
        """主管审核 on most complaint visits, 项目经理意见 on the weighty ones, 总经理意见 on majors."""
        rng = self.rng
        case = story.case
        assert case is not None
        now = self.clock.now()
        director = self.crew.one("cs_director")
        levels: list[tuple[str, Staff, list[str]]] = []
        if visit.visitor_id != director.id and (
            (case.kind == "投诉" and rng.random() < 0.85) or rng.random() < 0.2
        ):
            levels.append(("主管审核", director, REVIEW_DIRECTOR))
        if mood in UNSATISFIED or case.severity != "轻微" or rng.random() < 0.08:
            levels.append(("项目经理意见", self.crew.one("office_manager"), REVIEW_MANAGER))
        if case.severity == "重大":
            levels.append(("总经理意见", self.crew.one("general_manager"), REVIEW_GM))
        when = now
        for level, who, texts in levels:
            when = self.working(when + self.minutes(60 * 2, 60 * 40))
            self.at(when, functools.partial(self.review, visit.id, level, who, rng.choice(texts)))

    def review(self, visit_id: int, level: str, who: Staff, opinion: str) -> None:
        self.visits.review(Visit.get_by_id(visit_id), level, who, opinion)

    # The open letter: one answer to many owners about the same matter ---------------------------
    def plan_letter(self) -> None:
        """After a summer storm several owners complain that the garage flooded; the office
        answers them all with one open letter, which closes their visits."""
        day = dt.date(self.now.year, 8, 18)
        if dt.datetime.combine(day, dt.time()) > self.now - dt.timedelta(days=20):
            day = dt.date(self.now.year - 1, 8, 18)
        residents = [o for o in self.estate.occupants if o.building != SHOP_BUILDING]
        owners = self.rng.sample(residents, k=4)
        group = LetterGroup([])
        for i, occ in enumerate(owners):
            when = dt.datetime.combine(day, dt.time(7, 40)) + self.minutes(0, 170)
            s = Story(
                GARAGE_FLOOD,
                when.replace(second=0),
                self.rng.choice(["电话", "来访", "网络"]),
                occ,
                False,
                "轻微",
                "紧急",
                "一类",
                self.texts(GARAGE_FLOOD, occ),
                plain=True,
                letter=group,
            )
            s.resolve_at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(16, 30 + 5 * i))
            group.stories.append(s)
            self.at(s.received, functools.partial(self.intake, s))

    def letter_ready(self, story: Story, visit: Visit | None) -> None:
        group = story.letter
        assert group is not None and story.case is not None
        if visit is None:
            self.at(self.working(self.clock.now() + self.minutes(120, 600)), lambda: self.close(story))
            return
        group.visits[story.case.id] = visit.id
        if len(group.visits) == len(group.stories):
            when = (self.clock.now() + dt.timedelta(days=1)).replace(hour=10, minute=0)
            self.at(when, lambda: self.send_letter(group))

    def send_letter(self, group: LetterGroup) -> None:
        visits = [Visit.get_by_id(v) for v in group.visits.values()]
        visits = [v for v in visits if v.state == domain.VISIT_PLANNED]
        if not visits:
            return
        first = group.stories[0]
        day = first.received
        body = LETTER_BODY.format(
            day=f"{day.month}月{day.day}日", office=self.office_name or DEMO_OFFICE_NAME
        )
        self.visits.open_letter(LETTER_TITLE, body, visits, actor=self.crew.one("cs_director"))
        for s in group.stories:
            self.at(
                self.working(self.clock.now() + self.minutes(60, 300)),
                functools.partial(self.close, s, "已以公开信答复,关闭。"),
            )
        self.notable.append((self.clock.now(), "letter", first))

    # Forms, typical cases: the desk's other paperwork --------------------------------------------
    def plan_paperwork(self, start: dt.datetime) -> None:
        """Blank forms printed every few months; typical cases marked at each quarter's end."""
        when = start + dt.timedelta(days=20)
        while when < self.now - dt.timedelta(days=30):
            self.at(when.replace(hour=9, minute=20), self.print_blanks)
            when += dt.timedelta(days=self.rng.randint(90, 150))
        # The last four quarters' ends, and the current quarter a few days ago.
        marks: list[tuple[dt.datetime, dt.datetime]] = []
        q_start = dt.datetime(self.now.year, 3 * ((self.now.month - 1) // 3) + 1, 1)
        marks.append((q_start, self.working((self.now - dt.timedelta(days=3)).replace(hour=16, minute=10))))
        for _ in range(4):
            prev = (q_start - dt.timedelta(days=1)).replace(day=1)
            prev = prev.replace(month=3 * ((prev.month - 1) // 3) + 1)
            if prev < start:
                break
            marks.append((prev, q_start - dt.timedelta(days=1) + dt.timedelta(hours=15, minutes=40)))
            q_start = prev
        for since, when in marks:
            if since < when <= self.now:
                self.at(when, functools.partial(self.mark_typical, since))
        # 归档: the director files each finished quarter's forms early in the next quarter,
        # by the 10th as the rules ask (seed 000 4.7); one quarter a little late, as happens.
        quarter = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
        while True:
            _, opens = quarter_span(quarter_of_day(quarter))
            day = self.rng.randint(3, 9) if self.rng.random() > 0.15 else self.rng.randint(11, 14)
            when = dt.datetime(opens.year, opens.month, day, 10, self.rng.randrange(0, 50))
            if when > self.now:
                break
            self.at(when, functools.partial(self.file_quarter, quarter_of_day(quarter)))
            quarter = opens

    def file_quarter(self, quarter: str) -> None:
        try:
            self.forms.archive(quarter, self.crew.one("cs_director"), remarks=f"档案盒 {quarter}")
        except UserError:  # nothing came back that quarter
            pass

    def print_blanks(self) -> None:
        self.blank_stock.extend(self.forms.issue_blank(self.rng.choice([5, 10]), self.clerk()))

    def mark_typical(self, since: dt.datetime) -> None:
        """The director picks the quarter's typical cases for the report, with a note why."""
        # Up to two, of different kinds: a rework, a major complaint, the letter, a praised one.
        by_tag: dict[str, list[Story]] = {}
        for when, tag, s in self.notable:
            if when >= since and s.case is not None:
                by_tag.setdefault(tag, []).append(s)
        picks: list[tuple[str, Story, int]] = []
        for tag in ("rework", "major", "letter", "praise"):
            taken = {p[2] for p in picks}
            options = [s for s in by_tag.get(tag, []) if s.case is not None and s.case.id not in taken]
            if options and len(picks) < 2:
                s = self.rng.choice(options)
                assert s.case is not None
                picks.append((tag, s, s.case.id))
        for tag, s, case_id in picks:
            case = Case.get_by_id(case_id)
            if case.typical or case.state in (domain.MERGED, domain.VOID):
                continue
            note = self.rng.choice(TYPICAL_NOTES[tag])
            self.cases.mark_typical(case, True, note, self.crew.one("cs_director"))
            s.case = case

    def close(self, story: Story, note: str = "") -> None:
        case = story.case
        if case is None or case.state != domain.RESOLVED:
            return
        self.cases.close(case, self.clerk(), note or self.rng.choice(CLOSE_NOTES))

    # The last days: what a newcomer should find open on the desk -------------------------------------
    def plan_finale(self) -> None:
        """A few cases placed on purpose, so the lists are never empty whatever the seed:
        new and unsigned ones, one due today, overdue ones, an extension, a pending major
        report, a merged duplicate, and last night's calls not yet carried into cases."""
        now = self.now
        rng = self.rng
        today = dt.datetime.combine(now.date(), dt.time())

        def story(when: dt.datetime, kind: str, stop: str = "", **kw: object) -> Story:
            s = self.make_story(when, 10**6, kind=kind, major=bool(kw.pop("major", False)))
            s.night = False
            if s.channel in ("夜间值班", "巡查发现"):
                s.channel = "电话"
            s.anonymous = False
            if s.occupant is None:
                s.occupant = rng.choice(self.estate.occupants)
            s.stop_after = stop
            for k, v in kw.items():
                setattr(s, k, v)
            return s

        # The last moment the desk was staffed: now in office hours, else the evening before.
        desk = now
        if not 9 <= now.hour < 20:
            desk = now.replace(hour=19, minute=50, second=0)
            if desk > now:
                desk -= dt.timedelta(days=1)
        self.desk = desk
        stories = [
            story(desk - dt.timedelta(minutes=40), "报修", stop="create"),
            story(desk - dt.timedelta(hours=1, minutes=10), "报修", stop="dispatch"),
            story(desk - dt.timedelta(hours=3), "投诉", stop="sign"),
            # Due today: received two days before, at a later hour of the day.
            story(
                today - dt.timedelta(days=2) + dt.timedelta(hours=17), "投诉", stop="sign", severity="轻微"
            ),
            # Overdue and still open.
            story(now - dt.timedelta(days=6, hours=3), "报修", stop="sign", severity="重要"),
            story(now - dt.timedelta(days=4, hours=5), "投诉", stop="sign", severity="轻微"),
            # A major complaint this morning, its report still to write.
            story(desk - dt.timedelta(hours=5), "投诉", stop="sign", major=True),
        ]
        for s in stories:
            s.texts["place"] = s.texts["place"] or "户内"
            self.at(s.received, functools.partial(self.intake, s))
        # Handled yesterday, its follow-up visit still to do.
        for kind, severity in (
            ("投诉", "轻微"),
            ("投诉", "重要"),
            ("投诉", "轻微"),
            ("报修", "轻微"),
            ("报修", "重要"),
        ):
            resolved = now - dt.timedelta(hours=rng.uniform(2, 18))
            if not 8 <= resolved.hour < 20:  # handled in office hours, the evening before
                resolved = (resolved - dt.timedelta(hours=12)).replace(hour=17)
            s = story(
                resolved - dt.timedelta(hours=rng.uniform(20, 44)),
                kind,
                severity=severity,
                force_visit=True,
                plain=True,
                visit_mode="leave",
            )
            s.resolve_at = resolved
            self.at(s.received, functools.partial(self.intake, s))
        # Visits on the calendar: one due today (its form signed out this morning), one
        # overdue after two calls, one overdue not yet tried.
        for days_ago, kind, mode in ((3, "投诉", "form_out"), (6, "投诉", "calls"), (10, "报修", "leave")):
            resolved = today - dt.timedelta(days=days_ago) + dt.timedelta(hours=15, minutes=rng.randrange(60))
            s = story(
                resolved - dt.timedelta(hours=rng.uniform(20, 44)),
                kind,
                severity="轻微",
                force_visit=True,
                plain=True,
                visit_mode=mode,
            )
            s.resolve_at = resolved
            self.at(s.received, functools.partial(self.intake, s))
        # This week's blank forms: one signed out ten days ago and still not back (the
        # dashboard flags it), one spoiled and voided, one taken yesterday, one in the drawer.
        self.at(self.working((now - dt.timedelta(days=12)).replace(hour=9, minute=10)), self.finale_forms)
        # Entered by mistake this week and voided.
        self.at(
            desk - dt.timedelta(days=3, hours=2),
            functools.partial(self.intake, story(desk - dt.timedelta(days=3, hours=2), "咨询", void=True)),
        )
        # An extension approved, its new deadline still ahead.
        ext = story(now - dt.timedelta(days=5), "报修", stop="sign", severity="轻微")
        self.at(ext.received, lambda: self.intake(ext))
        self.at(ext.received + dt.timedelta(hours=30), lambda: self.extend(ext, now + dt.timedelta(days=3)))
        # The same leak reported twice, merged.
        first = story(now - dt.timedelta(days=1, hours=4), "报修", stop="sign")
        first.scenario = REPAIRS[0]
        first.texts = self.texts(first.scenario, first.occupant)
        second = Story(
            first.scenario,
            now - dt.timedelta(hours=20),
            "网络",
            first.occupant,
            False,
            first.severity,
            first.urgency,
            None,
            dict(first.texts),
            repeat_of=first,
        )
        second.texts["account"] = "业主在APP上再次反映:" + first.texts["account"]
        self.at(first.received, lambda: self.intake(first))
        self.at(second.received, lambda: self.force_merge(second))
        # Last night's calls, for the morning clerk.
        night_start = today + dt.timedelta(hours=22)
        if now < night_start + dt.timedelta(hours=1):
            night_start -= dt.timedelta(days=1)
        night_end = min(night_start + dt.timedelta(hours=8), now - dt.timedelta(minutes=10))
        for _ in range(3):
            when = (night_start + (night_end - night_start) * rng.random()).replace(second=0, microsecond=0)
            s = self.make_story(when, 10**6, kind=rng.choice(["报修", "投诉", "求助"]))
            s.occupant = s.occupant or rng.choice(self.estate.occupants)
            s.anonymous = False
            self.at(when, functools.partial(self.night_call_only, s))

    def finale_forms(self) -> None:
        clerk = self.clerk()
        forms = self.forms.issue_blank(4, clerk)
        self.forms.void(forms[1], "打印错误", clerk)
        stewards = self.crew.by_role["steward"]
        self.at(
            self.working((self.now - dt.timedelta(days=10)).replace(hour=10, minute=5)),
            lambda: self.forms.sign_out(forms[0], stewards[0], visit_item="季度巡访", remarks="巡访备用"),
        )
        self.at(
            self.desk - dt.timedelta(days=1, minutes=30),
            lambda: self.forms.sign_out(forms[2], stewards[-1], remarks="备用"),
        )

    def force_merge(self, story: Story) -> None:
        story.case = self.cases.create(self.case_input(story), self.clerk())
        original = story.repeat_of.case if story.repeat_of else None
        if original is not None and original.state != domain.MERGED:
            self.cases.merge(story.case, original, self.clerk())

    def night_call_only(self, story: Story) -> None:
        occ = story.occupant
        assert occ is not None
        duty = self.crew.by_role["night_duty"][0]
        self.nightlog.add(
            content=story.texts["account"],
            caller=occ.name,
            phone=occ.phone,
            room=occ.label,
            action_taken="已安抚业主,早上交客服处理",
            logged_by=duty.name,
            at=story.received,
        )

    def plan_major_history(self, start: dt.datetime) -> None:
        """Two past major complaints at least, one report submitted and one left as a draft."""
        span = (self.now - start).total_seconds()
        for share, draft in ((0.3, False), (0.75, True)):
            when = self.working(start + dt.timedelta(seconds=span * share))
            s = self.make_story(when.replace(hour=10), 10**6, kind="投诉", major=True)
            s.anonymous = False
            s.night = False
            s.occupant = s.occupant or self.rng.choice(self.estate.occupants)
            s.major_draft_only = draft
            self.at(s.received, functools.partial(self.intake, s))


def _acting_as(name: str) -> contextlib.AbstractContextManager[object]:
    """Who the audit trail names for the demo's changes, where this version keeps one."""
    acting = getattr(models, "acting_as", None)
    return acting(name) if acting is not None else contextlib.nullcontext()


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


# The entry point ---------------------------------------------------------------------------------
def has_data() -> str:
    """What the data folder already holds, in words, or '' when it is empty enough for the demo."""
    parts = []
    for model, label in (
        (Case, "件案件"),
        (Room, "个房号"),
        (Owner, "位住户"),
        (NightLogEntry, "条值班记录"),
    ):
        count = model.select().count()
        if count:
            parts.append(f"{count} {label}")
    return "、".join(parts)


def fill_demo(
    office: Office,
    seed: int = 2026,
    years: int = 2,
    scale: float = 1.0,
    progress: Callable[[str], None] | None = None,
) -> str:
    """Fill an empty data folder with `years` of demo data ending at the office clock's now.

    `scale` shrinks the estate and the number of calls (tests use a small one). Refuses a
    folder that already holds cases, rooms or owners, so running it twice changes nothing.
    """
    started = time.perf_counter()
    if years < 1 or years > 5:
        raise UserError("演示数据年数应为 1 至 5 年")
    if not 0.05 <= scale <= 3:
        raise UserError("演示数据规模应在 0.05 至 3 之间")
    existing = has_data()
    if existing:
        raise UserError(
            f"数据文件夹 {office.data_dir} 里已有数据({existing}),不能再填入演示数据。"
            "演示数据只能填入新的空文件夹,例如:python -m app --data-dir 新文件夹 demo"
        )
    created_admin = False
    if not office.is_initialised():
        office.initialise(DEMO_OFFICE_NAME, DEMO_ADMIN, DEMO_ADMIN_PASSWORD, "系统管理员")
        created_admin = True
    now = office.clock.now().replace(second=0, microsecond=0)
    start = now - dt.timedelta(days=round(365.25 * years))
    rng = random.Random(seed)
    people = _People(rng)
    # One transaction: a demo that fails half-way leaves the folder as it was, ready to retry.
    say = progress or (lambda _text: None)
    with db.atomic(), _acting_as("演示数据"):
        say("正在建立小区、住户和员工…")
        estate = _build_estate(rng, people, scale, now)
        crew = _build_crew(office, rng, people, estate)
        say(f"正在演出 {years} 年的来电、处理、回访和表单(约需一两分钟)…")
        replay = _Replay(office, rng, estate, crew, now)
        replay.plan_arrivals(start, scale)
        replay.plan_major_history(start)
        replay.plan_finale()
        replay.plan_letter()
        replay.plan_paperwork(start)
        replay.run(start, progress)
        say("正在建立搜索索引…")
        replay.cases.reindex_all()
        office.set_setting(
            "demo", {"seed": seed, "years": years, "scale": scale, "filled_at": f"{now:%Y-%m-%d %H:%M}"}
        )
    counts = demo_counts(office)
    return summary(office, counts, crew, created_admin, time.perf_counter() - started)


def demo_counts(office: Office) -> dict[str, object]:
    """What the data folder holds, counted; the summary and the tests read it."""
    query = CaseQuery(office.clock)
    counts: dict[str, object] = {
        "rooms": Room.select().count(),
        "shops": Room.select().where(Room.building == SHOP_BUILDING).count(),
        "buildings": Room.select(Room.building).where(Room.building != SHOP_BUILDING).distinct().count(),
        "occupants": dict(Counter(o.occupant_type for o in Owner.select(Owner.occupant_type))),
        "staff": dict(Counter(s.role for s in Staff.select(Staff.role))),
        "cases": Case.select().count(),
        "states": dict(Counter(c.state for c in Case.select(Case.state))),
        "kinds": dict(Counter(c.kind for c in Case.select(Case.kind))),
        "severities": dict(Counter(c.severity for c in Case.select(Case.severity))),
        "channels": dict(Counter(c.channel for c in Case.select(Case.channel))),
        "anonymous": Case.select().where(Case.anonymous == True).count(),  # noqa: E712
        "overdue": query.count(CaseFilter(overdue=True)),
        "due_today": query.count(CaseFilter(due_today=True)),
        "dispatches": Dispatch.select().count(),
        "extensions": Extension.select().count(),
        "major_reports": MajorReport.select().count(),
        "major_submitted": MajorReport.select().where(MajorReport.submitted_at.is_null(False)).count(),
        "visits": dict(Counter(v.state for v in Visit.select(Visit.state))),
        "satisfaction": dict(
            Counter(v.satisfaction for v in Visit.select(Visit.satisfaction) if v.satisfaction)
        ),
        "decisions": VisitDecision.select().count(),
        "selected": VisitDecision.select().where(VisitDecision.selected == True).count(),  # noqa: E712
        "by_hand": VisitDecision.select()
        .where(VisitDecision.by_hand == True, VisitDecision.selected == True)  # noqa: E712
        .count(),
        "dropped": VisitDecision.select()
        .where(VisitDecision.by_hand == True, VisitDecision.selected == False)  # noqa: E712
        .count(),
        "attempts": VisitAttempt.select().count(),
        "rework_notices": ReworkNotice.select().count(),
        "letters": OpenLetter.select().count(),
        "signatures": Signature.select().count(),
        "forms": dict(Counter(f.state for f in FormSheet.select(FormSheet.state))),
        "forms_out_too_long": len(office.forms.out_too_long()),
        "reviews": dict(Counter(r.level for r in VisitReview.select(VisitReview.level))),
        "typical": Case.select().where(Case.typical == True).count(),  # noqa: E712
        "nightlog": NightLogEntry.select().count(),
        "nightlog_pending": NightLogEntry.select().where(NightLogEntry.case.is_null()).count(),
    }
    return counts


def _join(counter: object, order: Sequence[str] | None = None) -> str:
    assert isinstance(counter, dict)
    keys = [k for k in (order or []) if k in counter] + sorted(k for k in counter if k not in (order or []))
    return "、".join(f"{k} {counter[k]}" for k in keys)


def summary(
    office: Office, counts: dict[str, object], crew: Crew, created_admin: bool, seconds: float
) -> str:
    staff = counts["staff"]
    assert isinstance(staff, dict)
    roles = "、".join(f"{domain.ROLES.get(r, r)} {n}" for r, n in staff.items())
    visits, forms, reviews = counts["visits"], counts["forms"], counts["reviews"]
    assert isinstance(visits, dict) and isinstance(forms, dict) and isinstance(reviews, dict)
    lines = [
        f"演示数据已填入:{office.name}({office.data_dir})",
        f"  截至 {office.clock.now():%Y-%m-%d %H:%M},用时 {seconds:.1f} 秒",
        f"  房号 {counts['rooms']} 个({counts['buildings']} 栋住宅,商铺 {counts['shops']} 间,楼栋“{SHOP_BUILDING}”为商铺)",
        f"  住户:{_join(counts['occupants'], domain.OCCUPANT_TYPES)}",
        f"  员工:{roles}",
        f"  案件 {counts['cases']} 件:{_join(counts['states'], domain.STATES)}",
        f"  性质:{_join(counts['kinds'], domain.KINDS)}",
        f"  程度:{_join(counts['severities'], domain.SEVERITIES)};匿名 {counts['anonymous']} 件",
        f"  未结中逾期 {counts['overdue']} 件,今日到期 {counts['due_today']} 件;"
        f"派工单 {counts['dispatches']} 张,延期 {counts['extensions']} 次",
        f"  重大投诉报告 {counts['major_reports']} 份(已提交 {counts['major_submitted']} 份)",
        f"  回访 {sum(visits.values())} 条:{_join(visits)};满意度:{_join(counts['satisfaction'], domain.SATISFACTION)}",
        f"  抽样决定 {counts['decisions']} 条(抽中 {counts['selected']} 件,其中手工加入 {counts['by_hand']} 件;"
        f"手工取消 {counts['dropped']} 件);"
        f"联系未果 {counts['attempts']} 次;返工通知 {counts['rework_notices']} 份;公开信 {counts['letters']} 封",
        f"  签名 {counts['signatures']} 个;回访记录表 {sum(forms.values())} 份:{_join(forms, FORM_STATES)},"
        f"领用超期未交回 {counts['forms_out_too_long']} 份",
        f"  审核意见 {sum(reviews.values())} 条:{_join(reviews)};典型案例 {counts['typical']} 件",
        f"  夜间值班记录 {counts['nightlog']} 条,其中待转案件 {counts['nightlog_pending']} 条",
        "登录:",
    ]
    if created_admin:
        lines.append(f"  {DEMO_ADMIN} / {DEMO_ADMIN_PASSWORD}  系统管理员")
    else:
        lines.append("  管理员:沿用原有的登录名和密码")
    for login, who, what in crew.logins:
        lines.append(f"  {login} / {DEMO_PASSWORD}  {who},{what}")
    return "\n".join(lines)
