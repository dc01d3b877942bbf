#!/usr/bin/env python3
"""Generate fresh6_*.tml from src/*.src (set 5's generator, plus Easter, Memorial Day,
New Year's Day/Eve, tmo() and yago()).

Source format:
  DCT: YYYY-MM-DD
  TITLE: ...
  ---
  text paragraphs (blank line between); inline tags
  [[extent|TYPE|value|attrs]]
  value: literal, or '=' + python expression evaluated with helpers below
  attrs: space separated k=v: id=label mod= anchor=@label|t0 begin=t0 end=t0 quant= freq= tf=true|false
"""
import datetime as dt, glob, os, re, sys
from xml.sax.saxutils import escape

D = None
L = {}
WD = {n: i for i, n in enumerate(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])}

def _d(x): return x.isoformat()
def rd(k, suf=''):            # relative day: -1 yesterday, 0 today, 1 tomorrow
    return _d(D + dt.timedelta(days=k)) + suf
def wd(name, dirn, suf=''):   # weekday name; dirn p(ast)/f(uture)/0 (same day)
    t = WD[name[:3].lower()]
    if dirn == '0':
        assert D.weekday() == t, (D, name); x = D
    elif dirn == 'p':
        x = D - dt.timedelta(days=((D.weekday() - t) % 7) or 7)
    else:
        x = D + dt.timedelta(days=((t - D.weekday()) % 7) or 7)
    return _d(x) + suf
def md(m, d, dirn):           # month-day without a year
    ys = [D.year - 1, D.year, D.year + 1]
    cands = [dt.date(y, m, d) for y in ys]
    if dirn == 'p': return _d(max(c for c in cands if c <= D))
    return _d(min(c for c in cands if c >= D))
def mon(m, dirn):             # month name without a year
    if dirn == 'p': y = D.year if m <= D.month else D.year - 1
    elif dirn == '0': assert m == D.month; y = D.year
    else: y = D.year if m >= D.month else D.year + 1
    return '%04d-%02d' % (y, m)
def mo(k):                    # month offset: -1 last month, 0 this month
    n = D.year * 12 + D.month - 1 + k
    return '%04d-%02d' % (n // 12, n % 12 + 1)
def yr(k): return '%04d' % (D.year + k)
def wk(k, suf=''):            # ISO week offset
    y, w, _ = (D + dt.timedelta(days=7 * k)).isocalendar()
    return '%04d-W%02d' % (y, w) + suf
def qt(k):
    n = D.year * 4 + (D.month - 1) // 3 + k
    return '%04d-Q%d' % (n // 4, n % 4 + 1)
def hf(k):
    n = D.year * 2 + (D.month - 1) // 6 + k
    return '%04d-H%d' % (n // 2, n % 2 + 1)
def yback(label):             # the same period one year before a labelled value
    v = L[label]
    return '%04d' % (int(v[:4]) - 1) + v[4:]
def dayoff(label, k):         # a day k days from a labelled day value ("the day before")
    return _d(dt.date.fromisoformat(L[label][:10]) + dt.timedelta(days=k))
def tmo(label, suf='TMO'):    # a part of the day of a labelled day value ("that morning")
    return L[label][:10] + suf
def yago(n):                  # "N years ago", "a decade ago": the year, as most TBAQ cases
    return '%04d' % (D.year - n)
def easter(y):                # Gregorian Easter Sunday (anonymous algorithm)
    a = y % 19; b, c = divmod(y, 100); d, e = divmod(b, 4); f = (b + 8) // 25
    g = (b - f + 1) // 3; h = (19 * a + b - d - g + 15) % 30; i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7; m = (a + 11 * h + 22 * l) // 451
    mo_, da = divmod(h + l - 7 * m + 114, 31)
    return dt.date(y, mo_, da + 1)
def nth_wd(y, m, wdname, n):  # n-th weekday of a month (n=-1: last)
    t = WD[wdname]
    if n > 0:
        x = dt.date(y, m, 1); x += dt.timedelta(days=(t - x.weekday()) % 7)
        return x + dt.timedelta(days=7 * (n - 1))
    x = dt.date(y, m + 1, 1) - dt.timedelta(days=1) if m < 12 else dt.date(y, 12, 31)
    return x - dt.timedelta(days=(x.weekday() - t) % 7)
def hol(name, y):
    if name == 'thanksgiving': return _d(nth_wd(y, 11, 'thu', 4))
    if name == 'laborday': return _d(nth_wd(y, 9, 'mon', 1))
    if name == 'christmas': return _d(dt.date(y, 12, 25))
    if name == 'christmaseve': return _d(dt.date(y, 12, 24))
    if name == 'july4': return _d(dt.date(y, 7, 4))
    if name == 'easter': return _d(easter(y))
    if name == 'memorialday': return _d(nth_wd(y, 5, 'mon', -1))
    if name == 'newyear': return _d(dt.date(y, 1, 1))
    if name == 'newyearseve': return _d(dt.date(y, 12, 31))
    raise KeyError(name)

HEAD = '''<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>%s</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="%s" temporalFunction="false" functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>

<TITLE>%s</TITLE>

<TEXT>

%s

</TEXT>

</TimeML>
'''

OWN_YEAR = re.compile(r"\b(1\d|20)\d{2}s?\b|\b\d{1,2}(st|nd|rd|th) century\b")

def render(path):
    global D, L
    name = os.path.basename(path)[:-4]
    raw = open(path).read()
    head, body = raw.split('\n---\n', 1)
    meta = dict(l.split(': ', 1) for l in head.strip().splitlines())
    D = dt.date.fromisoformat(meta['DCT']); L = {}
    n = [0]
    def tag(m):
        ext, typ, val, *rest = m.group(1).split('|')
        attrs = dict(a.split('=', 1) for a in (rest[0].split() if rest else []))
        n[0] += 1; tid = 't%d' % n[0]
        if val.startswith('='): val = str(eval(val[1:]))
        if 'id' in attrs: L[attrs['id']] = val; L['@' + attrs['id']] = tid
        anchor = attrs.get('anchor')
        if anchor and anchor.startswith('@'): anchor = L[anchor]
        bp, ep = attrs.get('begin'), attrs.get('end')
        if 'tf' in attrs: tf = attrs['tf']
        elif typ == 'SET': tf = 'false'
        elif typ == 'DURATION': tf = 'true' if (bp or ep) else 'false'
        else: tf = 'false' if OWN_YEAR.search(ext) else 'true'
        if tf == 'true' and typ in ('DATE', 'TIME') and not anchor: anchor = 't0'
        s = '<TIMEX3 tid="%s" type="%s" value="%s"' % (tid, typ, val)
        if 'mod' in attrs: s += ' mod="%s"' % attrs['mod']
        s += ' temporalFunction="%s" functionInDocument="NONE"' % tf
        if anchor: s += ' anchorTimeID="%s"' % anchor
        if bp: s += ' beginPoint="%s"' % bp
        if ep: s += ' endPoint="%s"' % ep
        if 'quant' in attrs: s += ' quant="%s"' % attrs['quant']
        if 'freq' in attrs: s += ' freq="%s"' % attrs['freq']
        return s + '>' + escape(ext) + '</TIMEX3>'
    paras = [p.strip() for p in body.strip().split('\n\n')]
    out = []
    for p in paras:
        p = ' '.join(p.split())
        parts = re.split(r'(\[\[.*?\]\])', p)
        out.append(''.join(tag(re.match(r'\[\[(.*)\]\]', x)) if x.startswith('[[') else escape(x) for x in parts))
    xml = HEAD % (name, D.isoformat(), D.isoformat(), escape(meta['TITLE']), '\n\n'.join(out))
    open(os.path.join(os.path.dirname(__file__) or '.', name + '.tml'), 'w').write(xml)
    return name, n[0]

if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    tot = 0
    for f in sorted(glob.glob(os.path.join(here, 'src', '*.src'))):
        nm, k = render(f); tot += k; print(nm, k)
    print('total', tot)
