#!/usr/bin/env python3
"""Small seeds of the raw pdf fuzz target: each page of the fixtures' PDFs that draws text, as a
one-page PDF of a few KB with its fonts' ToUnicode CMaps and Flate-compressed streams, so the
fuzzer spends its executions on the reader, not on inflating 200 KB files (the fixtures
themselves are seeds too).

Usage (build.sh fuzz runs it): python3 fuzz/seeds/pdf_small.py OUT_DIR
"""
import glob, hashlib, os, re, sys, zlib

sys.path.insert(0, os.path.dirname(__file__))
from pdf_content import seeds  # noqa: E402

def one_page_pdf(seed):
    parts = seed.split(b'%%CMAP%%')
    content, fonts = parts[0], parts[1:]
    objects = [b'<</Type/Catalog/Pages 2 0 R>>', b'<</Type/Pages/Kids[3 0 R]/Count 1>>', b'', None]
    resources = b''
    names = []
    for name in re.findall(rb'/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf', content):
        if name not in names:
            names.append(name)
    for i, name in enumerate(names):
        font = fonts[i] if i < len(fonts) else b'2'
        two_bytes, cmap = font[:1] != b'1', font[1:]
        number = len(objects) + 1
        resources += b'/%s %d 0 R ' % (name, number)
        if two_bytes:
            objects.append(b'<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts[%d 0 R]/ToUnicode %d 0 R>>' % (number + 1, number + 2))
            objects.append(b'<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/DW 1000>>')
        else:
            objects.append(b'<</Type/Font/Subtype/TrueType/BaseFont/SimSun/FirstChar 32/LastChar 126/ToUnicode %d 0 R>>' % (number + 1))
        objects.append(stream(cmap))
    objects[2] = b'<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<<%s>>>>/Contents 4 0 R>>' % resources
    objects[3] = stream(content)
    pdf, offsets = b'%PDF-1.7\n', []
    for i, body in enumerate(objects):
        offsets.append(len(pdf))
        pdf += b'%d 0 obj\n%s\nendobj\n' % (i + 1, body)
    xref = len(pdf)
    pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    pdf += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    pdf += b'trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    return pdf

def stream(data):
    packed = zlib.compress(data, 9)
    return b'<</Length %d/Filter/FlateDecode>>\nstream\n%s\nendstream' % (len(packed), packed)

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for path in sorted(glob.glob('tests/fixtures/**/*.pdf', recursive=True)):
    pdf = open(path, 'rb').read()
    if b'/Encrypt' in pdf:
        continue
    for seed in list(seeds(pdf))[:6]:
        small = one_page_pdf(seed)
        open(os.path.join(out, hashlib.sha1(small).hexdigest()[:16] + '.pdf'), 'wb').write(small)
