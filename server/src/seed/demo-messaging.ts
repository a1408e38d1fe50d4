/**
 * Demo chat (旺旺): the demo buyers' conversations with the hand-written suppliers over the past two weeks —
 * Huadong and Chuangxin answer within minutes, Yongda the next morning, Jinhua once and then goes quiet, Hengtong
 * not at all — with a product card where the supplier has published products.
 *
 * Through the messaging service, so conversations, messages, message.sent events and notifications are real. Times
 * are laid out in the past with the service's `at` option (seed only; messages' created_at and the events' payload
 * `at`, while event rows carry the seed's own time). Deterministic and idempotent: every message has a fixed
 * clientMsgId, so a second run (or a run finishing an interrupted one) stores nothing twice.
 */
import type { BuiltApp } from '../app.js';
import type { RequestContext } from '../platform/context.js';
import { demoCompanyIds, demoSessions, publishedProductsOf } from './demo-people.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const HUADONG = 0;
const YONGDA = 1;
const JINHUA = 2;
const CHUANGXIN = 3;
const HENGTONG = 4;
const MINHANG = 6;
const YOUXUAN = 7;
const XINAN = 8;

type Who = 'owner' | 'member';
interface Line { afterMinutes: number; side: 'buyer' | 'supplier'; who: Who; text?: string; product?: true }
interface Plan { key: string; buyer: number; buyerWho: Who; supplier: number; daysAgo: number; lines: Line[]; supplierReads?: boolean }

const PLANS: Plan[] = [
  {
    key: 'minhang-huadong', buyer: MINHANG, buyerWho: 'member', supplier: HUADONG, daysAgo: 6, supplierReads: true,
    lines: [
      { afterMinutes: 0, side: 'buyer', who: 'member', text: '您好,Q235B 热轧板 12mm 还有现货吗?' },
      { afterMinutes: 3, side: 'supplier', who: 'member', text: '您好,有现货,张家港库。需要多少吨?' },
      { afterMinutes: 4, side: 'supplier', who: 'member', product: true, text: '是这款吗?' },
      { afterMinutes: 9, side: 'buyer', who: 'member', text: '对,先要 30 吨,送上海闵行,含税到厂价多少?' },
      { afterMinutes: 12, side: 'supplier', who: 'member', text: '到厂 4,150 元/吨含 13% 专票,3 天内到货。' },
      { afterMinutes: 15, side: 'buyer', who: 'member', text: '好的,我走下审批,今天下午确认。' },
    ],
  },
  {
    key: 'xinan-chuangxin', buyer: XINAN, buyerWho: 'member', supplier: CHUANGXIN, daysAgo: 2, supplierReads: true,
    lines: [
      { afterMinutes: 0, side: 'buyer', who: 'member', text: '工地照明的 LED 灯珠,5730 规格能做 6500K 吗?' },
      { afterMinutes: 2, side: 'supplier', who: 'member', text: '可以,色温 6500K 现货,显指 Ra80。' },
      { afterMinutes: 2, side: 'supplier', who: 'member', product: true },
      { afterMinutes: 30, side: 'buyer', who: 'member', text: '好的,样品能寄吗?' },
    ],
  },
  {
    key: 'youxuan-yongda', buyer: YOUXUAN, buyerWho: 'member', supplier: YONGDA, daysAgo: 4, supplierReads: true,
    lines: [
      { afterMinutes: 0, side: 'buyer', who: 'member', text: '晚上好,不锈钢六角螺栓 M8×30 一万套,最快几天发货?' },
      { afterMinutes: 13 * 60, side: 'supplier', who: 'owner', text: '早上好!M8×30 现货,今天下单明天发。' },
      { afterMinutes: 13 * 60 + 20, side: 'buyer', who: 'member', text: '好的,请发一下阶梯价。' },
    ],
  },
  {
    key: 'minhang-jinhua', buyer: MINHANG, buyerWho: 'owner', supplier: JINHUA, daysAgo: 9,
    lines: [
      { afterMinutes: 0, side: 'buyer', who: 'owner', text: '你好,工装用的涤棉斜纹布有阻燃款吗?' },
      { afterMinutes: 95, side: 'supplier', who: 'member', text: '有的,阻燃涤棉 T/C 65/35,克重 240g。' },
      { afterMinutes: 110, side: 'buyer', who: 'owner', text: '阻燃检测报告能提供吗?需要 3000 米。' },
      { afterMinutes: 2 * DAY / MINUTE, side: 'buyer', who: 'owner', text: '请问报告有吗?' },
    ],
  },
  {
    key: 'youxuan-hengtong', buyer: YOUXUAN, buyerWho: 'owner', supplier: HENGTONG, daysAgo: 1,
    lines: [
      { afterMinutes: 0, side: 'buyer', who: 'owner', text: '您好,飞机盒 30×20×8cm 印 logo,5000 个起订吗?' },
      { afterMinutes: 40, side: 'buyer', who: 'owner', text: '急用,麻烦尽快回复,谢谢。' },
    ],
  },
];

/** Seeds the demo conversations; safe to run again. */
export async function seedDemoConversations(built: BuiltApp, options: { now?: Date; scan?: number } = {}): Promise<{ conversations: number; messages: number; skipped: number }> {
  const { messaging } = built.modules.messaging;
  const now = options.now ?? new Date();

  const companyIds = await demoCompanyIds(built, PLANS.flatMap((p) => [p.buyer, p.supplier]));
  // One published product per supplier, for the cards (the earliest listings; none yet: the card is left out).
  const suppliers = PLANS.map((p) => companyIds.get(p.supplier)).filter((id): id is string => Boolean(id));
  const productOf = new Map([...(await publishedProductsOf(built, suppliers, options.scan ?? 2000))].map(([companyId, ids]) => [companyId, ids[0]!]));

  const sessions = demoSessions(built);
  const ctxOf = (company: number, who: Who) => sessions.of(company, who);

  let conversations = 0;
  let messages = 0;
  let skipped = 0;
  try {
    for (const plan of PLANS) {
      const supplierId = companyIds.get(plan.supplier);
      const buyerCtx = await ctxOf(plan.buyer, plan.buyerWho);
      if (!supplierId || !buyerCtx?.actor) continue;
      const productId = productOf.get(supplierId);
      const { conversation, created } = await messaging.open(buyerCtx, { supplierCompanyId: supplierId, ...(productId ? { productId } : {}) });
      if (created) conversations++;
      const start = now.getTime() - plan.daysAgo * DAY;
      let lastSupplierCtx: RequestContext | null = null;
      for (const [i, line] of plan.lines.entries()) {
        const at = new Date(start + line.afterMinutes * MINUTE + i * 1000);
        if (at > now) break;
        const ctx = line.side === 'buyer' ? await ctxOf(plan.buyer, line.who) : await ctxOf(plan.supplier, line.who);
        if (!ctx) break;
        if (line.side === 'supplier') lastSupplierCtx = ctx;
        const clientMsgId = `demo-${plan.key}-${i}`;
        const result = line.product
          ? productId ? await messaging.send(ctx, conversation.id, { kind: 'product', productId, text: line.text, clientMsgId }, { at }) : null
          : await messaging.send(ctx, conversation.id, { kind: 'text', text: line.text ?? '', clientMsgId }, { at });
        if (!result) continue;
        if (result.duplicate) skipped++;
        else messages++;
      }
      // The buyer has read everything on their side; answered threads were read by the supplier too.
      await messaging.markRead(buyerCtx, conversation.id);
      if (plan.supplierReads && lastSupplierCtx) await messaging.markRead(lastSupplierCtx, conversation.id);
    }
  } finally {
    await sessions.close();
  }
  return { conversations, messages, skipped };
}
