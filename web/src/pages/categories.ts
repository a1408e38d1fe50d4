export const CATEGORIES = ['steel', 'textiles', 'electronics', 'packaging', 'machinery', 'chemicals', 'food', 'office'] as const;
export type CategoryKey = (typeof CATEGORIES)[number];
