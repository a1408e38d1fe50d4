import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db.js';
import { EventDispatcher } from './platform/events.js';
import { createHttpServer, registerApi, type App } from './platform/http/server.js';
import { registerOpsRoutes } from './platform/http/ops.js';
import { JobRunner, Worker } from './platform/jobs.js';
import { createLogger } from './platform/logger.js';
import { FileMailer, SmtpMailer, defineMailJob, type Mailer } from './platform/mail.js';
import { createMetrics } from './platform/metrics.js';
import type { Platform } from './platform/platform.js';
import { LocalDiskStorage, type FileStorage } from './platform/storage.js';
import { createAccountsModule } from './modules/accounts/index.js';
import { createNotificationsModule } from './modules/notifications/index.js';
import { createAdminModule } from './modules/admin/index.js';
import { createFilesModule } from './modules/files/index.js';
import { createTrustModule } from './modules/trust/index.js';
import { createTrustpassModule } from './modules/trustpass/index.js';
import { createCreditModule } from './modules/credit/index.js';
import { createCredentialsModule } from './modules/credentials/index.js';
import { createPaymentsModule, type WebhookDeliverer } from './modules/payments/index.js';
import { createStorefrontModule } from './modules/storefront/index.js';
import { createCatalogModule } from './modules/catalog/index.js';
import { createSearchModule } from './modules/search/index.js';
import { createResponseMetricsModule } from './modules/response-metrics/index.js';
import { createServiceMetricsModule } from './modules/service-metrics/index.js';
import { createFavoritesModule } from './modules/favorites/index.js';
import { createInquiriesModule } from './modules/inquiries/index.js';
import { createRfqsModule } from './modules/rfqs/index.js';
import { createMessagingModule } from './modules/messaging/index.js';
import { createRealtimeBus } from './platform/realtime.js';
import { createSettlementsModule } from './modules/settlements/index.js';
import { createPurchaseListModule } from './modules/purchase-list/index.js';
import { createInvoicesModule } from './modules/invoices/index.js';
import { createOrdersModule } from './modules/orders/index.js';
import { createShipmentsModule } from './modules/shipments/index.js';
import { createAfterSalesModule } from './modules/after-sales/index.js';
import { createReviewsModule } from './modules/reviews/index.js';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: Logger;
  mailer?: Mailer;
  storage?: FileStorage;
  webDistDir?: string;
  /** How the sandbox payment provider reaches our webhook endpoint (tests deliver in-process). */
  deliverWebhook?: WebhookDeliverer;
}

export interface BuiltApp {
  app: App;
  platform: Platform;
  worker: Worker;
  modules: ReturnType<typeof createModules>;
}

function createModules(platform: Platform, options: BuildOptions) {
  const files = createFilesModule(platform);
  const payments = createPaymentsModule(platform, { deliverWebhook: options.deliverWebhook });
  // One bus per process: chat's notices and the accounts' cache invalidations (started and stopped with the chat hub).
  const bus = createRealtimeBus(platform.database, platform.config, platform.log);
  const accounts = createAccountsModule(platform, { files: files.files, bus });
  const notifications = createNotificationsModule(platform, { members: accounts.members });
  const trust = createTrustModule(platform, { companies: accounts.companies, files: files.files });
  const trustpass = createTrustpassModule(platform, {
    companies: accounts.companies, members: accounts.members, verification: trust.verification, payments: payments.payments,
  });
  const responseMetrics = createResponseMetricsModule(platform, { companies: accounts.companies });
  const serviceMetrics = createServiceMetricsModule(platform, {
    companies: accounts.companies,
    // Late bound: the catalog and orders are built after this module.
    products: { get: (ctx, id) => catalog.products.get(ctx, id), summaries: (ids) => catalog.products.summaries(ids) },
    orders: { productIdsOf: (ids) => orders.orders.productIdsOf(ids) },
  });
  const credit = createCreditModule(platform, { companies: accounts.companies, responseRates: responseMetrics.ratesOf, serviceFacts: serviceMetrics.factsOf });
  const credentials = createCredentialsModule(platform, { companies: accounts.companies, verification: trust.verification, trustpass: trustpass.trustpass, credit: credit.credit });
  const admin = createAdminModule(platform);
  const catalog = createCatalogModule(platform, { companies: accounts.companies, members: accounts.members, files: files.files, trustpass: trustpass.trustpass });
  const storefront = createStorefrontModule(platform, {
    companies: accounts.companies, files: files.files, productSales: serviceMetrics.salesOf,
    catalog: {
      summaries: (ids) => catalog.products.summaries(ids), indexViews: (ids) => catalog.products.indexViews(ids),
      publishedIdsAfter: (afterId, limit) => catalog.products.publishedIdsAfter(afterId, limit), tree: () => catalog.categories.tree(),
    },
  });
  const search = createSearchModule(platform, {
    companies: accounts.companies, verification: trust.verification, trustpass: trustpass.trustpass, credit: credit.credit, responseRates: responseMetrics.ratesOf,
    serviceRates: serviceMetrics.ratesOf, productSales: serviceMetrics.salesOf,
    catalog: {
      indexViews: (ids) => catalog.products.indexViews(ids), publishedIdsAfter: (afterId, limit) => catalog.products.publishedIdsAfter(afterId, limit),
      resolved: (id) => catalog.categories.resolved(id),
    },
  });
  const favorites = createFavoritesModule(platform, { companies: accounts.companies, catalog: catalog.products, notifications: notifications.notifications });
  const inquiries = createInquiriesModule(platform, {
    companies: accounts.companies, members: accounts.members, catalog: catalog.products, files: files.files, notifications: notifications.notifications,
    readFile: (_ctx, fileId) => files.files.readAttached(fileId),
  });
  const rfqs = createRfqsModule(platform, {
    companies: accounts.companies, files: files.files, trustpass: trustpass.trustpass, credit: credit.credit, verification: trust.verification,
    notifications: notifications.notifications, responseRates: responseMetrics.ratesOf,
    catalog: {
      resolved: (id) => catalog.categories.resolved(id), suppliersInCategory: (id, limit) => catalog.products.suppliersInCategory(id, limit),
      publishedCategoryIds: (companyId) => catalog.products.publishedCategoryIds(companyId),
    },
  });
  const messaging = createMessagingModule(platform, {
    companies: accounts.companies, files: files.files, catalog: catalog.products, notifications: notifications.notifications,
    authenticate: (token, via) => accounts.auth.authenticate(token, via), bus,
    // Quote cards: a quote is shown between the supplier that made it and the company whose RFQ it answers.
    quotes: { cardFor: (quoteId, parties) => rfqs.quotes.cardFor(quoteId, parties) },
  });
  const purchaseList = createPurchaseListModule(platform, {
    companies: accounts.companies, credit: credit.credit, verification: trust.verification,
    catalog: {
      viewsOf: (ids) => catalog.products.viewsOf(ids),
      productsOfSkus: async (skuIds) => new Map((await catalog.inventory.levels(skuIds)).map((l) => [l.skuId, l.productId])),
      skuTemplates: (categoryIds) => catalog.categories.skuTemplates(categoryIds),
    },
  });
  const settlements = createSettlementsModule(platform, {
    companies: accounts.companies, payments: payments.payments, credit: credit.credit, notifications: notifications.notifications,
    // Late bound: orders draws on credit lines, so it is built after settlements.
    orders: { escrowOutstanding: () => orders.orders.escrowOutstanding(), escrowHeldForSeller: (id) => orders.orders.escrowHeldForSeller(id), numbersOf: (ids) => orders.orders.numbersOf(ids),
      creditTermDays: async () => (await orders.orders.settings()).creditTermDays },
  });
  const invoices = createInvoicesModule(platform, {
    files: files.files,
    // Late bound: the orders module is built after this one.
    orders: { forParty: (trx, id) => orders.orders.forParty(trx, id) },
  });
  const orders = createOrdersModule(platform, {
    companies: accounts.companies, notifications: notifications.notifications, payments: payments.payments, inventory: catalog.inventory,
    catalog: { checkoutSkus: (skuIds) => catalog.products.checkoutSkus(skuIds) },
    quotes: { acceptedTerms: (quoteId) => rfqs.quotes.acceptedTerms(quoteId) },
    purchaseList: { selectedItems: (userId, companyId) => purchaseList.selectedItems(userId, companyId), removeOrdered: (trx, userId, companyId, skuIds) => purchaseList.removeOrdered(trx, userId, companyId, skuIds) },
    creditLines: settlements.creditLines,
    // Late bound: an order with an open after-sales request is not completed.
    afterSales: { hasOpen: (orderId) => afterSales.hasOpen(orderId) },
    invoiceProfiles: { profileOf: (id) => invoices.profileOf(id) },
  });
  const shipments = createShipmentsModule(platform, {
    orders: orders.orders, files: files.files, notifications: notifications.notifications,
    readFile: (fileId) => files.files.readAttached(fileId),
    // Late bound: an open after-sales request pauses the automatic receipt.
    hasOpenAfterSale: (orderId) => afterSales.hasOpen(orderId),
  });
  const reviews = createReviewsModule(platform, {
    companies: accounts.companies, notifications: notifications.notifications, orders: { forParty: (trx, id) => orders.orders.forParty(trx, id) },
  });
  const afterSales = createAfterSalesModule(platform, {
    orders: orders.orders, companies: accounts.companies, files: files.files, notifications: notifications.notifications,
    readFile: (fileId) => files.files.readAttached(fileId),
    // Arbitration shows the two companies' chat (operators only).
    chatLog: (ctx, buyerCompanyId, supplierCompanyId, limit) => messaging.chatLog(ctx, buyerCompanyId, supplierCompanyId, limit),
  });
  return { files, accounts, notifications, trust, payments, trustpass, responseMetrics, serviceMetrics, credit, credentials, admin, catalog, storefront, search, favorites, inquiries, rfqs, messaging, purchaseList, invoices, settlements, orders, shipments, reviews, afterSales };
}

/** Wires platform services and modules into one HTTP app; the caller starts the worker and listens. */
export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, database } = options;
  const log = options.logger ?? createLogger(config);
  const mailer = options.mailer ?? (config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new FileMailer(path.join(config.dataDir, 'mail'), config.MAIL_FROM));
  const storage = options.storage ?? new LocalDiskStorage(path.join(config.dataDir, 'files'));
  const jobs = new JobRunner(database, log);
  // The gauges read the queues only when scraped, so the dispatcher can be built after them.
  const metrics = createMetrics({ pendingEvents: () => events.pendingCount(), jobQueueDepth: () => jobs.queueDepth() });
  const events = new EventDispatcher(database, log, metrics);
  const platform: Platform = { config, database, mailer, storage, events, jobs, metrics, log };

  defineMailJob(jobs, mailer);
  const modules = createModules(platform, options);

  const worker = new Worker([() => events.dispatchDue(), () => jobs.runDue()], config.WORKER_POLL_MS, log);
  database.onCommit(() => worker.wake());

  const app = await createHttpServer({ config, logger: log, metrics, webDistDir: options.webDistDir });
  registerOpsRoutes(app, database, metrics);
  await registerApi(app, (token, via) => modules.accounts.auth.authenticate(token, via), (api) => {
    modules.files.registerRoutes(api);
    modules.accounts.registerRoutes(api);
    modules.notifications.registerRoutes(api);
    modules.trust.registerRoutes(api);
    modules.payments.registerRoutes(api);
    modules.trustpass.registerRoutes(api);
    modules.credit.registerRoutes(api);
    modules.credentials.registerRoutes(api);
    modules.admin.registerRoutes(api);
    modules.catalog.registerRoutes(api);
    modules.storefront.registerRoutes(api);
    modules.search.registerRoutes(api);
    modules.responseMetrics.registerRoutes(api);
    modules.serviceMetrics.registerRoutes(api);
    modules.favorites.registerRoutes(api);
    modules.inquiries.registerRoutes(api);
    modules.rfqs.registerRoutes(api);
    modules.messaging.registerRoutes(api);
    modules.settlements.registerRoutes(api);
    modules.purchaseList.registerRoutes(api);
    modules.invoices.registerRoutes(api);
    modules.orders.registerRoutes(api);
    modules.shipments.registerRoutes(api);
    modules.afterSales.registerRoutes(api);
    modules.reviews.registerRoutes(api);
  });
  await app.ready();
  return { app, platform, worker, modules };
}
