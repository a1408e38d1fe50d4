/**
 * The demo's suppliers drawn from the bundled sample business registry (names `城市+字号+行业+有限公司`): each gets an
 * English name, its registry city and province, a trade with the catalog leaves it sells in, two people, and a place
 * in the verification / TrustPass mix. Pure and deterministic: the same 34 companies on every machine.
 */
import fs from 'node:fs';
import { SAMPLE_REGISTRY_FILE, type RegistryRecord } from '../modules/trust/registry.js';

export type VerificationOutcome = 'approved' | 'pending' | 'rejected' | 'none';
export interface Membership { plan: 'standard' | 'premium'; years: number }

export interface SeedPerson { email: string; name: string; mobile?: string }
export interface SeedSupplier {
  legalName: string; nameEn: string; companyType: 'manufacturer' | 'trading_company' | 'both';
  province: string; city: string; industry: string; mainProducts: string[]; description: string; uscc: string;
  owner: SeedPerson; sales: SeedPerson;
  verification: VerificationOutcome; membership: Membership | null;
  /** Category codes (leaves) of what it sells, most typical first. */
  leaves: string[];
}

/** USCCs the browser tests register themselves (e2e/verification.test.ts, e2e/journey.test.ts): never seeded. */
export const RESERVED_USCCS: ReadonlySet<string> = new Set(['91320500301147241Q', '91420100908853214D']);

const CITIES: Record<string, { province: string; pinyin: string }> = {
  苏州: { province: '320000', pinyin: 'Suzhou' }, 宁波: { province: '330000', pinyin: 'Ningbo' }, 深圳: { province: '440000', pinyin: 'Shenzhen' },
  佛山: { province: '440000', pinyin: 'Foshan' }, 济南: { province: '370000', pinyin: 'Jinan' }, 武汉: { province: '420000', pinyin: 'Wuhan' },
  成都: { province: '510000', pinyin: 'Chengdu' }, 唐山: { province: '130000', pinyin: 'Tangshan' }, 厦门: { province: '350000', pinyin: 'Xiamen' },
  郑州: { province: '410000', pinyin: 'Zhengzhou' },
};
const BRANDS: Record<string, string> = {
  华盛: 'Huasheng', 宏达: 'Hongda', 永鑫: 'Yongxin', 金泰: 'Jintai', 恒丰: 'Hengfeng', 瑞祥: 'Ruixiang', 通达: 'Tongda', 鼎盛: 'Dingsheng',
  兴业: 'Xingye', 德润: 'Derun', 嘉禾: 'Jiahe', 博远: 'Boyuan', 中拓: 'Zhongtuo', 汇通: 'Huitong', 东升: 'Dongsheng', 新锐: 'Xinrui',
};
const PINYIN: Record<string, string> = {
  王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 周: 'zhou', 吴: 'wu', 徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu',
  伟: 'wei', 芳: 'fang', 强: 'qiang', 敏: 'min', 静: 'jing', 磊: 'lei', 洋: 'yang', 勇: 'yong', 艳: 'yan', 杰: 'jie', 军: 'jun', 娟: 'juan', 涛: 'tao', 明: 'ming', 超: 'chao',
  丽: 'li', 婷: 'ting', 浩: 'hao', 鹏: 'peng', 欣: 'xin',
};

interface Trade {
  zh: string; en: string; slug: string; industry: string; companyType: SeedSupplier['companyType']; quota: number;
  leaves: string[][]; pitchZh: string; pitchEn: string;
}

/** The registry's ten trades: what each sells (several leaf mixes, so two steel traders differ) and how many to seed. */
const TRADES: Trade[] = [
  { zh: '钢铁贸易', en: 'Steel Trading', slug: 'steel', industry: '钢铁 Steel', companyType: 'trading_company', quota: 4,
    leaves: [
      ['steel.plate.hot_rolled', 'steel.plate.cold_rolled', 'steel.plate.galvanized', 'steel.long.sections', 'steel.pipe.welded'],
      ['steel.long.rebar', 'steel.long.wire_rod', 'steel.long.sections', 'steel.plate.hot_rolled'],
      ['steel.pipe.seamless', 'steel.pipe.welded', 'steel.pipe.square', 'steel.stainless.pipe'],
      ['steel.stainless.sheet', 'steel.stainless.bar', 'steel.stainless.pipe', 'steel.plate.cold_rolled'],
    ],
    pitchZh: '钢厂一级代理,自有仓库现货充足,支持剪切加工与物流配送', pitchEn: 'first-tier mill agent with its own warehouse, spot stock, cutting and delivery' },
  { zh: '五金制品', en: 'Hardware Products', slug: 'hardware', industry: '五金机械 Machinery & hardware', companyType: 'manufacturer', quota: 4,
    leaves: [
      ['machinery.fasteners.bolts', 'machinery.fasteners.nuts', 'machinery.fasteners.screws'],
      ['machinery.tools.hand', 'machinery.tools.power', 'machinery.fasteners.screws'],
      ['machinery.fasteners.screws', 'machinery.fasteners.bolts', 'steel.stainless.bar'],
      ['office.household.kitchenware', 'machinery.tools.hand', 'machinery.fasteners.nuts'],
    ],
    pitchZh: '冷镦、热处理、表面处理一体化生产,来图来样定制', pitchEn: 'cold heading, heat treatment and finishing in house; made to drawing or sample' },
  { zh: '纺织', en: 'Textile', slug: 'textile', industry: '纺织服装 Textiles & apparel', companyType: 'manufacturer', quota: 4,
    leaves: [
      ['textiles.fabric.woven', 'textiles.fabric.knitted', 'textiles.fabric.denim'],
      ['textiles.apparel.tshirts', 'textiles.apparel.workwear', 'textiles.apparel.jackets'],
      ['textiles.home.bedding', 'textiles.home.towels', 'textiles.fabric.woven'],
      ['textiles.trims.zippers', 'textiles.trims.buttons', 'textiles.trims.labels'],
    ],
    pitchZh: '源头工厂,织造、染整、成衣一条龙,接受 OEM 定制', pitchEn: 'source factory: weaving, dyeing and sewing under one roof, OEM welcome' },
  { zh: '电子科技', en: 'Electronic Technology', slug: 'electronics', industry: '电子元器件 Electronics & components', companyType: 'trading_company', quota: 4,
    leaves: [
      ['electronics.ic.mcu', 'electronics.ic.power', 'electronics.ic.memory'],
      ['electronics.passive.resistors', 'electronics.passive.capacitors', 'electronics.passive.inductors'],
      ['electronics.connectors.board', 'electronics.connectors.usb', 'electronics.connectors.harness'],
      ['electronics.led.smd_led', 'electronics.led.lcd', 'office.lighting.strip'],
    ],
    pitchZh: '原厂授权代理,原装正品,提供 BOM 配单与技术支持', pitchEn: 'authorized distributor of genuine parts, BOM kitting and engineering support' },
  { zh: '包装材料', en: 'Packaging Materials', slug: 'packaging', industry: '包装印刷 Packaging & printing', companyType: 'manufacturer', quota: 3,
    leaves: [
      ['packaging.cartons.shipping', 'packaging.cartons.folding', 'packaging.cartons.gift'],
      ['packaging.labels.self_adhesive', 'packaging.labels.brochures', 'packaging.protective.tape'],
      ['packaging.protective.bubble', 'packaging.protective.tape', 'packaging.bags.courier'],
    ],
    pitchZh: '印刷包装一站式服务,打样快,交期准', pitchEn: 'one-stop printing and packaging, fast samples and dependable lead times' },
  { zh: '化工', en: 'Chemical', slug: 'chemical', industry: '化工 Chemicals', companyType: 'trading_company', quota: 3,
    leaves: [
      ['chemicals.basic.acids_alkalis', 'chemicals.basic.solvents', 'chemicals.basic.additives'],
      ['chemicals.coatings.industrial', 'chemicals.coatings.architectural', 'chemicals.basic.solvents'],
      ['chemicals.basic.additives', 'chemicals.plastics.engineering', 'chemicals.basic.acids_alkalis'],
    ],
    pitchZh: '危化品经营许可证齐全,自有槽车与仓储', pitchEn: 'fully licensed for hazardous chemicals, with its own tankers and storage' },
  { zh: '食品', en: 'Food', slug: 'food', industry: '食品农业 Food & agriculture', companyType: 'both', quota: 3,
    leaves: [
      ['food.grain_oil.rice', 'food.grain_oil.flour', 'food.grain_oil.edible_oil'],
      ['food.dried.nuts', 'food.dried.mushrooms', 'food.dried.tea'],
      ['food.fresh.fruit', 'food.fresh.vegetables', 'food.agri.fertilizers', 'food.agri.seeds'],
    ],
    pitchZh: '产地直采,SC 认证工厂,冷链发货', pitchEn: 'sourced at origin, SC-certified plant, cold-chain shipping' },
  { zh: '机械设备', en: 'Machinery & Equipment', slug: 'machinery', industry: '机械设备 Machinery', companyType: 'manufacturer', quota: 3,
    leaves: [
      ['machinery.equipment.pumps', 'machinery.equipment.motors', 'machinery.equipment.compressors'],
      ['machinery.bearings.ball', 'machinery.bearings.roller', 'machinery.equipment.motors'],
      ['machinery.equipment.compressors', 'machinery.tools.power', 'machinery.bearings.ball'],
    ],
    pitchZh: '整机厂家,ISO9001 认证,全国联保', pitchEn: 'OEM manufacturer, ISO 9001 certified, nationwide warranty service' },
  { zh: '塑料制品', en: 'Plastic Products', slug: 'plastics', industry: '化工塑料 Chemicals & plastics', companyType: 'manufacturer', quota: 3,
    leaves: [
      ['chemicals.plastics.pp', 'chemicals.plastics.pe', 'chemicals.plastics.engineering'],
      ['packaging.bags.food', 'packaging.bags.shopping', 'packaging.bags.courier'],
      ['office.household.storage', 'chemicals.plastics.pp', 'packaging.bags.shopping'],
    ],
    pitchZh: '注塑、吹膜、制袋车间齐全,原料可溯源', pitchEn: 'injection moulding, film blowing and bag making in house, traceable resin' },
  { zh: '家居用品', en: 'Household Products', slug: 'home', industry: '办公家居 Office & home', companyType: 'manufacturer', quota: 3,
    leaves: [
      ['office.furniture.chairs', 'office.furniture.desks', 'office.furniture.cabinets'],
      ['office.stationery.paper', 'office.stationery.pens', 'office.stationery.folders'],
      ['office.lighting.panel', 'office.lighting.bulbs', 'office.household.storage', 'office.household.kitchenware'],
    ],
    pitchZh: '工厂直供,支持企业集采与项目定制', pitchEn: 'factory-direct for corporate group purchases and project orders' },
];

/** Verification and TrustPass by position among the drawn companies: most verified, some with TrustPass, a few not (yet). */
function trustPlan(j: number): { verification: VerificationOutcome; membership: Membership | null } {
  if ([4, 13, 22, 31].includes(j)) return { verification: 'pending', membership: null };
  if ([9, 26].includes(j)) return { verification: 'rejected', membership: null };
  if ([17, 33].includes(j)) return { verification: 'none', membership: null };
  if (j % 5 === 0 || j % 5 === 2) return { verification: 'approved', membership: { plan: j % 3 === 0 ? 'premium' : 'standard', years: 1 + (j % 3) } };
  return { verification: 'approved', membership: null };
}

function parseName(name: string): { city: string; brand: string; trade: Trade } | null {
  const city = Object.keys(CITIES).find((c) => name.startsWith(c));
  if (!city) return null;
  const rest = name.slice(city.length);
  const brand = Object.keys(BRANDS).find((b) => rest.startsWith(b));
  const trade = TRADES.find((t) => brand && rest === `${brand}${t.zh}有限公司`);
  return brand && trade ? { city, brand, trade } : null;
}

const personPinyin = (name: string) => {
  const [surname, ...given] = [...name];
  return `${PINYIN[surname!] ?? 'x'}.${given.map((g) => PINYIN[g] ?? 'x').join('')}`;
};

const SALES_NAMES = ['张丽', '李婷', '王浩', '赵鹏', '周欣', '吴静', '孙涛', '胡明', '朱艳', '马超', '徐娟', '杨军'];

export function loadRegistry(file = SAMPLE_REGISTRY_FILE): RegistryRecord[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RegistryRecord[];
}

/**
 * About 34 registry companies, a quota per trade, in registry order; deregistered records, the browser tests'
 * codes and anything in `exclude` (the hand-written demo companies) are skipped, as are repeated names.
 */
export function registrySuppliers(records: RegistryRecord[], exclude: ReadonlySet<string>): SeedSupplier[] {
  const taken = new Map<string, number>();
  const names = new Set<string>();
  const domains = new Set<string>();
  const out: SeedSupplier[] = [];
  for (const r of records) {
    if (r.status !== 'active' || RESERVED_USCCS.has(r.uscc) || exclude.has(r.uscc) || names.has(r.name)) continue;
    const parsed = parseName(r.name);
    if (!parsed || !/^[\u4e00-\u9fa5]{2,3}$/.test(r.legalRepresentative) || [...r.legalRepresentative].some((ch) => !PINYIN[ch])) continue;
    const { city, brand, trade } = parsed;
    const n = taken.get(trade.zh) ?? 0;
    if (n >= trade.quota) continue;
    const cityInfo = CITIES[city]!;
    let domain = `${BRANDS[brand]!.toLowerCase()}-${trade.slug}`;
    if (domains.has(domain)) domain = `${domain}-${cityInfo.pinyin.toLowerCase()}`;
    if (domains.has(domain)) continue;
    taken.set(trade.zh, n + 1);
    names.add(r.name);
    domains.add(domain);
    const j = out.length;
    const leaves = trade.leaves[n % trade.leaves.length]!;
    const first = SALES_NAMES[(j * 5) % SALES_NAMES.length]!;
    const salesName = first === r.legalRepresentative ? SALES_NAMES[(j * 5 + 1) % SALES_NAMES.length]! : first;
    const mainProducts = leaves.slice(0, 3).map((code) => LEAF_NAMES[code] ?? code);
    const brandEn = BRANDS[brand]!;
    out.push({
      legalName: r.name,
      nameEn: `${cityInfo.pinyin} ${brandEn} ${trade.en} Co., Ltd.`,
      companyType: trade.companyType,
      province: cityInfo.province, city, industry: trade.industry, mainProducts,
      description: `${r.name}成立于 ${r.establishedOn.slice(0, 4)} 年,${trade.pitchZh},主营${mainProducts.join('、')}。`
        + `${cityInfo.pinyin} ${brandEn} has been in business since ${r.establishedOn.slice(0, 4)}: ${trade.pitchEn}.`,
      uscc: r.uscc,
      owner: { email: `${personPinyin(r.legalRepresentative)}@${domain}.demo`, name: r.legalRepresentative },
      sales: { email: `${personPinyin(salesName)}@${domain}.demo`, name: salesName },
      ...trustPlan(j),
      leaves,
    });
  }
  return out;
}

/** Chinese names of the leaves the drawn suppliers list as main products. */
const LEAF_NAMES: Record<string, string> = {
  'steel.plate.hot_rolled': '热轧板', 'steel.plate.cold_rolled': '冷轧卷', 'steel.plate.galvanized': '镀锌板', 'steel.long.rebar': '螺纹钢',
  'steel.long.wire_rod': '线材盘螺', 'steel.long.sections': '型钢', 'steel.pipe.seamless': '无缝钢管', 'steel.pipe.welded': '焊管',
  'steel.pipe.square': '方矩管', 'steel.stainless.sheet': '不锈钢板', 'steel.stainless.pipe': '不锈钢管', 'steel.stainless.bar': '不锈钢棒',
  'machinery.fasteners.bolts': '螺栓', 'machinery.fasteners.nuts': '螺母', 'machinery.fasteners.screws': '螺钉', 'machinery.tools.hand': '手动工具',
  'machinery.tools.power': '电动工具', 'office.household.kitchenware': '不锈钢厨具', 'textiles.fabric.woven': '梭织面料', 'textiles.fabric.knitted': '针织面料',
  'textiles.fabric.denim': '牛仔布', 'textiles.apparel.tshirts': 'T恤', 'textiles.apparel.workwear': '工作服', 'textiles.apparel.jackets': '外套',
  'textiles.home.bedding': '床品套件', 'textiles.home.towels': '毛巾浴巾', 'textiles.trims.zippers': '拉链', 'textiles.trims.buttons': '纽扣',
  'textiles.trims.labels': '织唛吊牌', 'electronics.ic.mcu': '单片机', 'electronics.ic.power': '电源管理芯片', 'electronics.ic.memory': '存储芯片',
  'electronics.passive.resistors': '贴片电阻', 'electronics.passive.capacitors': '电容', 'electronics.passive.inductors': '电感',
  'electronics.connectors.board': '排针排母', 'electronics.connectors.usb': 'USB 连接器', 'electronics.connectors.harness': '线束',
  'electronics.led.smd_led': '贴片LED', 'electronics.led.lcd': '液晶模组', 'office.lighting.strip': 'LED灯带', 'packaging.cartons.shipping': '快递纸箱',
  'packaging.cartons.folding': '彩盒', 'packaging.cartons.gift': '礼品盒', 'packaging.labels.self_adhesive': '不干胶标签', 'packaging.labels.brochures': '画册印刷',
  'packaging.protective.tape': '封箱胶带', 'packaging.protective.bubble': '气泡膜', 'packaging.bags.courier': '快递袋', 'chemicals.basic.acids_alkalis': '工业酸碱',
  'chemicals.basic.solvents': '有机溶剂', 'chemicals.basic.additives': '塑料助剂', 'chemicals.coatings.industrial': '工业漆', 'chemicals.coatings.architectural': '建筑涂料',
  'chemicals.plastics.engineering': '工程塑料', 'food.grain_oil.rice': '大米', 'food.grain_oil.flour': '面粉', 'food.grain_oil.edible_oil': '食用油',
  'food.dried.nuts': '坚果炒货', 'food.dried.mushrooms': '干菌菇', 'food.dried.tea': '茶叶', 'food.fresh.fruit': '水果', 'food.fresh.vegetables': '蔬菜',
  'food.agri.fertilizers': '化肥', 'food.agri.seeds': '种子', 'machinery.equipment.pumps': '水泵', 'machinery.equipment.motors': '电机',
  'machinery.equipment.compressors': '空压机', 'machinery.bearings.ball': '深沟球轴承', 'machinery.bearings.roller': '滚子轴承', 'chemicals.plastics.pp': 'PP 聚丙烯',
  'chemicals.plastics.pe': 'PE 聚乙烯', 'packaging.bags.food': '食品包装袋', 'packaging.bags.shopping': '购物袋', 'office.household.storage': '收纳箱',
  'office.furniture.chairs': '办公椅', 'office.furniture.desks': '办公桌', 'office.furniture.cabinets': '文件柜', 'office.stationery.paper': '复印纸',
  'office.stationery.pens': '中性笔', 'office.stationery.folders': '档案盒', 'office.lighting.panel': 'LED平板灯', 'office.lighting.bulbs': 'LED球泡',
};

/** What the six hand-written demo suppliers sell (by legal name), typical first. */
export const HAND_WRITTEN_LEAVES: Record<string, string[]> = {
  无锡华东钢材贸易有限公司: ['steel.plate.hot_rolled', 'steel.plate.cold_rolled', 'steel.long.rebar', 'steel.plate.galvanized', 'steel.long.sections', 'steel.pipe.welded', 'steel.stainless.sheet'],
  宁波甬达五金制造有限公司: ['machinery.fasteners.bolts', 'machinery.fasteners.nuts', 'machinery.fasteners.screws', 'steel.stainless.bar', 'office.household.kitchenware'],
  绍兴柯桥锦华纺织有限公司: ['textiles.fabric.woven', 'textiles.fabric.knitted', 'textiles.fabric.denim', 'textiles.home.bedding'],
  深圳市创芯电子科技有限公司: ['electronics.passive.resistors', 'electronics.passive.capacitors', 'electronics.led.smd_led', 'electronics.ic.mcu', 'electronics.ic.power'],
  东莞市恒通包装制品有限公司: ['packaging.cartons.shipping', 'packaging.cartons.folding', 'packaging.protective.bubble', 'packaging.protective.tape', 'packaging.bags.courier'],
  临沂鲁丰食品有限公司: ['food.dried.nuts', 'food.fresh.vegetables', 'food.grain_oil.edible_oil', 'food.grain_oil.flour'],
};
