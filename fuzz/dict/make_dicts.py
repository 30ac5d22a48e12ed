#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries of fuzz/dict/ from the model's labels and the format's tokens.

Run from the repository root: python3 fuzz/dict/make_dicts.py
"""
import re

def esc(s):
    """libFuzzer takes printable ASCII only: everything else as \\xNN of its UTF-8 bytes."""
    out = ''
    for byte in s.encode('utf-8'):
        ch = chr(byte)
        if ch in '\\"':
            out += '\\' + ch
        elif 0x20 <= byte < 0x7f:
            out += ch
        else:
            out += '\\x%02X' % byte
    return out

def lines(tokens):
    return ''.join(f'"{esc(t)}"\n' for t in tokens)

src = open('src/model/labels.rs', encoding='utf-8').read()
labels = sorted(set(m for m in re.findall(r'"([^"\\]*)"', src) if re.search('[\u4e00-\u9fff]', m)))
labels += ['一、', '二、', '三、', '四、', '五、', '六、', '（一）', '（七）', '1.', '件', '万元', '年', '月', '日',
           '政府信息公开工作年度报告', '人民政府', '镇', '全镇', '全省', '《中华人民共和国政府信息公开条例》',
           '《政务公开条例》', '0', '1', '2024', '/', '—', '无', '\t', '\n', '\r\n', '\u3000']
XML = ['<w:document>', '</w:document>', '<w:body>', '</w:body>', '<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>',
       '</w:t>', '<w:t xml:space="preserve">', '<w:tbl>', '</w:tbl>', '<w:tr>', '</w:tr>', '<w:tc>', '</w:tc>',
       '<w:tcPr>', '</w:tcPr>', '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', '<w:vMerge/>',
       '<w:tab/>', '<w:br/>', '<w:del>', '</w:del>', '<w:ins>', '</w:ins>', '<w:delText>', '<w:sdt>',
       '<w:sdtContent>', '<w:fldSimple w:instr="MERGEFORMAT">', '<w:instrText>', '<w:pPr>',
       '<w:pStyle w:val="1"/>', '<w:trPr>', '<w:sym w:char="F0FC"/>', '<mc:AlternateContent>', '<mc:Fallback>',
       '<![CDATA[', ']]>', '&amp;', '&lt;', '&#x4E00;', '<?xml version="1.0" encoding="UTF-8"?>',
       'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', 'word/document.xml',
       '_rels/.rels', '[Content_Types].xml', 'PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06']
JSON = ['{', '}', '[', ']', ':', ',', '"format"', '"xxgk-annual-report/2021"', '"year"', '"agency"', '"name"',
        '"level"', '"township"', '"department"', '"region"', '"address"', '"postcode"', '"phone"', '"email"',
        '"headings"', '"text"', '"preamble"', '"overview"', '"problems"', '"other"', '"cells"', '"source"',
        '"tables"', '"edited_labels"', '"unplaced"', '"location"', '"found"', '"expected"', '"cell"', '"2019"',
        '"2021"', 'null', 'true', 'false', '-1', '1e400', '0.000001', '"\\u0000"', '"\\ud800"', '"s2.fee.amount"',
        '"1,234"', '"１２"', '"三"']
cells = re.findall(r'"(s[234]\.[a-z_.]+)"', open('tests/fixtures/seed.json', encoding='utf-8').read())
JSON += [f'"{c}"' for c in sorted(set(cells))]

HTML = ['<html>', '</html>', '<head>', '<body>', '<meta charset="gbk">', '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '<table>', '</table>', '<tbody>',
        '<tr>', '</tr>', '<td>', '</td>', '<th>', '</th>', ' colspan="2"', ' rowspan="3"', ' colspan="999999"',
        ' rowspan="0"', '<p>', '</p>', '<p class=MsoNormal>', '<span>', '</span>', '<span style="mso-spacerun:yes">',
        '<o:p>', '</o:p>', '<font>', '</font>', '<br>', '<div>', '</div>', '<script>', '</script>', '<style>',
        '</style>', '<!--', '-->', '<![if !supportMisalignedColumns]>', '<ucapcontent>', '</ucapcontent>',
        '<h1>', '<title>', '&nbsp;', '&amp;', '&#12288;', '&#x3000;', '&lt;', '\ufeff', '<![CDATA[',
        '索引号', '发布机构', '发布日期']

PDF = ['%PDF-1.7', '%%EOF', 'obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', ' 0 R',
       '<<', '>>', '[', ']', '/Type', '/Catalog', '/Pages', '/Page', '/Kids', '/Count', '/Parent', '/MediaBox',
       '/Rotate 90', '/Resources', '/Font', '/XObject', '/Contents', '/Length', '/Filter', '/FlateDecode',
       '/DecodeParms', '/Predictor 12', '/ObjStm', '/XRef', '/Encrypt', '/Subtype', '/Type0', '/TrueType',
       '/Type1', '/Type3', '/CIDFontType2', '/Identity-H', '/Identity-V', '/ToUnicode', '/Encoding',
       '/WinAnsiEncoding', '/Differences', '/DescendantFonts', '/W', '/DW', '/Widths', '/FirstChar',
       '/Form', '/BBox', '/Matrix', '/Prev', '/Size', '/Root', 'begincmap', 'endcmap', 'beginbfchar',
       'endbfchar', 'beginbfrange', 'endbfrange', 'begincodespacerange', 'endcodespacerange', '<0000> <FFFF>',
       'BT', 'ET', 'Tf', 'Td', 'TD', 'Tm', 'T*', 'Tj', 'TJ', "'", '"', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'Tr', 'q',
       'Q', 'cm', 're', 'm', 'l', 'c', 'h', 'S', 's', 'f', 'f*', 'B', 'n', 'W', 'w', 'Do', 'gs', 'BI', 'ID', 'EI',
       '/F1 12 Tf', '1 0 0 1 72 720 Tm', '<4E00>', '(- 2 -)', '0 0 595 842 re']

def write(name, head, body):
    open(f'fuzz/dict/{name}.dict', 'w', encoding='utf-8').write(f'# {head} (written by make_dicts.py)\n' + body)

write('xml', 'WordprocessingML and zip tokens, then the official labels', lines(XML) + lines(labels))
write('json', 'The JSON document (FORMAT.md section 5), then the official labels', lines(JSON) + lines(labels))
write('text', 'The official labels and headings, as text extracts them', lines(labels))
write('html', 'HTML as portals and Word write it, then the official labels', lines(HTML) + lines(labels))
write('pdf', 'PDF objects, content operators and CMap keywords', lines(PDF))
write('all', 'Every token of the other dictionaries', lines(XML) + lines(JSON) + lines(HTML) + lines(PDF) + lines(labels))
