import json,re,sys
rows=json.load(open('/tmp/timeml-fresh6/study/tbaq.json'))
pat=re.compile(sys.argv[1],re.I)
field=sys.argv[2] if len(sys.argv)>2 else 'text'
for r in rows:
    if pat.search(r[field]):
        extra=' '.join('%s=%s'%(k,v) for k,v in r.items() if k in('mod','anchorTimeID','beginPoint','endPoint','quant','freq'))
        print('%-22s %-10s %-8s %-14s %s | %s [%s] %s'%(r['f'][:22],r['dct'][:10],r['type'],r['value'],extra,r['pre'][-35:],r['text'],r['post'][:30]))
