import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateField } from '../../../../../electron/shared/template';
import { decodeDocument } from '../../../../../electron/core/template/import/decode-document';
import { importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { REPO_ROOT } from '../../../../support/paths';
import { allText, closingShape, fieldsOf, flat, invariantViolations, outline, show } from './template-checks';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'import');

async function importFixture(name: string): Promise<Template[]> {
  const { text } = await decodeDocument(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
  return importPledges(text);
}

async function importOne(name: string): Promise<Template> {
  const templates = await importFixture(name);
  expect(templates.map((t) => t.title)).toHaveLength(1);
  return templates[0] as Template;
}

type FieldRow = [kind: TemplateField['kind'], label: string | RegExp, unit?: string, valueType?: string];

/** Fields in document order: kind, a word the label must contain (or a pattern), unit and value type. */
function expectFields(t: Template, rows: FieldRow[]): void {
  expect(t.fields.map((f) => `${f.kind} ${f.unit ?? '-'} ${f.valueType ?? '-'}`)).toEqual(
    rows.map(([kind, , unit, valueType]) => `${kind} ${unit ?? '-'} ${valueType ?? (kind === 'date' ? 'date' : '-')}`),
  );
  rows.forEach(([, label], i) => {
    const actual = t.fields[i]?.label ?? '';
    if (typeof label === 'string') expect(actual, `field ${i}`).toContain(label);
    else expect(actual, `field ${i}`).toMatch(label);
  });
}

function expectClean(t: Template): void {
  expect(invariantViolations(t)).toEqual([]);
}

describe('one-line paste: a whole pledge on one line', () => {
  it('splits title, preamble, inline 一、二、三、四、 clauses and the inline signature block', async () => {
    const t = await importOne('one-line-paste.txt');
    expect(t.title).toBe('个人诚信经营承诺书');
    expect(t.preamble.text).toBe('为了维护良好的市场秩序，保障消费者的合法权益，本人自愿作出如下承诺：');
    expect(outline(t)).toEqual([
      '一、||遵守国家法律法规，依法诚信经营，不销售假冒伪劣商品。',
      '二、||如实描述商品信息，不作虚假宣传，对商品质量问题在{blank}小时内答复消费者。',
      '三、||自觉接受平台和消费者的监督，对投诉在{blank}个工作日内处理完毕。',
      '四、||如违反上述承诺，本人自愿承担相应的法律责任。',
    ]);
    expect(closingShape(t)).toBe('承诺人签名：{sign}身份证号码：{blank}日期：{date}');
    expectFields(t, [
      ['blank', '小时内答复', '小时', 'duration'],
      ['blank', '工作日内处理完毕', '个工作日', 'duration'],
      ['signature', /^承诺人签名$/],
      ['blank', /^身份证号码$/, undefined, 'idCard'],
      ['date', /^日期$/],
    ]);
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('viewer chunks: document-viewer page numbers inside sentences', () => {
  it('drops "2、", "3、" and "4、" inserted at page breaks and keeps every sentence whole', async () => {
    const t = await importOne('viewer-chunks.txt');
    expect(t.title).toBe('安全生产责任承诺书');
    expect(outline(t)).toEqual([
      '一、||严格遵守《中华人民共和国安全生产法》等法律法规，建立健全全员安全生产责任制，主要负责人对本单位的安全生产工作全面负责。',
      '二、||每月组织不少于{blank}次安全检查，发现事故隐患立即整改，整改完成率达到{blank}%。',
      '三、||从业人员经安全生产教育和培训合格后方可上岗，每年培训时间不少于{blank}小时，特种作业人员持证上岗。',
      '四、||发生生产安全事故时，立即组织抢救，并在{blank}小时内向有关部门报告，不迟报、不瞒报。',
      '五、||如违反上述承诺，本单位愿意承担相应的法律责任。',
    ]);
    expect(closingShape(t)).toBe('承诺单位（盖章）：{sign}负责人签字：{sign}日期：{date}');
    expectFields(t, [
      ['blank', '安全检查', '次', 'integer'],
      ['blank', '整改完成率', '%', 'percent'],
      ['blank', '培训时间', '小时', 'duration'],
      ['blank', '有关部门报告', '小时', 'duration'],
      ['signature', /^承诺单位（盖章）$/],
      ['signature', /^负责人签字$/],
      ['date', /^日期$/],
    ]);
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('填表说明 after the pledge', () => {
  it('is not read as clauses, and the signature block before it stays the closing', async () => {
    const t = await importOne('instructions.txt');
    expect(t.title).toBe('燃气使用安全承诺书');
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、']);
    expect(t.sections.every((s) => s.clauses.length === 0)).toBe(true);
    expect(outline(t)[2]).toBe('三、||每年配合燃气企业入户安全检查不少于{blank}次，对检查发现的隐患在{blank}天内整改。');
    for (const s of t.sections) expect(s.text).not.toMatch(/填表说明|一式两份|签名处|存档/);
    expect(closingShape(t)).toMatch(/^承诺人签名：\{sign\}日期：\{date\}/);
    expectFields(t, [
      ['blank', '入户安全检查', '次', 'integer'],
      ['blank', '隐患', '天', 'duration'],
      ['signature', /^承诺人签名$/],
      ['date', /^日期$/],
    ]);
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('anti-copy injections', () => {
  it('removes pinyin after characters and stray backticks and apostrophes, and nothing else', async () => {
    const t = await importOne('pinyin-injection.txt');
    expect(t.title).toBe('食品安全承诺书');
    expect(t.preamble.text).toBe('本企业为保障消费者的饮食安全，郑重承诺如下：');
    expect(outline(t)).toEqual([
      '一、||严格遵守《中华人民共和国食品安全法》，不采购、不使用病死或者死因不明的畜禽及其制品。',
      '二、||从业人员持有效健康证明上岗，每年进行健康体检不少于{blank}次。',
      '三、||食品原料进货查验记录保存不少于{blank}年，做到来源可查、去向可追。',
      '四、||如违反上述承诺，本企业自愿接受市场监管部门的处理。',
    ]);
    expect(allText(t)).not.toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔù`']/i);
    expectFields(t, [
      ['blank', '健康体检', '次', 'integer'],
      ['blank', '记录保存', '年', 'duration'],
      ['signature', /^承诺人签名$/],
      ['date', /^签订日期$/],
    ]);
    expectClean(t);
  });
});

describe('traditional characters', () => {
  it('imports 承諾書 in its own script: no simplified signature line added, units read', async () => {
    const t = await importOne('traditional.txt');
    expect(t.title).toBe('食品安全承諾書');
    expect(t.preamble.text).toBe('為保障消費者的身體健康和生命安全，本店鄭重承諾如下：');
    expect(outline(t)).toEqual([
      '一、||嚴格遵守《中華人民共和國食品安全法》，依法取得經營許可，保持經營場所衞生整潔。',
      '二、||從業人員每年進行健康檢查，持有效健康證明上崗。',
      '三、||對消費者的投訴在{blank}小時內予以答覆，在{blank}個工作日內處理完畢。',
      '四、||如違反上述承諾，本店願意承擔相應的法律責任。',
    ]);
    expect(closingShape(t)).toBe('承諾人簽名：{sign}日期：{date}');
    expectFields(t, [
      ['blank', '投訴', '小時', 'duration'],
      ['blank', '處理完畢', '個工作日', 'duration'],
      ['signature', /^承諾人簽名$/],
      ['date', /^日期$/],
    ]);
    expect(t.warnings).toEqual([]);
    expect(allText(t)).not.toMatch(/承诺|签名|签订/);
    expectClean(t);
  });
});

describe('Markdown', () => {
  it('reads ### **一、…** headings and drops **, ###, --- and "- " list marks', async () => {
    const t = await importOne('markdown.md');
    expect(t.title).toBe('网络交易经营者承诺书');
    expect(t.preamble.text).toBe('为规范网络交易行为，保护消费者的合法权益，本人作为网络交易经营者，郑重承诺如下：');
    expect(t.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、依法经营', '二、保障消费者权益', '三、接受监督']);
    const [one, two, three] = t.sections;
    const body = (s: typeof one): string => flat([s?.text ?? '', ...(s?.clauses ?? []).map((c) => c.text)].join(''));
    expect(body(one)).toBe('依法办理市场主体登记，在店铺首页显著位置公示营业执照信息。不销售法律、行政法规禁止交易的商品或者服务。');
    expect(two?.clauses.map((c) => `${c.number}${show(c.text, t)}`)).toEqual([
      '1.对商品质量问题在{blank}小时内作出答复。',
      '2.支持七日无理由退货，退款在{blank}个工作日内完成。',
    ]);
    expect(three?.text).toBe('遵守《电子商务法》和平台规则，自觉接受平台和消费者的监督。');
    expect(closingShape(t)).toBe('承诺人签名：{sign}日期：{date}');
    expect(allText(t)).not.toMatch(/[#*]|---|^- /m);
    expectFields(t, [
      ['blank', '答复', '小时', 'duration'],
      ['blank', '退款', '个工作日', 'duration'],
      ['signature', /^承诺人签名$/],
      ['date', /^日期$/],
    ]);
    expectClean(t);
  });
});

describe('a web page copied as HTML', () => {
  it('keeps only the pledge: no navigation, scripts, metadata, pager, related articles or footer', async () => {
    const templates = await importFixture('page.html');
    expect(templates.map((t) => t.title)).toEqual(['消防安全承诺书']);
    const t = templates[0] as Template;
    expect(t.preamble.text).toBe('为加强消防安全管理，预防和减少火灾事故的发生，本单位依据《消防法》郑重承诺：');
    expect(outline(t)).toEqual([
      '一、||落实消防安全责任制，明确消防安全责任人和管理人。',
      '二、||每月组织防火检查不少于{blank}次，每日进行防火巡查，并做好记录。',
      '三、||保证疏散通道、安全出口畅通，消防设施、器材完好有效。',
      '四、||每年组织员工开展消防安全培训和疏散演练不少于{blank}次。',
      '五、||如违反上述承诺，本单位自愿承担相应的法律责任。',
    ]);
    expect(closingShape(t)).toBe('承诺单位（盖章）：{sign}法定代表人（签字）：{sign}{date}');
    expectFields(t, [
      ['blank', '防火检查', '次', 'integer'],
      ['blank', '疏散演练', '次', 'integer'],
      ['signature', /^承诺单位（盖章）$/],
      ['signature', /^法定代表人（签字）$/],
      ['date', /日期|^年月日$/],
    ]);
    const text = allText(t);
    for (const junk of ['首页', '正文', '发布时间', '2024', '06-24', '上一篇', '下一篇', '相关文章', '学生假期', 'Copyright', '大全网', '广告', '_hmt', '&nbsp;', '&lt;']) {
      expect(text, junk).not.toContain(junk);
    }
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('placeholders, look-alike dates and quoted boxes', () => {
  it('finds （单位名称）, xxx, ××, （ ）, the ■ choice, an empty 联系电话： and ONE date, and nothing else', async () => {
    const t = await importOne('placeholders.txt');
    expect(t.title).toBe('消防安全责任承诺书');
    expect(show(t.preamble.text, t)).toBe(
      [
        '承诺单位：{blank}',
        '经营地址：{blank}',
        '根据《中华人民共和国消防法》和消防救援机构的要求，{blank}商场全体员工郑重承诺：',
        '填写说明：请在符合的选项“□”内划“√”。',
        '经营场所类型：{choice}',
      ].join('\n'),
    );
    expect(outline(t)).toEqual([
      '一、||每日营业前进行防火巡查，营业期间每日18﹕30~20﹕00增加一次巡查。',
      '二、||每月组织消防安全检查{blank}次，检查记录保存备查。',
      '三、||员工上岗前测量体温，体温≥37.3℃的不得上岗。',
      '四、||对违反消防安全规定的员工，视情节处以500至3000元罚款。',
      '五、||发现火灾立即拨打119报警，并组织人员疏散。',
    ]);
    expect(closingShape(t)).toBe('承诺人（签字）：{sign}联系电话：{blank}日期：{date}');
    expectFields(t, [
      ['blank', /^单位名称$/, undefined, 'text'],
      ['blank', /经营地址/, undefined, 'text'],
      ['blank', '商场', undefined, 'text'],
      ['choice', /^经营场所类型$/],
      ['blank', '消防安全检查', '次', 'integer'],
      ['signature', /^承诺人（签字）$/],
      ['blank', /^联系电话$/, undefined, 'phone'],
      ['date', /^日期$/],
    ]);
    expect(fieldsOf(t, 'choice')[0]).toMatchObject({ options: ['商场', '餐饮', '宾馆', '其他'], otherOption: '其他', preselected: '商场' });
    expect(allText(t)).not.toMatch(/2024-0[56]|发布时间/);
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('an identity block and signers laid out as columns', () => {
  it('types the identity blanks and finds three signature places and one date in the closing', async () => {
    const t = await importOne('signers.txt');
    expect(t.title).toBe('校外培训机构安全责任承诺书');
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、']);
    expectFields(t, [
      ['blank', /^姓名$/, undefined, 'text'],
      ['blank', /^身份证号码$/, undefined, 'idCard'],
      ['blank', /^机构名称$/, undefined, 'text'],
      ['blank', /^统一社会信用代码$/, undefined, 'creditCode'],
      ['blank', /^联系电话$/, undefined, 'phone'],
      ['blank', '学生人数', '人', 'integer'],
      ['signature', /^承诺人（签字）$/],
      ['signature', /^法定代表人（签字）$/],
      ['signature', /单位盖章/],
      ['date', /./],
    ]);
    for (const id of t.preamble.fields) expect(t.fields.find((f) => f.id === id)?.kind).toBe('blank');
    expect(t.warnings).toEqual([]);
    expectClean(t);
  });
});

describe('a collection of pledges', () => {
  it('splits 篇一 / 篇二 + repeated title / 范文三 into three templates, the last one truncated', async () => {
    const templates = await importFixture('multi.txt');
    // Same-titled pledges of one collection are numbered so that they can be told apart.
    expect(templates.map((t) => t.title)).toEqual(['诚信经营承诺书（第1篇）', '诚信经营承诺书（第2篇）', '商户诚信经营承诺书']);
    expect(new Set(templates.map((t) => t.id)).size).toBe(3);
    const [a, b, c] = templates as [Template, Template, Template];
    expect(a.preamble.text).toBe('为营造诚实守信的经营环境，本店郑重承诺：');
    expect(outline(a)[1]).toBe('二、||对消费者投诉在{blank}小时内作出答复。');
    expect(b.preamble.text).toBe('为维护良好的市场秩序，本公司承诺：');
    expect(outline(b)[1]).toBe('二、||不制售假冒伪劣商品，商品抽检合格率达到{blank}%。');
    expect(a.warnings).toEqual([]);
    expect(b.warnings).toEqual([]);
    expect(outline(c)).toEqual(['一、||遵守市场管理规定，不占道经营。', '二、||公平交易，不短斤少两，计量器具每年检定不少于']);
    expect(c.warnings.map((w) => w.code)).toContain('truncated');
    for (const t of templates) {
      expect(allText(t).replace(t.title, '')).not.toMatch(/篇|范文/);
      expectClean(t);
    }
  });
});

describe('numbering schemes', () => {
  const sig = '承诺人签名：{sign}日期：{date}';

  it('一、 … 十一、 (clause ten and beyond)', async () => {
    const t = await importOne('schemes-cn-dun.txt');
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、']);
    expect(outline(t)[9]).toBe('十、||如实报告生产安全事故。');
    expect(outline(t)[10]).toBe('十一、||接受安全生产监督检查。');
    expect(closingShape(t)).toBe(sig);
    expectClean(t);
  });

  it('（一） at the top level', async () => {
    const t = await importOne('schemes-cn-paren.txt');
    expect(outline(t)).toEqual([
      '（一）||不利用职务便利为本人或者他人谋取利益。',
      '（二）||不收受服务对象的礼品、礼金和有价证券。',
      '（三）||不参加可能影响公正执行公务的宴请。',
      '（四）||发现违规行为及时报告。',
    ]);
    expectClean(t);
  });

  it('1、 … 12、 with the typos of real documents: "l、" for 1 and "10" without its 、', async () => {
    const t = await importOne('schemes-arabic-dun.txt');
    expect(t.sections).toHaveLength(12);
    expect(t.sections[0]?.number).toMatch(/^[l1]、$/);
    expect(t.sections[0]?.text).toBe('按时缴纳租金，不拖欠。');
    expect(t.sections[8]?.text).toBe('爱护房屋及附属设施。');
    expect(t.sections[9]?.number).toMatch(/^10、?$/);
    expect(t.sections[9]?.text).toBe('合同期满按时退还商铺。');
    expect(t.sections.slice(10).map((s) => s.number)).toEqual(['11、', '12、']);
    expect(show(t.preamble.text, t)).toBe('本人承租位于{blank}的商铺，现承诺如下：');
    expectClean(t);
  });

  it('1. and 1． at the top level', async () => {
    const t = await importOne('schemes-arabic-dot.txt');
    expect(outline(t)).toEqual([
      '1.||遵守法律法规和平台规则，文明直播。',
      '2.||如实介绍商品，不作虚假宣传。',
      '3.||不诱导观众私下交易。',
      '4．||主动接受平台和观众的监督。',
    ]);
    expectClean(t);
  });

  it('1. headings with 1.1 clauses and 1.1.1 sub-clauses', async () => {
    const t = await importOne('schemes-decimal.txt');
    expect(outline(t)).toEqual([
      '1.|收货与入库|',
      '  1.1|货物到库后{blank}小时内完成验收。',
      '  1.2|入库信息准确率不低于{blank}%。',
      '2.|保管与养护|',
      '  2.1|温湿度管理',
      '    2.1.1|常温库每日记录温湿度不少于{blank}次。',
      '    2.1.2|冷库温度超出设定范围的，在{blank}分钟内处置。',
      '  2.2|每月盘点一次，账实相符率不低于{blank}%。',
      '3.|出库与配送|',
      '  3.1|订单在{blank}小时内出库。',
      '  3.2|货物损坏的，按照货值赔偿。',
    ]);
    expect(fieldsOf(t, 'blank').map((f) => f.unit)).toEqual(['小时', '%', '次', '分钟', '%', '小时']);
    expect(closingShape(t)).toBe(sig);
    expectClean(t);
  });

  it('(1) and （1） at the top level', async () => {
    const t = await importOne('schemes-arabic-paren.txt');
    expect(t.sections.map((s) => s.number)).toHaveLength(4);
    t.sections.forEach((s, i) => expect(s.number).toMatch(new RegExp(`^[(（]${i + 1}[)）]$`)));
    expect(t.sections.map((s) => s.text)).toEqual([
      '不到江河、水库等危险水域游泳。',
      '遵守交通规则，不乘坐无牌无证车辆。',
      '不玩火，不燃放烟花爆竹。',
      '外出时告知家长去向和返回时间。',
    ]);
    expectClean(t);
  });

  it('① ② ③ ④', async () => {
    const t = await importOne('schemes-circled.txt');
    expect(outline(t)).toEqual(['①||按时揽收、投递快件。', '②||不私自开拆、隐匿、毁弃快件。', '③||投递前联系收件人，不擅自放置快件。', '④||文明服务，不与客户发生争执。']);
    expectClean(t);
  });

  it('第一条 … 第五条', async () => {
    const t = await importOne('schemes-article.txt');
    expect(outline(t)).toEqual([
      '第一条||服务热线全天有人值守，报修后{blank}分钟内响应。',
      '第二条||公共区域每日清扫不少于{blank}次。',
      '第三条||电梯故障的，在{blank}小时内修复。',
      '第四条||每季度公布一次物业费收支情况。',
      '第五条||未履行上述承诺的，接受业主委员会的监督和处理。',
    ]);
    expect(fieldsOf(t, 'blank').map((f) => [f.unit, f.valueType])).toEqual([
      ['分钟', 'duration'],
      ['次', 'integer'],
      ['小时', 'duration'],
    ]);
    expectClean(t);
  });

  it('Markdown headings without numbers, with 1. lists under them', async () => {
    const t = await importOne('schemes-markdown.md');
    expect(t.title).toBe('家政服务承诺书');
    expect(outline(t)).toEqual([
      '|服务人员|',
      '  1.|服务人员经过岗前培训，持证上岗。',
      '  2.|服务人员每年进行健康检查。',
      '|服务质量|',
      '  1.|服务不满意的，在{blank}小时内重新服务。',
      '  2.|损坏客户物品的，照价赔偿。',
      '|投诉处理|投诉在{blank}个工作日内处理完毕。',
    ]);
    expect(closingShape(t)).toBe(sig);
    expectClean(t);
  });

  it('一、 → （一） → 1. → (1), each restarting under its parent', async () => {
    const t = await importOne('schemes-nested.txt');
    const lines = outline(t).map((l) => l.replace(/\(([12])\)/, '（$1）'));
    expect(lines).toEqual([
      '一、|质量目标|',
      '  （一）|工程质量',
      '    1.|工程一次验收合格率达到{blank}%。',
      '    2.|工程质量保修',
      '      （1）|屋面防水工程保修期不少于{blank}年。',
      '      （2）|接到保修通知后{blank}小时内派人到场。',
      '  （二）|材料质量',
      '    1.|进场材料全部经过检验。',
      '二、|违约责任|',
      '  （一）|工程质量不合格的，无偿返工。',
      '  （二）|延误工期的，每日支付违约金{blank}元。',
    ]);
    expect(fieldsOf(t, 'blank').map((f) => [f.unit, f.valueType])).toEqual([
      ['%', 'percent'],
      ['年', 'duration'],
      ['小时', 'duration'],
      ['元', 'money'],
    ]);
    expectClean(t);
  });
});
