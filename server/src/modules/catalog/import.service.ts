import { z } from 'zod';
import type { Actor, RequestContext } from '../../platform/context.js';
import { DomainError, PlatformErrors, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueJob, type JobRunner } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireUser } from '../../platform/policy.js';
import { PROVINCES, type AccountsModule } from '../accounts/index.js';
import type { FilesModule } from '../files/index.js';
import type { CategoriesService, ResolvedCategory } from './categories.service.js';
import { CatalogErrors } from './errors.js';
import {
  columnsFor, columnName, groupRows, headerOf, hintOf, instructions, locate, optionDisplay, parseGroup, productRows, provinceDisplay, resolveHeader,
  UNIT_OPTIONS, type Column, type ExportProduct, type ParsedGroup, type RowError,
} from './import.layout.js';
import type { ProductsService, ProductStatus } from './products.service.js';
import type { AttributeDefinition } from './rules.js';
import { productInput } from './schemas.js';
import { decodeText, parseCsv, readXlsx, sniffSheet, SheetError, toCsv, writeXlsx, zipDeclaredSize, type Grid, type SheetFormat, type XlsxColumn } from './sheets.js';
import * as store from './store.js';
import { REPORT_INPUT } from '../../platform/issue-messages.js';
import { fieldErrorsFromIssues } from './validation.js';

/** Limits of one import (docs/catalog-import.md). */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 5000, maxUnzippedBytes: 100 * 1024 * 1024, maxErrorsShown: 2000 } as const;
export const IMPORT_JOB_KIND = 'catalog.import';
const EXPORT_MAX_PRODUCTS = 10_000;
/** One job run handles this many row groups or this long, then queues the rest, so other jobs and events are not starved. */
const SLICE = { items: 100, ms: 5000 } as const;
const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What browsers and Excel declare for CSV and xlsx uploads; the bytes decide in the end. */
const DECLARED_TYPES: ReadonlySet<string> = new Set(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', XLSX_TYPE, 'application/octet-stream', 'application/zip', '']);
const FILE_ID = /\/api\/v1\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface ImportDeps {
  companies: AccountsModule['companies'];
  members: AccountsModule['members'];
  files: FilesModule['files'];
}

export interface ImportJobView {
  id: string; status: store.ImportStatus; format: SheetFormat; fileName: string | null; categoryId: string | null; publish: boolean;
  rows: number; total: number; processed: number; created: number; failed: number; published: number;
  errors: RowError[]; errorsTruncated: boolean; createdAt: Date; finishedAt: Date | null;
}

export interface SheetFile { bytes: Buffer; fileName: string; contentType: string }

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

class RaceLost extends Error {}

function fileOf(format: SheetFormat, base: string, bytes: Buffer): SheetFile {
  return { bytes, fileName: `${base}.${format}`, contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE };
}

function xlsxColumns(columns: Column[]): XlsxColumn[] {
  return columns.map((c) => {
    let options: string[] | undefined;
    if (c.kind === 'base' && c.id === 'unit') options = UNIT_OPTIONS;
    else if (c.kind === 'base' && c.id === 'dispatch_province') options = PROVINCES.map(provinceDisplay);
    else if (c.kind === 'attribute' && c.def.type === 'enum') options = (c.def.options ?? []).map(optionDisplay);
    else if (c.kind === 'attribute' && c.def.type === 'boolean') options = ['是', '否'];
    return {
      header: headerOf(c), width: c.width, options, required: c.required, note: `${hintOf(c, 'zh-CN')}\n${hintOf(c, 'en-US')}`,
      text: c.kind === 'base' && (c.id === 'product_key' || c.id === 'sku_code' || c.id === 'category'),
    };
  });
}

/** Product import and export (CSV, xlsx): imports run as jobs, each product in its own transaction through ProductsService.create. */
export class ImportService {
  constructor(
    private readonly platform: Platform,
    private readonly categories: CategoriesService,
    private readonly products: ProductsService,
    private readonly deps: ImportDeps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /** Registers the job kind; each run is one slice, queuing the next while row groups remain. */
  define(jobs: JobRunner): void {
    jobs.define(IMPORT_JOB_KIND, z.object({ importId: z.uuid() }), async ({ importId }, jc) => {
      try {
        if (await this.runSlice(importId)) await enqueueJob(this.db, { kind: IMPORT_JOB_KIND, payload: { importId }, maxAttempts: 3 });
      } catch (err) {
        // The last attempt closes the import, so the seller sees a failure rather than a job that never ends.
        if (jc.attempt >= 3) {
          const locale = (await store.findImportJob(this.db, importId))?.locale ?? 'zh-CN';
          await store.finishImport(this.db, importId, 'failed', [{ row: 0, column: '', reason: say(locale, '导入意外中断,已导入的商品保留;请检查结果后重新导入其余商品', 'The import stopped unexpectedly; products already imported are kept. Check the result and import the rest again') }]);
        }
        throw err;
      }
    });
  }

  private activeCompany(ctx: RequestContext, action: 'company.products.manage' | 'company.products.view'): { actor: Actor; companyId: string } {
    const actor = requireUser(ctx);
    const companyId = actor.activeCompanyId;
    if (!companyId) throw new DomainError(CatalogErrors.ACTIVE_COMPANY_REQUIRED);
    authorize(ctx, action, companyId);
    return { actor, companyId };
  }

  private async leaf(idOrCode: string): Promise<ResolvedCategory> {
    const resolved = await this.categories.resolved(idOrCode);
    if (resolved.node.children.length > 0) throw new DomainError(CatalogErrors.IMPORT_CATEGORY_NOT_LEAF);
    return resolved;
  }

  // -------------------------------------------------------------------------------------------------------
  // Template and export

  /** An empty sheet for a leaf category: product columns, one per template attribute, SKU columns; xlsx adds dropdowns and instructions. */
  async template(ctx: RequestContext, categoryId: string, format: SheetFormat): Promise<SheetFile> {
    requireUser(ctx);
    const category = await this.leaf(categoryId);
    const columns = columnsFor([category.attributes], false);
    const base = `tongshang-template-${category.node.code}`;
    if (format === 'csv') return fileOf('csv', base, toCsv([columns.map(headerOf)]));
    return fileOf('xlsx', base, await writeXlsx(xlsxColumns(columns), [], instructions(columns, category.node)));
  }

  /** The active company's products in the import's shape (one row per SKU, the category column filled), so a file round-trips. */
  async export(ctx: RequestContext, q: { format: SheetFormat; status?: ProductStatus | undefined; categoryId?: string | undefined }): Promise<SheetFile> {
    const { companyId } = this.activeCompany(ctx, 'company.products.view');
    const scope = q.categoryId ? await this.categories.resolved(q.categoryId) : null;
    const statuses: ProductStatus[] = q.status ? [q.status] : ['draft', 'published', 'delisted'];
    const ids = await store.companyProductIds(this.db, companyId, statuses, scope?.node.code, EXPORT_MAX_PRODUCTS);
    const views = [];
    for (let i = 0; i < ids.length; i += 200) views.push(...(await this.products.viewsOf(ids.slice(i, i + 200))));
    const resolvedById = new Map<string, ResolvedCategory>();
    for (const id of new Set(views.map((v) => v.categoryId))) resolvedById.set(id, await this.categories.resolved(id));
    const templates = [...resolvedById.values()].map((r) => r.attributes);
    const columns = columnsFor(templates.length ? templates : [scope?.attributes ?? []], true);
    const base = this.platform.config.publicUrl;
    const rows: Grid = views.flatMap((v) => {
      const category = resolvedById.get(v.categoryId)!;
      const p: ExportProduct = {
        id: v.id, categoryCode: category.node.code, titleZh: v.titleZh, titleEn: v.titleEn, descriptionZh: v.descriptionZh, descriptionEn: v.descriptionEn,
        unit: v.unit, moq: v.moq, priceTiers: v.priceTiers, leadTimeDays: v.leadTimeDays, sample: v.sample, origin: v.origin, dispatchProvince: v.dispatchProvince,
        imageUrls: v.images.map((i) => `${base}${i.url}`), attributes: v.attributes, skus: v.skus, template: category.attributes,
      };
      return productRows(p, columns, PROVINCES);
    });
    const name = `tongshang-products-${new Date().toISOString().slice(0, 10)}`;
    if (q.format === 'csv') return fileOf('csv', name, toCsv([columns.map(headerOf), ...rows]));
    const only = resolvedById.size === 1 ? [...resolvedById.values()][0]!.node : null;
    return fileOf('xlsx', name, await writeXlsx(xlsxColumns(columns), rows, instructions(columns, only)));
  }

  // -------------------------------------------------------------------------------------------------------
  // Import: submit and follow

  /** Checks who, what and how big, keeps the file with the job and queues it; the work happens in the worker. */
  async submit(ctx: RequestContext, f: { bytes: Buffer; fileName: string | null; declaredType: string; categoryId?: string | undefined; publish: boolean }): Promise<ImportJobView> {
    const { actor, companyId } = this.activeCompany(ctx, 'company.products.manage');
    const company = await this.deps.companies.get(ctx, companyId);
    if (!SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(CatalogErrors.SUPPLIER_ONLY);
    if (f.bytes.length === 0) throw new DomainError(PlatformErrors.FILE_MISSING);
    if (f.bytes.length > IMPORT_LIMITS.maxBytes) throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: '5 MB' });
    const format = sniffSheet(f.bytes);
    const ext = /\.([a-z0-9]+)$/i.exec(f.fileName ?? '')?.[1]?.toLowerCase();
    const extOk = ext === undefined || (format === 'csv' ? ext === 'csv' || ext === 'txt' : ext === 'xlsx');
    if (!format || !DECLARED_TYPES.has(f.declaredType.split(';')[0]!.trim().toLowerCase()) || !extOk) {
      throw new DomainError(PlatformErrors.FILE_TYPE_NOT_ALLOWED, { allowed: 'CSV, XLSX' });
    }
    if (format === 'xlsx') {
      const declared = zipDeclaredSize(f.bytes);
      if (declared === null) throw new DomainError(PlatformErrors.FILE_TYPE_NOT_ALLOWED, { allowed: 'CSV, XLSX' });
      if (declared > IMPORT_LIMITS.maxUnzippedBytes) throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: '5 MB' });
    }
    if (f.categoryId) await this.leaf(f.categoryId);
    const id = uuidv7();
    const row = await this.platform.database.transaction(async (trx) => {
      const job = await store.insertImportJob(trx, {
        id, companyId, requestedBy: actor.userId, locale: ctx.locale, categoryId: f.categoryId ?? null, format, fileName: f.fileName?.slice(0, 200) ?? null, publish: f.publish, source: f.bytes,
      });
      await enqueueJob(trx, { kind: IMPORT_JOB_KIND, payload: { importId: id }, maxAttempts: 3 });
      return job;
    });
    return this.view(row);
  }

  /** Progress and row errors; only for the company's product managers (others get 404, as if it did not exist). */
  async status(ctx: RequestContext, id: string): Promise<ImportJobView> {
    requireUser(ctx);
    const row = await store.findImportJob(this.db, id);
    if (!row) throw new DomainError(CatalogErrors.IMPORT_NOT_FOUND);
    try {
      authorize(ctx, 'company.products.manage', row.company_id);
    } catch {
      throw new DomainError(CatalogErrors.IMPORT_NOT_FOUND);
    }
    return this.view(row);
  }

  private async view(row: store.ImportJobRow): Promise<ImportJobView> {
    const limit = IMPORT_LIMITS.maxErrorsShown;
    const itemErrors = row.total > 0 ? await store.importItemErrors(this.db, row.id, limit + 1) : [];
    const errors = [...row.errors, ...itemErrors];
    return {
      id: row.id, status: row.status, format: row.format, fileName: row.file_name, categoryId: row.category_id, publish: row.publish,
      rows: row.row_count, total: row.total, processed: row.processed, created: row.created, failed: row.failed, published: row.published,
      errors: errors.slice(0, limit), errorsTruncated: errors.length > limit, createdAt: row.created_at, finishedAt: row.finished_at,
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Import: the worker's side

  /** The requester as they are now: a member who may still manage products, else null. */
  private async requester(job: store.ImportJobRow): Promise<RequestContext | null> {
    const base: Actor = {
      userId: job.requested_by, sessionId: `import:${job.id}`, email: '', name: '', isOperator: false, activeCompanyId: job.company_id, csrfToken: '', via: 'bearer',
      memberships: [{ companyId: job.company_id, role: 'sales' }],
    };
    const ctx: RequestContext = { actor: base, locale: job.locale, ip: '127.0.0.1', userAgent: 'import', requestId: `import:${job.id}` };
    const me = (await this.deps.members.listMembers(ctx, job.company_id)).find((m) => m.userId === job.requested_by);
    if (!me || !['owner', 'admin', 'sales'].includes(me.role)) return null;
    return { ...ctx, actor: { ...base, memberships: [{ companyId: job.company_id, role: me.role }] } };
  }

  /**
   * One slice of an import: split the file into row groups on the first run, then import pending groups (and
   * publish created ones when asked) until the slice budget is spent. Returns whether work remains.
   */
  async runSlice(importId: string, budget: { items: number; ms: number } = SLICE): Promise<boolean> {
    let job = await store.findImportJob(this.db, importId);
    if (!job || job.status === 'succeeded' || job.status === 'failed') return false;
    const ctx = await this.requester(job);
    if (!ctx) {
      await store.finishImport(this.db, importId, 'failed', [{ row: 0, column: '', reason: say(job.locale, '发起导入的成员已无权管理本企业商品', 'The member who started the import may no longer manage this company’s products') }]);
      return false;
    }
    if (job.status === 'queued') {
      if (!(await this.itemize(job))) return false;
      job = (await store.findImportJob(this.db, importId))!;
    }
    const started = Date.now();
    const cache = new Map<string, ResolvedCategory | null>();
    let done = 0;
    while (done < budget.items && Date.now() - started < budget.ms) {
      const items = await store.nextImportItems(this.db, importId, Math.min(20, budget.items - done), job.publish);
      if (items.length === 0) {
        await store.finishImport(this.db, importId, 'succeeded');
        return false;
      }
      for (const item of items) {
        let productId = item.product_id;
        if (item.status === 'pending') productId = await this.importGroup(ctx, job, item, cache);
        if (job.publish && productId) await this.publishGroup(ctx, job, item, productId);
        done++;
      }
    }
    return true;
  }

  /** Reads the file into row groups (or fails the job with the reason); true when items were written. */
  private async itemize(job: store.ImportJobRow): Promise<boolean> {
    const locale = job.locale;
    const fail = async (reason: string) => {
      await store.finishImport(this.db, job.id, 'failed', [{ row: 0, column: '', reason }]);
      return false;
    };
    const source = await store.importSource(this.db, job.id);
    if (!source) return fail(say(locale, '导入文件已丢失,请重新上传', 'The uploaded file is gone; please upload it again'));
    let grid: Grid;
    try {
      grid = job.format === 'csv' ? parseCsv(decodeText(source)) : await readXlsx(source, IMPORT_LIMITS.maxRows);
    } catch (err) {
      if (!(err instanceof SheetError)) throw err;
      const reason = {
        unreadable: say(locale, '无法读取该文件:请使用本平台的模板,另存为 .xlsx 或 CSV', 'The file cannot be read: use the template and save it as .xlsx or CSV'),
        encoding: say(locale, 'CSV 文件的编码无法识别:请保存为 UTF-8 或 GB18030', 'The CSV file’s encoding is not recognised: save it as UTF-8 or GB18030'),
        too_large: say(locale, `文件超过 ${IMPORT_LIMITS.maxRows} 行,请拆分后分批导入`, `The file has more than ${IMPORT_LIMITS.maxRows} rows; split it and import the parts`),
      }[err.reason];
      return fail(reason);
    }
    const dataRows = grid.slice(1).filter((r) => r.some((c) => c.trim() !== '')).length;
    if (dataRows > IMPORT_LIMITS.maxRows) return fail(say(locale, `文件有 ${dataRows} 行,超过 ${IMPORT_LIMITS.maxRows} 行的上限,请拆分后分批导入`, `The file has ${dataRows} rows, more than the limit of ${IMPORT_LIMITS.maxRows}; split it and import the parts`));
    const header = grid[0] ?? [];
    // Attribute columns depend on the categories in the file: the chosen one and any named in the category column.
    const baseOnly = resolveHeader(header, columnsFor([], true), locale).byIndex;
    const categoryIndex = [...baseOnly].find(([, c]) => c.id === 'category')?.[0];
    const codes = new Set<string>(job.category_id ? [job.category_id] : []);
    if (categoryIndex !== undefined) {
      for (const r of grid.slice(1, 1 + IMPORT_LIMITS.maxRows)) {
        const cell = r[categoryIndex]?.trim();
        if (cell) codes.add(cell);
      }
    }
    const templates: AttributeDefinition[][] = [];
    for (const code of [...codes].slice(0, 50)) {
      try {
        templates.push((await this.categories.resolved(code)).attributes);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
      }
    }
    const columns = columnsFor(templates, true);
    const { byIndex, problems } = resolveHeader(header, columns, locale);
    if (![...byIndex.values()].some((c) => c.id === 'title_zh')) {
      return fail(say(locale, '第 1 行应为表头,且包含「中文标题」列:请使用本平台下载的模板', 'Row 1 must be the header with a "Title (Chinese)" column: use the template from this platform'));
    }
    const groups = groupRows(grid, byIndex);
    if (groups.length === 0) return fail(say(locale, '文件中没有商品行', 'The file has no product rows'));
    await this.platform.database.transaction((trx) => store.itemizeImport(trx, job.id, job.company_id, { rowCount: dataRows, errors: problems, groups }));
    return true;
  }

  private async category(idOrCode: string, cache: Map<string, ResolvedCategory | null>): Promise<ResolvedCategory | null> {
    if (!cache.has(idOrCode)) {
      try {
        cache.set(idOrCode, await this.categories.resolved(idOrCode));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        cache.set(idOrCode, null);
      }
    }
    return cache.get(idOrCode) ?? null;
  }

  /** One row group → one product, or its row errors; returns the product id when created. */
  private async importGroup(ctx: RequestContext, job: store.ImportJobRow, item: store.ImportItemRow, cache: Map<string, ResolvedCategory | null>): Promise<string | null> {
    const locale = job.locale;
    const first = item.first_row;
    const failWith = async (errors: RowError[]) => {
      await store.settleImportItem(this.db, job.id, item.position, { status: 'failed', errors });
      return null;
    };
    const categoryCell = item.rows[0]?.cells.category;
    const categoryKey = categoryCell ?? job.category_id;
    const categoryColumn = say(locale, '类目', 'Category');
    if (!categoryKey) return failWith([{ row: first, column: categoryColumn, reason: say(locale, '「类目」为空,且导入时没有选择类目', 'The Category is empty and no category was chosen for the import') }]);
    const category = await this.category(categoryKey, cache);
    if (!category || category.node.children.length > 0) {
      return failWith([{ row: first, column: categoryColumn, reason: category
        ? say(locale, `类目「${category.node.nameZh}」不是最末级类目`, `The category "${category.node.nameEn}" is not a bottom-level category`)
        : say(locale, `类目「${categoryKey}」不存在`, `There is no category "${categoryKey}"`) }]);
    }
    const columns = columnsFor([category.attributes], true);
    const known = new Set(columns.map((c) => c.id));
    const stray: RowError[] = [];
    for (const r of item.rows) {
      for (const id of Object.keys(r.cells)) {
        if (!known.has(id) && id.startsWith('attr.')) stray.push({ row: r.row, column: id.slice(5), reason: say(locale, `类目「${category.node.nameZh}」没有属性 ${id.slice(5)},请留空`, `The category "${category.node.nameEn}" has no attribute ${id.slice(5)}; leave it empty`) });
      }
    }
    const parsed = parseGroup({ key: item.group_key, rows: item.rows }, { locale, columns, template: category.attributes, categoryId: category.node.id, provinces: PROVINCES, imageIds: [] });
    const shape = productInput.safeParse(parsed.input, REPORT_INPUT);
    // Every problem the row shows at once, so a seller fixes the file in one pass: the cells that could not be read,
    // and what the product's shape says of the rest (a cell already reported is not reported again as missing).
    const shapeErrors = shape.success ? [] : fieldErrorsFromIssues(shape.error.issues, locale).map((e) => locate(e, parsed, first, columns, locale));
    if (stray.length || parsed.errors.length || !shape.success) {
      const reported = new Set(parsed.errors.map((e) => e.column));
      return failWith([...stray, ...parsed.errors, ...shapeErrors.filter((e) => !reported.has(e.column))]);
    }
    const images = await this.images(ctx, job, parsed, columns);
    if ('errors' in images) return failWith(images.errors.map((reason) => ({ row: first, column: columnName(columns.find((c) => c.id === 'images')!, locale), reason })));
    try {
      const view = await this.products.create(ctx, job.company_id, { ...shape.data, imageIds: images.ids }, async (trx, productId) => {
        if (!(await store.settleImportItem(trx, job.id, item.position, { status: 'created', productId }))) throw new RaceLost();
      });
      return view.id;
    } catch (err) {
      // Another run settled this group first: its product stands, this one rolled back with the transaction.
      if (err instanceof RaceLost) return null;
      if (!(err instanceof DomainError)) throw err;
      const errors = err.fieldErrors.length
        ? err.fieldErrors.map((e) => locate(e, parsed, first, columns, locale))
        : [{ row: first, column: '', reason: err.detail(locale) }];
      return failWith(errors);
    }
  }

  /**
   * Image links of this platform's product images: the company's own are used as they are; another company's
   * (public) product image is copied into this company, so an exported file imports elsewhere. Links to other
   * sites are not fetched (the server would become a proxy to anywhere).
   */
  private async images(ctx: RequestContext, job: store.ImportJobRow, parsed: ParsedGroup, columns: Column[]): Promise<{ ids: string[] } | { errors: string[] }> {
    const locale = job.locale;
    const name = columnName(columns.find((c) => c.id === 'images')!, locale);
    const label = say(locale, `「${name}」`, name);
    if (parsed.imageLinks.length > 10) return { errors: [say(locale, `${label}最多 10 张`, `${label}: at most 10 images`)] };
    const ours = new URL(this.platform.config.publicUrl);
    const ids: string[] = [];
    const errors: string[] = [];
    for (const link of parsed.imageLinks) {
      let url: URL | null = null;
      try {
        url = new URL(link, ours);
      } catch {
        url = null;
      }
      const id = url && url.origin === ours.origin ? FILE_ID.exec(url.pathname)?.[1]?.toLowerCase() : undefined;
      if (!id) {
        errors.push(say(locale, `${label}「${link}」不是本平台的图片链接;请先在商品编辑页上传图片,再填写其链接`, `${label}: "${link}" is not an image link of this platform; upload the image in the product editor first and use its link`));
        continue;
      }
      const meta = await this.deps.files.metadata(id);
      if (!meta || meta.purpose !== 'product_image') {
        errors.push(say(locale, `${label}「${link}」不是商品图片`, `${label}: "${link}" is not a product image`));
        continue;
      }
      if (meta.ownerCompanyId === job.company_id) {
        ids.push(id);
        continue;
      }
      const file = await this.deps.files.read(ctx, id);
      if (!file) {
        errors.push(say(locale, `${label}「${link}」无法读取`, `${label}: "${link}" cannot be read`));
        continue;
      }
      const copy = await this.deps.files.store({ bytes: file.bytes, purpose: 'product_image', allowed: [...IMAGE_TYPES], maxBytes: this.platform.config.UPLOAD_LIMIT_BYTES, ownerCompanyId: job.company_id, uploadedBy: job.requested_by });
      ids.push(copy.id);
    }
    return errors.length ? { errors } : { ids };
  }

  /** publish=true: each created product is published within the TrustPass limit; a refusal is reported on its rows, the draft stays. */
  private async publishGroup(ctx: RequestContext, job: store.ImportJobRow, item: store.ImportItemRow, productId: string): Promise<void> {
    const locale = job.locale;
    try {
      await this.products.publish(ctx, productId);
      await store.settlePublish(this.db, job.id, item.position, { published: true });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === CatalogErrors.PRODUCT_ALREADY_PUBLISHED) {
        await store.settlePublish(this.db, job.id, item.position, { published: true });
        return;
      }
      const prefix = say(locale, '已保存为草稿,未上架:', 'Saved as a draft, not published: ');
      const category = await this.categories.resolved(item.rows[0]?.cells.category ?? job.category_id ?? '').catch(() => null);
      const columns = columnsFor(category ? [category.attributes] : [], true);
      const parsed: ParsedGroup = { input: {}, errors: [], skuRows: item.rows.map((r) => r.row), imageLinks: [] };
      const errors = err.fieldErrors.length
        ? err.fieldErrors.map((e) => {
          const located = locate(e, parsed, item.first_row, columns, locale);
          return { ...located, reason: `${prefix}${located.reason}` };
        })
        : [{ row: item.first_row, column: '', reason: `${prefix}${err.detail(locale)}` }];
      await store.settlePublish(this.db, job.id, item.position, { published: false, errors });
    }
  }
}
