#!/usr/bin/env python3
"""Seeds of the pdf_content fuzz target, from the PDFs under tests/fixtures: for each page that
draws text, its content stream, then for each font it selects (in order of first use)
%%CMAP%%, 1 or 2 (the font's code length) and the font's ToUnicode CMap. The target puts them
back into a valid one-page PDF (fuzz/src/invariants.rs, pdf_with_content).

Usage (build.sh fuzz runs it): python3 fuzz/seeds/pdf_content.py OUT_DIR
"""
import glob, hashlib, os, re, sys, zlib

OBJ = re.compile(rb'(\d+) 0 obj(.*?)endobj', re.S)
STREAM = re.compile(rb'stream\r?\n(.*)\r?\nendstream', re.S)
REF = rb'(\d+) 0 R'

def objects(pdf):
    return {int(m.group(1)): m.group(2) for m in OBJ.finditer(pdf)}

def data(obj):
    m = STREAM.search(obj)
    if not m:
        return None
    raw = m.group(1)
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return raw

def deref(objs, body):
    m = re.fullmatch(rb'\s*' + REF + rb'\s*', body)
    return objs.get(int(m.group(1)), b'') if m else body

def dict_entries(body):
    return dict(re.findall(rb'/([A-Za-z0-9_.+-]+)\s+' + REF, body))

def seeds(pdf):
    objs = objects(pdf)
    for body in objs.values():
        if not re.search(rb'/Type\s*/Page(?![s])', body):
            continue
        contents = re.search(rb'/Contents\s+' + REF, body)
        fonts = re.search(rb'/Font\s*(<<.*?>>|' + REF + rb')', body, re.S)
        if not contents or not fonts:
            continue
        content = data(objs.get(int(contents.group(1)), b''))
        if not content or b'Tf' not in content:
            continue
        font_dict = deref(objs, fonts.group(1))
        by_name = dict_entries(font_dict)
        seed = content
        used = []
        for name in re.findall(rb'/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf', content):
            if name not in used:
                used.append(name)
        for name in used:
            font = objs.get(int(by_name.get(name, b'0')), b'')
            width = b'2' if b'/Type0' in font else b'1'
            unicode = re.search(rb'/ToUnicode\s+' + REF, font)
            cmap = data(objs.get(int(unicode.group(1)), b'')) if unicode else b''
            seed += b'%%CMAP%%' + width + (cmap or b'')
        yield seed

def main(out):
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob('tests/fixtures/**/*.pdf', recursive=True)):
        pdf = open(path, 'rb').read()
        if b'/Encrypt' in pdf:
            continue
        for seed in list(seeds(pdf))[:6]:
            open(os.path.join(out, hashlib.sha1(seed).hexdigest()[:16]), 'wb').write(seed)

if __name__ == '__main__':
    main(sys.argv[1])
