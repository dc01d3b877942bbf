#!/usr/bin/env python3
"""Checker for the fresh4 TimeML set.

For every fresh4_*.tml next to this script it
  1. parses the file with xml.etree (well-formedness) and checks the layout:
     root, DOCID = file name, DCT t0, TITLE, TEXT holding only TIMEX3;
  2. checks tids (t1..tN in order), types, value syntax per type, mod, the
     temporalFunction / anchorTimeID / beginPoint / endPoint / quant / freq rules;
  3. checks extents (no leading preposition, no modifier left just outside a tag),
     word count (340-420) and TIMEX3 count (15-19);
  4. scans the untagged text for time words and reports any that are not in a
     reviewed list of deliberate non-tags (ages, rates, adjectives ...);
  5. re-derives every value (and mod) from the tag's text and the DCT with
     datetime, independently of gen.py.  The only extra input is HINTS below:
     a past/future reading of a weekday or month name, taken from the tense of
     the sentence, not a value.
Exit status 1 if anything is wrong.
"""
import datetime as dt
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

# (file, extent) -> reading, for every occurrence of that extent in the file.  'f' = future clause, 'p' = past clause,
# 'dct' = a bare clock time that falls on the DCT although another day was named before.
HINTS = {
    ('fresh4_01', 'Thursday'): 'f',
    ('fresh4_02', 'mid-March'): 'f',
    ('fresh4_02', 'Jan. 14'): 'f',
    ('fresh4_03', 'Oct. 5'): 'f',
    ('fresh4_03', 'Saturday'): 'f',
    ('fresh4_03', 'Oct. 15'): 'f',
    ('fresh4_04', '2 p.m.'): 'dct',
    ('fresh4_04', 'Tuesday'): 'f',
    ('fresh4_04', 'Monday'): 'f',
    ('fresh4_05', 'Monday'): 'f',
    ('fresh4_05', 'July 4'): 'f',
    ('fresh4_07', 'May 13'): 'f',
    ('fresh4_07', 'Sunday'): 'f',
    ('fresh4_08', 'Saturday morning'): 'f',
    ('fresh4_09', 'Wednesday'): 'f',
    ('fresh4_11', 'Monday'): 'f',
    ('fresh4_11', 'Sept. 30'): 'f',
    ('fresh4_12', 'March 18'): 'f',
    ('fresh4_12', 'April 12'): 'f',
    ('fresh4_12', 'Saturday'): 'f',
    ('fresh4_12', 'early June'): 'f',
    ('fresh4_12', 'July 1'): 'f',
    ('fresh4_06', 'mid-January'): 'f',
    ('fresh4_06', 'early February'): 'f',
    ('fresh4_06', 'Wednesday'): 'f',
    ('fresh4_13', '9:30 a.m. Monday'): 'f',
    ('fresh4_13', 'Thursday'): 'f',
    ('fresh4_14', 'October'): 'f',
    ('fresh4_14', 'Sunday'): 'f',
    ('fresh4_14', 'Monday'): 'f',
}

# Untagged time words that were reviewed and left untagged on purpose
# (file, snippet of the surrounding text).
DELIBERATE = [
    ('fresh4_01', '61 years old'), ('fresh4_01', '$80 million a year'),
    ('fresh4_01', 'early retirement'), ('fresh4_01', 'quarterly books'),
    ('fresh4_04', '24-year-old'), ('fresh4_04', 'most recently in'),
    ('fresh4_05', 'fire season'), ('fresh4_05', 'holiday rodeo'), ('fresh4_05', 'the time the wind'),
    ('fresh4_07', '57 years old'),
    ('fresh4_08', 'in their 80s'), ('fresh4_08', 'once the novelty'),
    ('fresh4_09', '47-year-old'), ('fresh4_09', 'most recently in'), ('fresh4_09', 'time off'),
    ('fresh4_10', '$9 million a year'), ('fresh4_10', 'worst possible time'), ('fresh4_10', 'holiday orders'),
    ('fresh4_11', 'earlier repairs'), ('fresh4_11', 'this time to act'), ('fresh4_11', '59 years old'),
    ('fresh4_12', '$400,000 a year'),
    ('fresh4_06', '54 years old'),
    ('fresh4_13', 'most recently'), ('fresh4_13', 'as soon as'), ('fresh4_13', 'shortly after'),
    ('fresh4_14', 'a day across'),
    ('fresh4_01', 'once the two systems'),
    ('fresh4_08', 'period dress'), ('fresh4_08', 'Former mill hands'), ('fresh4_09', 'roof fall'),
    ('fresh4_12', 'in time for'), ('fresh4_13', 'a former engineer'), ('fresh4_13', 'more time'),
]

TYPES = {'DATE', 'TIME', 'DURATION', 'SET'}
MODS = {'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN',
        'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX'}
DATE_RE = re.compile(r'^(\d{2,4}|\d{4}-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}(-WE)?)|\d{4}-\d{2}-\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF)$')
TIME_RE = re.compile(r'^\d{4}-\d{2}-\d{2}(T(MO|AF|EV|NI)|T\d{2}:\d{2})$')
DUR_RE = re.compile(r'^P((\d+|X)(Y|M|W|D|Q|E|C|L))+$|^PT(\d+|X)(H|M|S)$')
SET_RE = re.compile(r'^(P\d+[YMWDQ]|PT\d+[HMS]|XXXX-WXX-\d(T(MO|AF|EV|NI))?)$')
PREPS = {'on', 'in', 'at', 'by', 'since', 'until', 'within', 'for', 'during', 'over', 'from', 'to', 'through'}
OUTSIDE_MODS = {'about', 'early', 'late', 'the', 'least', 'than', 'mid', 'nearly', 'almost'}

WDN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
MONTHS = {'jan': 1, 'feb': 2, 'mar': 3, 'apr': 4, 'may': 5, 'jun': 6, 'jul': 7, 'aug': 8,
          'sep': 9, 'oct': 10, 'nov': 11, 'dec': 12}
PART = {'morning': 'TMO', 'afternoon': 'TAF', 'evening': 'TEV', 'night': 'TNI'}
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


def nth_weekday(y, m, wd, n):
    d = dt.date(y, m, 1)
    d += dt.timedelta(days=(wd - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def holiday(name, y):
    if name.startswith('thanksgiving'):
        return nth_weekday(y, 11, 3, 4)
    if name == 'labor day':
        return nth_weekday(y, 9, 0, 1)
    if name == 'christmas':
        return dt.date(y, 12, 25)
    if name in ('independence day', 'july 4'):
        return dt.date(y, 7, 4)
    return None


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


def derive(doc, dct, tid, text, attrs, prev):
    """Return (value, mod) derived from the text, or None if no rule applies."""
    t = text.lower().strip()
    reading = HINTS.get((doc, text), 'p')
    USED.add((doc, text)) if (doc, text) in HINTS else None
    mod = None
    # modifiers kept inside the extent
    for pre, m in (('about ', 'APPROX'), ('at least ', 'EQUAL_OR_MORE'), ('more than ', 'MORE_THAN'),
                   ('early ', 'START'), ('late ', 'END'), ('mid-', 'MID'), ('the end of ', 'END'),
                   ('the early ', 'START'), ('the mid-', 'MID'), ('the late ', 'END')):
        if t.startswith(pre):
            if pre.startswith('the ') and pre != 'the end of ':
                t = 'the ' + t[len(pre):]
            else:
                t = t[len(pre):]
            mod = m
            break
    if t in ('now',):
        return 'PRESENT_REF', mod
    if t in ('recently', 'recent years'):
        return 'PAST_REF', mod
    if t == 'yesterday':
        return (dct - dt.timedelta(1)).isoformat(), mod
    if t == 'today':
        return dct.isoformat(), mod
    if t == 'overnight':
        return (dct - dt.timedelta(1)).isoformat() + 'TNI', mod
    # clock time, with or without a weekday
    m = re.match(r'^(\d{1,2})(?::(\d{2}))? (a\.m\.|p\.m\.)(?: (\w+))?$', t)
    if m:
        h = int(m.group(1)) % 12 + (12 if m.group(3) == 'p.m.' else 0)
        if m.group(4):
            day = weekday_date(dct, m.group(4), reading)
        elif reading == 'dct':
            day = dct
        else:
            day = prev['day']
            if prev.get('night'):
                day = day + dt.timedelta(1)
        return '%sT%02d:%s' % (day.isoformat(), h, m.group(2) or '00'), mod
    # weekday (+ part of day), "next <weekday>"
    m = re.match(r'^(next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (morning|afternoon|evening|night))?$', t)
    if m:
        day = weekday_date(dct, m.group(2), 'f' if m.group(1) else reading)
        return day.isoformat() + (PART[m.group(3)] if m.group(3) else ''), mod
    # holidays
    for h in ('thanksgiving day', 'thanksgiving', 'labor day', 'christmas', 'independence day', 'july 4'):
        if t == h:
            return holiday(h, dct.year).isoformat(), mod
    # month day (no year)
    m = re.match(r'^([a-z]{3})[a-z]*\.? (\d{1,2})$', t)
    if m and m.group(1) in MONTHS:
        mo, d = MONTHS[m.group(1)], int(m.group(2))
        cands = [dt.date(y, mo, d) for y in (dct.year - 1, dct.year, dct.year + 1)]
        day = min(c for c in cands if c >= dct) if reading == 'f' else max(c for c in cands if c <= dct)
        return day.isoformat(), mod
    # month year
    m = re.match(r'^([a-z]{3})[a-z]* (\d{4})$', t)
    if m and m.group(1) in MONTHS:
        return '%s-%02d' % (m.group(2), MONTHS[m.group(1)]), mod
    # (last) month name
    m = re.match(r'^(last |the end of )?(january|february|march|april|may|june|july|august|september|october|november|december|[a-z]{3}-?)$', t)
    if m and m.group(2)[:3] in MONTHS:
        mo = MONTHS[m.group(2)[:3]]
        if m.group(1) == 'last ':
            y = dct.year if mo < dct.month else dct.year - 1
        else:
            y = month_year(dct, mo, reading)
        return '%04d-%02d' % (y, mo), mod
    m = re.match(r'^(january|february|march|april|may|june|july|august|september|october|november|december)$', text.lower().replace('early ', '').replace('mid-', '').replace('the end of ', ''))
    if m:
        mo = MONTHS[m.group(1)[:3]]
        return '%04d-%02d' % (month_year(dct, mo, reading), mo), mod
    # relative units
    m = re.match(r'^(last|this|next|earlier this|later this) (week|month|year|summer|fall|spring|winter)$', t)
    if m:
        rel, unit = m.groups()
        k = {'last': -1, 'next': 1}.get(rel, 0)
        if rel == 'earlier this':
            mod = 'START'
        if rel == 'later this':
            mod = 'END'
        if unit == 'week':
            return iso_week(dct + dt.timedelta(weeks=k)), mod
        if unit == 'month':
            n = dct.year * 12 + dct.month - 1 + k
            return '%04d-%02d' % (n // 12, n % 12 + 1), mod
        if unit == 'year':
            return '%04d' % (dct.year + k), mod
        return '%04d-%s' % (dct.year + k, SEASON[unit]), mod
    if t == 'a year ago':
        return '%04d' % (dct.year - 1), mod
    if t == 'the week':                       # only as "the end of the week"
        return iso_week(dct), mod
    if t == 'the weekend':
        sat = dct + dt.timedelta(days=(5 - dct.weekday()) % 7) if dct.weekday() <= 5 else dct - dt.timedelta(1)
        return iso_week(sat) + '-WE', mod
    # seasons with a year
    m = re.match(r'^the (spring|summer|fall|winter) of (\d{4})$', t)
    if m:
        return '%s-%s' % (m.group(2), SEASON[m.group(1)]), mod
    # quarters and halves
    m = re.match(r'^(the )?(fiscal )?(first|second|third|fourth)[- ]quarter$', t)
    if m:
        q = ORD[m.group(3)]
        if m.group(2):
            # fiscal year ending Sept. 30: fiscal Q4 = Jul-Sep of the fiscal year's number
            fy = dct.year + 1 if dct.month >= 10 else dct.year
            return '%04d-Q%d' % (fy, q), mod
        cq = quarter_of(dct)
        y = dct.year if q <= cq else dct.year - 1
        return '%04d-Q%d' % (y, q), mod
    m = re.match(r'^the (first|second) half(?: of (\d{4}))?$', t)
    if m:
        h = ORD[m.group(1)]
        y = int(m.group(2)) if m.group(2) else dct.year
        return '%04d-H%d' % (y, h), mod
    if t in ('a year earlier', 'the year-earlier period'):
        anc = prev['tags'].get(attrs.get('anchorTimeID'))
        if not anc or not re.match(r'^\d{4}-Q\d$', anc):
            return ('<anchor %s is no quarter>' % attrs.get('anchorTimeID'), mod)
        return '%04d%s' % (int(anc[:4]) - 1, anc[4:]), mod
    # fiscal years, years, decades, centuries
    m = re.match(r'^(?:fiscal )?(\d{4})$', t)
    if m:
        return m.group(1), mod
    if t == 'the current fiscal year':
        return '%04d' % (dct.year + 1 if dct.month >= 10 else dct.year), mod
    m = re.match(r'^the (\d{3})0s$', t)
    if m:
        return m.group(1), mod
    m = re.match(r'^the (\d{1,2})(st|nd|rd|th) century$', t)
    if m:
        return '%02d' % (int(m.group(1)) - 1), mod
    # durations
    m = re.match(r'^the (past|next) (decade|\d+ \w+|[a-z]+ \w+)$', t)
    if m:
        rel, rest = m.groups()
        if rest == 'decade':
            return 'P10Y', mod
        n, u = rest.split()
        return duration(numval(n), u), mod
    if t == 'the coming weeks':
        return 'PXW', mod
    if t == 'half a century':
        return 'P50Y', mod
    m = re.match(r'^(\w+) (years?|months?|weeks?|days?|quarters?|decades?|hours?|minutes?)$', t)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod
    m = re.match(r'^(?:the )?(\w+)[- ](months?|years?)$', t)
    if m and (m.group(1).isdigit() or m.group(1) in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod
    # sets
    m = re.match(r'^every (?:(\w+) )?(year|month|week|day|hour|minute|quarter)s?$', t)
    if m:
        n = numval(m.group(1)) if m.group(1) else 1
        return duration(n, m.group(2)), mod
    m = re.match(r'^every (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$', t)
    if m:
        return 'XXXX-WXX-%d' % (WDN.index(m.group(1)) + 1), mod
    m = re.match(r'^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s$', t)
    if m:
        return 'XXXX-WXX-%d' % (WDN.index(m.group(1)) + 1), mod
    m = re.match(r'^(once|twice|three times) a (year|month|week|day)$', t)
    if m:
        return duration(1, m.group(2)), mod
    if t == 'monthly':
        return 'P1M', mod
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
            if low.startswith('the past') and a.get('endPoint') != 't0':
                err(doc, '%s "the past ..." needs endPoint t0' % tid)
            if (low.startswith('the next') or low.startswith('the coming')) and a.get('beginPoint') != 't0':
                err(doc, '%s "the next ..." needs beginPoint t0' % tid)
        else:
            if own_year and tf != 'false':
                err(doc, '%s has its own year but temporalFunction=%s' % (tid, tf))
            if not own_year and (tf != 'true' or 'anchorTimeID' not in a):
                err(doc, '%s relative expression needs temporalFunction=true and an anchor' % tid)
        if 'anchorTimeID' in a and a['anchorTimeID'] not in prev['tags']:
            err(doc, '%s anchor %s unknown or later' % (tid, a['anchorTimeID']))
        for k in ('beginPoint', 'endPoint'):
            if k in a and typ != 'DURATION':
                err(doc, '%s %s on %s' % (tid, k, typ))
        if ('quant' in a or 'freq' in a) and typ != 'SET':
            err(doc, '%s quant/freq on %s' % (tid, typ))
        if typ == 'SET':
            if ext.lower().startswith('every') and a.get('quant') != 'EVERY':
                err(doc, '%s "every" needs quant=EVERY' % tid)
            if a.get('freq') != expected_freq(ext):
                err(doc, '%s freq %r, expected %r' % (tid, a.get('freq'), expected_freq(ext)))
        # extents
        before = plain.rstrip().split()
        last = before[-1].lower().strip('("`') if before else ''
        first = ext.split()[0].lower()
        if first in PREPS and not ext.lower().startswith('at least'):
            err(doc, '%s extent starts with preposition %r' % (tid, ext))
        if last in OUTSIDE_MODS or (last == 'at' and len(before) > 1 and False):
            err(doc, '%s word %r left outside extent %r' % (tid, last, ext))
        if ext != ext.strip():
            err(doc, '%s extent has outer spaces' % tid)
        # value re-derivation
        got = derive(doc, dct, tid, ext, a, prev)
        if got is None:
            err(doc, '%s no rule for %r' % (tid, ext))
        else:
            v, m = got
            if v != val:
                err(doc, '%s %r: value %s, re-derived %s' % (tid, ext, val, v))
            if m != a.get('mod'):
                err(doc, '%s %r: mod %s, re-derived %s' % (tid, ext, a.get('mod'), m))
            if 'mod' in a:
                counts['mod'][a['mod']] = counts['mod'].get(a['mod'], 0) + 1
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
    if re.search(r'\s[,.;:]', plain) or '..' in plain.replace('...', '') or '<' in plain or '[[' in plain:
        err(doc, 'stray space, doubled period or markup in text')
    # untagged time words
    untagged = ET.tostring(text, encoding='unicode')
    untagged = re.sub(r'<TIMEX3[^>]*>.*?</TIMEX3>', ' @ ', untagged)
    untagged = re.sub(r'<[^>]+>', ' ', untagged).replace('&amp;', '&')
    lex = re.compile(r"\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
                     r"january|february|march|april|june|july|august|september|october|november|december|"
                     r"(jan|feb|aug|sept?|oct|nov|dec)\.|yesterday|today|tomorrow|tonight|now|recent|recently|"
                     r"currently|soon|once|years?|months?|weeks?|days?|daily|weekly|monthly|annual|annually|"
                     r"quarterly|hourly|decades?|century|quarters?|spring|summer|fall|autumn|winter|season|"
                     r"morning|afternoon|evening|night|noon|midnight|dawn|christmas|thanksgiving|holiday|hours?|"
                     r"minutes?|a\.m\.|p\.m\.|1\d{3}s?|20\d{2}|\d+s|\d+-year-old|time|earlier|early|ago|"
                     r"later|previously|former|period)(?![\w-])", re.I)
    for mm in lex.finditer(untagged):
        ctx = ' '.join(untagged[max(0, mm.start() - 30):mm.end() + 30].split())
        if not any(d == doc and s in ctx for d, s in DELIBERATE):
            err(doc, 'untagged time word %r in "...%s..."' % (mm.group(0), ctx))


def main():
    files = sorted(glob.glob(os.path.join(HERE, 'fresh4_*.tml')))
    counts = {'type': {}, 'mod': {}, 'timex': {}, 'words': {}}
    for f in files:
        check_file(f, counts)
    for k in HINTS:
        if k not in USED:
            err(k[0], 'hint for %r never used' % k[1])
    print('%d files' % len(files))
    for d in sorted(counts['timex']):
        print('  %s  %3d TIMEX3  %3d words' % (d, counts['timex'][d], counts['words'][d]))
    print('TIMEX3 total:', sum(counts['timex'].values()), ' by type:', counts['type'])
    print('mod:', counts['mod'])
    print('words total:', sum(counts['words'].values()))
    if errors:
        print('\n%d problems:' % len(errors))
        for e in errors:
            print('  ' + e)
        sys.exit(1)
    print('no problems')


if __name__ == '__main__':
    main()
