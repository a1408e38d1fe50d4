/**
 * The trade demo (issue 6) follows the sourcing demo: the three demo buyers order from the first six hand-written
 * suppliers, so there is an order in every state, with the money really moved through the ledger:
 *   - 上海闵行精工 (Minhang) has an approval threshold (¥20,000): its purchaser's big orders wait for the owner (one
 *     waiting, one approved, one rejected); an operator granted it a credit line and one order went on terms to the end
 *     (a bill due in 30 days); one staged order (the seller asked a 30 % deposit) has its deposit paid;
 *   - 杭州优选 (Youxuan) has one order awaiting payment (the seller added freight), one paid, one partly shipped, a
 *     completed one, and one received with an after-sales request the seller has not answered;
 *   - 成都西南建设 (Xinan) ordered at the accepted rebar quote (completed, invoiced, reviewed), has a disputed order
 *     waiting for the operator, one closed by a full refund before shipment, and one it cancelled.
 * Completed orders are reviewed (some answered), seller balances come from the releases, Huadong asked for a payout.
 *
 * Everything goes through the module services, acting as the demo people (signed in): checkout, approve, adjust, pay
 * (sandbox pay page + the provider's webhook job, or a bank transfer an operator confirms), ship, confirm receipt,
 * after-sales, reviews, invoices, credit lines, payouts. Two things time would do are done by the seed:
 *   - completion: `orders.service.completeIfDue(id, now)` with `now` past the after-sales window (the same call the
 *     completion sweep makes a week later), so the seller's money is released today;
 *   - nothing is backdated: orders ship the day they are paid, so every demo shipment is on time (the orders service
 *     offers no business-time parameter for ship-by/shipping); suppliers differ in disputes, refunds, reviews and repeat buyers.
 * Deterministic and idempotent: each planned order is found by its buyer and note and only its missing steps are
 * taken; a sandbox payment is approved once and then waited for (the run reports `waiting`, the job looks again).
 */
import { z } from 'zod';
import type { BuiltApp } from '../app.js';
import type { RequestContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { enqueueJob } from '../platform/jobs.js';
import { tierAt, type ProductView } from '../modules/catalog/index.js';
import type { OrderStatus, OrderSummary, OrderView } from '../modules/orders/index.js';
import { adjustBody, checkoutBody, listOrdersQuery, quoteCheckoutBody } from '../modules/orders/schemas.js';
import { shipBody } from '../modules/shipments/schemas.js';
import { createBody as afterSaleBody, listQuery as afterSaleListQuery } from '../modules/after-sales/schemas.js';
import { seedReviews, type SeedReview } from '../modules/reviews/index.js';
import { createProfileBody, recordBody } from '../modules/invoices/schemas.js';
import { payoutBody, putCreditLineBody } from '../modules/settlements/schemas.js';
import { DEMO_COMPANIES, DEMO_OPERATOR, demoUscc } from './demo-companies.js';
import { demoCompanyIds, demoSessions, publishedProductsOf } from './demo-people.js';

export const DEMO_TRADE_JOB = 'demo.trade';

const DAY = 86_400_000;
/** A sandbox payment's webhook comes from a job of its own: look again this long after (rounds are cheap, reads only). */
const WAIT_MS = 1000;
const MAX_ROUNDS = 120;
const SCAN = 2000;

const HUADONG = 0;
const YONGDA = 1;
const JINHUA = 2;
const CHUANGXIN = 3;
const HENGTONG = 4;
const LUFENG = 5;
const MINHANG = 6;
const YOUXUAN = 7;
const XINAN = 8;
const SUPPLIERS = [HUADONG, YONGDA, JINHUA, CHUANGXIN, HENGTONG, LUFENG];
const BUYERS = [MINHANG, YOUXUAN, XINAN];

/** Minhang's purchaser needs the owner's approval above ¥20,000. */
export const DEMO_APPROVAL_THRESHOLD = 2_000_000;
/** The credit line an operator grants Minhang (¥500,000). */
export const DEMO_CREDIT_LIMIT = 50_000_000;

type Who = 'owner' | 'purchaser' | 'finance';
type Via = 'sandbox' | 'bank_transfer';

interface ReviewPlan { quality: number; shipping: number; service: number; text: string; reply?: string }
interface OrderPlan {
  /** The buyer's note on the order: how the seed finds it again. */
  note: string;
  buyer: number;
  placer: Who;
  supplier: number;
  /** Which of the supplier's earliest published listings. */
  product: number;
  /** Roughly what the goods should cost (分): the quantity is chosen from the tier price (at least the MOQ). */
  amount: number;
  /** The end state. */
  goal: OrderStatus;
  /** Order at the buyer's accepted RFQ quote instead of a listing. */
  quote?: string;
  terms?: 'credit_terms';
  approval?: 'approve' | 'reject';
  /** The seller's change before payment. */
  adjust?: { depositBps?: number; freight?: number; note: string };
  payer?: Who;
  via?: Via;
  /** Shipped in two parts (the goal partly_shipped stops after the first). */
  partial?: boolean;
  afterSale?: 'requested' | 'disputed' | 'refund_before_shipment';
  review?: ReviewPlan;
  invoice?: boolean;
  cancelReason?: string;
}

const PLANS: OrderPlan[] = [
  // ---- 上海闵行精工: approvals, credit terms, a staged payment
  { note: '二期厂房钢结构用板,分批送货', buyer: MINHANG, placer: 'purchaser', supplier: HUADONG, product: 0, amount: 4_600_000, goal: 'awaiting_approval' },
  { note: '装配线紧固件季度备货', buyer: MINHANG, placer: 'purchaser', supplier: YONGDA, product: 0, amount: 3_200_000, goal: 'shipped', approval: 'approve', payer: 'finance', via: 'sandbox' },
  { note: '控制柜元器件(预算外,待定)', buyer: MINHANG, placer: 'purchaser', supplier: CHUANGXIN, product: 0, amount: 3_500_000, goal: 'cancelled', approval: 'reject', cancelReason: '超出本季度预算,下季度再采购。' },
  {
    note: '账期采购:机床底座用钢板', buyer: MINHANG, placer: 'owner', supplier: HUADONG, product: 1, amount: 3_200_000, goal: 'completed', terms: 'credit_terms',
    review: { quality: 5, shipping: 5, service: 5, text: '板面平整,材质书齐全,账期结算很方便。', reply: '感谢吴总支持,账单到期前我们会提醒。' },
  },
  {
    note: '定制工装面料,先付定金', buyer: MINHANG, placer: 'owner', supplier: JINHUA, product: 0, amount: 2_400_000, goal: 'deposit_paid', payer: 'finance', via: 'bank_transfer',
    adjust: { depositBps: 3000, note: '定制染色需先付 30% 定金,尾款发货前付清。' },
  },
  {
    note: '维修备件:高强度螺栓', buyer: MINHANG, placer: 'owner', supplier: YONGDA, product: 1, amount: 1_100_000, goal: 'completed', via: 'sandbox',
    review: { quality: 4, shipping: 3, service: 4, text: '质量不错,物流稍慢了两天。' },
  },

  // ---- 杭州优选供应链
  { note: '双十一备货纸箱(含运费)', buyer: YOUXUAN, placer: 'purchaser', supplier: HENGTONG, product: 0, amount: 1_500_000, goal: 'awaiting_payment', adjust: { freight: 35_000, note: '偏远仓库加收运费 ¥350。' } },
  { note: '社区团购花生仁', buyer: YOUXUAN, placer: 'owner', supplier: LUFENG, product: 0, amount: 1_800_000, goal: 'paid', via: 'sandbox' },
  { note: '仓库气泡膜与彩盒,到一批发一批', buyer: YOUXUAN, placer: 'purchaser', supplier: HENGTONG, product: 1, amount: 2_600_000, goal: 'partly_shipped', via: 'sandbox', partial: true },
  {
    note: '电商发货箱月度补货', buyer: YOUXUAN, placer: 'owner', supplier: HENGTONG, product: 2, amount: 1_200_000, goal: 'completed', via: 'bank_transfer',
    review: { quality: 4, shipping: 5, service: 5, text: '纸箱很结实,按时送到仓库。', reply: '谢谢支持,下月补货可提前三天下单。' },
  },
  { note: '仓储照明 LED 灯珠', buyer: YOUXUAN, placer: 'owner', supplier: CHUANGXIN, product: 1, amount: 1_300_000, goal: 'received', via: 'sandbox', afterSale: 'requested' },

  // ---- 成都西南建设工程
  {
    note: '双流项目螺纹钢(按报价下单)', buyer: XINAN, placer: 'owner', supplier: HUADONG, product: 0, amount: 0, goal: 'completed', quote: '螺纹钢', via: 'bank_transfer', invoice: true,
    review: { quality: 5, shipping: 4, service: 5, text: '三批按时到工地,质保书齐全。', reply: '感谢邓总,后续项目欢迎继续合作。' },
  },
  { note: '工地监控终端 MCU', buyer: XINAN, placer: 'purchaser', supplier: CHUANGXIN, product: 2, amount: 2_100_000, goal: 'shipped', via: 'sandbox', afterSale: 'disputed' },
  { note: '食堂年货(已改为统一采购)', buyer: XINAN, placer: 'purchaser', supplier: LUFENG, product: 1, amount: 1_400_000, goal: 'closed', via: 'sandbox', afterSale: 'refund_before_shipment' },
  { note: '项目部工装面料(重复下单)', buyer: XINAN, placer: 'owner', supplier: JINHUA, product: 1, amount: 900_000, goal: 'cancelled', cancelReason: '与另一张订单重复,取消此单。' },
  {
    note: '塔吊配件螺栓', buyer: XINAN, placer: 'owner', supplier: YONGDA, product: 2, amount: 800_000, goal: 'completed', via: 'sandbox',
    review: { quality: 3, shipping: 4, service: 3, text: '有少量螺纹毛刺,整体可用。' },
  },
];

/** The planned orders' notes (each order is found again by its buyer and note). */
export const DEMO_TRADE_NOTES: readonly string[] = PLANS.map((p) => p.note);

const ADDRESSES: Record<number, { name: string; phone: string; province: string; city: string; line: string }> = {
  [MINHANG]: { name: '郑宇', phone: '021-64300000', province: '310000', city: '上海', line: '闵行区剑川路 950 号 2 号厂房' },
  [YOUXUAN]: { name: '曹斌', phone: '0571-86000000', province: '330000', city: '杭州', line: '余杭区仓前街道良睦路 1399 号 5 号仓' },
  [XINAN]: { name: '唐敏', phone: '028-85000000', province: '510000', city: '成都', line: '双流区西航港大道 2000 号项目部' },
};

const INVOICE_PROFILES: Record<number, { kind: 'ordinary' | 'vat_special'; bankName?: string; bankAccount?: string; address?: string; phone?: string }> = {
  [MINHANG]: { kind: 'vat_special', bankName: '中国工商银行上海闵行支行', bankAccount: '1001264309000123456', address: '上海市闵行区剑川路 950 号', phone: '021-64300000' },
  [YOUXUAN]: { kind: 'ordinary' },
  [XINAN]: { kind: 'vat_special', bankName: '中国建设银行成都双流支行', bankAccount: '51050142610800001234', address: '成都市双流区西航港大道 2000 号', phone: '028-85000000' },
};

const STATUS_RANK: Record<OrderStatus, number> = {
  awaiting_approval: 0, awaiting_payment: 1, deposit_paid: 2, paid: 3, partly_shipped: 4, shipped: 5, received: 6, completed: 7, cancelled: 8, closed: 8,
};

export interface DemoTradeResult { orders: number; steps: number; skipped: number; waiting: boolean; approved: string[] }

const sellerEmail = (i: number) => DEMO_COMPANIES[i]!.members.find((m) => m.role === 'sales')?.email ?? DEMO_COMPANIES[i]!.owner.email;
const buyerEmail = (i: number, who: Who) => (who === 'owner' ? DEMO_COMPANIES[i]!.owner.email : DEMO_COMPANIES[i]!.members.find((m) => m.role === who)?.email ?? DEMO_COMPANIES[i]!.owner.email);
const waybill = (prefix: string, number: string, part: number) => `${prefix}${number.replace(/\D/g, '').slice(-10)}${part}`;

/**
 * Seeds (or finishes) the trade demo. `approved`: sandbox intents an earlier run already approved on the pay page
 * (their webhooks are on the way); the result lists them again with any approved now, for the next run.
 */
export async function seedDemoTrade(built: BuiltApp, options: { approved?: string[] } = {}): Promise<DemoTradeResult> {
  const m = built.modules;
  const out: DemoTradeResult = { orders: 0, steps: 0, skipped: 0, waiting: false, approved: [...(options.approved ?? [])] };
  const ids = await demoCompanyIds(built, [...SUPPLIERS, ...BUYERS]);
  const sessions = demoSessions(built);
  try {
    const ops = await sessions.byEmail(DEMO_OPERATOR.email);
    if (!ops) return { ...out, skipped: PLANS.length };
    const who = (company: number, w: Who) => sessions.byEmail(buyerEmail(company, w));
    const seller = (company: number) => sessions.byEmail(sellerEmail(company));
    const sandbox = m.payments.payments.providerNames().includes('sandbox');
    const settings = await m.orders.orders.settings();

    // ---- Buyers' setup: invoice profiles, Minhang's approval threshold and credit line.
    const profiles = new Map<number, string>();
    for (const b of BUYERS) {
      const companyId = ids.get(b);
      const owner = await who(b, 'owner');
      if (!companyId || !owner) continue;
      let profile = (await m.invoices.invoices.listProfiles(owner, companyId))[0];
      if (!profile) {
        const p = INVOICE_PROFILES[b]!;
        profile = await m.invoices.invoices.createProfile(owner, companyId, createProfileBody.parse({
          companyId, kind: p.kind, title: DEMO_COMPANIES[b]!.legalName, taxNo: demoUscc(DEMO_COMPANIES[b]!),
          bankName: p.bankName ?? null, bankAccount: p.bankAccount ?? null, address: p.address ?? null, phone: p.phone ?? null,
        }));
        out.steps++;
      }
      profiles.set(b, profile.id);
    }
    const minhang = ids.get(MINHANG);
    const minhangOwner = await who(MINHANG, 'owner');
    if (minhang && minhangOwner) {
      if ((await m.orders.service.approvalPolicy(minhangOwner, minhang)).threshold === null) {
        await m.orders.service.setApprovalPolicy(minhangOwner, minhang, DEMO_APPROVAL_THRESHOLD);
        out.steps++;
      }
      if (!(await m.settlements.settlements.creditLineOf(minhangOwner, minhang)).line) {
        await m.settlements.settlements.putCreditLine(ops, minhang, putCreditLineBody.parse({ limit: DEMO_CREDIT_LIMIT, termDays: 45, note: '年度合作客户,授信 45 天账期。' }));
        out.steps++;
      }
    }

    // ---- The suppliers' listings the orders are for.
    const supplierIds = SUPPLIERS.map((i) => ids.get(i)).filter((id): id is string => Boolean(id));
    const productsOf = await publishedProductsOf(built, supplierIds, SCAN);
    const views = new Map<string, ProductView>();
    const wanted = [...productsOf.values()].flatMap((list) => list.slice(0, 8));
    for (const v of await m.catalog.products.viewsOf(wanted)) views.set(v.id, v);

    // ---- The orders already there, per buyer (found by their note).
    const existing = new Map<string, OrderSummary>();
    const refresh = async (b: number) => {
      const companyId = ids.get(b);
      const owner = await who(b, 'owner');
      if (!companyId || !owner) return;
      let cursor: string | undefined;
      do {
        const pageOf = await m.orders.service.list(owner, listOrdersQuery.parse({ companyId, side: 'buyer', limit: 100, cursor }));
        for (const o of pageOf.items) if (!existing.has(`${b}:${o.buyerNote}`)) existing.set(`${b}:${o.buyerNote}`, o);
        cursor = pageOf.nextCursor ?? undefined;
      } while (cursor);
    };
    for (const b of BUYERS) await refresh(b);

    const completeAfter = () => new Date(Date.now() + (settings.afterSalesWindowDays + 1) * DAY);

    for (const plan of PLANS) {
      const buyerId = ids.get(plan.buyer);
      const supplierId = ids.get(plan.supplier);
      const placer = await who(plan.buyer, plan.placer);
      const owner = await who(plan.buyer, 'owner');
      const payer = await who(plan.buyer, plan.payer ?? plan.placer);
      const sellerCtx = await seller(plan.supplier);
      if (!buyerId || !supplierId || !placer || !owner || !payer || !sellerCtx) {
        out.skipped++;
        continue;
      }
      let order = existing.get(`${plan.buyer}:${plan.note}`);
      if (!order) {
        const placed = await place(built, plan, { buyerId, supplierId, placer, owner, views, productsOf, profileId: profiles.get(plan.buyer) ?? null });
        if (!placed) {
          out.skipped++;
          continue;
        }
        order = placed;
        out.orders++;
        out.steps++;
      }
      const orderId = order.id;
      const via: Via = plan.via === 'sandbox' && sandbox ? 'sandbox' : 'bank_transfer';

      // One step at a time until the goal (or a payment on its way); each step re-reads the order.
      for (let guard = 0; guard < 20; guard++) {
        const o = await m.orders.service.get(owner, orderId);
        const step = await nextStep(built, plan, o, { owner, placer, payer, sellerCtx, ops, via, approved: out.approved, completeAfter });
        if (step === 'done') break;
        if (step === 'waiting') {
          out.waiting = true;
          break;
        }
        out.steps++;
      }
    }

    // ---- Reviews of the completed (and received) orders, some answered.
    const reviews: SeedReview[] = [];
    for (const plan of PLANS) {
      if (!plan.review) continue;
      const o = existing.get(`${plan.buyer}:${plan.note}`) ?? (await findByNote(built, plan, ids, who));
      const buyer = await who(plan.buyer, plan.placer);
      const sellerCtx = await seller(plan.supplier);
      if (!o || !buyer || !sellerCtx) continue;
      const now = await m.orders.service.get(buyer, o.id);
      if (now.status !== 'completed' && now.status !== 'received') continue;
      reviews.push({
        orderId: o.id, buyer, quality: plan.review.quality, shipping: plan.review.shipping, service: plan.review.service, text: plan.review.text,
        reply: plan.review.reply ? { supplier: sellerCtx, text: plan.review.reply } : undefined,
      });
    }
    const reviewed = await seedReviews(m.reviews, reviews);
    out.steps += reviewed.created + reviewed.replied;

    // ---- An invoice issued for the quote order; a payout asked by the supplier with the most released.
    for (const plan of PLANS.filter((p) => p.invoice)) {
      const o = await findByNote(built, plan, ids, who);
      const sellerCtx = await seller(plan.supplier);
      if (!o || !sellerCtx) continue;
      const view = await m.invoices.invoices.listForOrder(sellerCtx, o.id);
      if (view.items.length === 0 && view.canRecord && view.remaining > 0) {
        await m.invoices.invoices.record(sellerCtx, o.id, recordBody.parse({
          number: `${o.number.replace(/\D/g, '').slice(-8)}`, issuedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), amount: view.remaining,
          note: '增值税专用发票已随货寄出 / VAT invoice sent with the goods',
        }));
        out.steps++;
      }
    }
    const huadong = ids.get(HUADONG);
    const huadongOwner = await sessions.byEmail(DEMO_COMPANIES[HUADONG]!.owner.email);
    if (huadong && huadongOwner && !out.waiting) {
      const payouts = await m.settlements.settlements.listPayouts(huadongOwner, huadong, { limit: 1 });
      const { available } = await m.settlements.settlements.balances(huadongOwner, huadong);
      if (payouts.items.length === 0 && available >= 100) {
        await m.settlements.settlements.requestPayout(huadongOwner, huadong, payoutBody.parse({
          amount: Math.floor(available / 2), provider: 'bank_transfer',
          bank: { name: '中国银行无锡分行', accountNo: '6216 6100 0001 2345 678', accountName: DEMO_COMPANIES[HUADONG]!.legalName },
        }));
        out.steps++;
      }
    }
    return out;
  } finally {
    await sessions.close();
  }
}

async function findByNote(built: BuiltApp, plan: OrderPlan, ids: Map<number, string>, who: (company: number, w: Who) => Promise<RequestContext | null>): Promise<OrderSummary | undefined> {
  const companyId = ids.get(plan.buyer);
  const owner = await who(plan.buyer, 'owner');
  if (!companyId || !owner) return undefined;
  let cursor: string | undefined;
  do {
    const pageOf = await built.modules.orders.service.list(owner, listOrdersQuery.parse({ companyId, side: 'buyer', limit: 100, cursor }));
    const found = pageOf.items.find((o) => o.buyerNote === plan.note);
    if (found) return found;
    cursor = pageOf.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** Places the planned order: at the accepted quote, or "buy now" on one SKU of a listing (quantity from the amount). */
async function place(built: BuiltApp, plan: OrderPlan, c: {
  buyerId: string; supplierId: string; placer: RequestContext; owner: RequestContext; views: Map<string, ProductView>; productsOf: Map<string, string[]>; profileId: string | null;
}): Promise<OrderSummary | null> {
  const m = built.modules;
  const address = ADDRESSES[plan.buyer]!;
  if (plan.quote) {
    const { rfqs } = m.rfqs;
    const mine = await rfqs.list(c.owner, { scope: 'mine', limit: 50 });
    const rfq = mine.items.find((r) => r.title.includes(plan.quote!) && r.status === 'awarded');
    if (!rfq) return null;
    const accepted = (await rfqs.quotesOn(c.owner, rfq.id)).items.find((q) => q.status === 'accepted' && q.supplier.id === c.supplierId);
    if (!accepted) return null;
    try {
      const { orders } = await m.orders.service.checkoutQuote(c.placer, quoteCheckoutBody.parse({ quoteId: accepted.id, address, invoiceProfileId: c.profileId, note: plan.note }));
      return orders[0] ?? null;
    } catch (err) {
      // Ordered already (by someone in the browser, say): that order is not the seed's to drive.
      if (err instanceof DomainError) return null;
      throw err;
    }
  }
  // The planned listing, or the next of the supplier's that can make up the amount (half its stock at most).
  const list = c.productsOf.get(c.supplierId) ?? [];
  let best: { sku: string; quantity: number; total: number } | null = null;
  for (let k = 0; k < list.length; k++) {
    const product = c.views.get(list[(plan.product + k) % list.length]!);
    if (!product) continue;
    const sku = [...product.skus].sort((a, b) => b.stock - a.stock)[0];
    const tiers = sku?.priceTiers ?? product.priceTiers;
    const first = tiers[0];
    if (!sku || !first) continue;
    const least = Math.max(Math.ceil(product.moq), Math.ceil(first.minQuantity), plan.partial ? 2 : 1);
    const price = (q: number) => tierAt(tiers, q)?.unitPrice ?? first.unitPrice;
    let quantity = Math.max(least, Math.ceil(plan.amount / price(least)));
    quantity = Math.max(least, Math.ceil(plan.amount / price(quantity)));
    const cap = Math.floor(sku.stock / 2);
    if (cap < least) continue;
    const q = Math.min(quantity, cap);
    const total = price(q) * q;
    if (!best || (best.total < plan.amount && total > best.total)) best = { sku: sku.id, quantity: q, total };
    if (total >= plan.amount) break;
  }
  if (!best) return null;
  const { sku: skuId, quantity } = best;
  try {
    const { orders } = await m.orders.service.checkout(c.placer, checkoutBody.parse({
      companyId: c.buyerId, items: [{ skuId, quantity }], address,
      orders: [{ supplierCompanyId: c.supplierId, note: plan.note, invoiceProfileId: c.profileId, ...(plan.terms ? { paymentTerms: plan.terms } : {}) }],
    }));
    return orders[0] ?? null;
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

interface StepCtx {
  owner: RequestContext; placer: RequestContext; payer: RequestContext; sellerCtx: RequestContext; ops: RequestContext;
  via: Via; approved: string[]; completeAfter: () => Date;
}

/** Takes the order's next step toward the plan's goal: 'done' at the goal, 'waiting' while a payment is on its way. */
async function nextStep(built: BuiltApp, plan: OrderPlan, o: OrderView, c: StepCtx): Promise<'step' | 'done' | 'waiting'> {
  const m = built.modules;
  const { service } = m.orders;
  const goal = plan.goal;
  const adjusted = o.history.some((h) => h.action === 'adjust');
  // Past the goal already (a smaller order than planned needed no approval, say): nothing more to do.
  if (goal !== 'cancelled' && goal !== 'closed' && STATUS_RANK[o.status] > STATUS_RANK[goal]) return 'done';
  switch (o.status) {
    case 'awaiting_approval': {
      if (goal === 'awaiting_approval') return 'done';
      if (plan.approval === 'reject') await service.reject(c.owner, o.id, plan.cancelReason ?? '不予批准');
      else await service.approve(c.owner, o.id, '已确认预算,同意采购。');
      return 'step';
    }
    case 'awaiting_payment': {
      if (plan.adjust && !adjusted) {
        await service.adjust(c.sellerCtx, o.id, adjustBody.parse({ depositBps: plan.adjust.depositBps, freight: plan.adjust.freight, note: plan.adjust.note }));
        return 'step';
      }
      if (goal === 'awaiting_payment') return 'done';
      if (goal === 'cancelled') {
        await service.cancel(c.placer, o.id, plan.cancelReason ?? '不再需要');
        return 'step';
      }
      return pay(built, o, c);
    }
    case 'deposit_paid':
      return goal === 'deposit_paid' ? 'done' : pay(built, o, c);
    case 'paid': {
      if (plan.afterSale === 'refund_before_shipment') return afterSale(built, plan, o, c);
      if (goal === 'paid') return 'done';
      return ship(built, plan, o, c);
    }
    case 'partly_shipped':
      return goal === 'partly_shipped' ? 'done' : ship(built, plan, o, c);
    case 'shipped': {
      if (plan.afterSale === 'disputed') return afterSale(built, plan, o, c);
      if (goal === 'shipped') return 'done';
      await service.confirmReceipt(c.placer, o.id);
      return 'step';
    }
    case 'received': {
      if (plan.afterSale === 'requested') return afterSale(built, plan, o, c);
      if (STATUS_RANK[goal] <= STATUS_RANK.received) return 'done';
      // The completion sweep's own call, as it would run once the after-sales window is over.
      return (await service.completeIfDue(o.id, c.completeAfter())) ? 'step' : 'done';
    }
    case 'completed':
    case 'cancelled':
    case 'closed':
      return 'done';
    default: {
      const never: never = o.status;
      throw new Error(`unknown order status ${String(never)}`);
    }
  }
}

/** Pays the next stage: on terms at once; by bank transfer confirmed by an operator; or on the sandbox pay page (the webhook follows). */
async function pay(built: BuiltApp, o: { id: string; number: string; paymentTerms: string }, c: StepCtx): Promise<'step' | 'waiting'> {
  const m = built.modules;
  const { intent } = await m.orders.service.pay(c.payer, o.id, { provider: c.via });
  if (!intent) return 'step';
  if (intent.status !== 'requires_payment') return 'waiting';
  if (intent.provider === 'bank_transfer') {
    await m.payments.payments.confirmTransfer(c.ops, intent.id, { bankReference: `DEMO-${o.number}-${intent.id.slice(-6)}`, amount: intent.amount });
    return 'step';
  }
  if (!c.approved.includes(intent.id)) {
    try {
      await m.payments.payments.sandboxDecide(c.payer, intent.id, true);
    } catch (err) {
      // Paid in between (a webhook of an earlier approval arrived): the next round sees it.
      if (!(err instanceof DomainError)) throw err;
    }
    c.approved.push(intent.id);
  }
  return 'waiting';
}

/** Ships everything left, or (partial plans) half of it first. */
async function ship(built: BuiltApp, plan: OrderPlan, o: { id: string; number: string; status: OrderStatus; lines: Array<{ id: string; quantity: number; shippedQuantity: number }> }, c: StepCtx): Promise<'step'> {
  const first = o.status === 'paid';
  const items = o.lines.map((l) => {
    const left = Math.round((l.quantity - l.shippedQuantity) * 1000) / 1000;
    return { lineId: l.id, quantity: plan.partial && first ? Math.floor(left / 2) || left : left };
  }).filter((i) => i.quantity > 0);
  await built.modules.shipments.shipments.ship(c.sellerCtx, o.id, shipBody.parse({
    carrier: 'SF', waybillNo: waybill('SF', o.number, first ? 1 : 2), items,
    note: plan.partial && first ? '第一批发货,余下的备货完成后发出。' : '已发货,请注意查收。',
  }));
  return 'step';
}

/** The plan's after-sales story, one step per call. */
async function afterSale(built: BuiltApp, plan: OrderPlan, o: { id: string; buyer: { id: string }; total: number; lines: Array<{ id: string; quantity: number; shippedQuantity: number }> }, c: StepCtx): Promise<'step' | 'done'> {
  const { afterSales } = built.modules.afterSales;
  const found = (await afterSales.list(c.placer, afterSaleListQuery.parse({ companyId: o.buyer.id, side: 'buyer', orderId: o.id, limit: 10 }))).items[0];
  if (!found) {
    const line = o.lines[0]!;
    const body = plan.afterSale === 'refund_before_shipment'
      ? { orderId: o.id, kind: 'refund_only', reason: 'no_longer_needed', description: '公司改为统一集中采购,此单不再需要,请勿发货。' }
      : plan.afterSale === 'requested'
        ? { orderId: o.id, kind: 'return_refund', reason: 'damaged', description: '部分灯珠运输中受潮损坏,申请退货退款。', lines: [{ lineId: line.id, quantity: Math.max(1, Math.floor(line.shippedQuantity / 10)) }] }
        : { orderId: o.id, kind: 'refund_only', reason: 'quality', description: '抽检发现约两成芯片批次号与出货报告不符,要求部分退款。', amount: Math.max(1, Math.round(o.total / 5)) };
    await afterSales.create(c.placer, afterSaleBody.parse(body));
    return 'step';
  }
  switch (plan.afterSale) {
    case 'refund_before_shipment':
      if (found.status === 'requested') {
        await afterSales.act(c.sellerCtx, found.id, { action: 'accept', note: '同意退款,此单不发货。' });
        return 'step';
      }
      return 'done';
    case 'disputed':
      if (found.status === 'requested') {
        await afterSales.act(c.sellerCtx, found.id, { action: 'reject', reason: '出货报告与批次号一致,货物为原装正品,不同意退款。', evidenceIds: [] });
        return 'step';
      }
      if (found.status === 'rejected') {
        await afterSales.act(c.placer, found.id, { action: 'escalate', reason: '卖家拒绝退款,申请平台介入核实批次。', evidenceIds: [] });
        return 'step';
      }
      return 'done';
    default:
      return 'done';
  }
}

// ---------------------------------------------------------------------------------------------------------
// The job: one round after another until nothing is on its way (each round idempotent, so a restart carries on).

const payloadSchema = z.object({ round: z.number().int().min(0), approved: z.array(z.string()).max(200).default([]) });

export async function scheduleDemoTrade(built: BuiltApp, round = 0, approved: string[] = [], runAt?: Date): Promise<void> {
  await enqueueJob(built.platform.database.db, { kind: DEMO_TRADE_JOB, payload: { round, approved }, uniqueKey: `${DEMO_TRADE_JOB}:${round}`, ...(runAt ? { runAt } : {}) });
}

export function defineDemoTradeJob(built: BuiltApp): void {
  built.platform.jobs.define(DEMO_TRADE_JOB, payloadSchema, async ({ round, approved }, ctx) => {
    const started = Date.now();
    const result = await seedDemoTrade(built, { approved });
    const { approved: nowApproved, ...summary } = result;
    if (result.waiting && round + 1 < MAX_ROUNDS) {
      if (summary.steps > 0) ctx.log.info({ round, ...summary, runMs: Date.now() - started }, 'demo trade: progress');
      await scheduleDemoTrade(built, round + 1, nowApproved, new Date(Date.now() + WAIT_MS));
      return;
    }
    if (result.waiting) ctx.log.warn({ round, ...summary }, 'demo trade: payments still on their way, given up');
    else ctx.log.info({ round, ...summary, runMs: Date.now() - started }, 'demo trade complete');
  });
}
