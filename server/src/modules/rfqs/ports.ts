import type { AccountsModule } from '../accounts/index.js';
import type { AttributeDefinition, ResolvedCategory } from '../catalog/index.js';
import type { CreditModule } from '../credit/index.js';
import type { FilesModule } from '../files/index.js';
import type { NotificationsModule } from '../notifications/index.js';
import type { TrustModule } from '../trust/index.js';
import type { TrustpassModule } from '../trustpass/index.js';

export type { AttributeDefinition, ResolvedCategory };

/** What RFQs read from the catalog (wired in app.ts from catalog.categories / catalog.products). */
export interface CatalogPort {
  /** The category with its subtree, path and resolved attribute template; throws CATEGORY_NOT_FOUND. */
  resolved(categoryId: string): Promise<ResolvedCategory>;
  /** Companies with published products in the category's subtree, most products first. */
  suppliersInCategory(categoryId: string, limit: number): Promise<Array<{ companyId: string; products: number }>>;
  /** The categories a company has published products in. */
  publishedCategoryIds(companyId: string): Promise<string[]>;
}

/** Response rates (0..1, null = nothing measured yet) by company: the response-metrics module's batch reader (ratesOf). */
export type ResponseRates = (companyIds: string[]) => Promise<Map<string, { responseRate: number | null }>>;

export interface Deps {
  companies: AccountsModule['companies'];
  files: FilesModule['files'];
  trustpass: TrustpassModule['trustpass'];
  credit: CreditModule['credit'];
  verification: TrustModule['verification'];
  notifications: NotificationsModule['notifications'];
  catalog: CatalogPort;
  responseRates?: ResponseRates | undefined;
}
