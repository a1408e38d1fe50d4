import { FileOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, problemDetail } from '../../../api.js';
import { fileSize, type Attachment } from './model.js';

interface Uploaded { id: string; url: string; contentType: string; byteSize: number }

/**
 * Picks files and uploads each at once as an attachment of the active company (POST /files?purpose=attachment);
 * the parent keeps the list and sends the ids.
 */
export function AttachmentPicker({ value, onChange, disabled }: { value: UploadFile[]; onChange: (files: UploadFile[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      multiple
      fileList={value}
      maxCount={10}
      accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
      disabled={disabled}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const form = new FormData();
        form.append('file', file as Blob);
        api<Uploaded>('/files', { method: 'POST', form, query: { purpose: 'attachment' } })
          .then((r) => onSuccess?.(r))
          .catch((e: unknown) => {
            message.error(problemDetail(e));
            onError?.(e instanceof Error ? e : new Error(problemDetail(e)));
          });
      }}
    >
      <Button icon={<PaperClipOutlined />} disabled={disabled} data-testid="inquiry-attach" title={t('inquiries.attachHint')}>
        {t('inquiries.attach')}
      </Button>
    </Upload>
  );
}

/** The ids of the uploads that finished. */
export function uploadedIds(files: UploadFile[]): string[] {
  return files.filter((f) => f.status === 'done').map((f) => (f.response as Uploaded).id);
}

export function AttachmentList({ items }: { items: Attachment[] }) {
  if (items.length === 0) return null;
  return (
    <Space wrap size={[12, 4]}>
      {items.map((a, i) => (
        <a key={a.id} href={a.url} target="_blank" rel="noreferrer" data-testid="inquiry-attachment">
          {a.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />} {`${i + 1}.${a.contentType.split('/')[1] ?? ''}`} <span style={{ color: '#8c8c8c' }}>({fileSize(a.byteSize)})</span>
        </a>
      ))}
    </Space>
  );
}
