#!/usr/bin/env python3
"""Checker for the fresh6 TimeML set (adapted from timeml-fresh5/check.py).

For every fresh6_*.tml next to this script it
  1. parses the file with xml.etree (well-formedness) and checks the layout:
     XML header, root, DOCID = file name, DCT t0, TITLE, TEXT holding only TIMEX3;
  2. checks tids (t1..tN in order), types, value syntax per type, mod, the
     temporalFunction / anchorTimeID / beginPoint / endPoint / quant / freq rules
     and the attribute order;
  3. checks extents (no leading preposition, no modifier or possessive 's left inside
     or just outside a tag), word count (340-400) and TIMEX3 count (15-18);
  4. scans the untagged text for time words and reports any that are not in a
     reviewed list of deliberate non-tags (ages, rates, adjectives ...);
  5. re-derives every value (and mod and type) from the tag's text and the DCT with
     datetime (and dateutil for Easter), independently of gen.py.  The only extra
     inputs are HINTS (a past/future reading of a weekday, month, date, quarter, half
     or holiday, taken from the tense of the sentence, not a value) and FISCAL_END
     (the month in which a company's fiscal year ends, as its story states it).
Exit status 1 if anything is wrong.
"""
import datetime as dt
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

from dateutil.easter import easter

HERE = os.path.dirname(os.path.abspath(__file__))

# (file, extent) -> reading, for every occurrence of that extent in the file.
# 'f' = future clause, 'p' = past clause (the default),
# 'dct' = a bare clock time that falls on the DCT although another day was named before.
HINTS = {
    ('fresh6_01', 'the fiscal second quarter'): 'f',
    ('fresh6_01', 'May 31'): 'f',
    ('fresh6_01', 'April'): 'f',
    ('fresh6_02', 'the fourth quarter'): 'f',
    ('fresh6_02', 'Christmas'): 'f',
    ('fresh6_02', 'October'): 'f',
    ('fresh6_03', 'Christmas'): 'f',
    ('fresh6_03', 'Jan. 31'): 'f',
    ('fresh6_03', 'Wednesday'): 'f',
    ('fresh6_03', 'March'): 'f',
    ('fresh6_04', 'June 30'): 'f',
    ('fresh6_04', 'Memorial Day'): 'f',
    ('fresh6_04', 'Tuesday'): 'f',
    ('fresh6_05', 'Oct. 24'): 'f',
    ('fresh6_05', 'Thursday'): 'f',
    ('fresh6_05', 'early October'): 'f',
    ('fresh6_05', 'Sept. 20'): 'f',
    ('fresh6_06', 'Jan. 28'): 'f',
    ('fresh6_06', 'the second half'): 'f',
    ('fresh6_06', 'March'): 'f',
    ('fresh6_07', 'the fiscal second quarter'): 'f',
    ('fresh6_07', 'Thanksgiving'): 'f',
    ('fresh6_07', 'Christmas'): 'f',
    ('fresh6_07', 'Tuesday'): 'f',
    ('fresh6_08', 'Easter Sunday'): 'f',
    ('fresh6_08', 'Monday'): 'f',
    ('fresh6_08', 'Sunday'): 'f',
    ('fresh6_09', 'Tuesday'): 'f',
    ('fresh6_09', '4:15 a.m.'): 'dct',
    ('fresh6_10', 'Friday'): 'f',
    ('fresh6_10', 'Thanksgiving'): 'f',
    ('fresh6_10', 'Dec. 21'): 'f',
    ('fresh6_10', 'January'): 'f',
    ('fresh6_11', 'Saturday'): 'f',
    ('fresh6_12', 'Monday'): 'f',
    ('fresh6_12', 'June'): 'f',
    ('fresh6_13', 'Tuesday'): 'f',
    ('fresh6_13', "New Year's Eve"): 'f',
    ('fresh6_13', "New Year's Day"): 'f',
    ('fresh6_13', 'March'): 'f',
    ('fresh6_14', 'July'): 'f',
    ('fresh6_14', 'Friday'): 'f',
}

# Month in which the fiscal year ends, for stories that name fiscal quarters
# (fresh6_01: its fiscal first quarter "ran from December through February";
# fresh6_07: "fiscal 1991, which ended June 30").
FISCAL_END = {'fresh6_01': 11, 'fresh6_07': 6}

# Untagged time words that were reviewed and left untagged on purpose
# (file, snippet of the surrounding text).
DELIBERATE = [
    ('fresh6_01', 'straight annual loss'), ('fresh6_03', 'two-year-old patient'),
    ('fresh6_05', 'annual meeting'), ('fresh6_05', 'two former magazine'),
    ('fresh6_08', 'Ruth Abernathy, 71'), ('fresh6_09', 'Carl Pettibone, 44'),
    ('fresh6_12', 'Lindqvist, 29'), ('fresh6_13', '200 ships a week'),
    ('fresh6_06', 'a fall of about 25%'),
    # "later" after a duration stays outside the tag ("[10 minutes] later", TBAQ 3 : 0)
    ('fresh6_13', 'was lost @ later'), ('fresh6_14', 'fell ill @ later'),
    # generic "season", not a period of a particular year
    ('fresh6_01', 'busiest selling season'), ('fresh6_01', 'One good season'),
    # ordinary words on the lexicon's edge (first/last/once/while/then ...), none of them a time here
    ('fresh6_01', 'that once employed'),
    ('fresh6_02', "Quillon's first since"), ('fresh6_02', 'idle for @ while'),
    ('fresh6_03', 'Ohio, first wrote'),
    ('fresh6_04', 'led by First Cumberland'),
    ('fresh6_08', 'the leak while police'),
    ('fresh6_09', 'after the first guard'),
    ('fresh6_10', 'once engineers'), ('fresh6_10', 'since then, along'), ('fresh6_10', 'We did it once'),
    ('fresh6_11', 'Talvar last erupted'), ('fresh6_11', 'its last major'),
    ('fresh6_12', 'roadblock on @ while'), ('fresh6_12', 'then dropped the demand'),
    ('fresh6_14', 'since the first patient'),
]

HEADER = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')
ATTR_ORDER = ['tid', 'type', 'value', 'mod', 'temporalFunction', 'functionInDocument', 'anchorTimeID',
              'beginPoint', 'endPoint', 'quant', 'freq']
TYPES = {'DATE', 'TIME', 'DURATION', 'SET'}
MODS = {'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN',
        'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX'}
DATE_RE = re.compile(r'^(\d{2,4}|\d{4}-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}(-WE)?)|\d{4}-\d{2}-\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF)$')
TIME_RE = re.compile(r'^\d{4}-\d{2}-\d{2}(T(MO|AF|EV|NI)|T\d{2}:\d{2}|T24)$')
DUR_RE = re.compile(r'^P((\d+|X)(Y|M|W|D|Q))+$|^PT(\d+|X)(H|M|S)$')
SET_RE = re.compile(r'^(P\d+[YMWDQ]|PT\d+[HMS]|XXXX-WXX-\d(T(MO|AF|EV|NI))?)$')
PREPS = {'on', 'in', 'at', 'by', 'since', 'until', 'within', 'for', 'during', 'over', 'from', 'to', 'through'}
OUTSIDE_MODS = {'about', 'early', 'late', 'the', 'least', 'than', 'mid', 'nearly', 'almost', 'recent'}

WDN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
MONTHS = {'jan': 1, 'feb': 2, 'mar': 3, 'apr': 4, 'may': 5, 'jun': 6, 'jul': 7, 'aug': 8,
          'sep': 9, 'oct': 10, 'nov': 11, 'dec': 12}
NUM = {'few': 'X', 'several': 'X', 'a': 1, 'an': 1, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7,
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


def fiscal_quarter(doc, dct, q, reading):
    """Fiscal quarter q written as TBAQ writes fiscal quarters: the fiscal number, with
    the calendar year in which that quarter ends.  Past reading: the latest such quarter
    that has ended by the DCT; future reading: the first one that ends after it."""
    fy_end = FISCAL_END[doc]
    end_month = (fy_end + 3 * q - 1) % 12 + 1        # month in which fiscal quarter q ends
    ends = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        nxt = dt.date(y + (end_month == 12), end_month % 12 + 1, 1)
        ends.append(nxt - dt.timedelta(days=1))
    if reading == 'f':
        e = min(x for x in ends if x >= dct)
    else:
        e = max(x for x in ends if x <= dct)
    return '%04d-Q%d' % (e.year, q)


def holiday(name, dct, reading, prefix):
    """Fixed and movable holidays: the nearest one before (p) or after (f) the DCT."""
    def day_in(y):
        if name in ('christmas', 'christmas day'):
            return dt.date(y, 12, 25)
        if name == "new year's eve":
            return dt.date(y, 12, 31)
        if name == "new year's day":
            return dt.date(y, 1, 1)
        if name in ('easter', 'easter sunday'):
            return easter(y)
        if name == 'memorial day':                    # last Monday in May
            d = dt.date(y, 5, 31)
            while d.weekday() != 0:
                d -= dt.timedelta(1)
            return d
        if name == 'labor day':                       # first Monday in September
            d = dt.date(y, 9, 1)
            while d.weekday() != 0:
                d += dt.timedelta(1)
            return d
        if name == 'thanksgiving':                    # fourth Thursday in November
            thursdays = [dt.date(y, 11, k) for k in range(1, 31) if dt.date(y, 11, k).weekday() == 3]
            return thursdays[3]
        return None
    cands = [day_in(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if None in cands:
        return None
    if reading == 'f':
        return min(c for c in cands if c >= dct)
    if prefix == 'last':
        return max(c for c in cands if c < dct)
    return max(c for c in cands if c <= dct)


def period_of(dct, n, per_year, reading):
    """Quarter or half number n (per_year 4 or 2): the current or latest one that has
    begun by the DCT (p), or the current or next one (f)."""
    size = 12 // per_year
    cur = (dct.month - 1) // size + 1
    if reading == 'f':
        return dct.year if n >= cur else dct.year + 1
    return dct.year if n <= cur else dct.year - 1


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
    anc = prev['tags'].get(attrs.get('anchorTimeID'), '')
    # *_REF words
    if t in ('now', 'currently'):
        return 'PRESENT_REF', mod, D
    if t in ('recently', 'recent years'):
        return 'PAST_REF', mod, D
    if t in ('soon', 'the future'):
        return 'FUTURE_REF', mod, D
    # relative days
    if t == 'yesterday':
        return (dct - dt.timedelta(1)).isoformat(), mod, D
    if t == 'today':
        return dct.isoformat(), mod, D
    if t == 'overnight':
        return (dct - dt.timedelta(1)).isoformat() + 'TNI', mod, T
    if t in ('the next day', 'the following day', 'the day before'):
        if not re.match(r'^\d{4}-\d{2}-\d{2}$', anc):
            return '<anchor %s is no day>' % attrs.get('anchorTimeID'), mod, D
        k = -1 if t == 'the day before' else 1
        return (dt.date.fromisoformat(anc) + dt.timedelta(k)).isoformat(), mod, D
    m = re.match(r'^that (morning|afternoon|evening|night)$', t)
    if m:                                                      # part of an earlier-named day
        if not re.match(r'^\d{4}-\d{2}-\d{2}$', anc):
            return '<anchor %s is no day>' % attrs.get('anchorTimeID'), mod, T
        return anc + {'morning': 'TMO', 'afternoon': 'TAF', 'evening': 'TEV', 'night': 'TNI'}[m.group(1)], mod, T
    # clock time, with or without a weekday; "noon", "midnight"
    m = re.match(r'^(?:(\d{1,2})(?::(\d{2}))? (a\.m\.|p\.m\.)|(noon|midnight))(?: (\w+))?$', t)
    if m:
        if m.group(4):
            h, mi = (12 if m.group(4) == 'noon' else 24), '00'
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
        if h == 24:                                            # TBAQ's one "midnight": hour only
            return '%sT24' % day.isoformat(), mod, T
        return '%sT%02d:%s' % (day.isoformat(), h, mi), mod, T
    # weekday, "last <weekday>"; weekday + night/morning is the plain date (TBAQ's majority);
    # weekday + afternoon/evening keeps its suffix as a TIME (TBAQ 3 : 0)
    m = re.match(r'^(last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)'
                 r'(?: (morning|night|afternoon|evening))?$', t)
    if m:
        day = weekday_date(dct, m.group(2), 'p' if m.group(1) else reading)
        if m.group(1) and day == dct:
            day -= dt.timedelta(7)
        if m.group(3) in ('afternoon', 'evening'):
            return day.isoformat() + ('TAF' if m.group(3) == 'afternoon' else 'TEV'), mod, T
        return day.isoformat(), mod, D
    # holidays
    m = re.match(r"^(last )?(christmas day|christmas|new year's eve|new year's day|easter sunday|easter|"
                 r"memorial day|labor day|thanksgiving)$", t)
    if m:
        h = holiday(m.group(2), dct, reading, 'last' if m.group(1) else '')
        return (h.isoformat() if h else None), mod, D
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
    m = re.match(r'^(last|this|next) (week|month|year|summer|fall|spring|winter)$', t)
    if m:
        rel, unit = m.groups()
        k = {'last': -1, 'next': 1}.get(rel, 0)
        if unit == 'week':
            return iso_week(dct + dt.timedelta(weeks=k)), mod, D
        if unit == 'month':
            n = dct.year * 12 + dct.month - 1 + k
            return '%04d-%02d' % (n // 12, n % 12 + 1), mod, D
        if unit == 'year':
            return '%04d' % (dct.year + k), mod, D
        return '%04d-%s' % (dct.year + k, SEASON[unit]), mod, D
    if t == 'the weekend':
        # the weekend the DCT falls in, or else the one just before it
        sat = dct - dt.timedelta(days=(dct.weekday() - 5) % 7)
        return iso_week(sat) + '-WE', mod, D
    if t == 'the year':                                          # "the year", "the end of the year"
        return '%04d' % dct.year, mod, D
    # "N years ago", "a year ago", "a decade ago": the year (TBAQ's majority)
    m = re.match(r'^(\w+) (years?|decades?) ago$', t)
    if m:
        n = numval(m.group(1)) * (10 if m.group(2).startswith('decade') else 1)
        return '%04d' % (dct.year - n), mod, D
    # bare season: the one of the DCT's year
    if t in SEASON:
        return '%04d-%s' % (dct.year, SEASON[t]), mod, D
    # seasons with a year
    m = re.match(r'^the (spring|summer|fall|winter) of (\d{4})$', t)
    if m:
        return '%s-%s' % (m.group(2), SEASON[m.group(1)]), mod, D
    # quarters and halves
    m = re.match(r'^(?:the )?(fiscal )?(first|second|third|fourth)[- ]quarter(?: of (\d{4}))?$', t)
    if m:
        q = ORD[m.group(2)]
        if m.group(3):
            return '%s-Q%d' % (m.group(3), q), mod, D
        if m.group(1):
            return fiscal_quarter(doc, dct, q, reading), mod, D
        return '%04d-Q%d' % (period_of(dct, q, 4, reading), q), mod, D
    m = re.match(r'^the (first|second) half$', t)
    if m:
        h = ORD[m.group(1)]
        return '%04d-H%d' % (period_of(dct, h, 2, reading), h), mod, D
    # periods named through an anchor
    if t == 'the quarter':
        if not re.match(r'^\d{4}-Q\d$', anc):
            return '<anchor %s is no quarter>' % attrs.get('anchorTimeID'), mod, D
        return anc, mod, D
    if t in ('a year earlier', 'the year-earlier period', 'the year-earlier quarter', 'the year-earlier month'):
        want = {'the year-earlier quarter': r'Q\d', 'the year-earlier month': r'\d{2}'}.get(t, r'(Q\d|H\d)')
        if not re.match(r'^\d{4}-%s$' % want, anc):
            return '<anchor %s does not fit>' % attrs.get('anchorTimeID'), mod, D
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
    m = re.match(r'^the (?:first )?(\w+) (months|hours)$', t)      # "the nine months", "the three months"
    if m and (m.group(1).isdigit() or m.group(1) in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    m = re.match(r'^(\w+) (?:straight |consecutive )?(years?|months?|weeks?|days?|quarters?|decades?|hours?|minutes?)$', t)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    m = re.match(r'^(years|months|weeks|days|hours)$', t)             # bare plural: a vague duration
    if m:
        return duration('X', m.group(1)), mod, DU
    m = re.match(r'^(\w+)-(year|month|week|day)$', t)               # compound adjectives
    if m and (m.group(1).isdigit() or m.group(1) in NUM):
        return duration(numval(m.group(1)), m.group(2)), mod, DU
    # sets
    m = re.match(r'^(?:every|each) (?:(\w+) )?(year|month|week|day|hour|minute|quarter)s?$', t)
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
            want_q = {'every': 'EVERY', 'each': 'EACH'}.get(ext.lower().split()[0])
            if a.get('quant') != want_q:
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
    if not 15 <= n <= 18:
        err(doc, '%d TIMEX3 (want 15-18)' % n)
    w = words(plain)
    counts['words'][doc] = w
    if not 340 <= w <= 400:
        err(doc, '%d words (want 340-400)' % w)
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
    files = sorted(glob.glob(os.path.join(HERE, 'fresh6_*.tml')))
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
