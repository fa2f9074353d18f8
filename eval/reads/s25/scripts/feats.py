import json,collections,re,difflib
labs=[json.loads(l) for l in open("labels.jsonl")]
U=[r for r in labs if r["changed"] and any(r["dir"].startswith(p) for p in ["s20/T_read","s21/U_read","s22/V_read","s22/W_read","s23/Xread","s24/Yread"])]
def sents(t): return [s for s in re.split(r'(?<=[.!?])\s+|\n+', t) if s.strip()]
TIME=re.compile(r"\b(before|until|earliest|not until|ennen|aikaisintaan|vasta|fyrr en|fyrr|fyrst|í fyrsta lagi|før|tidligst|ikke før|først)\b",re.I)
NOTIFY=re.compile(r"let you know|notify|tell you|ilmoita|kerro|kerromme|læt þig vita|látum þig vita|gi beskjed|gir beskjed|gir deg beskjed|varsle|sende deg",re.I)
rows=[]
for r in U:
    a,b=sents(r["text"]),sents(r["output"])
    sm=difflib.SequenceMatcher(a=a,b=b)
    ins=[];outs=[]
    for op,i1,i2,j1,j2 in sm.get_opcodes():
        if op!="equal": ins+=a[i1:i2]; outs+=b[j1:j2]
    I=" ".join(ins); O=" ".join(outs)
    f={"msg":"\n" in r["text"],"time":bool(TIME.search(I)),"notify":bool(NOTIFY.search(O)),
       "nchanged":len(ins),"long":len(I.split())>18,"comma":"," in I,
       "outlonger":len(O.split())>1.6*len(I.split())}
    rows.append((f,r["nf"]))
for k in rows[0][0]:
    for v in (True,False):
        s=[nf for f,nf in rows if f[k]==v]
        print(f"{k}={v}: {sum(s)}/{len(s)} = {sum(s)/max(1,len(s)):.2f}")
print()
import itertools
for combo in [("comma","outlonger","notify"),("comma","outlonger"),("comma","notify"),("outlonger","notify"),("long","comma","outlonger","notify")]:
    s=[nf for f,nf in rows if not any(f[k] for k in combo)]
    print(combo, f"clean: {sum(s)}/{len(s)} = {sum(s)/len(s):.2f}")
