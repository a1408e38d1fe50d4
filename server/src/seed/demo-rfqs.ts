/**
 * Demo RFQs (询价单) and quotes: the demo buyers post needs and the demo suppliers compete for them.
 *   - 上海闵行精工 (Minhang): hot-rolled plate, 200 t, open — four competing quotes, one shortlisted, a question in a thread;
 *   - 成都西南建设 (Xinan): rebar, 500 t — awarded: one quote accepted, one declined with a reason;
 *   - 杭州优选 (Youxuan): shipping cartons — a quote accepted, then the RFQ closed (the rest not selected);
 *   - Minhang again: M12 bolts, by invitation to 宁波甬达 (Yongda) only — open, one quote.
 * Everything goes through the RFQ service (so events, matching and notifications are real), acting in-process as
 * each company's owner (no sessions). Deterministic and idempotent: an RFQ is found by its buyer and title and only
 * what is missing is added (quotes per supplier, the decisions). Call after the demo catalog exists, so matching
 * and the steel competitors (suppliers with published plate and rebar) are there.
 */
import type { BuiltApp } from '../app.js';
import type { Actor, RequestContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { SEED_CTX, demoCompanyIds } from './demo-people.js';

const DAY = 86_400_000;

const HUADONG = 0;
const YONGDA = 1;
const HENGTONG = 4;
const MINHANG = 6;
const YOUXUAN = 7;
const XINAN = 8;

type Outcome = 'open' | 'awarded' | 'closed';
interface QuotePlan { unitPrice: number; tiers?: Array<[number, number]>; leadTimeDays: number; validDays: number; shippingTerms: 'EXW' | 'FOB' | 'DAP' | 'delivered'; notes: string; sample?: { unitPrice: number; maxQuantity: number } }
interface RfqPlan {
  buyer: number;
  title: string;
  category: string;
  specification: Record<string, string | number | boolean | [number, number] | string[]>;
  description: string;
  quantity: number; unit: 'ton' | 'piece' | 'set' | 'box'; targetUnitPrice: number | null; province: string;
  deadlineDays: number; deliveryDays: number;
  visibility: 'public' | 'invited'; invited?: number[];
  /** Hand-written suppliers by index, then up to `competitors` more with published products in the category. */
  suppliers: number[]; competitors: number;
  quotes: QuotePlan[];
  outcome: Outcome;
  /** Index into the quotes actually placed: accepted (awarded/closed), declined, shortlisted. */
  accept?: number; decline?: { index: number; reason: string }; shortlist?: number[];
  thread?: Array<{ quote: number; side: 'buyer' | 'supplier'; body: string }>;
}

const PLANS: RfqPlan[] = [
  {
    buyer: MINHANG, title: '求购热轧钢板 Q235B 10mm 200 吨(厂房钢结构)', category: 'steel.plate.hot_rolled',
    specification: { thickness: 10, width: 1500, grade: ['Q235B', 'Q355B'], supply_mode: 'spot' },
    description: '用于闵行新厂房钢结构,需随货提供材质书,开 13% 增值税专用发票。可分两批交货。',
    quantity: 200, unit: 'ton', targetUnitPrice: 405_000, province: '310000', deadlineDays: 5, deliveryDays: 25, visibility: 'public',
    suppliers: [HUADONG], competitors: 3, outcome: 'open', shortlist: [0, 2],
    quotes: [
      { unitPrice: 412_000, tiers: [[100, 405_000], [200, 398_000]], leadTimeDays: 3, validDays: 10, shippingTerms: 'delivered', notes: '沙钢现货,送货到闵行工厂,含运费与卸货。' },
      { unitPrice: 409_000, leadTimeDays: 7, validDays: 7, shippingTerms: 'DAP', notes: '日照钢厂资源,运费已含。' },
      { unitPrice: 403_000, tiers: [[150, 396_000]], leadTimeDays: 10, validDays: 14, shippingTerms: 'EXW', notes: '出厂价,买方自提或代办物流。', sample: { unitPrice: 0, maxQuantity: 0.5 } },
      { unitPrice: 415_000, leadTimeDays: 2, validDays: 5, shippingTerms: 'delivered', notes: '上海宝山仓库现货,两天内到货。' },
    ],
    thread: [
      { quote: 0, side: 'buyer', body: '请问 Q355B 是否同价?能否分两批交货?' },
      { quote: 0, side: 'supplier', body: 'Q355B 每吨加 200 元;可以分两批,每批 100 吨。' },
    ],
  },
  {
    buyer: XINAN, title: '螺纹钢 HRB400E Φ16-Φ25 500 吨,送成都双流', category: 'steel.long.rebar',
    specification: { grade: 'HRB400E', standard: 'GB/T 1499.2' },
    description: '工地用料,分三批到货,每批约 170 吨;需提供质保书。',
    quantity: 500, unit: 'ton', targetUnitPrice: 372_000, province: '510000', deadlineDays: 4, deliveryDays: 30, visibility: 'public',
    suppliers: [HUADONG], competitors: 2, outcome: 'awarded', accept: 0, decline: { index: 1, reason: '交期太长,工地等不及。' },
    quotes: [
      { unitPrice: 376_000, tiers: [[300, 371_000]], leadTimeDays: 5, validDays: 10, shippingTerms: 'delivered', notes: '分三批发货,含运费到双流工地。' },
      { unitPrice: 365_000, leadTimeDays: 20, validDays: 15, shippingTerms: 'EXW', notes: '期货订货,出厂价。' },
      { unitPrice: 379_000, leadTimeDays: 6, validDays: 7, shippingTerms: 'DAP', notes: '成都青白江仓库发货。' },
    ],
  },
  {
    buyer: YOUXUAN, title: '五层瓦楞纸箱 60×40×40cm 20000 个,印单色 Logo', category: 'packaging.cartons.shipping',
    specification: {},
    description: '电商发货箱,K=K 五层,单色印刷;首批 20000 个,之后按月补货。',
    quantity: 20_000, unit: 'piece', targetUnitPrice: 320, province: '330000', deadlineDays: 6, deliveryDays: 20, visibility: 'public',
    suppliers: [HENGTONG], competitors: 2, outcome: 'closed', accept: 0,
    quotes: [
      { unitPrice: 335, tiers: [[10_000, 318], [50_000, 298]], leadTimeDays: 7, validDays: 30, shippingTerms: 'delivered', notes: '含印版费,送货到杭州仓库。', sample: { unitPrice: 0, maxQuantity: 20 } },
      { unitPrice: 342, leadTimeDays: 10, validDays: 20, shippingTerms: 'EXW', notes: '印版费 800 元另计。' },
      { unitPrice: 329, leadTimeDays: 12, validDays: 15, shippingTerms: 'DAP', notes: '东莞发货,物流 3 天。' },
    ],
  },
  {
    buyer: MINHANG, title: 'M12×60 10.9 级高强度螺栓 5 万套(邀请报价)', category: 'machinery.fasteners.bolts',
    specification: {},
    description: '达克罗表面处理,每套含螺母与垫片;仅邀请合作过的供应商报价。',
    quantity: 50_000, unit: 'set', targetUnitPrice: null, province: '310000', deadlineDays: 7, deliveryDays: 30, visibility: 'invited', invited: [YONGDA],
    suppliers: [YONGDA], competitors: 0, outcome: 'open',
    quotes: [{ unitPrice: 185, tiers: [[30_000, 178]], leadTimeDays: 15, validDays: 20, shippingTerms: 'delivered', notes: '10.9 级,达克罗处理,附检测报告。' }],
  },
  // Open public needs across the market, so the RFQ list and the home page's band show buyers' needs as content.
  {
    buyer: XINAN, title: '求购 STM32F103C8T6 单片机 2 万片,原装正品', category: 'electronics.ic.mcu',
    specification: {},
    description: '用于工地塔吊监控终端,要求原装正品、可追溯批次,提供出货报告。',
    quantity: 20_000, unit: 'piece', targetUnitPrice: 650, province: '510000', deadlineDays: 6, deliveryDays: 21, visibility: 'public',
    suppliers: [], competitors: 2, outcome: 'open',
    quotes: [{ unitPrice: 690, tiers: [[10_000, 668]], leadTimeDays: 3, validDays: 10, shippingTerms: 'delivered', notes: '原装现货,顺丰到付,提供原厂出货报告。' }],
  },
  {
    buyer: YOUXUAN, title: '东北五常大米 10 吨,5kg 真空包装', category: 'food.grain_oil.rice',
    specification: {},
    description: '社区团购用,要求当季新米,5kg 真空袋装,每月复购约 10 吨。',
    quantity: 10, unit: 'ton', targetUnitPrice: 780_000, province: '330000', deadlineDays: 8, deliveryDays: 15, visibility: 'public',
    suppliers: [], competitors: 1, outcome: 'open', quotes: [],
  },
  {
    buyer: MINHANG, title: '深沟球轴承 6205-2RS 5000 套,月度框架采购', category: 'machinery.bearings.ball',
    specification: {},
    description: '用于电机装配线,按月下单,需提供尺寸与游隙检验报告。',
    quantity: 5000, unit: 'set', targetUnitPrice: 650, province: '310000', deadlineDays: 2, deliveryDays: 14, visibility: 'public',
    suppliers: [], competitors: 2, outcome: 'open',
    quotes: [{ unitPrice: 720, tiers: [[3000, 690]], leadTimeDays: 7, validDays: 15, shippingTerms: 'DAP', notes: '国产优质轴承,每批附检验报告。' }],
  },
  {
    buyer: XINAN, title: '钢制办公文件柜 200 组,送成都项目部', category: 'office.furniture.cabinets',
    specification: {},
    description: '项目部办公室用,0.8mm 冷轧钢板,带锁,送货上楼并安装。',
    quantity: 200, unit: 'set', targetUnitPrice: 68_000, province: '510000', deadlineDays: 10, deliveryDays: 25, visibility: 'public',
    suppliers: [], competitors: 1, outcome: 'open', quotes: [],
  },
];

function ownerCtx(companyId: string, userId: string): RequestContext {
  const actor: Actor = {
    userId, sessionId: 'demo-seed', email: '', name: '', isOperator: false,
    memberships: [{ companyId, role: 'owner' }], activeCompanyId: companyId, csrfToken: '', via: 'bearer',
  };
  return { ...SEED_CTX, actor };
}

/** Reads members as an operator would (in-process, for the seed only). */
const READER: RequestContext = {
  ...SEED_CTX,
  actor: { userId: '00000000-0000-7000-8000-000000000000', sessionId: 'demo-seed', email: '', name: '', isOperator: true, memberships: [], activeCompanyId: null, csrfToken: '', via: 'bearer' },
};

const dateIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedDemoRfqs(built: BuiltApp, options: { now?: Date } = {}): Promise<{ rfqs: number; quotes: number; skipped: number }> {
  const { members } = built.modules.accounts;
  const { rfqs } = built.modules.rfqs;
  const { categories, products } = built.modules.catalog;
  const now = options.now ?? new Date();

  const companyIds = await demoCompanyIds(built, [HUADONG, YONGDA, HENGTONG, MINHANG, YOUXUAN, XINAN]);
  const ctxCache = new Map<string, RequestContext | null>();
  const ctxOf = async (companyId: string): Promise<RequestContext | null> => {
    if (!ctxCache.has(companyId)) {
      const owner = (await members.listMembers(READER, companyId)).find((m) => m.role === 'owner');
      ctxCache.set(companyId, owner ? ownerCtx(companyId, owner.userId) : null);
    }
    return ctxCache.get(companyId) ?? null;
  };

  const out = { rfqs: 0, quotes: 0, skipped: 0 };
  for (const plan of PLANS) {
    const buyerId = companyIds.get(plan.buyer);
    const buyer = buyerId ? await ctxOf(buyerId) : null;
    let categoryId: string;
    try {
      categoryId = (await categories.resolved(plan.category)).node.id;
    } catch (err) {
      if (err instanceof DomainError) {
        out.skipped++;
        continue;
      }
      throw err;
    }
    if (!buyerId || !buyer) {
      out.skipped++;
      continue;
    }
    // The suppliers: hand-written ones, then companies with published products in the category (not the buyer).
    const supplierIds = plan.suppliers.map((i) => companyIds.get(i)).filter((id): id is string => Boolean(id));
    if (plan.competitors > 0) {
      for (const c of await products.suppliersInCategory(categoryId, 20)) {
        if (supplierIds.length >= plan.suppliers.length + plan.competitors) break;
        if (c.companyId !== buyerId && !supplierIds.includes(c.companyId)) supplierIds.push(c.companyId);
      }
    }

    const mine = await rfqs.list(buyer, { scope: 'mine', q: plan.title.split(' ')[0], limit: 100 }, now);
    let rfq = mine.items.find((r) => r.title === plan.title);
    if (!rfq) {
      const invited = (plan.invited ?? []).map((i) => companyIds.get(i)).filter((id): id is string => Boolean(id));
      if (plan.visibility === 'invited' && invited.length === 0) {
        out.skipped++;
        continue;
      }
      rfq = await rfqs.create(buyer, {
        title: plan.title, description: plan.description, categoryId, specification: plan.specification, quantity: plan.quantity, unit: plan.unit,
        targetUnitPrice: plan.targetUnitPrice, deliveryProvince: plan.province, deliveryDate: dateIn(now, plan.deliveryDays),
        quoteDeadline: new Date(now.getTime() + plan.deadlineDays * DAY).toISOString(), attachmentFileIds: [], supplierProvinces: [], minGrade: null,
        visibility: plan.visibility, invitedCompanyIds: invited,
      }, now);
      out.rfqs++;
    }
    const rfqId = rfq.id;

    // Quotes, one per supplier, in plan order; a supplier that cannot quote (quota, grade) is skipped.
    const placed: string[] = [];
    for (const [i, supplierId] of supplierIds.slice(0, plan.quotes.length).entries()) {
      const ctx = await ctxOf(supplierId);
      if (!ctx) continue;
      const existing = (await rfqs.quotesOn(ctx, rfqId)).items[0];
      if (existing) {
        placed.push(existing.id);
        continue;
      }
      if (rfq.status !== 'open') continue;
      const q = plan.quotes[i]!;
      try {
        const created = await rfqs.submit(ctx, rfqId, {
          unitPrice: q.unitPrice, priceTiers: (q.tiers ?? []).map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })), leadTimeDays: q.leadTimeDays,
          validUntil: dateIn(now, q.validDays), shippingTerms: q.shippingTerms, sample: q.sample ?? null, notes: q.notes, attachmentFileIds: [],
        }, now);
        placed.push(created.id);
        out.quotes++;
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        out.skipped++;
      }
    }

    const view = await rfqs.get(buyer, rfqId, now);
    if (view.status === 'open') {
      const all = (await rfqs.quotesOn(buyer, rfqId)).items;
      for (const index of plan.shortlist ?? []) {
        const q = all.find((x) => x.id === placed[index]);
        if (q && !q.shortlisted && q.status === 'submitted') await rfqs.shortlist(buyer, q.id, true);
      }
      if (plan.thread) {
        for (const m of plan.thread) {
          const quoteId = placed[m.quote];
          if (!quoteId) continue;
          const existing = await rfqs.thread(buyer, quoteId, { limit: 100 });
          if (existing.items.some((x) => x.body === m.body)) continue;
          const supplierId = all.find((x) => x.id === quoteId)?.supplier.id;
          const ctx = m.side === 'buyer' ? buyer : supplierId ? await ctxOf(supplierId) : null;
          if (ctx) await rfqs.postMessage(ctx, quoteId, m.body);
        }
      }
      const toAccept = plan.accept !== undefined ? placed[plan.accept] : undefined;
      if (plan.outcome !== 'open' && toAccept) await rfqs.accept(buyer, toAccept, now);
    }
    const after = await rfqs.get(buyer, rfqId, now);
    if (plan.decline && placed[plan.decline.index] && (after.status === 'open' || after.status === 'awarded')) {
      const q = (await rfqs.quotesOn(buyer, rfqId)).items.find((x) => x.id === placed[plan.decline!.index]);
      if (q?.status === 'submitted') await rfqs.decline(buyer, q.id, plan.decline.reason, now);
    }
    if (plan.outcome === 'closed' && (after.status === 'open' || after.status === 'awarded')) await rfqs.close(buyer, rfqId, now);
  }
  return out;
}
