#!/usr/bin/env python3
"""Writes the batch fixtures of test-review from the seed reports.

tests/data/batch/2024/ is one county's batch of 21 reports: the county
government's own report (an aggregate below the sum of its units), its
departments and townships, one report sent twice (identical), one sent
again with a corrected cell (a revision), two units whose narrative is one
text, and a unit not on the roster. roster.csv names the units; one of
them (水利局) sent nothing. tests/data/batch/2023/ is last year's batch of
five of the units: 林业局 filed then and not now, and 交通运输局's
carried-forward applications are not the ones carried over this year.

The narratives are the seeds' own sentences (tests/data/seeds), a few to a
unit so that no two units share a text unless meant to; the tables are the
layout of seed 000 with each unit's figures. Run from the repository root:
    python3 tests/data/batch/make-batch.py
"""

import os
import re

ROOT = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(ROOT, '..', 'seeds')
COUNTY = '演示县'

BOILERPLATE = ('本报告依据《中华人民共和国政府信息公开条例》规定编制，报告中所列数据统计期限自 '
               '{year} 年 1 月 1 日起至 {year} 年 12 月 31 日止。')
FEES = '本单位 {year} 年未收取政府信息公开信息处理费。'


def seed_texts():
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith('.txt'))
    return [open(os.path.join(SEEDS, n), encoding='utf-8').read() for n in names]


def sentences(texts):
    """The seeds' narrative sentences, their organs' names taken out."""
    pool = []
    for text in texts:
        title = next(l for l in text.split('\n') if l.strip()).strip()
        organ = re.split(r'\s*\d{4}', title)[0].replace(' ', '')
        core = re.sub(r'^.*?[区县市]', '', organ)
        core = re.sub(r'(街道)?办事处$|人民政府$', '', core)
        for line in text.split('\n'):
            line = line.strip()
            if len(line) < 30 or '\t' in line or '本报告' in line or re.search(r'\d\s+\d', line):
                continue
            line = re.sub(r'^[（(][一二三四五六七八九十][）)]\s*', '', line)
            for part in re.split(r'(?<=。)', line):
                part = part.replace(organ, '本单位').replace(core, '本单位') if core else part
                if len(part) > 15 and part not in pool:
                    pool.append(part)
    return pool


def tables(texts):
    text = texts[0]
    start = text.index('二、主动公开政府信息情况')
    end = text.index('五、存在的主要问题及改进情况')
    return text[start:end]


def set_row(table, label, values):
    lines = table.split('\n')
    for i, line in enumerate(lines):
        if label in line:
            fields = line.split('\t')
            numbers = [j for j, f in enumerate(fields) if re.fullmatch(r'\d+', f.strip())]
            for j, value in zip(numbers, values):
                fields[j] = str(value)
            lines[i] = '\t'.join(fields)
            return '\n'.join(lines)
    raise ValueError(label)


def figures(table, received, carried_over=0, carried_forward=None):
    """received applications, all granted; balance kept"""
    if carried_forward is None:
        carried_forward = carried_over
    granted = received + carried_over - carried_forward
    row = lambda n: [n, 0, 0, 0, 0, 0, n]
    table = set_row(table, '一、本年新收', row(received))
    table = set_row(table, '二、上年结转', row(carried_over))
    table = set_row(table, '(一) 予以公开', row(granted))
    table = set_row(table, '(七) 总计', row(granted))
    return set_row(table, '四、结转下年度继续办理', row(carried_forward))


def report(organ, year, overview, problems, table):
    return '\n'.join([
        '', f'{organ} {year} 年政府信息公开工作年度报告', '',
        '一、总体情况', '', BOILERPLATE.format(year=year), '',
        *[p + '\n' for p in overview],
        table.rstrip('\n'), '',
        '五、存在的主要问题及改进情况', '',
        *[p + '\n' for p in problems],
        '六、其他需要报告的事项', '', FEES.format(year=year), ''])


# a 五 that names its problem and what will be done (RULES.md narrative.problems)
CLEAN_PROBLEMS = '政策解读的形式还不够丰富，这是工作中的不足；下一步将加强解读，改进公开方式。'

# (file, organ, received, carried over, carried forward)
UNITS_2024 = [
    ('00-县政府.txt', '人民政府', 2, 0, 0),
    ('01-财政局.txt', '财政局', 3, 0, 0),
    ('02-教育局.txt', '教育局', 1, 0, 0),
    ('03-公安局.txt', '公安局', 4, 0, 0),
    ('04-民政局.txt', '民政局', 0, 0, 0),
    ('05-自然资源局.txt', '自然资源局', 2, 0, 0),
    ('06-住房和城乡建设局.txt', '住房和城乡建设局', 1, 0, 0),
    ('07-交通运输局.txt', '交通运输局', 0, 0, 0),
    ('08-农业农村局.txt', '农业农村局', 1, 0, 0),
    ('09-卫生健康委员会.txt', '卫生健康委员会', 2, 0, 0),
    ('10-市场监督管理局.txt', '市场监督管理局', 1, 0, 0),
    ('11-人力资源和社会保障局.txt', '人力资源和社会保障局', 0, 0, 0),
    ('12-生态环境分局.txt', '生态环境分局', 1, 0, 0),
    ('乡镇/13-城关镇.txt', '城关镇人民政府', 0, 0, 0),
    ('乡镇/14-东坝乡.txt', '东坝乡人民政府', 1, 0, 0),
    ('乡镇/15-西河街道.txt', '西河街道办事处', 0, 0, 0),
    ('17-审计局.txt', '审计局', 0, 0, 0),
    ('18-统计局.txt', '统计局', 0, 0, 0),
    ('16-气象局.txt', '气象局', 0, 0, 0),
]

UNITS_2023 = [
    ('财政局.txt', '财政局', 2, 0, 0),
    ('教育局.txt', '教育局', 1, 0, 0),
    ('交通运输局.txt', '交通运输局', 1, 0, 1),
    ('林业局.txt', '林业局', 0, 0, 0),
    ('人民政府.txt', '人民政府', 1, 0, 0),
]


def renumber(text):
    return re.sub(r'\d+', lambda m: str(int(m.group()) + 7), text)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def main():
    texts = seed_texts()
    pool = sentences(texts)
    layout = tables(texts)
    per_unit = 4
    narratives = {}
    for index, (name, unit, received, over, forward) in enumerate(UNITS_2024):
        part = pool[index * per_unit:(index + 1) * per_unit]
        narratives[unit] = (part[:3], part[3:])
        if unit == '住房和城乡建设局':          # copies 自然资源局's text, its own numbers
            overview, problems = narratives['自然资源局']
            narratives[unit] = ([renumber(p) for p in overview], [renumber(p) for p in problems])
        if unit == '公安局':                   # the unit with nothing to correct
            narratives[unit] = (narratives[unit][0], [CLEAN_PROBLEMS])
        organ = COUNTY + unit
        overview, problems = narratives[unit]
        overview = [f'2024 年，{organ}' + overview[0]] + overview[1:]
        body = report(organ, 2024, overview, problems, figures(layout, received, over, forward))
        write(os.path.join(ROOT, '2024', name), body)
        if unit == '财政局':                   # sent twice
            write(os.path.join(ROOT, '2024', '01-财政局-再次报送.txt'), body)
        if unit == '教育局':                   # sent again, corrected
            write(os.path.join(ROOT, '2024', '02-教育局-修订.txt'),
                  report(organ, 2024, overview, problems, figures(layout, received + 1, over, forward)))
    for index, (name, unit, received, over, forward) in enumerate(UNITS_2023):
        part = pool[(len(UNITS_2024) + index) * per_unit % len(pool):][:per_unit] or pool[:per_unit]
        write(os.path.join(ROOT, '2023', name),
              report(COUNTY + unit, 2023, part[:3], part[3:], figures(layout, received, over, forward)))
    roster = ['单位名称,联系人'] + [f'{COUNTY}人民政府,']
    roster += [f'{u},' if i % 3 else f'{COUNTY}{u},' for i, (_, u, *_) in enumerate(UNITS_2024[1:18])]
    roster += ['"演示县　水利局",', '# 林业局 merged into 自然资源局 in 2024']
    write(os.path.join(ROOT, 'roster.csv'), '\n'.join(roster) + '\n')


main()
