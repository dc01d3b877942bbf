import re,glob,json
rows=[]
for f in sorted(glob.glob('/work/shared/data/time/tempeval3-tbaq/*/*.tml')):
    s=open(f).read()
    dct=re.search(r'<DCT>.*?value="([^"]*)"',s,re.S).group(1)
    body=s
    plain=re.sub(r'<(?!/?TIMEX3)[^>]*>','',body)
    for m in re.finditer(r'<TIMEX3([^>]*)>(.*?)</TIMEX3>',plain,re.S):
        a=dict(re.findall(r'(\w+)="([^"]*)"',m.group(1)))
        if a.get('functionInDocument')=='CREATION_TIME': continue
        pre=re.sub(r'<[^>]*>','',plain[max(0,m.start()-300):m.start()])[-60:]
        post=re.sub(r'<[^>]*>','',plain[m.end():m.end()+300])[:50]
        rows.append(dict(f=f.split('/')[-1],dct=dct,text=' '.join(m.group(2).split()),pre=' '.join(pre.split()),post=' '.join(post.split()),**a))
json.dump(rows,open('/tmp/timeml-fresh6/study/tbaq.json','w'))
print(len(rows))
