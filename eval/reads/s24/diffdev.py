"""diffdev.py A B: outputs that differ between two rundev runs, per language."""
import json, sys
a, b = sys.argv[1], sys.argv[2]
for L in "en fi is nb".split():
    A = {json.loads(l)["id"]: json.loads(l) for l in open(f"{a}_{L}.jsonl")}
    B = {json.loads(l)["id"]: json.loads(l) for l in open(f"{b}_{L}.jsonl")}
    diff = [i for i in A if A[i]["output"] != B[i]["output"]]
    ch_a = sum(A[i]["output"] != A[i]["text"] for i in A); ch_b = sum(B[i]["output"] != B[i]["text"] for i in B)
    print(f"== {L}: changed {ch_a} -> {ch_b}, {len(diff)} outputs differ")
    if "-v" in sys.argv:
        for i in diff:
            print(" ", i); print("   IN :", A[i]["text"][:400]); print("   OLD:", A[i]["output"][:400]); print("   NEW:", B[i]["output"][:400])
