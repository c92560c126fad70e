# Expands short placeholders into Handlebars and writes template partials (a drafting aid for
# issue 18; the .hbs files it writes are the product and are reviewed as such).
import os, re, sys
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'templates', 'content', 'partials')
MAC = {
  'U': '{{unit.name}}', 'SUB': '{{complaint.location.subdistrict}}', 'TEMPAT': '{{complaint.location.subdistrict}}',
  'P': '{{citizen.withLocality}}', 'P_': '{{citizen.withLocality}}{{#if citizen.named}},{{/if}}',
  'BDUR2': '{{#if complaint.cepat.penanganan}} {{dalamDurasi complaint.resolutionMs}} setelah laporan diterima{{/if}}', 'D': '{{hariTanggalSingkat complaint.resolvedAt}}', 'DR': '{{hariTanggalSingkat complaint.receivedAt}}',
  'HDUR': '{{#if complaint.cepat.judul}} {{dalamDurasiJudul complaint.resolutionMs}}{{/if}}',
  'BDUR': '{{#if complaint.cepat.penanganan}}, {{dalamDurasi complaint.resolutionMs}} setelah laporan diterima{{/if}}',
  'SDUR': '{{#if complaint.cepat.penanganan}} {{dalamDurasi complaint.resolutionMs}} sejak laporan diterima{{/if}}',
  'RESP': '{{#if complaint.cepat.respons}} Petugas merespons {{dalamDurasi complaint.responseMs}} setelah laporan masuk.{{/if}}',
  'CITY': '{{complaint.location.city}}', 'MELALUI': '{{complaint.melalui}}', 'JENIS': '{{complaint.jenis}}',
}
def expand(s):
    # the citizen named with their locality is an apposition: it closes with a comma before more text
    s = re.sub(r'«P»(?= [a-z«])', '«P_»', s)
    # a duration right after a verb takes no comma; after a date "(25/10/2026), dalam ..." it does
    s = re.sub(r'(?<![)»])«BDUR»', '«BDUR2»', s)
    for k in sorted(MAC, key=len, reverse=True):
        s = s.replace('«' + k + '»', MAC[k])
    s = s.replace('«/»', '{{/if}}').replace('«else»', '{{else}}')
    s = re.sub(r'«\?(!?)([\w.]+)»', lambda m: ('{{#unless ' if m.group(1) else '{{#if ') + fact(m.group(2)) + '}}', s)
    s = re.sub(r'«\|([\w.]+)»', lambda m: '{{else if ' + fact(m.group(1)) + '}}', s)
    s = s.replace('«/u»', '{{/unless}}')
    assert '«' not in s, s
    return s
def fact(name):
    if '.' in name: return name
    return 'complaint.fakta.' + name
def write(name, variants, headline=False):
    parts = []
    for v in variants:
        v = expand(v.strip())
        if headline: v = '{{#judulBaris}}' + v + '{{/judulBaris}}'
        parts.append(v)
    with open(os.path.join(OUT, name + '.hbs'), 'w') as f:
        f.write('\n{{!-- variant --}}\n'.join(parts) + '\n')
