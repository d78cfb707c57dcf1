#!/usr/bin/env python3
"""Why wcxb pages were lost: for each page whose record holds under 10% of the reference words, sums the
reference words each removal reason took. Usage: lost_reasons.py OUT/articles.jsonl [-v] (-v lists pages)."""
import json, os, re, sys, collections
pred = sys.argv[1]
truth = "/work/shared/eval/wcxb-dev/truth"
rej = os.path.join(os.path.dirname(pred), "rejected.jsonl")
tok = lambda s: re.findall(r"\w+", (s or "").lower())
recs = {}
for l in open(pred):
    r = json.loads(l); recs[r["id"]] = r
byreason = collections.Counter(); topreason = collections.Counter(); pertype = collections.defaultdict(collections.Counter)
lost = []
for f in sorted(os.listdir(truth)):
    fid = f[:-5]; t = json.load(open(os.path.join(truth, f)))
    gt = t.get("ground_truth") or {}; ref = tok(gt.get("main_content")); pt = ((t.get("_internal") or {}).get("page_type") or {}); pt = pt.get("primary","article") if isinstance(pt, dict) else (pt or "article"); pt = "collection" if pt == "category" else pt
    if not ref: continue
    rc = collections.Counter(ref)
    r = recs.get(fid)
    if r is None: lost.append((fid, pt, "MISSING")); topreason["MISSING"] += 1; pertype[pt]["MISSING"] += 1; continue
    pc = collections.Counter(tok(r["text"]))
    rec = sum((pc & rc).values()) / len(ref)
    if rec >= 0.10: continue
    per = collections.Counter()
    for x in r["metadata"]["removed"]:
        per[x["stage"] + ":" + x["reason"]] += sum((collections.Counter(tok(x["text"])) & rc).values())
    byreason.update(per)
    top = per.most_common(1)[0][0] if per else "NONE"
    topreason[top] += 1; pertype[pt][top] += 1
    lost.append((fid, pt, top, per.most_common(3), len(ref)))
print("lost", len(lost))
print("top reason per lost page:"); [print(f"  {n:4d} {k}") for k, n in topreason.most_common()]
print("reference words removed by reason (lost pages):"); [print(f"  {n:6d} {k}") for k, n in byreason.most_common(15)]
for pt, c in sorted(pertype.items()): print(pt, dict(c.most_common()))
if "-v" in sys.argv:
    for x in lost: print(*x)
