#!/usr/bin/env python3
# Writes inputs shaped to hang, exhaust or mislead the readers into the
# corpus directory of one fuzz target, so that each run meets them:
#   build-aux/fuzz-seeds.py TARGET DIR
# Generated rather than kept: some are megabytes (see tests/test-untrusted.c
# for the same shapes as regression tests).
import io
import os
import sys
import zipfile

TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"/>')
W = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
     'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
W_END = '</w:body></w:document>'


def archive(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', TYPES)
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def attributes(n, tag):
    return '<%s %s>x</%s>' % (tag, ' '.join('a%d="1"' % i for i in range(n)), tag)


def xlsx(rows):
    return archive({
        'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': '<worksheet><sheetData>%s</sheetData></worksheet>' % rows,
    })


def text_seeds():
    report = '一、总体情况\n二、主动公开政府信息情况\n规章\t一\t二\t三\n规章 999999999999999999999.9999999 0 0\n'
    return {
        'numerals.txt': report.encode(),
        'nul.txt': report.encode().replace(b'\n', b'\0\n', 1),
        'utf16-stray.txt': b'\xff\xfe' + report.encode('utf-16-le') + b'x',
        'utf32.txt': b'\0\0\xfe\xff' + report.encode('utf-32-be'),
        'mixed.txt': '一、总体情况\n'.encode('gb18030') * 20 + report.encode(),
        'mentions-pdf.txt': ('本报告提到 %PDF-1.4\n' + report).encode(),
        'long-run.txt': ('一、总体情况\n' + 'x' * 65536 + '\n').encode(),
    }


def html_seeds():
    page = '<html><body><p>报告</p>%s</body></html>'
    mhtml = ('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="o"\n\n'
             '--o\nContent-Type: multipart/alternative; boundary="i"\n\n'
             '--i\nContent-Type: text/html; charset=utf-8\n\n%s\n--i--\n--o--\n')
    return {
        # just past the limits: big seeds would slow every mutation
        'attributes.html': (page % attributes(300, 'p')).encode(),
        'many-elements.html': (page % ('<b>' * 210000)).encode(),
        'deep.html': (page % ('<div>' * 250 + '<table><tr><td>规章</td><td>1</td></tr></table>')).encode(),
        'nul.html': (page % '\0<p>规章 1</p>').encode(),
        'nested.mhtml': (mhtml % (page % '')).encode(),
    }


def docx_seeds():
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document '
             '[<!ENTITY a "aaaaaaaaaa">]>' + W[W.index('<w:document'):] +
             '<w:p><w:r><w:t>&a;</w:t></w:r></w:p>' + W_END)
    return {
        'attributes.docx': archive({'word/document.xml': W + attributes(300, 'w:p') + W_END}),
        'nodes.docx': archive({'word/document.xml': W + '<a/>' * 8000000 + W_END}),
        # the same run mangled: millions of errors, the first of which ends the reading
        'mangled-nodes.docx': archive({'word/document.xml': W + '<a/c' * 8000000 + W_END}),
        'utf16-doctype.docx': archive({'word/document.xml': b'\xff\xfe' + utf16.encode('utf-16-le')}),
        'bad-rows.xlsx': xlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="x"><c><v>2</v></c></row>'
                              '<row r="0"><c r="?"><v>3</v></c></row>'),
        'far-cell.xlsx': xlsx('<row r="1"><c r="A1"><v>1</v></c></row>'
                              '<row r="99999"><c r="A99999"><v>7</v></c></row>'),
    }


def canonical_seeds():
    head = '{"format": "nianbao-report", "version": 1, "template": "2021", "extensions": %s}'
    return {
        'big-integer.nianbao.json': (head % '{"a": 18446744073709551616}').encode(),
        'negative-zero.nianbao.json': (head % '{"a": -0.0, "b": 5e-324}').encode(),
        'nul.nianbao.json': (head % '{"a": "x\\u0000y"}').encode(),
        'trailing.nianbao.json': (head % '{}' + '{}').encode(),
    }


SEEDS = {
    'text': text_seeds,
    'matcher': text_seeds,
    'html': html_seeds,
    'docx': docx_seeds,
    'canonical': canonical_seeds,
}

if __name__ == '__main__':
    target, directory = sys.argv[1], sys.argv[2]
    for name, data in SEEDS.get(target, dict)().items():
        with open(os.path.join(directory, 'shape-' + name), 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode())
