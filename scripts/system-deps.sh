#!/usr/bin/env bash
# Debian packages the languages' own tools need: Voikko for Finnish, Hunspell
# (through Enchant) for Bokmål, Icelandic and English. Installed when missing
# and we may (root with apt-get); otherwise rewriter falls back to the banks'
# own word lists and says so in `rewriter bank tools`.
set -u
packages="libvoikko1 voikko-fi libenchant-2-2 hunspell-en-us hunspell-no hunspell-is $*"
missing=""
for p in $packages; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$missing"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null \
    || echo "note: could not install$missing; language tools fall back to the banks' word lists"
else
  echo "note: missing Debian packages:$missing (install them as root for dictionary checks)"
fi
exit 0
