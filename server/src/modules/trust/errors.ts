import { defineErrors } from '../../platform/errors.js';

export const TrustErrors = defineErrors({
  LICENSE_FILE_INVALID: { kind: 'invalid', en: 'The business license must be a PNG, JPEG or PDF file uploaded by this company.', zh: '营业执照须为本企业上传的 PNG、JPEG 或 PDF 文件。' },
  VERIFICATION_NOT_FOUND: { kind: 'not_found', en: 'No such verification request.', zh: '认证申请不存在。' },
  VERIFICATION_ALREADY_DECIDED: { kind: 'conflict', en: 'This verification request has already been decided.', zh: '该认证申请已处理。' },
  REJECTION_REASON_REQUIRED: { kind: 'invalid', en: 'Say why the request is rejected; the company sees the reason.', zh: '驳回时请填写原因,企业将看到该原因。' },
  REGISTRY_UNAVAILABLE: { kind: 'conflict', en: 'The business registry cannot be reached right now; try again shortly.', zh: '工商登记查询暂不可用,请稍后重试。' },
  NOT_VERIFIED: { kind: 'conflict', en: 'The company must pass business registration verification first.', zh: '企业须先通过工商认证。' },
  NOT_REVOCABLE: { kind: 'conflict', en: 'Only an approved verification can be revoked.', zh: '只有已通过的认证可以撤销。' },
  REVOCATION_REASON_REQUIRED: { kind: 'invalid', en: 'Say why the verification is revoked; the company sees the reason.', zh: '撤销认证时请填写原因,企业将看到该原因。' },
  ESTABLISHED_IN_FUTURE: { kind: 'invalid', en: 'The date of establishment cannot be in the future.', zh: '成立日期不能晚于今天。' },
});
