#!/bin/sh
# Out-of-fold scores of the HTML block scorer (make oof). Usage: tools/oof.sh WCXB_DEV_DIR OOF_DIR
# OOF_DIR/models holds what `make train` left: html-fold<k>.json and .ids (the pages each fold holds out).
# Each fold's pages are linked into OOF_DIR/<kind>/fold<k>/ and cleaned with that fold's model; pages no fold
# holds (no blocks, or no reference) go with fold 0, whose model never saw them either.
set -eu
wcxb=$1
oof=$2
jar=${JAR:-target/winnow.jar}
scorer=$(dirname "$wcxb")/score_wcxb.py
for kind in html; do
  dir=html ext=.html.gz opt=--html-model
  rm -rf "$oof/$kind" && mkdir -p "$oof/$kind"
  for f in "$wcxb/$dir"/*"$ext"; do
    id=$(basename "$f" "$ext")
    fold=$(grep -lx "$id" "$oof"/models/$kind-fold*.ids 2>/dev/null | head -n 1 | sed 's/.*-fold\([0-9]*\)\.ids/\1/')
    mkdir -p "$oof/$kind/fold${fold:-0}"
    ln -f "$f" "$oof/$kind/fold${fold:-0}/" 2>/dev/null || cp "$f" "$oof/$kind/fold${fold:-0}/"
  done
  : > "$oof/$kind/articles.jsonl"
  for d in "$oof/$kind"/fold*; do
    k=${d##*fold}
    java -jar "$jar" clean "$d" -o "$oof/$kind/out$k" -q $opt "$oof/models/$kind-fold$k.json" || [ $? -eq 3 ]
    cat "$oof/$kind/out$k/articles.jsonl" >> "$oof/$kind/articles.jsonl"
  done
  echo "== $kind, out of fold"
  python3 "$scorer" "$oof/$kind/articles.jsonl" --types
done
