/**
 * Demo favorites (收藏): the demo buyers bookmark a few suppliers and their products in two or three folders with
 * notes, tags and alerts — through the favorites service, so the snapshots and events are real. Deterministic and
 * idempotent: folders are found by name, and a target the buyer already saved is left as it is. Run it after the
 * catalog exists (products are picked from the published catalog; without one, only suppliers are saved).
 */
import type { BuiltApp } from '../app.js';
import { DEMO_COMPANIES } from './demo-companies.js';
import { demoCompanyIds, demoSessions, publishedProductsOf } from './demo-people.js';


/** Hand-written suppliers by their index in DEMO_COMPANIES. */
const HUADONG = 0;
const YONGDA = 1;
const CHUANGXIN = 3;
const HENGTONG = 4;
const LUFENG = 5;

interface Plan {
  email: string;
  folders: Array<{
    name: string | null; // null = the default folder
    saves: Array<{ supplier: number; products: number; note: string; productNote?: string; tags: string[]; priceDrop?: boolean; backInStock?: boolean }>;
  }>;
}

const PLANS: Plan[] = [
  {
    email: DEMO_COMPANIES[6]!.owner.email, // 吴昊, Minhang Machinery
    folders: [
      { name: '钢板比价', saves: [{ supplier: HUADONG, products: 2, note: '华东现货价格稳定,可剪切配送,优先考虑', productNote: '年底备货,比价后下单', tags: ['钢板', '现货'], priceDrop: true }] },
      { name: '紧固件', saves: [{ supplier: YONGDA, products: 2, note: '来图定制,交期 15 天', productNote: '样品已测,强度合格', tags: ['紧固件', '已打样'], priceDrop: true, backInStock: true }] },
      { name: null, saves: [{ supplier: CHUANGXIN, products: 1, note: '电子元器件备选供应商', tags: ['电子'] }] },
    ],
  },
  {
    email: DEMO_COMPANIES[6]!.members[0]!.email, // 郑宇, purchaser at Minhang Machinery
    folders: [
      { name: '电子元器件', saves: [{ supplier: CHUANGXIN, products: 3, note: '原装正品,小批量可发', productNote: '缺货时提醒我', tags: ['MCU', '急需'], backInStock: true, priceDrop: true }] },
      { name: '待评估', saves: [{ supplier: HUADONG, products: 0, note: '下季度评估', tags: ['钢板'] }] },
    ],
  },
  {
    email: DEMO_COMPANIES[7]!.owner.email, // 冯洁, Youxuan Supply Chain
    folders: [
      { name: '包装供应商', saves: [{ supplier: HENGTONG, products: 2, note: 'FSC 认证,打样快', productNote: '双十一备货用', tags: ['纸箱', '包装'], priceDrop: true }] },
      { name: '农产品', saves: [{ supplier: LUFENG, products: 1, note: '自有冷库,可做礼盒装', tags: ['食品'] }] },
    ],
  },
  {
    email: DEMO_COMPANIES[8]!.owner.email, // 邓伟, Xinan Construction
    folders: [
      { name: '螺纹钢', saves: [{ supplier: HUADONG, products: 2, note: '工地直送,按吨结算', productNote: '关注降价', tags: ['螺纹钢'], priceDrop: true }] },
      { name: null, saves: [{ supplier: YONGDA, products: 0, note: '高强度螺栓', tags: ['紧固件'] }] },
    ],
  },
];

/** How many published products are looked at to find each supplier's (ids in time order: the earliest listings). */
const SCAN = 2000;

export async function seedDemoFavorites(built: BuiltApp, options: { scan?: number } = {}): Promise<{ saved: number; skipped: number }> {
  const { favorites } = built.modules.favorites;
  const supplierIds = await demoCompanyIds(built, [HUADONG, YONGDA, CHUANGXIN, HENGTONG, LUFENG]);
  const productsOf = await publishedProductsOf(built, supplierIds.values(), options.scan ?? SCAN);
  const sessions = demoSessions(built);

  let saved = 0;
  let skipped = 0;
  try {
    for (const plan of PLANS) {
      const ctx = await sessions.byEmail(plan.email);
      if (!ctx) continue; // the demo buyer is not there (yet)
      for (const folder of plan.folders) {
        const existing = await favorites.folders(ctx);
        const folderId = folder.name === null
          ? existing.find((f) => f.isDefault)!.id
          : (existing.find((f) => f.name === folder.name) ?? (await favorites.createFolder(ctx, folder.name))).id;
        for (const s of folder.saves) {
          const companyId = supplierIds.get(s.supplier);
          if (!companyId) continue;
          const productIds = (productsOf.get(companyId) ?? []).slice(0, s.products);
          const status = await favorites.status(ctx, productIds, [companyId]);
          if (status.suppliers.length) skipped++;
          else {
            await favorites.save(ctx, { type: 'supplier', companyId, folderId, note: s.note, tags: s.tags });
            saved++;
          }
          const have = new Set(status.products.map((p) => p.productId));
          for (const productId of productIds) {
            if (have.has(productId)) {
              skipped++;
              continue;
            }
            await favorites.save(ctx, {
              type: 'product', productId, folderId, note: s.productNote ?? s.note, tags: s.tags,
              alerts: { priceDrop: s.priceDrop ?? false, backInStock: s.backInStock ?? false },
            });
            saved++;
          }
        }
      }
    }
  } finally {
    await sessions.close();
  }
  return { saved, skipped };
}
