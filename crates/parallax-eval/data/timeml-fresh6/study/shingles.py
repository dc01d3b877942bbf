"""7-word shingle overlap between the fresh6 stories and TBAQ plus sets 1-5.
Text is taken from <TEXT>, tags stripped, lower-cased, split on whitespace, with
punctuation stripped from the ends of each word."""
import glob, re, sys
N = 7
def words(path):
    s = open(path, encoding='utf-8', errors='replace').read()
    m = re.search(r'<TEXT>(.*?)</TEXT>', s, re.S)
    t = re.sub(r'<[^>]+>', ' ', m.group(1) if m else s)
    t = t.replace('&amp;', '&')
    return [w.strip('.,;:!?"\'`()_-').lower() for w in t.split() if w.strip('.,;:!?"\'`()_-')]
def shingles(ws):
    return {' '.join(ws[i:i + N]) for i in range(len(ws) - N + 1)}
D = '/work/main/crates/parallax-eval/data/'
refs = (glob.glob('/work/shared/data/time/tempeval3-tbaq/*/*.tml')
        + glob.glob(D + 'timeml-fresh/*.tml') + glob.glob(D + 'timeml-fresh2/*.tml')
        + glob.glob('/tmp/timeml-fresh2/*.tml') + glob.glob(D + 'timeml-fresh3/*.tml')
        + glob.glob(D + 'timeml-fresh4/*.tml') + glob.glob(D + 'timeml-fresh5/*.tml'))
index = {}
for r in refs:
    for sh in shingles(words(r)):
        index.setdefault(sh, set()).add(r.split('/')[-2] + '/' + r.split('/')[-1])
print(len(refs), 'reference files')
hits = 0
for f in sorted(glob.glob('/tmp/timeml-fresh6/fresh6_*.tml')):
    for sh in sorted(shingles(words(f))):
        if sh in index:
            hits += 1
            print('%s  "%s"  <- %s' % (f.split('/')[-1][:9], sh, ', '.join(sorted(index[sh])[:3])))
print(hits, 'shared shingles')
