#!/usr/bin/env bash
# Writes the clause reader's wider verb lexicon (crates/distill-nlp/src/wordnet_verbs.txt)
# from WordNet 3.0 as Debian's wordnet-base package ships it. Run by hand when the rule
# below changes; the build never runs it and never downloads anything.
#
#   scripts/wordnet-verbs.sh [WORDNET_DIR]   (default: fetch the package into a temp dir)
#
# A word is kept when it is a verb in WordNet, of three letters or more, lower case, and
# either a verb only in tagged use or a verb at least as often as anything else: its verb
# senses tagged in WordNet's sense-tagged corpus (the index's tagsense_cnt) are at least 1
# and at least its noun, adjective and adverb senses tagged together. A word that is also
# a noun, adjective or adverb in WordNet at all carries "n" ("crane", "shuttle",
# "worship"): the reader takes only its past form as a verb without more context
# ("craned", not "cranes"). Words the reader needs as prepositions are left out.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/crates/distill-nlp/src/wordnet_verbs.txt"
dir="${1:-}"
if [ -z "$dir" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download wordnet-base >/dev/null)
  dpkg-deb -x "$tmp"/wordnet-base_*.deb "$tmp/x"
  dir="$tmp/x/usr/share/wordnet"
fi
{
  echo "# Verbs from WordNet 3.0 (Princeton University), written by scripts/wordnet-verbs.sh:"
  echo "# one base form a line, \"n\" after a verb that is also a noun, adjective or adverb."
  echo "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."
  echo "# THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO"
  echo "# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University"
  echo "# or Princeton may not be used in advertising or publicity pertaining to distribution"
  echo "# of the software and/or database. (WordNet 3.0 license, in full: wordnet.princeton.edu/license-and-commercial-use)"
  # index.* lines: lemma pos synset_cnt p_cnt ptr_symbol×p_cnt sense_cnt tagsense_cnt ...
  awk '
    FNR == 1 { pos = FILENAME; sub(/.*index\./, "", pos) }
    /^ / { next }
    { tagged[pos, $1] = $(4 + $4 + 2); seen[pos, $1] = 1; if (pos == "verb") verbs[$1] = 1 }
    END {
      split("like till near round down past worth plus minus unlike except", skip, " ")
      for (i in skip) skipped[skip[i]] = 1
      for (w in verbs) {
        if (w !~ /^[a-z][a-z][a-z]+$/ || w in skipped) continue
        other = tagged["noun", w] + tagged["adj", w] + tagged["adv", w]
        if (other > 0 && (tagged["verb", w] < 1 || tagged["verb", w] < other)) continue
        noun = (("noun", w) in seen) || (("adj", w) in seen) || (("adv", w) in seen)
        print w (noun ? " n" : "")
      }
    }' "$dir/index.verb" "$dir/index.noun" "$dir/index.adj" "$dir/index.adv" | LC_ALL=C sort
} > "$out"
echo "$(grep -vc '^#' "$out") verbs written to $out"
