import json,collections,re,difflib
labs=[json.loads(l) for l in open("labels.jsonl")]
U=[r for r in labs if r["changed"] and any(r["dir"].startswith(p) for p in ["s20/T_read","s21/U_read","s22/V_read","s22/W_read","s23/Xread","s24/Yread"])]
def sents(t): return [s for s in re.split(r'(?<=[.!?])\s+|\n+', t) if s.strip()]
W=re.compile(r"\w+")
NOTIFY=re.compile(r"let you know|notify|tell you|ilmoita|kerro|kerromme|læt þig vita|látum þig vita|gi beskjed|gir beskjed|gir deg beskjed|varsle|sende deg",re.I)
NEG=re.compile(r"\b(not|no|never|cannot|can't|won't|unable|ei|emme|en|et|eivät|ekki|enginn|engin|ikke|ingen|aldri|kan ikke)\b|n't\b",re.I)
rows=[]
for r in U:
    a,b=sents(r["text"]),sents(r["output"])
    sm=difflib.SequenceMatcher(a=a,b=b)
    ins=[];outs=[]
    for op,i1,i2,j1,j2 in sm.get_opcodes():
        if op!="equal": ins+=a[i1:i2]; outs+=b[j1:j2]
    I=" ".join(ins); O=" ".join(outs)
    iw=W.findall(I.lower()); ow=W.findall(O.lower())
    # shared word run: longest common word block
    m=difflib.SequenceMatcher(a=iw,b=ow).find_longest_match(0,len(iw),0,len(ow))
    kept=m.size
    new=[w for w in ow if w not in set(iw)]
    f={"comma":"," in I,"ratio":len(ow)/max(1,len(iw)),"notify":bool(NOTIFY.search(O)),
       "kept":kept,"new":len(new),"iw":len(iw),"nsent_out_more":len(outs)>len(ins),
       "neg_left":bool(NEG.search(" ".join(s for s in b if s in a))) ,"msg":"\n" in r["text"]}
    rows.append((f,r["nf"],r))
def show(name,fn):
    for v in (True,False):
        s=[nf for f,nf,_ in rows if fn(f)==v]
        print(f"{name}={v}: {sum(s)}/{len(s)} = {sum(s)/max(1,len(s)):.2f}")
show("kept>=4",lambda f:f["kept"]>=4)
show("kept>=6",lambda f:f["kept"]>=6)
show("new>=8",lambda f:f["new"]>=8)
show("new>=12",lambda f:f["new"]>=12)
show("iw>=15",lambda f:f["iw"]>=15)
show("more sents",lambda f:f["nsent_out_more"])
show("neg_left",lambda f:f["neg_left"])
show("ratio>1.6",lambda f:f["ratio"]>1.6)
show("ratio>1.3",lambda f:f["ratio"]>1.3)
print()
for th in (4,6,8,10):
  for cm in (True,False):
    s=[nf for f,nf,_ in rows if f["new"]<th and (not cm or not f["comma"])]
    print("new<",th,"nocomma" if cm else "", f"{sum(s)}/{len(s)} = {sum(s)/max(1,len(s)):.2f}")
s=[nf for f,nf,_ in rows if f["new"]<8 and not f["comma"] and not f["notify"]]
print("new<8 nocomma nonotify", f"{sum(s)}/{len(s)}")
s=[nf for f,nf,_ in rows if f["new"]<10 and not f["nsent_out_more"] and not f["comma"]]
print("new<10 nomore nocomma", f"{sum(s)}/{len(s)}")
print()
for L in "en fi is nb".split():
    a=[nf for f,nf,r in rows if r["lang"]==L]
    s=[nf for f,nf,r in rows if r["lang"]==L and f["new"]<6 and not f["comma"]]
    print(L, f"all {sum(a)}/{len(a)}  gated {sum(s)}/{len(s)}")
print("faults kept by gate:")
for f,nf,r in rows:
    if f["new"]<6 and not f["comma"] and not nf: print(r["lang"], r["id"], r["note"][:150])
print()
g=[r for f,nf,r in rows if f["new"]<6 and not f["comma"]]
ng=[r for f,nf,r in rows if not(f["new"]<6 and not f["comma"])]
print("send gated",sum(r["send"] for r in g),len(g)," send others",sum(r["send"] for r in ng),len(ng))
import random; random.seed(1)
for f,nf,r in random.sample([x for x in rows if x[1] and not(x[0]["new"]<6 and not x[0]["comma"])],8):
    a,b=sents(r["text"]),sents(r["output"])
    print(r["lang"],f["new"],f["comma"]," IN:",[s for s in a if s not in b][:2]," OUT:",[s for s in b if s not in a][:2])
print()
def newstem(I,O,k):
    iw=set(w[:k] for w in W.findall(I.lower())); return [w for w in W.findall(O.lower()) if w[:k] not in iw]
rows2=[]
for f,nf,r in rows:
    a,b=sents(r["text"]),sents(r["output"])
    sm=difflib.SequenceMatcher(a=a,b=b); ins=[];outs=[]
    for op,i1,i2,j1,j2 in sm.get_opcodes():
        if op!="equal": ins+=a[i1:i2]; outs+=b[j1:j2]
    rows2.append((len(newstem(" ".join(ins)," ".join(outs),5)),f,nf,r))
for th in (5,6,7,8):
    for L in [None,"en","fi","is","nb"]:
        s=[nf for n,f,nf,r in rows2 if n<th and not f["comma"] and (L is None or r["lang"]==L)]
        sd=[r["send"] for n,f,nf,r in rows2 if n<th and not f["comma"] and (L is None or r["lang"]==L)]
        print(th,L,f"{sum(s)}/{len(s)} send {sum(sd)}",end=" | ")
    print()
print()
gates={
 "A new<6&!comma":lambda f:f["new"]<6 and not f["comma"],
 "B !(comma&new>=6) & new<12":lambda f:not(f["comma"] and f["new"]>=6) and f["new"]<12,
 "C B & !more":lambda f:not(f["comma"] and f["new"]>=6) and f["new"]<12 and not f["nsent_out_more"],
 "D new<10 & !comma":lambda f:f["new"]<10 and not f["comma"],
 "E !comma & !more & new<12":lambda f:not f["comma"] and not f["nsent_out_more"] and f["new"]<12,
 "F !more & new<10":lambda f:not f["nsent_out_more"] and f["new"]<10,
}
for k,g in gates.items():
    s=[(nf,r["send"]) for f,nf,r in rows if g(f)]
    print(k, f"nf {sum(a for a,b in s)}/{len(s)} = {sum(a for a,b in s)/len(s):.2f}, send {sum(b for a,b in s)}")
print()
for m in (True,False):
  for nt in (True,False):
    s=[(nf,r["send"]) for f,nf,r in rows if not f["comma"] and f["new"]>=6 and f["msg"]==m and f["notify"]==nt]
    print("msg",m,"notify",nt, f"{sum(a for a,b in s)}/{len(s)}")
