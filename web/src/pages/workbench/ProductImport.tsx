import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Cascader, Checkbox, Dropdown, Modal, Progress, Result, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import '../../i18n/catalogImport.js';
import type { CategoryNode, ProductStatus } from '../catalog/model.js';
import { findCategory, localizedName, useCategoryTree } from '../catalog/model.js';

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  fileName: string | null;
  categoryId: string | null;
  publish: boolean;
  rows: number;
  total: number;
  processed: number;
  created: number;
  failed: number;
  published: number;
  errors: Array<{ row: number; column: string; reason: string }>;
  errorsTruncated: boolean;
}

interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}
function cascaderOptions(nodes: CategoryNode[] | undefined): CascaderOption[] {
  return (nodes ?? []).map((n) => ({ value: n.id, label: localizedName(n), ...(n.children?.length ? { children: cascaderOptions(n.children) } : {}) }));
}
function pathTo(tree: CategoryNode[] | undefined, id: string | null): string[] {
  const walk = (nodes: CategoryNode[], trail: string[]): string[] | null => {
    for (const n of nodes) {
      const here = [...trail, n.id];
      if (n.id === id) return here;
      const found = walk(n.children ?? [], here);
      if (found) return found;
    }
    return null;
  };
  return id && tree ? (walk(tree, []) ?? []) : [];
}

const finished = (job: ImportJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed';
/** The last import of each company is remembered, so a seller can close the dialog and come back to it. */
const lastJobKey = (companyId: string) => `tongshang.import.${companyId}`;

export function useLastImport(companyId: string) {
  const [jobId, setJobId] = useState<string | null>(() => {
    try {
      return localStorage.getItem(lastJobKey(companyId));
    } catch {
      return null;
    }
  });
  const remember = (id: string | null) => {
    setJobId(id);
    try {
      if (id) localStorage.setItem(lastJobKey(companyId), id);
      else localStorage.removeItem(lastJobKey(companyId));
    } catch {
      // storage unavailable: the dialog just starts fresh
    }
  };
  return [jobId, remember] as const;
}

export function ImportResult({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportJob['errors'][number]> = [
    { title: t('productImport.row'), dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : t('productImport.fileLevel')) },
    { title: t('productImport.column'), dataIndex: 'column', width: 110, render: (c: string) => c || '—' },
    { title: t('productImport.reason'), dataIndex: 'reason' },
  ];
  return (
    <div data-testid="import-result" data-status={job.status}>
      <Typography.Paragraph data-testid="import-summary" style={{ marginBottom: 8 }}>
        {t('productImport.summary', { total: job.total, rows: job.rows, created: job.created, failed: job.failed })}
        {job.publish ? t('productImport.summaryPublished', { published: job.published }) : ''}
      </Typography.Paragraph>
      {job.errors.length === 0 ? (
        job.status === 'succeeded' && <Alert type="success" showIcon title={t('productImport.noErrors')} />
      ) : (
        <>
          <Typography.Text strong>{t('productImport.errorsTitle', { count: job.errors.length })}</Typography.Text>
          {job.errorsTruncated && <Typography.Text type="secondary"> {t('productImport.errorsTruncated', { count: job.errors.length })}</Typography.Text>}
          <Table
            rowKey={(e) => `${e.row}|${e.column}|${e.reason}`}
            size="small"
            columns={columns}
            dataSource={job.errors}
            pagination={job.errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            style={{ marginTop: 8 }}
            data-testid="import-errors"
          />
        </>
      )}
    </div>
  );
}

/** The import dialog: category → template → upload → progress → result with row errors. */
export function ImportDialog({ open, onClose, companyId }: { open: boolean; onClose: () => void; companyId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tree = useCategoryTree();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [jobId, setJobId] = useLastImport(companyId);
  const leaf = findCategory(tree.data, categoryId);
  const isLeaf = Boolean(leaf && !leaf.children?.length);

  const job = useQuery({
    queryKey: ['wb', 'import', jobId],
    queryFn: () => api<ImportJob>(`/products/import/${jobId ?? ''}`),
    enabled: open && Boolean(jobId),
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
    retry: false,
  });
  const current = job.data;
  useEffect(() => {
    if (finished(current)) void qc.invalidateQueries({ queryKey: ['wb', 'products'] });
  }, [current, qc]);
  // A remembered job that is gone (another company, a wiped database) is forgotten.
  useEffect(() => {
    if (job.isError) setJobId(null);
  }, [job.isError, setJobId]);

  const start = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      return api<{ job: ImportJob }>(withQuery('/products/import', { categoryId, publish: publish ? 'true' : undefined }), { method: 'POST', form });
    },
    onSuccess: (res) => {
      qc.setQueryData(['wb', 'import', res.job.id], res.job);
      setJobId(res.job.id);
      setFile(null);
    },
  });

  const reset = () => {
    setJobId(null);
    start.reset();
  };
  const templateUrl = (format: 'csv' | 'xlsx') => withQuery('/api/v1/products/import/template', { categoryId, format });
  const showJob = Boolean(jobId && current);
  const percent = current && current.total > 0 ? Math.round((current.processed / current.total) * 100) : 0;

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('productImport.title')}
      width={760}
      destroyOnHidden
      data-testid="import-dialog"
      footer={
        showJob && finished(current) ? (
          <Space>
            <Button onClick={reset} data-testid="import-again">{t('productImport.again')}</Button>
            <Link to={current?.publish ? '/workbench/products' : '/workbench/products?status=draft'} onClick={onClose}>
              <Button type="primary" data-testid="import-view-drafts">{current?.publish ? t('productImport.viewProducts') : t('productImport.viewDrafts')}</Button>
            </Link>
          </Space>
        ) : showJob ? (
          <Button onClick={onClose}>{t('productImport.close')}</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => start.mutate()} data-testid="import-start">
              {t('productImport.start')}
            </Button>
          </Space>
        )
      }
    >
      {showJob && current ? (
        <div data-testid="import-progress-panel">
          {current.fileName && <Typography.Paragraph type="secondary">{t('productImport.file', { name: current.fileName })}</Typography.Paragraph>}
          {!finished(current) && (
            <>
              <Typography.Paragraph>{current.status === 'queued' ? t('productImport.queued') : t('productImport.running', { processed: current.processed, total: current.total })}</Typography.Paragraph>
              <Progress percent={percent} status="active" data-testid="import-progress" />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('productImport.runningHint')}</Typography.Paragraph>
            </>
          )}
          {finished(current) && (
            <>
              <Result
                status={current.status === 'failed' ? 'error' : current.failed > 0 ? 'warning' : 'success'}
                title={current.status === 'failed' ? t('productImport.failed') : t('productImport.succeeded')}
                style={{ padding: '8px 0 16px' }}
              />
              <Space size={8} wrap>
                <Tag color="green" data-testid="import-created">{t('productImport.created', { count: current.created })}</Tag>
                {current.failed > 0 && <Tag color="red" data-testid="import-failed">{t('productImport.failedCount', { count: current.failed })}</Tag>}
                {current.publish && <Tag color="blue">{t('productImport.publishedCount', { count: current.published })}</Tag>}
              </Space>
              <div style={{ marginTop: 12 }}>
                <ImportResult job={current} />
              </div>
            </>
          )}
        </div>
      ) : (
        <Steps
          direction="vertical"
          size="small"
          current={!isLeaf ? 0 : file ? 2 : 1}
          items={[
            {
              title: t('productImport.stepCategory'),
              description: (
                <div style={{ padding: '4px 0 12px' }}>
                  <Cascader
                    options={cascaderOptions(tree.data)}
                    value={pathTo(tree.data, categoryId)}
                    onChange={(v) => setCategoryId(v?.length ? String(v[v.length - 1]) : null)}
                    showSearch={{ filter: (input, path) => path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
                    loading={tree.isPending}
                    placeholder={t('productImport.categoryHint')}
                    style={{ width: '100%', maxWidth: 480 }}
                    data-testid="import-category"
                  />
                  {categoryId && !isLeaf && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('productImport.categoryHint')} />}
                </div>
              ),
            },
            {
              title: t('productImport.stepTemplate'),
              description: (
                <div style={{ padding: '4px 0 12px' }}>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('productImport.templateHint')}</Typography.Paragraph>
                  <Space wrap>
                    <Button icon={<FileExcelOutlined />} href={isLeaf ? templateUrl('xlsx') : undefined} disabled={!isLeaf} data-testid="template-xlsx">
                      {t('productImport.templateXlsx')}
                    </Button>
                    <Button icon={<DownloadOutlined />} href={isLeaf ? templateUrl('csv') : undefined} disabled={!isLeaf} data-testid="template-csv">
                      {t('productImport.templateCsv')}
                    </Button>
                  </Space>
                </div>
              ),
            },
            {
              title: t('productImport.stepUpload'),
              description: (
                <div style={{ padding: '4px 0 0' }}>
                  <Upload.Dragger
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    multiple={false}
                    maxCount={1}
                    beforeUpload={(f) => {
                      setFile(f);
                      return false;
                    }}
                    onRemove={() => setFile(null)}
                    fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
                    data-testid="import-file"
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{t('productImport.dropTitle')}</p>
                    <p className="ant-upload-hint">{t('productImport.dropHint')}</p>
                  </Upload.Dragger>
                  <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)} style={{ marginTop: 12 }} data-testid="import-publish">
                    {t('productImport.publish')}
                  </Checkbox>
                  <ProblemAlert error={start.error} style={{ marginTop: 12 }} />
                </div>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}

/** Export buttons: the company's products of the current status filter, as .xlsx or CSV, in the import layout. */
export function ExportButton({ status }: { status: ProductStatus | null }) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => withQuery('/api/v1/products/export', { format, status });
  const items: MenuProps['items'] = [
    { key: 'xlsx', icon: <FileExcelOutlined />, label: <a href={href('xlsx')} data-testid="export-xlsx">{t('productImport.exportXlsx')}</a> },
    { key: 'csv', icon: <DownloadOutlined />, label: <a href={href('csv')} data-testid="export-csv">{t('productImport.exportCsv')}</a> },
    { type: 'divider' },
    { key: 'scope', disabled: true, label: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('productImport.exportScope', { status: status ? t(`catalog.status.${status}`) : t('productImport.exportAll') })}</Typography.Text> },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="export-products">
        {t('productImport.export')}
      </Button>
    </Dropdown>
  );
}
