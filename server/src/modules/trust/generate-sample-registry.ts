/**
 * Writes server/data/sample-registry.json: a few hundred fictional companies with valid codes, plus the demo
 * companies, for the sample registry provider. Deterministic: `node --import tsx server/src/modules/trust/generate-sample-registry.ts`.
 */
import fs from 'node:fs';
import { completeUscc } from '../accounts/index.js';
import { DEMO_COMPANIES, demoUscc } from '../../seed/demo.js';
import { SAMPLE_REGISTRY_FILE, type RegistryRecord } from './registry.js';

let state = 20261126;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

const CITIES = [['320500', '苏州'], ['330200', '宁波'], ['440300', '深圳'], ['440600', '佛山'], ['370100', '济南'], ['420100', '武汉'], ['510100', '成都'], ['130200', '唐山'], ['350200', '厦门'], ['410100', '郑州']] as const;
const WORDS = ['华盛', '宏达', '永鑫', '金泰', '恒丰', '瑞祥', '通达', '鼎盛', '兴业', '德润', '嘉禾', '博远', '中拓', '汇通', '东升', '新锐'];
const TRADES = ['钢铁贸易', '五金制品', '纺织', '电子科技', '包装材料', '化工', '食品', '机械设备', '塑料制品', '家居用品'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['伟', '芳', '强', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '娟', '涛', '明', '超'];
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const records: RegistryRecord[] = DEMO_COMPANIES.map((c, i) => ({
  uscc: demoUscc(c),
  name: c.legalName,
  legalRepresentative: c.owner.name,
  status: 'active',
  establishedOn: `20${String(5 + i).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
  registeredCapital: `${(i + 1) * 500}万元人民币`,
  address: `${c.city}市工业园区${i + 1}号`,
}));
const seen = new Set(records.map((r) => r.uscc));
while (records.length < 400) {
  const [division, city] = pick(CITIES);
  let body = '';
  for (let i = 0; i < 8; i++) body += CHARS[Math.floor(next() * 10)]; // digits only, like most organization codes
  const uscc = completeUscc(`91${division}${body}`);
  if (seen.has(uscc)) continue;
  seen.add(uscc);
  const year = 1995 + Math.floor(next() * 30);
  records.push({
    uscc,
    name: `${city}${pick(WORDS)}${pick(TRADES)}有限公司`,
    legalRepresentative: pick(SURNAMES) + pick(GIVEN) + (next() < 0.5 ? pick(GIVEN) : ''),
    status: next() < 0.05 ? 'deregistered' : 'active',
    establishedOn: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    registeredCapital: `${(1 + Math.floor(next() * 100)) * 100}万元人民币`,
    address: `${city}市${pick(WORDS)}路${1 + Math.floor(next() * 999)}号`,
  });
}
fs.writeFileSync(SAMPLE_REGISTRY_FILE, JSON.stringify(records, null, 1) + '\n');
console.log(`wrote ${records.length} registry records to ${SAMPLE_REGISTRY_FILE}`);
