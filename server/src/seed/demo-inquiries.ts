/**
 * Demo inquiries (询盘): the demo buyers ask the hand-written suppliers about their products over the past 30 days,
 * and the suppliers answer — some within the hour, some a day or two late, some never — so response rates differ
 * between suppliers (Huadong and Chuangxin answer fast, Jinhua late, Hengtong and Lufeng leave most unanswered).
 *
 * Everything goes through the inquiries service, so rows, events and notifications are real. History is laid out in
 * the past honestly, through the service's `at` option (used only here; the HTTP routes never pass it):
 *   - the inquiry's and each reply's created_at, and the `at` in every event payload, are the business times below;
 *   - the event rows' occurred_at is the moment the seed ran (the log is never backdated), so anything measuring
 *     response times must read payload.at, as the event contract says;
 *   - notifications are created at seed time (the demo users see them as fresh).
 * Deterministic and idempotent: an inquiry is found by buyer, supplier and message, and only the replies it is
 * missing are added (a run interrupted midway is finished, not duplicated).
 */
import type { BuiltApp } from '../app.js';
import { UNITS, type Unit } from '../modules/catalog/index.js';
import { demoCompanyIds, demoSessions, publishedProductsOf } from './demo-people.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hand-written companies by their index in DEMO_COMPANIES. */
const HUADONG = 0;
const YONGDA = 1;
const JINHUA = 2;
const CHUANGXIN = 3;
const HENGTONG = 4;
const LUFENG = 5;
const MINHANG = 6;
const YOUXUAN = 7;
const XINAN = 8;

type Who = 'owner' | 'member';
interface Step {
  /** Hours after the inquiry was sent. */
  afterHours: number;
  side: 'buyer' | 'supplier';
  who: Who;
  body: string;
  /** A quote: unit price in 分 at the first product's unit (or 'piece'), valid for `validDays` after the reply. */
  quote?: { unitPrice: number; quantity: number; leadTimeDays: number; validDays: number; shippingTerms: 'delivered' | 'ex_works' | 'freight_extra'; note: string; tiers?: Array<[number, number]> };
  close?: boolean;
}
interface Plan {
  buyer: number; buyerWho: Who; supplier: number; products: number; daysAgo: number;
  message: string; quantity?: number; targetUnitPrice?: number; province?: string; desiredInDays?: number;
  steps: Step[];
}

const PLANS: Plan[] = [
  // Huadong Steel: answers everything within hours, quotes.
  {
    buyer: MINHANG, buyerWho: 'member', supplier: HUADONG, products: 1, daysAgo: 26, quantity: 60, targetUnitPrice: 405_000, province: '310000', desiredInDays: 20,
    message: '您好,我司需采购热轧钢板约 60 吨,送上海闵行,请报含税到厂价,需开增值税专票。',
    steps: [
      { afterHours: 1.5, side: 'supplier', who: 'member', body: '您好,可以供货,现货充足。稍后发正式报价。' },
      { afterHours: 2, side: 'supplier', who: 'member', body: '正式报价如下,含 13% 增值税专票。', quote: { unitPrice: 412_000, quantity: 60, leadTimeDays: 3, validDays: 7, shippingTerms: 'delivered', note: '送到闵行工厂,含运费与卸货。', tiers: [[30, 415_000], [100, 402_000]] } },
      { afterHours: 5, side: 'buyer', who: 'member', body: '价格可以接受,我们内部走一下审批。' },
    ],
  },
  {
    buyer: XINAN, buyerWho: 'member', supplier: HUADONG, products: 2, daysAgo: 12, quantity: 300, province: '510000', desiredInDays: 30,
    message: '工地急需螺纹钢与中厚板,合计约 300 吨,送成都双流,能否分批发货?',
    steps: [
      { afterHours: 0.5, side: 'supplier', who: 'owner', body: '可以分三批发货,每批 100 吨,首批 5 天内到。' },
      { afterHours: 3, side: 'supplier', who: 'member', body: '报价见下,运费另计。', quote: { unitPrice: 398_000, quantity: 300, leadTimeDays: 5, validDays: 10, shippingTerms: 'freight_extra', note: '分三批发货;运费按实际结算。' } },
    ],
  },
  {
    buyer: MINHANG, buyerWho: 'owner', supplier: HUADONG, products: 1, daysAgo: 2, quantity: 20, desiredInDays: 14,
    message: 'Q355B 20mm 中厚板有现货吗?需要 20 吨,附材质书。',
    steps: [{ afterHours: 1, side: 'supplier', who: 'member', body: '有现货,材质书随货提供,明天给您报价。' }],
  },
  // Yongda Hardware: answers within the day, once late.
  {
    buyer: MINHANG, buyerWho: 'member', supplier: YONGDA, products: 1, daysAgo: 22, quantity: 50_000, desiredInDays: 25,
    message: '需要 M12 高强度螺栓 5 万套,10.9 级,达克罗处理,请报价并告知交期。',
    steps: [
      { afterHours: 6, side: 'supplier', who: 'member', body: '您好,10.9 级达克罗可以做,交期约 15 天。', quote: { unitPrice: 85, quantity: 50_000, leadTimeDays: 15, validDays: 15, shippingTerms: 'delivered', note: '含税含运,江浙沪包邮。' } },
      { afterHours: 30, side: 'buyer', who: 'member', body: '能否先寄 20 套样品测试?' },
      { afterHours: 34, side: 'supplier', who: 'member', body: '可以,样品今天寄出,顺丰到付。' },
    ],
  },
  {
    buyer: XINAN, buyerWho: 'member', supplier: YONGDA, products: 0, daysAgo: 9, desiredInDays: 20,
    message: '贵司能否按图纸定制预埋件?附件稍后补充。',
    steps: [{ afterHours: 40, side: 'supplier', who: 'owner', body: '抱歉回复晚了。可以按图定制,请发图纸。' }],
  },
  // Jinhua Textile: late answers, one never answered.
  {
    buyer: YOUXUAN, buyerWho: 'member', supplier: JINHUA, products: 1, daysAgo: 20, quantity: 8000, targetUnitPrice: 1_150, province: '330000', desiredInDays: 30,
    message: '牛津布 8000 米,需做防水涂层,请报价。',
    steps: [{ afterHours: 52, side: 'supplier', who: 'member', body: '您好,防水涂层可以做,报价见下。', quote: { unitPrice: 1_280, quantity: 8000, leadTimeDays: 12, validDays: 10, shippingTerms: 'ex_works', note: '工厂自提或代办物流。' } }],
  },
  {
    buyer: YOUXUAN, buyerWho: 'owner', supplier: JINHUA, products: 0, daysAgo: 6, desiredInDays: 40,
    message: '我们有一批环保再生涤纶面料需求,贵司是否有 GRS 认证?',
    steps: [],
  },
  // Chuangxin Electronics: fast.
  {
    buyer: MINHANG, buyerWho: 'member', supplier: CHUANGXIN, products: 2, daysAgo: 15, quantity: 20_000, desiredInDays: 10,
    message: '需要 0603 贴片电阻与 100nF 陶瓷电容各 2 万只,原装正品,请报价。',
    steps: [
      { afterHours: 0.3, side: 'supplier', who: 'member', body: '有现货,原装正品,今天可发。', quote: { unitPrice: 3, quantity: 20_000, leadTimeDays: 1, validDays: 3, shippingTerms: 'delivered', note: '顺丰包邮。' } },
      { afterHours: 1, side: 'buyer', who: 'member', body: '好的,已下单,谢谢。', close: true },
    ],
  },
  {
    buyer: XINAN, buyerWho: 'owner', supplier: CHUANGXIN, products: 1, daysAgo: 1, quantity: 500, desiredInDays: 7,
    message: '工地照明用 LED 灯珠 500 颗,能否提供规格书?',
    steps: [{ afterHours: 2, side: 'supplier', who: 'member', body: '规格书已整理,您看型号是否合适,稍后给报价。' }],
  },
  // Hengtong Packaging: mostly unanswered.
  {
    buyer: YOUXUAN, buyerWho: 'member', supplier: HENGTONG, products: 1, daysAgo: 18, quantity: 20_000, targetUnitPrice: 180, province: '330000', desiredInDays: 25,
    message: '双十一备货需要五层瓦楞纸箱 2 万只,尺寸 40×30×25cm,印单色 logo。',
    steps: [{ afterHours: 70, side: 'supplier', who: 'member', body: '您好,刚看到消息,还需要的话我们可以打样。' }],
  },
  {
    buyer: YOUXUAN, buyerWho: 'owner', supplier: HENGTONG, products: 0, daysAgo: 8, desiredInDays: 30,
    message: '彩盒印刷能否做烫金工艺?起订量多少?',
    steps: [],
  },
  {
    buyer: MINHANG, buyerWho: 'member', supplier: HENGTONG, products: 1, daysAgo: 3, quantity: 3000, desiredInDays: 20,
    message: '机床配件出口包装用气泡膜与纸箱,月用量约 3000 套,可以长期合作吗?',
    steps: [],
  },
  // Lufeng Food: never answers.
  {
    buyer: YOUXUAN, buyerWho: 'member', supplier: LUFENG, products: 1, daysAgo: 14, quantity: 5, desiredInDays: 30,
    message: '员工福利采购花生仁 5 吨,需要礼盒包装,请报价。',
    steps: [],
  },
  {
    buyer: MINHANG, buyerWho: 'owner', supplier: LUFENG, products: 0, daysAgo: 4, desiredInDays: 20,
    message: '食堂采购大蒜与红薯粉条,按月供货,能否签年度合同?',
    steps: [],
  },
];

/** How many published products are looked at to find each supplier's (ids in time order: the earliest listings). */
const SCAN = 2000;

export async function seedDemoInquiries(built: BuiltApp, options: { now?: Date; scan?: number } = {}): Promise<{ created: number; replies: number; skipped: number }> {
  const { inquiries } = built.modules.inquiries;
  const now = options.now ?? new Date();

  const companyIds = await demoCompanyIds(built, [HUADONG, YONGDA, JINHUA, CHUANGXIN, HENGTONG, LUFENG, MINHANG, YOUXUAN, XINAN]);
  const suppliers = [HUADONG, YONGDA, JINHUA, CHUANGXIN, HENGTONG, LUFENG].map((i) => companyIds.get(i)).filter((id): id is string => Boolean(id));
  const productsOf = await publishedProductsOf(built, suppliers, options.scan ?? SCAN);

  // One signed-in context per demo person, opened on first need and signed out at the end.
  const sessions = demoSessions(built);
  const ctxOf = (company: number, who: Who) => sessions.of(company, who);

  let created = 0;
  let replies = 0;
  let skipped = 0;
  try {
    for (const plan of PLANS) {
      const supplierId = companyIds.get(plan.supplier);
      const buyerCtx = await ctxOf(plan.buyer, plan.buyerWho);
      if (!supplierId || !buyerCtx?.actor) continue;
      const sentAt = new Date(now.getTime() - plan.daysAgo * DAY - 3 * HOUR);
      const productIds = (productsOf.get(supplierId) ?? []).slice(0, plan.products);
      let inquiryId = await inquiries.findSeeded(buyerCtx.actor.userId, supplierId, plan.message);
      if (inquiryId) skipped++;
      else {
        const desired = plan.desiredInDays ? new Date(sentAt.getTime() + plan.desiredInDays * DAY).toISOString().slice(0, 10) : undefined;
        const view = await inquiries.create(buyerCtx, {
          supplierCompanyId: supplierId,
          lines: productIds.map((productId) => ({ productId, ...(plan.quantity && productIds.length === 1 ? { quantity: plan.quantity } : {}) })),
          ...(plan.quantity ? { quantity: plan.quantity } : {}),
          ...(plan.quantity && productIds.length === 0 ? { unit: 'piece' as const } : {}),
          ...(plan.targetUnitPrice ? { targetUnitPrice: plan.targetUnitPrice } : {}),
          ...(plan.province ? { deliveryProvince: plan.province } : {}),
          ...(desired ? { desiredDate: desired } : {}),
          message: plan.message, attachmentIds: [],
        }, { at: sentAt });
        inquiryId = view.id;
        created++;
      }
      // Add the replies the thread is missing (all of them on a first run).
      const viewer = buyerCtx;
      const thread = await inquiries.get(viewer, inquiryId);
      const stated = thread.lines[0]?.unit ?? thread.unit ?? 'piece';
      const unit: Unit = (UNITS as readonly string[]).includes(stated) ? (stated as Unit) : 'piece';
      let closed = thread.status === 'closed';
      for (const [i, step] of plan.steps.entries()) {
        const at = new Date(sentAt.getTime() + step.afterHours * HOUR);
        if (at > now) break;
        const ctx = step.side === 'buyer' ? await ctxOf(plan.buyer, step.who) : await ctxOf(plan.supplier, step.who);
        if (!ctx) break;
        if (i >= thread.replies.length) {
          const q = step.quote;
          await inquiries.reply(ctx, inquiryId, {
            body: step.body, attachmentIds: [],
            ...(q ? {
              quote: {
                unitPrice: q.unitPrice, quantity: q.quantity, unit, leadTimeDays: q.leadTimeDays, shippingTerms: q.shippingTerms, note: q.note,
                validUntil: new Date(at.getTime() + q.validDays * DAY).toISOString().slice(0, 10),
                ...(q.tiers ? { priceTiers: q.tiers.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })) } : {}),
              },
            } : {}),
          }, { at });
          replies++;
        }
        if (step.close && !closed) {
          await inquiries.close(ctx, inquiryId, null, { at: new Date(at.getTime() + 60_000) });
          closed = true;
        }
      }
    }
  } finally {
    await sessions.close();
  }
  return { created, replies, skipped };
}
