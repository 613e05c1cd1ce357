#!/usr/bin/env python3
"""Renders the five seed reports as government-style web pages, and through
LibreOffice as Word documents and PDF files, for tests/test-readers.c.

    tests/data/formats/make-fixtures.py            # writes NNN.html
    tests/data/formats/make-fixtures.py --convert  # and NNN.docx, NNN.pdf, …

The narrative is the seed's own text; the three tables are real <table>
markup in the statutory layout, with merged headers, filled with the
values of tests/data/expected (so each fixture must import to exactly the
seed's cells). Seed 003 has one number too many in table 四: its web page
keeps it, in a sixteenth column with no header, as the published page did.

The committed files were made once with this script; the tests never run
LibreOffice (`--convert` needs it, and qpdf for the encrypted PDF).
"""
import json
import os
import quopri
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SEEDS = ["000_773531145496868f", "001_7d60a9f0c8604645", "002_85dfb0a95ba47af5",
         "003_babb1a0d8021a832", "004_f0cbcda3827e0aad"]

# How each page declares its charset, and what it is encoded in: the
# charsets Chinese government sites use.
ENCODINGS = {
    "000": ("utf-8", '<meta charset="utf-8">'),
    "001": ("gb18030", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    "002": ("gb18030", '<meta charset="gbk">'),
    "003": ("utf-8", ""),
    "004": ("utf-8", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'),
}

HEADING = re.compile(r"^\s*([一二三四五六])[、．.]\s*(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|"
                     r"政府信息公开行政复议|存在的主要问题|其他需要报告)")
TABLE_SECTIONS = {"二", "三", "四"}

T3_ROWS = [
    ("received", None, None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, None, "二、上年结转政府信息公开申请数量"),
    ("granted", "results", None, "（一）予以公开"),
    ("partially_granted", "results", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "results", "（三）不予公开", "1.属于国家秘密"),
    ("withheld.prohibited_by_law", "results", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld.security_stability", "results", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld.third_party", "results", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld.internal_affairs", "results", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld.process_information", "results", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld.enforcement_files", "results", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld.inquiry_matters", "results", "（三）不予公开", "8.属于行政查询事项"),
    ("unavailable.not_held", "results", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "results", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear_after_correction", "results", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", "results", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "results", "（五）不予处理", "2.重复申请"),
    ("not_processed.publication", "results", "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed.excessive", "results", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed.confirmation", "results", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_handling.no_correction", "results", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_handling.no_fee", "results", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_handling.other", "results", "（六）其他处理", "3.其他"),
    ("results_total", "results", None, "（七）总计"),
    ("carried_forward", None, None, "四、结转下年度继续办理"),
]
T3_COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service",
              "other", "total"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"]


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value)


def td(content, colspan=1, rowspan=1, tag="td"):
    attrs = ""
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    # text inside nested p/span/font, as editors of government sites write it
    return f'<{tag}{attrs}><p><span style="font-size:10.5pt"><font face="宋体">{content}</font></span></p></{tag}>'


def table_t2(cells):
    v = lambda row, col: cell_text(cells[f"t2/{row}/{col}"])
    rows = []
    rows.append("<tr>" + td("第二十条第（一）项", 4) + "</tr>")
    rows.append("<tr>" + td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数") + "</tr>")
    for row, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        rows.append("<tr>" + td(label) + "".join(td(v(row, c)) for c in ("issued", "repealed", "in_force")) + "</tr>")
    rows.append("<tr>" + td("第二十条第（五）项", 4) + "</tr>")
    rows.append("<tr>" + td("信息内容") + td("本年处理决定数量", 3) + "</tr>")
    rows.append("<tr>" + td("行政许可") + td(v("licensing", "decisions"), 3) + "</tr>")
    rows.append("<tr>" + td("第二十条第（六）项", 4) + "</tr>")
    rows.append("<tr>" + td("信息内容") + td("本年处理决定数量", 3) + "</tr>")
    rows.append("<tr>" + td("行政处罚") + td(v("punishment", "decisions"), 3) + "</tr>")
    rows.append("<tr>" + td("行政强制") + td(v("coercion", "decisions"), 3) + "</tr>")
    rows.append("<tr>" + td("第二十条第（八）项", 4) + "</tr>")
    rows.append("<tr>" + td("信息内容") + td("本年收费金额（单位：万元）", 3) + "</tr>")
    rows.append("<tr>" + td("行政事业性收费") + td(v("fees", "amount"), 3) + "</tr>")
    return rows


def table_t3(cells):
    rows = []
    rows.append("<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3)
                + td("申请人情况", 6) + td("总计", 1, 3) + "</tr>")
    rows.append("<tr>" + td("自然人", 1, 2) + td("法人或其他组织", 5) + "</tr>")
    rows.append("<tr>" + "".join(td(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))
                + "</tr>")
    group_sizes = {}
    for _, _, group, _ in T3_ROWS:
        if group:
            group_sizes[group] = group_sizes.get(group, 0) + 1
    seen_groups = set()
    results_open = False
    for row, parent, group, label in T3_ROWS:
        out = ""
        if parent == "results" and not results_open:
            out += td("三、本年度办理结果", 1, sum(1 for r in T3_ROWS if r[1] == "results"))
            results_open = True
        if group is None:
            out += td(label, 3 if parent is None else 2)
        else:
            if group not in seen_groups:
                out += td(group, 1, group_sizes[group])
                seen_groups.add(group)
            out += td(label)
        out += "".join(td(cell_text(cells[f"t3/{row}/{c}"])) for c in T3_COLUMNS)
        rows.append("<tr>" + out + "</tr>")
    return rows


def table_t4(cells, values):
    extra = len(values) - 15
    rows = []
    rows.append("<tr>" + td("行政复议", 5) + td("行政诉讼", 10) + "</tr>")
    rows.append("<tr>" + "".join(td(x, 1, 2) for x in T4_LABELS)
                + td("未经复议直接起诉", 5) + td("复议后起诉", 5) + "</tr>")
    rows.append("<tr>" + "".join(td(x) for x in T4_LABELS * 2) + "</tr>")
    rows.append("<tr>" + "".join(td(x) for x in values) + "</tr>")
    assert extra >= 0
    return rows


def t4_values(cells, seed_lines):
    """The data line of table 四 as the seed has it (seed 003 has 16)."""
    expected = [cell_text(cells[f"t4/{r}/{c}"]) for r in ("review", "litigation_direct",
                                                           "litigation_after_review")
                for c in T4_COLUMNS]
    for line in seed_lines:
        tokens = line.split()
        if len(tokens) >= 15 and all(t.isdigit() for t in tokens):
            assert tokens[:15] == expected, (tokens, expected)
            return tokens
    return expected


def parse_seed(text):
    title, sections, current = [], [], None
    for line in text.splitlines():
        m = HEADING.match(line)
        # a heading pasted twice opens nothing new
        if m and (current is None or m.group(1) != current[0] or any(current[2])):
            current = [m.group(1), line.strip(), []]
            sections.append(current)
            continue
        if current is None:
            if line.strip():
                title.append(line.strip())
        else:
            current[2].append(line.strip())
    return title, sections


def render(stem):
    number = stem[:3]
    seed = open(os.path.join(DATA, "seeds", stem + ".txt"), encoding="utf-8").read()
    cells = json.load(open(os.path.join(DATA, "expected", stem + ".json"), encoding="utf-8"))["cells"]
    title, sections = parse_seed(seed)
    encoding, meta = ENCODINGS[number]
    title_text = "".join(title) if number == "004" else " ".join(title)

    out = ["<!DOCTYPE html>", "<html>", "<head>"]
    if meta:
        out.append(meta)
    out += [f"<title>{esc(title_text)}_政府信息公开</title>",
            "<style>table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:2px}</style>",
            "<script>var _hmt = _hmt || [];</script>", "</head>", "<body>",
            '<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>',
            '<div class="article">']
    # a title over two lines, as in the PDF it came from
    if number == "004":
        out.append(f'<h1 style="text-align:center">{esc(title[0])}<br>{esc("".join(title[1:]))}</h1>')
    else:
        out.append(f'<h1 style="text-align:center">{esc(title_text)}</h1>')
    for numeral, heading, lines in sections:
        out.append(f"<p><strong><span>{esc(heading)}</span></strong></p>")
        if numeral in TABLE_SECTIONS and heading.lstrip().startswith(numeral):
            if numeral == "二":
                rows = table_t2(cells)
            elif numeral == "三":
                rows = table_t3(cells)
            else:
                rows = table_t4(cells, t4_values(cells, lines))
            out.append('<table border="1" cellspacing="0" cellpadding="0">')
            out += rows
            out.append("</table>")
            continue
        for line in lines:
            if line:
                out.append(f'<p style="text-indent:2em">&nbsp;&nbsp;<span><font>{esc(line)}</font></span></p>')
    out += ["</div>", '<div class="footer">主办单位：人民政府办公室</div>', "</body>", "</html>", ""]
    html = "\n".join(out)
    with open(os.path.join(HERE, number + ".html"), "wb") as f:
        f.write(html.encode(encoding))
    return number


def write_mhtml(number):
    """A page saved by a browser as one file: quoted-printable HTML."""
    html = open(os.path.join(HERE, number + ".html"), "rb").read()
    body = quopri.encodestring(html).decode("ascii")
    boundary = "----MultipartBoundary--nianbao----"
    message = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/{number}.html\r\n"
               f"Subject: report\r\nMIME-Version: 1.0\r\n"
               f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n'
               f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
               f"Content-Transfer-Encoding: quoted-printable\r\n"
               f"Content-Location: http://www.example.gov.cn/{number}.html\r\n\r\n"
               f"{body}\r\n\r\n--{boundary}\r\nContent-Type: text/css\r\n"
               f"Content-Transfer-Encoding: quoted-printable\r\n\r\nbody{{margin:0}}\r\n\r\n--{boundary}--\r\n")
    with open(os.path.join(HERE, number + ".mhtml"), "wb") as f:
        f.write(message.encode("ascii"))


def soffice(args, cwd):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}"]
                       + args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, timeout=300)


def convert(numbers):
    writer = ["--infilter=HTML (StarWriter)"]
    for target, ext in (("docx:MS Word 2007 XML", "docx"), ("pdf:writer_pdf_Export", "pdf")):
        soffice(writer + ["--convert-to", target, "--outdir", HERE]
                + [os.path.join(HERE, n + ".html") for n in numbers], HERE)
    # one old Word file, and one workbook
    soffice(writer + ["--convert-to", "doc:MS Word 97", "--outdir", HERE, os.path.join(HERE, "000.html")], HERE)
    soffice(["--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", HERE,
             os.path.join(HERE, "003.html")], HERE)
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                    os.path.join(HERE, "000.pdf"), os.path.join(HERE, "encrypted.pdf")], check=True)


def main():
    numbers = [render(stem) for stem in SEEDS]
    write_mhtml("003")
    if "--convert" in sys.argv:
        convert(numbers)


if __name__ == "__main__":
    main()
