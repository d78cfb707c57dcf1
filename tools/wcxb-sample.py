#!/usr/bin/env python3
"""Copy a fixed sample of WCXB dev pages into the project for the quality gate (WcxbQualityGateTest).
Usage: tools/wcxb-sample.py WCXB_DEV_DIR DEST [PER_TYPE]
Per page type, the PER_TYPE (default 10) pages whose sha256(id) sorts first: a sample no one picked by hand,
the same on every machine. Copies html/<id>.html.gz, text/<id>.txt and truth/<id>.json (page type, reference)."""
import hashlib, json, os, shutil, sys
src, dest = sys.argv[1], sys.argv[2]
per = int(sys.argv[3]) if len(sys.argv) > 3 else 10
by_type = {}
for f in sorted(os.listdir(os.path.join(src, "truth"))):
    if not f.endswith(".json"): continue
    d = json.load(open(os.path.join(src, "truth", f), encoding="utf-8"))
    t = ((d.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
    t = "collection" if t == "category" else t
    if (d.get("ground_truth") or {}).get("main_content"):
        by_type.setdefault(t, []).append(f[:-5])
for sub in ("html", "text", "truth"):
    os.makedirs(os.path.join(dest, sub), exist_ok=True)
for t, ids in sorted(by_type.items()):
    for i in sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[:per]:
        for sub, ext in (("html", ".html.gz"), ("text", ".txt"), ("truth", ".json")):
            shutil.copyfile(os.path.join(src, sub, i + ext), os.path.join(dest, sub, i + ext))
        print(t, i)
