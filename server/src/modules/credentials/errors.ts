import { defineErrors } from '../../platform/errors.js';

export const CredentialErrors = defineErrors({
  NO_CREDENTIAL: { kind: 'not_found', en: 'This company has no credential: only verified companies get one.', zh: '该企业暂无凭证:通过认证的企业才能获得。' },
});
