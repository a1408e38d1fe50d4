/**
 * The demo's companies (the nine hand-written ones, then 34 drawn from the sample registry) and how one is seeded
 * through the services. Seeding a company is resumable: every step first looks at what exists (person, company,
 * team, verification, TrustPass), so a run repeated after a crash or restart finishes it without duplicates.
 */
import type { BuiltApp } from '../app.js';
import type { RequestContext } from '../platform/context.js';
import { completeUscc } from '../modules/accounts/index.js';
import { FREE_LIMITS } from '../modules/trustpass/index.js';
import { SampleRegistryProvider } from '../modules/trust/registry.js';
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
export const DEMO_PLANS = {
  standard: { code: 'standard', nameZh: '诚信通 标准版', nameEn: 'TrustPass Standard', annualPrice: 688_000, currency: 'CNY', publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通', active: true },
  premium: { code: 'premium', nameZh: '诚信通 尊享版', nameEn: 'TrustPass Premium', annualPrice: 1_280_000, currency: 'CNY', publishLimit: 2000, rfqQuoteQuota: 200, badge: '诚信通尊享', active: true },
} as const;

export const DEMO_OPERATOR = { email: 'ops@tongshang.demo', name: '平台运营 Ops' };

export type DemoCompanySpec = SeedSupplier | (DemoCompany & { uscc: string; verification: VerificationOutcome; membership: Membership | null; leaves: string[] });
let companiesMemo: DemoCompanySpec[] | undefined;

/** Every company the demo seeds, in order: the nine hand-written ones, then the suppliers drawn from the sample registry. */
export function demoCompanies(): DemoCompanySpec[] {
  companiesMemo ??= computeDemoCompanies();
  return companiesMemo;
}

function computeDemoCompanies(): DemoCompanySpec[] {
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

// A 1×1 PNG stands in for the scanned license.
const LICENSE_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** What the demo catalog job needs to know of a seeded supplier (the job's payload carries these). */
export interface DemoSupplierEntry {
  companyId: string; userId: string; email: string; name: string;
  plan: { key: string; legalName: string; nameEn: string; province: string; city: string; leaves: string[]; publishLimit: number; weight: number };
}

interface DemoPlans { standard: string; premium: string }

/**
 * A seeding session: the operator signed in (a real session, so every step goes through the services as in
 * production) and the TrustPass plans. close() signs out every session the seed opened, so nobody finds a stray device.
 */
export interface DemoSeeder {
  seedCompany(c: DemoCompanySpec, index: number): Promise<DemoSupplierEntry | null>;
  close(): Promise<void>;
}

const BASE_CTX: RequestContext = { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'demo-seed', requestId: 'demo-seed' };

function ctxFor(actor: RequestContext['actor']): RequestContext {
  return { ...BASE_CTX, actor };
}

/** Opens a seeding session. `createOperator` on the first start; later runs (the background job) sign in as it. */
export async function openDemoSeeder(built: BuiltApp, options: { createOperator: boolean }): Promise<DemoSeeder> {
  const { auth, companies, members } = built.modules.accounts;
  if (options.createOperator) await auth.ensureOperator({ email: DEMO_OPERATOR.email, password: DEMO_PASSWORD, name: DEMO_OPERATOR.name });
  const tokens: string[] = [];
  const { session: opsSession } = await auth.login(BASE_CTX, { email: DEMO_OPERATOR.email, password: DEMO_PASSWORD });
  tokens.push(opsSession.token);
  const actorOf = (token: string) => auth.authenticate(token, 'bearer');
  const opsCtx = ctxFor(await actorOf(opsSession.token));
  const { trustpass } = built.modules.trustpass;
  const plans = await ensurePlans(built, opsCtx);
  const registry = new SampleRegistryProvider();

  /** A demo person: found by email, or registered. Their session is opened only when a step needs them to act. */
  const person = async (p: { email: string; name: string; mobile?: string }) => {
    const found = (await members.adminListUsers({ q: p.email, limit: 5 })).find((u) => u.email.toLowerCase() === p.email.toLowerCase());
    if (!found) {
      const { user, session } = await auth.register(BASE_CTX, { email: p.email, password: DEMO_PASSWORD, name: p.name, mobile: p.mobile });
      tokens.push(session.token);
      return { userId: user.id, ctx: async () => ctxFor(await actorOf(session.token)) };
    }
    let token: string | undefined;
    return {
      userId: found.id,
      // Read afresh each time: the actor's memberships change as the company is created and joined.
      ctx: async () => {
        if (!token) {
          token = (await auth.login(BASE_CTX, { email: p.email, password: DEMO_PASSWORD })).session.token;
          tokens.push(token);
        }
        return ctxFor(await actorOf(token));
      },
    };
  };

  const seedCompany = async (c: DemoCompanySpec, index: number): Promise<DemoSupplierEntry | null> => {
    const owner = await person(c.owner);
    let company = (await companies.list(BASE_CTX, { q: c.uscc, limit: 5 })).items.find((x) => x.uscc === c.uscc);
    company ??= await companies.create(await owner.ctx(), {
      legalName: c.legalName, nameEn: c.nameEn, uscc: c.uscc, companyType: c.companyType,
      province: c.province, city: c.city, industry: c.industry, mainProducts: c.mainProducts, description: c.description,
    });
    const companyId = company.id;
    const team = 'members' in c ? c.members : [{ ...c.sales, role: 'sales' as const }];
    const memberIds = new Set((await members.listMembers(opsCtx, companyId)).map((m) => m.userId));
    for (const m of team) {
      const joiner = await person(m);
      if (memberIds.has(joiner.userId)) continue;
      const ownerCtx = await owner.ctx();
      // An invitation a crashed run left open is withdrawn; its token was never stored.
      for (const stale of await members.listInvitations(ownerCtx, companyId)) {
        if (stale.status === 'pending' && stale.email.toLowerCase() === m.email.toLowerCase()) await members.revokeInvitation(ownerCtx, companyId, stale.id);
      }
      const { token } = await members.createInvitation(ownerCtx, companyId, { email: m.email, role: m.role });
      await members.accept(await joiner.ctx(), token);
    }
    await seedVerification(built, owner.ctx, opsCtx, companyId, c.uscc, registry, c.verification);
    if (c.membership) {
      const status = await trustpass.status(opsCtx, companyId);
      if (!status.purchases.some((p) => p.status === 'paid')) {
        // Paid by corporate bank transfer, confirmed by the operator: no webhook needs the server to be listening yet.
        // A purchase made by an interrupted run is paid (if still payable) rather than bought twice.
        const open = status.purchases.find((p) => p.status === 'pending');
        const intent = open
          ? await built.modules.payments.payments.get(opsCtx, open.paymentIntentId)
          : (await trustpass.purchase(await owner.ctx(), companyId, { planId: plans[c.membership.plan], years: c.membership.years, provider: 'bank_transfer' })).paymentIntent;
        if (intent.status === 'requires_payment') {
          await built.modules.payments.payments.confirmTransfer(opsCtx, intent.id, { bankReference: `DEMO-${index}`, amount: intent.amount });
        }
      }
    }
    if (c.companyType === 'buyer') return null;
    return {
      companyId, userId: owner.userId, email: c.owner.email, name: c.owner.name,
      plan: {
        key: c.uscc, legalName: c.legalName, nameEn: c.nameEn, province: c.province, city: c.city, leaves: c.leaves,
        publishLimit: c.membership ? DEMO_PLANS[c.membership.plan].publishLimit : FREE_LIMITS.publishLimit, weight: catalogWeight(c.uscc, c.membership),
      },
    };
  };

  return {
    seedCompany,
    async close() {
      for (const token of tokens.splice(0)) {
        const actor = await actorOf(token);
        if (actor) await auth.logout(ctxFor(actor));
      }
    },
  };
}

/** The TrustPass plans the demo sells, created once. */
async function ensurePlans(built: BuiltApp, opsCtx: RequestContext): Promise<DemoPlans> {
  const { trustpass } = built.modules.trustpass;
  const existing = await trustpass.adminPlans(opsCtx);
  const idOf = async (code: keyof typeof DEMO_PLANS) => existing.find((p) => p.code === code)?.id ?? (await trustpass.savePlan(opsCtx, null, DEMO_PLANS[code])).id;
  return { standard: await idOf('standard'), premium: await idOf('premium') };
}

/** Brings the company's verification to its planned outcome, from wherever an earlier run left it. */
async function seedVerification(built: BuiltApp, ownerCtx: () => Promise<RequestContext>, opsCtx: RequestContext, companyId: string, uscc: string, registry: SampleRegistryProvider, outcome: VerificationOutcome): Promise<void> {
  if (outcome === 'none') return;
  const { verification } = built.modules.trust;
  let { status } = await verification.view(opsCtx, companyId);
  if (status === 'none') {
    const record = await registry.lookup(uscc);
    if (!record) throw new Error(`demo company ${uscc} is missing from the sample registry`);
    const owner = await ownerCtx();
    const license = await built.modules.files.files.store({
      bytes: LICENSE_PNG, purpose: 'business_license', allowed: ['image/png'], maxBytes: 1_000_000, ownerCompanyId: companyId, uploadedBy: owner.actor?.userId ?? null,
    });
    await verification.submit(owner, companyId, {
      uscc, legalName: record.name, legalRepresentative: record.legalRepresentative, registeredCapital: record.registeredCapital,
      establishedOn: record.establishedOn, registeredAddress: record.address, businessScope: '销售;生产;技术服务', licenseFileId: license.id,
    });
    status = 'pending';
  }
  if (outcome === 'pending' || status !== 'pending') return;
  const pending = await verification.adminList(opsCtx, { status: 'pending', limit: 100 });
  const request = pending.items.find((i) => i.companyId === companyId);
  if (!request) throw new Error('demo verification request vanished');
  await verification.decide(opsCtx, request.id, outcome === 'approved' ? { approve: true } : { approve: false, reason: '营业执照照片不清晰,请上传清晰的彩色扫描件 | The license photo is unreadable; upload a clear colour scan' });
}

/** Seeds the companies `concurrency` at a time (password hashing on libuv's threads overlaps the database work, which
 * the database layer serializes anyway); results keep the list's order, so the catalog plan does not depend on timing. */
export async function seedCompaniesInOrder(seeder: DemoSeeder, specs: DemoCompanySpec[], firstIndex: number, concurrency = 3): Promise<Array<DemoSupplierEntry | null>> {
  const results = new Array<DemoSupplierEntry | null>(specs.length).fill(null);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, async () => {
    while (next < specs.length) {
      const i = next++;
      results[i] = await seeder.seedCompany(specs[i]!, firstIndex + i);
    }
  }));
  return results;
}
