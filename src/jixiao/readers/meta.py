"""Who and when: whether a document names itself a self-evaluation, and (later) its title, unit,
supervising department, recipient and fiscal year from the lines real documents carry.

Word lists live in ``data/meta.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from jixiao.readers.blocks import Document, Paragraph, Table


@cache
def words() -> dict[str, Any]:
    text = resources.files("jixiao.data").joinpath("meta.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _squash(text: str) -> str:
    return "".join(text.split())


def _name_ends(text: str) -> list[int]:
    """Where each self-evaluation name found in ``text`` (squashed) ends."""
    return [k + len(n) for n in words()["self_evaluation"]["names"] if (k := text.find(n)) >= 0]


def _about_others(text: str) -> bool:
    return any(x in text for x in words()["self_evaluation"]["not_when"])


def _names_itself(text: str, short: int) -> bool:
    """A title-like line carrying the name (short, not a sentence), or a heading that runs into its body
    ("…项目绩效自评综述：根据…")."""
    t = _squash(text)
    ends = _name_ends(t)
    if not ends or _about_others(t):
        return False
    if len(t) <= short and not t.endswith(("。", "；", ";")) and "，" not in t:
        return True
    return any(t[e: e + 1] in ("：", ":") for e in ends)


def _candidates(doc: Document) -> Iterable[str]:
    w = words()["self_evaluation"]
    first, prefix, short = int(w["first_paragraphs"]), int(w["name_prefix"]), int(w["short_line"])
    seen = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            t = block.text.strip()
            if not t:
                continue
            seen += 1
            if seen <= first:
                yield t[:prefix]
            elif len(t) <= short:
                yield t
        elif isinstance(block, Table):
            for row in block.rows[:6]:
                for cell in row:
                    if isinstance(cell, str) and cell.strip() and len(cell.strip()) <= short:
                        yield cell


def names_itself_self_evaluation(doc: Document) -> bool:
    """True when the document calls itself a self-evaluation (绩效自评报告, 自评表, 自评综述 …) in a
    title-like line (its opening lines, a short line anywhere, a table's title cell) or in a heading
    that runs into its body; False when its first line says it is about them (a notice, a template)."""
    short = int(words()["self_evaluation"]["short_line"])
    first = next((b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.strip()), "")
    if _about_others(_squash(first)[:60]):
        return False
    return any(_names_itself(t, short) for t in _candidates(doc))


# ------------------------------------------------------------------------------------ who and when

_YEAR_BRACKET = re.compile(r"[（(]\s*(20\d{2})\s*年度?\s*[)）]")
_YEAR_DU = re.compile(r"(?<!\d)(20\d{2})\s*年度")
_YEAR_PLAIN = re.compile(r"(?<!\d)(20\d{2})\s*年(?!\s*\d{1,2}\s*月)")


@cache
def _chrome_words() -> tuple[str, ...]:
    return tuple(words()["page"]["chrome"])


def is_page_chrome(line: str) -> bool:
    """A line a web page or viewer adds (索引号 | …, 发布日期, 浏览次数, 字号): no part of the document."""
    t = _squash(line)
    chrome = _chrome_words()
    return len(t) <= 120 and (t.startswith(chrome) or (t.count("|") >= 2 and any(w in t for w in chrome)))


def clean_title(title: str | None) -> str | None:
    """A title read off a row of cells ("2022年度项目支出绩效自评表 | 部门:…|") is its first cell."""
    if title and "|" in title:
        title = next((c.strip() for c in title.split("|") if c.strip()), "")
    if title:
        w = words()["who"]
        cuts = [k for lab in w["title_cuts"] if (k := title.find(lab)) >= 6]
        if cuts:
            title = title[: min(cuts)].rstrip("：: ")
    return title or None


@cache
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()["title"]
    marks = "|".join(re.escape(x) for x in sorted(w["attachment_marks"], key=len, reverse=True))
    number = r"[0-9０-９一二三四五六七八九十]*(?:\s*[-－—–]\s*[0-9０-９]+)?"
    attachment = re.compile(r"^(?:" + marks + r")\s*" + number + r"\s*[:：]?$")
    who = words()["who"]
    labels = sorted({*w["field_labels"], *who["organization_labels"], *who["supervisor_labels"]}, key=len, reverse=True)
    label = re.compile(r"^(?:" + "|".join(re.escape(x) for x in labels) + r")" + _label_note() + r"\s*[:：]")
    return attachment, label


def is_attachment_mark(line: str) -> bool:
    """A line that only marks an attachment (附件2, 附件1-2：, 附表): above a title, never part of it."""
    return bool(_title_patterns()[0].match(_squash(line)))


def is_label_line(line: str) -> bool:
    """A form's field line (填报单位：…, 项目名称：…): a field to read, never a title."""
    return bool(_title_patterns()[1].match(_squash(line)))


def strip_file_extension(line: str) -> str:
    t = line.strip()
    for ext in words()["page"]["file_extensions"]:
        if t.lower().endswith(ext) and len(t) > len(ext) + 2:
            return t[: -len(ext)].strip()
    return line


def _texts(doc: Document, limit: int = 40) -> list[str]:
    """Of the first ``limit`` (≤ 60) opening lines and first rows' cells, those that are not a page's own."""
    global _last_texts
    last = _last_texts
    if last is None or last[0] is not doc:  # fiscal_year, organization and supervisor ask of one document
        raw = _opening_texts(doc, 60)  # the first ``limit`` of these are _opening_texts(doc, limit)
        last = _last_texts = (doc, [(t, is_page_chrome(t)) for t in raw])
    return [t for t, chrome in last[1][:limit] if not chrome]


_last_texts: tuple[Document, list[tuple[str, bool]]] | None = None


def _opening_texts(doc: Document, limit: int) -> list[str]:
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                out.append(block.text.strip())
        elif isinstance(block, Table):
            for row in block.rows[:12]:
                out.extend(c.strip() for c in row if isinstance(c, str) and c.strip())
        if len(out) >= limit:
            break
    return out[:limit]


def fiscal_year(doc: Document, title: str | None) -> int | None:
    """The year evaluated: a bracketed year of a title ("（2020年度）"), else "2023年度", else a plain year of
    the title; never a date (2024年3月26日) nor a page's publication line."""
    texts = _texts(doc, 40)
    for rx in (_YEAR_BRACKET, _YEAR_DU):
        for t in ([title] if title else []) + texts:
            m = rx.search(t)
            if m:
                return int(m.group(1))
    if title:
        m = _YEAR_PLAIN.search(title)
        if m:
            return int(m.group(1))
    return None


@cache
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()["who"]
    alt = "|".join(re.escape(x) for x in sorted(w["organization_labels"], key=len, reverse=True))
    sup = "|".join(re.escape(x) for x in sorted(w["supervisor_labels"], key=len, reverse=True))
    nxt = "|".join(re.escape(x) for x in w["next_labels"])
    value = _label_note() + r"\s*[:：]\s*(?P<v>[^\s|:：，,。；;]{2,40}?)(?=" + nxt + r"|[\s|:：，,。；;]|$)"
    return re.compile(r"(?<!主管)(?<!中央)(?:" + alt + r")" + value), re.compile(r"(?<!中央)(?:" + sup + r")" + value)


@cache
def _line_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line that is only "label：value", for the organization and the supervisor labels (same lists as
    ``_label_patterns``); the value is the rest of the line."""
    w = words()["who"]

    def line(labels: list[str]) -> re.Pattern[str]:
        alt = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
        return re.compile(r"^\s*(?:" + alt + r")" + _label_note() + r"\s*[:：]\s*(.+?)\s*$")

    return line(w["organization_labels"]), line(w["supervisor_labels"])


def organization_line(line: str) -> str | None:
    """The value of a line "实施单位：X" / "单位名称：X" (up to a tab: the next cell of a row), else None; None
    too when X is not a name (:func:`labelled_unit`)."""
    m = _line_patterns()[0].match(line)
    return labelled_unit(m.group(1).split("\t")[0].strip()) if m else None


def supervisor_line(line: str) -> str | None:
    """The value of a line "主管部门：X" (地方主管部门, 主管单位), else None (also when X is not a name)."""
    m = _line_patterns()[1].match(line)
    return labelled_unit(m.group(1).split("\t")[0].strip()) if m else None


_NUMBER = re.compile(r"[0-9０-９]")
_DATE_ANY = re.compile(r"[〇○零一二三四五六七八九十]{2,4}\s*年\s*[〇○零一二三四五六七八九十]{1,2}\s*月")
_SENTENCE = re.compile(r"[。，,；;！？!?]")


@cache
def _label_words() -> tuple[str, ...]:
    who, title, u = words()["who"], words()["title"], words()["unit_name"]
    every = {*who["organization_labels"], *who["supervisor_labels"], *who["next_labels"], *title["field_labels"],
             *u["form_labels"]}
    return tuple(sorted((x.rstrip("：:") for x in every if len(x.rstrip("：:")) > 2), key=len, reverse=True))


def labelled_unit(value: str | None) -> str | None:
    """A value written after a unit's label, unless it is no name at all: empty, a number or a date (any
    digit, "二〇二四年三月"), another label ("填报日期", "项目名称"), a sentence (。，；) or longer than a
    name can be. The value is otherwise kept as written."""
    if value is None:
        return None
    t = _squash(value)
    max_chars = int(words()["unit_name"]["max_chars"]) + 10
    if not t or len(t) > max_chars or _NUMBER.search(t) or _DATE_ANY.search(t) or _SENTENCE.search(t):
        return None
    if t.rstrip("：:") in {*_label_words(), "部门", "单位"} or t.startswith(_label_words()):
        return None
    return value


def _labelled(doc: Document, rx: re.Pattern[str]) -> str | None:
    for t in _texts(doc, 60):
        for m in rx.finditer(t):
            v = labelled_unit(m.group("v"))
            if v:
                return v
    return None


def organization_from_lines(doc: Document) -> str | None:
    """实施单位/填报单位/单位名称/部门: X written inside a line, run together or not."""
    return _labelled(doc, _label_patterns()[0])


def supervisor_from_lines(doc: Document) -> str | None:
    return _labelled(doc, _label_patterns()[1])


def organization_from_title(title: str | None) -> str | None:
    """"X学校2023年度项目支出绩效自评报告" and "X局关于…的绩效自评报告" name their unit X (when X has a unit's
    name's shape, :func:`plausible_unit`)."""
    if not title:
        return None
    m = re.match(r"^(?P<org>[^\d（(]{4,30}?)\s*(?:关于|20\d{2}\s*年)", title.strip())
    return plausible_unit(m.group("org")) if m else None


# ------------------------------------------------------------------------- a unit's name's shape

_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff（）()]+$")
_DATE_TAIL = re.compile(r"\s*(?:20\d{2}|[二〇○零一]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
                        r"(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?\s*$")


def _label_note() -> str:
    """A short note between a label and its colon ("填报单位（盖章）："), optional."""
    n = int(words()["who"]["label_note"])
    return r"(?:\s*[（(][^）)]{1," + str(n) + r"}[）)])?"


@cache
def _unit_rules() -> tuple[int, int, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    u = words()["unit_name"]
    return (int(u["min_chars"]), int(u["max_chars"]), tuple(u["never_holds"]), tuple(u["never_starts"]),
            tuple(words()["who"]["org_suffixes"]), tuple(u["seal_notes"]))


def plausible_unit(name: str | None) -> str | None:
    """``name`` (spaces, a trailing date and a seal's note dropped) when it has the shape of a unit's name:
    4–30 Chinese characters (brackets allowed, balanced) ending like a unit's name (局, 中心, 学校 …), holding
    no form or sentence word (指标, 资金, 按照 …) and not starting like a sentence going on (和, 要, 对 …);
    else None. Used on every name read without a label before it: a wrong addressee is worse than none."""
    if not name:
        return None
    lo, hi, holds, starts, suffixes, seals = _unit_rules()
    t = _squash(_DATE_TAIL.sub("", name))
    for seal in seals:
        if t.endswith(seal):
            t = t[: -len(seal)]
    if not (lo <= len(t) <= hi) or not _NAME_CHARS.match(t):
        return None
    if t.count("（") + t.count("(") != t.count("）") + t.count(")"):
        return None
    if not t.endswith(suffixes) or t.startswith(starts) or any(x in t for x in holds):
        return None
    return t


@cache
def _bare_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    u, who, title = words()["unit_name"], words()["who"], words()["title"]

    def alt(labels: Iterable[str]) -> str:
        return "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))

    run = r")\s*(?P<v>[\u4e00-\u9fff（）()]{2,60})"
    stops = {*who["next_labels"], *who["organization_labels"], *who["supervisor_labels"], *title["field_labels"],
             *u["form_labels"]} - {"部门", "单位"}
    return (re.compile(r"(?<!主管)(?:" + alt(u["bare_organization_labels"]) + run),
            re.compile(r"(?<!中央)(?:" + alt(u["bare_supervisor_labels"]) + run),
            re.compile(alt(stops)), tuple(u["form_labels"]))


def _bare_value(run: str) -> str | None:
    """The unit's name at the start of a run of characters that followed a label with no colon: up to the next
    label, then the longest part ending like a unit's name that has a unit's name's shape."""
    stops = _bare_patterns()[2]
    m = stops.search(run)
    if m:
        run = run[: m.start()]
    suffixes = _unit_rules()[4]
    ends = sorted({k + len(x) for k in range(len(run)) for x in suffixes if run.startswith(x, k)}, reverse=True)
    for e in ends:
        name = plausible_unit(run[:e])
        if name:
            return name
    return None


def _bare(doc: Document, rx: re.Pattern[str]) -> str | None:
    """A label with no colon on a line that holds at least two of a form's labels (the cells of a form run
    together or separated by spaces: "主管部门银川市教育局实施单位…", "主管部门 稷山县医疗保障局 项目资金")."""
    form_labels = _bare_patterns()[3]
    for t in _texts(doc, 60):
        if sum(1 for x in form_labels if x in t) < 2:
            continue
        for m in rx.finditer(t):
            name = _bare_value(m.group("v"))
            if name:
                return name
    return None


def organization_unlabelled(doc: Document) -> str | None:
    """实施单位/填报单位 X with no colon on a form's run-together line, when X has a unit's name's shape."""
    return _bare(doc, _bare_patterns()[0])


def supervisor_unlabelled(doc: Document) -> str | None:
    """主管部门 X with no colon on a form's run-together line, when X has a unit's name's shape."""
    return _bare(doc, _bare_patterns()[1])


def organization_beside_supervisor(doc: Document, supervisor: str | None) -> str | None:
    """On a form's line of cells separated by spaces where merged cells displaced the 实施单位 cell ("实施单位
    全年预算数 …"), the one cell that is a unit's name of the supervisor's own place ("稷山县医疗保障局" →
    "稷山县医疗保险服务中心"), other than the supervisor; None when there is none or more than one."""
    if not supervisor:
        return None
    places = tuple(words()["title"]["place_suffixes"])
    sup = _squash(supervisor)
    place = next((sup[: k + 1] for k in range(1, len(sup) - 1) if sup[: k + 1].endswith(places)), None)
    if place is None:
        return None
    org_labels, form_labels = tuple(words()["unit_name"]["bare_organization_labels"]), _bare_patterns()[3]
    found: set[str] = set()
    for t in _texts(doc, 60):
        if not any(x in t for x in org_labels) or sum(1 for x in form_labels if x in t) < 2:
            continue
        for cell in re.split(r"[\s|]+", t):
            name = plausible_unit(cell) if cell.startswith(place) else None
            if name and name != sup:
                found.add(name)
    return found.pop() if len(found) == 1 else None


@cache
def _self_reference() -> re.Pattern[str]:
    u = words()["unit_name"]
    ref = "|".join(re.escape(x) for x in sorted(u["self_reference"], key=len, reverse=True))
    short = "|".join(re.escape(x) for x in sorted(u["self_names"], key=len, reverse=True))
    return re.compile(r"(?P<run>[\u4e00-\u9fff]{4,40})\s*[（(]\s*(?:" + ref + r")\s*[:：]?\s*[“”\"'‘’「]?\s*(?:"
                      + short + r")")


def organization_self_named(doc: Document) -> str | None:
    """"青石县教育局（以下简称“我局”）…": the unit names itself in full before calling itself 我局/我校/本单位.
    The name is the shortest end of the characters before the bracket that has a unit's shape and starts with
    a place's name (two or more characters and 省/市/县/区 …), taken further left over whole place names
    before it ("芜湖市" of "芜湖市镜湖区…") and a leading 中共; never a sentence's words before it."""
    for t in _texts(doc, 60):
        for m in _self_reference().finditer(t):
            name = _place_named_end(m.group("run"))
            if name:
                return name
    return None


def _place_named_end(run: str) -> str | None:
    places = tuple(words()["title"]["place_suffixes"])

    def starts_with_place(text: str) -> bool:
        return any(text[k].endswith(places) for k in range(2, min(len(text), 8)))

    for k in range(len(run) - 4, -1, -1):
        if plausible_unit(run[k:]) and starts_with_place(run[k:]):
            while True:
                longer = next((k - j for j in (3, 4, 5) if k - j >= 0 and run[k - j: k].endswith(places)
                               and plausible_unit(run[k - j:])), None)
                if longer is None and run[max(k - 2, 0): k] == "中共" and plausible_unit(run[k - 2:]):
                    longer = k - 2
                if longer is None:
                    return plausible_unit(run[k:])
                k = longer
    return None


def closing_unit(line: str) -> str | None:
    """A closing line (落款) that is a unit's name, with or without its date and seal note
    ("青石县教育局", "青石县教育局（盖章） 2024年3月5日")."""
    return plausible_unit(line)


__all__ = [
    "clean_title",
    "closing_unit",
    "fiscal_year",
    "is_attachment_mark",
    "is_label_line",
    "is_page_chrome",
    "labelled_unit",
    "names_itself_self_evaluation",
    "organization_beside_supervisor",
    "organization_from_lines",
    "organization_from_title",
    "organization_line",
    "organization_self_named",
    "organization_unlabelled",
    "plausible_unit",
    "strip_file_extension",
    "supervisor_from_lines",
    "supervisor_line",
    "supervisor_unlabelled",
    "words",
]
