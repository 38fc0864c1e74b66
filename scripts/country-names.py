#!/usr/bin/env python3
"""Writes WeProtect.Summit.Data/Geography/iso-3166-1.<lang>.csv: the country names of iso-3166-1.csv in French,
Spanish and Arabic, from the translations Debian's iso-codes package ships (the same source as iso-3166-1.csv).
.NET has no public API for a region's name in a chosen language (RegionInfo.DisplayName gives the region's own
language on Linux), so the names are data shipped with the code. Every code (user-assigned ones too) has a line in every
file, the English name where iso-codes has no translation (a name spelt alike: "Canada"), so a code missing from a file
is a mistake a test catches. CORRECTIONS overrides iso-codes where its translation is wrong or missing; French names
start with a capital as the French ISO list writes them ("Île Bouvet"). Run again after an iso-codes update:
    python3 scripts/country-names.py   (needs the iso-codes package: /usr/share/iso-codes, /usr/share/locale)"""
import csv, gettext, json, os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'WeProtect.Summit.Data', 'Geography')
LANGUAGES = ['fr', 'es', 'ar']

# iso-codes' mistakes and gaps, per language: Arabic names Moldova as the Maldives and has no "Türkiye" (renamed in
# ISO 3166-1 in 2022, so no translation yet); French and Spanish use their usual name for it; "Groënland" is a typo; Spanish has no "Argelia".
CORRECTIONS = {
    'fr': {'TR': 'Turquie', 'GL': 'Groenland'},
    'es': {'TR': 'Turquía', 'DZ': 'Argelia'},
    'ar': {'MD': 'مولدوفا', 'TR': 'تركيا', 'XK': 'كوسوفو'},
}

records = {r['alpha_2']: r for r in json.load(open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8'))['3166-1']}
with open(os.path.join(HERE, 'iso-3166-1.csv'), encoding='utf-8') as f:
    english = {r['alpha2']: r['name'] for r in csv.DictReader(f)}
with open(os.path.join(HERE, 'user-assigned-codes.csv'), encoding='utf-8') as f:
    english.update({r['alpha2']: r['name'] for r in csv.DictReader(f)})

for lang in LANGUAGES:
    t = gettext.translation('iso_3166-1', '/usr/share/locale', languages=[lang])
    rows = []
    for code, name in sorted(english.items()):
        record = records.get(code, {})
        # The English file uses the common name where iso-codes has one ("Iran"); its translation, else the name's.
        candidates = [name] + [record[k] for k in ('common_name', 'name') if k in record]
        translated = next((t.gettext(c) for c in candidates if t.gettext(c) != c), None)
        translated = CORRECTIONS[lang].get(code) or translated or name
        if lang == 'fr':
            translated = translated[0].upper() + translated[1:]  # "île Bouvet" -> "Île Bouvet"
        rows.append((code, translated))
    with open(os.path.join(HERE, f'iso-3166-1.{lang}.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator='\n')
        f.write('alpha2,name\n')  # as in iso-3166-1.csv
        w.writerows(rows)
    print(lang, sum(1 for code, n in rows if n != english[code]), 'of', len(english), 'translated')
