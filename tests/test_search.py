"""Full-text search finds Chinese text anywhere in a case, two-character words included."""

import pytest

from app import search
from app.case_query import CaseFilter


def test_pairs_and_match_expression():
    assert search.pairs("漏水管") == ["漏水", "水管", "管"]
    assert search.pairs("A栋 漏水!") == ["a栋", "栋", "漏水", "水"]
    assert search.match_expression("漏水") == '"漏水"'
    assert search.match_expression("漏水管道") == '"漏水 水管 管道"'
    assert search.match_expression("水") == '"水"*'
    assert search.match_expression("电梯 噪音") == '"电梯" AND "噪音"'
    assert search.match_expression("  ,。! ") is None


@pytest.fixture
def cases(make_case):
    return {
        "leak": make_case(account="卫生间天花板漏水,滴到地板上"),
        "lift": make_case(account="3号电梯异响", kind="投诉", category="设施设备维护"),
        "noise": make_case(account="楼上装修噪音太大", kind="投诉", category="装修", request="限制施工时间"),
        "phone": make_case(account="门禁卡失效", customer_phone="13900001111", customer_name="李娜"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("漏水", {"leak"}),
        ("电梯", {"lift"}),
        ("天花板漏水", {"leak"}),
        ("花板", {"leak"}),
        ("施工时间", {"noise"}),  # in the request, not the account
        ("李娜", {"phone"}),
        ("1390000", {"phone"}),
        ("装修 噪音", {"noise"}),
        ("噪音 漏水", set()),
        ("漏电", set()),
        ("'; DROP", set()),
        ('"漏水', {"leak"}),
    ],
)
def test_search_finds_substrings(office, cases, text, expected):
    found = {c.id for c in office.query.page(CaseFilter(text=text))}
    assert found == {cases[k].id for k in expected}


def test_search_sees_later_notes_and_results(office, cases, admin):
    office.cases.add_note(cases["lift"], "已通知电梯维保公司更换曳引轮", admin)
    assert [c.id for c in office.query.page(CaseFilter(text="曳引"))] == [cases["lift"].id]
    office.cases.resolve(cases["leak"], "修补防水层", admin)
    assert [c.id for c in office.query.page(CaseFilter(text="防水"))] == [cases["leak"].id]


def test_like_fallback_matches_the_same_words(office, cases):
    from app.models import Case

    condition = search.like_condition([Case.account, Case.request], "漏水")
    assert [c.id for c in Case.select().where(condition)] == [cases["leak"].id]


def test_common_words_take_the_paging_path(office, cases, monkeypatch):
    import app.case_query as case_query

    monkeypatch.setattr(case_query, "MANY_HITS", 0)
    found = {c.id for c in office.query.page(CaseFilter(text="漏水"))}
    assert found == {cases["leak"].id}
    assert office.query.count(CaseFilter(text="漏水")) == 1
