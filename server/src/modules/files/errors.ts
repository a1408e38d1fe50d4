import { defineErrors } from '../../platform/errors.js';

export const FileErrors = defineErrors({
  IMAGE_UNREADABLE: { kind: 'unsupported_media', en: 'This image could not be read; save it again as PNG, JPEG or WebP and upload it.', zh: '无法读取该图片,请重新保存为 PNG、JPEG 或 WebP 后上传。' },
});
