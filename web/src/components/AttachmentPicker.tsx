import { PlusOutlined } from '@ant-design/icons';
import { App, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { api, problemDetail } from '../api.js';

/**
 * antd Upload's customRequest for POST /files: the picked file is stored (purpose `attachment` unless told), a
 * problem is shown and the file marked failed. The stored file's id ends up in the UploadFile's `response`.
 */
export function useFileUpload(query: Record<string, string> = { purpose: 'attachment' }): NonNullable<UploadProps['customRequest']> {
  const { message } = App.useApp();
  return ({ file, onSuccess, onError }) => {
    const form = new FormData();
    form.append('file', file as Blob);
    api<{ id: string; url: string }>('/files', { method: 'POST', form, query })
      .then((r) => onSuccess?.(r))
      .catch((e: unknown) => {
        void message.error(problemDetail(e));
        onError?.(e instanceof Error ? e : new Error(problemDetail(e)));
      });
  };
}

/** Ids of the files that finished uploading, in the order shown. */
export const uploadedIds = (files: UploadFile[]): string[] =>
  files.map((f) => (f.status === 'done' ? (f.response as { id?: string } | undefined)?.id : undefined)).filter((id): id is string => Boolean(id));

/** Picture cards for photos and evidence: up to `max` files, each uploaded when picked. */
export function AttachmentPicker({ value, onChange, max, accept, label, testId }: {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  max: number;
  accept: string;
  label: string;
  testId: string;
}) {
  const upload = useFileUpload();
  return (
    <Upload
      listType="picture-card"
      multiple
      maxCount={max}
      fileList={value}
      accept={accept}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={upload}
      data-testid={testId}
    >
      {value.length < max && (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{label}</div>
        </div>
      )}
    </Upload>
  );
}
