#!/usr/bin/env python3
"""Checker for the fresh5 TimeML set (adapted from timeml-fresh4/check.py).

For every fresh5_*.tml next to this script it
  1. parses the file with xml.etree (well-formedness) and checks the layout:
     XML header, root, DOCID = file name, DCT t0, TITLE, TEXT holding only TIMEX3;
  2. checks tids (t1..tN in order), types, value syntax per type, mod, the
     temporalFunction / anchorTimeID / beginPoint / endPoint / quant / freq rules
     and the attribute order;
  3. checks extents (no leading preposition, no modifier or possessive 's left inside
     or just outside a tag), word count (340-420) and TIMEX3 count (15-19);
  4. scans the untagged text for time words and reports any that are not in a
     reviewed list of deliberate non-tags (ages, rates, adjectives ...);
  5. re-derives every value (and mod) from the tag's text and the DCT with
     datetime, independently of gen.py.  The only extra inputs are HINTS (a
     past/future reading of a weekday, month, date or holiday, taken from the
     tense of the sentence, not a value) and FISCAL_END (the month in which a
     company's fiscal year ends, as stated in its story).
Exit status 1 if anything is wrong.
"""
import datetime as dt
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

# (file, extent) -> reading, for every occurrence of that extent in the file.
# 'f' = future clause, 'p' = past clause (the default),
# 'dct' = a bare clock time that falls on the DCT although another day was named before.
HINTS = {
    ('fresh5_01', 'June'): 'f',
    ('fresh5_03', 'March 1'): 'f',
    ('fresh5_03', 'March 31'): 'f',
    ('fresh5_04', 'Sept. 18'): 'f',
    ('fresh5_05', 'Dec. 31'): 'f',
    ('fresh5_07', 'Sunday'): 'f',
    ('fresh5_07', 'July 19'): 'f',
    ('fresh5_08', 'Sunday'): 'f',
    ('fresh5_09', 'Tuesday'): 'f',
    ('fresh5_09', 'Christmas'): 'f',
    ('fresh5_10', '10 a.m. Wednesday'): 'f',
    ('fresh5_11', 'Saturday'): 'f',
    ('fresh5_12', 'mid-November'): 'f',
    ('fresh5_12', 'December'): 'f',
    ('fresh5_13', 'early Monday'): 'f',
    ('fresh5_13', 'noon'): 'dct',
    ('fresh5_13', 'April 2'): 'f',
    ('fresh5_13', 'May 1'): 'f',
    ('fresh5_14', 'Sunday morning'): 'f',
    ('fresh5_14', 'Monday'): 'f',
    ('fresh5_14', 'Tuesday'): 'f',
    ('fresh5_14', 'Sunday'): 'f',
}

# Month in which the fiscal year ends, for stories that name fiscal quarters
# (fresh5_05: "the fiscal fourth quarter, ended Sept. 30").
FISCAL_END = {'fresh5_05': 9}

# Untagged time words that were reviewed and left untagged on purpose
# (file, snippet of the surrounding text).
DELIBERATE = [
    ('fresh5_01', '58 years old'), ('fresh5_01', 'about a third of'), ('fresh5_01', 'annual earnings'),
    ('fresh5_01', 'annual meeting'),
    ('fresh5_03', '$3.10 a month'), ('fresh5_03', '1% a year'), ('fresh5_03', 'since the Depression'),
    ('fresh5_04', 'about a quarter of'), ('fresh5_04', 'buys Merrow time'),
    ('fresh5_05', 'long-term debt'),
    ('fresh5_06', '$15 a month'), ('fresh5_06', 'early-retirement'), ('fresh5_06', 'long-distance'),
    ('fresh5_07', 'two packs a day'),
    ('fresh5_08', 'in their 20s'),
    ('fresh5_09', '800 children a day'), ('fresh5_09', 'since the rebels took'),
    ('fresh5_10', 'former Norwegian'),
    ('fresh5_11', 'since that disaster'),
    ('fresh5_12', 'first rate increase'),
    ('fresh5_13', 'former finance'), ('fresh5_13', 'former physics'), ('fresh5_13', '6 percent a year'),
    ('fresh5_13', 'Ots, 24'),
    ('fresh5_14', 'old quarter'), ('fresh5_14', 'old people'), ('fresh5_14', 'stand for long'),
    # ordinary words on the lexicon's edge (first/last/next/while/once/fall ...), none of them a time here
    ('fresh5_02', 'too good to last'), ('fresh5_02', 'what comes next'), ('fresh5_02', 'businesses while'),
    ('fresh5_02', 'clients once resin'),
    ('fresh5_03', "utility's first rate"),
    ('fresh5_04', 'next generation'),
    ('fresh5_05', 'profit once fuel'), ('fresh5_05', 'its next regular'),
    ('fresh5_06', 'delayed while'), ('fresh5_06', 'terms while'), ('fresh5_06', 'union last struck'),
    ('fresh5_07', 'the first time a major'), ('fresh5_07', 'the first of the cases'),
    ('fresh5_08', 'while police gather'), ('fresh5_08', 'its first free'),
    ('fresh5_10', 'their first face-to-face'), ('fresh5_10', 'expected to last'), ('fresh5_10', 'sides last met'),
    ('fresh5_10', 'taken up first'), ('fresh5_10', 'The next session'),
    ('fresh5_12', "country's last currency"), ('fresh5_12', 'the fall of the government'),
    ('fresh5_13', 'won the last one'),
    ('fresh5_14', 'the first by a pope'), ('fresh5_14', 'public holiday'),
]

HEADER = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')
ATTR_ORDER = ['tid', 'type', 'value', 'mod', 'temporalFunction', 'functionInDocument', 'anchorTimeID',
              'beginPoint', 'endPoint', 'quant', 'freq']
TYPES = {'DATE', 'TIME', 'DURATION', 'SET'}
MODS = {'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN',
        'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX'}
DATE_RE = re.compile(r'^(\d{2,4}|\d{4}-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}(-WE)?)|\d{4}-\d{2}-\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF)$')
TIME_RE = re.compile(r'^\d{4}-\d{2}-\d{2}(T(MO|AF|EV|NI)|T\d{2}:\d{2})$')
DUR_RE = re.compile(r'^P((\d+|X)(Y|M|W|D|Q))+$|^PT(\d+|X)(H|M|S)$')
SET_RE = re.compile(r'^(P\d+[YMWDQ]|PT\d+[HMS]|XXXX-WXX-\d(T(MO|AF|EV|NI))?)$')
PREPS = {'on', 'in', 'at', 'by', 'since', 'until', 'within', 'for', 'during', 'over', 'from', 'to', 'through'}
OUTSIDE_MODS = {'about', 'early', 'late', 'the', 'least', 'than', 'mid', 'nearly', 'almost', 'recent'}

WDN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
MONTHS = {'jan': 1, 'feb': 2, 'mar': 3, 'apr': 4, 'may': 5, 'jun': 6, 'jul': 7, 'aug': 8,
          'sep': 9, 'oct': 10, 'nov': 11, 'dec': 12}
NUM = {'a': 1, 'an': 1, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7,
       'eight': 8, 'nine': 9, 'ten': 10, 'twelve': 12}
UNIT = {'year': 'Y', 'month': 'M', 'week': 'W', 'day': 'D', 'quarter': 'Q', 'decade': 'Y10',
        'century': 'Y100', 'hour': 'TH', 'minute': 'TM'}
SEASON = {'spring': 'SP', 'summer': 'SU', 'fall': 'FA', 'autumn': 'FA', 'winter': 'WI'}
ORD = {'first': 1, 'second': 2, 'third': 3, 'fourth': 4}

errors = []
USED = set()


def err(doc, msg):
    errors.append('%s: %s' % (doc, msg))


def iso_week(d):
    y, w, _ = d.isocalendar()
    return '%04d-W%02d' % (y, w)


def fixed_holiday(name, dct, reading):
    """Christmas / Christmas Eve: the nearest one before (p) or after (f) the DCT."""
    md = {'christmas': (12, 25), 'christmas eve': (12, 24)}[name]
    cands = [dt.date(y, *md) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if reading == 'f':
        return min(c for c in cands if c >= dct)
    return max(c for c in cands if c <= dct)


def weekday_date(dct, name, reading):
    t = WDN.index(name)
    if t == dct.weekday() and reading != 'f':
        return dct
    if reading == 'f':
        return dct + dt.timedelta(days=((t - dct.weekday()) % 7) or 7)
    return dct - dt.timedelta(days=((dct.weekday() - t) % 7) or 7)


def month_year(dct, m, reading):
    if reading == 'f':
        return dct.year if m >= dct.month else dct.year + 1
    return dct.year if m <= dct.month else dct.year - 1


def quarter_of(d):
    return (d.month - 1) // 3 + 1


def numval(w):
    w = w.lower()
    return int(w) if w.isdigit() else NUM[w]


def duration(num, unit):
    u = UNIT[unit.rstrip('s') if unit != 'centuries' else 'century']
    if u == 'Y10':
        return 'P%sY' % (num * 10 if num != 'X' else 'X')
    if u == 'Y100':
        return 'P%sY' % (num * 100)
    if u.startswith('T'):
        return 'PT%s%s' % (num, u[1])
    return 'P%s%s' % (num, u)


def fiscal_quarter(doc, dct, q):
    """Most recent fiscal quarter q that has ended by the DCT, written as TBAQ writes
    fiscal quarters: the calendar year in which that quarter ends, plus the fiscal number."""
    fy_end = FISCAL_END[doc]
    end_month = (fy_end + 3 * q - 1) % 12 + 1        # month in which fiscal quarter q ends
    y = dct.year if end_month <= dct.month else dct.year - 1
    return '%04d-Q%d' % (y, q)


def derive(doc, dct, tid, text, attrs, prev):
    """Return (value, mod, type) derived from the text, or None if no rule applies."""
    t = text.lower().strip()
    reading = HINTS.get((doc, text), 'p')
    if (doc, text) in HINTS:
        USED.add((doc, text))
    mod = None
    # modifiers kept inside the extent
    for pre, m in (('about ', 'APPROX'), ('at least ', 'EQUAL_OR_MORE'), ('more than ', 'MORE_THAN'),
                   ('early ', 'START'), ('late ', 'END'), ('mid-', 'MID'), ('the end of ', 'END'),
                   ('the early ', 'START'), ('the mid-', 'MID'), ('the late ', 'END'),
                   ('earlier this ', 'START'), ('later this ', 'END')):
        if t.startswith(pre):
            if pre in ('the early ', 'the mid-', 'the late '):
                t = 'the ' + t[len(pre):]
            elif pre in ('earlier this ', 'later this '):
                t = 'this ' + t[len(pre):]
            else:
                t = t[len(pre):]
            mod = m
            break
    D, T, DU, S = 'DATE', 'TIME', 'DURATION', 'SET'
    # *_REF words
    if t in ('now', 'currently'):
        return 'PRESENT_REF', mod, D
    if t in ('recently', 'recent years'):
        return 'PAST_REF', mod, D
    if t in ('soon', 'the future'):
        return 'FUTURE_REF', mod, D
    if t == 'recent days':
        return 'PXD', mod, DU
    # relative days
    if t == 'yesterday':
        return (dct - dt.timedelta(1)).isoformat(), mod, D
    if t == 'today':
        return dct.isoformat(), mod, D
    if t == 'overnight':
        return (dct - dt.timedelta(1)).isoformat() + 'TNI', mod, T
    if t == 'this morning':
        return dct.isoformat() + 'TMO', mod, T
    if t == 'the day before':
        anc = prev['tags'].get(attrs.get('anchorTimeID'), '')
        if not re.match(r'^\d{4}-\d{2}-\d{2}$', anc):
            return '<anchor %s is no day>' % attrs.get('anchorTimeID'), mod, D
        return (dt.date.fromisoformat(anc) - dt.timedelta(1)).isoformat(), mod, D
    # clock time, with or without a weekday; "noon"
    m = re.match(r'^(?:(\d{1,2})(?::(\d{2}))? (a\.m\.|p\.m\.)|(noon))(?: (\w+))?$', t)
    if m:
        if m.group(4):
            h, mi = 12, '00'
        else:
            h = int(m.group(1)) % 12 + (12 if m.group(3) == 'p.m.' else 0)
            mi = m.group(2) or '00'
        if m.group(5):
            day = weekday_date(dct, m.group(5), reading)
        elif reading == 'dct':
            day = dct
        else:
            day = prev['day']
            if prev.get('night'):
                day = day + dt.timedelta(1)
        return '%sT%02d:%s' % (day.isoformat(), h, mi), mod, T
    # weekday, "next <weekday>"; weekday + night/morning is the plain date (TBAQ's majority)
    m = re.match(r'^(next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (morning|night))?$', t)
    if m:
        day = weekday_date(dct, m.group(2), 'f' if m.group(1) else reading)
        return day.isoformat(), mod, D
    # holidays
    if t in ('christmas', 'christmas eve'):
        return fixed_holiday(t, dct, reading).isoformat(), mod, D
    # month day (no year)
    m = re.match(r'^([a-z]{3})[a-z]*\.? (\d{1,2})$', t)
    if m and m.group(1) in MONTHS:
        mo, d = MONTHS[m.group(1)], int(m.group(2))
        cands = [dt.date(y, mo, d) for y in (dct.year - 1, dct.year, dct.year + 1)]
        day = min(c for c in cands if c >= dct) if reading == 'f' else max(c for c in cands if c <= dct)
        return day.isoformat(), mod, D
    # month year
    m = re.match(r'^([a-z]{3})[a-z]* (\d{4})$', t)
    if m and m.group(1) in MONTHS:
        return '%s-%02d' % (m.group(2), MONTHS[m.group(1)]), mod, D
    # month name
    m = re.match(r'^(january|february|march|april|may|june|july|august|september|october|november|december)$', t)
    if m:
        mo = MONTHS[m.group(1)[:3]]
        return '%04d-%02d' % (month_year(dct, mo, reading), mo), mod, D
    # relative units
    m = re.match(r'^(last|this|next) (week|weekend|month|year|summer|fall|spring|winter)$', t)
    if m:
        rel, unit = m.groups()
        k = {'last': -1, 'next': 1}.get(rel, 0)
        if unit == 'week':
            return iso_week(dct + dt.timedelta(weeks=k)), mod, D
        if unit == 'weekend':
            # the Saturday of the weekend meant: "last weekend" is the one before the
            # DCT's own weekend when the DCT falls on a weekend
            if rel != 'last':
                return None
            if dct.weekday() >= 5:
                sat = dct - dt.timedelta(days=dct.weekday() - 5) - dt.timedelta(weeks=1)
            else:
                sat = dct - dt.timedelta(days=dct.weekday() + 2)
            return iso_week(sat) + '-WE', mod, D
        if unit == 'month':
            n = dct.year * 12 + dct.month - 1 + k
            return '%04d-%02d' % (n // 12, n % 12 + 1), mod, D
        if unit == 'year':
            return '%04d' % (dct.year + k), mod, D
        return '%04d-%s' % (dct.year + k, SEASON[unit]), mod, D
    if t == 'a year ago':
        return '%04d' % (dct.year - 1), mod, D
    if t == 'the year' and mod == 'END':            # "the end of the year"
        return '%04d' % dct.year, mod, D
    # seasons with a year
    m = re.match(r'^the (spring|summer|fall|winter) of (\d{4})$', t)
    if m:
        return '%s-%s' % (m.group(2), SEASON[m.group(1)]), mod, D
    # quarters
    m = re.match(r'^(the )?(fiscal )?(first|second|third|fourth)[- ]quarter$', t)
    if m:
        q = ORD[m.group(3)]
        if m.group(2):
            return fiscal_quarter(doc, dct, q), mod, D
        cq = quarter_of(dct)
        y = dct.year if q <= cq else dct.year - 1
        return '%04d-Q%d' % (y, q), mod, D
    # quarters named through an anchor
    anc = prev['tags'].get(attrs.get('anchorTimeID'), '')
    if t == 'the quarter':
        if not re.match(r'^\d{4}-Q\d$', anc):
            return '<anchor %s is no quarter>' % attrs.get('anchorTimeID'), mod, D
        return anc, mod, D
    if t in ('a year earlier', 'the year-earlier period', 'the year-earlier quarter'):
        if not re.match(r'^\d{4}-Q\d$', anc):
            return '<anchor %s is no quarter>' % attrs.get('anchorTimeID'), mod, D
        return '%04d%s' % (int(anc[:4]) - 1, anc[4:]), mod, D
    # years, decades
    m = re.match(r'^(?:fiscal )?(\d{4})$', t)
    if m:
        return m.group(1), mod, D
    m = re.match(r'^the (\d{3})0s$', t)
    if m:
        return m.group(1), mod, D
    # durations
    m = re.match(r'^the (past|next) (decade|\d+ \w+|[a-z]+ \w+)$', t)
    if m:
        rel, rest = m.groups()
        if rest == 'decade':
            return 'P10Y', mod, DU
        n, u = rest.split()
        return duration(numval(n), u), mod, DU
    m = re.match(r'^the (?:first )?(\w+) (months|hours)$', t)      # "the nine months", "the first 12 hours"
    if m and (m.group(1).isdigit() or m.group(1) in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    m = re.match(r'^(\w+) (years?|months?|weeks?|days?|quarters?|decades?|hours?|minutes?)$', t)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    m = re.match(r'^(\w+)-(year|month|week|day)$', t)               # compound adjectives
    if m and (m.group(1).isdigit() or m.group(1) in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    # sets
    m = re.match(r'^every (?:(\w+) )?(year|month|week|day|hour|minute|quarter)s?$', t)
    if m:
        n = numval(m.group(1)) if m.group(1) else 1
        return duration(n, m.group(2)), mod, S
    m = re.match(r'^every (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$', t)
    if m:
        return 'XXXX-WXX-%d' % (WDN.index(m.group(1)) + 1), mod, S
    m = re.match(r'^(once|twice|three times) a (year|month|week|day)$', t)
    if m:
        return duration(1, m.group(2)), mod, S
    if t in ('daily', 'weekly', 'monthly', 'annually'):
        return {'daily': 'P1D', 'weekly': 'P1W', 'monthly': 'P1M', 'annually': 'P1Y'}[t], mod, S
    return None


def expected_freq(text):
    t = text.lower()
    m = re.match(r'^(once|twice|three times) a ', t)
    if m:
        return {'once': '1X', 'twice': '2X', 'three times': '3X'}[m.group(1)]
    if t in ('monthly', 'weekly', 'daily', 'annually', 'quarterly'):
        return '1X'
    return None


def words(s):
    return len(s.split())


def check_file(path, counts):
    doc = os.path.basename(path)[:-4]
    raw = open(path, encoding='utf-8').read()
    if not raw.startswith(HEADER):
        err(doc, 'XML header differs from the TBAQ/fresh layout')
    for m in re.finditer(r'<TIMEX3 ([^>]*)>', raw):
        names = re.findall(r'(\w+)="', m.group(1))
        if names != sorted(names, key=ATTR_ORDER.index):
            err(doc, 'attribute order %s' % names)
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        err(doc, 'not well-formed: %s' % e)
        return
    root = tree.getroot()
    if root.tag != 'TimeML':
        err(doc, 'root is %s' % root.tag)
    kids = [c.tag for c in root]
    if kids != ['DOCID', 'DCT', 'TITLE', 'TEXT']:
        err(doc, 'children %s' % kids)
    if root.findtext('DOCID') != doc:
        err(doc, 'DOCID %r' % root.findtext('DOCID'))
    dcte = root.find('DCT/TIMEX3')
    a0 = dcte.attrib
    if (a0.get('tid'), a0.get('type'), a0.get('functionInDocument'), a0.get('temporalFunction')) != \
            ('t0', 'DATE', 'CREATION_TIME', 'false') or dcte.text != a0.get('value'):
        err(doc, 'bad DCT %s' % a0)
    dct = dt.date.fromisoformat(a0['value'])
    counts['dct'][doc] = dct
    if not root.findtext('TITLE'):
        err(doc, 'no TITLE')
    text = root.find('TEXT')
    prev = {'day': dct, 'night': False, 'tags': {'t0': dct.isoformat()}}
    plain = text.text or ''
    n = 0
    for el in text:
        if el.tag != 'TIMEX3':
            err(doc, 'TEXT holds <%s>' % el.tag)
            continue
        if len(el):
            err(doc, 'TIMEX3 with children')
        n += 1
        a = el.attrib
        tid, typ, val = a.get('tid'), a.get('type'), a.get('value')
        ext = el.text or ''
        counts['type'][typ] = counts['type'].get(typ, 0) + 1
        if tid != 't%d' % n:
            err(doc, 'tid %s out of order (expected t%d)' % (tid, n))
        if typ not in TYPES:
            err(doc, '%s type %s' % (tid, typ))
        rx = {'DATE': DATE_RE, 'TIME': TIME_RE, 'DURATION': DUR_RE, 'SET': SET_RE}.get(typ)
        if rx and not rx.match(val or ''):
            err(doc, '%s value %r bad for %s' % (tid, val, typ))
        if 'mod' in a and a['mod'] not in MODS:
            err(doc, '%s mod %s' % (tid, a['mod']))
        if a.get('functionInDocument') != 'NONE':
            err(doc, '%s functionInDocument' % tid)
        tf = a.get('temporalFunction')
        own_year = bool(re.search(r'\b(1\d|20)\d{2}s?\b|\bcentury\b', ext))
        if typ == 'SET':
            if tf != 'false' or 'anchorTimeID' in a:
                err(doc, '%s SET with temporalFunction/anchor' % tid)
        elif typ == 'DURATION':
            anchored = 'beginPoint' in a or 'endPoint' in a
            if (tf == 'true') != anchored:
                err(doc, '%s DURATION temporalFunction=%s, anchored=%s' % (tid, tf, anchored))
            low = ext.lower()
            if (low.startswith('the past') or low.startswith('recent')) and a.get('endPoint') != 't0':
                err(doc, '%s "the past/recent ..." needs endPoint t0' % tid)
            if (low.startswith('the next') or low.startswith('the coming')) and a.get('beginPoint') != 't0':
                err(doc, '%s "the next ..." needs beginPoint t0' % tid)
        else:
            if own_year and tf != 'false':
                err(doc, '%s has its own year but temporalFunction=%s' % (tid, tf))
            if not own_year and (tf != 'true' or 'anchorTimeID' not in a):
                err(doc, '%s relative expression needs temporalFunction=true and an anchor' % tid)
            if own_year and 'anchorTimeID' in a:
                err(doc, '%s has its own year but an anchor' % tid)
        if 'anchorTimeID' in a and a['anchorTimeID'] not in prev['tags']:
            err(doc, '%s anchor %s unknown or later' % (tid, a['anchorTimeID']))
        for k in ('beginPoint', 'endPoint'):
            if k in a and typ != 'DURATION':
                err(doc, '%s %s on %s' % (tid, k, typ))
            if k in a and a[k] != 't0':
                err(doc, '%s %s is not t0' % (tid, k))
        if ('quant' in a or 'freq' in a) and typ != 'SET':
            err(doc, '%s quant/freq on %s' % (tid, typ))
        if typ == 'SET':
            if ext.lower().startswith('every') != (a.get('quant') == 'EVERY'):
                err(doc, '%s quant %r does not fit %r' % (tid, a.get('quant'), ext))
            if a.get('freq') != expected_freq(ext):
                err(doc, '%s freq %r, expected %r' % (tid, a.get('freq'), expected_freq(ext)))
        # extents
        before = plain.rstrip().split()
        last = before[-1].lower().strip('("`') if before else ''
        first = ext.split()[0].lower()
        if first in PREPS and not ext.lower().startswith('at least'):
            err(doc, '%s extent starts with preposition %r' % (tid, ext))
        adjectival_year = (last == 'the' and re.fullmatch(r'\d{4}', ext)
                           and re.match(r' [a-z]', el.tail or ''))          # "the [1995] election"
        if last in OUTSIDE_MODS and not adjectival_year:
            err(doc, '%s word %r left outside extent %r' % (tid, last, ext))
        if ext != ext.strip() or ext.endswith("'s") or ext.endswith(','):
            err(doc, '%s extent %r has outer spaces, a possessive or a comma' % (tid, ext))
        # value re-derivation
        got = derive(doc, dct, tid, ext, a, prev)
        if got is None:
            err(doc, '%s no rule for %r' % (tid, ext))
        else:
            v, m, ty = got
            if v != val:
                err(doc, '%s %r: value %s, re-derived %s' % (tid, ext, val, v))
            if m != a.get('mod'):
                err(doc, '%s %r: mod %s, re-derived %s' % (tid, ext, a.get('mod'), m))
            if ty != typ:
                err(doc, '%s %r: type %s, re-derived %s' % (tid, ext, typ, ty))
        if 'mod' in a:
            counts['mod'][a['mod']] = counts['mod'].get(a['mod'], 0) + 1
        counts['values'].append((doc, typ, val, ext, a))
        # remember the last day named, for bare clock times
        if typ in ('DATE', 'TIME') and re.match(r'^\d{4}-\d{2}-\d{2}', val or ''):
            prev['day'] = dt.date.fromisoformat(val[:10])
            prev['night'] = (val.endswith('TNI') and ext.lower() == 'overnight')
        prev['tags'][tid] = val
        plain += ext + (el.tail or '')
    counts['timex'][doc] = n
    if not 15 <= n <= 19:
        err(doc, '%d TIMEX3 (want 15-19)' % n)
    w = words(plain)
    counts['words'][doc] = w
    if not 340 <= w <= 420:
        err(doc, '%d words (want 340-420)' % w)
    # prose hygiene
    if re.search(r'\s[,.;:]', plain) or '..' in plain.replace('...', '') or '<' in plain or '[[' in plain \
            or ']]' in plain:
        err(doc, 'stray space, doubled period or markup in text')
    if re.search(r'[^\n] {2,}', plain):
        err(doc, 'double space in text')
    # untagged time words
    untagged = ET.tostring(text, encoding='unicode')
    untagged = re.sub(r'<TIMEX3[^>]*>.*?</TIMEX3>', ' @ ', untagged)
    untagged = re.sub(r'<[^>]+>', ' ', untagged).replace('&amp;', '&')
    lex = re.compile(r"\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
                     r"january|february|march|april|june|july|august|september|october|november|december|"
                     r"(jan|feb|aug|sept?|oct|nov|dec)\.|yesterday|today|tomorrow|tonight|now|recent|recently|"
                     r"currently|current|soon|future|once|years?|months?|weeks?|weekends?|days?|daily|weekly|"
                     r"monthly|annual|annually|quarterly|hourly|decades?|century|quarters?|spring|summer|fall|"
                     r"autumn|winter|season|morning|afternoon|evening|night|nights|noon|midnight|dawn|dusk|"
                     r"christmas|easter|thanksgiving|holiday|hours?|minutes?|a\.m\.|p\.m\.|1\d{3}s?|20\d{2}|\d+s|"
                     r"\d+-year-old|time|earlier|early|ago|later|late|previously|former|period|overnight|"
                     r"midmorning|generation|while|lately|then|first|last|next)(?![\w-])", re.I)
    for mm in lex.finditer(untagged):
        ctx = ' '.join(untagged[max(0, mm.start() - 30):mm.end() + 30].split())
        if not any(d == doc and s in ctx for d, s in DELIBERATE):
            err(doc, 'untagged time word %r in "...%s..."' % (mm.group(0), ctx))


def main():
    files = sorted(glob.glob(os.path.join(HERE, 'fresh5_*.tml')))
    counts = {'type': {}, 'mod': {}, 'timex': {}, 'words': {}, 'dct': {}, 'values': []}
    for f in files:
        check_file(f, counts)
    for k in HINTS:
        if k not in USED:
            err(k[0], 'hint for %r never used' % k[1])
    wdays = {}
    for d, x in counts['dct'].items():
        wdays[x.strftime('%a')] = wdays.get(x.strftime('%a'), 0) + 1
    print('%d files' % len(files))
    for d in sorted(counts['timex']):
        print('  %s  %s %s  %3d TIMEX3  %3d words' % (d, counts['dct'][d], counts['dct'][d].strftime('%a'),
                                                     counts['timex'][d], counts['words'][d]))
    print('DCT weekdays:', wdays)
    print('TIMEX3 total:', sum(counts['timex'].values()), ' by type:', counts['type'])
    print('mod:', counts['mod'])
    print('words total:', sum(counts['words'].values()))
    if '-v' in sys.argv:
        for doc, typ, val, ext, a in counts['values']:
            print('   %s %-8s %-14s %s' % (doc, typ, val, ext))
    if errors:
        print('\n%d problems:' % len(errors))
        for e in errors:
            print('  ' + e)
        sys.exit(1)
    print('no problems')


if __name__ == '__main__':
    main()
