import type { BuiltApp } from '../app.js';
import type { RequestContext } from '../platform/context.js';
import { completeUscc } from '../modules/accounts/index.js';
import { FREE_LIMITS } from '../modules/trustpass/index.js';
import { SampleRegistryProvider } from '../modules/trust/registry.js';
import { scheduleDemoCatalog, type DemoCatalogPayload } from './demo-job.js';
import { HAND_WRITTEN_LEAVES, loadRegistry, registrySuppliers, type Membership, type SeedSupplier, type VerificationOutcome } from './demo-suppliers.js';

export const DEMO_PASSWORD = 'Tongshang-Demo-2026';

interface DemoPerson { email: string; name: string; mobile?: string }
export interface DemoCompany {
  legalName: string; nameEn: string; companyType: 'manufacturer' | 'trading_company' | 'buyer' | 'both';
  province: string; city: string; industry: string; mainProducts: string[]; description: string; usccBody: string;
  owner: DemoPerson; members: Array<DemoPerson & { role: 'admin' | 'purchaser' | 'sales' | 'finance' }>;
}

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    legalName: '无锡华东钢材贸易有限公司', nameEn: 'Wuxi Huadong Steel Trading Co., Ltd.', companyType: 'trading_company',
    province: '320000', city: '无锡', industry: '钢铁 Steel', mainProducts: ['热轧钢板', '冷轧卷', '螺纹钢', 'Q355B 中厚板'],
    description: '华东地区钢材现货贸易商,常备热轧、冷轧、螺纹钢现货 3 万余吨,可按需剪切配送。Spot steel stockist in East China with 30,000+ tons in stock, cut-to-size and delivery.',
    usccBody: '9132020058', owner: { email: 'chen.li@huadong-steel.demo', name: '陈立', mobile: '13800000001' },
    members: [{ email: 'wang.fang@huadong-steel.demo', name: '王芳', role: 'sales' }],
  },
  {
    legalName: '宁波甬达五金制造有限公司', nameEn: 'Ningbo Yongda Hardware Manufacturing Co., Ltd.', companyType: 'manufacturer',
    province: '330000', city: '宁波', industry: '五金机械 Machinery & hardware', mainProducts: ['不锈钢紧固件', '合页', '高强度螺栓'],
    description: '二十年五金紧固件生产经验,冷镦、热处理、表面处理一体化,支持来图定制。Twenty years making fasteners: cold heading, heat treatment and finishing in house; custom parts to drawing.',
    usccBody: '9133020071', owner: { email: 'zhou.jian@yongda-hardware.demo', name: '周建' },
    members: [{ email: 'li.na@yongda-hardware.demo', name: '李娜', role: 'sales' }],
  },
  {
    legalName: '绍兴柯桥锦华纺织有限公司', nameEn: 'Shaoxing Keqiao Jinhua Textile Co., Ltd.', companyType: 'manufacturer',
    province: '330000', city: '绍兴', industry: '纺织服装 Textiles & apparel', mainProducts: ['涤纶面料', '全棉府绸', '牛津布'],
    description: '柯桥中国轻纺城源头工厂,日产坯布 8 万米,可做染色、印花与功能整理。Mill at the China Textile City, 80,000 m of greige a day, dyeing, printing and functional finishing.',
    usccBody: '9133062166', owner: { email: 'sun.mei@jinhua-textile.demo', name: '孙梅' },
    members: [{ email: 'zhao.lei@jinhua-textile.demo', name: '赵磊', role: 'sales' }],
  },
  {
    legalName: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Technology Co., Ltd.', companyType: 'trading_company',
    province: '440000', city: '深圳', industry: '电子元器件 Electronics & components', mainProducts: ['贴片电阻', '陶瓷电容', 'LED 灯珠', 'MCU'],
    description: '华强北电子元器件授权分销商,原装正品,小批量也可发货。Authorized component distributor in Huaqiangbei; genuine parts, small batches welcome.',
    usccBody: '9144030035', owner: { email: 'huang.tao@chuangxin-elec.demo', name: '黄涛' },
    members: [{ email: 'lin.xiao@chuangxin-elec.demo', name: '林晓', role: 'sales' }],
  },
  {
    legalName: '东莞市恒通包装制品有限公司', nameEn: 'Dongguan Hengtong Packaging Products Co., Ltd.', companyType: 'manufacturer',
    province: '440000', city: '东莞', industry: '包装印刷 Packaging & printing', mainProducts: ['瓦楞纸箱', '彩盒', '气泡膜'],
    description: '五层瓦楞纸箱与彩盒印刷工厂,FSC 认证,打样 48 小时。Corrugated cartons and printed boxes, FSC certified, samples in 48 hours.',
    usccBody: '9144190077', owner: { email: 'xu.gang@hengtong-pack.demo', name: '徐刚' },
    members: [{ email: 'he.jing@hengtong-pack.demo', name: '何静', role: 'sales' }],
  },
  {
    legalName: '临沂鲁丰食品有限公司', nameEn: 'Linyi Lufeng Food Co., Ltd.', companyType: 'both',
    province: '370000', city: '临沂', industry: '食品农业 Food & agriculture', mainProducts: ['花生仁', '大蒜', '红薯粉条'],
    description: '沂蒙山区农产品产地加工,自有冷库 5000 吨。Farm produce processed at origin in the Yimeng hills; own 5,000-ton cold store.',
    usccBody: '9137130068', owner: { email: 'liu.qiang@lufeng-food.demo', name: '刘强' },
    members: [{ email: 'ma.li@lufeng-food.demo', name: '马丽', role: 'finance' }],
  },
  {
    legalName: '上海闵行精工机械有限公司', nameEn: 'Shanghai Minhang Precision Machinery Co., Ltd.', companyType: 'buyer',
    province: '310000', city: '上海', industry: '机械制造 Machinery', mainProducts: ['数控机床', '机加工件'],
    description: '精密机床制造商,长期采购钢板、紧固件与电子元器件。Precision machine-tool builder buying plate, fasteners and components year-round.',
    usccBody: '9131011213', owner: { email: 'wu.hao@minhang-machinery.demo', name: '吴昊' },
    members: [
      { email: 'zheng.yu@minhang-machinery.demo', name: '郑宇', role: 'purchaser' },
      { email: 'qian.hong@minhang-machinery.demo', name: '钱红', role: 'finance' },
    ],
  },
  {
    legalName: '杭州优选供应链管理有限公司', nameEn: 'Hangzhou Youxuan Supply Chain Management Co., Ltd.', companyType: 'buyer',
    province: '330000', city: '杭州', industry: '供应链 Supply chain', mainProducts: ['包装材料', '日用百货'],
    description: '为电商品牌提供集采与仓配服务。Group purchasing and warehousing for e-commerce brands.',
    usccBody: '9133010879', owner: { email: 'feng.jie@youxuan-scm.demo', name: '冯洁' },
    members: [{ email: 'cao.bin@youxuan-scm.demo', name: '曹斌', role: 'purchaser' }],
  },
  {
    legalName: '成都西南建设工程有限公司', nameEn: 'Chengdu Xinan Construction Engineering Co., Ltd.', companyType: 'buyer',
    province: '510000', city: '成都', industry: '建筑工程 Construction', mainProducts: ['房建工程', '市政工程'],
    description: '西南地区总承包企业,年采购螺纹钢与型材超过 10 万吨。General contractor in the southwest buying 100,000+ tons of rebar and sections a year.',
    usccBody: '9151010020', owner: { email: 'deng.wei@xinan-build.demo', name: '邓伟' },
    members: [{ email: 'tang.min@xinan-build.demo', name: '唐敏', role: 'purchaser' }],
  },
];

/** The demo company's unified social credit code (valid, and present in the bundled sample registry). */
export function demoUscc(c: Pick<DemoCompany, 'usccBody'>): string {
  const first16 = (c.usccBody + '0000000000000000').slice(0, 10) + c.usccBody.slice(2, 8);
  return completeUscc(first16.replace(/[IOSVZ]/g, '0'));
}

/** How far each hand-written demo company got with verification: most verified, some waiting, one turned back. */
const VERIFICATION_PLAN: VerificationOutcome[] = ['approved', 'approved', 'approved', 'approved', 'pending', 'rejected', 'approved', 'pending', 'none'];
const MEMBERSHIP_PLAN: Array<Membership | null> = [{ plan: 'premium', years: 3 }, { plan: 'standard', years: 1 }, { plan: 'standard', years: 2 }, null, null, null, null, null, null];

/** Listings in the demo catalog (seeded in the background after start, see demo-job.ts). */
export const DEMO_CATALOG_SIZE = 1000;
const PLANS = {
  standard: { code: 'standard', nameZh: '诚信通 标准版', nameEn: 'TrustPass Standard', annualPrice: 688_000, currency: 'CNY', publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通', active: true },
  premium: { code: 'premium', nameZh: '诚信通 尊享版', nameEn: 'TrustPass Premium', annualPrice: 1_280_000, currency: 'CNY', publishLimit: 2000, rfqQuoteQuota: 200, badge: '诚信通尊享', active: true },
} as const;

// A 1×1 PNG stands in for the scanned license.
const LICENSE_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function seedVerification(built: BuiltApp, ownerCtx: RequestContext, opsCtx: RequestContext, companyId: string, uscc: string, registry: SampleRegistryProvider, outcome: VerificationOutcome): Promise<void> {
  if (outcome === 'none') return;
  const record = await registry.lookup(uscc);
  if (!record) throw new Error(`demo company ${uscc} is missing from the sample registry`);
  const license = await built.modules.files.files.store({
    bytes: LICENSE_PNG, purpose: 'business_license', allowed: ['image/png'], maxBytes: 1_000_000, ownerCompanyId: companyId, uploadedBy: ownerCtx.actor?.userId ?? null,
  });
  const { verification } = built.modules.trust;
  await verification.submit(ownerCtx, companyId, {
    uscc, legalName: record.name, legalRepresentative: record.legalRepresentative, registeredCapital: record.registeredCapital,
    establishedOn: record.establishedOn, registeredAddress: record.address, businessScope: '销售;生产;技术服务', licenseFileId: license.id,
  });
  if (outcome === 'pending') return;
  const pending = await verification.adminList(opsCtx, { status: 'pending', limit: 100 });
  const request = pending.items.find((i) => i.companyId === companyId);
  if (!request) throw new Error('demo verification request vanished');
  await verification.decide(opsCtx, request.id, outcome === 'approved' ? { approve: true } : { approve: false, reason: '营业执照照片不清晰,请上传清晰的彩色扫描件 | The license photo is unreadable; upload a clear colour scan' });
}

export const DEMO_OPERATOR = { email: 'ops@tongshang.demo', name: '平台运营 Ops' };

function ctxFor(base: RequestContext, actor: RequestContext['actor']): RequestContext {
  return { ...base, actor };
}

/** Every company the demo seeds, in order: the nine hand-written ones, then the suppliers drawn from the sample registry. */
export function demoCompanies(): Array<SeedSupplier | (DemoCompany & { uscc: string; verification: VerificationOutcome; membership: Membership | null; leaves: string[] })> {
  const handWritten = DEMO_COMPANIES.map((c, i) => ({
    ...c, uscc: demoUscc(c), verification: VERIFICATION_PLAN[i] ?? 'none', membership: MEMBERSHIP_PLAN[i] ?? null, leaves: HAND_WRITTEN_LEAVES[c.legalName] ?? [],
  }));
  return [...handWritten, ...registrySuppliers(loadRegistry(), new Set(handWritten.map((c) => c.uscc)))];
}

/** How big a supplier's catalog is: TrustPass members list more (and may: the free tier publishes 20). */
function catalogWeight(uscc: string, membership: Membership | null): number {
  const jitter = 0.75 + (parseInt(uscc.slice(-6, -1), 36) % 50) / 100;
  return (membership ? (membership.plan === 'premium' ? 60 : 45) : 14) * jitter;
}

export interface DemoSeedResult { password: string; logins: Array<{ email: string; who: string }>; suppliers: number; buyers: number; catalogSize: number }

/**
 * Seeds a believable marketplace through the services (so the event log tells its story): an operator, TrustPass
 * plans, ~40 suppliers and 3 buyers with members, verifications in every state and TrustPass memberships; then
 * queues the demo catalog (`catalogSize` listings) as a background job. Returns null if data exists.
 */
export async function seedDemoIfEmpty(built: BuiltApp, options: { catalogSize?: number; concurrency?: number } = {}): Promise<DemoSeedResult | null> {
  const { auth, companies, members } = built.modules.accounts;
  if ((await members.adminListUsers({ limit: 1 })).length > 0) return null;
  const catalogSize = options.catalogSize ?? DEMO_CATALOG_SIZE;
  const base: RequestContext = { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'demo-seed', requestId: 'demo-seed' };

  await auth.ensureOperator({ email: DEMO_OPERATOR.email, password: DEMO_PASSWORD, name: DEMO_OPERATOR.name });
  const seedTokens: string[] = [];
  const signIn = async (person: DemoPerson) => {
    const { user, session } = await auth.register(base, { email: person.email, password: DEMO_PASSWORD, name: person.name, mobile: person.mobile });
    seedTokens.push(session.token);
    return { token: session.token, userId: user.id };
  };
  const actorOf = (token: string) => auth.authenticate(token, 'bearer');

  const { session: opsSession } = await auth.login(base, { email: DEMO_OPERATOR.email, password: DEMO_PASSWORD });
  seedTokens.push(opsSession.token);
  const opsCtx = ctxFor(base, await actorOf(opsSession.token));
  const registry = new SampleRegistryProvider();
  const { trustpass } = built.modules.trustpass;
  const plans = { standard: await trustpass.savePlan(opsCtx, null, PLANS.standard), premium: await trustpass.savePlan(opsCtx, null, PLANS.premium) };

  type CatalogSupplierEntry = DemoCatalogPayload['suppliers'][number];
  const seedCompany = async (c: ReturnType<typeof demoCompanies>[number], index: number): Promise<CatalogSupplierEntry | null> => {
    const owner = await signIn(c.owner);
    const created = await companies.create(ctxFor(base, await actorOf(owner.token)), {
      legalName: c.legalName, nameEn: c.nameEn, uscc: c.uscc, companyType: c.companyType,
      province: c.province, city: c.city, industry: c.industry, mainProducts: c.mainProducts, description: c.description,
    });
    const ownerCtx = ctxFor(base, await actorOf(owner.token));
    const team = 'members' in c ? c.members : [{ ...c.sales, role: 'sales' as const }];
    for (const m of team) {
      const { token } = await members.createInvitation(ownerCtx, created.id, { email: m.email, role: m.role });
      await members.accept(ctxFor(base, await actorOf((await signIn(m)).token)), token);
    }
    await seedVerification(built, ownerCtx, opsCtx, created.id, c.uscc, registry, c.verification);
    if (c.membership) {
      // Paid by corporate bank transfer, confirmed by the operator: no webhook needs the server to be listening yet.
      const { paymentIntent } = await trustpass.purchase(ownerCtx, created.id, { planId: plans[c.membership.plan].id, years: c.membership.years, provider: 'bank_transfer' });
      await built.modules.payments.payments.confirmTransfer(opsCtx, paymentIntent.id, { bankReference: `DEMO-${index}`, amount: paymentIntent.amount });
    }
    if (c.companyType === 'buyer') return null;
    return {
      companyId: created.id, userId: owner.userId, email: c.owner.email, name: c.owner.name,
      plan: {
        key: c.uscc, legalName: c.legalName, nameEn: c.nameEn, province: c.province, city: c.city, leaves: c.leaves,
        publishLimit: c.membership ? PLANS[c.membership.plan].publishLimit : FREE_LIMITS.publishLimit, weight: catalogWeight(c.uscc, c.membership),
      },
    };
  };
  // Three companies at a time: password hashing (argon2, on libuv's threads) overlaps the database work, which the
  // database layer serializes anyway. Results keep the list's order, so the catalog plan does not depend on timing.
  const all = demoCompanies();
  const results: Array<CatalogSupplierEntry | null> = new Array<CatalogSupplierEntry | null>(all.length).fill(null);
  let next = 0;
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, async () => {
    while (next < all.length) {
      const index = next++;
      results[index] = await seedCompany(all[index]!, index);
    }
  }));
  const catalogSuppliers = results.filter((r): r is CatalogSupplierEntry => r !== null);
  const suppliers = catalogSuppliers.length;
  const buyers = all.filter((c) => c.companyType === 'buyer').length;
  // Registering signed each person in; sign those seed sessions out so nobody finds a stray device.
  for (const token of seedTokens) await auth.logout(ctxFor(base, await actorOf(token)));
  if (catalogSize > 0) await scheduleDemoCatalog(built, { total: catalogSize, suppliers: catalogSuppliers });
  return {
    password: DEMO_PASSWORD, suppliers, buyers, catalogSize,
    logins: [
      { email: DEMO_OPERATOR.email, who: 'platform operator 平台运营 (operator console)' },
      { email: DEMO_COMPANIES[0]!.owner.email, who: `seller owner 卖家 — ${DEMO_COMPANIES[0]!.legalName} (TrustPass, steel)` },
      { email: DEMO_COMPANIES[0]!.members[0]!.email, who: `seller sales 销售 — ${DEMO_COMPANIES[0]!.legalName}` },
      { email: DEMO_COMPANIES[3]!.owner.email, who: `seller owner 卖家 — ${DEMO_COMPANIES[3]!.legalName} (free tier, electronics)` },
      { email: DEMO_COMPANIES[6]!.owner.email, who: `buyer owner 买家 — ${DEMO_COMPANIES[6]!.legalName}` },
      { email: DEMO_COMPANIES[6]!.members[0]!.email, who: `buyer purchaser 采购 — ${DEMO_COMPANIES[6]!.legalName}` },
    ],
  };
}
