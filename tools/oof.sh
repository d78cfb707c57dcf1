#!/bin/sh
# Out-of-fold scores of the chains (make oof). Usage: tools/oof.sh WCXB_DEV_DIR OOF_DIR [KIND...]
# KIND is html (the default) or text (the text dumps). OOF_DIR/models holds what `make train` left:
# html-fold<k>.json and .ids (the block scorer of each fold, and the pages that fold holds out), and
# html-page-type-fold<k>.json and text-page-type-fold<k>.json with their .ids (the page typers of each fold).
# All split the pages by domain the same way, so each page is cleaned by a block scorer and typed by page
# typers that never saw its site.
# Each fold's pages are linked into OOF_DIR/<kind>/fold<k>/; pages no fold holds (no blocks, or no reference)
# go with fold 0, whose models never saw them either.
set -eu
wcxb=$1
oof=$2
shift 2
kinds=${*:-html}
jar=${JAR:-target/winnow.jar}
scorer=$(dirname "$wcxb")/score_wcxb.py
for k in 0 1 2 3 4; do
  for m in html-fold$k.json html-page-type-fold$k.json text-page-type-fold$k.json; do
    [ -f "$oof/models/$m" ] || { echo "oof: $oof/models/$m missing: run make train first" >&2; exit 2; }
  done
done
for kind in $kinds; do
  case $kind in
    html) dir=html ext=.html.gz ;;
    text) dir=text ext=.txt ;;
    *) echo "oof: unknown kind $kind (html or text)" >&2; exit 2 ;;
  esac
  rm -rf "$oof/$kind" && mkdir -p "$oof/$kind"
  for f in "$wcxb/$dir"/*"$ext"; do
    id=$(basename "$f" "$ext")
    fold=$(grep -lx "$id" "$oof"/models/*-fold*.ids 2>/dev/null | head -n 1 | sed 's/.*-fold\([0-9]*\)\.ids/\1/')
    mkdir -p "$oof/$kind/fold${fold:-0}"
    ln -f "$f" "$oof/$kind/fold${fold:-0}/" 2>/dev/null || cp "$f" "$oof/$kind/fold${fold:-0}/"
  done
  : > "$oof/$kind/articles.jsonl"
  for d in "$oof/$kind"/fold*; do
    k=${d##*fold}
    java -jar "$jar" clean "$d" -o "$oof/$kind/out$k" -q --html-model "$oof/models/html-fold$k.json" \
      --page-type-model "$oof/models/html-page-type-fold$k.json" \
      --page-type-model "$oof/models/text-page-type-fold$k.json" || [ $? -eq 3 ]
    cat "$oof/$kind/out$k/articles.jsonl" >> "$oof/$kind/articles.jsonl"
  done
  echo "== $kind, out of fold"
  python3 "$scorer" "$oof/$kind/articles.jsonl" --types
done
