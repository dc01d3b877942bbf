import re,sys
for f in sys.argv[1:]:
    s=open(f).read()
    s=re.sub(r'</?(EVENT|SIGNAL|MAKEINSTANCE|TLINK|SLINK|ALINK)[^>]*>','',s)
    def t(m):
        a=dict(re.findall(r'(\w+)="([^"]*)"',m.group(1)))
        extra=' '.join('%s=%s'%(k,v) for k,v in a.items() if k not in('tid','type','value','temporalFunction','functionInDocument'))
        return '[%s %s %s %s|%s]'%(a['tid'],a['type'],a.get('value'),extra,m.group(2))
    s=re.sub(r'<TIMEX3([^>]*)>(.*?)</TIMEX3>',t,s,flags=re.S)
    s=re.sub(r'\n\s*\n+','\n',s)
    print('=====',f); print(s[:6000])
