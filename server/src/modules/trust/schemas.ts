import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const companyParams = z.object({ id: z.uuid() });
export const idParams = z.object({ id: z.uuid() });

export const usccCheckQuery = z.strictObject({ code: z.string().trim().toUpperCase().max(30) });
export const usccCheckResponse = z.object({
  valid: z.boolean(),
  problem: z.enum(['length', 'charset', 'organization_check', 'check_character']).nullable(),
  message: z.string(),
});

export const verificationBody = z.strictObject({
  uscc: z.string().trim().toUpperCase().max(18),
  legalName: text(100),
  legalRepresentative: text(50),
  registeredCapital: text(50),
  establishedOn: isoDate,
  registeredAddress: text(200),
  businessScope: text(2000),
  licenseFileId: z.uuid(),
});

const status = z.enum(['none', 'pending', 'approved', 'rejected', 'revoked']);
const mismatches = z.array(z.string());

export const verificationView = z.object({
  status,
  verified: z.boolean(),
  verifiedAt: timestamp.nullable(),
  level: z.enum(['none', 'registry', 'field']),
  reason: z.string().nullable(),
  submission: z
    .object({
      id: z.uuid(), uscc: z.string(), legalName: z.string(), legalRepresentative: z.string(), registeredCapital: z.string(),
      establishedOn: z.string(), registeredAddress: z.string(), businessScope: z.string(), licenseFileId: z.uuid(), licenseUrl: z.string(),
      submittedAt: timestamp, decidedAt: timestamp.nullable(), mismatches,
    })
    .nullable(),
  fieldVisits: z.array(z.object({ id: z.uuid(), visitedOn: z.string(), inspector: z.string(), notes: z.string(), photoUrls: z.array(z.string()) })),
});

export const adminListQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'revoked']).optional(), ...pageQuery });
export const adminItem = z.object({
  id: z.uuid(), companyId: z.uuid(), companyName: z.string(), companyNameEn: z.string().nullable().describe("the company's English name; null when it has none"),
  status: z.enum(['pending', 'approved', 'rejected', 'revoked']), uscc: z.string(), legalName: z.string(),
  legalRepresentative: z.string(), submittedAt: timestamp, decidedAt: timestamp.nullable(), reason: z.string().nullable(), mismatches,
});
export const adminPage = pageSchema(adminItem);
export const registryRecord = z.object({
  uscc: z.string(), name: z.string(), legalRepresentative: z.string(), status: z.enum(['active', 'deregistered', 'revoked']),
  establishedOn: z.string(), registeredCapital: z.string(), address: z.string(),
});
export const adminDetail = adminItem.extend({
  registeredCapital: z.string(), establishedOn: z.string(), registeredAddress: z.string(), businessScope: z.string(),
  licenseUrl: z.string(), licenseContentType: z.string(),
  registry: z.object({ provider: z.string(), record: registryRecord.nullable() }),
});
export const revocationBody = z.strictObject({ reason: z.string().max(500) });
export const decisionBody = z.strictObject({ approve: z.boolean(), reason: z.string().max(500).optional() });

export const fieldVisitBody = z.strictObject({
  visitedOn: isoDate,
  inspector: text(50),
  notes: z.string().max(5000).default(''),
  photoFileIds: z.array(z.uuid()).max(20).default([]),
});
export const fieldVisit = z.object({ id: z.uuid(), visitedOn: z.string(), inspector: z.string(), notes: z.string(), photoUrls: z.array(z.string()) });
