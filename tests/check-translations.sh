#!/bin/sh
# Fails when a string marked for translation has no zh_CN translation:
# extracts the strings as the build does, merges them into zh_CN.po and
# lists what is untranslated or fuzzy.
set -eu

srcdir="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$srcdir"
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"
xgettext --from-code=UTF-8 --add-comments --package-name=nianbao \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=g_prefix_error:2:c-format \
  --files-from="$work/files" -o "$work/nianbao.pot"

for lang in $(cat po/LINGUAS); do
  msgfmt --check -o /dev/null "po/$lang.po"
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/nianbao.pot" -o "$work/$lang.po"
  missing=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "po/$lang.po: $missing untranslated and $fuzzy fuzzy messages:"
    msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep '^msgid ' | head -20
    exit 1
  fi
  echo "po/$lang.po: every message translated"
done
